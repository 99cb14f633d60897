"""Follow a list of ids in small steps: rows (or columns) removed, moved and inserted, never a reset."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt


def follow_ids(
    model: QAbstractItemModel, shown: list[str], target: list[str], orientation: Qt.Orientation
) -> None:
    """Bring ``shown`` (the model's own list, changed in place) to ``target`` with begin/end calls.

    ``orientation`` says whether the ids are rows (``Vertical``) or columns (``Horizontal``).
    """
    rows = orientation == Qt.Orientation.Vertical
    remove: Callable[[QModelIndex, int, int], None] = (
        model.beginRemoveRows if rows else model.beginRemoveColumns
    )
    end_remove = model.endRemoveRows if rows else model.endRemoveColumns
    insert = model.beginInsertRows if rows else model.beginInsertColumns
    end_insert = model.endInsertRows if rows else model.endInsertColumns
    live = set(target)
    for position in range(len(shown) - 1, -1, -1):
        if shown[position] not in live:
            remove(QModelIndex(), position, position)
            del shown[position]
            end_remove()
    kept = set(shown)
    wanted = [i for i in target if i in kept]
    if wanted != shown:
        model.layoutAboutToBeChanged.emit()
        old = model.persistentIndexList()
        ids = [shown[(index.row() if rows else index.column())] for index in old]
        places = {node_id: place for place, node_id in enumerate(wanted)}
        new = [
            model.index(places[i], x.column()) if rows else model.index(x.row(), places[i])
            for i, x in zip(ids, old, strict=True)
        ]
        shown[:] = wanted
        model.changePersistentIndexList(old, new)
        model.layoutChanged.emit()
    for position, node_id in enumerate(target):
        if position >= len(shown) or shown[position] != node_id:
            insert(QModelIndex(), position, position)
            shown.insert(position, node_id)
            end_insert()
