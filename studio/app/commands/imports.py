"""Undoable import of a plan's parts into the open project."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studio.app.changes import CastChangeKind, OutlineChangeKind
from studio.app.commands.base import ProjectCommand
from studio.app.session import ProjectSession
from studio.core.characters import insert_character, remove_character
from studio.core.importing.plan import ImportPlan
from studio.core.nodes import Character, Part, Scene, ScenePosition

if TYPE_CHECKING:
    from studio.core.importing.apply import DuplicateImportError


class ImportPartsCommand(ProjectCommand):
    """Append an import plan's parts to the project; undo removes them, redo puts the same ones back."""

    def __init__(self, session: ProjectSession, plan: ImportPlan, again: bool = False) -> None:
        count = len(plan.parts)
        super().__init__(session, f"Import {count} Part{'s' if count != 1 else ''}")
        self.plan = plan
        self.again = again
        self.duplicate: DuplicateImportError | None = None  # why the first apply was refused, if so
        self.parts: list[tuple[Part, int]] = []
        self.scenes: list[tuple[Scene, ScenePosition, str]] = []
        self.cast: list[str] = []  # ids of the characters the import added
        self.removed_cast: list[tuple[Character, int, str]] = []

    def apply(self) -> None:
        """Add the parts (the first time: refused if the files are here already, unless ``again``).

        A redo puts back the very parts an undo removed, so it never checks for duplicates.
        """
        project = self.project
        if not self.parts:
            from studio.core.importing.apply import DuplicateImportError, append_plan

            known = {character.id for character in project.characters}
            try:
                added = append_plan(project, self.plan, again=self.again)
            except DuplicateImportError as error:
                self.duplicate = error
                raise
            self.parts = [(part, project.parts.index(part)) for part in added]
            self.cast = [c.id for c in project.characters if c.id not in known]
            return
        with project.batch():
            for part, index in self.parts:
                project.insert_part(part, index)
            for scene, position, text in self.scenes:
                project.insert_scene(scene, position, text)
            for character, index, notes in self.removed_cast:
                insert_character(project, character, index, notes)
        self.scenes, self.removed_cast = [], []

    def revert(self) -> None:
        """Remove the imported scenes (keeping their text) and then the empty parts."""
        project = self.project
        removed = []
        with project.batch():
            for part, _ in self.parts:
                for scene in list(reversed(part.scenes)):
                    removed.append(project.remove_scene(scene.id))
            for part, _ in reversed(self.parts):
                project.remove_part(part.id)
            cast = [remove_character(project, character_id) for character_id in reversed(self.cast)]
        self.scenes = list(reversed(removed))
        self.removed_cast = list(reversed(cast))

    def announce(self, undone: bool) -> None:
        """The imported parts came (or went)."""
        kind = OutlineChangeKind.REMOVED if undone else OutlineChangeKind.ADDED
        self.session.announce(kind, self.part_ids)
        if self.cast:
            cast_kind = CastChangeKind.REMOVED if undone else CastChangeKind.ADDED
            self.session.announce_cast(cast_kind, self.cast)

    @property
    def part_ids(self) -> list[str]:
        """The ids of the imported parts."""
        return [part.id for part, _ in self.parts]
