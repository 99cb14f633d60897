"""Places, things and notes as a table (name, kind, appearances): the cast's model over ``project.notes``."""

from __future__ import annotations

from typing import Any

from studio.core.nodes import Note
from studio.models.characters_model import CharactersModel

HEADERS = ("Name", "Kind", "Scenes")
KIND_LABELS = {"place": "Place", "thing": "Thing", "note": "Note"}


class NotesModel(CharactersModel):
    """One row per place, thing or note, in the project's order (sorted and filtered by the same proxy)."""

    headers = HEADERS

    def entries(self) -> list[Any]:
        """The places, things and notes."""
        return self.project.notes

    def entry(self, entry_id: str) -> Note:
        """One row's place, thing or note (``NodeNotFoundError`` when it is gone)."""
        return self.project.note(entry_id)

    def detail(self, entry: Any) -> str:
        """The second column: the kind."""
        return KIND_LABELS.get(entry.kind, entry.kind)
