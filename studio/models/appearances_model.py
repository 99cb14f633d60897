"""One character's appearances: the scenes that mention it, in manuscript order, with counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from studio.core import wording
from studio.core.characters import AppearanceIndex
from studio.core.errors import NodeNotFoundError
from studio.core.project import Project
from studio.models.table_model import HeaderedTableModel

SCENE_ID_ROLE = Qt.ItemDataRole.UserRole
HEADERS = ("Scene", "Mentions")
AnyIndex = QModelIndex | QPersistentModelIndex


class AppearancesModel(HeaderedTableModel):
    """Rows of ``(scene, count)`` for the character shown (none when no character is chosen)."""

    headers = HEADERS

    def row_total(self) -> int:
        """Number of rows."""
        return len(self.rows)

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.character_id: str | None = None
        self.rows: list[tuple[str, int]] = []

    def show(self, character_id: str | None, index: AppearanceIndex) -> None:
        """Show the appearances of ``character_id`` in ``index`` (the same scenes reordered: no reset)."""
        rows = index.scenes_of(character_id) if character_id else []
        if character_id == self.character_id and sorted(rows) == sorted(self.rows):
            if rows != self.rows:
                self.layoutAboutToBeChanged.emit()
                self.rows = rows
                self.layoutChanged.emit()
            return
        if character_id == self.character_id and {s for s, _ in rows} == {s for s, _ in self.rows}:
            self.rows = rows  # the same scenes, other counts
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(HEADERS) - 1))
            return
        self.beginResetModel()  # another character, or scenes came or went
        self.character_id = character_id
        self.rows = rows
        self.endResetModel()

    def scene_id(self, row: int) -> str:
        """The scene id of a row."""
        return self.rows[row][0]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Part › scene title, and the number of mentions."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        scene_id, count = self.rows[index.row()]
        if role == SCENE_ID_ROLE:
            return scene_id
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 1:
                return count
            return self._scene_label(scene_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            mentions = wording.count(count, "mention")
            return f"{self._scene_label(scene_id)}: {mentions}. Click to open at the first one."
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Rows are selectable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _scene_label(self, scene_id: str) -> str:
        try:
            scene = self.project.scene(scene_id)
            part = self.project.part_of(scene_id)
        except NodeNotFoundError:
            return scene_id
        return f"{part.title} › {scene.title or 'Untitled scene'}"
