"""The views' models: the model tester, rows that follow the outline by id (no reset), edits as commands."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QAbstractTableModel, QModelIndex

from studio.app import commands
from studio.app.commands.labels import RemoveLabelCommand, SetSceneLabelsCommand
from studio.models.corkboard_model import CHIPS_ROLE, SYNOPSIS_ROLE, CorkboardModel
from studio.models.id_rows import IdRows, longest_ordered_run
from studio.models.label_filter import LabelFilterProxy
from studio.models.scene_table_model import COLUMN, SceneTableModel
from studio.models.story_rows_model import ID_ROLE, KIND_ROLE, SORT_ROLE
from studio.models.timeline_model import BACKWARDS_ROLE, NO_TIME_RANK, RANK_ROLE, TimelineModel
from tests.gui.outline_helpers import manifest
from tests.gui.views.view_helpers import label_id, labelled_session, scene_id

MODELS = (CorkboardModel, SceneTableModel, TimelineModel)


def ids_of(model) -> list[str]:  # noqa: ANN001
    return [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())]


def expected_ids(session, with_parts: bool) -> list[str]:  # noqa: ANN001
    ids = []
    for part in session.project.parts:
        ids += [part.id] if with_parts else []
        ids += [s.id for s in part.scenes]
    return ids


class Recorder:
    """Counts a model's structural signals."""

    def __init__(self, model) -> None:  # noqa: ANN001
        self.events: list[str] = []
        self.changed: list[tuple[int, int]] = []
        model.modelReset.connect(lambda: self.events.append("reset"))
        model.layoutChanged.connect(lambda *_: self.events.append("layout"))
        model.rowsMoved.connect(lambda *_: self.events.append("moved"))
        model.rowsInserted.connect(lambda *_: self.events.append("inserted"))
        model.rowsRemoved.connect(lambda *_: self.events.append("removed"))
        model.dataChanged.connect(lambda a, b, *_: self.changed.append((a.row(), b.row())))


@pytest.mark.parametrize("model_class", MODELS)
def test_models_and_their_filters_pass_the_model_tester(qtmodeltester, tmp_path, model_class):
    session = labelled_session(tmp_path / "p")
    model = model_class(session)
    qtmodeltester.check(model)
    proxy = LabelFilterProxy(keep_parts=model_class is CorkboardModel)
    proxy.setSourceModel(model)
    proxy.set_label(label_id(session, "Ghost"))
    qtmodeltester.check(proxy)
    # and after changes the model follows
    project = session.project
    session.push(commands.MoveScenesCommand(session, [scene_id(session, "Two 2")], project.parts[0].id, 0))
    session.push(commands.AddSceneCommand(session, project.parts[2].id))
    session.push(commands.DeleteCommand(session, [scene_id(session, "One 2")]))
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


@pytest.mark.parametrize("model_class", MODELS)
def test_rows_follow_moves_adds_and_undo_without_a_reset(qtbot, tmp_path, model_class):
    session = labelled_session(tmp_path / "p")
    model = model_class(session)
    with_parts = model_class is CorkboardModel
    record = Recorder(model)
    project = session.project
    moving = [scene_id(session, "One 1"), scene_id(session, "One 3")]
    session.push(commands.MoveScenesCommand(session, moving, project.parts[1].id, 1))
    assert ids_of(model) == expected_ids(session, with_parts)
    assert record.events == ["moved", "moved"]  # two scenes, two row moves: nothing else
    session.push(commands.MovePartCommand(session, project.parts[1].id, 0))
    assert ids_of(model) == expected_ids(session, with_parts)
    session.push(commands.AddPartCommand(session, 1, title="Middle"))
    session.push(commands.AddSceneCommand(session, project.parts[1].id))
    assert ids_of(model) == expected_ids(session, with_parts)
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert ids_of(model) == expected_ids(session, with_parts)
    assert "reset" not in record.events and "layout" not in record.events


def test_a_field_edit_repaints_only_its_card_and_part(qtbot, tmp_path):
    session = labelled_session(tmp_path / "p")
    model = CorkboardModel(session)
    record = Recorder(model)
    target = scene_id(session, "One 2")
    session.push(commands.SetSceneFieldsCommand(session, target, status="final"))
    rows = {model.row_of(target), model.row_of(session.project.parts[0].id)}
    assert {row for pair in record.changed for row in range(pair[0], pair[1] + 1)} == rows
    assert record.events == []


def test_corkboard_synopsis_edit_is_one_undo_step(qtbot, tmp_path):
    session = labelled_session(tmp_path / "p")
    model = CorkboardModel(session)
    before = manifest(session.project.root)
    index = model.index(model.row_of(scene_id(session, "One 2")), 0)
    assert model.setData(index, "She lights the lamp.")
    assert index.data(SYNOPSIS_ROLE) == "She lights the lamp."
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert index.data(SYNOPSIS_ROLE) == ""
    assert manifest(session.project.root) == before
    header = model.index(0, 0)
    assert header.data(KIND_ROLE) == "part"
    assert not model.setData(header, "a part has no synopsis here")


