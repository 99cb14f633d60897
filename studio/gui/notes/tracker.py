"""The appearance index of places, things and notes, kept current exactly as the cast's is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from studio.app.session import ProjectSession
from studio.core.characters import AppearanceIndex, CastMatcher, Named
from studio.core.nodes import Character, Note
from studio.gui.characters.appearance_tracker import AppearanceTracker
from studio.gui.characters.notes_editor import CharacterNotesEditor


class NotesTracker(AppearanceTracker):
    """An ``AppearanceTracker`` over the places, things and notes; rescans when they change."""

    def __init__(
        self,
        session: ProjectSession,
        live_text: Callable[[], tuple[str | None, str]] | None = None,
        hold_first_scan: bool = False,
    ) -> None:
        super().__init__(session, live_text, hold_first_scan)
        session.notes_changed.connect(self._on_cast_changed)

    def rebuild(self) -> None:
        """Rescan every scene; with no places, things or notes, no file is read at all."""
        project = self.session.project
        if project.notes:
            super().rebuild()
            return
        self.generation += 1  # a scan still running for older notes is dropped
        self.busy = False
        self.index = AppearanceIndex(CastMatcher([]))
        self._pending_matcher = self.index.matcher
        scenes = list(project.iter_scenes())
        self.index.order = [s.id for s in scenes]
        self.index.scenes = {s.id: {} for s in scenes}
        self.updated.emit()

    def refresh(self) -> None:
        """After a structural change: with nothing to look for, only follow the scenes' order."""
        if self.session.project.notes or self._cast_changed():
            super().refresh()
            return
        self.rebuild()

    def named(self) -> list[Named]:
        """Copies of the places', things' and notes' names and aliases."""
        return [Note(n.id, n.name, n.file, n.kind, list(n.aliases)) for n in self.session.project.notes]


class BibleNotesEditor(CharacterNotesEditor):
    """The free-form notes of a place, thing or note, saved to ``notes/<file>`` as the cast's are."""

    def read_notes(self, entry_id: str) -> str:
        """The notes on disk."""
        return self.session.project.note_text(entry_id)

    def write_notes(self, entry_id: str, text: str) -> None:
        """Save the notes (never over an outside change)."""
        self.session.project.set_note_text(entry_id, text)

    def notes_path(self, entry: Character | Note) -> Path:
        """The notes file of the entry shown."""
        assert isinstance(entry, Note)  # this editor only ever shows places, things and notes
        return self.session.project.note_path(entry)
