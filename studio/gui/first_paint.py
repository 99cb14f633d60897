"""Start-up work that waits for the window's first paint, and the launch benchmark's ready mark.

``after_first_paint(widget, callback)`` runs deferrable work once ``widget`` has painted, so
it never delays the first frame. Callbacks run one per turn of the event loop, so typing and
repaints slip in between them. ``announce_ready`` prints the launch benchmark's mark
(``STUDIO_READY <wall clock>``) on the first idle moment after the outline and the editor
have painted, when ``$STUDIO_READY_MARK`` is set; ``STUDIO_SETTLED`` follows once the
deferred work has run.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A window that is never shown (tests, screenshots) still gets its work done after this long.
FALLBACK_MS = 2000
READY_MARK_ENV = "STUDIO_READY_MARK"


class _DeferredWork(QObject):
    """The queue of work that runs after the first paint, one callback per event-loop turn."""

    def __init__(self) -> None:
        super().__init__()
        self.queue: deque[tuple[QWidget, Callable[[], object]]] = deque()
        self.drained: list[Callable[[], object]] = []
        self.running = False

    def add(self, widget: QWidget, callback: Callable[[], object]) -> None:
        """Queue ``callback`` (dropped if ``widget`` is gone by its turn); work the queue off."""
        self.queue.append((widget, callback))
        if not self.running:
            self.running = True
            QTimer.singleShot(0, self, self._next)

    def when_drained(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once nothing is queued (now, if the queue is empty)."""
        if self.running:
            self.drained.append(callback)
        else:
            callback()

    def _next(self) -> None:
        if self.queue:
            widget, callback = self.queue.popleft()
            try:
                if shiboken6.isValid(widget):  # its window may have closed meanwhile
                    callback()
            finally:
                QTimer.singleShot(0, self, self._next)
            return
        self.running = False
        drained, self.drained = self.drained, []
        for callback in drained:
            callback()


_WORK: list[_DeferredWork] = []  # made on first use: no Qt object before the application


def _work() -> _DeferredWork:
    if not _WORK:
        _WORK.append(_DeferredWork())
    return _WORK[0]


class _FirstPaintWatch(QObject):
    """Calls ``callback`` (once) right after every one of ``widgets`` has painted, or after a fallback."""

    def __init__(
        self, widgets: Sequence[QWidget], callback: Callable[[], object], fallback_ms: int | None
    ) -> None:
        super().__init__(widgets[0])
        self.waiting = {id(widget): widget for widget in widgets}
        self.callback = callback
        self.done = False
        for widget in widgets:
            widget.installEventFilter(self)
        if fallback_ms is not None:
            QTimer.singleShot(fallback_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """On the last first paint, schedule the work for the next turn of the event loop."""
        if not self.done and event.type() == QEvent.Type.Paint and id(watched) in self.waiting:
            watched.removeEventFilter(self)
            del self.waiting[id(watched)]
            if not self.waiting:
                QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        for widget in self.waiting.values():
            widget.removeEventFilter(self)
        self.waiting.clear()
        self.callback()


def after_first_paint(
    widget: QWidget, callback: Callable[[], object], fallback_ms: int = FALLBACK_MS
) -> None:
    """Call ``callback`` once, just after ``widget`` first paints (or after ``fallback_ms``).

    Deferred callbacks run one per turn of the event loop, in the order they were asked for.
    """
    _FirstPaintWatch([widget], lambda: _work().add(widget, callback), fallback_ms)


def announce_ready(widgets: Sequence[QWidget]) -> None:
    """Print the launch benchmark's marks when ``$STUDIO_READY_MARK`` is set (else do nothing).

    ``STUDIO_READY <time>``: the first idle moment after every one of ``widgets`` painted;
    ``STUDIO_SETTLED <time>``: the work deferred until after the first paint has run.
    """
    if not os.environ.get(READY_MARK_ENV):
        return

    def mark(name: str) -> None:
        print(f"{name} {time.time():.6f}", file=sys.stdout, flush=True)

    def ready() -> None:
        mark("STUDIO_READY")
        _work().when_drained(lambda: mark("STUDIO_SETTLED"))

    _FirstPaintWatch(widgets, ready, None)
