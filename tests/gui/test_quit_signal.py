"""Ctrl+C or SIGTERM from the shell closes the window as Quit does: saved, unlocked, no traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.core import create_project
from tests.conftest import REPO


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_signal_closes_the_window_cleanly(tmp_path: Path, number: int) -> None:
    project = create_project(tmp_path / "story", "Signals")
    lock = project.root / ".studio" / "lock"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STUDIO_CONFIG_DIR=str(tmp_path / "config"))
    child = subprocess.Popen(
        [sys.executable, "-m", "studio", str(project.root)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not lock.exists():  # the window holds the lock once the project is open
            assert child.poll() is None, child.communicate()[1]
            assert time.monotonic() < deadline, "the window never opened"
            time.sleep(0.05)
        child.send_signal(number)
        _out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, err
    assert "Traceback" not in err
    assert not lock.exists(), "a clean close releases the lock"
