"""Start-up as the launch benchmark sees it: the ready mark, deferred feature work, the CLI's fast path."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject

from studio.app.session import ProjectSession
from studio.cli import COMMANDS, build_parser
from studio.core import create_project, load_project
from studio.gui.features import WindowFeature
from studio.gui.main_window import MainWindow
from tests.conftest import REPO
from tests.gui.window_helpers import make_story, track_window


def test_the_window_prints_its_ready_mark_once_painted_and_still_closes_cleanly(tmp_path: Path) -> None:
    project = create_project(tmp_path / "story", "Ready")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        STUDIO_CONFIG_DIR=str(tmp_path / "config"),
        STUDIO_READY_MARK="1",
    )
    started = time.time()
    child = subprocess.Popen(
        [sys.executable, "-m", "studio", str(project.root)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        first = child.stdout.readline().split()  # blocks until the window is up (or the child ends)
        second = child.stdout.readline().split()
        child.send_signal(signal.SIGTERM)
        _out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert first[0] == "STUDIO_READY" and started < float(first[1]) < time.time(), err
    assert second[0] == "STUDIO_SETTLED" and float(second[1]) >= float(first[1])
    assert child.returncode == 0, err
    assert not (project.root / ".studio" / "lock").exists()  # closed as Quit does


class _PaintSeen(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


SEEN = _PaintSeen()


class _Recorder(WindowFeature):
    """A feature that notes whether the editor had painted when its deferred work ran."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        window.editor.viewport().installEventFilter(SEEN)
        self.calls: list[bool] = []

    def after_first_paint(self) -> None:
        self.calls.append(SEEN.painted)


def test_a_feature_s_deferred_work_runs_once_after_the_window_has_painted(qtbot, tmp_path: Path) -> None:
    make_story(tmp_path / "story")
    SEEN.painted = False
    window = track_window(MainWindow(ProjectSession(load_project(tmp_path / "story")), features=[_Recorder]))
    recorder = _Recorder.instance(window)
    assert recorder.calls == []  # nothing before the window is shown
    window.show()
    qtbot.waitUntil(lambda: recorder.calls == [True], timeout=10_000)
    SEEN.painted = False
    window.editor.viewport().update()
    qtbot.waitUntil(lambda: SEEN.painted)  # a second paint (and the turns of the loop after it)
    assert recorder.calls == [True]  # once


def test_every_command_is_listed_with_the_module_that_registers_it() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert set(commands) - {"window"} == set(COMMANDS)
    for name, module in COMMANDS.items():
        assert name in next(a for a in build_parser([module])._actions if a.dest == "command").choices


def test_opening_the_window_imports_no_command_module(tmp_path: Path) -> None:
    project = create_project(tmp_path / "story", "Fast")
    code = (
        "import sys, studio.gui.app as app\n"
        "app.run_app = lambda args: print(args.project) or 0\n"
        "from studio.cli import COMMANDS, main\n"
        "code = main(sys.argv[1:])\n"
        "print(sorted(m for m in set(COMMANDS.values()) if m in sys.modules))\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(project.root)],
        cwd=REPO,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [str(project.root), "[]"]
