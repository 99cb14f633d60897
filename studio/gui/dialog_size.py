"""Open a window or dialog at its preferred size, shrunk to fit the screen it appears on."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_MARGIN = 48  # room for the window frame and a panel


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """Resize ``dialog`` (or a window) to ``width`` x ``height``, or less where its screen is smaller."""
    parent = dialog.parentWidget()
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width() - SCREEN_MARGIN)
        height = min(height, available.height() - SCREEN_MARGIN)
    dialog.resize(max(width, dialog.minimumSizeHint().width()), max(height, 200))
