"""Label and story-time commands: names, signals with ids, undo/redo restoring story.json byte for byte."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.app.changes import LabelChange, LabelChangeKind
from studio.app.commands.labels import (
    AddLabelCommand,
    EditLabelCommand,
    RemoveLabelCommand,
    SetSceneLabelsCommand,
    SetStoryTimeCommand,
)
from studio.core import load_project
from tests.gui.outline_helpers import make_session, manifest, scene_id


def test_every_step_undoes_and_redoes_byte_for_byte(qtbot, tmp_path):  # noqa: ANN001
    session = make_session(tmp_path / "p")
    project, stack = session.project, session.undo_stack
    first, second = scene_id(project, "One 1"), scene_id(project, "One 2")
    snapshots = [manifest(project.root)]
    add = AddLabelCommand(session, "Ghost")
    with qtbot.waitSignal(session.labels_changed) as blocker:
        session.push(add)
    assert add.text() == "Add Label “Ghost”"
    assert blocker.args == [LabelChange(LabelChangeKind.ADDED, (add.label_id,))]
    snapshots.append(manifest(project.root))
    makers = [
        lambda: SetSceneLabelsCommand.toggled(session, [first, second], add.label_id, True),
        lambda: SetStoryTimeCommand(session, first, "Day 3, evening", 3),
        lambda: EditLabelCommand(session, add.label_id, name="Haunting"),
        lambda: EditLabelCommand(session, add.label_id, colour="#123456"),
        lambda: RemoveLabelCommand(session, add.label_id),
    ]
    steps = []
    for make in makers:
        command = make()
        steps.append(command)
        session.push(command)
        assert command.error == ""
        snapshots.append(manifest(project.root))
    assert [c.text() for c in steps] == [
        "Set Label “Ghost”",
        "Set Story Time of “One 1”",
        "Rename Label “Ghost” to “Haunting”",
        "Recolour Label “Haunting”",
        "Delete Label “Haunting”",
    ]
    assert project.labels == [] and project.scene(first).labels == []
    for expected in reversed(snapshots[:-1]):
        stack.undo()
        assert manifest(project.root) == expected
    for expected in snapshots[1:]:
        stack.redo()
        assert manifest(project.root) == expected


def test_scene_changes_announce_each_scene_once(qtbot, tmp_path):  # noqa: ANN001
    session = make_session(tmp_path / "p")
    project = session.project
    first, second = scene_id(project, "One 1"), scene_id(project, "One 2")
    label = project.add_label("Ghost")
    seen: list[str] = []
    session.scene_changed.connect(seen.append)
    session.push(SetSceneLabelsCommand(session, {first: [label.id], second: [label.id]}))
    assert seen == [first, second]
    seen.clear()
    session.push(RemoveLabelCommand(session, label.id))
    assert sorted(seen) == sorted([first, second])
    seen.clear()
    session.undo_stack.undo()
    assert sorted(seen) == sorted([first, second])
    assert project.scene(first).labels == [label.id]


def test_a_refused_story_time_lands_nowhere(qtbot, tmp_path):  # noqa: ANN001
    session = make_session(tmp_path / "p")
    first = scene_id(session.project, "One 1")
    before = manifest(session.project.root)
    command = SetStoryTimeCommand(session, first, "2024-02-30")
    session.push(command)
    assert "'2024-02-30' is not a real date" in command.error
    assert session.undo_stack.count() == 0 and manifest(session.project.root) == before


STEPS = st.lists(
    st.tuples(
        st.sampled_from(["add", "toggle", "time", "rename", "colour", "remove", "undo"]),
        st.integers(0, 7),
        st.sampled_from(["2024-05-01", "2024-05-01T18:30", "Day 3, evening", "", "1999-12-31"]),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_any_history_undoes_and_redoes_byte_for_byte(qapp, tmp_path_factory, steps):  # noqa: ANN001
    session = make_session(tmp_path_factory.mktemp("p") / "p")
    project, stack = session.project, session.undo_stack
    scenes = [s.id for s in project.iter_scenes()]
    start = manifest(project.root)
    for kind, number, time in steps:
        labels = [label.id for label in project.labels]
        label = labels[number % len(labels)] if labels else None
        if kind == "add":
            session.push(AddLabelCommand(session, f"Thread {number}"))
        elif kind == "toggle" and label:
            scene = scenes[number % len(scenes)]
            on = label not in project.scene(scene).labels
            session.push(SetSceneLabelsCommand.toggled(session, [scene, scenes[0]], label, on))
        elif kind == "time":
            session.push(SetStoryTimeCommand(session, scenes[number % len(scenes)], time, number - 3))
        elif kind == "rename" and label:
            session.push(EditLabelCommand(session, label, name=f"Renamed {number}"))
        elif kind == "colour" and label:
            session.push(EditLabelCommand(session, label, colour=f"#{number:06x}"))
        elif kind == "remove" and label:
            session.push(RemoveLabelCommand(session, label))
        elif kind == "undo":
            stack.undo()
    assert [lab.id for lab in load_project(project.root).labels] == [lab.id for lab in project.labels]
    while stack.canRedo():  # the history's newest state
        stack.redo()
    end = manifest(project.root)
    while stack.canUndo():
        stack.undo()
    assert manifest(project.root) == start
    while stack.canRedo():
        stack.redo()
    assert manifest(project.root) == end
    stack.clear()
