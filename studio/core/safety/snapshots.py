"""Per-scene versions kept in ``.studio/snapshots/<scene_id>/``, and diffs between texts.

Each snapshot is ``<timestamp>.txt`` (the text) beside ``<timestamp>.json`` (time,
word count, reason). Snapshots are taken before split, merge, replace-all, an
outside reload and a restore, and on demand. A snapshot identical to the newest
one is not taken twice.
"""

from __future__ import annotations

import builtins
import difflib
import html
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from studio.core.atomic import atomic_write, make_folder
from studio.core.counting import count_words
from studio.core.errors import ReadOnlyError, StudioError
from studio.core.manifest import is_safe_id
from studio.core.validation import MAX_JSON_BYTES, ValueCleaner, loads_bounded, read_plain_bytes

if TYPE_CHECKING:
    from studio.core.project import Project

SNAPSHOTS_DIR = "snapshots"
STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"


@dataclass(frozen=True)
class Snapshot:
    """One kept version of a scene's text."""

    scene_id: str
    name: str  # the timestamp part of the file names
    time: str  # ISO 8601, UTC
    words: int
    reason: str
    path: Path

    def local_time(self) -> str:
        """The time as a short local date and time."""
        try:
            moment = datetime.fromisoformat(self.time).astimezone()
        except ValueError:
            return self.time
        return moment.strftime("%Y-%m-%d %H:%M:%S")


def snapshot_dir(project: Project, scene_id: str) -> Path:
    """Return the folder holding the snapshots of one scene."""
    if not is_safe_id(scene_id):
        raise StudioError(f"unsafe scene id {scene_id!r}")
    return project.store.hidden_dir / SNAPSHOTS_DIR / scene_id


def take(project: Project, scene_id: str, reason: str, text: str | None = None) -> Snapshot:
    """Keep a version of a scene (its current text unless ``text`` is given); return it.

    When the newest snapshot already holds this exact text, that one is returned.
    """
    if project.read_only:
        raise ReadOnlyError(f"{project.root.name} is open read-only; no snapshot taken")
    body = project.scene_text(scene_id) if text is None else text
    existing = list(project, scene_id)
    if existing and read(existing[-1]) == body:
        return existing[-1]
    project.store.ensure_hidden_dir()
    folder = snapshot_dir(project, scene_id)
    make_folder(folder, project.root)
    moment = datetime.now(UTC)
    name = moment.strftime(STAMP_FORMAT)
    number = 1
    while (folder / f"{name}.txt").exists():
        number += 1
        name = f"{moment.strftime(STAMP_FORMAT)}-{number}"
    words = count_words(body)
    time = moment.replace(microsecond=0).isoformat()
    meta = {"time": time, "words": words, "reason": reason}
    atomic_write(folder / f"{name}.txt", body, within=project.root)
    atomic_write(folder / f"{name}.json", json.dumps(meta, ensure_ascii=False) + "\n", within=project.root)
    return Snapshot(scene_id, name, time, words, reason, folder / f"{name}.txt")


def list(project: Project, scene_id: str) -> builtins.list[Snapshot]:  # noqa: A001 - the API name asked for
    """Return a scene's snapshots, oldest first."""
    folder = snapshot_dir(project, scene_id)
    try:
        names = sorted(
            n[:-4]
            for n in os.listdir(folder)
            if n.endswith(".txt") and not n.startswith(".") and n.isprintable()
        )
    except OSError:  # absent, or not a folder
        return []
    return [_load(scene_id, folder, name) for name in names]


def _load(scene_id: str, folder: Path, name: str) -> Snapshot:
    path = folder / f"{name}.txt"
    try:
        meta = loads_bounded(read_plain_bytes(folder / f"{name}.json", MAX_JSON_BYTES).decode("utf-8"))
        if not isinstance(meta, dict) or not all(isinstance(meta.get(k), str) for k in ("time", "reason")):
            raise ValueError("not an object")
        if type(meta.get("words")) is not int:
            raise ValueError("no word count")
        cleaner = ValueCleaner()
        time, reason = cleaner.text(meta["time"][:100], "time"), cleaner.text(meta["reason"][:500], "reason")
        return Snapshot(scene_id, name, time, meta["words"], reason, path)
    except (OSError, ValueError, StudioError):
        stamp = name.split("-")[0]
        try:
            time = datetime.strptime(stamp, STAMP_FORMAT).replace(tzinfo=UTC, microsecond=0).isoformat()
        except ValueError:
            time = ""
        try:
            words = count_words(read_path(path))
        except (OSError, StudioError):
            words = 0
        return Snapshot(scene_id, name, time, words, "", path)


