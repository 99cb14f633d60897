"""Flat rows keyed by id, brought in line with a new order in the fewest row steps.

The views of the story (corkboard, table, timeline) list parts and scenes in one flat
column. When the outline changes they never reset: rows that left are removed, rows that
stayed but changed place are moved (``beginMoveRows``, so selections follow them) and new
rows are inserted. Only the rows outside the longest run already in order are moved.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex


def longest_ordered_run(values: Sequence[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence of ``values``."""
    tails: list[int] = []  # tails[k]: the position ending the best run of length k + 1
    tail_values: list[int] = []
    before: list[int] = [-1] * len(values)
    for position, value in enumerate(values):
        k = bisect_left(tail_values, value)
        before[position] = tails[k - 1] if k else -1
        if k == len(tails):
            tails.append(position)
            tail_values.append(value)
        else:
            tails[k], tail_values[k] = position, value
    kept: set[int] = set()
    position = tails[-1] if tails else -1
    while position >= 0:
        kept.add(position)
        position = before[position]
    return kept


class IdRows:
    """The ids shown as rows of ``model`` (top level), and the steps that follow a new order."""

    def __init__(self, model: QAbstractItemModel) -> None:
        self.model = model
        self.ids: list[str] = []
        self.rows: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def row_of(self, node_id: str) -> int:
        """The row of an id (-1 when it is not shown)."""
        return self.rows.get(node_id, -1)

    def follow(self, target: Sequence[str]) -> bool:
        """Remove, move and insert rows until they are ``target``; return whether any row changed."""
        before = list(self.ids)
        self._remove_missing(set(target))
        self._move_into_order(target)
        self._insert_new(target)
        self.rows = {node_id: row for row, node_id in enumerate(self.ids)}
        return before != self.ids

    def _remove_missing(self, keep: set[str]) -> None:
        row = len(self.ids) - 1
        while row >= 0:
            if self.ids[row] in keep:
                row -= 1
                continue
            first = row
            while first > 0 and self.ids[first - 1] not in keep:
                first -= 1
            self.model.beginRemoveRows(QModelIndex(), first, row)
            del self.ids[first : row + 1]
            self.model.endRemoveRows()
            row = first - 1

    def _move_into_order(self, target: Sequence[str]) -> None:
        present = set(self.ids)
        wanted = [node_id for node_id in target if node_id in present]
        place = {node_id: k for k, node_id in enumerate(wanted)}
        kept = {self.ids[p] for p in longest_ordered_run([place[i] for i in self.ids])}
        for k, node_id in enumerate(wanted):
            if node_id in kept:
                continue
            source = self.ids.index(node_id)
            destination = self.ids.index(wanted[k - 1]) + 1 if k else 0
            if destination in (source, source + 1):
                continue
            self.model.beginMoveRows(QModelIndex(), source, source, QModelIndex(), destination)
            self.ids.pop(source)
            self.ids.insert(destination if destination < source else destination - 1, node_id)
            self.model.endMoveRows()

    def _insert_new(self, target: Sequence[str]) -> None:
        present = set(self.ids)
        row = 0
        while row < len(target):
            if target[row] in present:
                row += 1
                continue
            last = row
            while last + 1 < len(target) and target[last + 1] not in present:
                last += 1
            self.model.beginInsertRows(QModelIndex(), row, last)
            self.ids[row:row] = target[row : last + 1]
            self.model.endInsertRows()
            row = last + 1
