"""Structural operations on a project, each paired with what its inverse needs.

``TreeOperations`` is mixed into ``Project``; every method changes the tree in
memory, writes any scene file it must (before the manifest, so a crash can only
leave an extra file, offered back as a recovered scene, never a lost word), and
then rewrites the manifest. Each runs as one ``Project.batch()``: if a write fails,
memory and the files it wrote go back to what they were, so the tree shown and the
tree on disk never drift apart.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar, cast

from studio.core.counting import WORD_PATTERN
from studio.core.errors import ExternalChangeError, NodeNotFoundError, ReadOnlyError, StudioError
from studio.core.nodes import Character, Note, Part, Scene, ScenePosition, TrashItem
from studio.core.project_state import ProjectState
from studio.core.stats import field_value
from studio.core.storage import NOTES_DIR

SCENE_FIELDS = ("title", "status", "pov", "synopsis", "target")
PART_FIELDS = ("title", "summary", "notes_begin", "notes_end", "target", "release")
CHARACTER_FIELDS = ("name", "aliases", "role", "description")
TrashEntry = tuple[TrashItem, int]
F = TypeVar("F", bound=Callable[..., Any])


def atomic_change(method: F) -> F:
    """Run a project operation as one batch: all of it reaches memory and disk, or none of it."""

    @functools.wraps(method)
    def run(state: ProjectState, *args: Any, **kwargs: Any) -> Any:
        with state.batch():
            return method(state, *args, **kwargs)

    return cast(F, run)


def word_boundary(text: str, offset: int) -> int:
    """Return ``offset``, moved back to the start of the word it falls inside, if any."""
    for match in WORD_PATTERN.finditer(text, max(0, offset - 200), offset + 200):
        if match.start() < offset < match.end():
            return match.start()
    return offset


class TreeOperations(ProjectState):
    """Add, rename, delete, restore, move, split and merge; mixed into ``Project``."""

    # -- parts ----------------------------------------------------------------------
    @atomic_change
    def add_part(self, title: str, index: int | None = None, part_id: str | None = None) -> Part:
        """Add an empty part at ``index`` (default: the end)."""
        self._guard()
        part = Part(id=part_id or self._fresh_id("p"), title=title)
        self.parts.insert(len(self.parts) if index is None else index, part)
        self._changed()
        return part

    @atomic_change
    def insert_part(self, part: Part, index: int) -> None:
        """Put a part object (with its scenes) back at ``index``."""
        self._guard()
        self.parts.insert(index, part)
        self._changed()

    @atomic_change
    def remove_part(self, part_id: str) -> tuple[Part, int]:
        """Remove an empty part for good (the inverse of ``add_part``)."""
        self._guard()
        part = self.part(part_id)
        if part.scenes:
            raise StudioError(f"part {part.title!r} is not empty; send it to the trash instead")
        index = self.parts.index(part)
        del self.parts[index]
        self._changed()
        return part, index

    @atomic_change
    def rename_part(self, part_id: str, title: str) -> str:
        """Rename a part; return the old title."""
        self._guard()
        part = self.part(part_id)
        old, part.title = part.title, title
        self._changed()
        return old

    @atomic_change
    def set_part_notes(self, part_id: str, notes: str) -> str:
        """Set a part's notes (trailers, author's notes); return the old notes."""
        self._guard()
        part = self.part(part_id)
        old, part.notes = part.notes, notes
        self._changed()
        return old

    @atomic_change
    def move_part(self, part_id: str, index: int) -> int:
        """Move a part to ``index`` among the parts (counted after removal); return its old index."""
        self._guard()
        part = self.part(part_id)
        old = self.parts.index(part)
        del self.parts[old]
        self.parts.insert(max(0, min(index, len(self.parts))), part)
        self._changed()
        return old

    @atomic_change
    def delete_part(self, part_id: str, deleted_at: str = "") -> TrashItem:
        """Send a part, with its scenes, to the trash."""
        self._guard()
        part = self.part(part_id)
        index = self.parts.index(part)
        del self.parts[index]
        item = TrashItem("part", part, None, index, deleted_at or self.now())
        self.trash.append(item)
        self._changed()
        return item

    # -- scenes ---------------------------------------------------------------------
    @atomic_change
    def add_scene(
        self,
        part_id: str,
        index: int | None = None,
        title: str = "",
        text: str = "",
        scene_id: str | None = None,
        file: str | None = None,
        **fields: str,
    ) -> Scene:
        """Create a scene with its file and put it in a part at ``index`` (default: the end)."""
        self._guard()
        part = self.part(part_id)
        scene = Scene(
            id=scene_id or self._fresh_id("s"),
            title=title,
            file=file or self._fresh_scene_file(title or "scene"),
        )
        for key, value in fields.items():
            if key in SCENE_FIELDS:
                setattr(scene, key, value)
        self.store.make_folder(self.store.scenes_dir)
        self._write_file(self.store.scene_path(scene), text, force=file is None)
        self._texts[scene.id] = text
        scene.words = self.count(text)
        part.scenes.insert(len(part.scenes) if index is None else index, scene)
        self._changed()
        return scene

    def _fresh_scene_file(self, title: str) -> str:
        taken = [s.file for s in self.iter_scenes()] + [s.file for s in self.iter_trash_scenes()]
        return self._fresh_file(title, self.store.scenes_dir, "scene", taken)

    @atomic_change
    def remove_scene(self, scene_id: str) -> tuple[Scene, ScenePosition, str]:
        """Remove a scene and its file for good (the inverse of ``add_scene``); return what it was."""
        self._guard()
        position = self.locate(scene_id)
        text = self.scene_text(scene_id)
        if self.store.changed_on_disk(self.store.scene_path(self.scene(scene_id))):
            raise ExternalChangeError(str(self.store.scene_path(self.scene(scene_id))))
        scene = self.part(position.part_id).scenes.pop(position.index)
        self._texts.pop(scene_id, None)
        self._changed()
        path = self.store.scene_path(scene)
        self._after_commit(lambda: self.store.remove_file(path))
        return scene, position, text

    @atomic_change
    def set_scene_fields(self, scene_id: str, **fields: str) -> dict[str, str]:
        """Set a scene's title, status, POV, synopsis or target (words, as text); return the old values."""
        self._guard()
        return self._set_fields(self.scene(scene_id), "scene", SCENE_FIELDS, fields)

    def rename_scene(self, scene_id: str, title: str) -> str:
        """Rename a scene (its file keeps its name); return the old title."""
        return self.set_scene_fields(scene_id, title=title)["title"]

    @atomic_change
    def move_scenes(self, scene_ids: Sequence[str], part_id: str, index: int) -> list[ScenePosition]:
        """Move scenes, kept in manuscript order, to ``index`` of a part.

        ``index`` counts positions in the target part before the move, as a drop
        between two rows does. Returns the old positions, for ``place_scenes``.
        """
        self._guard()
        target = self.part(part_id)
        wanted = set(scene_ids)
        if len(wanted) != len(scene_ids):
            raise StudioError("a scene is listed twice in one move")
        old = [self.locate(sid) for sid in scene_ids]
        order = {p.id: i for i, p in enumerate(self.parts)}
        old.sort(key=lambda pos: (order[pos.part_id], pos.index))
        index = max(0, min(index, len(target.scenes)))
        index -= sum(1 for i, s in enumerate(target.scenes) if i < index and s.id in wanted)
        moving = [self.part(pos.part_id).scenes[pos.index] for pos in old]
        sources = {pos.part_id for pos in old}
        for part in self.parts:
            if part.id in sources:  # only the parts the scenes leave (10,000 scenes: not every list)
                part.scenes = [s for s in part.scenes if s.id not in wanted]
        target.scenes[index:index] = moving
        self._changed()
        return old

    @atomic_change
    def place_scenes(self, positions: Iterable[ScenePosition]) -> None:
        """Put scenes back at exact positions (the inverse of ``move_scenes``)."""
        self._guard()
        positions = sorted(positions, key=lambda pos: pos.index)
        wanted = {pos.scene_id for pos in positions}
        scenes = {s.id: s for s in self.iter_scenes() if s.id in wanted}
        if len(scenes) != len(wanted):
            raise NodeNotFoundError("a scene to put back is not in the manuscript")
        for part in self.parts:
            part.scenes = [s for s in part.scenes if s.id not in wanted]
        for pos in positions:
            self.part(pos.part_id).scenes.insert(pos.index, scenes[pos.scene_id])
        self._changed()

    @atomic_change
    def delete_scenes(self, scene_ids: Sequence[str], deleted_at: str = "") -> list[TrashItem]:
        """Send scenes to the trash, keeping their text and where they stood."""
        self._guard()
        positions = sorted((self.locate(sid) for sid in scene_ids), key=lambda p: -p.index)
        stamp = deleted_at or self.now()
        items = []
        for pos in positions:
            scene = self.part(pos.part_id).scenes.pop(pos.index)
            items.append(TrashItem("scene", scene, pos.part_id, pos.index, stamp))
        items.reverse()
        self.trash.extend(items)
        self._changed()
        return items

    @atomic_change
    def split_scene(
        self,
        scene_id: str,
        offset: int,
        new_title: str | None = None,
        new_scene_id: str | None = None,
        new_file: str | None = None,
    ) -> Scene:
        """Split a scene at a character offset; the text after it becomes a new scene right after.

        An offset inside a word moves to the word's start, and white space at the
        cut goes with neither half, so no word is cut or changed.
        """
        self._guard()
        scene = self.scene(scene_id)
        if scene.read_only:
            raise ReadOnlyError(f"scene {scene.title!r} is read-only")
        text = self.scene_text(scene_id)
        if not 0 <= offset <= len(text):
            raise StudioError(f"split offset {offset} is outside the scene (0 to {len(text)})")
        offset = word_boundary(text, offset)
        self.announce_text_change(scene_id, "before split")
        head, tail = text[:offset].rstrip(), text[offset:].lstrip()
        position = self.locate(scene_id)
        with self.batch():
            new_scene = self.add_scene(
                position.part_id,
                position.index + 1,
                title=new_title if new_title is not None else f"{scene.title} (cont.)".strip(),
                text=tail + ("\n" if tail and not tail.endswith("\n") else ""),
                scene_id=new_scene_id,
                file=new_file,
                status=scene.status,
                pov=scene.pov,
            )
            self.set_scene_text(scene_id, head + ("\n" if head else ""))
        return new_scene

    @atomic_change
    def merge_scenes(self, first_id: str, second_id: str) -> tuple[Scene, ScenePosition, str, str]:
        """Append the second scene's text to the first (a blank line between) and remove the second.

        The two must be adjacent in one part. Returns the removed scene, its position,
        the first scene's old text and the second's text, for the inverse.
        """
        self._guard()
        first_pos, second_pos = self.locate(first_id), self.locate(second_id)
        if first_pos.part_id != second_pos.part_id or second_pos.index != first_pos.index + 1:
            raise StudioError("only a scene and the one right after it in the same part can be merged")
        first_text, second_text = self.scene_text(first_id), self.scene_text(second_id)
        if self.scene(first_id).read_only or self.scene(second_id).read_only:
            raise ReadOnlyError("a read-only scene cannot be merged")
        self.announce_text_change(first_id, "before merge")
        self.announce_text_change(second_id, "before merge")
        joined = "\n\n".join(t.strip("\n") for t in (first_text, second_text) if t.strip())
        self.set_scene_text(first_id, joined + ("\n" if joined else ""))
        removed, position, _ = self.remove_scene(second_id)
        return removed, position, first_text, second_text

    @atomic_change
    def insert_scene(self, scene: Scene, position: ScenePosition, text: str) -> None:
        """Put a removed scene back with its text (the inverse of ``remove_scene``)."""
        self._guard()
        self._write_file(self.store.scene_path(scene), text, force=True)
        self._texts[scene.id] = text
        scene.words = self.count(text)
        self.part(position.part_id).scenes.insert(position.index, scene)
        self._changed()

    @atomic_change
    def recover_files(self, names: Sequence[str] | None = None) -> Part | None:
        """Adopt unlisted scene files into a new part named "Recovered scenes"."""
        self._guard()
        names = list(self.recovered if names is None else names)
        if not names:
            return None
        with self.batch():
            part = self.add_part("Recovered scenes")
            for name in names:
                scene = Scene(id=self._fresh_id("s"), title=name.rsplit(".", 1)[0], file=name)
                scene.words = self.count(self.store.read_text(self.store.scene_path(scene))[0])
                part.scenes.append(scene)
            self.recovered = [n for n in self.recovered if n not in names]
            self._changed()
        return part

    # -- trash ----------------------------------------------------------------------
    @atomic_change
    def restore(self, node_ids: Sequence[str]) -> list[TrashEntry]:
        """Restore trashed nodes to where they stood; return the trash entries, for the inverse."""
        self._guard()
        wanted = set(node_ids)
        entries = [(item, i) for i, item in enumerate(self.trash) if item.node.id in wanted]
        if len(entries) != len(wanted):
            raise NodeNotFoundError("a node to restore is not in the trash")
        taken = {id(item) for item, _ in entries}
        self.trash = [item for item in self.trash if id(item) not in taken]
        for item, _ in sorted(entries, key=lambda e: e[0].index):
            self._put_back(item)
        self._changed()
        return entries

    def _put_back(self, item: TrashItem) -> None:
        node = item.node
        if isinstance(node, Part):
            self.parts.insert(min(item.index, len(self.parts)), node)
        elif isinstance(node, Character):
            self.characters.insert(min(item.index, len(self.characters)), node)
        elif isinstance(node, Note):
            self.notes = [*self.notes[: item.index], node, *self.notes[item.index :]]
        else:
            part = next((p for p in self.parts if p.id == item.parent_id), None)
            if part is None:
                part = self.parts[-1] if self.parts else self.add_part("Restored scenes")
            part.scenes.insert(min(item.index, len(part.scenes)), node)

    @atomic_change
    def return_to_trash(self, entries: Sequence[TrashEntry]) -> None:
        """Send restored nodes back to their places in the trash (the inverse of ``restore``)."""
        self._guard()
        ids = {item.node.id for item, _ in entries}
        self.characters = [c for c in self.characters if c.id not in ids]
        self.notes = [n for n in self.notes if n.id not in ids]
        self.parts = [p for p in self.parts if p.id not in ids]
        for part in self.parts:
            part.scenes = [s for s in part.scenes if s.id not in ids]
        for item, index in sorted(entries, key=lambda e: e[1]):
            self.trash.insert(index, item)
        self._changed()

    @atomic_change
    def empty_trash(self) -> int:
        """Delete everything in the trash for good, files included; return how many items went."""
        self._guard()
        items, self.trash = self.trash, []
        paths = []
        for item in items:
            node = item.node
            if isinstance(node, Character):
                paths.append(self.store.character_path(node.file))
                continue
            if isinstance(node, Note):
                paths.append(self.root / NOTES_DIR / node.file)
                continue
            for scene in node.scenes if isinstance(node, Part) else [node]:
                paths.append(self.store.scene_path(scene))
                self._texts.pop(scene.id, None)
        self._changed()
        self._after_commit(lambda: self.store.remove_files(paths))
        return len(items)

    # -- posting fields of a part ---------------------------------------------------------
    @atomic_change
    def set_part_fields(self, part_id: str, **fields: str) -> dict[str, str]:
        """Set a part's title, summary, notes, ``target`` or ``release``; return the old values (text)."""
        self._guard()
        return self._set_fields(self.part(part_id), "part", PART_FIELDS, fields)

    def _set_fields(
        self, node: Scene | Part, kind: str, allowed: Sequence[str], fields: dict[str, str]
    ) -> dict[str, str]:
        """Check and set fields of a scene or part (inside the caller's batch); return the old values."""
        unknown = set(fields) - set(allowed)
        if unknown:
            raise StudioError(f"unknown {kind} field {sorted(unknown)[0]!r}")
        values = {key: field_value(key, value) for key, value in fields.items()}
        old = {key: str(getattr(node, key)) for key in fields}
        for key, value in values.items():
            setattr(node, key, value)
        self._changed()
        return old
