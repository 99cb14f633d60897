"""Undo commands that change scene text as well as the structure: split and merge; emptying the trash."""

from __future__ import annotations

from studio.app.changes import OutlineChangeKind
from studio.app.commands.base import ProjectCommand, node_title, quoted
from studio.app.session import ProjectSession
from studio.core.errors import StudioError
from studio.core.nodes import Scene, ScenePosition
from studio.core.project import Project


def _joined(*texts: str) -> str:
    """Texts joined by a blank line, the way a merge joins them."""
    body = "\n\n".join(t.strip("\n") for t in texts if t.strip())
    return body + ("\n" if body else "")


class SplitSceneCommand(ProjectCommand):
    """Split a scene at a character offset; redo reuses the same new scene id and file."""

    def __init__(
        self, session: ProjectSession, scene_id: str, offset: int, new_title: str | None = None
    ) -> None:
        super().__init__(session, f"Split {quoted(node_title(session.project, scene_id))}")
        self.scene_id, self.offset, self.new_title = scene_id, offset, new_title
        self.new_scene: Scene | None = None
        self.original = ""
        self.halves: tuple[str, str] = ("", "")

    def apply(self) -> None:
        """Split (again) at the same offset."""
        self.original = self.project.scene_text(self.scene_id)
        previous = self.new_scene
        self.new_scene = self.project.split_scene(
            self.scene_id,
            self.offset,
            new_title=self.new_title if previous is None else previous.title,
            new_scene_id=previous.id if previous else None,
            new_file=previous.file if previous else None,
        )
        self.halves = (self.project.scene_text(self.scene_id), self.project.scene_text(self.new_scene.id))

    def revert(self) -> None:
        """Join the halves back: exactly as before, or (if edited since) with a blank line, losing nothing."""
        assert self.new_scene is not None  # undo only follows a successful apply()
        first, second = self.project.scene_text(self.scene_id), self.project.scene_text(self.new_scene.id)
        text = self.original if (first, second) == self.halves else _joined(first, second)
        with self.project.batch():
            self.project.set_scene_text(self.scene_id, text)
            self.project.remove_scene(self.new_scene.id)

    def announce(self, undone: bool) -> None:
        """The new half came (or went); the editor reloads the first."""
        assert self.new_scene is not None
        kind = OutlineChangeKind.REMOVED if undone else OutlineChangeKind.ADDED
        self.session.announce(kind, [self.new_scene.id])
        self.session.scene_text_replaced.emit(self.scene_id)
        if not undone:
            self.session.scene_text_replaced.emit(self.new_scene.id)
        self.session.scene_text_saved.emit(self.scene_id)


def unmerge(current: str, first_old: str, second_old: str) -> tuple[str, str] | None:
    """Cut a merged text back into two, keeping edits made since the merge; None if unclear."""
    if current == _joined(first_old, second_old):
        return first_old, second_old
    head, tail = first_old.strip("\n"), second_old.strip("\n")
    body = current.rstrip("\n")
    if tail and body.endswith("\n\n" + tail):
        return body[: -len(tail)].rstrip("\n") + "\n", second_old
    if head and body.startswith(head + "\n\n"):
        return first_old, body[len(head) :].lstrip("\n") + "\n"
    return None


class MergeScenesCommand(ProjectCommand):
    """Append a scene to the one before it and remove it; undo cuts them apart again."""

    def __init__(self, session: ProjectSession, first_id: str, second_id: str) -> None:
        first, second = (quoted(node_title(session.project, i)) for i in (first_id, second_id))
        super().__init__(session, f"Merge {first} and {second}")
        self.first_id, self.second_id = first_id, second_id
        self.removed: Scene | None = None
        self.position: ScenePosition | None = None
        self.first_text = self.second_text = ""

    def apply(self) -> None:
        """Merge."""
        self.removed, self.position, self.first_text, self.second_text = self.project.merge_scenes(
            self.first_id, self.second_id
        )

    def revert(self) -> None:
        """Put the second scene back with its text and give the first its own text back."""
        halves = unmerge(self.project.scene_text(self.first_id), self.first_text, self.second_text)
        if halves is None:
            raise StudioError("the merged scene was edited where the two scenes join; undo would lose words")
        first, second = halves
        assert self.removed is not None and self.position is not None  # set by a successful apply()
        with self.project.batch():
            self.project.insert_scene(self.removed, self.position, second)
            self.project.set_scene_text(self.first_id, first)
        self.first_text, self.second_text = first, second

    def announce(self, undone: bool) -> None:
        """The second scene went (or came back); the editor reloads both."""
        kind = OutlineChangeKind.ADDED if undone else OutlineChangeKind.REMOVED
        self.session.announce(kind, [self.second_id])
        self.session.scene_text_replaced.emit(self.first_id)
        if undone:
            self.session.scene_text_replaced.emit(self.second_id)
        self.session.scene_text_saved.emit(self.first_id)


def empty_trash(session: ProjectSession) -> int:
    """Delete the trash for good (not undoable): clears the whole undo stack; return items removed.

    Ask the writer first; this function does not.
    """
    project: Project = session.project
    count = project.empty_trash()
    session.undo_stack.clear()
    session.announce(OutlineChangeKind.TRASH_EMPTIED)
    return count
