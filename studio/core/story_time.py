"""Story time: when a scene happens in the story, and the order that follows from it.

A scene's ``story_time`` is one of

- a date, ``YYYY-MM-DD`` (``2024-05-01``),
- a date and time, ``YYYY-MM-DDTHH:MM`` (``2024-05-01T18:30``),
- a free label (``Day 3, evening``, ``The night of the fire``), placed by the scene's
  ``story_order``, a whole number the writer gives,
- or nothing ("": the scene has no story time).

``story_time_key`` sorts them: dated scenes first, by date then time (a date alone comes
before any time that day), then ``story_order``; then free labels by ``story_order`` (none
counts as 0), then by label; scenes without a story time last.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from studio.core.errors import StudioError

MAX_STORY_TIME = 200  # characters of a free label
MAX_STORY_ORDER = 10**9
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATE_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})")
_LOOKS_DATED = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")

StoryTimeKind = Literal["none", "date", "datetime", "label"]
StoryTimeKey = tuple[int, str, int, str]


@dataclass(frozen=True)
class StoryTime:
    """A parsed story time: its kind, and for dates the ISO date and ``HH:MM`` (or "")."""

    kind: StoryTimeKind
    text: str
    day: str = ""  # "YYYY-MM-DD" for dates
    clock: str = ""  # "HH:MM" for date-times


def parse_story_time(text: str) -> StoryTime:
    """Tell what kind of story time ``text`` is (a date that is not a real date is a free label)."""
    text = text.strip()
    if not text:
        return StoryTime("none", "")
    if _DATE.fullmatch(text) and _real_date(text):
        return StoryTime("date", text, day=text)
    if _DATE_TIME.fullmatch(text) and _real_date(text[:10]) and _real_clock(text[11:]):
        return StoryTime("datetime", text, day=text[:10], clock=text[11:])
    return StoryTime("label", text)


def _real_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _real_clock(text: str) -> bool:
    try:
        datetime.strptime(text, "%H:%M")
    except ValueError:
        return False
    return True


def story_time_problem(text: str, order: int | None) -> str:
    """Return why a story time cannot be stored ("" when it can), one line."""
    if "\n" in text or "\r" in text:
        return "a story time is one line"
    if len(text) > MAX_STORY_TIME:
        return f"a story time is at most {MAX_STORY_TIME} characters"
    stripped = text.strip()
    if _LOOKS_DATED.match(stripped) and parse_story_time(stripped).kind == "label":
        return f"{stripped!r} is not a real date (YYYY-MM-DD, or YYYY-MM-DDTHH:MM)"
    if order is not None and (isinstance(order, bool) or not -MAX_STORY_ORDER <= order <= MAX_STORY_ORDER):
        return f"a story order is a whole number from {-MAX_STORY_ORDER} to {MAX_STORY_ORDER}"
    return ""


def check_story_time(text: str, order: int | None) -> str:
    """Return the story time as stored (stripped), or raise ``StudioError`` with the reason."""
    problem = story_time_problem(text, order)
    if problem:
        raise StudioError(problem)
    return text.strip()


def story_time_key(text: str, order: int | None = None) -> StoryTimeKey:
    """A key that sorts scenes in story-time order (see the module's docstring)."""
    parsed = parse_story_time(text)
    rank = order or 0
    if parsed.kind in ("date", "datetime"):
        return (0, parsed.day + ("T" + parsed.clock if parsed.clock else ""), rank, "")
    if parsed.kind == "label":
        return (1, "", rank, parsed.text.casefold())
    return (2, "", 0, "")


def runs_backwards(times: Iterable[tuple[str, str, int | None]]) -> set[str]:
    """Ids of scenes whose story time comes before an earlier scene's, in manuscript order.

    ``times`` is ``(scene_id, story_time, story_order)`` in manuscript order; scenes with
    no story time are skipped (they neither run backwards nor set the pace).
    """
    backwards: set[str] = set()
    latest: StoryTimeKey | None = None
    for scene_id, text, order in times:
        key = story_time_key(text, order)
        if key[0] == 2:
            continue
        if latest is not None and key < latest:
            backwards.add(scene_id)
        elif latest is None or key > latest:
            latest = key
    return backwards
