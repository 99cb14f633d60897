"""The PySide6 6.12 refcount bug does not crash a long session."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_many_signal_emits_and_none_returning_calls_do_not_abort() -> None:
    code = (
        "import studio.gui\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "app = QApplication([])\n"
        "class Emitter(QObject):\n    fired = Signal()\n"
        "e, w = Emitter(), QWidget()\n"
        "for _ in range(20000):\n    e.fired.emit(); w.setEnabled(True)\n"
        "print('survived')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(REPO)},
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert "survived" in result.stdout
