"""One label filter for the window's views: a combo in each view, *View › Filter by Label*, outline dimming.

The chosen label is window state (not the project's): the corkboard, the table and the
timeline show only the scenes carrying it, and the outline — whose rows must stay put for
drag and drop and undo — dims the scenes without it instead of hiding them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Signal
from PySide6.QtGui import QAction, QActionGroup, QHelpEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from studio.app.session import ProjectSession
from studio.core.nodes import Scene
from studio.gui.outline.view import OutlineView

AnyIndex = QModelIndex | QPersistentModelIndex
ALL_SCENES = "All scenes"
DIM_OPACITY = 0.35


class LabelFilter(QObject):
    """The label the views filter by ("" for none); ``changed`` carries the new label id."""

    changed = Signal(str)

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.label_id = ""

    def set_label(self, label_id: str) -> None:
        """Filter by ``label_id`` ("" shows every scene)."""
        if label_id != self.label_id:
            self.label_id = label_id
            self.changed.emit(label_id)

    def choices(self) -> list[tuple[str, str]]:
        """(label id, name) for every label of the project, "" first for all scenes."""
        return [("", ALL_SCENES), *((label.id, label.name) for label in self.session.project.labels)]

    def forget_missing(self) -> None:
        """Drop the filter when its label was removed from the project."""
        if self.label_id and self.label_id not in {label.id for label in self.session.project.labels}:
            self.set_label("")

    def matches(self, scene: Scene) -> bool:
        """Whether a scene passes the filter."""
        return not self.label_id or self.label_id in scene.labels


class LabelFilterCombo(QComboBox):
    """A view's combo showing and setting the window's label filter."""

    def __init__(self, label_filter: LabelFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label_filter = label_filter
        self.setToolTip("Show only the scenes with this label")
        self.setAccessibleName("Filter by label")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.refill()
        self.activated.connect(lambda row: label_filter.set_label(str(self.itemData(row) or "")))
        label_filter.changed.connect(lambda _id: self.refill())
        label_filter.session.labels_changed.connect(lambda _change: self.refill())  # renamed, added

    def refill(self) -> None:
        """List the project's labels and show the current choice."""
        self.blockSignals(True)
        self.clear()
        for label_id, name in self.label_filter.choices():
            self.addItem(name, label_id)
        self.setCurrentIndex(max(0, self.findData(self.label_filter.label_id)))
        self.blockSignals(False)

    def showPopup(self) -> None:
        """Qt override: labels may have been added or renamed since the combo was filled."""
        self.refill()
        super().showPopup()


def filter_menu(
    label_filter: LabelFilter, parent: QWidget, manage: Callable[[], object] | None = None
) -> QMenu:
    """*Filter by Label*: every label (checkable, one at a time), rebuilt each time it opens."""
    menu = QMenu("Filter by &Label", parent)
    menu.setObjectName("filterByLabelMenu")
    group = QActionGroup(menu)

    def fill() -> None:
        menu.clear()
        for label_id, name in label_filter.choices():
            action = QAction(name, menu, checkable=True)
            action.setChecked(label_id == label_filter.label_id)
            action.triggered.connect(lambda _on=False, chosen=label_id: label_filter.set_label(chosen))
            group.addAction(action)
            menu.addAction(action)
        if manage is not None:
            menu.addSeparator()
            menu.addAction("&Manage Labels…", manage)

    menu.aboutToShow.connect(fill)
    fill()
    return menu


class DimmingDelegate(QStyledItemDelegate):
    """Paints outline rows as the delegate it wraps does, faded for scenes the filter leaves out."""

    def __init__(self, view: OutlineView, inner: QAbstractItemDelegate, label_filter: LabelFilter) -> None:
        super().__init__(view)
        self.view = view
        self.inner = inner
        self.label_filter = label_filter

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """Qt override: faded when the row is a scene the filter leaves out."""
        node = self.view.outline_model.node(index) if self.label_filter.label_id else None
        if isinstance(node, Scene) and not self.label_filter.matches(node):
            painter.save()
            painter.setOpacity(DIM_OPACITY)
            self.inner.paint(painter, option, index)
            painter.restore()
            return
        self.inner.paint(painter, option, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex):  # noqa: ANN201
        """Qt override: as the wrapped delegate."""
        return self.inner.sizeHint(option, index)

    # Editing (F2 renames) and tooltips stay the wrapped delegate's: its rename box and its full titles.
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        """Qt override: the wrapped delegate's editor."""
        return self.inner.createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        """Qt override: as the wrapped delegate."""
        self.inner.setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        """Qt override: as the wrapped delegate."""
        self.inner.setModelData(editor, model, index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """Qt override: as the wrapped delegate (the outline's rename box is as tall as its text)."""
        self.inner.updateEditorGeometry(editor, option, index)

    def helpEvent(
        self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: AnyIndex
    ) -> bool:
        """Qt override: the wrapped delegate's tooltips (a cut title shown whole)."""
        return self.inner.helpEvent(event, view, option, index)


def dim_outline(view: OutlineView, label_filter: LabelFilter) -> None:
    """Have the outline fade the scenes the filter leaves out (every column), repainting on a change."""
    for column in range(view.outline_model.columnCount()):
        # Optional: no delegate was set for a column (the stubs say there always is one).
        own: QAbstractItemDelegate | None = view.itemDelegateForColumn(column)
        inner = own if own is not None else view.itemDelegate()
        view.setItemDelegateForColumn(column, DimmingDelegate(view, inner, label_filter))
    label_filter.changed.connect(lambda _id: view.viewport().update())
