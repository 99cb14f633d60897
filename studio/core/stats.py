"""Goals and writing statistics: word targets, release dates, and words written per day.

Pure Python. The day records live in ``stats.json`` beside ``story.json`` (``STATS_NAME``):
``{"format": 1, "days": {"2026-12-01": {"added": 512, "deleted": 40, "minutes": 35}}}``.

Words are counted per save of a scene, from its word count before and after the save:
``added = max(0, after - before)``, ``deleted = max(0, before - after)``. A save is a few
seconds of typing (autosave), so this is close to a word diff at a fraction of its cost (no
diff of a 20,000-word scene), and it never needs the old text. Rewriting a sentence with as
many words as before counts as nothing; the net per day is exact.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from studio.core.errors import StudioError

STATS_NAME = "stats.json"
STATS_FORMAT = 1
MAX_TARGET = 10_000_000  # words: a bound for a damaged or mistyped target
_DATE_LENGTH = 10


def is_release_date(value: str) -> bool:
    """Tell whether ``value`` is a date written ``YYYY-MM-DD``."""
    if len(value) != _DATE_LENGTH:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def parse_target(text: str) -> int:
    """A word target from its text ("" or "0": none); ``ValueError`` for anything else."""
    text = text.strip().replace(",", "")
    if not text:
        return 0
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_TARGET:
        raise ValueError(f"not a word target: {text!r}")
    return int(text)


def field_value(key: str, text: str) -> str | int:
    """The value a node field holds for the text an undo command carries (``target`` is a number).

    Raises ``StudioError`` for a target that is no whole number or a release that is no date.
    """
    if key == "target":
        try:
            return parse_target(text)
        except ValueError as error:
            raise StudioError(str(error)) from None
    if key == "release" and text and not is_release_date(text):
        raise StudioError(f"not a date (YYYY-MM-DD): {text!r}")
    return text


def progress_text(words: int, target: int) -> str:
    """``434 / 1,000 (43 %)`` (just the words when there is no target)."""
    if target <= 0:
        return f"{words:,}"
    return f"{words:,} / {target:,} ({100 * words // target} %)"


def words_per_day(words: int, target: int, release: str, today: date) -> int | None:
    """Words a day still needed to reach ``target`` by ``release`` (today included); None if no goal."""
    if target <= 0 or not is_release_date(release):
        return None
    days = (date.fromisoformat(release) - today).days + 1
    remaining = max(0, target - words)
    if days <= 0:
        return remaining
    return math.ceil(remaining / days)


def count_change(before: int, after: int) -> tuple[int, int]:
    """Words added and deleted by a save that took a scene from ``before`` to ``after`` words."""
    return max(0, after - before), max(0, before - after)


@dataclass
class DayRecord:
    """What was written on one day."""

    added: int = 0
    deleted: int = 0
    minutes: int = 0

    @property
    def net(self) -> int:
        """Words added less words deleted."""
        return self.added - self.deleted

    def merge(self, other: DayRecord) -> None:
        """Add another record of the same day to this one."""
        self.added += other.added
        self.deleted += other.deleted
        self.minutes += other.minutes


@dataclass
class WritingStats:
    """The day records of a project, by ISO date."""

    days: dict[str, DayRecord] = field(default_factory=dict)

    def day(self, when: date) -> DayRecord:
        """The record of ``when`` (created empty)."""
        return self.days.setdefault(when.isoformat(), DayRecord())

    def record_save(self, when: date, before: int, after: int) -> None:
        """Count a save that took a scene from ``before`` to ``after`` words."""
        added, deleted = count_change(before, after)
        record = self.day(when)
        record.added += added
        record.deleted += deleted

    def merge(self, other: WritingStats) -> None:
        """Add every day of ``other`` to this one."""
        for key, record in other.days.items():
            self.days.setdefault(key, DayRecord()).merge(record)

    def last_days(self, count: int, today: date) -> list[tuple[date, DayRecord]]:
        """The ``count`` days up to ``today``, oldest first (empty days included)."""
        first = today - timedelta(days=count - 1)
        days = [first + timedelta(days=i) for i in range(count)]
        return [(d, self.days.get(d.isoformat(), DayRecord())) for d in days]

    def streak(self, today: date) -> int:
        """Days in a row with words written, ending today (or yesterday, if today is still empty)."""
        when = today if self._wrote(today) else today - timedelta(days=1)
        count = 0
        while self._wrote(when):
            count += 1
            when -= timedelta(days=1)
        return count

    def _wrote(self, when: date) -> bool:
        record = self.days.get(when.isoformat())
        return record is not None and record.added > 0

    def best_day(self) -> tuple[str, int] | None:
        """The day with the most net words, and that net (None before any writing)."""
        written = [(r.net, key) for key, r in self.days.items() if r.net > 0]
        if not written:
            return None
        net, key = max(written, key=lambda item: (item[0], item[1]))
        return key, net

    def average(self, today: date, count: int = 30) -> float:
        """Net words a day over the last ``count`` days, counting only days with writing."""
        nets = [r.net for _d, r in self.last_days(count, today) if r.added or r.deleted]
        return sum(nets) / len(nets) if nets else 0.0


def dump_stats(stats: WritingStats) -> str:
    """The stats file's text: days in order, one per line, so a day's change is a one-line diff."""
    lines = [
        f"    {json.dumps(key)}: "
        + json.dumps({"added": r.added, "deleted": r.deleted, "minutes": r.minutes})
        for key, r in sorted(stats.days.items())
        if r.added or r.deleted or r.minutes
    ]
    body = ",\n".join(lines)
    days = "{\n" + body + "\n  }" if lines else "{}"
    return f'{{\n  "format": {STATS_FORMAT},\n  "days": {days}\n}}\n'


def parse_stats(text: str, problems: list[str] | None = None) -> WritingStats:
    """Read a stats file; damaged days (or a damaged file) are skipped and named in ``problems``."""
    problems = problems if problems is not None else []
    try:
        document: Any = json.loads(text) if text.strip() else {}
    except json.JSONDecodeError as error:
        problems.append(f"{STATS_NAME}: not JSON ({error.msg}); started afresh")
        return WritingStats()
    except (RecursionError, ValueError):  # nested too deep; a number with too many digits
        problems.append(f"{STATS_NAME}: damaged (too deep or too large); started afresh")
        return WritingStats()
    days = document.get("days", {}) if isinstance(document, dict) else None
    if not isinstance(days, dict):
        problems.append(f"{STATS_NAME}: no days; started afresh")
        return WritingStats()
    stats = WritingStats()
    for key, value in days.items():
        record = _day(key, value)
        if record is None:
            problems.append(f"{STATS_NAME}: day {str(key)[:20]!r} is damaged; left out")
        else:
            stats.days[key] = record
    return stats


def _day(key: object, value: object) -> DayRecord | None:
    if not isinstance(key, str) or not is_release_date(key) or not isinstance(value, dict):
        return None
    numbers = [value.get(name, 0) for name in ("added", "deleted", "minutes")]
    if not all(isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= MAX_TARGET for n in numbers):
        return None
    return DayRecord(*numbers)
