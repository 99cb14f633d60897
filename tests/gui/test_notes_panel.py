"""The Places & Things panel in the real window; the Labels dialog, the Threads view and their models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from studio.app.changes import OutlineChangeKind
from studio.app.commands.labels import AddLabelCommand, SetSceneLabelsCommand
from studio.app.session import ProjectSession
from studio.core import load_project
from studio.gui.labels.feature import LabelsFeature
from studio.gui.notes.feature import NotesFeature
from studio.gui.notes.tracker import NotesTracker
from studio.models.labels_model import LabelsModel
from studio.models.notes_model import NotesModel
from studio.models.threads_model import ThreadsModel
from tests.gui.window_helpers import make_story, open_test_window

TEXTS = {
    "One": ["Mara walked to Harrow Point. Harrow Point’s lamp was dark. The Point slept.", "The wind."],
    "Two": ["Rain at the Point. The letter lay on the table."],
}


def make_bible(root: Path):  # noqa: ANN201
    project = make_story(root, TEXTS)
    project.add_note("Harrow Point", "place", aliases=["the Point"])
    project.add_note("the letter", "thing")
    return project


@pytest.fixture
def window(qtbot, tmp_path):  # noqa: ANN001, ANN201
    make_bible(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    yield window
    if shiboken6.isValid(window):
        window.session.undo_stack.clear()


def test_models_pass_the_model_tester(qtmodeltester, tmp_path, qapp):  # noqa: ANN001
    project = make_bible(tmp_path / "story")
    session = ProjectSession(project)
    tracker = NotesTracker(session)
    notes = NotesModel(project, tracker.index)
    qtmodeltester.check(notes)
    assert [notes.index(r, 0).data() for r in range(notes.rowCount())] == ["Harrow Point", "the letter"]
    assert [notes.index(r, 1).data() for r in range(notes.rowCount())] == ["Place", "Thing"]
    assert [notes.index(r, 2).data() for r in range(notes.rowCount())] == [2, 1]
    labels, threads = LabelsModel(session), ThreadsModel(session)
    qtmodeltester.check(labels)
    qtmodeltester.check(threads)
    first, second, third = (s.id for s in project.iter_scenes())
    session.run(AddLabelCommand(session, "Ghost"))
    session.run(AddLabelCommand(session, "Love", "#336699"))
    ghost, love = (label.id for label in project.labels)
    session.run(SetSceneLabelsCommand(session, {first: [ghost], second: [ghost, love], third: [love]}))
    qtmodeltester.check(labels)
    qtmodeltester.check(threads)
    cells = [
        [threads.index(r, c).data() for c in range(threads.columnCount())] for r in range(threads.rowCount())
    ]
    assert cells == [["2", ""], ["1", "1"]]
    assert threads.headerData(0, Qt.Orientation.Vertical) == "Ghost"
    assert threads.headerData(1, Qt.Orientation.Horizontal) == "Two"
    assert threads.index(1, 1).data(Qt.ItemDataRole.BackgroundRole).name() == "#336699"
    from studio.app.commands.notes import AddNoteCommand, DeleteNoteCommand

    add = AddNoteCommand(session, "Sunnydale", "place")
    session.run(add)
    notes.sync()
    qtmodeltester.check(notes)
    session.run(DeleteNoteCommand(session, project.notes[0].id))
    notes.sync()
    qtmodeltester.check(notes)
    assert [notes.index(r, 0).data() for r in range(notes.rowCount())] == ["the letter", "Sunnydale"]
    project.add_part("Three")
    session.announce(OutlineChangeKind.ADDED, [project.parts[-1].id])
    assert threads.columnCount() == 3 and threads.headerData(2, Qt.Orientation.Horizontal) == "Three"
    qtmodeltester.check(threads)


def test_the_panel_adds_edits_and_deletes_undoably(window, qtbot):  # noqa: ANN001
    feature = NotesFeature.instance(window)
    feature.tracker.wait_idle()
    feature.show_panel()
    panel = feature.panel
    assert panel.model.rowCount() == 2
    panel.select_entry(window.session.project.notes[0].id)
    assert panel.name_edit.text() == "Harrow Point"
    assert panel.appearances_label.text() == "Appearances: 4 mentions in 2 scenes"
    before = (window.session.project.root / "story.json").read_bytes()
    new_id = panel.new_note("thing")
    assert new_id is not None and panel.name_edit.text() == "New Thing"
    qtbot.keyClicks(panel.name_edit, "Blue Lantern")  # typed over the selected default name
    qtbot.keyClick(panel.name_edit, Qt.Key.Key_Return)
    panel.aliases_edit.setText("the lantern, the Lantern")
    panel.aliases_edit.editingFinished.emit()
    note = window.session.project.note(new_id)
    assert (note.name, note.aliases) == ("Blue Lantern", ["the lantern", "the Lantern"])
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("place"))
    panel.kind_combo.activated.emit(panel.kind_combo.currentIndex())
    assert window.session.project.note(new_id).kind == "place"
    panel.notes_edit.setPlainText("Hangs over the harbour door.")
    panel.notes_edit.save()
    assert window.session.project.note_text(new_id) == "Hangs over the harbour door."
    panel.delete_note()
    assert all(n.id != new_id for n in window.session.project.notes)
    stack = window.session.undo_stack
    stack.undo()  # the delete
    assert window.session.project.note_text(new_id) == "Hangs over the harbour door."
    for _ in range(4):  # kind, aliases, name, add
        stack.undo()
    assert (window.session.project.root / "story.json").read_bytes() == before
    assert panel.model.rowCount() == 2


def test_an_appearance_opens_the_scene_at_the_mention(window, qtbot):  # noqa: ANN001
    feature = NotesFeature.instance(window)
    feature.tracker.wait_idle()
    feature.show_panel()
    panel = feature.panel
    panel.select_entry(window.session.project.notes[0].id)
    view = panel.appearances_view
    second_row = view.visualRect(panel.appearances.index(1, 0)).center()
    with qtbot.waitSignal(window.session.open_scene_requested) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(second_row))
    third = list(window.session.project.iter_scenes())[2]
    assert blocker.args == [third.id, 8, 9]  # "the Point" in "Rain at the Point."


def test_labels_dialog_and_threads_view(window, qtbot):  # noqa: ANN001
    feature = LabelsFeature.instance(window)
    dialog = feature.show_labels()
    qtbot.keyClicks(dialog.name_edit, "Ghost")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    project = window.session.project
    assert [label.name for label in project.labels] == ["Ghost"]
    dialog.name_edit.setText("ghost")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "there is already a label 'Ghost'" and len(project.labels) == 1
    dialog.name_edit.setText("Haunting")
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    dialog.set_colour(QColor("#123456"))
    label = project.labels[0]
    assert (label.name, label.colour) == ("Haunting", "#123456")
    first = next(project.iter_scenes()).id
    window.session.run(SetSceneLabelsCommand(window.session, {first: [label.id]}))
    threads = feature.show_threads()
    assert threads.model.index(0, 0).data() == "1"
    before = (project.root / "story.json").read_bytes()
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert project.labels == [] and project.scene(first).labels == []
    assert threads.model.rowCount() == 0
    window.session.undo_stack.undo()
    assert (project.root / "story.json").read_bytes() == before
    assert threads.model.rowCount() == 1 and threads.model.index(0, 0).data() == "1"
    assert load_project(project.root).scene(first).labels == [label.id]


def test_labels_and_story_time_set_in_the_window_show_in_studio_scenes(window, qtbot):  # noqa: ANN001
    from studio.gui.labels.story_time_dialog import StoryTimeDialog
    from tests.conftest import run_cli

    project = window.session.project
    scene_id = window.editor.current_scene_id()
    assert scene_id is not None
    feature = LabelsFeature.instance(window)
    dialog = feature.show_labels()
    for name in ("Ghost", "Love"):
        dialog.name_edit.setText(name)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    feature.fill_scene_menu()  # what Scene › Labels shows
    actions = {a.text(): a for a in feature.scene_menu.actions()}
    assert not actions["Love"].isChecked()
    actions["Love"].trigger()
    assert project.scene(scene_id).labels == [project.labels[1].id]
    story = feature.edit_story_time()
    assert isinstance(story, StoryTimeDialog)
    ok = story.buttons.button(story.buttons.StandardButton.Ok)
    story.time_edit.setText("2024-02-30")
    assert not ok.isEnabled() and "not a real date" in story.hint.text()
    story.time_edit.setText("Day 3, evening")
    story.order_check.setChecked(True)
    story.order_spin.setValue(3)
    assert ok.isEnabled() and story.hint.text().startswith("A free label")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert window.session.undo_stack.undoText() == "Set Story Time of “One 1”"
    result = run_cli("scenes", str(project.root), "--json")
    assert result.returncode == 0, result.stderr
    shown = next(s for s in json.loads(result.stdout) if s["id"] == scene_id)
    assert (shown["labels"], shown["story_time"], shown["story_order"]) == (["Love"], "Day 3, evening", 3)


def test_the_tracker_follows_notes_added_to_a_project_without_any(qtbot, tmp_path):  # noqa: ANN001
    from studio.app.commands.notes import AddNoteCommand, DeleteNoteCommand

    project = make_story(tmp_path / "story", TEXTS)
    session = ProjectSession(project)
    tracker = NotesTracker(session)
    ids = [s.id for s in project.iter_scenes()]
    assert tracker.index.order == ids and all(tracker.index.scenes[i] == {} for i in ids)
    add = AddNoteCommand(session, "Harrow Point", "place", aliases=["the Point"])
    with qtbot.waitSignal(tracker.updated):
        session.run(add)
    assert tracker.index.scenes_of(add.note_id) == [(ids[0], 3), (ids[2], 1)]
    session.run(DeleteNoteCommand(session, add.note_id))
    assert tracker.index.scenes_of(add.note_id) == []
    session.undo_stack.clear()


def test_a_story_json_changed_on_disk_reloads_places_and_labels(window, qtbot):  # noqa: ANN001
    from studio.app.changes import OutlineChangeKind
    from studio.core.manifest import parse_manifest, serialize_manifest
    from studio.core.nodes import Label, Note
    from studio.core.safety.watcher import reload_structure

    feature = NotesFeature.instance(window)
    feature.tracker.wait_idle()
    feature.show_panel()
    panel = feature.panel
    threads = LabelsFeature.instance(window).show_threads()
    project = window.session.project
    path = project.root / "story.json"
    data = parse_manifest(path.read_bytes())
    data.notes.append(Note("n-outside", "Kestrel Bay", "kestrel-bay.txt", "place"))
    data.labels.append(Label("l-outside", "Storm", "#224466"))
    data.parts[0].scenes[0].labels = ["l-outside"]
    path.write_bytes(serialize_manifest(data))  # another program (a sync, git) writes story.json
    reload_structure(project)
    with qtbot.waitSignal(feature.tracker.updated):
        window.session.announce(OutlineChangeKind.RELOADED)
    assert [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())][-1] == "Kestrel Bay"
    assert threads.model.rowCount() == 1 and threads.model.index(0, 0).data() == "1"
