"""The corkboard view: scenes as index cards in a wrapping grid, a header line per part.

A ``QListView`` (list mode, left to right, wrapping) over a label-filter proxy of the
``CorkboardModel``; the ``CardDelegate`` paints every row. Cards are dragged by id, and the
drop lands through the outline's own ``MoveScenesCommand`` (one undo step per drop): on the
left half of a card before it, on its right half (or the space after it) after it, on a
part's header at the end of that part. Double-click or Enter opens the scene; F2, or a
click on the selected card's synopsis, edits the synopsis.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QWidget

from studio.app.session import ProjectSession
from studio.gui.views.corkboard.delegate import CardDelegate
from studio.gui.views.label_menu import labels_menu
from studio.models.corkboard_model import CorkboardModel
from studio.models.label_filter import LabelFilterProxy
from studio.models.story_rows_model import ID_ROLE, KIND_ROLE

DropPlace = tuple[str, int, QRect]  # part id, index in the part (before the move), where to draw the mark
PROBE_STEP = 12  # pixels between the probes left of a drop in the space after a line's last card


class CorkboardView(QListView):
    """Index cards of the scenes, grouped by part; every change goes through the undo stack."""

    # A scene to open in the editor (double-click, Enter, or Open Scene).
    scene_opened = Signal(str)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("corkboardView")
        self.setAccessibleName("Corkboard")
        self.session = session
        self.board_model = CorkboardModel(session, self)
        self.proxy = LabelFilterProxy(self, keep_parts=True)
        self.proxy.setSourceModel(self.board_model)
        self.setModel(self.proxy)
        self.delegate = CardDelegate(lambda: self.viewport().width() - 2 * self.spacing() - 2, self)
        self.setItemDelegate(self.delegate)
        self._drop_mark: QRect | None = None
        self.manage_labels: Callable[[], object] | None = None  # opens the labels dialog (the window's)
        self.edit_story_time: Callable[[str], object] | None = None  # the window's story time dialog
        self._setup_look()
        self._build_actions()
        self.doubleClicked.connect(self._open_index)

    def _setup_look(self) -> None:
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(8)
        self.setUniformItemSizes(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked
        )
        writable = not self.session.read_only
        self.setDragEnabled(writable)
        self.setAcceptDrops(writable)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(False)  # a mark between two cards is drawn instead
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.setToolTip("")

    def _build_actions(self) -> None:
        self.open_action = QAction("&Open Scene", self)
        self.open_action.setObjectName("corkboardOpenAction")
        self.open_action.triggered.connect(lambda: self._open_index(self.currentIndex()))
        self.edit_action = QAction("Edit &Synopsis", self)
        self.edit_action.setObjectName("corkboardEditSynopsisAction")
        self.edit_action.setShortcut(QKeySequence("F2"))
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.edit_action.triggered.connect(lambda: self.edit(self.currentIndex()))
        self.addAction(self.edit_action)

    # -- ids ----------------------------------------------------------------------------------
    def index_for_id(self, node_id: str) -> QModelIndex:
        """The view's index of a part or scene (invalid when hidden by the filter or absent)."""
        row = self.board_model.row_of(node_id)
        return self.proxy.mapFromSource(self.board_model.index(row, 0)) if row >= 0 else QModelIndex()

    def selected_scene_ids(self) -> list[str]:
        """The selected scenes, in manuscript order."""
        chosen = {i.data(ID_ROLE) for i in self.selectionModel().selectedIndexes()}
        return [sid for sid in self.board_model.scene_ids() if sid in chosen]

    def select_ids(self, scene_ids: list[str]) -> None:
        """Select these cards; the first becomes current."""
        selection = QItemSelection()
        first = QModelIndex()
        for scene_id in scene_ids:
            index = self.index_for_id(scene_id)
            if index.isValid():
                selection.select(index, index)
                first = first if first.isValid() else index
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().select(selection, flags.ClearAndSelect)
        if first.isValid():
            self.selectionModel().setCurrentIndex(first, flags.NoUpdate)
            self.scrollTo(first)

    def mark_open_scene(self, scene_id: str) -> None:
        """Mark the card of the scene open in the editor (an accent along its top), and bring it in sight."""
        previous, self.delegate.open_scene = self.delegate.open_scene, scene_id
        for node_id in (previous, scene_id):
            index = self.index_for_id(node_id) if node_id else QModelIndex()
            if index.isValid():
                self.update(index)
        index = self.index_for_id(scene_id) if scene_id else QModelIndex()
        if index.isValid() and self.state() != QAbstractItemView.State.DraggingState:
            self.scrollTo(index)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid() and index.data(KIND_ROLE) == "scene":
            self.scene_opened.emit(str(index.data(ID_ROLE)))

    # -- keys, clicks and menus ----------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: Enter opens the current scene (unless a synopsis is being edited)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            self._open_index(self.currentIndex())
            return
        super().keyPressEvent(event)

    def edit(self, index, trigger=None, event=None):  # noqa: ANN001, ANN201 - Qt's overloads
        """Qt override: a click edits only on the synopsis of the selected card; F2 always does."""
        if trigger is None:
            return super().edit(index)
        if trigger == QAbstractItemView.EditTrigger.SelectedClicked and isinstance(event, QMouseEvent):
            area = self.delegate.synopsis_rect(self.visualRect(index))
            if not area.contains(event.position().toPoint()):
                return False
        return super().edit(index, trigger, event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Qt override: open the scene, edit its synopsis."""
        index = self.indexAt(event.pos())
        if not index.isValid() or index.data(KIND_ROLE) != "scene":
            return
        if not self.selectionModel().isSelected(index):
            self.select_ids([str(index.data(ID_ROLE))])
        menu = QMenu(self)
        menu.addAction(self.open_action)
        self.edit_action.setEnabled(not self.session.read_only)
        menu.addAction(self.edit_action)
        menu.addMenu(labels_menu(self.session, self.selected_scene_ids, menu, self.manage_labels))
        if self.edit_story_time is not None and not self.session.read_only:
            edit, scene_id = self.edit_story_time, str(index.data(ID_ROLE))
            menu.addAction("Story &Time…", lambda: edit(scene_id))
        menu.exec(event.globalPos())

    # -- drag and drop -------------------------------------------------------------------------
    def drop_place(self, pos: QPoint) -> DropPlace | None:
        """Where a drop at ``pos`` lands: (part id, index in it, the mark to draw), or None."""
        index, after = self.indexAt(pos), False
        probe = QPoint(pos)
        while not index.isValid() and probe.x() > 0:  # in the space after a line's last card
            probe.setX(probe.x() - PROBE_STEP)
            index, after = self.indexAt(probe), True
        if not index.isValid():
            return None
        rect = self.visualRect(index)
        node_id = str(index.data(ID_ROLE))
        gap = self.spacing() // 2 + 1
        if index.data(KIND_ROLE) == "part":
            part = self.session.project.part(node_id)
            return node_id, len(part.scenes), QRect(rect.left(), rect.bottom() - 1, rect.width(), 3)
        after = after or pos.x() > rect.center().x()
        position = self.board_model.index_in_part(node_id) + (1 if after else 0)
        x = rect.right() + gap if after else rect.left() - gap
        return self.board_model.part_id_of(node_id), position, QRect(x - 1, rect.top(), 3, rect.height())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Qt override: scenes of this project may come in (from the board or the outline)."""
        if self.board_model.dropped_scene_ids(event.mimeData()):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            self.setState(QAbstractItemView.State.DraggingState)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Qt override: show where the cards would land (and let Qt scroll near the edges)."""
        super().dragMoveEvent(event)  # auto-scroll
        place = self.drop_place(event.position().toPoint())
        if place is None or not self.board_model.dropped_scene_ids(event.mimeData()):
            event.ignore()
            self._set_drop_mark(None)
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self._set_drop_mark(place[2])

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        """Qt override: no mark once the drag left."""
        super().dragLeaveEvent(event)
        self._set_drop_mark(None)

    def dropEvent(self, event: QDropEvent) -> None:
        """Qt override: push the outline's move command (one undo step), never remove rows."""
        self._set_drop_mark(None)
        self.setState(QAbstractItemView.State.NoState)
        ids = self.board_model.dropped_scene_ids(event.mimeData())
        place = self.drop_place(event.position().toPoint())
        if not ids or place is None:
            event.ignore()
            return
        part_id, position, _mark = place
        self.session.push(self.board_model.move_command(ids, part_id, position))
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.select_ids(ids)

    def _set_drop_mark(self, mark: QRect | None) -> None:
        if mark != self._drop_mark:
            self._drop_mark = mark
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt override: the cards, then the drop mark."""
        super().paintEvent(event)
        if self._drop_mark is not None:
            painter = QPainter(self.viewport())
            painter.fillRect(self._drop_mark, self.palette().color(QPalette.ColorRole.Highlight))
            painter.end()
