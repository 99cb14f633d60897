"""Where the timeline puts each scene: a column per place in story time, a lane per POV character.

Scenes with a story time take the columns in story-time order; scenes without one follow
after a gap, in manuscript order. Lanes are the POV characters in the order they first
take the point of view in the manuscript; scenes with no POV share a last lane.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect

NO_POV = "No POV"
LANE_LABEL_WIDTH = 130
HEADER_HEIGHT = 40
SLOT_WIDTH = 156
LANE_HEIGHT = 66
BOX_MARGIN = 6
UNTIMED_GAP = 40  # the space before the scenes with no story time


@dataclass(frozen=True)
class SceneEntry:
    """What the timeline knows of a scene (read from the model)."""

    scene_id: str
    title: str
    pov: str
    story_time: str
    rank: int  # place in story-time order; ``timed`` is False when the scene has none
    timed: bool
    number: int  # 1-based manuscript position
    backwards: bool
    status: str


@dataclass(frozen=True)
class PlacedScene:
    """A scene with its column, lane and box."""

    entry: SceneEntry
    column: int
    lane: int
    box: QRect


@dataclass
class TimelineLayout:
    """The lanes, the columns' headings and every scene's box; ``size`` is the whole drawing."""

    lanes: list[str]
    placed: list[PlacedScene]
    headings: list[tuple[QRect, str]]
    untimed_from: int  # the first column of the scenes with no story time (-1: none)
    width: int
    height: int

    def at(self, x: int, y: int) -> PlacedScene | None:
        """The scene whose box holds the point (drawing coordinates)."""
        return next((p for p in self.placed if p.box.contains(x, y)), None)

    def neighbour(self, scene_id: str, move: str) -> PlacedScene | None:
        """The box a move ("left", "right", "up", "down", "first", "last") reaches from a scene's.

        Left and right go along story time, up and down to the nearest box in the next lane;
        from no scene (or one not shown) every move reaches the first box; at an edge it stays.
        """
        ordered = sorted(self.placed, key=lambda p: (p.box.left(), p.box.top()))
        current = next((p for p in ordered if p.entry.scene_id == scene_id), None)
        if not ordered or current is None or move == "first":
            return ordered[0] if ordered else None
        if move == "last":
            return ordered[-1]
        if move in ("left", "right"):
            at = ordered.index(current) + (1 if move == "right" else -1)
            return ordered[at] if 0 <= at < len(ordered) else current
        here = current.box.center()
        below = move == "down"
        lane = [
            p for p in ordered if (p.box.center().y() > here.y()) == below and p.box.center().y() != here.y()
        ]
        return min(
            lane,
            key=lambda p: (abs(p.box.center().y() - here.y()), abs(p.box.center().x() - here.x())),
            default=current,
        )

    def in_manuscript_order(self) -> list[PlacedScene]:
        """The placed scenes in the order a reader meets them."""
        return sorted(self.placed, key=lambda p: p.entry.number)


def lay_out(entries: list[SceneEntry]) -> TimelineLayout:
    """Place ``entries`` (any order) on the timeline."""
    by_number = sorted(entries, key=lambda e: e.number)
    lanes: list[str] = []
    for entry in by_number:
        if entry.pov and entry.pov not in lanes:
            lanes.append(entry.pov)
    if any(not e.pov for e in entries) or not lanes:
        lanes.append(NO_POV)
    lane_of = {name: number for number, name in enumerate(lanes)}
    timed = sorted((e for e in entries if e.timed), key=lambda e: (e.rank, e.number))
    untimed = [e for e in by_number if not e.timed]
    placed: list[PlacedScene] = []
    headings: list[tuple[QRect, str]] = []
    for column, entry in enumerate([*timed, *untimed]):
        x = LANE_LABEL_WIDTH + column * SLOT_WIDTH + (UNTIMED_GAP if column >= len(timed) else 0)
        lane = lane_of[entry.pov or NO_POV]
        y = HEADER_HEIGHT + lane * LANE_HEIGHT
        box = QRect(x + BOX_MARGIN, y + BOX_MARGIN, SLOT_WIDTH - 2 * BOX_MARGIN, LANE_HEIGHT - 2 * BOX_MARGIN)
        placed.append(PlacedScene(entry, column, lane, box))
        if entry.timed:
            headings.append((QRect(x, 0, SLOT_WIDTH, HEADER_HEIGHT), entry.story_time))
    if untimed:
        x = LANE_LABEL_WIDTH + len(timed) * SLOT_WIDTH + UNTIMED_GAP
        headings.append((QRect(x, 0, SLOT_WIDTH * len(untimed), HEADER_HEIGHT), "No story time"))
    columns = len(timed) + len(untimed)
    width = LANE_LABEL_WIDTH + columns * SLOT_WIDTH + (UNTIMED_GAP if untimed else 0) + BOX_MARGIN
    height = HEADER_HEIGHT + len(lanes) * LANE_HEIGHT + BOX_MARGIN
    return TimelineLayout(lanes, placed, headings, len(timed) if untimed else -1, width, height)
