"""The open project as the application sees it: the core project, its one undo stack, and change signals.

Every model, widget and feature talks to the project through one ``ProjectSession``.
Every change a writer makes is a ``ProjectCommand`` pushed here; each signal says
what changed (kind and ids), so a listener updates only that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from studio.app.changes import CastChange, CastChangeKind, OutlineChange, OutlineChangeKind
from studio.core.errors import StudioError
from studio.core.project import Project

if TYPE_CHECKING:
    from studio.app.commands.base import ProjectCommand


class ProjectSession(QObject):
    """Owns the open ``Project`` and its undo stack, and tells everyone what changed."""

    # The manuscript tree or the trash changed: an ``OutlineChange`` (kind, ids).
    outline_changed = Signal(object)
    # The cast changed: a ``CastChange`` (kind, ids).
    cast_changed = Signal(object)
    # A scene's metadata (title, status, POV, synopsis, labels, story time, problem) changed.
    scene_changed = Signal(str)
    # The label definitions changed: a ``LabelChange`` (kind, label ids).
    labels_changed = Signal(object)
    # The places, things and notes changed: a ``NoteChange`` (kind, note ids).
    notes_changed = Signal(object)
    # A scene's text was written to disk by the app (editor autosave, split, merge, replace).
    scene_text_saved = Signal(str)
    # A scene's text changed underneath the editor (split, merge, undo, outside reload): reload it.
    scene_text_replaced = Signal(str)
    # The project word list changed.
    word_list_changed = Signal()
    # Ask the window to show a scene (and optionally select a range): scene_id, start, length.
    open_scene_requested = Signal(str, int, int)
    # A save failed or succeeded: message for the status bar ("" when fine).
    save_error = Signal(str)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("projectUndoStack")
        self._failed: tuple[ProjectCommand, bool] | None = None
        self.undo_stack.indexChanged.connect(self._step_back_after_failure)

    def push(self, command: ProjectCommand) -> None:
        """Apply a change through the undo stack; a refusal goes to ``save_error``."""
        self.undo_stack.push(command)

    def run(self, command: ProjectCommand) -> None:
        """Apply a change through the undo stack; raise ``StudioError`` if the core refused it.

        A refused change leaves the project, the disk and the stack as they were.
        """
        command.quiet = True
        self.undo_stack.push(command)
        command.quiet = False
        if command.error:
            raise StudioError(command.error)

    def step_failed(self, command: ProjectCommand, undone: bool) -> None:
        """An undo (``undone``) or redo of ``command`` failed and changed nothing: keep it where it was."""
        self._failed = (command, undone)

    def _step_back_after_failure(self, _index: int) -> None:
        """Qt has moved the index past a failed step: move it back without running the step."""
        if self._failed is None:
            return
        command, undone = self._failed
        self._failed = None
        command.skip_next_step = True
        if undone:
            self.undo_stack.redo()
        else:
            self.undo_stack.undo()

    def announce(self, kind: OutlineChangeKind, ids: list[str] | tuple[str, ...] = ()) -> None:
        """Tell listeners the outline changed (``kind`` for the parts and scenes ``ids``)."""
        self.outline_changed.emit(OutlineChange(kind, tuple(ids)))

    def announce_cast(self, kind: CastChangeKind, ids: list[str] | tuple[str, ...] = ()) -> None:
        """Tell listeners the cast changed."""
        self.cast_changed.emit(CastChange(kind, tuple(ids)))

    def set_read_only(self, read_only: bool) -> None:
        """Switch the open project between read-only and writable."""
        self.project.read_only = read_only

    @property
    def read_only(self) -> bool:
        """Whether the project is open read-only."""
        return self.project.read_only
