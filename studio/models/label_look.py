"""How the views show a scene's labels: (name, colour) per label id, looked up in one place.

The colour is the one the rest of the window paints a label with (``labels_model.label_colour``:
grey for a label without one), so a label looks the same on a card, in the table and in the
inspector.
"""

from __future__ import annotations

from collections.abc import Iterable

from studio.core.nodes import Label
from studio.models.labels_model import label_colour

LabelChip = tuple[str, str]  # (name, "#rrggbb")
UNKNOWN_COLOUR = "#888888"


def label_chips(labels: Iterable[Label], label_ids: Iterable[str]) -> list[LabelChip]:
    """(name, colour) of each id in order; an id with no definition shows as itself, in grey."""
    known = {label.id: label for label in labels}
    chips: list[LabelChip] = []
    for label_id in label_ids:
        label = known.get(label_id)
        chips.append((label.name, label_colour(label.colour).name()) if label else (label_id, UNKNOWN_COLOUR))
    return chips
