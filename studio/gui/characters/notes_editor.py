"""The character's free-form notes: typed text saved to its notes file a moment after typing stops.

Notes changed on disk meanwhile are never overwritten: the typed notes stay in the
editor, and on a switch or a close they are kept in a copy beside the file.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from studio.app.session import ProjectSession
from studio.core.atomic import atomic_write
from studio.core.errors import StudioError
from studio.core.nodes import Character, Note

NOTES_DELAY_MS = 800


class CharacterNotesEditor(QPlainTextEdit):
    """Edits the notes of the character ``current()`` returns; ``message(text)`` for the status bar."""

    message = Signal(str)

    def __init__(
        self,
        session: ProjectSession,
        current: Callable[[], Character | Note | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("characterNotes")
        self.setPlaceholderText("Notes: looks, history, voice, what they want…")
        self.setTabChangesFocus(True)
        self.session = session
        self.current = current
        self.base = ""  # the notes as last loaded from or saved to the file
        self.dirty = False  # typed notes not saved yet
        self._filling = False
        self._timer = QTimer(self, singleShot=True, interval=NOTES_DELAY_MS)
        self._timer.timeout.connect(self.save)
        self.textChanged.connect(self._on_typed)

    def has_unsaved(self) -> bool:
        """Whether typed notes are waiting to be saved."""
        return self._timer.isActive() or self.dirty

    def load(self, character: Character | Note | None) -> None:
        """Show a character's notes from its file (unless typed notes are still unsaved)."""
        if self.has_unsaved():
            return
        notes = self.read_notes(character.id) if character else ""
        self.base = notes
        if self.toPlainText() != notes:
            self._filling = True
            try:
                self.setPlainText(notes)
            finally:
                self._filling = False

    def save(self) -> None:
        """Write the notes being typed now, unless the file changed on disk since it was loaded."""
        self._timer.stop()
        character = self.current()
        if character is None or self.session.read_only or not self.dirty:
            return
        text = self.toPlainText()
        try:
            on_disk = self.read_notes(character.id)
            if on_disk not in (text, self.base):
                raise StudioError(
                    f"the notes of {character.name} changed on disk; your edits were kept in the panel, "
                    "not saved over them"
                )
            if text != on_disk:
                self.write_notes(character.id, text)
            self.base, self.dirty = text, False
        except (StudioError, OSError) as error:
            self.message.emit(f"Notes not saved: {error}")
            self.session.save_error.emit(f"Notes not saved: {error}")

    def flush(self) -> None:
        """Save; if the file changed on disk meanwhile, keep the typed notes in a copy beside it."""
        self.save()
        character = self.current()
        if not self.dirty or character is None:
            return
        self.dirty = False
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = self.notes_path(character)
        copy = path.with_name(f"{path.stem} (unsaved edits {stamp}){path.suffix}")
        try:
            atomic_write(copy, self.toPlainText())
        except OSError as error:
            self.message.emit(f"Notes of {character.name} could not be kept: {error}")
            return
        self.message.emit(
            f"Your edits to the notes of {character.name} were kept in {path.parent.name}/{copy.name}"
        )

    def read_notes(self, entry_id: str) -> str:
        """The notes on disk (a character's; a place's or thing's in ``BibleNotesEditor``)."""
        return self.session.project.character_notes(entry_id)

    def write_notes(self, entry_id: str, text: str) -> None:
        """Save the notes (never over an outside change)."""
        self.session.project.set_character_notes(entry_id, text)

    def notes_path(self, entry: Character | Note) -> Path:
        """The notes file of the entry shown."""
        return self.session.project.store.character_path(entry.file)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Qt override: save the notes when the editor loses the focus."""
        self.save()
        super().focusOutEvent(event)

    def _on_typed(self) -> None:
        if not self._filling and self.current() is not None:
            self.dirty = True
            self._timer.start()
