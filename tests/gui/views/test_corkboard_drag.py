"""The corkboard's acceptance: two cards dragged with the mouse from one part onto another; one Ctrl+Z."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.gui.outline_helpers import disk_titles, make_session, manifest

REPO = Path(__file__).resolve().parents[3]
PARTS = {"One": ["a", "b", "c"], "Two": ["d", "e"], "Three": ["f"]}


def test_dragging_two_cards_onto_another_part_then_ctrl_z(tmp_path):
    """Real clicks (Ctrl for the second card) and a real drag, in a process where QDrag runs a drag loop."""
    session = make_session(tmp_path / "p", PARTS)
    root = session.project.root
    before = manifest(root)
    env = dict(os.environ, QT_QPA_PLATFORM="minimal", PYTHONPATH=str(REPO))
    script = REPO / "tests/gui/views/corkboard_drag_with_mouse.py"
    result = subprocess.run(
        [sys.executable, str(script), str(root), "One 1", "One 3", "Two 2"],
        capture_output=True,
        text=True,
        env=env,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["events"] == ["drag loop running"]
    assert report["selected"] == ["One 1", "One 3"]
    assert report["outline"] == [
        ["One", ["One 2"]],
        ["Two", ["Two 1", "One 1", "One 3", "Two 2"]],
        ["Three", ["Three 1"]],
    ]
    assert report["undo"] == 1  # one drop, one undo step
    assert report["written"]
    assert report["restored"]  # one Ctrl+Z: story.json byte for byte
    assert manifest(root) == before
    assert [[p, s] for p, s in disk_titles(root)] == [
        ["One", ["One 1", "One 2", "One 3"]],
        ["Two", ["Two 1", "Two 2"]],
        ["Three", ["Three 1"]],
    ]
