"""The Places & Things panel: places, things and notes (sortable, filter as you type) and an editor.

Built like the Characters panel and from its parts (the sorting proxy, the appearances
list, the notes editor): field edits, new and delete are commands on the project undo
stack; the free-form notes are saved to ``notes/<file>`` a moment after typing stops.
"""

from __future__ import annotations

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
    QMenu,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from studio.app.changes import NoteChange
from studio.app.commands.notes import AddNoteCommand, DeleteNoteCommand, NoteCommand, SetNoteFieldsCommand
from studio.app.session import ProjectSession
from studio.core.errors import NodeNotFoundError, StudioError
from studio.core.nodes import NOTE_KINDS, Note
from studio.gui.characters.panel import split_aliases
from studio.gui.notes.tracker import BibleNotesEditor, NotesTracker
from studio.models.appearances_model import SCENE_ID_ROLE, AppearancesModel
from studio.models.characters_model import APPEARANCES, ID_ROLE, NAME, ROLE, CharactersFilterModel
from studio.models.notes_model import KIND_LABELS, NotesModel


def _tidy(text: str) -> str:
    return " ".join(text.split())


def _tool_button(text: str, tip: str, name: str) -> QToolButton:
    button = QToolButton()
    button.setObjectName(name)
    button.setText(text)
    button.setToolTip(tip)
    button.setAutoRaise(True)
    return button


