"""Text that does not fit is elided in the middle, with the whole of it in a tooltip.

``ElidedLabel`` and ``ElidingStatusBar`` keep their full text (``text()``, ``currentMessage()``)
and draw a middle-elided copy when it is too wide; ``shown_text()`` says what is drawn.
``FullTextDelegate`` elides the rows of a list, tree or table in the middle, never wider than
the view, and shows a row's whole text as its tooltip when the row is cut.
``show_start`` puts a field's cursor at the start, so a long text shows its beginning.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QStatusBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOption,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

MIDDLE = Qt.TextElideMode.ElideMiddle


def show_start(*fields: QLineEdit) -> None:
    """Show the beginning of each field's text (``setText`` leaves the cursor, and the view, at the end)."""
    for field in fields:
        field.setCursorPosition(0)


class ElidedLabel(QLabel):
    """A one-line label that draws its text elided in the middle when narrower than it, with a tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setMinimumWidth(1)
        self._tooltip_is_text = False

    def minimumSizeHint(self) -> QSize:
        """Qt override: a few letters wide, so a layout may make it narrower than its text."""
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("M") * 8), hint.height())

    def shown_text(self) -> str:
        """The text as drawn: whole when it fits, else elided in the middle."""
        rect = self.contentsRect()
        width = rect.width() - 2 * self.margin() - max(0, self.indent())
        return self.fontMetrics().elidedText(self.text(), MIDDLE, max(0, width))

    def setText(self, text: str) -> None:
        """Qt override: also refresh the tooltip that holds the whole text."""
        super().setText(text)
        self._update_tooltip()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt override: the tooltip follows whether the text fits."""
        super().resizeEvent(event)
        self._update_tooltip()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt override: draw the elided text in the label's place."""
        shown = self.shown_text()
        if shown == self.text():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        style = self.style()
        option = QStyleOption()
        option.initFrom(self)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        rect = self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(), -self.margin())
        flags = int(self.alignment()) | int(Qt.TextFlag.TextSingleLine)
        style.drawItemText(
            painter, rect, flags, self.palette(), self.isEnabled(), shown, self.foregroundRole()
        )

    def _update_tooltip(self) -> None:
        elided = self.shown_text() != self.text()
        if elided:
            self.setToolTip(self.text())
            self._tooltip_is_text = True
        elif self._tooltip_is_text:
            self.setToolTip("")
            self._tooltip_is_text = False


class ElidingStatusBar(QStatusBar):
    """A status bar whose messages are elided in the middle, the whole message as the tooltip."""

    def message_rect(self) -> tuple[int, int]:
        """Left and right of the room the message has (up to the first visible permanent widget)."""
        right = self.width() - 6
        for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isVisible() and child.x() > 0:
                right = min(right, child.x() - 6)
        return 6, right

    def shown_text(self) -> str:
        """The message as drawn: whole when it fits, else elided in the middle."""
        left, right = self.message_rect()
        return self.fontMetrics().elidedText(self.currentMessage(), MIDDLE, max(0, right - left))

    def event(self, event: QEvent) -> bool:
        """Qt override: over an elided message, the tooltip is the whole message."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            left, right = self.message_rect()
            if self.shown_text() != self.currentMessage() and left <= event.pos().x() <= right:
                QToolTip.showText(event.globalPos(), self.currentMessage(), self)
                return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt override: as QStatusBar, with the message elided instead of cut."""
        message = self.currentMessage()
        if not message or self.shown_text() == message:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        left, right = self.message_rect()
        painter.setPen(self.palette().windowText().color())
        flags = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine
        painter.drawText(left, 0, right - left, self.height(), int(flags), self.shown_text())


class FullTextDelegate(QStyledItemDelegate):
    """Rows elided in the middle and never wider than the view; a cut row's tooltip is its whole text."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        view.setTextElideMode(MIDDLE)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Qt override: no wider than the viewport, so a long row elides instead of scrolling sideways."""
        self.view.ensurePolished()  # rows laid out before the first show get the style sheet's padding too
        hint = super().sizeHint(option, index)
        return QSize(min(hint.width(), max(1, self.view.viewport().width())), hint.height())

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """Qt override: the model's tooltip if it has one, else the whole text of a row that is cut."""
        if event.type() != QEvent.Type.ToolTip or index.data(Qt.ItemDataRole.ToolTipRole):
            return super().helpEvent(event, view, option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if text and self.is_cut(option, index):
            QToolTip.showText(event.globalPos(), text, view, view.visualRect(index))
            return True
        return super().helpEvent(event, view, option, index)

    def is_cut(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> bool:
        """Whether the row's text is wider than the room its cell gives it."""
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        style = self.view.style()
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, self.view)
        return item.fontMetrics.horizontalAdvance(item.text) > room.width() - 2 * _TEXT_MARGIN


_TEXT_MARGIN = 3  # QCommonStyle's item text margin (PM_FocusFrameHMargin + 1) on either side
