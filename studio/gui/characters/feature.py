"""The characters feature of the main window.

Adds the characters dock, Tools menu actions, "New Character from Selection" in the
editor's context menu, and a "Characters in this scene" list in the scene inspector
(whose POV choice already offers the cast). The appearance index follows typing,
saves, structural changes and cast changes through an ``AppearanceTracker``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMenu

from studio.core.errors import NodeNotFoundError
from studio.core.safety.watcher import Changes
from studio.gui.characters.appearance_tracker import AppearanceTracker
from studio.gui.features import WindowFeature
from studio.gui.first_paint import after_first_paint
from studio.gui.icons import Icon, icon

if TYPE_CHECKING:  # the panel loads when first shown, not while the window opens
    from studio.gui.characters.panel import CharactersPanel
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

    def __init__(self, feature: CharactersFeature) -> None:
        super().__init__()
        self.setObjectName("sceneCharacters")
        self.feature = feature
        self.tracker = tracker = feature.tracker
        window = feature.window
        self.setToolTip("Characters mentioned in this scene; click one to open its notes")
        self.setMaximumHeight(120)
        self.itemClicked.connect(self._on_clicked)
        tracker.updated.connect(self.refresh)
        window.editor.scene_shown.connect(lambda _sid: self.refresh())

    def refresh(self) -> None:
        """List the characters in the editor's scene with their counts (untouched when nothing changed)."""
        rows: list[tuple[str, str]] = []
        scene_id = self.feature.window.editor.current_scene_id() or ""
        project = self.feature.session.project
        for character_id in self.tracker.index.characters_in(scene_id) if scene_id else []:
            try:
                character = project.character(character_id)
            except NodeNotFoundError:
                continue
            count = self.tracker.index.count(character_id, scene_id)
            rows.append((f"{character.name}  ({count})", character_id))
        role = Qt.ItemDataRole.UserRole
        shown = [(self.item(i).text(), self.item(i).data(role)) for i in range(self.count())]
        if rows == shown:
            return  # e.g. a scene moved: the same characters, nothing to redraw
        self.clear()
        for text, character_id in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, character_id)
            self.addItem(item)

    def names(self) -> list[str]:
        """The names listed (for tests and screen readers)."""
        return [self.item(i).text().rsplit("  (", 1)[0] for i in range(self.count())]

    def _on_clicked(self, item: QListWidgetItem) -> None:
        self.feature.show_panel()
        self.feature.panel.select_character(item.data(Qt.ItemDataRole.UserRole))


class CharactersFeature(WindowFeature):
    """The characters dock, its actions, and the inspector's list of the scene's characters."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.session = session = window.session
        editor = window.editor

        def live_text() -> tuple[str | None, str]:
            scene_id = editor.current_scene_id()
            return scene_id, editor.scene_text() if scene_id else ""

        self.tracker = AppearanceTracker(session, live_text, hold_first_scan=True)
        after_first_paint(editor.viewport(), self.tracker.release)  # the big first scan waits for the window
        editor.textChanged.connect(self._on_text_changed)
        self._panel: CharactersPanel | None = None
        self.dock = window.add_lazy_panel(self._build_panel, "Characters", "right", "charactersDock")
        self.dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+C"))
        window.close_accepted.connect(self._flush_notes)  # the notes being typed
        window.guard.outside_changes.connect(self._on_outside_changes)
        self._build_actions()
        self.scene_list = SceneCharactersList(self)
        heading = QLabel("Characters in this scene")
        heading.setObjectName("sceneCharactersLabel")
        window.inspector.add_scene_section(heading, self.scene_list)
        self.scene_list.refresh()

    @property
    def panel(self) -> CharactersPanel:
        """The characters panel, built on first use (the dock builds it when first shown)."""
        self.dock.content()
        assert self._panel is not None
        return self._panel

    def _build_panel(self) -> CharactersPanel:
        from studio.gui.characters.panel import CharactersPanel

        window = self.window
        panel = self._panel = CharactersPanel(self.session, self.tracker, save_editor=window.editor.save_now)
        panel.message.connect(lambda text: window.statusBar().showMessage(text, 5000))
        return panel

    def _flush_notes(self) -> None:
        if self._panel is not None:
            self._panel.flush_notes()

    def _on_text_changed(self) -> None:
        if not self.window.editor.is_loading():
            self.tracker.text_edited()

    def _on_outside_changes(self, changes: Changes) -> None:
        if self._panel is None:
            return  # the panel reads the notes from disk when it is built
        for character_id in changes.notes_changed:
            self.panel.notes_changed_on_disk(character_id)

    def show_panel(self) -> None:
        """Show the characters dock in front."""
        self.dock.show()
        self.dock.raise_()

    def _build_actions(self) -> None:
        window, session = self.window, self.session
        self.from_selection = QAction("New Character from Selection", window)
        self.from_selection.setObjectName("newCharacterFromSelectionAction")
        self.from_selection.setStatusTip("Add a character named after the selected words")
        self.from_selection.triggered.connect(self.new_from_selection)
        window.editor.add_context_menu_hook(self._add_to_context_menu)
        tools = window.menu("tools")
        tools.addSeparator()

        def new_character() -> None:
            self.dock.show()
            self.panel.new_character()

        self.new_action = tools.addAction("New &Character", new_character)
        self.new_action.setObjectName("newCharacterAction")
        self.new_action.setIcon(icon(Icon.NEW_CHARACTER))
        tools.addAction(self.from_selection)
        self.rename_action = tools.addAction(
            "&Rename Character Everywhere…", lambda: self.panel.open_rename_dialog()
        )
        self.rename_action.setObjectName("renameCharacterAction")
        self.rename_action.setIcon(icon(Icon.RENAME_CHARACTER))
        for action in (self.new_action, self.from_selection, self.rename_action):
            action.setEnabled(not session.read_only)

    def new_from_selection(self) -> None:
        """Start a new character named after the editor's selected words."""
        name = selected_name(self.window)
        self.show_panel()
        self.panel.new_character(name)

    def _add_to_context_menu(self, menu: QMenu, _pos: QPoint) -> None:
        self.from_selection.setEnabled(bool(selected_name(self.window)) and not self.session.read_only)
        menu.addSeparator()
        menu.addAction(self.from_selection)