def _list_view(name: str, model: QAbstractItemModel) -> QTreeView:
    """A read-only, single-selection list of rows, as the Characters panel's."""
    view = QTreeView()
    view.setObjectName(name)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setModel(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view


class NotesPanel(QWidget):
    """Lists the places, things and notes and edits the selected one; ``message(text)`` for the status bar."""

    message = Signal(str)

    def __init__(self, session: ProjectSession, tracker: NotesTracker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.session = session
        self.tracker = tracker
        self.note_id: str | None = None
        self._filling = False
        self.model = NotesModel(session.project, tracker.index, self)
        self.proxy = CharactersFilterModel(self.model, self)
        self.appearances = AppearancesModel(session.project, self)
        self._build()
        self._connect()
        self.show_note(None)
        if self.proxy.rowCount():
            self.select_note(self.proxy.index(0, 0).data(ID_ROLE))

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        self.filter_edit = QLineEdit(placeholderText="Filter places, things and notes")
        self.filter_edit.setObjectName("notesFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.new_button = _tool_button("+", "New place, thing or note", "newNoteButton")
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        new_menu = QMenu(self.new_button)
        for kind in NOTE_KINDS:
            action = new_menu.addAction(f"New {KIND_LABELS[kind]}")
            action.setObjectName(f"new{KIND_LABELS[kind]}Action")
            action.triggered.connect(lambda _checked=False, k=kind: self.new_note(k))
        self.new_button.setMenu(new_menu)
        self.delete_button = _tool_button("−", "Delete (undoable)", "deleteNoteButton")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        self.list_view = _list_view("notesList", self.proxy)
        self.list_view.setSortingEnabled(True)
        self.list_view.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        header = self.list_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(APPEARANCES, QHeaderView.ResizeMode.ResizeToContents)
        self.name_edit = QLineEdit(placeholderText="Name")
        self.name_edit.setObjectName("noteName")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("noteKind")
        for kind in NOTE_KINDS:
            self.kind_combo.addItem(KIND_LABELS[kind], kind)
        self.aliases_edit = QLineEdit(placeholderText="the Point, the old light")
        self.aliases_edit.setObjectName("noteAliases")
        self.aliases_edit.setToolTip("Other names the story uses, separated by commas")
        self.description_edit = QLineEdit(placeholderText="In one line")
        self.description_edit.setObjectName("noteDescription")
        self.notes_edit = BibleNotesEditor(self.session, self.current_note)
        self.notes_edit.setObjectName("noteText")
        self.notes_edit.setPlaceholderText("Notes: what it looks like, its history, who goes there…")
        self.notes_edit.message.connect(self.message)
        self.appearances_label = QLabel()
        self.appearances_label.setObjectName("noteAppearancesLabel")
        self.appearances_view = _list_view("noteAppearances", self.appearances)
        self.appearances_view.header().setStretchLastSection(False)
        self.appearances_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.appearances_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.appearances_view.setToolTip("Click a scene to open it at the first mention")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Name", self.name_edit)
        form.addRow("Kind", self.kind_combo)
        form.addRow("Aliases", self.aliases_edit)
        form.addRow("Description", self.description_edit)
        self.editor = QWidget()
        self.editor.setObjectName("noteEditor")
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 6, 0, 0)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.notes_edit, 2)
        editor_layout.addWidget(self.appearances_label)
        editor_layout.addWidget(self.appearances_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("notesSplitter")
        splitter.addWidget(self.list_view)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)
        self.delete_button.clicked.connect(self.delete_note)
        self.list_view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.name_edit.editingFinished.connect(lambda: self._commit(name=_tidy(self.name_edit.text())))
        self.kind_combo.activated.connect(lambda _i: self._commit(kind=self.kind_combo.currentData()))
        self.aliases_edit.editingFinished.connect(
            lambda: self._commit(aliases=split_aliases(self.aliases_edit.text()))
        )
        self.description_edit.editingFinished.connect(
            lambda: self._commit(description=_tidy(self.description_edit.text()))
        )
        self.appearances_view.clicked.connect(self.open_appearance)
        self.appearances_view.activated.connect(self.open_appearance)
        self.session.notes_changed.connect(self._on_notes_changed)
        self.tracker.updated.connect(self._on_index_updated)
        self.tracker.reordered.connect(self._show_appearances)
        delete = QAction("Delete", self.list_view)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_note)
        self.list_view.addAction(delete)

    # -- public API -------------------------------------------------------------------
    def current_note(self) -> Note | None:
        """The place, thing or note shown in the editor."""
        if not self.note_id:
            return None
        try:
            return self.session.project.note(self.note_id)
        except NodeNotFoundError:
            return None

    def select_note(self, note_id: str) -> None:
        """Select one in the list (clearing a filter that hides it) and show it."""
        row = self.model.row_of(note_id)
        if row < 0:
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            self.filter_edit.clear()
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.list_view.selectionModel().setCurrentIndex(proxy_index, flags)
        self.list_view.scrollTo(proxy_index)
        self.show_note(note_id)

    def new_note(self, kind: str = "place", name: str = "") -> str | None:
        """Add a place, thing or note (undoable) named ``name`` or "New Place"; select it; return its id."""
        name = " ".join(name.split())
        if not name:
            taken = {n.name for n in self.session.project.notes}
            base = name = f"New {KIND_LABELS[kind]}"
            number = 1
            while name in taken:
                number += 1
                name = f"{base} {number}"
        command = AddNoteCommand(self.session, name, kind)
        if not self._run(command):
            return None
        self.select_note(command.note_id)
        self.name_edit.setFocus()
        self.name_edit.selectAll()
        return command.note_id

    def delete_note(self) -> None:
        """Delete the selected place, thing or note (undoable: its notes come back too)."""
        if self.note_id:
            self.notes_edit.save()
            self._run(DeleteNoteCommand(self.session, self.note_id))

    def open_appearance(self, index: QModelIndex) -> None:
        """Open the scene of an appearance with the first mention selected."""
        if not index.isValid() or not self.note_id:
            return
        scene_id = index.data(SCENE_ID_ROLE)
        start, length = self.tracker.index.first_mention(self.note_id, scene_id) or (0, 0)
        self.session.open_scene_requested.emit(scene_id, start, length)

    def flush_notes(self) -> None:
        """Save the notes; typed notes that cannot be saved are kept in a copy beside the file."""
        self.notes_edit.flush()

    def show_note(self, note_id: str | None) -> None:
        """Fill the editor with a place, thing or note (None: an empty, disabled editor)."""
        if note_id != self.note_id:
            self.flush_notes()
        self.note_id = note_id
        note = self.current_note()
        if note is None:
            self.note_id = None
        self._filling = True
        try:
            self.name_edit.setText(note.name if note else "")
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(note.kind if note else "place")))
            self.aliases_edit.setText(", ".join(note.aliases) if note else "")
            self.description_edit.setText(note.description if note else "")
            self.notes_edit.load(note)
        finally:
            self._filling = False
        editable = note is not None and not self.session.read_only
        for widget in (self.name_edit, self.kind_combo, self.aliases_edit, self.description_edit):
            widget.setEnabled(editable)
        self.notes_edit.setReadOnly(not editable)
        self.notes_edit.setEnabled(note is not None)
        self.delete_button.setEnabled(editable)
        self.new_button.setEnabled(not self.session.read_only)
        self._show_appearances()

    # -- internals --------------------------------------------------------------------
    def _run(self, command: NoteCommand) -> bool:
        try:
            self.session.run(command)
        except (StudioError, OSError) as error:
            self.message.emit(str(error))
            return False
        return True

    def _commit(self, **fields: object) -> None:
        note = self.current_note()
        if self._filling or note is None:
            return
        if fields.get("name") == "":
            self.name_edit.setText(note.name)
            return
        changed = {k: v for k, v in fields.items() if getattr(note, k) != v}
        if changed:
            self._run(SetNoteFieldsCommand(self.session, note.id, **changed))

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_note(current.data(ID_ROLE) if current.isValid() else None)

    def _on_notes_changed(self, _change: NoteChange) -> None:
        keep = self.note_id
        self.model.sync()
        if keep and self.model.row_of(keep) >= 0:
            self.select_note(keep)
        else:
            self.show_note(None)

    def _on_index_updated(self) -> None:
        self.model.set_appearances(self.tracker.index)
        self._show_appearances()

    def _show_appearances(self) -> None:
        self.appearances.show(self.note_id, self.tracker.index)
        if not self.note_id:
            self.appearances_label.setText("Appearances")
            return
        rows = self.appearances.rows
        mentions = sum(count for _, count in rows)
        self.appearances_label.setText(
            f"Appearances: {mentions} mention(s) in {len(rows)} scene(s)" if rows else "Appearances: none yet"
        )
