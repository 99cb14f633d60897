"""The search feature: *Edit › Search in Project…* (Ctrl+Shift+F), its results dock, and Replace.

A hit in a scene's text opens the scene with the hit selected; a hit in a title or
synopsis opens the scene (the inspector shows the field); a hit in a character's notes
opens the character in the Characters panel; a hit in a part's notes is listed only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from studio.core import wording
from studio.gui.characters.feature import CharactersFeature
from studio.gui.features import WindowFeature
from studio.gui.icons import Icon, icon

if TYPE_CHECKING:  # the panel and the dialog load when first shown, not while the window opens
    from studio.core.search import Hit
    from studio.gui.main_window import MainWindow
    from studio.gui.search.panel import SearchPanel
    from studio.gui.search.replace_dialog import ReplaceDialog

REFRESH_AFTER_TYPING_MS = 600


class SearchFeature(WindowFeature):
    """The search dock and the Search/Replace in Project actions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.session = session = window.session
        editor = window.editor
        self.replace_dialog: ReplaceDialog | None = None

        self._panel: SearchPanel | None = None
        self.dock = window.add_lazy_panel(self._build_panel, "Search", "right", "searchPanel")
        self.dock.hide()
        session.scene_text_replaced.connect(lambda _sid: self._refresh())
        session.outline_changed.connect(lambda _change: self._refresh())
        editor.textChanged.connect(self._on_text_changed)
        edit = window.menu("edit")
        edit.addSeparator()
        self.search_action = QAction("Search in &Project…", window)
        self.search_action.setObjectName("searchProjectAction")
        self.search_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.search_action.setStatusTip("Search every scene, title, synopsis and note")
        self.search_action.triggered.connect(self.show_search)
        self.search_action.setIcon(icon(Icon.SEARCH_PROJECT))
        self.replace_action = QAction("&Replace in Project…", window)
        self.replace_action.setObjectName("replaceProjectAction")
        self.replace_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.replace_action.setStatusTip("Replace across the project, with a preview of every hit")
        self.replace_action.triggered.connect(self.open_replace_dialog)
        edit.addAction(self.search_action)
        edit.addAction(self.replace_action)

    @property
    def panel(self) -> SearchPanel:
        """The results panel, built on first use (the dock builds it when first shown)."""
        self.dock.content()
        assert self._panel is not None
        return self._panel

    def _build_panel(self) -> SearchPanel:
        from studio.gui.search.panel import SearchPanel

        editor = self.window.editor

        def live_text() -> tuple[str | None, str]:
            scene_id = editor.current_scene_id()
            return scene_id, editor.scene_text() if scene_id else ""

        panel = self._panel = SearchPanel(self.session, live_text)
        panel.hit_chosen.connect(self.open_hit)
        panel.replace_requested.connect(self.open_replace_dialog)
        return panel

    def show_search(self) -> None:
        """Show the dock with the pattern field focused (the editor's selection as the pattern)."""
        selected = self.window.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.panel.pattern_edit.setText(selected)
        self.dock.show()
        self.dock.raise_()
        self.panel.pattern_edit.setFocus()
        self.panel.pattern_edit.selectAll()

    def open_hit(self, hit: Hit) -> None:
        """Open what the hit is in: the scene at the hit, or the character."""
        if hit.kind == "scene":
            start, length = (hit.start, hit.end - hit.start) if hit.field == "text" else (0, 0)
            self.session.open_scene_requested.emit(hit.owner_id, start, length)
        elif hit.kind == "character":
            characters = CharactersFeature.installed(self.window)
            if characters is not None:
                characters.show_panel()
                characters.panel.select_character(hit.owner_id)
        else:
            self.window.statusBar().showMessage("Part notes are edited in the part's posting details.", 5000)

    def open_replace_dialog(self) -> ReplaceDialog | None:
        """Save the editor, then offer a replace with a preview (one undoable step)."""
        from studio.gui.search.replace_dialog import ReplaceDialog

        if not self.window.editor.save_now():
            self.window.statusBar().showMessage("Save the scene first: its text could not be saved.", 5000)
            return None
        self.replace_dialog = ReplaceDialog(
            self.session, self.panel.pattern(), self.panel.options(), self.window
        )
        self.replace_dialog.replaced.connect(
            lambda count: self.window.statusBar().showMessage(
                f"Replaced {wording.count(count, 'hit')}. Undo reverses it.", 5000
            )
        )
        self.replace_dialog.open()
        return self.replace_dialog

    def _refresh(self, delay: int = 0) -> None:
        if self._panel is not None and self._panel.pattern() and self.dock.isVisible():
            self.panel.schedule(delay)

    def _on_text_changed(self) -> None:
        if not self.window.editor.is_loading():
            self._refresh(REFRESH_AFTER_TYPING_MS)
