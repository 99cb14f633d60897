"""Attack on the window (main): a scene file that is a FIFO must not hang the window's opening."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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
