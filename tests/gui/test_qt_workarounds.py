"""The PySide6 6.12.0 refcount workaround: applied only to that exact version on Python < 3.12."""

from __future__ import annotations

import subprocess
import sys

from studio.app.qt_workarounds import singletons_need_help
from tests.conftest import REPO


def test_only_the_broken_binding_on_old_pythons_needs_help() -> None:
    assert singletons_need_help("6.12.0", (3, 11), "cpython")
    assert not singletons_need_help("6.11.3", (3, 11), "cpython")
    assert not singletons_need_help("6.12.1", (3, 11), "cpython")
    assert not singletons_need_help("6.12.0", (3, 12), "cpython")
    assert not singletons_need_help("6.12.0", (3, 11), "pypy")


def test_importing_the_gui_changes_nothing_and_a_long_session_survives() -> None:
    code = (
        "import sys\n"
        "before = sys.getrefcount(True)\n"
        "import studio.gui, studio.gui.main_window\n"
        "from studio.app import qt_workarounds\n"
        "assert qt_workarounds._applied == [], 'applied as an import side effect'\n"
        "assert abs(sys.getrefcount(True) - before) < 1 << 20\n"
        "applied = qt_workarounds.keep_singletons_alive()\n"
        "assert applied == qt_workarounds.singletons_need_help(), applied\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "app = QApplication([])\n"
        "class Emitter(QObject):\n    fired = Signal()\n"
        "e, w = Emitter(), QWidget()\n"
        "for _ in range(20000):\n    e.fired.emit(); w.setEnabled(True)\n"
        "print('survived', applied)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(REPO)},
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert "survived" in result.stdout
