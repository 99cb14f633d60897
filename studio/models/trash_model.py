"""The project's trash as a flat Qt table: title, kind, when it was deleted, words."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from studio.app.changes import OutlineChange
from studio.app.session import ProjectSession
from studio.core.nodes import Character, Part, TrashItem
from studio.core.wording import count
from studio.models.table_model import HeaderedTableModel

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
HEADERS = ("Title", "Kind", "Deleted", "Words")


def _when(stamp: str) -> str:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _words(item: TrashItem) -> int | None:
    node = item.node
    return None if isinstance(node, Character) else node.words


def _title(item: TrashItem) -> str:
    node = item.node
    return (node.name if isinstance(node, Character) else node.title) or "(untitled)"


class TrashModel(HeaderedTableModel):
    """Rows = ``project.trash`` items, kept in step with insert/remove signals (no resets)."""

    headers = HEADERS

    def row_total(self) -> int:
        """Number of rows."""
        return len(self._items)

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._items: list[TrashItem] = list(session.project.trash)

        def on_outline_changed(change: OutlineChange) -> None:
            if change.trash_changed:
                self.sync()

        session.outline_changed.connect(on_outline_changed)
        session.cast_changed.connect(lambda _change: self.sync())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        """Qt override: the item's title, kind, deletion time and words."""
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == ID_ROLE:
            return item.node.id
        if role == Qt.ItemDataRole.DisplayRole:
            words = _words(item)
            values = (
                _title(item),
                item.kind.capitalize(),
                _when(item.deleted_at),
                "" if words is None else f"{words:,}",
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            where = ""
            if isinstance(item.node, Part):
                where = f" with {count(len(item.node.scenes), 'scene')}"
            return f"{item.kind.capitalize()} {_title(item)!r}{where}, deleted {_when(item.deleted_at)}"
        return None

    def node_id(self, row: int) -> str:
        """The id of the item in a row."""
        return self._items[row].node.id

    def sync(self) -> None:
        """Follow the project's trash: remove what left, insert what arrived."""
        target = list(self.session.project.trash)
        live = {id(item) for item in target}
        for row in range(len(self._items) - 1, -1, -1):
            if id(self._items[row]) not in live:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._items[row]
                self.endRemoveRows()
        kept = {id(item) for item in self._items}
        if [id(i) for i in target if id(i) in kept] != [id(i) for i in self._items]:
            self.layoutAboutToBeChanged.emit()
            old = self.persistentIndexList()
            moved = [self._items[i.row()] for i in old]
            self._items = [t for t in target if id(t) in kept]
            rows = {id(item): row for row, item in enumerate(self._items)}
            new = [self.index(rows[id(m)], i.column()) for m, i in zip(moved, old, strict=True)]
            self.changePersistentIndexList(old, new)
            self.layoutChanged.emit()
        for row, item in enumerate(target):
            if row >= len(self._items) or self._items[row] is not item:
                self.beginInsertRows(QModelIndex(), row, row)
                self._items.insert(row, item)
                self.endInsertRows()
