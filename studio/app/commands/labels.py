"""Undoable label and story-time edits: define, rename, recolour and remove labels; set them on scenes.

Pushed with ``session.push(command)`` (or ``session.run`` to hear a refusal as ``StudioError``).
Label definitions are announced on ``session.labels_changed`` (a ``LabelChange``); every scene
whose labels or story time changed on ``session.scene_changed`` (its id), once per scene.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from studio.app.changes import LabelChange, LabelChangeKind
from studio.app.commands.base import ProjectCommand, node_title, quoted
from studio.app.session import ProjectSession
from studio.core.label_operations import LabelRemoval
from studio.core.nodes import Label


def of_scenes(session: ProjectSession, scene_ids: Sequence[str]) -> str:
    """``of “The Storm”`` for one scene, ``of 3 Scenes`` for more (the end of an undo label)."""
    if len(scene_ids) == 1:
        return f"of {quoted(node_title(session.project, scene_ids[0]))}"
    return f"of {len(scene_ids)} Scenes"


class LabelCommand(ProjectCommand):
    """A change to the labels (the one ``ProjectCommand`` protocol)."""

    def announce_labels(self, kind: LabelChangeKind, ids: Iterable[str]) -> None:
        """Tell listeners the label definitions changed."""
        self.session.labels_changed.emit(LabelChange(kind, tuple(ids)))

    def announce_scenes(self, scene_ids: Iterable[str]) -> None:
        """Tell listeners these scenes' labels or story time changed."""
        for scene_id in scene_ids:
            self.session.scene_changed.emit(scene_id)


class AddLabelCommand(LabelCommand):
    """Define a new label (the same id every time it is redone); undo removes it."""

    def __init__(self, session: ProjectSession, name: str, colour: str = "") -> None:
        super().__init__(session, f"Add Label {quoted(name)}")
        self.name, self.colour = name, colour
        self.label: Label | None = None
        self.index = -1

    @property
    def label_id(self) -> str:
        """The id of the label this command added."""
        assert self.label is not None
        return self.label.id

    def apply(self) -> None:
        """Add the label."""
        if self.label is None:
            self.label = self.project.add_label(self.name, self.colour)
            self.index = self.project.labels.index(self.label)
        else:
            self.project.insert_label(LabelRemoval(self.label, self.index, {}))

    def revert(self) -> None:
        """Remove the label (no scene has it: later commands that set it were undone first)."""
        self.project.remove_label(self.label_id)

    def announce(self, undone: bool) -> None:
        """The label was defined, or is gone."""
        self.announce_labels(LabelChangeKind.REMOVED if undone else LabelChangeKind.ADDED, [self.label_id])


class EditLabelCommand(LabelCommand):
    """Rename and/or recolour a label."""

    def __init__(
        self, session: ProjectSession, label_id: str, name: str | None = None, colour: str | None = None
    ) -> None:
        old_name = session.project.label(label_id).name
        if name is not None and colour is None:
            text = f"Rename Label {quoted(old_name)} to {quoted(name)}"
        elif colour is not None and name is None:
            text = f"Recolour Label {quoted(old_name)}"
        else:
            text = f"Edit Label {quoted(old_name)}"
        super().__init__(session, text)
        self.label_id = label_id
        self.fields: dict[str, str] = {k: v for k, v in (("name", name), ("colour", colour)) if v is not None}
        self.old: dict[str, str] = {}

    def apply(self) -> None:
        """Set the new name or colour (no change at all makes the command obsolete)."""
        label = self.project.label(self.label_id)
        before = {"name": label.name, "colour": label.colour}
        self.old = self.project.update_label(self.label_id, **self.fields)
        if all(before[k] == getattr(label, k) for k in self.fields):
            self.setObsolete(True)

    def revert(self) -> None:
        """Put the old name and colour back."""
        self.project.update_label(self.label_id, **self.old)

    def announce(self, undone: bool) -> None:
        """The label's name or colour changed."""
        self.announce_labels(LabelChangeKind.EDITED, [self.label_id])


class RemoveLabelCommand(LabelCommand):
    """Remove a label from the project and from every scene that has it, as one step."""

    def __init__(self, session: ProjectSession, label_id: str) -> None:
        super().__init__(session, f"Delete Label {quoted(session.project.label(label_id).name)}")
        self.label_id = label_id
        self.removal: LabelRemoval | None = None

    def apply(self) -> None:
        """Remove the label and strip it from its scenes."""
        self.removal = self.project.remove_label(self.label_id)

    def revert(self) -> None:
        """Put the label back, on the same scenes in the same place."""
        assert self.removal is not None
        self.project.insert_label(self.removal)

    def announce(self, undone: bool) -> None:
        """The label is gone (or back), and its scenes changed."""
        assert self.removal is not None
        self.announce_labels(LabelChangeKind.ADDED if undone else LabelChangeKind.REMOVED, [self.label_id])
        self.announce_scenes(self.removal.scene_labels)


class SetSceneLabelsCommand(LabelCommand):
    """Set the labels of one or more scenes (label ids, in order) as one step."""

    def __init__(self, session: ProjectSession, changes: Mapping[str, Sequence[str]], text: str = "") -> None:
        super().__init__(session, text or f"Set Labels {of_scenes(session, list(changes))}")
        self.changes = {scene_id: list(ids) for scene_id, ids in changes.items()}
        self.old: dict[str, list[str]] = {}

    @classmethod
    def toggled(
        cls, session: ProjectSession, scene_ids: Sequence[str], label_id: str, on: bool
    ) -> SetSceneLabelsCommand:
        """Add (``on``) or take away one label on several scenes, keeping their other labels."""
        project = session.project
        changes: dict[str, list[str]] = {}
        for scene_id in scene_ids:
            labels = [lid for lid in project.scene(scene_id).labels if lid != label_id]
            changes[scene_id] = [*labels, label_id] if on else labels
        name = project.label(label_id).name
        return cls(session, changes, f"{'Set' if on else 'Clear'} Label {quoted(name)}")

    def apply(self) -> None:
        """Set the labels (no change at all makes the command obsolete)."""
        self.old = self.project.set_scene_labels(self.changes)
        if self.old == self.changes:
            self.setObsolete(True)

    def revert(self) -> None:
        """Put each scene's old labels back."""
        self.project.set_scene_labels(self.old)

    def announce(self, undone: bool) -> None:
        """These scenes' labels changed."""
        self.announce_scenes(self.changes)


class SetStoryTimeCommand(LabelCommand):
    """Set when a scene happens in the story (a date, date and time, or a free label with an order)."""

    def __init__(
        self, session: ProjectSession, scene_id: str, story_time: str, order: int | None = None
    ) -> None:
        verb = "Set Story Time" if story_time.strip() else "Clear Story Time"
        super().__init__(session, f"{verb} {of_scenes(session, [scene_id])}")
        self.scene_id, self.story_time, self.order = scene_id, story_time, order
        self.old: tuple[str, int | None] = ("", None)

    def apply(self) -> None:
        """Set the story time (no change at all makes the command obsolete)."""
        self.old = self.project.set_story_time(self.scene_id, self.story_time, self.order)
        scene = self.project.scene(self.scene_id)
        if self.old == (scene.story_time, scene.story_order):
            self.setObsolete(True)

    def revert(self) -> None:
        """Put the old story time back."""
        self.project.set_story_time(self.scene_id, *self.old)

    def announce(self, undone: bool) -> None:
        """The scene's story time changed."""
        self.announce_scenes([self.scene_id])
