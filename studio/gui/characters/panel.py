"""The characters panel: the cast (sortable, filter as you type) and an editor for the one selected.

Field edits, new and delete are commands on the project undo stack; the free-form notes
are text, saved to the character's notes file a moment after typing stops. Clicking an
appearance asks the window to open that scene with the first mention selected.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QWidget,
)

from studio.app.commands.characters import (
    AddCharacterCommand,
    DeleteCharacterCommand,
    SetCharacterFieldsCommand,
)
from studio.app.session import ProjectSession
from studio.core.characters import plan_rename
from studio.core.errors import NodeNotFoundError, StudioError
from studio.core.nodes import DEFAULT_ROLES, Character
from studio.gui.characters.appearance_tracker import AppearanceTracker
from studio.gui.characters.entries_panel import EntriesPanel
from studio.gui.characters.notes_editor import CharacterNotesEditor
from studio.gui.characters.rename_dialog import RenameCharacterDialog
from studio.gui.elided import show_start
from studio.gui.empty_state import EmptyState
from studio.models.characters_model import (
    CharactersModel,
)


def split_aliases(text: str) -> list[str]:
    """Aliases typed as a comma-separated list, tidied, without repeats."""
    out: list[str] = []
    for alias in text.split(","):
        alias = " ".join(alias.split())
        if alias and alias not in out:
            out.append(alias)
    return out


class CharactersPanel(EntriesPanel):
    """Lists the characters and edits the selected one; ``message(text)`` for the status bar."""

    def __init__(
        self,
        session: ProjectSession,
        tracker: AppearanceTracker,
        save_editor: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, tracker, CharactersModel(session.project, tracker.index), parent)
        self.setObjectName("charactersPanel")
        self.save_editor = save_editor
        self.rename_dialog: RenameCharacterDialog | None = None
        self._build()
        self._connect()
        self._start()

    @property
    def character_id(self) -> str | None:
        """The id of the character shown."""
        return self.entry_id

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        self.filter_edit.setPlaceholderText("Filter characters")
        self.filter_edit.setObjectName("characterFilter")
        self.new_button = self._tool_button("+", "New character (Ctrl+Shift+C)", "newCharacterButton")
        self.delete_button = self._tool_button(
            "−", "Delete character (to the trash)", "deleteCharacterButton"
        )
        self.list_view.setObjectName("characterList")
        self.name_edit = QLineEdit(placeholderText="Name")
        self.name_edit.setObjectName("characterName")
        self.aliases_edit = QLineEdit(placeholderText="Jess, Summers, the Major")
        self.aliases_edit.setObjectName("characterAliases")
        self.aliases_edit.setToolTip("Other names the story uses, separated by commas")
        self.role_combo = QComboBox(editable=True)
        self.role_combo.setObjectName("characterRole")
        self.role_combo.addItems(["", *DEFAULT_ROLES])
        self._role_line_edit().setPlaceholderText("Role")
        self.description_edit = QLineEdit(placeholderText="In one line")
        self.description_edit.setObjectName("characterDescription")
        self.notes_edit = CharacterNotesEditor(self.session, self.current_character)
        self.notes_edit.message.connect(self.message)
        self.rename_button = QToolButton()
        self.rename_button.setObjectName("renameEverywhereButton")
        self.rename_button.setText("Rename…")
        self.rename_button.setToolTip("Rename this character and replace the name in every scene")
        self.appearances_label.setObjectName("appearancesLabel")
        self.appearances_view.setObjectName("characterAppearances")
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.rename_button)
        form = QFormLayout()
        form.addRow("Name", name_row)
        form.addRow("Aliases", self.aliases_edit)
        form.addRow("Role", self.role_combo)
        form.addRow("Description", self.description_edit)
        buttons: list[QWidget] = [self.new_button, self.delete_button]
        self._arrange(buttons, form, self.notes_edit, ("characterEditor", "charactersSplitter"))
        self.empty_state = EmptyState(self.list_view, self._empty_hint, ("New Character", self.new_character))
        if self.empty_state.button is not None:
            self.empty_state.button.setToolTip(
                "Or select a name in a scene and choose New Character from Selection (the editor's menu)"
            )

    def _empty_hint(self) -> str:
        return "No character matches the filter." if self.filter_edit.text().strip() else "No characters yet."

    def _role_line_edit(self) -> QLineEdit:
        line_edit = self.role_combo.lineEdit()
        assert line_edit is not None  # the role combo is editable, so it always has one
        return line_edit

    def _connect(self) -> None:
        self.new_button.clicked.connect(lambda: self.new_character())
        self.delete_button.clicked.connect(self.delete_character)
        self.rename_button.clicked.connect(lambda: self.open_rename_dialog())
        self.name_edit.editingFinished.connect(self._commit_name)
        self.aliases_edit.editingFinished.connect(
            lambda: self._commit(aliases=split_aliases(self.aliases_edit.text()))
        )
        self.role_combo.activated.connect(lambda _i: self._commit(role=self.role_combo.currentText().strip()))
        self._role_line_edit().editingFinished.connect(
            lambda: self._commit(role=self.role_combo.currentText().strip())
        )
        self.description_edit.editingFinished.connect(
            lambda: self._commit(description=" ".join(self.description_edit.text().split()))
        )
        self.session.cast_changed.connect(self._on_entries_changed)
        delete = QAction("Delete Character", self.list_view)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # only when the list has focus
        delete.triggered.connect(self.delete_character)
        self.list_view.addAction(delete)

    # -- public API -------------------------------------------------------------------
    def current_character(self) -> Character | None:
        """The character shown in the editor."""
        if not self.character_id:
            return None
        try:
            return self.session.project.character(self.character_id)
        except NodeNotFoundError:
            return None

    def select_character(self, character_id: str) -> None:
        """Select a character in the list (clearing a filter that hides it) and show it."""
        self.select_entry(character_id)

    def new_character(self, name: str = "") -> str | None:
        """Add a character (undoable) named ``name`` or "New Character"; select it; return its id."""
        name = " ".join(name.split())
        taken = {c.name for c in self.session.project.characters}
        if not name:
            name, number = "New Character", 1
            while name in taken:
                number += 1
                name = f"New Character {number}"
        command = AddCharacterCommand(self.session, name)
        if not self._run(command):
            return None
        self.select_character(command.character_id)
        self.name_edit.setFocus()
        self.name_edit.selectAll()
        return command.character_id

    def delete_character(self) -> None:
        """Send the selected character to the trash (undoable, restorable)."""
        if self.character_id:
            self.save_notes()
            self._run(DeleteCharacterCommand(self.session, self.character_id))

    def open_rename_dialog(self, new_name: str = "") -> RenameCharacterDialog | None:
        """Offer to rename the selected character across the manuscript, with a preview."""
        if not self.character_id:
            return None
        if self.save_editor is not None:
            self.save_editor()
        self.rename_dialog = RenameCharacterDialog(self.session, self.character_id, new_name, self)
        self.rename_dialog.renamed.connect(self.select_character)
        self.rename_dialog.finished.connect(lambda _r: self.show_character(self.character_id))
        self.rename_dialog.open()
        return self.rename_dialog

    def save_notes(self) -> None:
        """Write the notes being typed now (never over notes changed on disk)."""
        self.notes_edit.save()

    def flush_notes(self) -> None:
        """Save the notes; typed notes that cannot be saved are kept in a copy beside the file."""
        self.notes_edit.flush()

    def show_character(self, character_id: str | None) -> None:
        """Fill the editor with a character (None: an empty, disabled editor)."""
        self.show_entry(character_id)

    def show_entry(self, entry_id: str | None) -> None:
        """Fill the editor with a character (None: an empty, disabled editor)."""
        if entry_id != self.entry_id:
            self.flush_notes()
        self.entry_id = entry_id
        character = self.current_character()
        if character is None:
            self.entry_id = None
        self._filling = True
        try:
            self.name_edit.setText(character.name if character else "")
            self.aliases_edit.setText(", ".join(character.aliases) if character else "")
            self._fill_roles()
            self.role_combo.setCurrentText(character.role if character else "")
            self.description_edit.setText(character.description if character else "")
            self.notes_edit.load(character)
            show_start(self.name_edit, self.aliases_edit, self.description_edit, self._role_line_edit())
        finally:
            self._filling = False
        editable = character is not None and not self.session.read_only
        for widget in (self.name_edit, self.aliases_edit, self.role_combo, self.description_edit):
            widget.setEnabled(editable)
        self.notes_edit.setReadOnly(not editable)
        self.notes_edit.setEnabled(character is not None)
        self.rename_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)
        self.new_button.setEnabled(not self.session.read_only)
        self._show_appearances()

    def notes_changed_on_disk(self, character_id: str) -> None:
        """A notes file changed outside the app: show it, unless the writer has unsaved notes here."""
        if character_id != self.character_id or self.notes_edit.has_unsaved():
            return  # other notes are read when shown; unsaved ones are kept (saving reports the clash)
        self.show_character(character_id)

    # -- internals --------------------------------------------------------------------
    def _commit(self, **fields: object) -> None:
        character = self.current_character()
        if self._filling or character is None:
            return
        changed = {k: v for k, v in fields.items() if getattr(character, k) != v}
        if changed:
            self._run(SetCharacterFieldsCommand(self.session, character.id, **changed))

    def _commit_name(self) -> None:
        character = self.current_character()
        name = " ".join(self.name_edit.text().split())
        if self._filling or character is None or name == character.name:
            return
        if not name:
            self.name_edit.setText(character.name)
            return
        try:
            mentioned = bool(plan_rename(self.session.project, character.id, name, []))
        except StudioError:
            mentioned = False
        if mentioned:
            self.name_edit.setText(character.name)
            self.open_rename_dialog(name)
        else:
            self._commit(name=name)

    def _fill_roles(self) -> None:
        roles = ["", *DEFAULT_ROLES]
        roles += sorted({c.role for c in self.session.project.characters if c.role and c.role not in roles})
        if [self.role_combo.itemText(i) for i in range(self.role_combo.count())] != roles:
            self.role_combo.clear()
            self.role_combo.addItems(roles)
