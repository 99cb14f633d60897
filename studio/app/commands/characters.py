"""Undoable character edits: new, delete (to the trash), field changes and rename everywhere.

Each command runs its core operation in ``apply()`` (``run`` calls it before pushing,
so a refused edit raises ``StudioError`` to the caller and nothing lands on the undo
stack), its inverse in ``undo`` and the operation again in ``redo``, then tells the
session (``characters_changed``; the texts it rewrote for a rename). A failure during a
later undo or redo is reported through ``session.save_error``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from studio.app.session import ProjectSession
from studio.core.characters import (
    RenameRecord,
    insert_character,
    redo_rename,
    remove_character,
    revert_rename,
)
from studio.core.errors import StudioError
from studio.core.nodes import Character

FIELD_LABELS = {"name": "Name", "aliases": "Aliases", "role": "Role", "description": "Description"}


def run(command: CharacterCommand) -> None:
    """Apply a command now (raising ``StudioError`` if refused), then put it on the undo stack."""
    command.apply()
    command.applied = True
    command.session.push(command)


class CharacterCommand(QUndoCommand):
    """Base: ``apply`` does the edit, ``revert`` undoes it; errors after the first go to the status bar."""

    def __init__(self, session: ProjectSession, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.applied = False

    def apply(self) -> None:
        """Do the edit."""
        raise NotImplementedError

    def revert(self) -> None:
        """Undo the edit."""
        raise NotImplementedError

    def redo(self) -> None:
        """Do the edit (skipped right after ``run`` already did it)."""
        if self.applied:
            self.applied = False
            return
        self._guarded(self.apply)

    def undo(self) -> None:
        """Undo the edit."""
        self._guarded(self.revert)

    def _guarded(self, action) -> None:  # noqa: ANN001
        try:
            action()
        except (StudioError, OSError) as error:
            self.session.save_error.emit(f"{self.text()} failed: {error}")


class AddCharacterCommand(CharacterCommand):
    """Add a character (its notes file too); undo removes both for good."""

    def __init__(self, session: ProjectSession, name: str, **fields: Any) -> None:
        super().__init__(session, f"New Character “{name}”")
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
        self.session.characters_changed.emit()

    def revert(self) -> None:
        """Remove the character and its notes file."""
        _, self.index, self.notes = remove_character(self.session.project, self.character_id)
        self.session.characters_changed.emit()


class DeleteCharacterCommand(CharacterCommand):
    """Send a character to the trash; undo restores it to where it was."""

    def __init__(self, session: ProjectSession, character_id: str) -> None:
        name = session.project.character(character_id).name
        super().__init__(session, f"Delete Character “{name}”")
        self.character_id = character_id

    def apply(self) -> None:
        """Move the character to the trash."""
        self.session.project.delete_character(self.character_id)
        self.session.characters_changed.emit()
        self.session.structure_changed.emit()  # the trash changed

    def revert(self) -> None:
        """Take the character back out of the trash."""
        self.session.project.restore([self.character_id])
        self.session.characters_changed.emit()
        self.session.structure_changed.emit()


class SetCharacterFieldsCommand(CharacterCommand):
    """Change a character's name, aliases, role or description."""

    def __init__(self, session: ProjectSession, character_id: str, **fields: Any) -> None:
        character = session.project.character(character_id)
        label = ", ".join(FIELD_LABELS.get(k, k) for k in fields)
        super().__init__(session, f"Change {label} of “{character.name}”")
        self.character_id = character_id
        self.fields = fields
        self.old: dict[str, Any] = {}

    def apply(self) -> None:
        """Set the new values."""
        self.old = self.session.project.update_character(self.character_id, **self.fields)
        self.session.characters_changed.emit()

    def revert(self) -> None:
        """Put the old values back."""
        self.session.project.update_character(self.character_id, **self.old)
        self.session.characters_changed.emit()


class RenameEverywhereCommand(CharacterCommand):
    """Rename a character and replace its mentions across the manuscript, as one step.

    Built from an already applied rename (``apply_rename``): pass it to ``run``.
    """

    def __init__(self, session: ProjectSession, record: RenameRecord) -> None:
        super().__init__(session, f"Rename “{record.old_name}” to “{record.new_name}” Everywhere")
        self.record = record
        self.first = True

    def apply(self) -> None:
        """Write the new scene texts and the new name (the first time: already written)."""
        if not self.first:
            redo_rename(self.session.project, self.record)
        self.first = False
        self._announce()

    def revert(self) -> None:
        """Write the old scene texts back and restore the old name."""
        revert_rename(self.session.project, self.record)
        self._announce()

    def _announce(self) -> None:
        for scene_id, _, _ in self.record.texts:
            self.session.scene_text_replaced.emit(scene_id)
            self.session.scene_text_saved.emit(scene_id)
        self.session.characters_changed.emit()
