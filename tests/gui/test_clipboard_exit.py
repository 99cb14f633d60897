"""Quitting after a rich copy does not crash (PySide6 6.11 frees Python-made clipboard data twice at exit)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO

QUIT_AFTER_A_RICH_COPY = r"""
from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtWidgets import QApplication
from studio.gui.clipboard import hand_over_clipboard
app = QApplication([])
app.aboutToQuit.connect(hand_over_clipboard)  # as run_app does
data = QMimeData()
data.setHtml("<p>She <em>knew</em>.</p>")
data.setText("She *knew*.")
QApplication.clipboard().setMimeData(data)
del data
QTimer.singleShot(0, app.quit)
app.exec()
print(QApplication.clipboard().text())
"""


def test_quitting_after_a_rich_copy_exits_cleanly_and_keeps_the_text() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-c", QUIT_AFTER_A_RICH_COPY], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "She *knew*."
