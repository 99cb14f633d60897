"""Runs an export off the GUI thread and reports progress and the result by signals."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from studio.core.errors import StudioError
from studio.core.project import Project
from studio.core.publishing.exporting import ExportScope, export_text
from studio.core.publishing.options import ExportOptions


class ExportSignals(QObject):
    """Signals of one export run: progress (generation, done, total), finished (generation, text), failed."""

    progress = Signal(int, int, int)
    finished = Signal(int, str)
    failed = Signal(int, str)


class ExportRun(QRunnable):
    """One export of ``scope`` with ``options``, tagged with a generation so stale runs are dropped."""

    def __init__(
        self,
        signals: ExportSignals,
        generation: int,
        project: Project,
        options: ExportOptions,
        scope: ExportScope,
        fmt: str,
    ) -> None:
        super().__init__()
        self.signals, self.generation = signals, generation
        self.project, self.options, self.scope, self.fmt = project, options, scope, fmt
        self.setAutoDelete(True)

    def run(self) -> None:
        """Qt override: export, then emit ``finished`` or ``failed``."""
        try:
            text = export_text(
                self.project,
                self.options,
                self.scope,
                self.fmt,
                lambda done, total: self.signals.progress.emit(self.generation, done, total),
            )
        except (StudioError, OSError) as error:
            self.signals.failed.emit(self.generation, str(error))
            return
        self.signals.finished.emit(self.generation, text)


class TaskSignals(QObject):
    """Signals of a background task: progress (done, total), finished (result), failed (message)."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)


class TaskRun(QRunnable):
    """Runs ``func(progress)`` on the thread pool; reports by ``signals``."""

    def __init__(self, signals: TaskSignals, func: Callable[[Callable[[int, int], None]], object]) -> None:
        super().__init__()
        self.signals, self.func = signals, func
        self.setAutoDelete(True)

    def run(self) -> None:
        """Qt override: run the task."""
        try:
            result = self.func(self.signals.progress.emit)
        except (StudioError, OSError) as error:
            self.signals.failed.emit(str(error))
            return
        self.signals.finished.emit(result)


def start_export(run: QRunnable) -> None:
    """Start a run on the global thread pool."""
    QThreadPool.globalInstance().start(run)
