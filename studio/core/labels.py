"""Labels on scenes: what a valid label name and colour are, and a palette for new labels."""

from __future__ import annotations

import re
from collections.abc import Iterable

from studio.core.errors import StudioError
from studio.core.nodes import Label

MAX_LABEL_NAME = 80
COLOUR_PATTERN = re.compile(r"#[0-9a-fA-F]{6}")
# Distinct on light and dark backgrounds; a new label takes the first one no label uses yet.
PALETTE = ("#e0524d", "#3b82c4", "#47a05a", "#d9902f", "#8a5cc2", "#2aa198", "#c2557f", "#7d8a2e")


def check_label_name(name: str, labels: Iterable[Label], own_id: str = "") -> str:
    """Return the name as stored (white space collapsed), or raise ``StudioError`` with the reason."""
    clean = " ".join(name.split())
    if not clean:
        raise StudioError("a label needs a name")
    if len(clean) > MAX_LABEL_NAME:
        raise StudioError(f"a label name is at most {MAX_LABEL_NAME} characters")
    for label in labels:
        if label.id != own_id and label.name.casefold() == clean.casefold():
            raise StudioError(f"there is already a label {label.name!r}")
    return clean


def check_colour(colour: str) -> str:
    """Return the colour as stored (``#rrggbb``, lowercase, or ""), or raise ``StudioError``."""
    colour = colour.strip()
    if colour and COLOUR_PATTERN.fullmatch(colour) is None:
        raise StudioError(f"{colour[:20]!r} is not a colour (#rrggbb)")
    return colour.lower()


def next_colour(labels: Iterable[Label]) -> str:
    """The palette's first colour no label uses yet (the first again when all are taken)."""
    used = {label.colour.lower() for label in labels}
    return next((c for c in PALETTE if c not in used), PALETTE[0])


def label_names(labels: Iterable[Label], label_ids: Iterable[str]) -> list[str]:
    """The names of ``label_ids`` in their order; an id with no definition shows as itself."""
    names = {label.id: label.name for label in labels}
    return [names.get(label_id, label_id) for label_id in label_ids]
