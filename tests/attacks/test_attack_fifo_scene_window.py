"""Attack on the window (main): a scene file that is a FIFO must not hang the window's opening."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from studio.app.session import ProjectSession
from studio.core import load_project
from studio.gui.characters.appearance_tracker import AppearanceTracker
from tests.gui.window_helpers import make_story

REPO = Path(__file__).resolve().parents[2]


def test_the_window_opens_on_a_project_whose_scene_file_is_a_fifo(tmp_path):  # noqa: ANN001
    project = make_story(tmp_path / "story", {"One": ["Mara at the lamp.", "Calm."], "Two": ["Quiet."]})
    fifo = project.root / "scenes" / project.parts[1].scenes[0].file
    fifo.unlink()
    os.mkfifo(fifo)  # `studio check`, `export` and the editor refuse it in one line; the window must too
    shot = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "studio", str(project.root), "--screenshot", str(shot)],
            capture_output=True,
            text=True,
            env=env,
            timeout=30,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the window did not open within 30 s (blocked opening the FIFO)")
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 0


def test_the_appearance_scan_off_the_gui_thread_counts_a_fifo_scene_as_empty(qtbot, tmp_path):  # noqa: ANN001
    texts = [f"Mara at the lamp, night {n}." for n in range(AppearanceTracker.THREAD_THRESHOLD + 5)]
    project = make_story(tmp_path / "story", {"One": texts})
    project.add_character("Mara")
    fifo_scene = project.parts[0].scenes[3]
    fifo = project.root / "scenes" / fifo_scene.file
    fifo.unlink()
    os.mkfifo(fifo)
    session = ProjectSession(load_project(project.root))
    tracker = AppearanceTracker(session)  # more scenes than the threshold: scanned on a pool thread
    assert tracker.wait_idle(20000)
    qtbot.waitUntil(lambda: not tracker.busy, timeout=5000)
    assert tracker.index.scenes[fifo_scene.id] == {}
    assert len([s for s in tracker.index.scenes.values() if s]) == len(texts) - 1
    tracker.rescan_scene(fifo_scene.id)  # after a save elsewhere: still no hang, no error
    assert tracker.index.scenes[fifo_scene.id] == {}
