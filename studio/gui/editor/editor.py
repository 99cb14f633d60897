"""The scene editor: a calm, centred column of text with generous line spacing.

A ``QTextEdit`` in plain-text mode rather than a ``QPlainTextEdit``: only the
former honours a block's line height and paragraph spacing, and it still opens a
20,000-word scene to first paint in 35-60 ms (see ``tests/perf/bench_editor.py``).

Emphasis shows as you type (``emphasis_format``), the clipboard carries it both ways
(``clipboard``), typography applies as you type (``typography_input``), and paragraphs
look like a web page (a gap between them) or a manuscript (first-line indent, no gap).
For focus: zoom (points added to the font size) and typewriter scrolling (after a key, the
caret's line goes back to a fixed height); the dimming of paragraphs is ``studio.gui.focus``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QKeyEvent,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QFrame, QMenu, QTextEdit, QWidget

from studio.app.autosave import AutoSaver, EditorView
from studio.app.changes import OutlineChange, OutlineChangeKind
from studio.app.session import ProjectSession
from studio.core.emphasis import Kind
from studio.core.errors import NodeNotFoundError
from studio.gui.editor.clipboard import SCENE_MIME, pasted_text, plain_of, selection_mime
from studio.gui.editor.emphasis_format import EmphasisHighlighter, toggle_emphasis
from studio.gui.editor.typography_input import TypographyInput
from studio.gui.settings import ZOOM_RANGE

PREFERRED_FAMILIES = ("Literata", "Charter", "Georgia", "Source Serif 4", "Noto Serif", "DejaVu Serif")
COLUMN_CHARS = 70
MAX_COLUMN_PX = 720
LINE_HEIGHT_PERCENT = 150
PARAGRAPH_SPACING_PX = 6
TOP_MARGIN_PX = 36
PARAGRAPH_LOOKS = ("web", "manuscript")  # a gap between paragraphs; or a first-line indent, no gap
INDENT_CHARS = 4  # the manuscript look's first-line indent, in average characters
TYPEWRITER_HEIGHT = 0.4  # typewriter scrolling keeps the typed line at this fraction of the view
NO_SCENE_HINT = "Select a scene in the outline to start writing."
EMPTY_SCENE_HINT = "Start writing…"  # a scene is shown and empty: the editor is ready for its first words


def default_font_family() -> str:
    """Return the first installed family of the preferred reading fonts."""
    installed = set(QFontDatabase.families())
    for family in PREFERRED_FAMILIES:
        if family in installed:
            return family
    return QFont().defaultFamily()


def to_scene_text(raw: str) -> str:
    """Turn a document's raw text into file text: paragraph and line separators become newlines."""
    return raw.replace("\u2029", "\n").replace("\u2028", "\n")


GONE_KINDS = (OutlineChangeKind.REMOVED, OutlineChangeKind.TRASHED, OutlineChangeKind.RELOADED)


