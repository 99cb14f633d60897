"""The outline model after a reload from disk: the whole tree compared, then updated in small steps.

Ordinary changes are applied by ``outline_updates`` from what they say changed; only a
manifest re-read from disk has no such description, so the old and new arrangements are
compared (``tree_diff``): rows removed, one block moved (a layout change for anything
more scattered), rows inserted. Views keep their selection and expansion.
"""

# ruff: noqa: SLF001 - these functions are the model's own update steps, kept apart for size
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex

from studio.models.tree_diff import Arrangement, BlockMove, part_move, restricted, scene_move

if TYPE_CHECKING:
    from studio.models.outline_model import OutlineModel


def resync(model: OutlineModel, target: Arrangement) -> None:
    """Turn the model's rows into ``target`` in the smallest steps found."""
    _remove_missing(model, target)
    _apply_moves(model, target)
    _insert_new(model, target)


def _remove_missing(self: OutlineModel, target: Arrangement) -> None:
    live_parts = {pid for pid, _ in target}
    for row in range(len(self._part_ids) - 1, -1, -1):
        if self._part_ids[row] not in live_parts:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._part_ids[row]
            self._reindex()
            self.endRemoveRows()
    live_scenes = {sid for _, scenes in target for sid in scenes}
    for pid in self._part_ids:
        scenes = self._scene_ids[pid]
        for row in range(len(scenes) - 1, -1, -1):
            if scenes[row] not in live_scenes:
                self.beginRemoveRows(self.index_for_id(pid), row, row)
                del scenes[row]
                self._reindex()
                self.endRemoveRows()


def _apply_moves(self: OutlineModel, target: Arrangement) -> None:
    wanted = restricted(target, set(self._part_ids), set(self._scene_parts))
    wanted_parts = [pid for pid, _ in wanted]
    if wanted_parts != self._part_ids:
        move = part_move(self._part_ids, wanted_parts)
        if move is None or not _move_block(self, move, wanted_parts, None):
            _relayout(self, wanted)
            return
    mirror = self._mirror()
    if mirror != wanted:
        move = scene_move(mirror, wanted)
        if move is None or not _move_block(self, move, None, wanted):
            _relayout(self, wanted)


def _move_block(
    self: OutlineModel, move: BlockMove, parts: list[str] | None, scenes: Arrangement | None
) -> bool:
    source = self.index_for_id(move.source_parent) if move.source_parent else QModelIndex()
    dest = self.index_for_id(move.dest_parent) if move.dest_parent else QModelIndex()
    if not self.beginMoveRows(source, move.first, move.last, dest, move.dest_row):
        return False
    if parts is not None:
        self._part_ids = parts
        self._reindex()
    else:
        self._set_mirror(scenes or [])
    self.endMoveRows()
    return True


def _relayout(self: OutlineModel, wanted: Arrangement) -> None:
    self.layoutAboutToBeChanged.emit()
    old = self.persistentIndexList()
    ids = [(self.node_id(index), index.column()) for index in old]
    self._set_mirror(wanted)
    new = [self.index_for_id(nid, col) if nid else QModelIndex() for nid, col in ids]
    self.changePersistentIndexList(old, new)
    self.layoutChanged.emit()


def _insert_new(self: OutlineModel, target: Arrangement) -> None:
    for row, (pid, scenes) in enumerate(target):
        if pid not in self._part_rows:
            self.beginInsertRows(QModelIndex(), row, row)
            self._part_ids.insert(row, pid)
            self._scene_ids[pid] = [s for s in scenes if s not in self._scene_parts]
            self._reindex()
            self.endInsertRows()
    for pid, scenes in target:
        mirror = self._scene_ids[pid]
        for row, sid in enumerate(scenes):
            if row >= len(mirror) or mirror[row] != sid:
                self.beginInsertRows(self.index_for_id(pid), row, row)
                mirror.insert(row, sid)
                self._reindex()
                self.endInsertRows()
