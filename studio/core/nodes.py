"""The plain nodes of a story project: parts, scenes, characters, labels, notes and trash items."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

DEFAULT_STATUSES = ("draft", "revised", "final")
DEFAULT_ROLES = ("protagonist", "antagonist", "supporting", "minor")


@dataclass(eq=False)
class Scene:
    """A scene: metadata from the manifest; its text lives in ``scenes/<file>``."""

    id: str
    title: str
    file: str
    status: str = "draft"
    pov: str = ""
    synopsis: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    words: int = 0
    target: int = 0  # the words the writer aims for (0: no goal)
    missing: bool = False
    read_only: bool = False
    problem: str = ""
    labels: list[str] = field(default_factory=list)  # label ids, in the order the writer gave them
    story_time: str = ""  # "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or a free label ("Day 3, evening")
    story_order: int | None = None  # orders free labels (and equal dates); None: not given


@dataclass(eq=False)
class Part:
    """A part (chapter): an ordered list of scenes, and what a site asks for when it is posted.

    ``notes`` are the notes *after* the part (imported trailers, an end author's note); in
    ``story.json`` they are written as ``notes_end`` (``notes_end`` is also their name here).
    ``notes_begin`` are the notes before it and ``summary`` is its summary for a posting form.
    ``target`` is its word goal (0: none) and ``release`` the date it is due (``YYYY-MM-DD`` or "").
    ``group`` names the book or volume this part opens (set on its first part only).
    """

    id: str
    title: str
    scenes: list[Scene] = field(default_factory=list)
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    summary: str = ""
    notes_begin: str = ""
    target: int = 0
    release: str = ""
    group: str = ""

    @property
    def notes_end(self) -> str:
        """The notes after the part (the same text as ``notes``)."""
        return self.notes

    @notes_end.setter
    def notes_end(self, value: str) -> None:
        self.notes = value

    @property
    def words(self) -> int:
        """Total words of the part's scenes."""
        return sum(scene.words for scene in self.scenes)


@dataclass(eq=False)
class Character:
    """A character: metadata in the manifest, free-form notes in ``characters/<file>``."""

    id: str
    name: str
    file: str
    aliases: list[str] = field(default_factory=list)
    role: str = ""
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(eq=False)
class Label:
    """A label (a plot thread, a subplot, a to-do): defined once per project, set on scenes by id."""

    id: str
    name: str
    colour: str = ""  # "#rrggbb"; "" lets the views pick one
    extra: dict[str, Any] = field(default_factory=dict)


NOTE_KINDS = ("place", "thing", "note")


@dataclass(eq=False)
class Note:
    """A place, a thing or a free note of the story bible: like a character, notes in ``notes/<file>``."""

    id: str
    name: str
    file: str
    kind: str = "note"  # one of NOTE_KINDS
    aliases: list[str] = field(default_factory=list)
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(eq=False)
class TrashItem:
    """A deleted scene, part or character with where it stood, so it can be restored."""

    kind: Literal["scene", "part", "character"]
    node: Scene | Part | Character
    parent_id: str | None
    index: int
    deleted_at: str = ""


@dataclass(frozen=True)
class ScenePosition:
    """Where a scene stands: its part and its index in that part."""

    scene_id: str
    part_id: str
    index: int