def read(snapshot: Snapshot) -> str:
    """Return a snapshot's text."""
    return read_path(snapshot.path)


def read_path(path: Path) -> str:
    """Read a snapshot file (invalid UTF-8 replaced, never refused)."""
    return read_plain_bytes(path).decode("utf-8", errors="replace")


# -- diffs ------------------------------------------------------------------------------
@dataclass(frozen=True)
class DiffLine:
    """One row of a diff: ``kind`` is ``same``, ``removed``, ``added`` or ``changed``."""

    kind: str
    old: str | None
    new: str | None


def diff_rows(old: str, new: str) -> builtins.list[DiffLine]:
    """Line-by-line rows aligning ``old`` and ``new`` (for a side-by-side view)."""
    a, b = old.splitlines(), new.splitlines()
    rows: builtins.list[DiffLine] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            rows.extend(
                DiffLine("same", a[i], b[j]) for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            )
        elif tag == "delete":
            rows.extend(DiffLine("removed", a[i], None) for i in range(i1, i2))
        elif tag == "insert":
            rows.extend(DiffLine("added", None, b[j]) for j in range(j1, j2))
        else:
            width = max(i2 - i1, j2 - j1)
            for k in range(width):
                left = a[i1 + k] if i1 + k < i2 else None
                right = b[j1 + k] if j1 + k < j2 else None
                kind = (
                    "changed"
                    if left is not None and right is not None
                    else ("removed" if right is None else "added")
                )
                rows.append(DiffLine(kind, left, right))
    return rows


def unified(old: str, new: str, old_name: str = "snapshot", new_name: str = "current") -> str:
    """Return a plain unified diff of two texts."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), old_name, new_name
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def word_ops(old: str, new: str) -> builtins.list[tuple[str, str]]:
    """Word-level inline diff: a list of (``same``/``removed``/``added``, text) pieces."""
    a, b = _tokens(old), _tokens(new)
    pieces: builtins.list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("removed", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("added", "".join(b[j1:j2])))
    return pieces


def _tokens(text: str) -> builtins.list[str]:
    import re

    return re.findall(r"\s+|\w+|[^\w\s]", text)


REMOVED_STYLE = "background:#f8d7da;color:#721c24;text-decoration:line-through;"
ADDED_STYLE = "background:#d4edda;color:#155724;"


def inline_html(old: str, new: str) -> str:
    """HTML of an inline (word-level) diff: removed words struck through, added words marked."""
    out = []
    for kind, piece in word_ops(old, new):
        text = html.escape(piece).replace("\n", "<br>")
        if kind == "same":
            out.append(text)
        else:
            out.append(f'<span style="{REMOVED_STYLE if kind == "removed" else ADDED_STYLE}">{text}</span>')
    return "<div style='white-space:pre-wrap'>" + "".join(out) + "</div>"


def side_by_side_html(old: str, new: str, old_title: str = "Snapshot", new_title: str = "Current") -> str:
    """HTML table of a side-by-side (line-level) diff."""
    colours = {"same": "", "removed": "#f8d7da", "added": "#d4edda", "changed": "#fff3cd"}
    rows = [
        f"<tr><th width='50%' align='left'>{html.escape(old_title)}</th>"
        f"<th width='50%' align='left'>{html.escape(new_title)}</th></tr>"
    ]
    for row in diff_rows(old, new):
        shade = colours[row.kind]
        style = f" style='background:{shade};color:#1a1a1a'" if shade else ""  # readable in dark themes
        left = html.escape(row.old) if row.old is not None else ""
        right = html.escape(row.new) if row.new is not None else ""
        rows.append(f"<tr><td valign='top'{style}>{left}</td><td valign='top'{style}>{right}</td></tr>")
    return "<table width='100%' cellspacing='0' cellpadding='4'>" + "".join(rows) + "</table>"
