"""Run deferrable start-up work once the window has painted, so it never delays opening a project."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A window that is never shown (tests, screenshots) still gets its work done after this long.
FALLBACK_MS = 2000


class _FirstPaintWatch(QObject):
    """Calls ``callback`` (once) right after ``widget``'s first paint, or after a fallback delay."""

    def __init__(self, widget: QWidget, callback: Callable[[], object], fallback_ms: int) -> None:
        super().__init__(widget)
        self.widget = widget
        self.callback = callback
        self.done = False
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """On the first paint, schedule the work for the next turn of the event loop."""
        if not self.done and watched is self.widget and event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        self.widget.removeEventFilter(self)
        self.callback()


def after_first_paint(
    widget: QWidget, callback: Callable[[], object], fallback_ms: int = FALLBACK_MS
) -> None:
    """Call ``callback`` once, just after ``widget`` first paints (or after ``fallback_ms``)."""
    _FirstPaintWatch(widget, callback, fallback_ms)
