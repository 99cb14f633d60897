"""Plugs the characters feature into the main window.

Adds the characters dock, Tools menu actions, "New Character from Selection" in the
editor's context menu, and a "Characters in this scene" list in the scene inspector
(whose POV choice already offers the cast). The appearance index follows typing,
saves, structural changes and cast changes through an ``AppearanceTracker``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMenu, QVBoxLayout

from studio.core.errors import NodeNotFoundError
from studio.gui.characters.appearance_tracker import AppearanceTracker
from studio.gui.characters.panel import CharactersPanel
from studio.gui.first_paint import after_first_paint

if TYPE_CHECKING:
    from studio.gui.main_window import MainWindow

MAX_NAME_CHARS = 60


def selected_name(window: MainWindow) -> str:
    """The editor's selected words, tidied, if they could be a name (one line, not too long)."""
    text = window.editor.textCursor().selectedText().replace("\u2029", "\n")
    if "\n" in text.strip():
        return ""
    name = " ".join(text.split()).strip(".,;:!?\"“”‘’'()[]—–-")
    for suffix in ("’s", "'s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name if 0 < len(name) <= MAX_NAME_CHARS else ""


class SceneCharactersList(QListWidget):
    """The inspector's list of the characters mentioned in the scene shown, in order of entrance."""

    def __init__(self, window: MainWindow, tracker: AppearanceTracker) -> None:
        super().__init__()
        self.setObjectName("sceneCharacters")
        self.window_ = window
        self.tracker = tracker
        self.setToolTip("Characters mentioned in this scene; click one to open its notes")
        self.setMaximumHeight(120)
        self.itemClicked.connect(self._on_clicked)
        tracker.updated.connect(self.refresh)
        window.editor.scene_shown.connect(lambda _sid: self.refresh())

    def refresh(self) -> None:
        """List the characters in the editor's scene with their counts."""
        self.clear()
        scene_id = self.window_.editor.current_scene_id()
        if not scene_id:
            return
        project = self.window_.session.project
        for character_id in self.tracker.index.characters_in(scene_id):
            try:
                character = project.character(character_id)
            except NodeNotFoundError:
                continue
            count = self.tracker.index.count(character_id, scene_id)
            item = QListWidgetItem(f"{character.name}  ({count})")
            item.setData(Qt.ItemDataRole.UserRole, character_id)
            self.addItem(item)

    def names(self) -> list[str]:
        """The names listed (for tests and screen readers)."""
        return [self.item(i).text().rsplit("  (", 1)[0] for i in range(self.count())]

    def _on_clicked(self, item: QListWidgetItem) -> None:
        window = self.window_
        window.characters_dock.show()
        window.characters_dock.raise_()
        window.characters_panel.select_character(item.data(Qt.ItemDataRole.UserRole))


class _NotesFlusher(QObject):
    """Saves the character notes being typed when the window closes (before it goes)."""

    def __init__(self, panel: CharactersPanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Flush the notes on the window's close event."""
        if event.type() == QEvent.Type.Close:
            self.panel.flush_notes()
        return False


def install(window: MainWindow) -> None:
    """Add the characters panel, its actions and the inspector's list to ``window``."""
    session, editor = window.session, window.editor

    def live_text() -> tuple[str | None, str]:
        scene_id = editor.current_scene_id()
        return scene_id, editor.scene_text() if scene_id else ""

    tracker = AppearanceTracker(session, live_text, hold_first_scan=True)
    after_first_paint(editor.viewport(), tracker.release)  # the big first scan waits for the window
    editor.textChanged.connect(lambda: None if editor.is_loading() else tracker.text_edited())
    panel = CharactersPanel(session, tracker, save_editor=editor.save_now)
    panel.message.connect(lambda text: window.statusBar().showMessage(text, 5000))
    dock = window.add_panel(panel, "Characters", "right", "charactersDock")
    dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+C"))
    window.installEventFilter(_NotesFlusher(panel))
    window.appearance_tracker = tracker
    window.characters_panel = panel
    window.characters_dock = dock

    def new_from_selection() -> None:
        name = selected_name(window)
        dock.show()
        dock.raise_()
        panel.new_character(name)

    from_selection = QAction("New Character from Selection", window)
    from_selection.setObjectName("newCharacterFromSelectionAction")
    from_selection.setStatusTip("Add a character named after the selected words")
    from_selection.triggered.connect(new_from_selection)

    def add_to_context_menu(menu: QMenu, _pos: QPoint) -> None:
        from_selection.setEnabled(bool(selected_name(window)) and not session.read_only)
        menu.addSeparator()
        menu.addAction(from_selection)

    editor.add_context_menu_hook(add_to_context_menu)

    tools = window.menu("tools")
    tools.addSeparator()
    new_action = tools.addAction("New &Character", lambda: (dock.show(), panel.new_character()))
    new_action.setObjectName("newCharacterAction")
    tools.addAction(from_selection)
    rename_action = tools.addAction("&Rename Character Everywhere…", lambda: panel.open_rename_dialog())
    rename_action.setObjectName("renameCharacterAction")
    for action in (new_action, from_selection, rename_action):
        action.setEnabled(not session.read_only)

    scene_list = SceneCharactersList(window, tracker)
    layout = window.inspector.layout()
    if isinstance(layout, QVBoxLayout):
        heading = QLabel("Characters in this scene", objectName="sceneCharactersLabel")
        at = max(0, layout.count() - 1)  # above the closing stretch
        layout.insertWidget(at, heading)
        layout.insertWidget(at + 1, scene_list)
    window.scene_characters = scene_list
    scene_list.refresh()
