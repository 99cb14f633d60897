"""Attacks on the Proofread panel in the real window (issue 18, branch proof)."""

from __future__ import annotations

from studio.gui.proofreading.feature import ProofreadingFeature
from tests.gui.window_helpers import make_story, open_test_window

TEXTS = {"One": ["It was the the end.", "A calm scene."], "Two": ["Quiet."]}


def test_an_unreadable_scene_file_does_not_stop_the_panel_checking_the_others(qtbot, tmp_path):  # noqa: ANN001
    project = make_story(tmp_path / "story", TEXTS)
    broken = project.root / "scenes" / project.parts[1].scenes[0].file
    broken.unlink()
    broken.mkdir()  # a folder where a scene file should be: the window opens the project anyway
    window = open_test_window(qtbot, project.root)
    window.show_scene(project.parts[0].scenes[0].id)
    feature = ProofreadingFeature.instance(window)
    feature.show_panel()
    panel = feature.panel
    qtbot.waitUntil(lambda: panel.proof is not None, timeout=5000)
    assert [row.text(0) for row in panel.finding_rows()] == ["1:8  “the” twice in a row"]
    assert panel.status.text().count("could not be read") == 1  # said once, in the status line
