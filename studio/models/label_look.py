"""How the views show a scene's labels: name and colour per label id, looked up in one place."""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from PySide6.QtGui import QColor

from studio.core.nodes import Label

LabelChip = tuple[str, str]  # (name, "#rrggbb")
UNKNOWN_COLOUR = "#888888"


def label_colour(label: Label) -> str:
    """The label's own colour, or a stable one made from its id when it has none."""
    if label.colour:
        return label.colour
    return QColor.fromHsv(zlib.crc32(label.id.encode("utf-8")) % 360, 150, 200).name()


def label_chips(labels: Iterable[Label], label_ids: Iterable[str]) -> list[LabelChip]:
    """(name, colour) of each id in order; an id with no definition shows as itself, in grey."""
    known = {label.id: label for label in labels}
    chips: list[LabelChip] = []
    for label_id in label_ids:
        label = known.get(label_id)
        chips.append((label.name, label_colour(label)) if label else (label_id, UNKNOWN_COLOUR))
    return chips
