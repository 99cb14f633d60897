"""The outline table: one row per scene, sortable columns, inline edits, chosen columns, CSV export.

Click a header to sort (the Part column sorts in manuscript order); right-click the header
to show or hide columns (remembered in the settings). Double-click (or F2) on status, POV,
synopsis, labels or story date edits it — one undo step each; elsewhere it opens the scene.
*Export as CSV…* writes the rows and columns shown, in the order shown.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableView,
)

from studio.app.session import ProjectSession
from studio.core.atomic import atomic_write
from studio.core.wording import count
from studio.gui.characters.appearance_tracker import AppearanceTracker
from studio.gui.settings import AppSettings
from studio.gui.views.label_menu import labels_menu
from studio.gui.views.table.delegate import TableDelegate
from studio.models.label_filter import LabelFilterProxy
from studio.models.scene_table_model import COLUMN, COLUMN_KEYS, COLUMNS, EDITABLE, SceneTableModel
from studio.models.story_rows_model import ID_ROLE

WIDTHS = {
    "part": 120,
    "title": 150,
    "status": 84,
    "pov": 100,
    "synopsis": 190,
    "words": 64,
    "target": 64,
    "labels": 150,
    "characters": 150,
    "places": 150,
    "story_time": 120,
}


class OutlineTableView(QTableView):
    """Scenes as rows over a sorting, label-filtering proxy of a ``SceneTableModel``."""

    scene_opened = Signal(str)
    message = Signal(str)  # one line for the status bar (an export, a refused edit)

    def __init__(
        self,
        session: ProjectSession,
        settings: AppSettings,
        tracker: AppearanceTracker | None = None,
        notes_tracker: AppearanceTracker | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("outlineTable")
        self.setAccessibleName("Outline table")
        self.session, self.settings, self.tracker = session, settings, tracker
        self.notes_tracker = notes_tracker
        self.manage_labels: Callable[[], object] | None = None  # opens the labels dialog (the window's)
        self.table_model = SceneTableModel(
            session, self._presence if tracker else None, self, self._places if notes_tracker else None
        )
        self.proxy = LabelFilterProxy(self)
        self.proxy.setSourceModel(self.table_model)
        self.setModel(self.proxy)
        self.delegate = TableDelegate(session, self)
        self.delegate.problem.connect(self.message)
        self.setItemDelegate(self.delegate)
        if tracker is not None:
            tracker.updated.connect(self.table_model.presence_changed)
        if notes_tracker is not None:
            notes_tracker.updated.connect(self.table_model.places_changed)
        self._setup_look()
        self._build_actions()
        self.doubleClicked.connect(self._on_double_clicked)

    def _presence(self, scene_id: str) -> list[str]:
        assert self.tracker is not None
        names = {c.id: c.name for c in self.session.project.characters}
        found = self.tracker.index.characters_in(scene_id)
        return [names[c] for c in found if c in names]

    def _places(self, scene_id: str) -> list[str]:
        assert self.notes_tracker is not None
        names = {n.id: n.name for n in self.session.project.notes if n.kind != "note"}
        found = self.notes_tracker.index.characters_in(scene_id)  # the notes' index: note ids
        return [names[n] for n in found if n in names]

    def _setup_look(self) -> None:
        self.setSortingEnabled(True)
        self.sortByColumn(COLUMN["part"], Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)  # double-click: see below
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.setToolTip("Click to sort; right-click to choose the columns")
        for key, width in WIDTHS.items():
            self.setColumnWidth(COLUMN[key], width)
        hidden = set(self.settings.table_hidden_columns)
        for key in COLUMN_KEYS:
            self.setColumnHidden(COLUMN[key], key in hidden)

    def _build_actions(self) -> None:
        self.export_action = QAction("Export as &CSV…", self)
        self.export_action.setObjectName("exportTableCsvAction")
        self.export_action.setToolTip("Save the rows and columns shown as a CSV file (for a spreadsheet)")
        self.export_action.triggered.connect(self.choose_csv_path)
        self.export_button = QPushButton("Export as CSV…")
        self.export_button.setObjectName("exportTableCsvButton")
        self.export_button.setToolTip(self.export_action.toolTip())
        self.export_button.clicked.connect(self.export_action.trigger)
        self.open_action = QAction("&Open Scene", self)
        self.open_action.triggered.connect(lambda: self._open(self.currentIndex()))

    # -- columns -------------------------------------------------------------------------------
    def _header_menu(self, pos: QPoint) -> None:
        menu = self.columns_menu()
        menu.exec(self.horizontalHeader().mapToGlobal(pos))

    def columns_menu(self) -> QMenu:
        """A menu with a check per column: show or hide it (the last shown one stays)."""
        menu = QMenu("Columns", self)
        shown = [key for key in COLUMN_KEYS if not self.isColumnHidden(COLUMN[key])]
        for key, title in COLUMNS:
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(key in shown)
            action.setEnabled(not (key in shown and len(shown) == 1))
            action.toggled.connect(lambda on, chosen=key: self.show_column(chosen, on))
        return menu

    def show_column(self, key: str, shown: bool) -> None:
        """Show or hide a column and remember the choice."""
        self.setColumnHidden(COLUMN[key], not shown)
        hidden = [k for k in COLUMN_KEYS if self.isColumnHidden(COLUMN[k])]
        self.settings.table_hidden_columns = hidden
        self.settings.save()

    def shown_columns(self) -> list[str]:
        """The keys of the columns shown, in the order shown."""
        header = self.horizontalHeader()
        order = [header.logicalIndex(visual) for visual in range(header.count())]
        return [COLUMN_KEYS[c] for c in order if not header.isSectionHidden(c)]

    def selected_scene_ids(self) -> list[str]:
        """The scenes of the selected rows, in manuscript order."""
        chosen = {i.data(ID_ROLE) for i in self.selectionModel().selectedRows()}
        return [sid for sid in self.table_model.scene_ids() if sid in chosen]

    # -- opening and editing -------------------------------------------------------------------
    def _on_double_clicked(self, index: QModelIndex) -> None:
        key = COLUMN_KEYS[index.column()]
        if key in EDITABLE and self.proxy.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)
        else:
            self._open(index)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.scene_opened.emit(str(index.data(ID_ROLE)))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Qt override: open the scene, export, choose the columns."""
        menu = QMenu(self)
        if self.indexAt(event.pos()).isValid():
            menu.addAction(self.open_action)
            menu.addMenu(labels_menu(self.session, self.selected_scene_ids, menu, self.manage_labels))
            menu.addSeparator()
        menu.addAction(self.export_action)
        menu.addMenu(self.columns_menu())
        menu.exec(event.globalPos())

    # -- CSV -----------------------------------------------------------------------------------
    def csv_text(self) -> str:
        """The rows shown (filtered and sorted) with the columns shown, as CSV with a header line."""
        keys = self.shown_columns()
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([dict(COLUMNS)[k] for k in keys])
        for row in range(self.proxy.rowCount()):
            scene = self.table_model.scene_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            if scene is not None:
                writer.writerow([spreadsheet_cell(self.table_model.value(scene, k)) for k in keys])
        return buffer.getvalue()

    def export_csv(self, path: str | Path) -> bool:
        """Write ``csv_text()`` to ``path`` (atomically); say what happened on ``message``."""
        try:
            atomic_write(Path(path), self.csv_text().encode("utf-8"))
        except OSError as error:
            self.message.emit(f"Not exported: {error.strerror or error}")
            return False
        self.message.emit(f"Exported {count(self.proxy.rowCount(), 'scene')} to {Path(path).name}")
        return True

    def choose_csv_path(self) -> None:
        """Ask where to save the CSV file, then write it."""
        suggestion = Path.home() / f"{self.session.project.root.name}-scenes.csv"
        path, _ = QFileDialog.getSaveFileName(self, "Export as CSV", str(suggestion), "CSV files (*.csv)")
        if path:
            self.export_csv(path if path.lower().endswith(".csv") else f"{path}.csv")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """A text a spreadsheet would run as a formula (``=HYPERLINK(…)``) gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
