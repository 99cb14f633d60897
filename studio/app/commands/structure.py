"""Undo commands for the outline's structure: add, rename, fields, move, delete, restore."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from studio.app.changes import CastChangeKind, OutlineChangeKind
from studio.app.commands.base import ProjectCommand, node_title, quoted
from studio.app.session import ProjectSession
from studio.core.nodes import Part, Scene, ScenePosition
from studio.core.operations import TrashEntry

SYNOPSIS_MERGE_ID = 0x5C3E
SCENE_FIELD_VERBS = {
    "synopsis": "Edit Synopsis of",
    "status": "Set Status of",
    "pov": "Set Point of View of",
    "target": "Set Target of",
    "title": "Rename",
}


def _named(session: ProjectSession, verb: str, node_ids: Sequence[str], word: str) -> str:
    """``Move Scene “The Storm”`` for one node, ``Move 3 Scenes`` for more."""
    if len(node_ids) == 1:
        return f"{verb} {word} {quoted(node_title(session.project, node_ids[0]))}".replace("  ", " ")
    return f"{verb} {len(node_ids)} {word or 'Item'}s"


class AddSceneCommand(ProjectCommand):
    """Create a scene at ``index`` of a part (default: its end); redo reuses the same id and file."""

    def __init__(
        self,
        session: ProjectSession,
        part_id: str,
        index: int | None = None,
        title: str = "New Scene",
        text: str = "",
    ) -> None:
        super().__init__(session, "New Scene")
        self.part_id, self.index, self.title, self.body = part_id, index, title, text
        self.scene: Scene | None = None
        self.position: ScenePosition | None = None

    @property
    def scene_id(self) -> str | None:
        """The new scene's id, once created."""
        return self.scene.id if self.scene else None

    def apply(self) -> None:
        """Create the scene, or put it back with the text it had when undone."""
        if self.scene is None:
            self.scene = self.project.add_scene(self.part_id, self.index, title=self.title, text=self.body)
        else:
            assert self.position is not None  # set by revert(), the only way the scene is known here
            self.project.insert_scene(self.scene, self.position, self.body)

    def revert(self) -> None:
        """Remove the scene and its file, keeping its text for redo."""
        assert self.scene is not None  # undo only follows a successful apply()
        self.scene, self.position, self.body = self.project.remove_scene(self.scene.id)

    def announce(self, undone: bool) -> None:
        """The scene came or went."""
        assert self.scene is not None  # announced only after a successful apply() or revert()
        kind = OutlineChangeKind.REMOVED if undone else OutlineChangeKind.ADDED
        self.session.announce(kind, [self.scene.id])


class AddPartCommand(ProjectCommand):
    """Create an empty part at ``index`` (default: the end); redo reuses the same id."""

    def __init__(self, session: ProjectSession, index: int | None = None, title: str = "New Part") -> None:
        super().__init__(session, "New Part")
        self.index, self.title = index, title
        self.part_id: str | None = None

    def apply(self) -> None:
        """Add the part."""
        self.part_id = self.project.add_part(self.title, self.index, part_id=self.part_id).id

    def revert(self) -> None:
        """Remove the (empty) part."""
        assert self.part_id is not None  # undo only follows a successful apply()
        self.project.remove_part(self.part_id)

    def announce(self, undone: bool) -> None:
        """The part came or went."""
        assert self.part_id is not None  # announced only after a successful apply() or revert()
        kind = OutlineChangeKind.REMOVED if undone else OutlineChangeKind.ADDED
        self.session.announce(kind, [self.part_id])


