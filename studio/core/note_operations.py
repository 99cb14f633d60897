"""Operations on places, things and notes (the story bible beside the cast); mixed into ``Project``.

Like the cast: metadata in ``story.json`` (``notes``), free-form text in ``notes/<file>``. Each
operation runs as one ``Project.batch()``: memory and disk change together or not at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studio.core.errors import NodeNotFoundError, StudioError
from studio.core.nodes import NOTE_KINDS, Note
from studio.core.operations import atomic_change
from studio.core.project_state import ProjectState
from studio.core.validation import UnreadableFileError

NOTES_DIR = "notes"
NOTE_FIELDS = ("name", "kind", "aliases", "description")


def check_note_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Return the fields as stored (names stripped, aliases a list), or raise ``StudioError``."""
    unknown = set(fields) - set(NOTE_FIELDS)
    if unknown:
        raise StudioError(f"unknown note field {sorted(unknown)[0]!r}")
    clean = dict(fields)
    if "name" in clean:
        clean["name"] = " ".join(str(clean["name"]).split())
        if not clean["name"]:
            raise StudioError("a place, thing or note needs a name")
    if "kind" in clean and clean["kind"] not in NOTE_KINDS:
        raise StudioError(f"{clean['kind']!r} is not a kind (place, thing or note)")
    if "aliases" in clean:
        clean["aliases"] = [a for a in (" ".join(str(a).split()) for a in clean["aliases"]) if a]
    return clean


class NoteOperations(ProjectState):
    """Add, change and remove places, things and notes, and keep their notes files."""

    @property
    def notes_dir(self) -> Path:
        """The folder of the notes files."""
        return self.root / NOTES_DIR

    def note_path(self, note: Note) -> Path:
        """The path of a place's, thing's or note's notes file (refused if it leads outside)."""
        path = self.notes_dir / note.file
        self.store.check_inside(path, f"note {note.id}")
        return path

    def note(self, note_id: str) -> Note:
        """Return the place, thing or note with this id (``NodeNotFoundError`` if none)."""
        for note in self.notes:
            if note.id == note_id:
                return note
        raise NodeNotFoundError(f"no place, thing or note with id {note_id!r}")

    @atomic_change
    def add_note(
        self,
        name: str,
        kind: str = "note",
        text: str = "",
        index: int | None = None,
        note_id: str | None = None,
        file: str | None = None,
        **fields: Any,
    ) -> Note:
        """Create a place, thing or note with its notes file; return it."""
        self._guard()
        values = check_note_fields({"name": name, "kind": kind, **fields})
        taken = [n.file for n in self.notes]
        note = Note(
            id=note_id or self._fresh_id("n"),
            file=file or self._fresh_file(values["name"], self.notes_dir, values["kind"], taken),
            **values,
        )
        self.store.make_folder(self.notes_dir)
        self._write_file(self.note_path(note), text, force=True)
        notes = list(self.notes)
        notes.insert(len(notes) if index is None else max(0, min(index, len(notes))), note)
        self.notes = notes
        self._changed()
        return note

    @atomic_change
    def update_note(self, note_id: str, **fields: Any) -> dict[str, Any]:
        """Change a name, kind, aliases or description; return the old values."""
        self._guard()
        note = self.note(note_id)
        values = check_note_fields(fields)
        old = {key: getattr(note, key) for key in values}
        for key, value in values.items():
            setattr(note, key, value)
        self._changed()
        return old

    @atomic_change
    def remove_note(self, note_id: str) -> tuple[Note, int, str]:
        """Remove a place, thing or note and its notes file; return it, its index and its text."""
        self._guard()
        note = self.note(note_id)
        text = self.note_text(note_id)
        index = self.notes.index(note)
        path = self.note_path(note)
        self.notes = [n for n in self.notes if n.id != note_id]
        self._changed()
        self._after_commit(lambda: self.store.remove_file(path))
        return note, index, text

    @atomic_change
    def insert_note(self, note: Note, index: int, text: str) -> None:
        """Put a removed place, thing or note back with its text (the inverse of ``remove_note``)."""
        self._guard()
        self.store.make_folder(self.notes_dir)
        self._write_file(self.note_path(note), text, force=True)
        notes = list(self.notes)
        notes.insert(min(index, len(notes)), note)
        self.notes = notes
        self._changed()

    def note_text(self, note_id: str) -> str:
        """Return the free-form text of a place, thing or note ("" when its file is missing)."""
        try:
            return self.store.read_text(self.note_path(self.note(note_id)))[0]
        except (FileNotFoundError, UnreadableFileError):
            return ""

    @atomic_change
    def set_note_text(self, note_id: str, text: str) -> None:
        """Save the free-form text of a place, thing or note (never over an outside change)."""
        self._guard()
        path = self.note_path(self.note(note_id))
        if str(path) not in self.store.known_digests:
            self.note_text(note_id)  # learn what is on disk, once
        self._write_file(path, text)
