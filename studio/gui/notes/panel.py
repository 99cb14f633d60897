"""The Places & Things panel: places, things and notes (sortable, filter as you type) and an editor.

Built like the Characters panel and from its parts (the sorting proxy, the appearances
list, the notes editor): field edits, new and delete are commands on the project undo
stack; the free-form notes are saved to ``notes/<file>`` a moment after typing stops.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
)

from studio.app.changes import OutlineChange, OutlineChangeKind
from studio.app.commands.notes import AddNoteCommand, DeleteNoteCommand, SetNoteFieldsCommand
from studio.app.session import ProjectSession
from studio.core.errors import NodeNotFoundError
from studio.core.nodes import NOTE_KINDS, Note
from studio.gui.characters.entries_panel import EntriesPanel
from studio.gui.characters.panel import split_aliases
from studio.gui.elided import show_start
from studio.gui.notes.tracker import BibleNotesEditor, NotesTracker
from studio.models.notes_model import KIND_LABELS, NotesModel


def _tidy(text: str) -> str:
    return " ".join(text.split())


class NotesPanel(EntriesPanel):
    """Lists the places, things and notes and edits the selected one; ``message(text)`` for the status bar."""

    def __init__(self, session: ProjectSession, tracker: NotesTracker, parent: QWidget | None = None) -> None:
        super().__init__(session, tracker, NotesModel(session.project, tracker.index), parent)
        self.setObjectName("notesPanel")
        self._build()
        self._connect()
        self._start()

    @property
    def note_id(self) -> str | None:
        """The id of the place, thing or note shown."""
        return self.entry_id

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        self.filter_edit.setPlaceholderText("Filter places and things")
        self.filter_edit.setObjectName("notesFilter")
        self.new_button = self._tool_button("+", "New place, thing or note", "newNoteButton")
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        new_menu = QMenu(self.new_button)
        for kind in NOTE_KINDS:
            action = new_menu.addAction(f"New {KIND_LABELS[kind]}")
            action.setObjectName(f"new{KIND_LABELS[kind]}Action")
            action.triggered.connect(lambda _checked=False, k=kind: self.new_note(k))
        self.new_button.setMenu(new_menu)
        self.delete_button = self._tool_button("−", "Delete (undoable)", "deleteNoteButton")
        self.list_view.setObjectName("notesList")
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
        self.appearances_label.setObjectName("noteAppearancesLabel")
        self.appearances_view.setObjectName("noteAppearances")
        form = QFormLayout()
        form.addRow("Name", self.name_edit)
        form.addRow("Kind", self.kind_combo)
        form.addRow("Aliases", self.aliases_edit)
        form.addRow("Description", self.description_edit)
        buttons: list[QWidget] = [self.new_button, self.delete_button]
        self._arrange(buttons, form, self.notes_edit, ("noteEditor", "notesSplitter"))

    def _connect(self) -> None:
        self.delete_button.clicked.connect(self.delete_note)
        self.name_edit.editingFinished.connect(lambda: self._commit(name=_tidy(self.name_edit.text())))
        self.kind_combo.activated.connect(lambda _i: self._commit(kind=self.kind_combo.currentData()))
        self.aliases_edit.editingFinished.connect(
            lambda: self._commit(aliases=split_aliases(self.aliases_edit.text()))
        )
        self.description_edit.editingFinished.connect(
            lambda: self._commit(description=_tidy(self.description_edit.text()))
        )
        self.session.notes_changed.connect(self._on_entries_changed)
        self.session.outline_changed.connect(self._on_outline_changed)
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
        self.select_entry(command.note_id)
        self.name_edit.setFocus()
        self.name_edit.selectAll()
        return command.note_id

    def delete_note(self) -> None:
        """Delete the selected place, thing or note (undoable: its notes come back too)."""
        if self.note_id:
            self.notes_edit.save()
            self._run(DeleteNoteCommand(self.session, self.note_id))

    def flush_notes(self) -> None:
        """Save the notes; typed notes that cannot be saved are kept in a copy beside the file."""
        self.notes_edit.flush()

    def show_entry(self, entry_id: str | None) -> None:
        """Fill the editor with a place, thing or note (None: an empty, disabled editor)."""
        if entry_id != self.entry_id:
            self.flush_notes()
        self.entry_id = entry_id
        note = self.current_note()
        if note is None:
            self.entry_id = None
        self._filling = True
        try:
            self.name_edit.setText(note.name if note else "")
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(note.kind if note else "place")))
            self.aliases_edit.setText(", ".join(note.aliases) if note else "")
            self.description_edit.setText(note.description if note else "")
            self.notes_edit.load(note)
            show_start(self.name_edit, self.aliases_edit, self.description_edit)
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
    def _on_outline_changed(self, change: OutlineChange) -> None:
        if change.kind == OutlineChangeKind.RELOADED:  # story.json re-read: the places may differ
            self._on_entries_changed(change)

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
