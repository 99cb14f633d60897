"""Undo commands: each step's manifest on disk, split and merge texts, errors, keyboard moves."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studio.app import commands
from studio.core import load_project
from studio.gui.outline.view import OutlineView
from tests.gui.outline_helpers import (
    disk_titles,
    make_session,
    manifest,
    model_titles,
    part_id,
    scene_id,
    titles,
)


def scene_file(project, title: str) -> str:  # noqa: ANN001
    scene = project.scene(scene_id(project, title))
    return (project.root / "scenes" / scene.file).read_text("utf-8")


def test_undo_redo_sequence_matches_the_manifest_on_disk(qtbot, tmp_path):
    session = make_session(tmp_path / "p")
    project, stack = session.project, session.undo_stack
    root = project.root
    one_three = scene_id(project, "One 3")
    snapshots = [manifest(root)]
    steps = [
        lambda: commands.MoveScenesCommand(
            session, [scene_id(project, "One 1"), scene_id(project, "Two 2")], part_id(project, "Three"), 0
        ),
        lambda: commands.MovePartCommand(session, part_id(project, "Three"), 0),
        lambda: commands.AddSceneCommand(session, part_id(project, "Two"), 0, "Opening", "first words\n"),
        lambda: commands.AddPartCommand(session, 1, "Interlude"),
        lambda: commands.RenameCommand(session, part_id(project, "One"), "Beginning"),
        lambda: commands.SetSceneFieldsCommand(session, one_three, status="final", pov="Mara"),
        lambda: commands.DeleteCommand(session, [one_three, part_id(project, "Interlude")]),
        lambda: commands.RestoreCommand(session, [one_three]),
    ]
    for make in steps:
        command = make()
        fields_only = isinstance(command, commands.SetSceneFieldsCommand)  # a scene's fields, not the tree
        with qtbot.waitSignal(session.scene_changed if fields_only else session.outline_changed):
            session.push(command)
        snapshots.append(manifest(root))
        assert disk_titles(root) == titles(project)
    assert len(set(snapshots)) == len(snapshots)  # every step changed the manifest
    for index in range(len(steps) - 1, -1, -1):
        stack.undo()
        assert manifest(root) == snapshots[index], f"undo to step {index}"
    for index in range(1, len(steps) + 1):
        stack.redo()
        assert manifest(root) == snapshots[index], f"redo to step {index}"
    assert scene_file(project, "Opening") == "first words\n"


def test_synopsis_edits_merge_and_unchanged_edits_vanish(qtbot, tmp_path):
    session = make_session(tmp_path / "p")
    project, stack = session.project, session.undo_stack
    sid = scene_id(project, "One 1")
    before = manifest(project.root)
    for text in ("A", "A st", "A storm."):
        session.push(commands.SetSceneFieldsCommand(session, sid, synopsis=text))
    assert stack.count() == 1 and project.scene(sid).synopsis == "A storm."
    session.push(commands.SetSceneFieldsCommand(session, scene_id(project, "One 2"), synopsis="Calm."))
    assert stack.count() == 2  # another scene: no merge
    session.push(commands.RenameCommand(session, sid, "One 1"))  # same title: nothing to undo
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert manifest(project.root) == before


def test_split_and_merge_with_undo_redo_on_disk(qtbot, tmp_path):
    texts = {"One": ["The rain fell. The wind howled all night.", "Morning came."]}
    session = make_session(tmp_path / "p", texts)
    project, stack = session.project, session.undo_stack
    first = scene_id(project, "One 1")
    original = scene_file(project, "One 1")
    before = manifest(project.root)
    with qtbot.waitSignal(session.scene_text_replaced):
        split = commands.SplitSceneCommand(session, first, original.index("The wind") + 2)  # inside a word
        session.push(split)
    new_id = split.new_scene.id
    new_file = project.scene(new_id).file
    assert scene_file(project, "One 1") == "The rain fell.\n"
    assert (project.root / "scenes" / new_file).read_text("utf-8") == "The wind howled all night.\n"
    after_split = manifest(project.root)
    stack.undo()
    assert scene_file(project, "One 1") == original
    assert not (project.root / "scenes" / new_file).exists()
    assert manifest(project.root) == before
    stack.redo()
    assert project.scene(new_id).file == new_file  # the same id and file again
    assert manifest(project.root) == after_split
    second = scene_id(project, "One 2")
    session.push(commands.MergeScenesCommand(session, first, new_id))
    assert scene_file(project, "One 1") == "The rain fell.\n\nThe wind howled all night.\n"
    assert not (project.root / "scenes" / new_file).exists()
    stack.undo()
    assert scene_file(project, "One 1") == "The rain fell.\n"
    assert (project.root / "scenes" / new_file).read_text("utf-8") == "The wind howled all night.\n"
    assert manifest(project.root) == after_split
    assert [s.id for s in project.parts[0].scenes] == [first, new_id, second]


def test_undo_of_split_after_editing_keeps_every_word(qtbot, tmp_path):
    session = make_session(tmp_path / "p", {"One": ["alpha beta gamma delta"]})
    project = session.project
    first = scene_id(project, "One 1")
    split = commands.SplitSceneCommand(session, first, len("alpha beta "))
    session.push(split)
    project.set_scene_text(split.new_scene.id, "gamma delta epsilon\n")
    session.undo_stack.undo()
    assert scene_file(project, "One 1") == "alpha beta\n\ngamma delta epsilon\n"


def test_core_errors_are_reported_not_raised(qtbot, tmp_path):
    session = make_session(tmp_path / "p")
    project = session.project
    with qtbot.waitSignal(session.save_error) as blocker:
        command = commands.MergeScenesCommand(session, scene_id(project, "One 1"), scene_id(project, "Two 1"))
        session.push(command)
    assert "merged" in blocker.args[0]
    assert command.error and session.undo_stack.count() == 0
    read_only = make_session(tmp_path / "q")
    read_only.project = load_project(tmp_path / "q", read_only=True)
    with qtbot.waitSignal(read_only.save_error):
        read_only.push(commands.AddPartCommand(read_only, title="Nope"))
    assert read_only.undo_stack.count() == 0


def test_keyboard_moves_cross_part_boundaries(qtbot, tmp_path):
    session = make_session(tmp_path / "p")
    project = session.project
    view = OutlineView(session)
    qtbot.addWidget(view)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    sid = scene_id(project, "Two 1")
    view.select_ids([sid])
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert titles(project)[0] == ("One", ["One 1", "One 2", "One 3", "Two 1"])
    assert disk_titles(project.root) == titles(project) == model_titles(view.outline_model)
    assert view.selection_ids() == [sid]
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert titles(project)[1] == ("Two", ["Two 1", "Two 2"])
    view.select_ids([scene_id(project, "Two 1"), scene_id(project, "Two 2")])
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert titles(project)[1:] == [("Two", []), ("Three", ["Two 1", "Two 2"])]  # into the empty part
    view.select_ids([part_id(project, "Three")])
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [p for p, _ in titles(project)] == ["One", "Three", "Two"]
    assert disk_titles(project.root) == titles(project) == model_titles(view.outline_model)
    for _ in range(4):
        session.undo_stack.undo()
    assert titles(project) == titles(make_session(tmp_path / "fresh").project)


def test_view_actions_delete_rename_new_scene(qtbot, tmp_path):
    session = make_session(tmp_path / "p")
    project = session.project
    view = OutlineView(session)
    qtbot.addWidget(view)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    names = [a.objectName() for a in view.actions_for_menu()]
    assert names == [
        "newSceneAction",
        "newPartAction",
        "renameAction",
        "moveUpAction",
        "moveDownAction",
        "deleteAction",
    ]
    activated = []
    view.scene_activated.connect(activated.append)
    view.select_ids([scene_id(project, "One 2")])
    view.setCurrentIndex(view.outline_model.index_for_id(scene_id(project, "One 2")))
    view.setFocus()
    view.new_scene_action.trigger()
    assert [s.title for s in project.parts[0].scenes] == ["One 1", "One 2", "New Scene", "One 3"]
    assert view.state() == view.State.EditingState  # ready to type the title
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Escape)
    assert view.state() != view.State.EditingState
    new_id = project.parts[0].scenes[2].id
    assert activated[-1] == new_id
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [s.title for s in project.parts[0].scenes] == ["One 1", "One 2", "One 3"]
    assert [item.node.id for item in project.trash] == [new_id]
    view.merge_action.trigger()
    assert view.current_id() is not None