class SceneEditor(QTextEdit):
    """Edits one scene's text; saves through its ``AutoSaver``; ``scene_shown`` after a switch."""

    scene_shown = Signal(str)
    read_only_changed = Signal(bool)
    zoom_changed = Signal(int)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sceneEditor")
        self.session = session
        self._scene_id: str | None = None
        self._loading = True
        self.setAcceptRichText(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTabChangesFocus(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)  # the column: see _update_margins
        self.paragraph_look = "web"
        self._cursor_block = -1
        self.zoom = 0
        self._font_family, self._font_size = "", 13
        self.typewriter = False
        self.highlighter = EmphasisHighlighter(self.document(), self.palette())
        self.typography = TypographyInput(self)
        self.set_editor_font("", 13)
        view = EditorView(
            self.document(), self.current_scene_id, self.scene_text, self.is_loading, self.isReadOnly
        )
        self.autosave = AutoSaver(view, session, self)
        session.scene_text_replaced.connect(self._on_text_replaced)
        session.outline_changed.connect(self._on_outline_changed)
        self.document().contentsChange.connect(self._on_contents_change)
        self.cursorPositionChanged.connect(self._on_cursor_moved)
        self._loading = False
        self.setEnabled(False)
        self.setPlaceholderText(NO_SCENE_HINT)

    # -- public API -------------------------------------------------------------------
    def current_scene_id(self) -> str | None:
        """The id of the scene shown, or None."""
        return self._scene_id

    def is_loading(self) -> bool:
        """Whether the editor is replacing its text (not a user edit)."""
        return self._loading

    def show_scene(self, scene_id: str | None) -> None:
        """Save the scene shown, then show ``scene_id`` (None clears the editor)."""
        if scene_id == self._scene_id and scene_id is not None:
            return
        self.autosave.stash_current()
        self.autosave.save_now()
        self._scene_id = scene_id
        if scene_id is None:
            self._load_text("", read_only=True)
            self.setEnabled(False)
            self.setPlaceholderText(NO_SCENE_HINT)
        else:
            scene = self.session.project.scene(scene_id)
            pending = self.autosave.pending_text(scene_id)
            text = pending if pending is not None else self.session.project.scene_text(scene_id)
            read_only = scene.read_only or self.session.read_only
            self._load_text(text, read_only=read_only)
            self.setEnabled(True)
            self.setPlaceholderText("This scene is empty." if read_only else EMPTY_SCENE_HINT)
            if pending is not None:
                self.document().setModified(True)
        self.scene_shown.emit(scene_id or "")

    def save_now(self) -> bool:
        """Save the text shown (and any pending text) at once; return whether all is saved."""
        self.autosave.stash_current()
        return self.autosave.save_now()

    def scene_text(self) -> str:
        """The text in the editor, as it will be written to the file."""
        return to_scene_text(self.document().toRawText())

    def latest_text(self, scene_id: str) -> str:
        """The writer's newest text of a scene: waiting to be saved, in the editor, or on disk."""
        pending = self.autosave.pending_text(scene_id)
        if pending is not None:
            return pending
        if self.current_scene_id() == scene_id:
            return self.scene_text()
        return self.session.project.scene_text(scene_id)

    def visible_range(self) -> tuple[int, int]:
        """The document positions of the first and last characters visible in the viewport."""
        top = self.cursorForPosition(QPoint(0, 0)).position()
        bottom = self.cursorForPosition(QPoint(self.viewport().width() - 1, self.viewport().height() - 1))
        return top, bottom.position()

    # -- extra selections in layers, and the context menu hooks (spelling, find, ...) --------
    def set_extra_selections(self, layer: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Show ``selections`` as one named layer of extra selections, keeping the other layers."""
        layers: dict[str, list[QTextEdit.ExtraSelection]] = self.__dict__.setdefault("_selection_layers", {})
        layers[layer] = list(selections)
        self.setExtraSelections([selection for group in layers.values() for selection in group])

    def add_context_menu_hook(self, hook: Callable[[QMenu, QPoint], None]) -> None:
        """Call ``hook(menu, viewport_pos)`` to add actions before the context menu opens."""
        self.__dict__.setdefault("_context_menu_hooks", []).append(hook)

    def build_context_menu(self, pos: QPoint) -> QMenu:
        """Return the context menu for viewport position ``pos``: the standard one, Format, the hooks'."""
        menu = self.createStandardContextMenu()
        menu.addSeparator()
        writable = not self.isReadOnly() and self.isEnabled()
        for label, kind, keys in (("&Italic", "em", "Ctrl+I"), ("&Bold", "strong", "Ctrl+B")):
            action = menu.addAction(f"{label}\t{keys}")
            action.setObjectName(f"context{kind.title()}Action")
            action.setEnabled(writable)
            action.triggered.connect(lambda _checked=False, k=kind: self.toggle_emphasis(k))
        plain = menu.addAction("Paste as Plain &Text\tCtrl+Shift+V")
        plain.setObjectName("contextPastePlainAction")
        plain.setEnabled(writable)
        plain.triggered.connect(self.paste_plain)
        for hook in self.__dict__.get("_context_menu_hooks", []):
            hook(menu, pos)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Show the context menu built by ``build_context_menu``."""
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def set_editor_font(self, family: str, size: int) -> None:
        """Use ``family`` (or the best reading font installed) at ``size`` points (plus the zoom)."""
        self._font_family, self._font_size = family, size
        font = QFont(family or default_font_family())
        font.setPointSize(max(6, size + self.zoom))
        font.setStyleHint(QFont.StyleHint.Serif)
        self.setFont(font)
        self.document().setDefaultFont(font)
        self.highlighter.update_formats(self.palette(), font)
        self._update_margins()

    # -- focus: zoom, typewriter scrolling, dimming ---------------------------------------
    def set_zoom(self, zoom: int) -> None:
        """Add ``zoom`` points to the font size (kept within ``ZOOM_RANGE``); ``zoom_changed`` follows."""
        zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], zoom))
        if zoom != self.zoom:
            self.zoom = zoom
            self.set_editor_font(self._font_family, self._font_size)
            self.zoom_changed.emit(zoom)

    def font_size(self) -> int:
        """The point size shown (the preference plus the zoom)."""
        return self.document().defaultFont().pointSize()

    def set_typewriter(self, on: bool) -> None:
        """Keep the typed line at a fixed height (``TYPEWRITER_HEIGHT`` of the view) while typing."""
        self.typewriter = on
        if on:
            self._typewriter_scroll()

    def _typewriter_scroll(self) -> None:
        bar = self.verticalScrollBar()
        offset = self.cursorRect().center().y() - int(self.viewport().height() * TYPEWRITER_HEIGHT)
        if offset:
            bar.setValue(bar.value() + offset)

    # -- loading text -----------------------------------------------------------------
    def _load_text(self, text: str, read_only: bool, cursor_position: int = 0) -> None:
        self._loading = True
        try:
            # Paragraph and frame formats first, then the text: laid out and highlighted once.
            self.setPlainText("")
            cursor = QTextCursor(self.document())
            cursor.setBlockFormat(self._block_format())
            self._set_page_margins()
            self._update_margins()
            self.document().setUndoRedoEnabled(False)
            cursor.insertText(text)
            self.document().setUndoRedoEnabled(True)
            self._cursor_block = -1
            self._show_blank_blocks(self.document().firstBlock(), self.document().lastBlock())
            self.document().clearUndoRedoStacks()
            self.document().setModified(False)
            cursor = self.textCursor()
            cursor.setPosition(min(cursor_position, len(text)))
            self.setTextCursor(cursor)
            self.setReadOnly(read_only)
            self.read_only_changed.emit(read_only)
        finally:
            self._loading = False

    def _block_format(self) -> QTextBlockFormat:
        block = QTextBlockFormat()
        block.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        manuscript = self.paragraph_look == "manuscript"
        block.setBottomMargin(0 if manuscript else PARAGRAPH_SPACING_PX)
        block.setTextIndent(self.fontMetrics().averageCharWidth() * INDENT_CHARS if manuscript else 0)
        return block

    def _on_text_replaced(self, scene_id: str) -> None:
        if scene_id != self._scene_id:
            return
        self.autosave.discard(scene_id)
        position = self.textCursor().position()
        scrolled = self.verticalScrollBar().value()
        self._load_text(self.session.project.scene_text(scene_id), self.isReadOnly(), position)
        self.verticalScrollBar().setValue(scrolled)

    def _on_outline_changed(self, change: OutlineChange) -> None:
        """Close the scene shown if the change took it out of the manuscript (to the trash, or for good)."""
        if self._scene_id is None or change.kind not in GONE_KINDS:
            return
        try:
            self.session.project.locate(self._scene_id)
            return
        except NodeNotFoundError:
            pass
        try:
            self.session.project.scene(self._scene_id)
        except NodeNotFoundError:
            self.autosave.discard(self._scene_id)  # removed for good: there is no file left to hold it
        self.show_scene(None)  # a trashed scene keeps its text: saved to its file, or kept pending

    # -- layout -----------------------------------------------------------------------
    def _update_margins(self) -> None:
        """Centre the text column: a fixed wrap width and a left viewport margin, never a document edit.

        (A change of the document's frame format would mark the text modified, or not, in the
        middle of the writer's edit, and would be a step of its own on the undo stack.)
        """
        margins = self.viewportMargins()
        available = self.viewport().width() + margins.left() + margins.right()
        column = min(MAX_COLUMN_PX, self.fontMetrics().averageCharWidth() * COLUMN_CHARS, available - 48)
        column = max(column, 120)
        side = max(24, (available - column) // 2)
        if self.lineWrapColumnOrWidth() != column:
            self.setLineWrapColumnOrWidth(column)
        if margins.left() != side or margins.right() != 0:
            self.setViewportMargins(side, 0, 0, 0)

    def _set_page_margins(self) -> None:
        """The space above and below the text, set while a scene loads (its undo history is cleared)."""
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if frame.topMargin() != TOP_MARGIN_PX:
            frame.setTopMargin(TOP_MARGIN_PX)
            frame.setBottomMargin(TOP_MARGIN_PX * 2)
            root.setFrameFormat(frame)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the text column centred."""
        super().resizeEvent(event)
        self._update_margins()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Save when the editor loses focus."""
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.save_now()

    # -- emphasis, clipboard, typography, paragraph look --------------------------------------
    def toggle_emphasis(self, kind: Kind) -> bool:
        """Toggle italics (``em``) or bold (``strong``) on the selection or the word at the caret."""
        return toggle_emphasis(self, kind)

    def set_paragraph_look(self, look: str) -> None:
        """Show paragraphs as ``web`` (a gap between them) or ``manuscript`` (indented, no gap).

        The file does not change; the editor's typing history is cleared (a layout change).
        """
        look = look if look in PARAGRAPH_LOOKS else "web"
        if look == self.paragraph_look:
            return
        self.paragraph_look = look
        was_loading, was_modified = self._loading, self.document().isModified()
        self._loading = True
        try:
            cursor = QTextCursor(self.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.mergeBlockFormat(self._block_format())
            self._show_blank_blocks(self.document().firstBlock(), self.document().lastBlock())
            self.document().clearUndoRedoStacks()
            self.document().setModified(was_modified)
        finally:
            self._loading = was_loading

    def _show_blank_blocks(self, first: QTextBlock, last: QTextBlock) -> None:
        """In the manuscript look the blank lines between paragraphs take no room (but the caret's)."""
        manuscript = self.paragraph_look == "manuscript"
        caret = self.textCursor().blockNumber()
        block = first
        while block.isValid():
            visible = not manuscript or bool(block.text()) or block.blockNumber() == caret
            if block.isVisible() != visible:
                block.setVisible(visible)
                self.document().markContentsDirty(block.position(), block.length())
            if block == last:
                break
            block = block.next()

    def _on_contents_change(self, position: int, _removed: int, added: int) -> None:
        if self.paragraph_look == "manuscript":
            document = self.document()
            self._show_blank_blocks(document.findBlock(position), document.findBlock(position + added))

    def _on_cursor_moved(self) -> None:
        number = self.textCursor().blockNumber()
        if number == self._cursor_block or self.paragraph_look != "manuscript":
            self._cursor_block = number
            return
        before = self.document().findBlockByNumber(self._cursor_block)
        self._cursor_block = number
        for block in (before, self.textCursor().block()):
            if block.isValid():
                self._show_blank_blocks(block, block)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Type; in the manuscript look Enter starts a paragraph with a blank line, as the file wants."""
        cursor = self.textCursor()
        if (
            self.paragraph_look == "manuscript"
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and not self.isReadOnly()
            and not cursor.hasSelection()
            and cursor.positionInBlock() > 0
        ):
            cursor.insertText("\n\n")
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            return
        super().keyPressEvent(event)
        self.typography.after_key(event)
        if self.typewriter:
            self._typewriter_scroll()

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt override
        """Copy: the text with markers, HTML with ``<em>``/``<strong>``, and the app's own type."""
        return selection_mime(to_scene_text(self.textCursor().selectedText()))

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt override
        """Anything with text, HTML or the app's own type can be pasted."""
        return source.hasText() or source.hasHtml() or source.hasFormat(SCENE_MIME)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        """Paste: HTML's emphasis and paragraphs become markers and blank lines; one undo step."""
        self._insert(pasted_text(source))

    def paste_plain(self) -> None:
        """Paste the clipboard's plain text as it is (*Paste as Plain Text*)."""
        self._insert(plain_of(QGuiApplication.clipboard().mimeData()))

    def _insert(self, text: str | None) -> None:
        if not text or self.isReadOnly():
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Follow the theme: the markers are drawn in a dimmed text colour."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.update_formats(self.palette(), self.document().defaultFont())
