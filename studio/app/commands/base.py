"""The one undo protocol: every change a writer makes to the project is a ``ProjectCommand``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from studio.app.session import ProjectSession
from studio.core.errors import StudioError
from studio.core.project import Project


class ProjectCommand(QUndoCommand):
    """``apply()`` makes the change with core operations, ``revert()`` undoes it, ``announce()`` tells.

    Core operations change memory and disk together or not at all, so a step that
    fails has changed nothing: the command is made obsolete (Qt drops it), its
    message is kept in ``error`` and, unless the caller asked to hear it as an
    exception (``ProjectSession.run``), sent to ``session.save_error``.
    """

    def __init__(self, session: ProjectSession, label: str) -> None:
        super().__init__(label)
        self.session = session
        self.error = ""
        self.quiet = False

    @property
    def project(self) -> Project:
        """The session's project."""
        return self.session.project

    def apply(self) -> None:
        """Make the change (subclasses)."""
        raise NotImplementedError

    def revert(self) -> None:
        """Undo the change (subclasses)."""
        raise NotImplementedError

    def announce(self, undone: bool) -> None:
        """Emit the session's signals for what the change (or its undo) touched (subclasses)."""

    def redo(self) -> None:
        """Qt override: apply the change."""
        self._run(self.apply, undone=False)

    def undo(self) -> None:
        """Qt override: undo the change."""
        self._run(self.revert, undone=True)

    def _run(self, step: Callable[[], None], undone: bool) -> None:
        try:
            step()
        except (StudioError, OSError) as error:
            self.error = str(error)
            self.setObsolete(True)
            if not self.quiet:
                self.session.save_error.emit(f"{self.text()} failed: {error}")
            return
        if not self.isObsolete():
            self.announce(undone)
