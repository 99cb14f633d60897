"""Operations on the cast: add, change, send to the trash, notes; mixed into ``Project``.

Like the tree operations, each runs as one ``Project.batch()``: memory and disk change
together or not at all.
"""

from __future__ import annotations

from typing import Any

from studio.core.errors import StudioError
from studio.core.nodes import Character, TrashItem
from studio.core.operations import CHARACTER_FIELDS, atomic_change
from studio.core.project_state import ProjectState
from studio.core.validation import UnreadableFileError


class CastOperations(ProjectState):
    """Add, change and delete characters, and keep their notes; mixed into ``Project``."""

    @atomic_change
    def add_character(
        self,
        name: str,
        notes: str = "",
        index: int | None = None,
        character_id: str | None = None,
        file: str | None = None,
        **fields: Any,
    ) -> Character:
        """Create a character with a notes file; return it."""
        self._guard()
        if not name.strip():
            raise StudioError("a character needs a name")
        taken = [c.file for c in self.characters] + [
            t.node.file for t in self.trash if isinstance(t.node, Character)
        ]
        character = Character(
            id=character_id or self._fresh_id("c"),
            name=name.strip(),
            file=file or self._fresh_file(name, self.store.characters_dir, "character", taken),
            **{k: v for k, v in fields.items() if k in CHARACTER_FIELDS and k != "name"},
        )
        self.store.make_folder(self.store.characters_dir)
        self._write_file(self.store.character_path(character.file), notes, force=True)
        self.characters.insert(len(self.characters) if index is None else index, character)
        self._changed()
        return character

    @atomic_change
    def update_character(self, character_id: str, **fields: Any) -> dict[str, Any]:
        """Change a character's name, aliases, role or description; return the old values."""
        self._guard()
        character = self.character(character_id)
        unknown = set(fields) - set(CHARACTER_FIELDS)
        if unknown:
            raise StudioError(f"unknown character field {sorted(unknown)[0]!r}")
        old = {key: getattr(character, key) for key in fields}
        for key, value in fields.items():
            setattr(character, key, list(value) if key == "aliases" else value)
        self._changed()
        return old

    @atomic_change
    def delete_character(self, character_id: str, deleted_at: str = "") -> TrashItem:
        """Send a character to the trash (its notes file stays)."""
        self._guard()
        character = self.character(character_id)
        index = self.characters.index(character)
        del self.characters[index]
        item = TrashItem("character", character, None, index, deleted_at or self.now())
        self.trash.append(item)
        self._changed()
        return item

    def character_notes(self, character_id: str) -> str:
        """Return a character's free-form notes."""
        path = self.store.character_path(self.character(character_id).file)
        try:
            return self.store.read_text(path)[0]
        except (FileNotFoundError, UnreadableFileError):  # a FIFO or a link loop: shown empty, never opened
            return ""

    @atomic_change
    def set_character_notes(self, character_id: str, notes: str) -> None:
        """Save a character's free-form notes."""
        self._guard()
        path = self.store.character_path(self.character(character_id).file)
        if str(path) not in self.store.known_digests:
            self.character_notes(character_id)  # learn what is on disk, once
        self._write_file(path, notes)
