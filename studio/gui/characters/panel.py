"""The characters panel: the cast (sortable, filter as you type) and an editor for the one selected.

Field edits, new and delete are commands on the project undo stack; the free-form notes
are text, saved to the character's notes file a moment after typing stops. Clicking an
appearance asks the window to open that scene with the first mention selected.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from studio.app.changes import CastChange
from studio.app.commands.characters import (
    AddCharacterCommand,
    CharacterCommand,
    DeleteCharacterCommand,
    SetCharacterFieldsCommand,
)
from studio.app.session import ProjectSession
from studio.core.characters import plan_rename
from studio.core.errors import NodeNotFoundError, StudioError
from studio.core.nodes import DEFAULT_ROLES, Character
from studio.gui.characters.appearance_tracker import AppearanceTracker
from studio.gui.characters.notes_editor import CharacterNotesEditor
from studio.gui.characters.rename_dialog import RenameCharacterDialog
from studio.gui.elided import FullTextDelegate, show_start
from studio.models.appearances_model import SCENE_ID_ROLE, AppearancesModel
from studio.models.characters_model import (
    APPEARANCES,
    ID_ROLE,
    NAME,
    ROLE,
    CharactersFilterModel,
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


class CharactersPanel(QWidget):
    """Lists the characters and edits the selected one; ``message(text)`` for the status bar."""

    message = Signal(str)

    def __init__(
        self,
        session: ProjectSession,
        tracker: AppearanceTracker,
        save_editor: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("charactersPanel")
        self.session = session
        self.tracker = tracker
        self.save_editor = save_editor
        self.character_id: str | None = None
        self._filling = False
        self.rename_dialog: RenameCharacterDialog | None = None
        self.model = CharactersModel(session.project, tracker.index, self)
        self.proxy = CharactersFilterModel(self.model, self)
        self.appearances = AppearancesModel(session.project, self)
        self._build()
        self._connect()
        self.show_character(None)
        if self.proxy.rowCount():
            self.select_character(self.proxy.index(0, 0).data(ID_ROLE))

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        self.filter_edit = QLineEdit(placeholderText="Filter characters")
        self.filter_edit.setObjectName("characterFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.new_button = self._tool_button("+", "New character (Ctrl+Shift+C)", "newCharacterButton")
        self.delete_button = self._tool_button(
            "−", "Delete character (to the trash)", "deleteCharacterButton"
        )
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        self.list_view = self._tree_view("characterList", self.proxy)
        self.list_view.setSortingEnabled(True)
        self.list_view.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        header = self.list_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(APPEARANCES, QHeaderView.ResizeMode.ResizeToContents)
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
        self.appearances_label = QLabel()
        self.appearances_label.setObjectName("appearancesLabel")
        self.appearances_view = self._tree_view("characterAppearances", self.appearances)
        self.appearances_view.header().setStretchLastSection(False)
        self.appearances_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.appearances_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.appearances_view.setToolTip("Click a scene to open it at the first mention")
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.rename_button)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Name", name_row)
        form.addRow("Aliases", self.aliases_edit)
        form.addRow("Role", self.role_combo)
        form.addRow("Description", self.description_edit)
        self.editor = QWidget()
        self.editor.setObjectName("characterEditor")
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 6, 0, 0)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.notes_edit, 2)
        editor_layout.addWidget(self.appearances_label)
        editor_layout.addWidget(self.appearances_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("charactersSplitter")
        splitter.addWidget(self.list_view)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _role_line_edit(self) -> QLineEdit:
        line_edit = self.role_combo.lineEdit()
        assert line_edit is not None  # the role combo is editable, so it always has one
        return line_edit

    def _tool_button(self, text: str, tip: str, name: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def _tree_view(self, name: str, model: QAbstractItemModel) -> QTreeView:
        view = QTreeView()
        view.setObjectName(name)
        view.setModel(model)
        view.setRootIsDecorated(False)
        view.setUniformRowHeights(True)
        view.setAlternatingRowColors(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setItemDelegate(FullTextDelegate(view))  # "The Lamp at … › The Storm", the whole in a tooltip
        return view

    def _connect(self) -> None:
        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)
        self.new_button.clicked.connect(lambda: self.new_character())
        self.delete_button.clicked.connect(self.delete_character)
        self.rename_button.clicked.connect(lambda: self.open_rename_dialog())
        self.list_view.selectionModel().currentRowChanged.connect(self._on_current_changed)
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
        self.appearances_view.clicked.connect(self.open_appearance)
        self.appearances_view.activated.connect(self.open_appearance)
        self.session.cast_changed.connect(self._on_cast_changed)
        self.tracker.updated.connect(self._on_index_updated)
        self.tracker.reordered.connect(self._show_appearances)
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
        row = self.model.row_of(character_id)
        if row < 0:
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            self.filter_edit.clear()
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.list_view.selectionModel().setCurrentIndex(proxy_index, flags)
        self.list_view.scrollTo(proxy_index)
        self.show_character(character_id)

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

    def open_appearance(self, index: QModelIndex) -> None:
        """Open the scene of an appearance with the character's first mention selected."""
        if not index.isValid() or not self.character_id:
            return
        scene_id = index.data(SCENE_ID_ROLE)
        start, length = self.tracker.index.first_mention(self.character_id, scene_id) or (0, 0)
        self.session.open_scene_requested.emit(scene_id, start, length)

    def save_notes(self) -> None:
        """Write the notes being typed now (never over notes changed on disk)."""
        self.notes_edit.save()

    def flush_notes(self) -> None:
        """Save the notes; typed notes that cannot be saved are kept in a copy beside the file."""
        self.notes_edit.flush()

    def show_character(self, character_id: str | None) -> None:
        """Fill the editor with a character (None: an empty, disabled editor)."""
        if character_id != self.character_id:
            self.flush_notes()
        self.character_id = character_id
        character = self.current_character()
        if character is None:
            self.character_id = None
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
    def _run(self, command: CharacterCommand) -> bool:
        try:
            self.session.run(command)
        except (StudioError, OSError) as error:
            self.message.emit(str(error))
            return False
        return True

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

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_character(current.data(ID_ROLE) if current.isValid() else None)

    def _on_cast_changed(self, _change: CastChange) -> None:
        keep = self.character_id
        self.model.sync()
        if keep and self.model.row_of(keep) >= 0:
            self.select_character(keep)
        else:
            self.show_character(None)

    def _on_index_updated(self) -> None:
        self.model.set_appearances(self.tracker.index)
        self._show_appearances()

    def _show_appearances(self) -> None:
        self.appearances.show(self.character_id, self.tracker.index)
        if not self.character_id:
            self.appearances_label.setText("Appearances")
            return
        rows = self.appearances.rows
        mentions = sum(count for _, count in rows)
        self.appearances_label.setText(
            f"Appearances: {mentions} mention(s) in {len(rows)} scene(s)" if rows else "Appearances: none yet"
        )
