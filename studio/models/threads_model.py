"""The Threads matrix: labels (rows) × parts (columns); a cell counts the part's scenes with that label.

It follows label changes, part adds/moves/removals and scene label edits in small steps
(rows and columns inserted or removed, cells repainted), never a reset.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from studio.app.changes import LabelChange, OutlineChange
from studio.app.session import ProjectSession
from studio.core.errors import NodeNotFoundError
from studio.models.id_sync import follow_ids
from studio.models.labels_model import LABEL_ID_ROLE, label_colour

PART_ID_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


class ThreadsModel(QAbstractTableModel):
    """Which thread (label) appears in which part, and in how many of its scenes."""

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.label_ids = [label.id for label in session.project.labels]
        self.part_ids = [part.id for part in session.project.parts]
        session.labels_changed.connect(self._on_labels_changed)
        session.outline_changed.connect(self._on_outline_changed)
        session.scene_changed.connect(self._on_scene_changed)

    # -- updating ---------------------------------------------------------------------
    def sync(self) -> None:
        """Follow the labels and the parts, then repaint every cell."""
        project = self.session.project
        follow_ids(self, self.label_ids, [label.id for label in project.labels], Qt.Orientation.Vertical)
        follow_ids(self, self.part_ids, [part.id for part in project.parts], Qt.Orientation.Horizontal)
        self._repaint(0, len(self.part_ids) - 1)
        if self.label_ids:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self.label_ids) - 1)
        if self.part_ids:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.part_ids) - 1)

    def _repaint(self, first: int, last: int) -> None:
        if self.label_ids and 0 <= first <= last:
            self.dataChanged.emit(self.index(0, first), self.index(len(self.label_ids) - 1, last))

    def _on_labels_changed(self, _change: LabelChange) -> None:
        self.sync()

    def _on_outline_changed(self, _change: OutlineChange) -> None:
        self.sync()  # parts came, went or moved, or scenes moved between them

    def _on_scene_changed(self, scene_id: str) -> None:
        try:
            part_id = self.session.project.part_of(scene_id).id
        except NodeNotFoundError:
            return
        if part_id in self.part_ids:
            column = self.part_ids.index(part_id)
            self._repaint(column, column)

    # -- Qt model API -----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Qt override: one row per label."""
        return 0 if parent.isValid() else len(self.label_ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Qt override: one column per part."""
        return 0 if parent.isValid() else len(self.part_ids)

    def scenes_in(self, label_id: str, part_id: str) -> list[str]:
        """The titles of the part's scenes that carry the label."""
        try:
            part = self.session.project.part(part_id)
        except NodeNotFoundError:
            return []
        return [s.title or "Untitled scene" for s in part.scenes if label_id in s.labels]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A count of scenes (blank for none), the label's colour behind it, the titles as a tooltip."""
        if not index.isValid() or not (0 <= index.row() < len(self.label_ids)):
            return None
        if not 0 <= index.column() < len(self.part_ids):
            return None
        label_id, part_id = self.label_ids[index.row()], self.part_ids[index.column()]
        if role == LABEL_ID_ROLE:
            return label_id
        if role == PART_ID_ROLE:
            return part_id
        titles = self.scenes_in(label_id, part_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(len(titles)) if titles else ""
        if role == Qt.ItemDataRole.BackgroundRole and titles:
            try:
                colour = label_colour(self.session.project.label(label_id).colour)
            except NodeNotFoundError:
                return None
            colour.setAlpha(150)
            return colour
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(titles) if titles else "Not in this part"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Label names down the side, part titles across the top."""
        project = self.session.project
        try:
            if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.label_ids):
                label = project.label(self.label_ids[section])
                if role == Qt.ItemDataRole.DisplayRole:
                    return label.name
                if role == Qt.ItemDataRole.DecorationRole:
                    return label_colour(label.colour)
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.part_ids):
                part = project.part(self.part_ids[section])
                if role == Qt.ItemDataRole.DisplayRole:
                    return part.title or "Untitled part"
                if role == Qt.ItemDataRole.ToolTipRole:
                    return part.title
        except NodeNotFoundError:
            return None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Cells are selectable (double-click opens the first scene)."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
