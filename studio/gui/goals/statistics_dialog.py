"""*Tools › Statistics…*: the last 90 days as a bar chart (drawn with QPainter), streak, average, best day."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from studio.core.stats import DayRecord, WritingStats

DAYS_SHOWN = 90
ADDED_COLOUR = QColor("#4f8a5b")
DELETED_COLOUR = QColor("#c0675a")


class DaysChart(QWidget):
    """Bars per day: words added above the line, words deleted below it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsChart")
        self.days: list[tuple[date, DayRecord]] = []
        self.setMinimumSize(QSize(540, 220))

    def set_days(self, days: list[tuple[date, DayRecord]]) -> None:
        """Show these days, oldest first."""
        self.days = days
        self.setToolTip("")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Draw the bars, the zero line and the first day of each month."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.PlaceholderText)
        area = QRectF(self.rect()).adjusted(40, 8, -8, -22)
        top = max([r.added for _d, r in self.days] + [1])
        bottom = max([r.deleted for _d, r in self.days] + [0])
        scale = area.height() / (top + bottom)
        zero = area.top() + top * scale
        step = area.width() / max(1, len(self.days))
        painter.setPen(Qt.PenStyle.NoPen)
        for i, (_day, record) in enumerate(self.days):
            x = area.left() + i * step + step * 0.15
            width = max(1.0, step * 0.7)
            if record.added:
                painter.fillRect(
                    QRectF(x, zero - record.added * scale, width, record.added * scale), ADDED_COLOUR
                )
            if record.deleted:
                painter.fillRect(QRectF(x, zero, width, record.deleted * scale), DELETED_COLOUR)
        painter.setPen(text_colour)
        painter.drawLine(int(area.left()), int(zero), int(area.right()), int(zero))
        painter.drawText(QRectF(0, area.top() - 6, 36, 14), Qt.AlignmentFlag.AlignRight, f"{top:,}")
        if bottom:
            painter.drawText(
                QRectF(0, area.bottom() - 8, 36, 14), Qt.AlignmentFlag.AlignRight, f"−{bottom:,}"
            )
        label_width = painter.fontMetrics().horizontalAdvance("Mmm 00") + 8
        last_right = -1.0
        for i, (day, _record) in enumerate(self.days):
            x = area.left() + i * step
            fits = x > last_right and x + label_width <= self.width()
            if (day.day == 1 or i == 0) and fits:  # the first day shown and each month's first day
                painter.drawText(
                    QRectF(x, area.bottom() + 4, label_width, 16),
                    Qt.AlignmentFlag.AlignLeft,
                    day.strftime("%b %d"),
                )
                last_right = x + label_width
        painter.end()


class StatisticsDialog(QDialog):
    """The writer's days: a chart of the last 90 and the figures that matter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsDialog")
        self.setWindowTitle("Statistics")
        self.chart = DaysChart()
        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        names = ("today", "streak", "average", "best", "total", "minutes")
        titles = (
            "Today",
            "Streak",
            "Average (writing days, 30)",
            "Best day",
            "Last 90 days",
            "Time writing (90)",
        )
        for i, (name, title) in enumerate(zip(names, titles, strict=True)):
            heading = QLabel(title)
            heading.setObjectName("statisticsHeading")
            value = QLabel()
            value.setObjectName(f"statistics_{name}")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            font.setBold(True)
            value.setFont(font)
            self.figures[name] = value
            grid.addWidget(heading, (i // 3) * 2, i % 3)
            grid.addWidget(value, (i // 3) * 2 + 1, i % 3)
        legend = QLabel(
            f"<span style='color:{ADDED_COLOUR.name()}'>■</span> words added &nbsp; "
            f"<span style='color:{DELETED_COLOUR.name()}'>■</span> words deleted"
        )
        legend.setObjectName("statisticsLegend")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart, 1)
        layout.addWidget(legend)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        self.resize(680, 420)

    def show_stats(self, stats: WritingStats, today: date) -> None:
        """Fill the chart and the figures from ``stats`` as of ``today``."""
        days = stats.last_days(DAYS_SHOWN, today)
        self.chart.set_days(days)
        record = stats.days.get(today.isoformat(), DayRecord())
        streak = stats.streak(today)
        best = stats.best_day()
        minutes = sum(r.minutes for _d, r in days)
        self.figures["today"].setText(f"{record.net:+,} words")
        self.figures["streak"].setText(f"{streak} day{'s' if streak != 1 else ''}")
        self.figures["average"].setText(f"{stats.average(today):,.0f} words")
        self.figures["best"].setText(f"{best[1]:,} ({date.fromisoformat(best[0]):%b %d})" if best else "—")
        self.figures["total"].setText(f"{sum(r.net for _d, r in days):+,} words")
        self.figures["minutes"].setText(f"{minutes // 60} h {minutes % 60:02d} min")
