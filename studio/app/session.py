"""The open project as the GUI sees it: the core project, its one undo stack, and change signals.

Every widget and feature talks to the project through one ``ProjectSession``: the
outline model, the editor, the inspector, the characters panel, spelling, export
and the file watcher. Structural edits are ``QUndoCommand``s pushed on ``undo_stack``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from studio.core.project import Project


class ProjectSession(QObject):
    """Owns the open ``Project`` and its undo stack, and tells everyone what changed."""

    # After any structural change (move, add, delete, restore, rename, split, merge, fields).
    structure_changed = Signal()
    # A scene's metadata (title, status, POV, synopsis) changed.
    scene_changed = Signal(str)
    # A scene's text was written to disk by the app (editor autosave, split, merge, replace).
    scene_text_saved = Signal(str)
    # A scene's text changed underneath the editor (split, merge, undo, outside reload): reload it.
    scene_text_replaced = Signal(str)
    # Characters were added, removed or changed.
    characters_changed = Signal()
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

    def push(self, command: QUndoCommand) -> None:
        """Run a structural edit through the undo stack."""
        self.undo_stack.push(command)

    @property
    def read_only(self) -> bool:
        """Whether the project is open read-only."""
        return self.project.read_only
