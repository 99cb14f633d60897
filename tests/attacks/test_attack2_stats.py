"""Attacks on goals and statistics: a damaged stats.json, zoom extremes, focus mode then close."""

from __future__ import annotations

import os

import pytest

from tests.conftest import run_cli
from tests.gui.window_helpers import make_story, open_test_window

DEEP = '{"format": 1, "days": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
HUGE_NUMBER = '{"format": 1, "days": {"2026-01-01": {"added": ' + "9" * 5000 + "}}}\n"


def test_a_deeply_nested_stats_file_does_not_stop_the_window_opening(tmp_path):
    """Promise (README, Goals): a damaged stats.json is left out and counting starts again; the
    window opens. Steps: write stats.json as 100,000 nested arrays, open the window. It raises
    RecursionError: json.loads is only guarded for JSONDecodeError.
    Suspected: studio/core/stats.py parse_stats (catch RecursionError/ValueError)."""
    project = make_story(tmp_path / "story")
    (project.root / "stats.json").write_text(DEEP, encoding="utf-8")
    done = run_cli(str(project.root), "--screenshot", str(tmp_path / "shot.png"))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-300:]


def test_a_huge_number_in_stats_does_not_stop_the_window_opening(tmp_path):
    """Promise: a damaged day is left out. Steps: a day whose `added` is a 5,000-digit integer,
    open the window. Python's int-digit limit raises ValueError (not JSONDecodeError) out of
    json.loads. Suspected: studio/core/stats.py parse_stats."""
    project = make_story(tmp_path / "story")
    (project.root / "stats.json").write_text(HUGE_NUMBER, encoding="utf-8")
    done = run_cli(str(project.root), "--screenshot", str(tmp_path / "shot.png"))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-300:]


BAD_TYPES = [
    "[1, 2, 3]\n",
    '{"days": [1]}\n',
    '{"days": {"2026-01-01": [1], "x": {}, "2026-02-30": {"added": 1}}}\n',
    '{"days": {"2026-01-01": {"added": -5, "deleted": true, "minutes": 1e308}}}\n',
    '{"days": {"2026-01-01": {"added": NaN}}}\n',
    '{"days": {"9999-12-31": {"added": 10000000}, "0001-01-01": {"deleted": 10000000}}}\n',
    "\xff\xfe not utf8",
]


@pytest.mark.parametrize("text", BAD_TYPES)
def test_wrong_types_in_stats_open_and_close_and_statistics_show(qtbot, tmp_path, text):
    project = make_story(tmp_path / "story")
    (project.root / "stats.json").write_text(text, encoding="utf-8", errors="surrogateescape")
    window = open_test_window(qtbot, project.root)
    window.findChild(type(window.menuBar().actions()[0]), "statisticsAction").trigger()
    qtbot.wait(10)
    window.editor.insertPlainText("more words typed here ")
    assert window.close()


def test_a_fifo_in_place_of_stats_neither_hangs_opening_nor_closing(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    os.mkfifo(project.root / "stats.json")
    window = open_test_window(qtbot, project.root)
    window.editor.insertPlainText("typing words ")
    window.editor.save_now() if hasattr(window.editor, "save_now") else None
    assert window.close()


def test_zoom_to_the_extremes_and_back(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    actions = {a.objectName(): a for a in window.findChildren(type(window.menuBar().actions()[0]))}
    zoom_in = next(a for n, a in actions.items() if "zoomin" in n.lower().replace("_", ""))
    zoom_out = next(a for n, a in actions.items() if "zoomout" in n.lower().replace("_", ""))
    size = window.editor.font().pointSizeF()
    for _ in range(200):
        zoom_in.trigger()
    big = window.editor.font().pointSizeF()
    for _ in range(400):
        zoom_out.trigger()
    small = window.editor.font().pointSizeF()
    assert 0 < small <= size <= big < 1000
    window.editor.insertPlainText("x")
    assert window.close()


def test_focus_mode_then_close_keeps_panels_for_next_time(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    actions = {a.objectName(): a for a in window.findChildren(type(window.menuBar().actions()[0]))}
    focus = next(a for n, a in actions.items() if "focus" in n.lower())
    focus.trigger()
    assert not window.menuBar().isVisible()
    assert window.close()
    again = open_test_window(qtbot, project.root)
    assert again.menuBar().isVisible() and again.statusBar().isVisible()
