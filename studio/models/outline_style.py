"""How a scene's status looks in the outline: a small coloured dot, one colour per status."""

from __future__ import annotations

import zlib
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap

STATUS_COLOURS = {
    "draft": "#d9822b",  # amber: still being written
    "revised": "#2b7bd9",  # blue: worked over
    "final": "#2e9e4f",  # green: done
}


def status_colour(status: str) -> QColor:
    """The colour of a status; a custom status gets a stable colour of its own."""
    known = STATUS_COLOURS.get(status.casefold())
    if known:
        return QColor(known)
    hue = zlib.crc32(status.casefold().encode("utf-8")) % 360
    return QColor.fromHsv(hue, 140, 190)


def status_label(status: str) -> str:
    """The status as shown to the writer."""
    return status.strip() or "no status"


@lru_cache(maxsize=64)
def status_icon(status: str) -> QIcon:
    """A dot icon for a status (hollow for a custom one, so it reads apart from the three defaults)."""
    icon = QIcon()
    for size in (16, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = status_colour(status)
        inset = size * 0.25
        rect = QRectF(inset, inset, size - 2 * inset, size - 2 * inset)
        if status.casefold() in STATUS_COLOURS:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(colour))
        else:
            painter.setPen(QPen(colour, max(1.5, size / 10)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
