"""What a drop on the outline asks for: the undoable move, or nothing where the outline's rules refuse it.

Parts move among parts; scenes (one or many, any parts) move into a part, never into
a scene; a drop from another project or of parts and scenes together is refused.
"""

# ruff: noqa: SLF001 - the model's own rows, read by its drop rules kept apart for size
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt

from studio.app import commands
from studio.app.commands.base import ProjectCommand
from studio.models import outline_mime

if TYPE_CHECKING:
    from studio.models.outline_model import OutlineModel

Index = QModelIndex | QPersistentModelIndex


def drop_command(
    self: OutlineModel, data: QMimeData, action: Qt.DropAction, row: int, parent: Index
) -> ProjectCommand | None:
    """The move a drop at ``row`` of ``parent`` asks for (None: the outline's rules refuse it)."""
    payload = outline_mime.decode(data)
    if payload is None or action != Qt.DropAction.MoveAction or self.session.read_only:
        return None
    if payload.project != str(self.project.root) or payload.kind == "mixed":
        return None
    if payload.kind == "part":
        return _part_drop(self, payload.ids, row, parent)
    return _scene_drop(self, payload.ids, row, parent)


def _part_drop(self: OutlineModel, ids: list[str], row: int, parent: Index) -> ProjectCommand | None:
    if parent.isValid() or len(ids) != 1 or ids[0] not in self._part_rows:
        return None
    old = self._part_rows[ids[0]]
    row = len(self._part_ids) if row < 0 else row
    index = row - 1 if row > old else row
    return commands.MovePartCommand(self.session, ids[0], index)


def _scene_drop(self: OutlineModel, ids: list[str], row: int, parent: Index) -> ProjectCommand | None:
    if any(nid not in self._scene_parts for nid in ids) or not self._part_ids:
        return None
    if parent.isValid():
        if not self.is_part(parent) or parent.column() != 0:
            return None
        part_id = self._part_ids[parent.row()]
        index = len(self._scene_ids[part_id]) if row < 0 else row
    elif row <= 0:  # above the first part: the start of the first part, or on the empty space: the end
        part_id = self._part_ids[0] if row == 0 else self._part_ids[-1]
        index = 0 if row == 0 else len(self._scene_ids[part_id])
    else:  # between two parts: the end of the part above
        part_id = self._part_ids[min(row, len(self._part_ids)) - 1]
        index = len(self._scene_ids[part_id])
    return commands.MoveScenesCommand(self.session, ids, part_id, index)
