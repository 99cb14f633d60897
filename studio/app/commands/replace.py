"""Replace All: the chosen replacements across scene texts, titles, synopses and part notes, one undo step.

Like rename everywhere: every changed text is written inside one ``Project.batch()``, so all
of them change or none. A scene whose file changed on disk since it was read is not
overwritten: the whole replace is refused with one line naming it, and nothing changes.
Undo writes the old texts back (byte for byte), under the same rule.
"""

from __future__ import annotations

from collections.abc import Sequence

from studio.app.changes import OutlineChangeKind
from studio.app.commands.base import ProjectCommand
from studio.app.session import ProjectSession
from studio.core.replace import FieldEdit, revert_edits, write_edits


class ReplaceAllCommand(ProjectCommand):
    """Write the edits of a replace; undo writes the old contents back."""

    def __init__(self, session: ProjectSession, edits: Sequence[FieldEdit], count: int) -> None:
        plural = "s" if count != 1 else ""
        super().__init__(session, f"Replace {count} Hit{plural}")
        self.edits = list(edits)
        self.count = count

    def apply(self) -> None:
        """Write the new contents."""
        write_edits(self.project, self.edits)

    def revert(self) -> None:
        """Write the old contents back."""
        revert_edits(self.project, self.edits)

    def announce(self, undone: bool) -> None:
        """Scene texts changed (the editor reloads the one it shows); titles, synopses, part notes too."""
        renamed: list[str] = []
        for edit in self.edits:
            if edit.kind == "scene" and edit.field == "text":
                self.session.scene_text_replaced.emit(edit.owner_id)
                self.session.scene_text_saved.emit(edit.owner_id)
            elif edit.kind == "scene":
                self.session.scene_changed.emit(edit.owner_id)
            if (edit.kind == "part" or edit.field == "title") and edit.owner_id not in renamed:
                renamed.append(edit.owner_id)
        if renamed:  # a title or a part's notes: announced as a rename (no word count moves)
            self.session.announce(OutlineChangeKind.RENAMED, renamed)
