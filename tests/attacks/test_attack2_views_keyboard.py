"""Attacks on the views (issue 17) used with the keyboard only."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.views.test_views_window import show, window  # noqa: F401
from tests.gui.views.view_helpers import scene_id


def test_the_timeline_opens_a_scene_from_the_keyboard(window, qtbot) -> None:  # noqa: ANN001, F811
    """Promise (issue 17 §5 "click a scene to open it"; COMMON: what a polished desktop app does):
    the timeline takes the keyboard focus (StrongFocus) yet End, arrows and Return do nothing, so
    a scene cannot be reached without a mouse (the corkboard and table can). Steps: View ›
    Timeline, focus it, press End then Return: the editor still shows "One 1". Suspected:
    studio/gui/views/timeline/view.py (no keyPressEvent, no current scene)."""
    timeline = show(window, "Timeline")
    assert window.editor.current_scene_id() == scene_id(window.session, "One 1")
    timeline.setFocus()
    assert timeline.hasFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_End)
    qtbot.keyClick(timeline, Qt.Key.Key_Return)
    assert window.editor.current_scene_id() != scene_id(window.session, "One 1")
