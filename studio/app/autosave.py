"""Autosave policy for the scene editor: 2 s after typing stops, on switch, focus loss and quit.

Steady typing never starves it: the first unsaved edit also starts a deadline (4.5 s) that
later keystrokes do not push back, so text reaches the disk at least every 5 seconds even
when the writer never pauses, and a kill loses at most the last 5 seconds of typing.

The policy (when to save, the retry timer, the texts waiting to be written) lives here,
without widgets: the editor hands over its document and callables that read its scene id,
its text and its state, and stays a thin client.

Saving runs on the GUI thread: a 120 KB scene is written (atomically, fsynced)
in 10-20 ms, and only ever when the writer has paused, so typing never
waits on it (see ``tests/perf/bench_editor.py``). A failed save keeps the text
(in the editor, or in ``pending`` after a switch) and is retried every 5 s.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QTextDocument

from studio.app.session import ProjectSession
from studio.core.errors import NodeNotFoundError, StudioError

SAVED, SAVING, UNSAVED = "Saved", "Saving…", "Unsaved"


class EditorView:
    """What the autosave policy reads from an editor: its scene, text and state, as callables."""

    def __init__(
        self,
        document: QTextDocument,
        scene_id: Callable[[], str | None],
        text: Callable[[], str],
        is_loading: Callable[[], bool],
        is_read_only: Callable[[], bool],
    ) -> None:
        self.document = document
        self.scene_id = scene_id
        self.text = text
        self.is_loading = is_loading
        self.is_read_only = is_read_only


class AutoSaver(QObject):
    """Saves the editor's scene; ``saved(scene_id)`` after each write, ``state_changed(text)``."""

    saved = Signal(str)
    state_changed = Signal(str)
    # Right before pending texts are written (same thread, so a listener can still stop the
    # write, e.g. by finding the project's lock taken over and turning it read-only).
    about_to_save = Signal()
    DELAY_MS = 2000
    # Below 5 s on purpose: a timer on a busy event loop fires late, and the save itself takes
    # a few milliseconds; the promise is "at most 5 s of typing lost".
    MAX_WAIT_MS = 4500
    RETRY_MS = 5000

    def __init__(
        self,
        view: EditorView,
        session: ProjectSession,
        parent: QObject | None = None,
        delay_ms: int = DELAY_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.session = session
        self.pending: dict[str, str] = {}
        self.state = SAVED
        self.error = ""
        self.timer = QTimer(self, singleShot=True, interval=delay_ms)
        self.timer.timeout.connect(self.save_current)
        # Started by the first unsaved edit, never restarted by the next ones: typing cannot starve saving.
        self.deadline = QTimer(self, singleShot=True, interval=max_wait_ms)
        self.deadline.setTimerType(Qt.TimerType.PreciseTimer)
        self.deadline.timeout.connect(self.save_current)
        self.retry_timer = QTimer(self, singleShot=True, interval=self.RETRY_MS)
        self.retry_timer.timeout.connect(self.save_current)
        view.document.contentsChanged.connect(self._on_edited)
        view.document.modificationChanged.connect(self._on_modification_changed)

    # -- public API -------------------------------------------------------------------
    def has_unsaved(self) -> bool:
        """Whether some text is not on disk yet."""
        return bool(self.pending) or self.view.document.isModified()

    def pending_text(self, scene_id: str) -> str | None:
        """Text of ``scene_id`` that could not be saved yet, if any."""
        return self.pending.get(scene_id)

    def discard(self, scene_id: str) -> None:
        """Forget unsaved text of a scene (its text was replaced by the app)."""
        self.pending.pop(scene_id, None)
        if scene_id == self.view.scene_id():
            self.view.document.setModified(False)
        if not self.has_unsaved():
            self._set_state(SAVED)

    def stash_current(self) -> None:
        """Move the editor's modified text into ``pending`` (ready to be written)."""
        scene_id = self.view.scene_id()
        document = self.view.document
        if scene_id and document.isModified() and not self.view.is_read_only():
            self.pending[scene_id] = self.view.text()
            document.setModified(False)

    def save_current(self) -> bool:
        """Save the editor's text now; return whether everything is on disk."""
        self.stash_current()
        return self.save_now()

    def save_now(self) -> bool:
        """Write every pending text; return whether everything is on disk."""
        self.timer.stop()
        self.deadline.stop()
        self.retry_timer.stop()
        if not self.pending:
            if not self.view.document.isModified():
                self._set_state(SAVED)
            return True
        self.about_to_save.emit()
        self._set_state(SAVING)
        failure = ""
        for scene_id, text in list(self.pending.items()):
            try:
                self.session.project.set_scene_text(scene_id, text)
            except NodeNotFoundError:
                del self.pending[scene_id]  # the scene was removed for good (undo of an add)
                continue
            except (OSError, StudioError) as error:
                failure = self._describe(error)
                continue
            del self.pending[scene_id]
            self.saved.emit(scene_id)
            self.session.scene_text_saved.emit(scene_id)
        if failure:
            self.error = failure
            self._set_state(f"Not saved: {failure}")
            self.session.save_error.emit(failure)
            self.retry_timer.start()
            return False
        if self.error:
            self.error = ""
            self.session.save_error.emit("")
        self._set_state(UNSAVED if self.view.document.isModified() else SAVED)
        return True

    # -- internals --------------------------------------------------------------------
    @staticmethod
    def _describe(error: BaseException) -> str:
        if isinstance(error, OSError):
            where = f"{error.filename}: " if error.filename else ""
            return f"{where}{error.strerror or error}"
        return str(error)

    def _on_edited(self) -> None:
        if self.view.is_loading() or not self.view.document.isModified():
            return
        if not self.error:
            self._set_state(UNSAVED)
        self.timer.start()
        if not self.deadline.isActive():
            self.deadline.start()

    def _on_modification_changed(self, modified: bool) -> None:
        if modified and not self.view.is_loading() and not self.error:
            self._set_state(UNSAVED)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
