"""Undoable restore of a snapshot into its scene."""

from __future__ import annotations

from studio.app.commands.base import ProjectCommand
from studio.app.session import ProjectSession


class RestoreSnapshotCommand(ProjectCommand):
    """Put a snapshot's text back into its scene; undo puts the text before it back."""

    def __init__(self, session: ProjectSession, scene_id: str, text: str, label: str) -> None:
        super().__init__(session, f"Restore Snapshot ({label})")
        self.scene_id = scene_id
        self.snapshot_text = text
        self.before: str | None = None

    def apply(self) -> None:
        """Keep the current text as a snapshot, then write the snapshot's text."""
        if self.before is None:
            self.before = self.project.scene_text(self.scene_id)
            self.project.announce_text_change(self.scene_id, "before restore")
        self.project.set_scene_text(self.scene_id, self.snapshot_text)

    def revert(self) -> None:
        """Write back the text the scene had before the restore."""
        if self.before is not None:
            self.project.set_scene_text(self.scene_id, self.before)

    def announce(self, undone: bool) -> None:
        """The scene's text changed on disk and under the editor."""
        self.session.scene_text_saved.emit(self.scene_id)
        self.session.scene_text_replaced.emit(self.scene_id)
