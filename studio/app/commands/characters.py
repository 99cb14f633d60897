"""Undoable character edits: new, delete (to the trash), field changes and rename everywhere.

Pushed with ``session.run(command)``: a refused edit raises ``StudioError`` to the caller
and nothing lands on the undo stack. Each tells the session what changed in ``announce``.
"""

from __future__ import annotations

from typing import Any

from studio.app.changes import CastChangeKind, OutlineChangeKind
from studio.app.commands.base import ProjectCommand, quoted
from studio.app.session import ProjectSession
from studio.core.characters import (
    RenameRecord,
    insert_character,
    redo_rename,
    remove_character,
    revert_rename,
)
from studio.core.nodes import Character

FIELD_LABELS = {"name": "Name", "aliases": "Aliases", "role": "Role", "description": "Description"}


class CharacterCommand(ProjectCommand):
    """A change to the cast (the one ``ProjectCommand`` protocol)."""


class AddCharacterCommand(CharacterCommand):
    """Add a character (its notes file too); undo removes both for good."""

    def __init__(self, session: ProjectSession, name: str, **fields: Any) -> None:
        super().__init__(session, f"New Character {quoted(name)}")
        self.name = name
        self.fields = fields
        self.character: Character | None = None
        self.index = -1
        self.notes = ""

    @property
    def character_id(self) -> str:
        """The id of the character this command added."""
        assert self.character is not None
        return self.character.id

    def apply(self) -> None:
        """Add the character (the same id and file every time)."""
        project = self.session.project
        if self.character is None:
            self.character = project.add_character(self.name, **self.fields)
        else:
            insert_character(project, self.character, self.index, self.notes)

    def revert(self) -> None:
        """Remove the character and its notes file."""
        _, self.index, self.notes = remove_character(self.session.project, self.character_id)

    def announce(self, undone: bool) -> None:
        """The character joined the cast, or left it."""
        kind = CastChangeKind.REMOVED if undone else CastChangeKind.ADDED
        self.session.announce_cast(kind, [self.character_id])


class DeleteCharacterCommand(CharacterCommand):
    """Send a character to the trash; undo restores it to where it was."""

    def __init__(self, session: ProjectSession, character_id: str) -> None:
        name = session.project.character(character_id).name
        super().__init__(session, f"Delete Character {quoted(name)}")
        self.character_id = character_id

    def apply(self) -> None:
        """Move the character to the trash."""
        self.session.project.delete_character(self.character_id)

    def revert(self) -> None:
        """Take the character back out of the trash."""
        self.session.project.restore([self.character_id])

    def announce(self, undone: bool) -> None:
        """The character left the cast for the trash, or came back."""
        ids = [self.character_id]
        self.session.announce_cast(CastChangeKind.ADDED if undone else CastChangeKind.REMOVED, ids)
        self.session.announce(OutlineChangeKind.RESTORED if undone else OutlineChangeKind.TRASHED, ids)


class SetCharacterFieldsCommand(CharacterCommand):
    """Change a character's name, aliases, role or description."""

    def __init__(self, session: ProjectSession, character_id: str, **fields: Any) -> None:
        character = session.project.character(character_id)
        label = ", ".join(FIELD_LABELS.get(k, k) for k in fields)
        super().__init__(session, f"Change {label} of {quoted(character.name)}")
        self.character_id = character_id
        self.fields = fields
        self.old: dict[str, Any] = {}

    def apply(self) -> None:
        """Set the new values."""
        self.old = self.session.project.update_character(self.character_id, **self.fields)

    def revert(self) -> None:
        """Put the old values back."""
        self.session.project.update_character(self.character_id, **self.old)

    def announce(self, undone: bool) -> None:
        """The character's fields changed."""
        self.session.announce_cast(CastChangeKind.EDITED, [self.character_id])


class RenameEverywhereCommand(CharacterCommand):
    """Rename a character and replace its mentions across the manuscript, as one step.

    Built from an already applied rename (``apply_rename``): the first ``apply`` writes nothing.
    """

    def __init__(self, session: ProjectSession, record: RenameRecord) -> None:
        super().__init__(session, f"Rename {quoted(record.old_name)} to {quoted(record.new_name)} Everywhere")
        self.record = record
        self.first = True

    def apply(self) -> None:
        """Write the new scene texts and the new name (the first time: already written)."""
        if not self.first:
            redo_rename(self.session.project, self.record)
        self.first = False

    def revert(self) -> None:
        """Write the old scene texts back and restore the old name."""
        revert_rename(self.session.project, self.record)

    def announce(self, undone: bool) -> None:
        """The scene texts and the character's name changed."""
        for scene_id, _, _ in self.record.texts:
            self.session.scene_text_replaced.emit(scene_id)
            self.session.scene_text_saved.emit(scene_id)
        self.session.announce_cast(CastChangeKind.EDITED, [self.record.character_id])
