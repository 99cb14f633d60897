"""Focus: full screen, focus mode, zoom, typewriter scrolling, dimmed paragraphs, the scene title.

*View › Full Screen* (F11) toggles the window's full-screen state. *View › Focus Mode*
(Ctrl+Shift+Return) hides the outline, the docks, the menu bar and the status bar, leaving
the centred column; Esc (or the same keys) brings back what was shown. While the menu bar is
hidden its actions are added to the window, so their shortcuts keep working. Zoom (Ctrl+= /
Ctrl+- / Ctrl+0), typewriter scrolling and dimming are remembered in ``AppSettings``.

The scene's title stands above its text in a line edit; editing it renames the scene through
``RenameCommand`` (one undo step on the project stack).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QDockWidget, QLineEdit, QMenu, QTextEdit, QWidget

from studio.app.changes import OutlineChange
from studio.app.commands import RenameCommand
from studio.core.errors import NodeNotFoundError
from studio.gui.features import WindowFeature
from studio.gui.icons import Icon, icon

if TYPE_CHECKING:
    from studio.gui.editor import SceneEditor
    from studio.gui.main_window import MainWindow

DIM_LAYER = "focusDim"
FOCUS_KEYS = "Ctrl+Shift+Return"


class ParagraphDimmer(QObject):
    """Dims all but the caret's paragraph: two extra selections, moved when the caret changes paragraph."""

    def __init__(self, editor: SceneEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.enabled = False
        self._block = -1
        editor.cursorPositionChanged.connect(self._update)
        editor.scene_shown.connect(lambda _sid: self.refresh())

    def set_enabled(self, on: bool) -> None:
        """Dim (or stop dimming) the other paragraphs."""
        self.enabled = on
        self.refresh()

    def refresh(self) -> None:
        """Work the selections out again (a new scene, a new setting)."""
        self._block = -1
        if not self.enabled:
            self.editor.set_extra_selections(DIM_LAYER, [])
        self._update()

    def _update(self) -> None:
        if not self.enabled:
            return
        block = self.editor.textCursor().block()
        if block.blockNumber() == self._block:
            return  # the selections are cursors: they follow typing inside the paragraph
        self._block = block.blockNumber()
        dim = QTextCharFormat()
        dim.setForeground(self.editor.palette().placeholderText())
        document = self.editor.document()
        end = document.characterCount() - 1
        selections = []
        for start, stop in ((0, block.position()), (block.position() + block.length() - 1, end)):
            if stop > start:
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(document)
                cursor.setPosition(start)
                cursor.setPosition(stop, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format = dim
                selections.append(selection)
        self.editor.set_extra_selections(DIM_LAYER, selections)


class SceneTitleField(QLineEdit):
    """The scene's title above its text; editing it renames the scene (undoable)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.setObjectName("sceneTitleField")
        self.setFrame(False)
        self.setPlaceholderText("Scene title")
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.setFont(font)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.window_ = window
        self.editingFinished.connect(self._commit)
        self.returnPressed.connect(window.editor.setFocus)
        window.editor.scene_shown.connect(lambda _sid: self.refresh())
        window.session.outline_changed.connect(self._on_outline_changed)
        window.session.scene_changed.connect(lambda _sid: self.refresh())
        self.refresh()

    def scene_id(self) -> str | None:
        """The scene whose title is shown."""
        return self.window_.editor.current_scene_id()

    def refresh(self) -> None:
        """Show the title of the editor's scene (hidden when there is none)."""
        scene_id = self.scene_id()
        title = ""
        if scene_id:
            try:
                title = self.window_.project.scene(scene_id).title
            except NodeNotFoundError:
                scene_id = None
        if self.text() != title:
            self.setText(title)
        self.setVisible(scene_id is not None)
        self.setReadOnly(self.window_.session.read_only)

    def _on_outline_changed(self, change: OutlineChange) -> None:
        scene_id = self.scene_id()
        if scene_id and change.touches(scene_id):
            self.refresh()

    def _commit(self) -> None:
        scene_id, title = self.scene_id(), self.text().strip()
        if not scene_id or self.window_.session.read_only:
            return
        try:
            old = self.window_.project.scene(scene_id).title
        except NodeNotFoundError:
            return
        if not title:
            self.setText(old)
        elif title != old:
            self.window_.session.push(RenameCommand(self.window_.session, scene_id, title))


class FocusFeature(WindowFeature):
    """View › Full Screen, Focus Mode, zoom, typewriter scrolling and dimming; the title above the text."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.editor = window.editor
        self.dimmer = ParagraphDimmer(window.editor)
        self.title_field = SceneTitleField(window)
        pane = window.editor_pane.layout()
        assert pane is not None
        pane.insertWidget(pane.indexOf(window.editor), self.title_field)  # type: ignore[attr-defined]
        self._hidden: list[QWidget] = []
        self._adopted: list[QAction] = []
        menu = window.menu("view")
        menu.addSeparator()
        self.full_screen_action = self._action("&Full Screen", "fullScreenAction", [QKeySequence("F11")])
        self.full_screen_action.setCheckable(True)
        self.full_screen_action.triggered.connect(self.toggle_full_screen)
        self.focus_action = self._action("F&ocus Mode", "focusModeAction", [QKeySequence(FOCUS_KEYS)])
        self.focus_action.setCheckable(True)
        self.focus_action.triggered.connect(self.set_focus_mode)
        settings = window.settings
        self.typewriter_action = self._action("&Typewriter Scrolling", "typewriterAction", [])
        self.typewriter_action.setCheckable(True)
        self.typewriter_action.setChecked(settings.typewriter_scrolling)
        self.typewriter_action.toggled.connect(self._set_typewriter)
        self.dim_action = self._action("&Dim Other Paragraphs", "dimParagraphsAction", [])
        self.dim_action.setCheckable(True)
        self.dim_action.setChecked(settings.dim_paragraphs)
        self.dim_action.toggled.connect(self._set_dimming)
        menu.addSeparator()
        zoom_in = [QKeySequence("Ctrl+="), QKeySequence("Ctrl++")]
        zoom_in_action = self._action("Zoom &In", "zoomInAction", zoom_in)
        zoom_in_action.triggered.connect(lambda: self.zoom_by(1))
        zoom_in_action.setIcon(icon(Icon.ZOOM_IN))
        zoom_out = [QKeySequence("Ctrl+-")]
        zoom_out_action = self._action("Zoom &Out", "zoomOutAction", zoom_out)
        zoom_out_action.triggered.connect(lambda: self.zoom_by(-1))
        zoom_out_action.setIcon(icon(Icon.ZOOM_OUT))
        actual = [QKeySequence("Ctrl+0")]
        self._action("&Actual Size", "zoomResetAction", actual).triggered.connect(lambda: self.set_zoom(0))
        self.editor.set_zoom(settings.editor_zoom)
        self.editor.set_typewriter(settings.typewriter_scrolling)
        self.dimmer.set_enabled(settings.dim_paragraphs)

    def _action(self, text: str, name: str, keys: list[QKeySequence]) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcuts(keys)
        self.window.menu("view").addAction(action)
        return action

    # -- full screen and focus mode ----------------------------------------------------------
    def toggle_full_screen(self) -> None:
        """Enter or leave full screen."""
        self.window.setWindowState(self.window.windowState() ^ Qt.WindowState.WindowFullScreen)
        self.full_screen_action.setChecked(self.is_full_screen())

    def is_full_screen(self) -> bool:
        """Whether the window is (asked to be) full screen."""
        return bool(self.window.windowState() & Qt.WindowState.WindowFullScreen)

    def in_focus_mode(self) -> bool:
        """Whether focus mode is on."""
        return bool(self._hidden) or self.focus_action.isChecked()

    def set_focus_mode(self, on: bool) -> None:
        """Hide (or bring back) the outline, the docks, the menu bar and the status bar."""
        window = self.window
        self.focus_action.setChecked(on)
        if on and not self._hidden:
            docks = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
            candidates = [window.left_tabs, *docks, window.menuBar(), window.statusBar()]
            self._hidden = [w for w in candidates if w.isVisible()] or [window.statusBar()]
            self._adopted = [a for a in _menu_actions(window) if a not in window.actions()]
            window.addActions(self._adopted)  # shortcuts work with the menu bar hidden
            for widget in self._hidden:
                widget.hide()
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            window.editor.setFocus()
        elif not on and self._hidden:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            for widget in self._hidden:
                widget.show()
            for action in self._adopted:
                window.removeAction(action)
            self._hidden, self._adopted = [], []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """In focus mode, Esc in the window leaves it (unless the find bar takes it), as a close does."""
        kind = event.type()
        if kind == QEvent.Type.Close and watched is self.window:
            self.set_focus_mode(False)  # the layout is stored with the panels shown
            return False
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(event, QKeyEvent) or event.key() != Qt.Key.Key_Escape:
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        if self.window.find_bar.isVisible():
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # Esc comes as a key press, not as another widget's shortcut
            return False
        self.set_focus_mode(False)
        return True

    # -- zoom, typewriter, dimming --------------------------------------------------------------
    def zoom_by(self, step: int) -> None:
        """Make the editor's text larger (``step`` > 0) or smaller, and remember it."""
        self.set_zoom(self.editor.zoom + step)

    def set_zoom(self, zoom: int) -> None:
        """Set the zoom (points over the preferred size) and remember it."""
        self.editor.set_zoom(zoom)
        self.window.settings.editor_zoom = self.editor.zoom

    def _set_typewriter(self, on: bool) -> None:
        self.editor.set_typewriter(on)
        self.window.settings.typewriter_scrolling = on

    def _set_dimming(self, on: bool) -> None:
        self.dimmer.set_enabled(on)
        self.window.settings.dim_paragraphs = on


def _menu_actions(window: MainWindow) -> list[QAction]:
    """Every action with a shortcut in the window's menus (submenus included)."""
    found: list[QAction] = []
    pending = list(window.menuBar().actions())
    while pending:
        action = pending.pop()
        menu = action.menu()
        if isinstance(menu, QMenu):
            pending.extend(menu.actions())
        elif not action.shortcut().isEmpty():
            found.append(action)
    return found
