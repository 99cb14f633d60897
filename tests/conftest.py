"""Shared test set-up: offscreen Qt, and per-user folders sent to a temp path."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("STUDIO_CONFIG_DIR", None)

# Before any test makes a Qt object, as run_app does: a no-op unless PySide6 is the broken 6.12.0
# (see studio/app/qt_workarounds.py).
from studio.app.qt_workarounds import keep_singletons_alive  # noqa: E402

keep_singletons_alive()

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Send settings, the user word list and backups to a fresh temp folder for every test."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("STUDIO_CONFIG_DIR", str(folder))
    return folder


def _leftover_state() -> list[str]:
    """What a test left behind: open windows, running watchdog observers, busy pool threads."""
    import threading

    found = []
    from watchdog.observers.api import BaseObserver, EventEmitter

    deadline = time.monotonic() + 3  # a stopped observer may take a moment to finish its thread
    while True:
        watchers = [t.name for t in threading.enumerate() if isinstance(t, BaseObserver | EventEmitter)]
        if not watchers or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    found += [f"watchdog thread still running: {name}" for name in watchers]
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QThreadPool
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is not None:
            found += [
                f"window still open: {type(w).__name__} {w.objectName()!r} {w.windowTitle()!r}"
                for w in QApplication.topLevelWidgets()
                if w.isVisible()
            ]
        pool = QThreadPool.globalInstance()
        if not pool.waitForDone(2000):
            found.append(f"QThreadPool jobs still running: {pool.activeThreadCount()}")
    return found


@pytest.fixture(autouse=True)
def _check_no_leftover_state():  # noqa: ANN202
    """Fail a test that leaves a window open, a watcher running or a pool job busy (then tidy up)."""
    yield
    if "tests.gui.window_helpers" in sys.modules:
        from tests.gui.window_helpers import close_test_windows

        close_test_windows()  # the windows the helpers opened: closed as the writer would
    leftovers = _leftover_state()
    if leftovers and "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.topLevelWidgets():
            widget.close()  # so one leak does not fail the tests after it
    assert not leftovers, "the test left state behind:\n" + "\n".join(leftovers)


def run_cli(*args: str, cwd: Path | None = None, stdin: str | None = None):  # noqa: ANN201
    """Run the real ``studio`` command line in a subprocess; return the CompletedProcess."""
    import subprocess

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "studio", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


class WatchBatches:
    """Collects a real ProjectWatcher's batches; ``wait_for`` blocks until a condition holds."""

    def __init__(self, project) -> None:  # noqa: ANN001
        import threading

        self.project = project
        self.batches: list[set[Path]] = []
        self.changed = threading.Condition()

    def __call__(self, paths: set[Path]) -> None:
        with self.changed:
            self.batches.append(paths)
            self.changed.notify_all()

    def wait_for(self, predicate) -> bool:  # noqa: ANN001
        """Wait (at most 10 s) until ``predicate(batches)`` holds; return whether it did."""
        with self.changed:
            return self.changed.wait_for(lambda: predicate(self.batches), timeout=10)

    def classified(self):  # noqa: ANN201
        """The batches so far, classified against the project."""
        from studio.core.safety.watcher import classify_changes

        return classify_changes(self.project, set().union(*self.batches))


@pytest.fixture
def watched(project):  # noqa: ANN001, ANN201
    """A running real watchdog observer over the requesting module's ``project`` fixture."""
    from studio.core.safety.watcher import ProjectWatcher

    batches = WatchBatches(project)
    watcher = ProjectWatcher(project.root, batches)
    watcher.start()
    yield batches
    watcher.stop()


@pytest.fixture(scope="session", autouse=True)
def _clipboard_handed_over_at_exit():  # noqa: ANN202
    """After the last test: what tests put on the clipboard becomes a copy Qt owns.

    PySide6 6.11 crashes at exit on mime data made in Python (the app does the same on quit).
    """
    yield
    from studio.gui.clipboard import hand_over_clipboard

    hand_over_clipboard()


@pytest.fixture(scope="session", autouse=True)
def _english_word_list_built() -> None:
    """Build the English word list once before the first test (a fresh machine takes ~15 s).

    It is cached in the user cache folder, as the app does; windows then check spelling
    within their usual waits, however clean the machine the suite runs on.
    """
    from studio.core.spelling.dictionary import Dictionary

    Dictionary.load("en")
