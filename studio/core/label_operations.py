"""Operations on labels and story time: define labels, set them on scenes, place scenes in story time.

Mixed into ``Project``; each runs as one ``Project.batch()`` (memory and disk together or not
at all) and returns what its inverse needs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from studio.core.errors import NodeNotFoundError, StudioError
from studio.core.labels import check_colour, check_label_name, next_colour
from studio.core.nodes import Label
from studio.core.operations import atomic_change
from studio.core.project_state import ProjectState
from studio.core.story_time import check_story_time

MAX_LABELS_PER_SCENE = 50


@dataclass(frozen=True)
class LabelRemoval:
    """A label removed from the project: where it stood and the scenes' label lists before."""

    label: Label
    index: int
    scene_labels: dict[str, list[str]]  # scene id -> its labels before the removal


class LabelOperations(ProjectState):
    """Add, change and remove labels; set scene labels and story time; mixed into ``Project``."""

    def label(self, label_id: str) -> Label:
        """Return the label with this id (``NodeNotFoundError`` if none)."""
        for label in self.labels:
            if label.id == label_id:
                return label
        raise NodeNotFoundError(f"no label with id {label_id!r}")

    @atomic_change
    def add_label(
        self, name: str, colour: str = "", index: int | None = None, label_id: str | None = None
    ) -> Label:
        """Define a new label (a colour from the palette unless given); return it."""
        self._guard()
        label = Label(
            id=label_id or self._fresh_id("l"),
            name=check_label_name(name, self.labels),
            colour=check_colour(colour) or next_colour(self.labels),
        )
        labels = list(self.labels)
        labels.insert(len(labels) if index is None else max(0, min(index, len(labels))), label)
        self.labels = labels
        self._changed()
        return label

    @atomic_change
    def update_label(
        self, label_id: str, name: str | None = None, colour: str | None = None
    ) -> dict[str, str]:
        """Rename or recolour a label; return the old values of what was given."""
        self._guard()
        label = self.label(label_id)
        old: dict[str, str] = {}
        if name is not None:
            old["name"], label.name = label.name, check_label_name(name, self.labels, label_id)
        if colour is not None:
            old["colour"], label.colour = label.colour, check_colour(colour)
        self._changed()
        return old

    @atomic_change
    def remove_label(self, label_id: str) -> LabelRemoval:
        """Remove a label from the project and from every scene (trash included) that has it."""
        self._guard()
        label = self.label(label_id)
        index = self.labels.index(label)
        before: dict[str, list[str]] = {}
        for scene in [*self.iter_scenes(), *self.iter_trash_scenes()]:
            if label_id in scene.labels:
                before[scene.id] = list(scene.labels)
                scene.labels = [lid for lid in scene.labels if lid != label_id]
        self.labels = [lab for lab in self.labels if lab.id != label_id]
        self._changed()
        return LabelRemoval(label, index, before)

    @atomic_change
    def insert_label(self, removal: LabelRemoval) -> None:
        """Put a removed label back, on the scenes that had it (the inverse of ``remove_label``)."""
        self._guard()
        if any(lab.id == removal.label.id for lab in self.labels):
            raise StudioError(f"there is already a label with id {removal.label.id!r}")
        labels = list(self.labels)
        labels.insert(min(removal.index, len(labels)), removal.label)
        self.labels = labels
        scenes = {s.id: s for s in [*self.iter_scenes(), *self.iter_trash_scenes()]}
        for scene_id, label_ids in removal.scene_labels.items():
            if scene_id in scenes:
                scenes[scene_id].labels = list(label_ids)
        self._changed()

    @atomic_change
    def set_scene_labels(self, changes: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
        """Set the labels (ids, in order) of one or more scenes; return each scene's old labels."""
        self._guard()
        known = {lab.id for lab in self.labels}
        old: dict[str, list[str]] = {}
        for scene_id, label_ids in changes.items():
            scene = self.scene(scene_id)
            wanted = list(dict.fromkeys(label_ids))
            unknown = [lid for lid in wanted if lid not in known and lid not in scene.labels]
            if unknown:
                raise StudioError(f"no label with id {unknown[0]!r}")
            if len(wanted) > MAX_LABELS_PER_SCENE:
                raise StudioError(f"a scene has at most {MAX_LABELS_PER_SCENE} labels")
            old[scene_id] = list(scene.labels)
            scene.labels = wanted
        self._changed()
        return old

    @atomic_change
    def set_story_time(
        self, scene_id: str, story_time: str, order: int | None = None
    ) -> tuple[str, int | None]:
        """Set when a scene happens (see ``story_time``) and its order; return the old pair."""
        self._guard()
        scene = self.scene(scene_id)
        text = check_story_time(story_time, order)
        old = (scene.story_time, scene.story_order)
        scene.story_time, scene.story_order = text, order
        self._changed()
        return old
