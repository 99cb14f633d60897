"""The project's labels as a list (name, colour swatch), following ``labels_changed`` row by row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from studio.app.changes import LabelChange, OutlineChange, OutlineChangeKind
from studio.app.session import ProjectSession
from studio.core import wording
from studio.core.errors import NodeNotFoundError
from studio.core.labels import COLOUR_PATTERN
from studio.models.id_sync import follow_ids

LABEL_ID_ROLE = Qt.ItemDataRole.UserRole
SCENES_ROLE = Qt.ItemDataRole.UserRole + 1  # how many scenes carry the label
AnyIndex = QModelIndex | QPersistentModelIndex


def label_colour(colour: str) -> QColor:
    """The colour to paint a label with (grey when it has none or a damaged one)."""
    return QColor(colour) if COLOUR_PATTERN.fullmatch(colour) else QColor("#8a8a8a")


class LabelsModel(QAbstractListModel):
    """One row per label, in the project's order."""

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ids = [label.id for label in session.project.labels]
        session.labels_changed.connect(self._on_labels_changed)
        session.outline_changed.connect(self._on_outline_changed)

    def sync(self) -> None:
        """Follow the project's labels: rows removed, moved, inserted; every row repainted."""
        follow_ids(
            self, self.ids, [label.id for label in self.session.project.labels], Qt.Orientation.Vertical
        )
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, 0))

    def row_of(self, label_id: str) -> int:
        """The row of a label, or -1."""
        return self.ids.index(label_id) if label_id in self.ids else -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Qt override: one row per label."""
        return 0 if parent.isValid() else len(self.ids)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The name, a colour swatch, the id and how many scenes carry it."""
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        try:
            label = self.session.project.label(self.ids[index.row()])
        except NodeNotFoundError:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return label.name
        if role == Qt.ItemDataRole.DecorationRole:
            return label_colour(label.colour)
        if role == LABEL_ID_ROLE:
            return label.id
        if role in (SCENES_ROLE, Qt.ItemDataRole.ToolTipRole):
            count = sum(1 for s in self.session.project.iter_scenes() if label.id in s.labels)
            return (
                count
                if role == SCENES_ROLE
                else f"{label.name}: {wording.count(count, 'scene')}, {label.colour or 'no colour'}"
            )
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Rows are selectable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _on_labels_changed(self, _change: LabelChange) -> None:
        self.sync()

    def _on_outline_changed(self, change: OutlineChange) -> None:
        if change.kind == OutlineChangeKind.RELOADED:
            self.sync()
