"""Each part's ``story.json`` text kept between saves, so a save re-writes only the parts that changed.

A part's text is reused only while its fields and every field its scenes write equal the copy
taken when it was written (read with ``attrgetter`` and compared in C, the class of each number
included, so ``True`` never passes for ``1``; a label added in place is seen, the labels being
copied). A part or scene with free-form extras is written afresh every time. The bytes are
always those of a full ``serialize_manifest``; ``tests/core/test_manifest_cache.py`` checks it.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from studio.core.manifest import dump_indented, part_dict
from studio.core.nodes import Part

# Where the parts stand in story.json: document > "parts" list > part.
_PARTS_PAD = "  "
_PART_PAD = _PARTS_PAD + "  "
_OPEN, _BETWEEN, _CLOSE = f"[\n{_PART_PAD}".encode(), f",\n{_PART_PAD}".encode(), f"\n{_PARTS_PAD}]".encode()

# Every field a part or a scene writes (and the class of each number), extras last.
_PART_FIELDS = attrgetter(
    *("id", "title", "group", "summary", "notes_begin", "notes", "target", "target.__class__"),
    *("release", "extra"),
)
_SCENE_FIELDS = attrgetter(
    *("id", "title", "file", "status", "pov", "synopsis", "target", "target.__class__"),
    *("story_time", "story_order", "story_order.__class__", "labels", "extra"),
)
_LABELS = 11  # where the labels stand in a scene's fields

_Key = tuple[tuple[Any, ...], list[tuple[Any, ...]]]


class SceneJsonCache:
    """Writes the manifest's ``parts`` list, reusing the text of every part unchanged since the last write."""

    def __init__(self) -> None:
        self._parts: dict[int, tuple[Part, _Key, bytes]] = {}

    def parts_json(self, parts: list[Part]) -> bytes:
        """The parts exactly as ``dump_indented(parts, "  ")`` writes them, in UTF-8 (``parts`` not empty)."""
        old, new = self._parts, {}
        texts = []
        for part in parts:
            key = (_PART_FIELDS(part), list(map(_SCENE_FIELDS, part.scenes)))
            entry = old.get(id(part))
            if entry is not None and entry[0] is part and entry[1] == key:
                new[id(part)] = entry
                texts.append(entry[2])
                continue
            text = dump_indented(part_dict(part), _PART_PAD).encode("utf-8")
            kept = _kept_key(key)
            if kept is not None:
                new[id(part)] = (part, kept, text)
            texts.append(text)
        self._parts = new
        return b"".join((_OPEN, _BETWEEN.join(texts), _CLOSE))

    def clear(self) -> None:
        """Forget every kept text (the next write is a full one)."""
        self._parts = {}


def _kept_key(key: _Key) -> _Key | None:
    """The key to keep: its mutable values copied; None when a part or a scene has extras."""
    fields, scenes = key
    if fields[-1] or type(fields[-1]) is not dict:
        return None
    kept = []
    for scene in scenes:
        if scene[-1] or type(scene[-1]) is not dict or type(scene[_LABELS]) is not list:
            return None
        kept.append((*scene[:_LABELS], list(scene[_LABELS]), {}))
    return ((*fields[:-1], {}), kept)
