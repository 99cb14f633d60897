"""The Threads view: a matrix of labels × parts showing where each thread (label) appears."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studio.app.session import ProjectSession
from studio.models.labels_model import LABEL_ID_ROLE
from studio.models.threads_model import PART_ID_ROLE, ThreadsModel


class ThreadsView(QDialog):
    """Labels down the side, parts across the top; a cell counts the part's scenes with the label."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("threadsView")
        self.setWindowTitle("Threads")
        self.session = session
        self.model = ThreadsModel(session, self)
        self.table = QTableView()
        self.table.setObjectName("threadsTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setMinimumSectionSize(48)
        self.table.doubleClicked.connect(self.open_cell)
        hint = QLabel(
            "A row per label (plot thread); a coloured cell shows it in that part. Double-click opens it."
        )
        hint.setWordWrap(True)
        hint.setObjectName("threadsHint")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        self.resize(720, 360)

    def open_cell(self, index: QModelIndex) -> None:
        """Open the first scene of the part that carries the label."""
        if not index.isValid():
            return
        label_id, part_id = index.data(LABEL_ID_ROLE), index.data(PART_ID_ROLE)
        part = self.session.project.part(part_id)
        scene = next((s for s in part.scenes if label_id in s.labels), None)
        if scene is not None:
            self.session.open_scene_requested.emit(scene.id, 0, 0)