class RenameCommand(ProjectCommand):
    """Rename a part or a scene."""

    def __init__(self, session: ProjectSession, node_id: str, title: str) -> None:
        old = node_title(session.project, node_id)
        super().__init__(session, f"Rename {quoted(old)} to {quoted(title)}")
        self.node_id, self.title = node_id, title
        self.old_title: str | None = None
        self.is_part = node_id in {p.id for p in session.project.parts}

    def _rename(self, title: str) -> str:
        if self.is_part:
            return self.project.rename_part(self.node_id, title)
        return self.project.rename_scene(self.node_id, title)

    def apply(self) -> None:
        """Set the new title (an unchanged title makes the command obsolete)."""
        self.old_title = self._rename(self.title)
        if self.old_title == self.title:
            self.setObsolete(True)

    def revert(self) -> None:
        """Put the old title back."""
        self._rename(self.old_title or "")

    def announce(self, undone: bool) -> None:
        """The title changed (a scene's metadata too)."""
        self.session.announce(OutlineChangeKind.RENAMED, [self.node_id])
        if not self.is_part:
            self.session.scene_changed.emit(self.node_id)


class SetSceneFieldsCommand(ProjectCommand):
    """Set a scene's status, POV, synopsis or title; consecutive synopsis edits of one scene merge."""

    def __init__(self, session: ProjectSession, scene_id: str, **fields: str) -> None:
        [only] = fields if len(fields) == 1 else [""]
        what = SCENE_FIELD_VERBS.get(only, "Edit Scene")
        super().__init__(session, f"{what} {quoted(node_title(session.project, scene_id))}")
        self.scene_id, self.fields = scene_id, dict(fields)
        self.old: dict[str, str] = {}

    def apply(self) -> None:
        """Apply the fields (no change at all makes the command obsolete)."""
        self.old = self.project.set_scene_fields(self.scene_id, **self.fields)
        if self.old == self.fields:
            self.setObsolete(True)

    def revert(self) -> None:
        """Put the old values back."""
        self.project.set_scene_fields(self.scene_id, **self.old)

    def announce(self, undone: bool) -> None:
        """Tell the inspector and the outline the scene changed."""
        self.session.scene_changed.emit(self.scene_id)

    def id(self) -> int:
        """Qt override: synopsis-only edits share an id so they can merge."""
        return SYNOPSIS_MERGE_ID if set(self.fields) == {"synopsis"} else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Qt override: absorb the next synopsis edit of the same scene."""
        if not isinstance(other, SetSceneFieldsCommand) or other.scene_id != self.scene_id:
            return False
        if set(other.fields) != {"synopsis"} or set(self.fields) != {"synopsis"}:
            return False
        self.fields = dict(other.fields)
        if self.fields == self.old:
            self.setObsolete(True)
        return True


class SetPartFieldsCommand(ProjectCommand):
    """Set a part's title, summary, or notes before and after it (the fields a posting form asks for)."""

    def __init__(self, session: ProjectSession, part_id: str, **fields: str) -> None:
        super().__init__(session, f"Edit Part {quoted(node_title(session.project, part_id))}")
        self.part_id, self.fields = part_id, dict(fields)
        self.old: dict[str, str] = {}

    def apply(self) -> None:
        """Apply the fields (no change at all makes the command obsolete)."""
        self.old = self.project.set_part_fields(self.part_id, **self.fields)
        if self.old == self.fields:
            self.setObsolete(True)

    def revert(self) -> None:
        """Put the old values back."""
        self.project.set_part_fields(self.part_id, **self.old)

    def announce(self, undone: bool) -> None:
        """The part's metadata changed: announced as a rename of the part (no word count moves)."""
        self.session.announce(OutlineChangeKind.RENAMED, [self.part_id])


class MoveScenesCommand(ProjectCommand):
    """Move scenes (kept in manuscript order) to ``index`` of a part, counted before the move."""

    def __init__(self, session: ProjectSession, scene_ids: Sequence[str], part_id: str, index: int) -> None:
        super().__init__(session, _named(session, "Move", scene_ids, "Scene"))
        self.scene_ids, self.part_id, self.index = list(scene_ids), part_id, index
        self.old: list[ScenePosition] = []

    def apply(self) -> None:
        """Move; a move that changes nothing makes the command obsolete."""
        before = [[s.id for s in p.scenes] for p in self.project.parts]
        self.old = self.project.move_scenes(self.scene_ids, self.part_id, self.index)
        if before == [[s.id for s in p.scenes] for p in self.project.parts]:
            self.setObsolete(True)

    def revert(self) -> None:
        """Put every scene back where it stood."""
        self.project.place_scenes(self.old)

    def announce(self, undone: bool) -> None:
        """The scenes moved."""
        self.session.announce(OutlineChangeKind.MOVED, self.scene_ids)


