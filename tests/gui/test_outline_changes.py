"""Signals that say what changed (issue 11): the outline model applies each change in row steps.

Any sequence of moves, adds, deletes, restores, undos and redos keeps the model equal
to the project without a reset, a layout change or a whole-tree comparison.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.app import commands
from studio.app.changes import OutlineChangeKind
from studio.models.outline_model import OutlineModel
from tests.gui.outline_helpers import make_session, model_titles, titles

STEPS = st.lists(
    st.tuples(
        st.sampled_from(["move scenes", "move part", "add", "delete", "undo", "redo"]),
        st.lists(st.integers(0, 20), min_size=1, max_size=3, unique=True),
        st.integers(0, 6),
        st.integers(0, 6),
    ),
    max_size=12,
)


def _command(session, action: str, picks: list[int], part_pick: int, row: int):  # noqa: ANN202
    project = session.project
    scenes = [s.id for s in project.iter_scenes()]
    parts = [p.id for p in project.parts]
    part = parts[part_pick % len(parts)]
    if action == "move scenes" and scenes:
        ids = list(dict.fromkeys(scenes[i % len(scenes)] for i in picks))
        return commands.MoveScenesCommand(session, ids, part, row)
    if action == "move part":
        return commands.MovePartCommand(session, part, row % len(parts))
    if action == "add":
        return commands.AddSceneCommand(session, part, None, "Added", "added words\n")
    if action == "delete" and scenes:
        return commands.DeleteCommand(session, [scenes[picks[0] % len(scenes)]])
    return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_any_sequence_of_edits_is_followed_in_row_steps(qtbot, tmp_path_factory, steps) -> None:
    session = make_session(tmp_path_factory.mktemp("p") / "story")
    model = OutlineModel(session)
    seen: list[str] = []
    model.modelReset.connect(lambda: seen.append("reset"))
    model.layoutChanged.connect(lambda *_: seen.append("layout"))
    for action, picks, part_pick, row in steps:
        if action == "undo":
            session.undo_stack.undo()
        elif action == "redo":
            session.undo_stack.redo()
        else:
            command = _command(session, action, picks, part_pick, row)
            if command is not None:
                session.push(command)
        assert model_titles(model) == titles(session.project)
    assert seen == []
    assert model.drift_repairs == 0


def test_a_move_says_which_scenes_moved(qtbot, tmp_path) -> None:
    session = make_session(tmp_path / "p")
    project = session.project
    ids = [project.parts[0].scenes[0].id, project.parts[1].scenes[1].id]
    with qtbot.waitSignal(session.outline_changed) as blocker:
        session.push(commands.MoveScenesCommand(session, ids, project.parts[2].id, 0))
    change = blocker.args[0]
    assert change.kind == OutlineChangeKind.MOVED and change.ids == tuple(ids)
    with qtbot.waitSignal(session.outline_changed) as blocker:
        session.undo_stack.undo()
    assert blocker.args[0].kind == OutlineChangeKind.MOVED


def test_a_rename_says_which_node(qtbot, tmp_path) -> None:
    session = make_session(tmp_path / "p")
    part = session.project.parts[1].id
    with qtbot.waitSignal(session.outline_changed) as blocker:
        session.push(commands.RenameCommand(session, part, "Middle"))
    assert blocker.args[0].kind == OutlineChangeKind.RENAMED and blocker.args[0].ids == (part,)
