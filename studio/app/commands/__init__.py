"""Undoable structural edits: each ``QUndoCommand`` calls one core operation and its inverse.

Every command emits ``session.structure_changed`` after redo and undo (the outline
model and the other views follow it), and reports a core error through
``session.save_error`` instead of raising it into Qt's event loop.
"""

from studio.app.commands.base import StructureCommand
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
from studio.app.qt_workarounds import keep_singletons_alive

keep_singletons_alive()

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
    "StructureCommand",
    "empty_trash",
]
