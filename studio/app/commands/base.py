"""The base of every structural undo command: error handling and change signals."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from studio.app.session import ProjectSession
from studio.core.errors import StudioError


class StructureCommand(QUndoCommand):
    """Runs ``do()``/``undo_change()``; emits ``structure_changed``; turns core errors into messages.

    A command whose redo or undo fails is made obsolete (Qt then drops it from the
    stack), its message goes to ``session.save_error`` and is kept in ``error``.
    """

    def __init__(self, session: ProjectSession, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.project = session.project
        self.error = ""

    def do(self) -> None:
        """Apply the change (subclasses)."""
        raise NotImplementedError

    def undo_change(self) -> None:
        """Revert the change (subclasses)."""
        raise NotImplementedError

    def after(self) -> None:
        """Extra signals once the change is applied or reverted (subclasses)."""

    def redo(self) -> None:
        """Qt override: apply the change."""
        self._run(self.do)

    def undo(self) -> None:
        """Qt override: revert the change."""
        self._run(self.undo_change)

    def _run(self, step) -> None:  # noqa: ANN001
        try:
            step()
        except (StudioError, OSError) as error:
            self.error = str(error)
            self.setObsolete(True)
            self.session.save_error.emit(self.error)
        finally:
            self.session.structure_changed.emit()
        if not self.isObsolete():
            self.after()
