"""What the Characters panel and the Places & Things panel share: a filtered list, appearances, commands.

A subclass builds its own editor and says how to show one entry (``show_entry``); this base
selects entries, follows the list as it changes, lists an entry's appearances and opens them.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from studio.app.commands.base import ProjectCommand
from studio.app.session import ProjectSession
from studio.core.errors import StudioError
from studio.core.wording import count
from studio.gui.characters.appearance_tracker import AppearanceTracker
from studio.gui.elided import FullTextDelegate
from studio.models.appearances_model import SCENE_ID_ROLE, AppearancesModel
from studio.models.characters_model import (
    APPEARANCES,
    ID_ROLE,
    NAME,
    ROLE,
    CharactersFilterModel,
    CharactersModel,
)


class EntriesPanel(QWidget):
    """A list of named entries with their appearances; ``message(text)`` for the status bar."""

    message = Signal(str)

    def __init__(
        self,
        session: ProjectSession,
        tracker: AppearanceTracker,
        model: CharactersModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.tracker = tracker
        self.entry_id: str | None = None
        self._filling = False
        self.model = model
        model.setParent(self)
        self.proxy = CharactersFilterModel(model, self)
        self.appearances = AppearancesModel(session.project, self)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.list_view = self._tree_view("", self.proxy)
        self.list_view.setSortingEnabled(True)
        self.list_view.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        header = self.list_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(APPEARANCES, QHeaderView.ResizeMode.ResizeToContents)
        self.appearances_label = QLabel()
        self.appearances_view = self._tree_view("", self.appearances)
        self.appearances_view.header().setStretchLastSection(False)
        self.appearances_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.appearances_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.appearances_view.setToolTip("Click a scene to open it at the first mention")

    def _start(self) -> None:
        """Connect the shared parts and show the first entry (subclasses call it once built)."""
        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)
        self.list_view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.appearances_view.clicked.connect(self.open_appearance)
        self.appearances_view.activated.connect(self.open_appearance)
        self.tracker.updated.connect(self._on_index_updated)
        self.tracker.reordered.connect(self._show_appearances)
        self.show_entry(None)
        if self.proxy.rowCount():
            self.select_entry(self.proxy.index(0, 0).data(ID_ROLE))

    # -- building blocks --------------------------------------------------------------
    def _arrange(
        self, buttons: list[QWidget], form: QFormLayout, notes: QWidget, names: tuple[str, str]
    ) -> None:
        """Lay the panel out: filter and buttons, the list above the editor (form, notes, appearances)."""
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_edit, 1)
        for button in buttons:
            top.addWidget(button)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.editor = QWidget()
        self.editor.setObjectName(names[0])
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 6, 0, 0)
        editor_layout.addLayout(form)
        editor_layout.addWidget(notes, 2)
        editor_layout.addWidget(self.appearances_label)
        editor_layout.addWidget(self.appearances_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName(names[1])
        splitter.addWidget(self.list_view)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _tool_button(self, text: str, tip: str, name: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def _tree_view(self, name: str, model: QAbstractItemModel) -> QTreeView:
        view = QTreeView()
        view.setObjectName(name)
        view.setModel(model)
        view.setRootIsDecorated(False)
        view.setUniformRowHeights(True)
        view.setAlternatingRowColors(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setItemDelegate(FullTextDelegate(view))  # "The Lamp at … › The Storm", the whole in a tooltip
        return view

    # -- public API -------------------------------------------------------------------
    def show_entry(self, entry_id: str | None) -> None:
        """Fill the editor with one entry (None: an empty, disabled editor); subclasses say how."""
        raise NotImplementedError

    def select_entry(self, entry_id: str) -> None:
        """Select an entry in the list (clearing a filter that hides it) and show it."""
        row = self.model.row_of(entry_id)
        if row < 0:
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            self.filter_edit.clear()
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.list_view.selectionModel().setCurrentIndex(proxy_index, flags)
        self.list_view.scrollTo(proxy_index)
        self.show_entry(entry_id)

    def open_appearance(self, index: QModelIndex) -> None:
        """Open the scene of an appearance with the entry's first mention selected."""
        if not index.isValid() or not self.entry_id:
            return
        scene_id = index.data(SCENE_ID_ROLE)
        start, length = self.tracker.index.first_mention(self.entry_id, scene_id) or (0, 0)
        self.session.open_scene_requested.emit(scene_id, start, length)

    # -- internals --------------------------------------------------------------------
    def _run(self, command: ProjectCommand) -> bool:
        try:
            self.session.run(command)
        except (StudioError, OSError) as error:
            self.message.emit(str(error))
            return False
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_entry(current.data(ID_ROLE) if current.isValid() else None)

    def _on_entries_changed(self, _change: QObject | object) -> None:
        keep = self.entry_id
        self.model.sync()
        if keep and self.model.row_of(keep) >= 0:
            self.select_entry(keep)
        else:
            self.show_entry(None)

    def _on_index_updated(self) -> None:
        self.model.set_appearances(self.tracker.index)
        self._show_appearances()

    def _show_appearances(self) -> None:
        self.appearances.show(self.entry_id, self.tracker.index)
        if not self.entry_id:
            self.appearances_label.setText("Appearances")
            return
        rows = self.appearances.rows
        mentions = sum(n for _, n in rows)
        self.appearances_label.setText(
            f"Appearances: {count(mentions, 'mention')} in {count(len(rows), 'scene')}"
            if rows
            else "Appearances: none yet"
        )
