"""What changed in the open project, carried by the session's signals so listeners update only that."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class OutlineChangeKind(StrEnum):
    """The kinds of change to the manuscript tree and its trash."""

    ADDED = "added"  # parts or scenes created or put back (undo of a removal)
    REMOVED = "removed"  # parts or scenes removed for good (undo of an add, a merge)
    MOVED = "moved"  # scenes or parts moved
    RENAMED = "renamed"  # a part's or scene's title changed
    TRASHED = "trashed"  # parts, scenes or characters sent to the trash
    RESTORED = "restored"  # items taken out of the trash
    TRASH_EMPTIED = "trash emptied"  # the trash deleted for good
    RELOADED = "reloaded"  # the whole tree was re-read from disk: rebuild


@dataclass(frozen=True)
class OutlineChange:
    """One change to the outline: its kind and the ids of the parts, scenes or characters concerned."""

    kind: OutlineChangeKind
    ids: tuple[str, ...] = ()

    def touches(self, node_id: str | None) -> bool:
        """Whether this change may concern ``node_id`` (a reload concerns everything)."""
        return self.kind == OutlineChangeKind.RELOADED or (node_id is not None and node_id in self.ids)

    @property
    def trash_changed(self) -> bool:
        """Whether the trash's contents may have changed."""
        return self.kind in TRASH_KINDS

    @property
    def words_changed(self) -> bool:
        """Whether totals of words (a part's, the project's) may have changed."""
        return self.kind not in (OutlineChangeKind.RENAMED,)


TRASH_KINDS = frozenset(
    {
        OutlineChangeKind.TRASHED,
        OutlineChangeKind.RESTORED,
        OutlineChangeKind.TRASH_EMPTIED,
        OutlineChangeKind.RELOADED,
    }
)


class CastChangeKind(StrEnum):
    """The kinds of change to the cast."""

    ADDED = "added"  # characters created or put back
    REMOVED = "removed"  # characters removed for good or sent to the trash
    EDITED = "edited"  # name, aliases, role or description changed
    RELOADED = "reloaded"  # the cast was re-read from disk


@dataclass(frozen=True)
class CastChange:
    """One change to the cast: its kind and the character ids concerned."""

    kind: CastChangeKind
    ids: tuple[str, ...] = ()

    @property
    def names_changed(self) -> bool:
        """Whether names or aliases (what the text is searched for) may have changed."""
        return True


class LabelChangeKind(StrEnum):
    """The kinds of change to the project's label definitions."""

    ADDED = "added"  # labels defined (or put back by an undo)
    REMOVED = "removed"  # labels removed (their scenes are announced with ``scene_changed``)
    EDITED = "edited"  # a label's name or colour changed
    RELOADED = "reloaded"  # the labels were re-read from disk


@dataclass(frozen=True)
class LabelChange:
    """One change to the label definitions: its kind and the label ids concerned."""

    kind: LabelChangeKind
    ids: tuple[str, ...] = ()


class NoteChangeKind(StrEnum):
    """The kinds of change to the places, things and notes."""

    ADDED = "added"
    REMOVED = "removed"
    EDITED = "edited"  # name, kind, aliases or description changed
    RELOADED = "reloaded"


@dataclass(frozen=True)
class NoteChange:
    """One change to the places, things and notes: its kind and the note ids concerned."""

    kind: NoteChangeKind
    ids: tuple[str, ...] = ()
