"""The trash panel: what was deleted, with Restore and Empty Trash."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studio.app import commands
from studio.app.changes import OutlineChange
from studio.app.session import ProjectSession
from studio.gui.elided import FullTextDelegate
from studio.models.trash_model import TrashModel

DELETED_COLUMN = 2


class ShortDateDelegate(FullTextDelegate):
    """The Deleted column as the time today, the day this year, else the date (the tooltip has it all)."""

    def displayText(self, value: object, locale: QLocale | QLocale.Language) -> str:
        """Qt override: "17:14", "1 Dec" or "1 Dec 2025" for the model's "2026-12-01 17:14"."""
        try:
            moment = datetime.strptime(str(value), "%Y-%m-%d %H:%M")
        except ValueError:
            return str(value)
        today = datetime.now()
        if moment.date() == today.date():
            return moment.strftime("%H:%M")
        return f"{moment.day} {moment:%b}" + ("" if moment.year == today.year else f" {moment.year}")


class TrashPanel(QWidget):
    """Lists trashed scenes and parts; Restore is undoable, Empty Trash asks first and is not."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashPanel")
        self.session = session
        self.model = TrashModel(session, self)
        # Replaceable, so tests and scripts can answer the question without a modal dialog.
        self.confirm_empty: Callable[[], bool] = self._ask_empty
        self._build()

        def on_outline_changed(change: OutlineChange) -> None:
            if change.trash_changed:
                self.update_buttons()

        session.outline_changed.connect(on_outline_changed)
        self.update_buttons()

    def _build(self) -> None:
        self.table = QTableView(self)
        self.table.setObjectName("trashTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # a long title is elided in the middle, the whole in its tooltip
        self.table.setItemDelegate(FullTextDelegate(self.table))
        self.table.setItemDelegateForColumn(DELETED_COLUMN, ShortDateDelegate(self.table))  # room for titles
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.empty_label = QLabel(
            "The trash is empty. Deleted scenes and parts wait here to be restored.", self
        )
        self.empty_label.setObjectName("trashEmptyLabel")
        self.empty_label.setWordWrap(True)
        self.restore_button = QPushButton("&Restore", self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setToolTip("Put the selected items back where they were")
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button = QPushButton("&Empty Trash…", self)
        self.empty_button.setObjectName("emptyTrashButton")
        self.empty_button.setToolTip("Delete everything in the trash for good (asks first; cannot be undone)")
        self.empty_button.clicked.connect(self.empty_trash)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)

    def selected_ids(self) -> list[str]:
        """Ids of the selected rows."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.node_id(row) for row in rows]

    def select_ids(self, node_ids: list[str]) -> None:
        """Select rows by id."""
        self.table.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in range(self.model.rowCount()):
            if self.model.node_id(row) in node_ids:
                self.table.selectionModel().select(self.model.index(row, 0), flags)

    def update_buttons(self) -> None:
        """Enable Restore with a selection and Empty Trash with anything in the trash."""
        writable = not self.session.read_only
        has_items = self.model.rowCount() > 0
        self.restore_button.setEnabled(writable and bool(self.selected_ids()))
        self.empty_button.setEnabled(writable and has_items)
        self.empty_label.setVisible(not has_items)

    def restore_selected(self) -> None:
        """Restore the selected items (undoable)."""
        ids = self.selected_ids()
        if ids and not self.session.read_only:
            self.session.push(commands.RestoreCommand(self.session, ids))

    def empty_trash(self) -> int:
        """Ask, then delete the trash for good; clears the undo stack. Return how many items went."""
        if self.model.rowCount() == 0 or self.session.read_only or not self.confirm_empty():
            return 0
        try:
            return commands.empty_trash(self.session)
        except OSError as error:
            self.session.save_error.emit(str(error))
            return 0

    def _ask_empty(self) -> bool:
        count = self.model.rowCount()
        answer = QMessageBox.question(
            self,
            "Empty Trash",
            f"Delete the {count} item(s) in the trash for good, with their text?\n"
            "This cannot be undone, and it clears the undo history.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes
