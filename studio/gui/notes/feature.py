"""The Places & Things feature: a lazy dock beside the Characters panel, and *Tools › New Place*."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studio.gui.characters.feature import CharactersFeature
from studio.gui.features import WindowFeature
from studio.gui.first_paint import after_first_paint
from studio.gui.notes.tracker import NotesTracker

if TYPE_CHECKING:  # the panel loads when first shown, not while the window opens
    from studio.gui.main_window import MainWindow
    from studio.gui.notes.panel import NotesPanel


class NotesFeature(WindowFeature):
    """The Places & Things dock (places, things and notes with their appearances) and its actions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.session = session = window.session
        editor = window.editor
        live_text = CharactersFeature.instance(window).tracker.live_text  # the scene being typed
        self.tracker = NotesTracker(session, live_text, hold_first_scan=True)
        after_first_paint(editor.viewport(), self.tracker.release)
        editor.textChanged.connect(self._on_text_changed)
        self._panel: NotesPanel | None = None
        # "&&": tabs and menus read one "&" as a shortcut mark; the dock's own title shows it as typed
        self.dock = window.add_lazy_panel(self._build_panel, "Places && Things", "right", "notesDock")
        window.close_accepted.connect(self._flush_notes)
        tools = window.menu("tools")
        self.new_action = tools.addAction("New &Place or Thing", self.new_place)
        self.new_action.setObjectName("newPlaceAction")
        self.new_action.setStatusTip("Add a place to the Places & Things panel")
        self.new_action.setEnabled(not session.read_only)

    @property
    def panel(self) -> NotesPanel:
        """The panel, built on first use (the dock builds it when first shown)."""
        self.dock.content()
        assert self._panel is not None
        return self._panel

    def show_panel(self) -> None:
        """Show the Places & Things dock in front."""
        self.dock.show()
        self.dock.raise_()

    def new_place(self) -> None:
        """Show the panel and add a place."""
        self.show_panel()
        self.panel.new_note("place")

    def _build_panel(self) -> NotesPanel:
        from studio.gui.notes.panel import NotesPanel

        panel = self._panel = NotesPanel(self.session, self.tracker)
        panel.message.connect(lambda text: self.window.statusBar().showMessage(text, 5000))
        return panel

    def _flush_notes(self) -> None:
        if self._panel is not None:
            self._panel.flush_notes()

    def _on_text_changed(self) -> None:
        if not self.window.editor.is_loading():
            self.tracker.text_edited()