class MovePartCommand(ProjectCommand):
    """Move a part to ``index`` among the parts, counted after taking it out."""

    def __init__(self, session: ProjectSession, part_id: str, index: int) -> None:
        super().__init__(session, _named(session, "Move", [part_id], "Part"))
        self.part_id, self.index = part_id, index
        self.old_index = -1

    def apply(self) -> None:
        """Move; a move that changes nothing makes the command obsolete."""
        self.old_index = self.project.move_part(self.part_id, self.index)
        if self.project.parts.index(self.project.part(self.part_id)) == self.old_index:
            self.setObsolete(True)

    def revert(self) -> None:
        """Move the part back."""
        self.project.move_part(self.part_id, self.old_index)

    def announce(self, undone: bool) -> None:
        """The part moved."""
        self.session.announce(OutlineChangeKind.MOVED, [self.part_id])


class DeleteCommand(ProjectCommand):
    """Send scenes and parts to the trash; redo keeps the first time stamp, so the manifest is the same."""

    def __init__(self, session: ProjectSession, node_ids: Sequence[str]) -> None:
        parts = {p.id: p for p in session.project.parts}
        self.part_ids = [nid for nid in node_ids if nid in parts]
        inside = {s.id for pid in self.part_ids for s in parts[pid].scenes}
        self.scene_ids = [nid for nid in node_ids if nid not in parts and nid not in inside]
        super().__init__(session, _named(session, "Delete", [*self.part_ids, *self.scene_ids], ""))
        self.deleted_at = ""

    def apply(self) -> None:
        """Send everything to the trash in one manifest write."""
        stamp = self.deleted_at or self.project.now()
        order = {p.id: i for i, p in enumerate(self.project.parts)}
        with self.project.batch():
            if self.scene_ids:
                self.project.delete_scenes(self.scene_ids, deleted_at=stamp)
            for part_id in sorted(self.part_ids, key=lambda pid: -order[pid]):
                self.project.delete_part(part_id, deleted_at=stamp)
        self.deleted_at = stamp

    def revert(self) -> None:
        """Take the items out of the trash, back where they stood."""
        self.project.restore(self.part_ids + self.scene_ids)

    def announce(self, undone: bool) -> None:
        """The items went to the trash, or came back."""
        kind = OutlineChangeKind.RESTORED if undone else OutlineChangeKind.TRASHED
        self.session.announce(kind, self.part_ids + self.scene_ids)


class RestoreCommand(ProjectCommand):
    """Restore trashed scenes or parts to where they stood."""

    def __init__(self, session: ProjectSession, node_ids: Sequence[str]) -> None:
        super().__init__(session, _named(session, "Restore", node_ids, ""))
        self.node_ids = list(node_ids)
        self.entries: list[TrashEntry] = []

    def apply(self) -> None:
        """Restore."""
        self.entries = self.project.restore(self.node_ids)

    def revert(self) -> None:
        """Send them back to their places in the trash."""
        self.project.return_to_trash(self.entries)

    def announce(self, undone: bool) -> None:
        """The items came out of the trash, or went back; characters among them join or leave the cast."""
        kind = OutlineChangeKind.TRASHED if undone else OutlineChangeKind.RESTORED
        self.session.announce(kind, self.node_ids)
        cast = [item.node.id for item, _ in self.entries if not isinstance(item.node, (Part, Scene))]
        if cast:
            self.session.announce_cast(CastChangeKind.REMOVED if undone else CastChangeKind.ADDED, cast)
