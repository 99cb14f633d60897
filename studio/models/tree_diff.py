"""Pure helpers that compare two outline arrangements, so the model can update views in small steps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Arrangement = list[tuple[str, list[str]]]
PART_MARK = "\x00part:"


@dataclass(frozen=True)
class BlockMove:
    """Rows ``first..last`` of a source parent go before row ``dest_row`` of a destination parent.

    ``parent_*`` is a part id for scene rows, ``None`` for part rows (the top level).
    ``dest_row`` is counted before the move, as ``beginMoveRows`` wants it.
    """

    source_parent: str | None
    first: int
    last: int
    dest_parent: str | None
    dest_row: int


def restricted(arrangement: Arrangement, part_ids: set[str], scene_ids: set[str]) -> Arrangement:
    """The arrangement with only the given parts and scenes, in its own order."""
    return [(pid, [s for s in scenes if s in scene_ids]) for pid, scenes in arrangement if pid in part_ids]


def _rotation(old: Sequence[str], new: Sequence[str]) -> tuple[int, int, int] | None:
    """If ``new`` is ``old`` with one block moved, return (start, split, end) of the changed window.

    The window ``old[start:end]`` became ``old[split:end] + old[start:split]``.
    """
    if len(old) != len(new):
        return None
    start = 0
    while start < len(old) and old[start] == new[start]:
        start += 1
    if start == len(old):
        return None
    end = len(old)
    while end > start and old[end - 1] == new[end - 1]:
        end -= 1
    window = list(old[start:end])
    try:
        split = start + window.index(new[start])
    except ValueError:
        return None
    if list(new[start:end]) != window[split - start :] + window[: split - start]:
        return None
    return start, split, end


def part_move(old: Sequence[str], new: Sequence[str]) -> BlockMove | None:
    """The single block move of parts turning ``old`` into ``new``, if there is one."""
    found = _rotation(old, new)
    if found is None:
        return None
    start, split, end = found
    if split - start <= end - split:  # the block old[start:split] moves down, after old[split:end]
        return BlockMove(None, start, split - 1, None, end)
    return BlockMove(None, split, end - 1, None, start)


def _flatten(arrangement: Arrangement) -> list[str]:
    tokens: list[str] = []
    for pid, scenes in arrangement:
        tokens.append(PART_MARK + pid)
        tokens.extend(scenes)
    return tokens


def _locate(arrangement: Arrangement, scene_id: str) -> tuple[str, int]:
    for pid, scenes in arrangement:
        if scene_id in scenes:
            return pid, scenes.index(scene_id)
    raise KeyError(scene_id)


def scene_move(old: Arrangement, new: Arrangement) -> BlockMove | None:
    """The single block move of scenes turning ``old`` into ``new`` (same parts, same order), if any."""
    old_tokens, new_tokens = _flatten(old), _flatten(new)
    found = _rotation(old_tokens, new_tokens)
    if found is None:
        return None
    start, split, end = found
    blocks = [(old_tokens[start:split], end), (old_tokens[split:end], start)]
    blocks.sort(key=lambda b: len(b[0]))
    for block, before in blocks:
        if any(t.startswith(PART_MARK) for t in block):
            continue
        source, first = _locate(old, block[0])
        dest_parent, dest_row = _destination(old_tokens, before)
        return BlockMove(source, first, first + len(block) - 1, dest_parent, dest_row)
    return None


def _destination(tokens: Sequence[str], before: int) -> tuple[str, int]:
    """The (part, row) in the old arrangement of the gap before flat position ``before``."""
    for row, index in enumerate(range(before - 1, -1, -1)):
        if tokens[index].startswith(PART_MARK):
            return tokens[index][len(PART_MARK) :], row
    raise ValueError("a scene gap before the first part")
