"""The manifest's story-bible fields: labels, scene labels and story time, places, things and notes.

Kept beside ``manifest`` (which calls these while it reads and writes ``story.json``). A value of
the wrong type refuses the manifest with a one-line reason naming the entry; a value of the right
type that makes no sense (a scene label no label defines, a story time like ``2024-13-45``, a colour
that is not ``#rrggbb``) is kept as written and named in the project's problems: nothing is lost.
"""

from __future__ import annotations

from typing import Any, Protocol

from studio.core.errors import ManifestError
from studio.core.labels import COLOUR_PATTERN
from studio.core.nodes import NOTE_KINDS, Label, Note, Scene
from studio.core.story_time import MAX_STORY_ORDER, story_time_problem
from studio.core.validation import ValueCleaner

SCENE_FIELD_KEYS = ("labels", "story_time", "story_order")
LABEL_KEYS = ("id", "name", "colour")
NOTE_KEYS = ("id", "name", "kind", "aliases", "description", "file")


class FieldReader(Protocol):
    """What these readers need of the manifest's reader."""

    cleaner: ValueCleaner
    label_ids: set[str]

    def fail(self, where: str, message: str) -> ManifestError:
        """An error naming the entry."""
        ...

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        """The value as an object, or fail."""
        ...

    def text(self, obj: dict[str, Any], key: str, where: str) -> str:
        """A text field, checked."""
        ...

    def node_id(self, obj: dict[str, Any], where: str) -> str:
        """A unique safe id, or fail."""
        ...

    def file_name(self, obj: dict[str, Any], where: str, seen: set[str]) -> str:
        """A safe file name, unique in ``seen``, or fail."""
        ...

    def extra(self, obj: dict[str, Any], known: tuple[str, ...], where: str) -> dict[str, Any]:
        """The unknown keys of an object, kept on save."""
        ...


def read_scene_fields(reader: FieldReader, obj: dict[str, Any], scene: Scene, where: str) -> None:
    """Read a scene's ``labels``, ``story_time`` and ``story_order`` into ``scene``."""
    if "labels" not in obj and "story_time" not in obj and "story_order" not in obj:
        return  # most scenes: nothing to read (the manifest of a big project is read at every open)
    labels = obj.get("labels", [])
    if not isinstance(labels, list) or not all(isinstance(lab, str) for lab in labels):
        raise reader.fail(f"{where}.labels", "expected a list of label ids")
    scene.labels = [reader.cleaner.text(lab, f"{where}.labels[{i}]") for i, lab in enumerate(labels)]
    for label_id in scene.labels:
        if label_id not in reader.label_ids:
            reader.cleaner.note(f"{where}.labels: no label {label_id[:40]!r} is defined; kept")
    scene.story_time = reader.text(obj, "story_time", f"{where}.story_time")
    order = obj.get("story_order")
    if order is not None and (
        not isinstance(order, int)
        or isinstance(order, bool)
        or not -MAX_STORY_ORDER <= order <= MAX_STORY_ORDER
    ):
        raise reader.fail(f"{where}.story_order", "expected a whole number")
    scene.story_order = order
    problem = story_time_problem(scene.story_time, order)
    if problem:
        reader.cleaner.note(f"{where}.story_time: {problem}; kept as written")


def scene_field_dict(scene: Scene) -> dict[str, Any]:
    """A scene's labels and story time as written (absent ones left out)."""
    out: dict[str, Any] = {}
    if scene.labels:
        out["labels"] = list(scene.labels)
    if scene.story_time:
        out["story_time"] = scene.story_time
    if scene.story_order is not None:
        out["story_order"] = scene.story_order
    return out


def read_labels(reader: FieldReader, value: Any) -> list[Label]:
    """Read the project's label definitions (``labels``: a list of ``{"id", "name", "colour"}``)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise reader.fail("labels", "expected a list")
    labels = []
    for i, item in enumerate(value):
        where = f"labels[{i}]"
        obj = reader.obj(item, where)
        label = Label(
            id=reader.node_id(obj, where),
            name=reader.text(obj, "name", f"{where}.name"),
            colour=reader.text(obj, "colour", f"{where}.colour"),
            extra=reader.extra(obj, LABEL_KEYS, where),
        )
        if label.colour and COLOUR_PATTERN.fullmatch(label.colour) is None:
            reader.cleaner.note(f"{where}.colour: {label.colour[:20]!r} is not a colour (#rrggbb); kept")
        reader.label_ids.add(label.id)
        labels.append(label)
    return labels


def label_dict(label: Label) -> dict[str, Any]:
    """A label definition as written."""
    out: dict[str, Any] = {"id": label.id, "name": label.name}
    if label.colour:
        out["colour"] = label.colour
    out.update(sorted(label.extra.items()))
    return out


def read_notes(reader: FieldReader, value: Any, files: set[str]) -> list[Note]:
    """Read the places, things and notes (``notes``: a list like ``characters``)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise reader.fail("notes", "expected a list")
    notes = []
    for i, item in enumerate(value):
        where = f"notes[{i}]"
        obj = reader.obj(item, where)
        aliases = obj.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise reader.fail(f"{where}.aliases", "expected a list of text")
        kind = reader.text(obj, "kind", f"{where}.kind") or "note"
        if kind not in NOTE_KINDS:
            raise reader.fail(f"{where}.kind", f"expected one of {', '.join(NOTE_KINDS)}")
        notes.append(
            Note(
                id=reader.node_id(obj, where),
                name=reader.text(obj, "name", f"{where}.name"),
                file=reader.file_name(obj, where, files),
                kind=kind,
                aliases=[reader.cleaner.text(a, f"{where}.aliases[{j}]") for j, a in enumerate(aliases)],
                description=reader.text(obj, "description", f"{where}.description"),
                extra=reader.extra(obj, NOTE_KEYS, where),
            )
        )
    return notes


def note_dict(note: Note) -> dict[str, Any]:
    """A place, thing or note as written."""
    out: dict[str, Any] = {"id": note.id, "name": note.name, "kind": note.kind, "aliases": list(note.aliases)}
    if note.description:
        out["description"] = note.description
    out["file"] = note.file
    out.update(sorted(note.extra.items()))
    return out
