"""Convert Quotes…: straight quotes (and ``--``, ``...``) made typographic in the scenes, one undo step.

Like rename everywhere: every changed scene is written inside one ``Project.batch()``, so
all of them change or none. A scene whose file changed on disk since it was read is not
overwritten: the whole conversion is refused (``ExternalChangeError``) and nothing changes.
Undo writes the old texts back, under the same rule.
"""

from __future__ import annotations

from collections.abc import Sequence

from studio.app.commands.base import ProjectCommand
from studio.app.session import ProjectSession
from studio.core.errors import ReadOnlyError
from studio.core.project import Project
from studio.core.typography import QuotesPlan


def write_texts(project: Project, changes: Sequence[tuple[str, str]], reason: str) -> None:
    """Write each (scene id, text) atomically, all or none, in one batch."""
    with project.batch():
        for scene_id, _ in changes:
            scene = project.scene(scene_id)
            if project.read_only or scene.read_only:
                raise ReadOnlyError(f"scene {scene.title!r} is read-only; no quotes converted")
        for scene_id, text in changes:
            project.announce_text_change(scene_id, reason)
            project.set_scene_text(scene_id, text)


class ConvertQuotesCommand(ProjectCommand):
    """Write the converted texts of ``plans``; undo writes the old ones back."""

    def __init__(self, session: ProjectSession, plans: Sequence[QuotesPlan]) -> None:
        count = len(plans)
        super().__init__(session, f"Convert Quotes in {count} Scene{'s' if count != 1 else ''}")
        self.plans = list(plans)

    def apply(self) -> None:
        """Write the new texts."""
        write_texts(self.project, [(p.scene_id, p.new_text) for p in self.plans], "before converting quotes")

    def revert(self) -> None:
        """Write the old texts back."""
        write_texts(self.project, [(p.scene_id, p.old_text) for p in self.plans], "before undoing quotes")

    def announce(self, undone: bool) -> None:
        """The scene texts changed (the editor reloads the one it shows)."""
        for plan in self.plans:
            self.session.scene_text_replaced.emit(plan.scene_id)
            self.session.scene_text_saved.emit(plan.scene_id)
