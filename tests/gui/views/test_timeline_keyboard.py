"""The timeline from the keyboard: arrows along story time and across lanes, Home/End, Enter opens."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studio.app.commands import SetSceneFieldsCommand
from studio.app.commands.labels import SetStoryTimeCommand
from tests.gui.views.test_views_window import show, window  # noqa: F401
from tests.gui.views.view_helpers import scene_id


def test_arrows_walk_story_time_and_enter_opens_the_scene(window, qtbot) -> None:  # noqa: ANN001, F811
    session = window.session
    titles = ["One 1", "One 2", "One 3"]
    for day, title in enumerate(titles, start=1):
        session.push(SetStoryTimeCommand(session, scene_id(session, title), f"2024-05-0{day}"))
    timeline = show(window, "Timeline")
    timeline.setFocus()
    assert timeline.current_id == scene_id(session, "One 1")  # the open scene
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    assert timeline.current_id == scene_id(session, "One 2")
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    qtbot.keyClick(timeline, Qt.Key.Key_Left)  # at the first box it stays
    assert timeline.current_id == scene_id(session, "One 1")
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    qtbot.keyClick(timeline, Qt.Key.Key_Return)
    assert window.editor.current_scene_id() == scene_id(session, "One 3")
    qtbot.keyClick(timeline, Qt.Key.Key_Home)
    first = timeline.current_id
    qtbot.keyClick(timeline, Qt.Key.Key_End)
    assert timeline.current_id != first


def test_up_and_down_go_to_the_nearest_scene_in_the_next_lane(window, qtbot) -> None:  # noqa: ANN001, F811
    session = window.session
    one, two = scene_id(session, "One 1"), scene_id(session, "One 2")
    session.push(SetStoryTimeCommand(session, one, "2024-05-01"))
    session.push(SetStoryTimeCommand(session, two, "2024-05-01"))
    session.push(SetSceneFieldsCommand(session, two, pov="Zed"))  # a lane of its own
    timeline = show(window, "Timeline")
    timeline.setFocus()
    timeline.set_current(one)
    lower = timeline.box_of(two).center().y() > timeline.box_of(one).center().y()
    towards, back = (Qt.Key.Key_Down, Qt.Key.Key_Up) if lower else (Qt.Key.Key_Up, Qt.Key.Key_Down)
    qtbot.keyClick(timeline, towards)
    assert timeline.current_id == two
    qtbot.keyClick(timeline, back)
    assert timeline.current_id == one
