"""The label filter of the corkboard, the table and the timeline: only scenes carrying one label.

A ``QSortFilterProxyModel`` over a ``StoryRowsModel``: rows follow the source's moves,
inserts and removals by themselves (no reset), and a scene whose labels change comes
or goes at once (dynamic filtering). Part headers stay when ``keep_parts``, so a drop
can still reach an empty-looking part. Sorting (the table) goes by ``SORT_ROLE``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from studio.models.story_rows_model import KIND_ROLE, LABELS_ROLE, SORT_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex


class LabelFilterProxy(QSortFilterProxyModel):
    """Shows the scenes with ``label_id`` (all scenes when it is "")."""

    def __init__(self, parent: QObject | None = None, keep_parts: bool = False) -> None:
        super().__init__(parent)
        self.keep_parts = keep_parts
        self.label_id = ""
        self.setDynamicSortFilter(True)
        self.setSortRole(SORT_ROLE)

    def set_label(self, label_id: str) -> None:
        """Show only the scenes carrying ``label_id`` ("" shows every scene)."""
        if label_id != self.label_id:
            self.beginFilterChange()
            self.label_id = label_id
            self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        """Qt override: a scene with the label (or any scene with no filter); parts if kept."""
        if not self.label_id:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        if index.data(KIND_ROLE) == "part":
            return self.keep_parts
        return self.label_id in (index.data(LABELS_ROLE) or ())
