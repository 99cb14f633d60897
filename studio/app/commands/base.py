"""The one undo protocol: every change a writer makes to the project is a ``ProjectCommand``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from studio.app.session import ProjectSession
from studio.core.errors import StudioError
from studio.core.project import Project

TITLE_SHOWN = 32  # characters of a title an undo label quotes before it elides


def quoted(title: str) -> str:
    """A title as undo labels quote it: in curly quotes, a long one cut short with an ellipsis."""
    title = " ".join(title.split()) or "Untitled"
    return f"“{title if len(title) <= TITLE_SHOWN else title[: TITLE_SHOWN - 1].rstrip() + '…'}”"


def node_title(project: Project, node_id: str) -> str:
    """The title of a part, scene or trashed item by id ("" when there is none)."""
    for part in project.parts:
        if part.id == node_id:
            return part.title
        for scene in part.scenes:
            if scene.id == node_id:
                return scene.title
    for item in project.trash:
        if item.node.id == node_id:
            return getattr(item.node, "title", "") or getattr(item.node, "name", "")
    return ""


class ProjectCommand(QUndoCommand):
    """``apply()`` makes the change with core operations, ``revert()`` undoes it, ``announce()`` tells.

    Core operations change memory and disk together or not at all, so a step that fails
    has changed nothing. On the first apply the command is made obsolete (Qt drops it and
    nothing lands on the stack); a later undo or redo that fails keeps the command where it
    was (``ProjectSession`` steps the stack back), so the history and the disk never drift
    and the step can be tried again. The message is kept in ``error`` and, unless the
    caller asked to hear it as an exception (``ProjectSession.run``), sent to
    ``session.save_error``.
    """

    def __init__(self, session: ProjectSession, label: str) -> None:
        super().__init__(label)
        self.session = session
        self.error = ""
        self.quiet = False
        self.applied_once = False
        self.skip_next_step = False  # set by the session to put the stack's index back after a failure

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
        if self.skip_next_step:  # the state is already what this step would make it
            self.skip_next_step = False
            return
        try:
            step()
        except (StudioError, OSError) as error:
            self.error = str(error)
            if self.applied_once:
                self.session.step_failed(self, undone)
            else:
                self.setObsolete(True)
            if not self.quiet:
                self.session.save_error.emit(f"{self.text()} failed: {error}")
            return
        self.applied_once = True
        self.error = ""
        if not self.isObsolete():
            self.announce(undone)
