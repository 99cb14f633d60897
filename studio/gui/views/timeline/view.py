"""The timeline view: scenes in story-time order, a lane per POV character, flashbacks marked.

Painted over a label-filter proxy of the ``TimelineModel`` (only the boxes in sight are
drawn). Each box carries the scene's manuscript number; a thin line joins the scenes in
the order a reader meets them, so a jump back in time shows as the line turning back — drawn
dashed in the flashback colour, with the scene's box marked ↶. Click a scene to open it; from
the keyboard, the arrows move the current scene (Left/Right along story time, Up/Down to the
next lane), Home/End go to the first/last, Enter opens it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QWidget

from studio.app.session import ProjectSession
from studio.core.story_time import parse_story_time
from studio.gui.views.timeline.layout import (
    HEADER_HEIGHT,
    LANE_HEIGHT,
    LANE_LABEL_WIDTH,
    PlacedScene,
    SceneEntry,
    TimelineLayout,
    lay_out,
)
from studio.models.label_filter import LabelFilterProxy
from studio.models.outline_style import status_colour
from studio.models.story_rows_model import ID_ROLE
from studio.models.timeline_model import (
    BACKWARDS_ROLE,
    NO_TIME_RANK,
    NUMBER_ROLE,
    POV_ROLE,
    RANK_ROLE,
    STATUS_ROLE,
    STORY_TIME_ROLE,
    TimelineModel,
)

FLASHBACK = QColor("#d0542c")
KEY_MOVES = {
    Qt.Key.Key_Left: "left",
    Qt.Key.Key_Right: "right",
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
    Qt.Key.Key_Home: "first",
    Qt.Key.Key_End: "last",
}


class TimelineView(QAbstractScrollArea):
    """The scenes on a story-time axis, one lane per POV character."""

    scene_opened = Signal(str)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.setAccessibleName("Timeline")
        self.session = session
        self.timeline_model = TimelineModel(session, self)
        self.proxy = LabelFilterProxy(self)
        self.proxy.setSourceModel(self.timeline_model)
        self._layout: TimelineLayout | None = None
        self._hovered = ""
        self.current_id = ""  # the scene the keyboard is on (framed while the timeline has the focus)
        self.edit_story_time: Callable[[str], object] | None = None  # the window's story time dialog
        self._relayout_soon = QTimer(self, singleShot=True, interval=0)
        self._relayout_soon.timeout.connect(self.relayout)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.rowsMoved,
            self.proxy.dataChanged,
            self.proxy.layoutChanged,
            self.proxy.modelReset,
        ):
            signal.connect(lambda *_: self._relayout_soon.start())
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.horizontalScrollBar().setSingleStep(40)
        self.verticalScrollBar().setSingleStep(20)
        self.relayout()

    # -- the layout ------------------------------------------------------------------------
    def entries(self) -> list[SceneEntry]:
        """The scenes the filter lets through, as the layout reads them."""
        found = []
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            rank = int(index.data(RANK_ROLE))
            found.append(
                SceneEntry(
                    scene_id=str(index.data(ID_ROLE)),
                    title=str(index.data()),
                    pov=str(index.data(POV_ROLE) or ""),
                    story_time=str(index.data(STORY_TIME_ROLE) or ""),
                    rank=rank,
                    timed=rank != NO_TIME_RANK,
                    number=int(index.data(NUMBER_ROLE)),
                    backwards=bool(index.data(BACKWARDS_ROLE)),
                    status=str(index.data(STATUS_ROLE) or ""),
                )
            )
        return found

    def timeline_layout(self) -> TimelineLayout:
        """The current layout (worked out now if a change is pending)."""
        if self._layout is None or self._relayout_soon.isActive():
            self.relayout()
        assert self._layout is not None
        return self._layout

    def relayout(self) -> None:
        """Place every scene again and repaint."""
        self._relayout_soon.stop()
        self._layout = lay_out(self.entries())
        self._update_scroll_bars()
        self.viewport().update()

    def _update_scroll_bars(self) -> None:
        layout = self._layout
        if layout is None:
            return
        view = self.viewport().size()
        self.horizontalScrollBar().setRange(0, max(0, layout.width - view.width()))
        self.horizontalScrollBar().setPageStep(view.width())
        self.verticalScrollBar().setRange(0, max(0, layout.height - view.height()))
        self.verticalScrollBar().setPageStep(view.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt override: the scroll ranges follow the size."""
        super().resizeEvent(event)
        self._update_scroll_bars()

    def _offset(self) -> QPoint:
        return QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def box_of(self, scene_id: str) -> QRect:
        """Where a scene's box is on the viewport (an empty rect when it is not shown)."""
        placed = next((p for p in self.timeline_layout().placed if p.entry.scene_id == scene_id), None)
        return placed.box.translated(-self._offset()) if placed else QRect()

    # -- keyboard --------------------------------------------------------------------------
    def set_current(self, scene_id: str) -> None:
        """Put the keyboard on a scene: frame its box and bring it in sight."""
        self.current_id = scene_id
        box = self.box_of(scene_id)
        if not box.isEmpty():
            view = self.viewport().rect().adjusted(LANE_LABEL_WIDTH, HEADER_HEIGHT, 0, 0)
            bars = self.horizontalScrollBar(), self.verticalScrollBar()
            if box.left() < view.left() or box.right() > view.right():
                bars[0].setValue(bars[0].value() + box.left() - view.left() - 20)
            if box.top() < view.top() or box.bottom() > view.bottom():
                bars[1].setValue(bars[1].value() + box.top() - view.top() - 10)
        self.viewport().update()

    def _current(self) -> PlacedScene | None:
        placed = self.timeline_layout().placed
        return next((p for p in placed if p.entry.scene_id == self.current_id), None)

    def _step(self, key: int) -> PlacedScene | None:
        """The box a key moves to from the current one (the first one when there is none)."""
        return self.timeline_layout().neighbour(self.current_id, KEY_MOVES.get(Qt.Key(key), "first"))

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Qt override: the current scene is framed while the timeline has the focus."""
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Qt override: no frame once the focus left."""
        super().focusOutEvent(event)
        self.viewport().update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: arrows, Home and End move the current scene; Enter (or Space) opens it."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            current = self._current() or self._step(key)
            if current is not None:
                self.set_current(current.entry.scene_id)
                self.scene_opened.emit(current.entry.scene_id)
            return
        if key in KEY_MOVES and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            target = self._step(key)
            if target is not None:
                self.set_current(target.entry.scene_id)
            return
        super().keyPressEvent(event)

    # -- mouse -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Qt override: a click on a scene opens it (and puts the keyboard on it)."""
        point = event.position().toPoint() + self._offset()
        placed = self.timeline_layout().at(point.x(), point.y())
        if placed is not None and event.button() == Qt.MouseButton.LeftButton:
            self.set_current(placed.entry.scene_id)
            self.scene_opened.emit(placed.entry.scene_id)
            return
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Qt override: open the scene under the pointer, or set its story time."""
        point = event.pos() + self._offset()
        placed = self.timeline_layout().at(point.x(), point.y())
        if placed is None:
            return
        scene_id = placed.entry.scene_id
        menu = QMenu(self)
        menu.addAction("&Open Scene", lambda: self.scene_opened.emit(scene_id))
        if self.edit_story_time is not None and not self.session.read_only:
            edit = self.edit_story_time
            menu.addAction("Story &Time…", lambda: edit(scene_id))
        menu.exec(event.globalPos())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Qt override: the box under the pointer is highlighted, its details in the tooltip."""
        point = event.position().toPoint() + self._offset()
        placed = self.timeline_layout().at(point.x(), point.y())
        hovered = placed.entry.scene_id if placed else ""
        if hovered != self._hovered:
            self._hovered = hovered
            tip = ""
            if placed is not None:
                tip = str(
                    self.proxy.index(self._proxy_row(hovered), 0).data(Qt.ItemDataRole.ToolTipRole) or ""
                )
            self.viewport().setToolTip(tip)
            self.viewport().update()
        super().mouseMoveEvent(event)

    def _proxy_row(self, scene_id: str) -> int:
        source_row = self.timeline_model.row_of(scene_id)
        return self.proxy.mapFromSource(self.timeline_model.index(source_row, 0)).row()

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt override: lanes, headings, the reading path, then the boxes in sight."""
        layout = self.timeline_layout()
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        offset = self._offset()
        sight = self.viewport().rect().translated(offset)
        painter.translate(-offset)
        self._paint_lanes(painter, layout, sight, palette)
        self._paint_headings(painter, layout, sight, palette)
        self._paint_path(painter, layout, palette)
        for placed in layout.placed:
            if placed.box.intersects(sight):
                self._paint_box(painter, placed.entry, placed.box, palette)
        painter.resetTransform()
        self._paint_lane_names(painter, layout, palette)
        if not layout.placed:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, "No scenes to show")
        painter.end()

    def _paint_lanes(
        self, painter: QPainter, layout: TimelineLayout, sight: QRect, palette: QPalette
    ) -> None:
        for lane in range(len(layout.lanes)):
            y = HEADER_HEIGHT + lane * LANE_HEIGHT
            if lane % 2:
                band = QRect(sight.left(), y, sight.width(), LANE_HEIGHT)
                painter.fillRect(band, palette.color(QPalette.ColorRole.AlternateBase))

    def _paint_headings(
        self, painter: QPainter, layout: TimelineLayout, sight: QRect, palette: QPalette
    ) -> None:
        metrics = QFontMetrics(self.font())
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        for rect, text in layout.headings:
            text = readable_story_time(text)
            if rect.intersects(sight):
                inner = rect.adjusted(8, 0, -8, -6)
                shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
                painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, shown)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(sight.left(), HEADER_HEIGHT, sight.right(), HEADER_HEIGHT)

    def _paint_path(self, painter: QPainter, layout: TimelineLayout, palette: QPalette) -> None:
        """A line through the timed scenes in manuscript order; a turn back in time is dashed."""
        path = [p for p in layout.in_manuscript_order() if p.entry.timed]
        quiet = QColor(palette.color(QPalette.ColorRole.Text))
        quiet.setAlpha(70)
        for before, after in zip(path, path[1:], strict=False):
            back = after.entry.backwards or after.box.center().x() < before.box.center().x()
            pen = QPen(FLASHBACK if back else quiet, 2 if back else 1.5)
            if back:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(before.box.center(), after.box.center())

    def _paint_box(self, painter: QPainter, entry: SceneEntry, box: QRect, palette: QPalette) -> None:
        hovered = entry.scene_id == self._hovered or (entry.scene_id == self.current_id and self.hasFocus())
        border = FLASHBACK if entry.backwards else palette.color(QPalette.ColorRole.Mid)
        if hovered:
            border = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(border, 2 if entry.backwards or hovered else 1))
        base = (
            palette.color(QPalette.ColorRole.Base)
            if entry.timed
            else palette.color(QPalette.ColorRole.Window)
        )
        painter.setBrush(base)
        painter.drawRoundedRect(box, 5, 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(status_colour(entry.status))
        painter.drawRoundedRect(QRect(box.left() + 1, box.top() + 1, 5, box.height() - 1), 2, 2)
        bold = QFont(self.font())
        bold.setBold(True)
        inner = box.adjusted(12, 5, -8, -5)
        metrics = QFontMetrics(bold)
        number = f"{entry.number}"
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, number)
        title_left = inner.left() + metrics.horizontalAdvance(number) + 6
        painter.setFont(self.font())
        lines = 1 if entry.backwards else 2
        title_rect = QRect(title_left, inner.top(), inner.right() - title_left, metrics.height() * lines)
        _draw_title(painter, entry.title, title_rect, lines)
        if entry.backwards:
            painter.setPen(FLASHBACK)
            painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, "↶ flashback")

    def _paint_lane_names(self, painter: QPainter, layout: TimelineLayout, palette: QPalette) -> None:
        """The POV names stay at the left edge while the timeline scrolls sideways."""
        top = -self.verticalScrollBar().value()
        column = QRect(0, 0, LANE_LABEL_WIDTH - 8, self.viewport().height())
        painter.fillRect(column, palette.color(QPalette.ColorRole.Window))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        metrics = QFontMetrics(bold)
        for lane, name in enumerate(layout.lanes):
            rect = QRect(10, top + HEADER_HEIGHT + lane * LANE_HEIGHT, LANE_LABEL_WIDTH - 24, LANE_HEIGHT)
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        painter.setFont(self.font())
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            QRect(10, 0, LANE_LABEL_WIDTH - 20, HEADER_HEIGHT - 6),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            "Story time →",
        )

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Qt override: the wheel scrolls along story time when the lanes all fit in height."""
        if self.verticalScrollBar().maximum() == 0 and not event.angleDelta().x():
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - event.angleDelta().y() // 120 * bar.singleStep() * 3)
            event.accept()
            return
        super().wheelEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Qt override: repaint (the drawing depends on the offset)."""
        self.viewport().update()


def readable_story_time(text: str) -> str:
    """A date as a writer reads it ("3 Nov 1894, 23:15"); a free label as it is."""
    parsed = parse_story_time(text)
    if parsed.kind not in ("date", "datetime"):
        return text
    day = date.fromisoformat(parsed.day)
    shown = f"{day.day} {day.strftime('%b')} {day.year}"
    return f"{shown}, {parsed.clock}" if parsed.clock else shown


def _draw_title(painter: QPainter, title: str, rect: QRect, lines: int) -> None:
    """The title in up to ``lines`` lines, wrapped at words, the last one elided."""
    metrics = painter.fontMetrics()
    words, shown = title.split(), list[str]()
    while words and len(shown) < lines:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= rect.width():
            line = f"{line} {words.pop(0)}"
        shown.append(line)
    if words and shown:
        shown[-1] = f"{shown[-1]} {' '.join(words)}"
    for number, line in enumerate(shown):
        text = metrics.elidedText(line, Qt.TextElideMode.ElideRight, rect.width())
        top = rect.top() + number * metrics.height()
        painter.drawText(QRect(rect.left(), top, rect.width(), metrics.height()), 0, text)
