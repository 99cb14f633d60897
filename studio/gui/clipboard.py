"""The clipboard at exit: PySide6 crashes when Qt deletes mime data made in Python after Python has gone."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication


def hand_over_clipboard() -> None:
    """Before the application ends: replace what this app put on the clipboard by a copy Qt owns.

    Rich mime data the app made (Copy for a site, a copy in the editor) is a Python object; at
    exit PySide6 6.11 frees it twice (a segmentation fault after everything was saved). The text
    stays on the clipboard for a clipboard manager; the HTML flavour goes with the app.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    clipboard = QApplication.clipboard()
    data = cast("QMimeData | None", clipboard.mimeData())  # None after a clear; the stubs say otherwise
    if data is not None and data.formats():
        clipboard.setText(clipboard.text())
