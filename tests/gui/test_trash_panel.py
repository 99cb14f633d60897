"""The trash: delete to it, restore from it (undoable), empty it (asks first, not undoable)."""

from __future__ import annotations

import json

from studio.app import commands
from studio.gui.outline.trash_panel import TrashPanel
from studio.models.trash_model import TrashModel
from tests.gui.outline_helpers import disk_titles, make_session, manifest, part_id, scene_id, titles


def test_trash_model_passes_the_tester(qtbot, qtmodeltester, tmp_path):
    session = make_session(tmp_path / "p")
    project = session.project
    model = TrashModel(session)
    qtmodeltester.check(model, force_py=True)  # stays connected: checks every change below
    session.push(commands.DeleteCommand(session, [scene_id(project, "One 2"), part_id(project, "Two")]))
    assert model.rowCount() == 2
    session.push(commands.DeleteCommand(session, [scene_id(project, "One 1")]))
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert model.rowCount() == 0
    session.undo_stack.redo()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["One 2", "Two"]
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == ["Scene", "Part"]
    assert model.index(1, 3).data() == "3"  # the part's words: "eta" + "theta iota"


def test_delete_restore_and_undo_on_disk(qtbot, tmp_path):
    session = make_session(tmp_path / "p")
    project = session.project
    panel = TrashPanel(session)
    qtbot.addWidget(panel)
    before = manifest(project.root)
    original = titles(project)
    victim = scene_id(project, "One 2")
    text_file = project.root / "scenes" / project.scene(victim).file
    session.push(commands.DeleteCommand(session, [victim]))
    assert panel.model.rowCount() == 1 and text_file.exists()  # the text stays with the trashed scene
    assert ("One", ["One 1", "One 3"]) in disk_titles(project.root)
    deleted = manifest(project.root)
    panel.select_ids([victim])
    assert panel.restore_button.isEnabled()
    panel.restore_button.click()
    assert titles(project) == original == disk_titles(project.root)
    assert manifest(project.root) == before  # restored exactly where it stood
    assert panel.model.rowCount() == 0 and not panel.empty_button.isEnabled()
    session.undo_stack.undo()  # undo the restore
    assert manifest(project.root) == deleted
    session.undo_stack.undo()  # undo the delete
    assert manifest(project.root) == before
    session.undo_stack.redo()
    assert manifest(project.root) == deleted  # same time stamp: byte for byte


def test_empty_trash_asks_first(qtbot, tmp_path):
    session = make_session(tmp_path / "p")
    project = session.project
    panel = TrashPanel(session)
    qtbot.addWidget(panel)
    victim = scene_id(project, "Two 2")
    text_file = project.root / "scenes" / project.scene(victim).file
    session.push(commands.DeleteCommand(session, [victim, part_id(project, "Three")]))
    questions = []
    panel.confirm_empty = lambda: questions.append("asked") or False
    panel.empty_button.click()
    assert questions == ["asked"] and panel.model.rowCount() == 2 and text_file.exists()
    panel.confirm_empty = lambda: True
    with qtbot.waitSignal(session.outline_changed):
        panel.empty_button.click()
    assert panel.model.rowCount() == 0 and not text_file.exists()
    assert project.trash == [] and json.loads(manifest(project.root))["trash"] == []
    assert session.undo_stack.count() == 0  # nothing left that could point at the deleted items
    assert panel.empty_label.isVisible() or not panel.isVisible()
