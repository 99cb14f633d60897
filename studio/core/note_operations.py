"""Operations on places, things and notes (the story bible beside the cast); mixed into ``Project``.

Like the cast: metadata in ``story.json`` (``notes``), free-form text in ``notes/<file>``. Each
operation runs as one ``Project.batch()``: memory and disk change together or not at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studio.core.errors import NodeNotFoundError, StudioError
from studio.core.nodes import NOTE_KINDS, Note, TrashItem
from studio.core.operations import atomic_change
from studio.core.project_state import ProjectState
from studio.core.storage import NOTES_DIR
from studio.core.validation import NotPlainFileError

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
        taken = [n.file for n in self.notes] + [t.node.file for t in self.trash if isinstance(t.node, Note)]
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
    def delete_note(self, note_id: str, deleted_at: str = "") -> TrashItem:
        """Send a place, thing or note to the trash, as a character goes (its notes file stays)."""
        self._guard()
        note = self.note(note_id)
        index = self.notes.index(note)
        self.notes = [n for n in self.notes if n.id != note_id]
        item = TrashItem("note", note, None, index, deleted_at or self.now())
        self.trash.append(item)
        self._changed()
        return item

    @atomic_change
    def remove_note(self, note_id: str) -> tuple[Note, int, bytes | None]:
        """Remove a just-added place, thing or note and its file; return it, its index, the file's bytes."""
        self._guard()
        note = self.note(note_id)
        path = self.note_path(note)
        payload = self.store.current_bytes(path)  # the bytes as they are: never decoded, never damaged
        index = self.notes.index(note)
        self.notes = [n for n in self.notes if n.id != note_id]
        self._changed()
        self._after_commit(lambda: self.store.remove_file(path))
        return note, index, payload

    @atomic_change
    def insert_note(self, note: Note, index: int, payload: bytes | None) -> None:
        """Put a removed place, thing or note back with its file's bytes (the inverse of ``remove_note``)."""
        self._guard()
        self.store.make_folder(self.notes_dir)
        path = self.note_path(note)
        if payload is not None:
            self.store.check_plain_target(path)
            if self._batch_depth:
                self._journal.append((path, self.store.current_bytes(path)))
            self.store.restore_file(path, payload)
        notes = list(self.notes)
        notes.insert(min(index, len(notes)), note)
        self.notes = notes
        self._changed()

    def note_text(self, note_id: str) -> str:
        """Return the free-form text of a place, thing or note ("" when its file is missing or unusable)."""
        note = self.note(note_id)
        try:
            return self.store.read_text(self.note_path(note))[0]
        except (FileNotFoundError, StudioError):  # a FIFO, a link loop or a link outside: never opened
            return ""

    def note_problem(self, note_id: str) -> str:
        """Why the notes file of a place, thing or note cannot be used, in one line ("" when it can)."""
        note = self.note(note_id)
        where = f"{NOTES_DIR}/{note.file}"
        try:
            path = self.note_path(note)
        except StudioError:
            return f"{where} leads outside the project folder; not shown and never written"
        try:
            _text, clean = self.store.read_text(path)
        except FileNotFoundError:
            return ""
        except NotPlainFileError:
            return f"{where} is not a plain file; not shown and never written"
        except StudioError:
            return f"{where} cannot be read; not shown and never written"
        return "" if clean else f"{where} is not valid UTF-8; shown read-only, never written"

    @atomic_change
    def set_note_text(self, note_id: str, text: str) -> None:
        """Save the free-form text of a place, thing or note (never over an outside change)."""
        self._guard()
        path = self.note_path(self.note(note_id))
        if str(path) not in self.store.known_digests:
            self.note_text(note_id)  # learn what is on disk, once
        self._write_file(path, text)
