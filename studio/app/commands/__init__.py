"""Undoable structural edits: each ``QUndoCommand`` calls one core operation and its inverse.

Every command is a ``ProjectCommand``: it tells the session what changed (kind and
ids) after redo and undo, and reports a core error through ``session.save_error``
instead of raising it into Qt's event loop.
"""

from studio.app.commands.base import ProjectCommand
from studio.app.commands.structure import (
    AddPartCommand,
    AddSceneCommand,
    DeleteCommand,
    MovePartCommand,
    MoveScenesCommand,
    RenameCommand,
    RestoreCommand,
    SetSceneFieldsCommand,
)
from studio.app.commands.text import MergeScenesCommand, SplitSceneCommand, empty_trash

__all__ = [
    "AddPartCommand",
    "AddSceneCommand",
    "DeleteCommand",
    "MergeScenesCommand",
    "MovePartCommand",
    "MoveScenesCommand",
    "RenameCommand",
    "RestoreCommand",
    "SetSceneFieldsCommand",
    "SplitSceneCommand",
    "ProjectCommand",
    "empty_trash",
]
