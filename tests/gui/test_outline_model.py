"""The outline model: shape, data, model tester before and after edits, small update signals."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt

from studio.app import commands
from studio.models.outline_model import STATUS_ROLE, WORDS_COLUMN, OutlineModel
from tests.gui.outline_helpers import make_session, manifest, model_titles, part_id, scene_id, titles


def test_model_mirrors_the_project(qtbot, tmp_path):
    session = make_session(tmp_path / "p")
    model = OutlineModel(session)
    assert model_titles(model) == titles(session.project)
    one = model.index_for_id(part_id(session.project, "One"))
    assert model.is_part(one)
    assert model.index(0, WORDS_COLUMN, one).data() == "2"
    assert one.siblingAtColumn(WORDS_COLUMN).data() == "6"  # a part shows its total
    scene = model.index_for_id(scene_id(session.project, "One 3"))
    assert not model.is_part(scene)
    assert model.node_id(scene) == scene_id(session.project, "One 3")
    assert model.parent(scene) == one
    assert scene.data(Qt.ItemDataRole.DecorationRole) is not None
    assert scene.data(STATUS_ROLE) == "draft"
    assert model.rowCount(scene) == 0
    assert not model.flags(scene) & Qt.ItemFlag.ItemIsDropEnabled  # never nest inside a scene
    assert model.flags(one) & Qt.ItemFlag.ItemIsDropEnabled


def test_model_tester_before_and_after_mutations(qtbot, qtmodeltester, tmp_path):
    session = make_session(tmp_path / "p")
    project = session.project
    model = OutlineModel(session)
    qtmodeltester.check(model, force_py=True)
    three = part_id(project, "Three")
    session.push(
        commands.MoveScenesCommand(
            session, [scene_id(project, "One 1"), scene_id(project, "Two 2")], three, 0
        )
    )
    session.push(commands.AddPartCommand(session, 0, "Zero"))
    session.push(commands.AddSceneCommand(session, part_id(project, "Zero"), None, "Fresh", "new words"))
    session.push(commands.DeleteCommand(session, [scene_id(project, "One 2"), part_id(project, "Two")]))
    session.push(commands.MovePartCommand(session, three, 0))
    assert model_titles(model) == titles(project)
    while session.undo_stack.canUndo():  # the tester, still connected, checks every step
        session.undo_stack.undo()
        assert model_titles(model) == titles(project)
    session.undo_stack.setIndex(session.undo_stack.count())
    assert model_titles(model) == titles(project)
    qtmodeltester.check(OutlineModel(session), force_py=True)  # a fresh model over the changed project


def test_rename_through_set_data_is_undoable(qtbot, tmp_path):
    session = make_session(tmp_path / "p")
    model = OutlineModel(session)
    before = manifest(session.project.root)
    index = model.index_for_id(scene_id(session.project, "Two 1"))
    assert model.setData(index, "Storm", Qt.ItemDataRole.EditRole)
    assert index.data() == "Storm"
    assert session.undo_stack.count() == 1
    assert b'"Storm"' in manifest(session.project.root)
    session.undo_stack.undo()
    assert index.data() == "Two 1"
    assert manifest(session.project.root) == before
    part = model.index_for_id(part_id(session.project, "One"))
    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(part, "Opening")
    assert part.data() == "Opening"
    assert not model.setData(part, "   ")  # an empty title is refused
    assert session.undo_stack.count() == 1


def test_single_moves_use_move_signals_not_resets(qtbot, tmp_path):
    session = make_session(tmp_path / "p")
    project = session.project
    model = OutlineModel(session)
    seen: list[str] = []
    model.modelReset.connect(lambda: seen.append("reset"))
    model.layoutChanged.connect(lambda *_: seen.append("layout"))
    model.rowsMoved.connect(lambda *_: seen.append("moved"))
    model.rowsInserted.connect(lambda *_: seen.append("inserted"))
    model.rowsRemoved.connect(lambda *_: seen.append("removed"))
    one_1, two = scene_id(project, "One 1"), part_id(project, "Two")
    session.push(commands.MoveScenesCommand(session, [one_1], two, 1))
    session.push(commands.MovePartCommand(session, part_id(project, "Three"), 0))
    session.push(commands.AddSceneCommand(session, part_id(project, "Three")))
    session.push(commands.DeleteCommand(session, [scene_id(project, "One 2")]))
    assert seen == ["moved", "moved", "inserted", "removed"]
    keep = QPersistentModelIndex(model.index_for_id(scene_id(project, "Two 2")))
    ids = [scene_id(project, t) for t in ("One 3", "Two 2")]
    session.push(commands.MoveScenesCommand(session, ids, part_id(project, "Three"), 1))
    # A scattered multi-move: the model applies the move it asked for, one row move per scene
    # (issue 11: minimal beginMoveRows, no layout change, no reset).
    assert seen[-2:] == ["moved", "moved"] and "layout" not in seen
    assert model.node_id(keep) == ids[1]
    assert "reset" not in seen
    assert model_titles(model) == titles(project)


def test_word_counts_follow_saved_text(qtbot, tmp_path):
    session = make_session(tmp_path / "p")
    project = session.project
    model = OutlineModel(session)
    sid = scene_id(project, "One 2")
    project.set_scene_text(sid, "one two three four\n")
    with qtbot.waitSignal(model.dataChanged) as blocker:
        session.scene_text_saved.emit(sid)
    assert model.node_id(blocker.args[0]) in {sid, part_id(project, "One")}
    assert model.index_for_id(sid, WORDS_COLUMN).data() == "4"
    assert model.index_for_id(part_id(project, "One"), WORDS_COLUMN).data() == "9"


def test_status_change_updates_decoration(qtbot, tmp_path):
    session = make_session(tmp_path / "p")
    model = OutlineModel(session)
    sid = scene_id(session.project, "One 1")
    with qtbot.waitSignal(model.dataChanged):
        session.push(commands.SetSceneFieldsCommand(session, sid, status="final"))
    assert model.index_for_id(sid).data(STATUS_ROLE) == "final"
    session.push(commands.SetSceneFieldsCommand(session, sid, status="needs a polish"))
    assert model.index_for_id(sid).data(STATUS_ROLE) == "needs a polish"
    assert model.index_for_id(sid).data(Qt.ItemDataRole.DecorationRole) is not None