def test_labels_show_as_chips_and_follow_a_label_removed(qtbot, tmp_path):
    session = labelled_session(tmp_path / "p")
    model = CorkboardModel(session)
    card = model.index(model.row_of(scene_id(session, "Two 2")), 0)
    assert [name for name, _colour in card.data(CHIPS_ROLE)] == ["Ghost", "Storm"]
    assert card.data(CHIPS_ROLE)[0][1] == "#e0524d"
    assert card.data(CHIPS_ROLE)[1][1].startswith("#")  # no colour given: one made from the id
    session.push(RemoveLabelCommand(session, label_id(session, "Ghost")))
    assert [name for name, _colour in card.data(CHIPS_ROLE)] == ["Storm"]


def test_table_sorts_by_each_column_as_the_writer_expects(qtbot, tmp_path):
    session = labelled_session(tmp_path / "p")
    model = SceneTableModel(session)
    proxy = LabelFilterProxy()
    proxy.setSourceModel(model)

    def titles_sorted_by(key: str, descending: bool = False) -> list[str]:
        from PySide6.QtCore import Qt

        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        proxy.sort(COLUMN[key], order)
        return [proxy.index(row, COLUMN["title"]).data() for row in range(proxy.rowCount())]

    assert titles_sorted_by("part") == ["One 1", "One 2", "One 3", "Two 1", "Two 2"]
    assert titles_sorted_by("words", descending=True)[0] == "One 3"  # three words
    # dates first (a bare date before times), then free labels, then no story time
    assert titles_sorted_by("story_time") == ["One 3", "One 1", "One 2", "Two 1", "Two 2"]
    assert titles_sorted_by("pov")[:2] == ["Two 1", "One 2"]  # no POV sorts first, then Jon
    assert isinstance(proxy.index(0, COLUMN["edited"]).data(SORT_ROLE), float)


def test_table_edits_are_commands_and_undo(qtbot, tmp_path):
    session = labelled_session(tmp_path / "p")
    model = SceneTableModel(session)
    before = manifest(session.project.root)
    row = model.row_of(scene_id(session, "One 2"))
    assert model.setData(model.index(row, COLUMN["status"]), "revised")
    assert model.setData(model.index(row, COLUMN["pov"]), "Mara")
    assert model.setData(model.index(row, COLUMN["synopsis"]), "Jon waits.")
    assert model.setData(model.index(row, COLUMN["labels"]), [label_id(session, "Storm")])
    assert model.setData(model.index(row, COLUMN["story_time"]), "2024-05-04")
    assert not model.setData(model.index(row, COLUMN["story_time"]), "2024-02-30")  # no such day
    assert not model.setData(model.index(row, COLUMN["words"]), "12")  # not editable
    shown = [
        model.index(row, COLUMN[k]).data() for k in ("status", "pov", "synopsis", "labels", "story_time")
    ]
    assert shown == ["revised", "Mara", "Jon waits.", "Storm", "2024-05-04"]
    assert session.undo_stack.count() == 5
    for _ in range(5):
        session.undo_stack.undo()
    assert manifest(session.project.root) == before


def test_timeline_ranks_and_flashbacks(qtbot, tmp_path):
    session = labelled_session(tmp_path / "p")
    model = TimelineModel(session)

    def field(title: str, role: int):  # noqa: ANN202
        return model.index(model.row_of(scene_id(session, title)), 0).data(role)

    ranks = {t: field(t, RANK_ROLE) for t in ("One 1", "One 2", "One 3", "Two 1", "Two 2")}
    assert ranks == {"One 3": 0, "One 1": 1, "One 2": 2, "Two 1": 3, "Two 2": NO_TIME_RANK}
    assert [t for t in ranks if field(t, BACKWARDS_ROLE)] == ["One 3"]  # 1 May, after 2 and 3 May
    record = Recorder(model)
    session.push(
        commands.MoveScenesCommand(session, [scene_id(session, "One 3")], session.project.parts[0].id, 0)
    )
    assert not any(field(t, BACKWARDS_ROLE) for t in ranks)  # in order now
    assert record.changed  # every row told its mark may have changed
    session.undo_stack.undo()
    assert field("One 3", BACKWARDS_ROLE)


