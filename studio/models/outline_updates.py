"""How the outline model follows the session: each change applied in the smallest row steps.

A change says what happened (kind, ids), so the model inserts, removes or moves just
those rows: a drop moves the rows it asked to move, never resets, never re-reads the
tree. Only a reload from disk compares whole arrangements (``tree_diff``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex

from studio.app.changes import OutlineChange, OutlineChangeKind
from studio.core.nodes import Part, Scene

if TYPE_CHECKING:
    from studio.models.outline_model import OutlineModel

Kind = OutlineChangeKind
INSERTING = (Kind.ADDED, Kind.RESTORED)
REMOVING = (Kind.REMOVED, Kind.TRASHED)


def apply_change(model: OutlineModel, change: OutlineChange) -> None:
    """Bring ``model`` in line with the project after ``change``."""
    if change.kind == Kind.RELOADED:
        model.sync()
        return
    if change.kind in INSERTING:
        _insert(model, change.ids)
    elif change.kind in REMOVING:
        _remove(model, change.ids)
    elif change.kind == Kind.MOVED:
        _move(model, change.ids)
    if model._mirror() != model._arrangement():  # noqa: SLF001 - a safety net: never drift from the project
        model.drift_repairs += 1  # counted, so tests prove it never happens
        model.sync()
    touched = [i for i in change.ids if i in model._nodes]  # noqa: SLF001
    for node_id in touched + model.part_ids():
        model.refresh_if_changed(node_id)


def _remove(model: OutlineModel, ids: tuple[str, ...]) -> None:
    for node_id in ids:
        if node_id in model._part_rows:  # noqa: SLF001
            row = model._part_rows[node_id]  # noqa: SLF001
            model.beginRemoveRows(QModelIndex(), row, row)
            del model._part_ids[row]  # noqa: SLF001
            for scene_id in model._scene_ids.pop(node_id, []):  # noqa: SLF001
                model._nodes.pop(scene_id, None)  # noqa: SLF001
            model._reindex()  # noqa: SLF001
            model.endRemoveRows()
        elif node_id in model._scene_parts:  # noqa: SLF001
            part_id = model._scene_parts[node_id]  # noqa: SLF001
            row = model._scene_ids[part_id].index(node_id)  # noqa: SLF001
            model.beginRemoveRows(model.index_for_id(part_id), row, row)
            del model._scene_ids[part_id][row]  # noqa: SLF001
            model._reindex()  # noqa: SLF001
            model.endRemoveRows()
        model._nodes.pop(node_id, None)  # noqa: SLF001


def _insert(model: OutlineModel, ids: tuple[str, ...]) -> None:
    project = model.project
    wanted = set(ids)
    for row, part in enumerate(project.parts):
        if part.id in wanted and part.id not in model._part_rows:  # noqa: SLF001
            model.beginInsertRows(QModelIndex(), row, row)
            model._part_ids.insert(row, part.id)  # noqa: SLF001
            model._scene_ids[part.id] = [s.id for s in part.scenes if s.id not in model._scene_parts]  # noqa: SLF001
            _learn(model, part)
            model._reindex()  # noqa: SLF001
            model.endInsertRows()
    for part in project.parts:
        for row, scene in enumerate(part.scenes):
            if scene.id in wanted and scene.id not in model._scene_parts:  # noqa: SLF001
                model.beginInsertRows(model.index_for_id(part.id), row, row)
                model._scene_ids[part.id].insert(row, scene.id)  # noqa: SLF001
                _learn(model, scene)
                model._reindex()  # noqa: SLF001
                model.endInsertRows()


def _learn(model: OutlineModel, node: Part | Scene) -> None:
    model._nodes[node.id] = node  # noqa: SLF001
    model._shown[node.id] = model._signature(node)  # noqa: SLF001
    if isinstance(node, Part):
        for scene in node.scenes:
            _learn(model, scene)


def _move(model: OutlineModel, ids: tuple[str, ...]) -> None:
    """Move just the rows that moved, each right after the row that now comes before it."""
    project = model.project
    wanted = set(ids)
    order = [part.id for part in project.parts]
    for row, part_id in enumerate(order):
        if part_id in wanted:
            _move_row(model, part_id, None, order[row - 1] if row else None)
    for part in project.parts:  # in the new order, so each row's predecessor is already in place
        for row, scene in enumerate(part.scenes):
            if scene.id in wanted:
                _move_row(model, scene.id, part.id, part.scenes[row - 1].id if row else None)


def _move_row(model: OutlineModel, node_id: str, part_id: str | None, after: str | None) -> None:
    """Move one row to just after ``after`` (None: the first row) in ``part_id`` (None: among parts)."""
    if part_id is None:
        source = dest = None
        from_rows = rows = model._part_ids  # noqa: SLF001
    else:
        source, dest = model._scene_parts[node_id], part_id  # noqa: SLF001
        from_rows, rows = model._scene_ids[source], model._scene_ids[part_id]  # noqa: SLF001
    old_row = from_rows.index(node_id)
    qt_row = rows.index(after) + 1 if after is not None else 0  # counted before the move, as Qt wants
    if source == dest and qt_row in (old_row, old_row + 1):
        return  # already there
    source_index = model.index_for_id(source) if source else QModelIndex()
    dest_index = model.index_for_id(dest) if dest else QModelIndex()
    model.beginMoveRows(source_index, old_row, old_row, dest_index, qt_row)
    del from_rows[old_row]
    rows.insert(qt_row - 1 if source == dest and qt_row > old_row else qt_row, node_id)
    model._reindex()  # noqa: SLF001
    model.endMoveRows()
