"""The window from the command line: ``studio PROJECT --screenshot FILE.png [--size WxH]``."""

from __future__ import annotations

from PySide6.QtGui import QImage

from tests.conftest import run_cli
from tests.gui.window_helpers import make_story


def test_screenshot_of_project_window(tmp_path):
    project = make_story(tmp_path / "story")
    target = tmp_path / "shot.png"
    result = run_cli(str(project.root), "--screenshot", str(target), "--size", "900x600")
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert not image.isNull()
    assert (image.width(), image.height()) == (900, 600)
    colours = {image.pixel(x, y) for x in range(0, 900, 7) for y in range(0, 600, 7)}
    assert len(colours) > 10  # text and panels, not a blank image


def test_screenshot_of_a_folder_that_is_not_a_project(tmp_path):
    result = run_cli(str(tmp_path), "--screenshot", str(tmp_path / "shot.png"))
    assert result.returncode == 1
    assert "not a Story Studio project" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "shot.png").exists()


def test_bad_size_is_a_one_line_error(tmp_path):
    project = make_story(tmp_path / "story")
    result = run_cli(str(project.root), "--screenshot", str(tmp_path / "s.png"), "--size", "big")
    assert result.returncode == 1
    assert "expected WIDTHxHEIGHT" in result.stderr
