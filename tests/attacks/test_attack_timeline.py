"""Attacks on story time and the timeline (issue 17, viewscore/viewsgui): labels as writers write them."""

from __future__ import annotations

from studio.app.commands.labels import SetStoryTimeCommand
from studio.models.timeline_model import BACKWARDS_ROLE, RANK_ROLE, TimelineModel
from tests.gui.outline_helpers import make_session


def test_day_2_then_day_10_is_in_order_and_no_flashback(qtbot, qtmodeltester, tmp_path):  # noqa: ANN001
    session = make_session(tmp_path / "p", {"One": ["a", "b", "c", "d"]})
    ids = [s.id for s in session.project.iter_scenes()]
    for scene_id, when in zip(ids, ["Day 1", "Day 2", "Day 9", "Day 10, evening"], strict=True):
        session.run(SetStoryTimeCommand(session, scene_id, when))  # set in the window without an order
    model = TimelineModel(session)
    qtmodeltester.check(model)
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    assert [i.data(RANK_ROLE) for i in rows] == [0, 1, 2, 3]
    assert [i.data(BACKWARDS_ROLE) for i in rows] == [False] * 4
