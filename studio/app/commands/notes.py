"""Undoable edits of places, things and notes: new, delete, field changes.

Pushed with ``session.run(command)`` (a refusal raises ``StudioError``, nothing lands on the
stack) or ``session.push``. Each announces a ``NoteChange`` on ``session.notes_changed``.
"""

from __future__ import annotations

from typing import Any

from studio.app.changes import NoteChange, NoteChangeKind
from studio.app.commands.base import ProjectCommand
from studio.app.commands.characters import FIELD_LABELS
from studio.app.session import ProjectSession
from studio.core.nodes import Note

KIND_NAMES = {"place": "Place", "thing": "Thing", "note": "Note"}


class NoteCommand(ProjectCommand):
    """A change to the places, things and notes (the one ``ProjectCommand`` protocol)."""

    def announce_notes(self, kind: NoteChangeKind, ids: list[str]) -> None:
        """Tell listeners which places, things or notes changed."""
        self.session.notes_changed.emit(NoteChange(kind, tuple(ids)))


class AddNoteCommand(NoteCommand):
    """Add a place, thing or note with its notes file; undo removes both."""

    def __init__(self, session: ProjectSession, name: str, kind: str = "note", **fields: Any) -> None:
        super().__init__(session, f"New {KIND_NAMES.get(kind, 'Note')} “{' '.join(name.split())}”")
        self.name, self.kind, self.fields = name, kind, fields
        self.note: Note | None = None
        self.index, self.notes_text = -1, ""

    @property
    def note_id(self) -> str:
        """The id of the place, thing or note this command added."""
        assert self.note is not None
        return self.note.id

    def apply(self) -> None:
        """Add it (the same id and file every time)."""
        if self.note is None:
            self.note = self.project.add_note(self.name, self.kind, **self.fields)
        else:
            self.project.insert_note(self.note, self.index, self.notes_text)

    def revert(self) -> None:
        """Remove it and its notes file."""
        _, self.index, self.notes_text = self.project.remove_note(self.note_id)

    def announce(self, undone: bool) -> None:
        """It joined the story bible, or left it."""
        self.announce_notes(NoteChangeKind.REMOVED if undone else NoteChangeKind.ADDED, [self.note_id])


class DeleteNoteCommand(NoteCommand):
    """Delete a place, thing or note (its notes file too); undo puts both back where they were."""

    def __init__(self, session: ProjectSession, note_id: str) -> None:
        note = session.project.note(note_id)
        super().__init__(session, f"Delete {KIND_NAMES.get(note.kind, 'Note')} “{note.name}”")
        self.note_id = note_id
        self.removed: tuple[Note, int, str] | None = None

    def apply(self) -> None:
        """Remove it, keeping what undo needs."""
        self.removed = self.project.remove_note(self.note_id)

    def revert(self) -> None:
        """Put it back with its notes."""
        assert self.removed is not None
        self.project.insert_note(*self.removed)

    def announce(self, undone: bool) -> None:
        """It left the story bible, or came back."""
        self.announce_notes(NoteChangeKind.ADDED if undone else NoteChangeKind.REMOVED, [self.note_id])


class SetNoteFieldsCommand(NoteCommand):
    """Change the name, kind, aliases or description of a place, thing or note."""

    def __init__(self, session: ProjectSession, note_id: str, **fields: Any) -> None:
        note = session.project.note(note_id)
        label = ", ".join({**FIELD_LABELS, "kind": "Kind"}.get(k, k) for k in fields)
        super().__init__(session, f"Change {label} of “{note.name}”")
        self.note_id, self.fields = note_id, fields
        self.old: dict[str, Any] = {}

    def apply(self) -> None:
        """Set the new values."""
        self.old = self.project.update_note(self.note_id, **self.fields)

    def revert(self) -> None:
        """Put the old values back."""
        self.project.update_note(self.note_id, **self.old)

    def announce(self, undone: bool) -> None:
        """Its fields changed."""
        self.announce_notes(NoteChangeKind.EDITED, [self.note_id])