def test_filter_follows_labels_set_and_cleared(qtbot, tmp_path):
    session = labelled_session(tmp_path / "p")
    model = CorkboardModel(session)
    proxy = LabelFilterProxy(keep_parts=True)
    proxy.setSourceModel(model)
    proxy.set_label(label_id(session, "Storm"))
    shown = lambda: [proxy.index(r, 0).data() for r in range(proxy.rowCount())]  # noqa: E731
    assert shown() == ["One", "One 3", "Two", "Two 2", "Three"]
    session.push(
        SetSceneLabelsCommand.toggled(session, [scene_id(session, "One 1")], label_id(session, "Storm"), True)
    )
    assert shown() == ["One", "One 1", "One 3", "Two", "Two 2", "Three"]
    session.undo_stack.undo()
    assert shown() == ["One", "One 3", "Two", "Two 2", "Three"]
    proxy.set_label("")
    assert len(shown()) == 8


class _Rows(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows = IdRows(self)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, ANN001, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, ANN001, N802
        return 1

    def data(self, index, role=0):  # noqa: ANN001, ANN201
        return self.rows.ids[index.row()] if role == 0 else None


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from("abcdefghij"), unique=True), st.lists(st.sampled_from("abcdefghij"), unique=True)
)
def test_id_rows_reach_any_order_in_row_steps(first, second):
    model = _Rows()
    model.rows.follow(first)
    persistent = {i: model.index(r, 0) for r, i in enumerate(first)}
    from PySide6.QtCore import QPersistentModelIndex

    kept = {i: QPersistentModelIndex(index) for i, index in persistent.items()}
    model.rows.follow(second)
    assert model.rows.ids == second
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == second
    for node_id, index in kept.items():  # rows that stayed kept their identity through the moves
        assert (index.data() == node_id) if node_id in second else not index.isValid()


def test_longest_ordered_run():
    assert longest_ordered_run([]) == set()
    assert sorted(longest_ordered_run([3, 0, 1, 4, 2])) in ([1, 2, 3], [1, 2, 4])


def test_a_renamed_part_or_label_repaints_the_rows_showing_it(qtbot, tmp_path):
    from studio.app.commands.labels import EditLabelCommand

    session = labelled_session(tmp_path / "p")
    table, board = SceneTableModel(session), CorkboardModel(session)
    record = Recorder(table)
    session.push(commands.RenameCommand(session, session.project.parts[1].id, "Deux"))
    assert table.index(table.row_of(scene_id(session, "Two 1")), COLUMN["part"]).data() == "Deux"
    rows = {row for pair in record.changed for row in range(pair[0], pair[1] + 1)}
    assert rows == {table.row_of(scene_id(session, "Two 1")), table.row_of(scene_id(session, "Two 2"))}
    session.push(EditLabelCommand(session, label_id(session, "Ghost"), name="Phantom"))
    card = board.index(board.row_of(scene_id(session, "One 1")), 0)
    assert card.data(CHIPS_ROLE)[0][0] == "Phantom"
    assert table.index(table.row_of(scene_id(session, "Two 2")), COLUMN["labels"]).data() == "Phantom, Storm"


def test_a_saved_text_repaints_the_card_and_table_row_but_not_the_timeline(qtbot, tmp_path):
    session = labelled_session(tmp_path / "p")
    board, timeline = CorkboardModel(session), TimelineModel(session)
    on_board, on_timeline = Recorder(board), Recorder(timeline)
    target = scene_id(session, "One 2")
    session.scene_text_saved.emit(target)  # what the editor's autosave announces
    assert {r for pair in on_board.changed for r in pair} == {board.row_of(target), 0}  # the card, its part
    assert on_timeline.changed == []  # words are not on the timeline: no repaint every autosave


def test_corkboard_model_drops_follow_the_outline_rules(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    session = labelled_session(tmp_path / "p")
    model = CorkboardModel(session)
    project = session.project
    move = Qt.DropAction.MoveAction
    card = model.row_of(scene_id(session, "Two 1"))
    data = model.mimeData([model.index(card, 0)])
    three = model.index(model.row_of(project.parts[2].id), 0)
    assert model.canDropMimeData(data, move, -1, -1, three)
    assert not model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, three)
    assert model.dropMimeData(data, move, -1, -1, three) is False  # pushed; no view removes rows itself
    assert [s.title for s in project.parts[2].scenes] == ["Two 1"]  # on a part's line: at its end
    data = model.mimeData([model.index(model.row_of(scene_id(session, "Two 1")), 0)])
    before_one_2 = model.row_of(scene_id(session, "One 2"))
    model.dropMimeData(data, move, before_one_2, 0, QModelIndex())  # between rows: before "One 2"
    assert [s.title for s in project.parts[0].scenes] == ["One 1", "Two 1", "One 2", "One 3"]
    model.dropMimeData(data, move, model.row_of(project.parts[1].id), 0, QModelIndex())  # before "Two"
    assert [s.title for s in project.parts[0].scenes][-1] == "Two 1"  # the end of the part above
    assert session.undo_stack.count() == 3
