"""The outline's words column: the count, and a thin bar under it for a scene or part with a target."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from studio.models.outline_model import TARGET_ROLE, WORDS_ROLE

BAR_HEIGHT = 2
DONE_COLOUR = QColor("#4f8a5b")
UNDER_COLOUR = QColor("#c9a227")


class WordsProgressDelegate(QStyledItemDelegate):
    """Draws the words as usual, then a 2-pixel progress bar along the bottom when there is a target."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Qt override: the cell, then the bar."""
        super().paint(painter, option, index)
        target = index.data(TARGET_ROLE)
        if not target:
            return
        words = index.data(WORDS_ROLE) or 0
        rect: QRect = option.rect
        track = QRect(rect.left() + 4, rect.bottom() - BAR_HEIGHT, rect.width() - 8, BAR_HEIGHT)
        done = min(1.0, words / target)
        painter.save()
        painter.fillRect(track, option.palette.midlight())
        filled = QRect(track.left(), track.top(), int(track.width() * done), BAR_HEIGHT)
        painter.fillRect(filled, DONE_COLOUR if done >= 1 else UNDER_COLOUR)
        painter.restore()
