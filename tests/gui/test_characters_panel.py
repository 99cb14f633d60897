"""The characters panel in the real window: list, filter, sort, editor, appearances, rename, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from studio.app.changes import CastChangeKind, OutlineChangeKind
from studio.app.session import ProjectSession
from studio.core import load_project
from studio.gui.characters.appearance_tracker import AppearanceTracker
from studio.gui.characters.feature import CharactersFeature
from studio.models.appearances_model import AppearancesModel
from studio.models.characters_model import APPEARANCES, NAME, CharactersFilterModel, CharactersModel
from tests.gui.window_helpers import make_story, open_test_window

TEXTS = {
    "One": ["Jess ran. Jess’s dog barked at Jessica. The Major frowned.", "Nobody here but the wind."],
    "Two": ["Rain fell. The Major nodded to Jess Summers.\nSpike's coat dripped."],
}


def make_cast(root: Path):
    project = make_story(root, TEXTS)
    project.add_character("Jess Summers", aliases=["Jess", "Summers"], role="protagonist")
    project.add_character("Major Ellison", aliases=["the Major"], role="antagonist")
    project.add_character("Spike", role="supporting")
    return project


@pytest.fixture
def window(qtbot, tmp_path):
    make_cast(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    yield window
    # An undo stack cleared at garbage collection would signal the window's (deleted)
    # Undo/Redo actions, so clear it while they still exist (a closed window took both along).
    if shiboken6.isValid(window):
        window.session.undo_stack.clear()


def scene_ids(window) -> list[str]:
    return [s.id for s in window.session.project.iter_scenes()]


def visible_names(panel) -> list[str]:
    proxy = panel.proxy
    return [proxy.index(row, NAME).data() for row in range(proxy.rowCount())]


def test_models_pass_the_model_tester(qtmodeltester, tmp_path, qapp):
    project = make_cast(tmp_path / "story")
    session = ProjectSession(project)
    tracker = AppearanceTracker(session)
    model = CharactersModel(project, tracker.index)
    qtmodeltester.check(model)
    proxy = CharactersFilterModel(model)
    proxy.set_filter_text("maj")
    qtmodeltester.check(proxy)
    appearances = AppearancesModel(project)
    appearances.show(project.characters[0].id, tracker.index)
    qtmodeltester.check(appearances)
    assert appearances.rowCount() == 2


def test_list_shows_each_character_with_its_scenes(window):
    panel = CharactersFeature.instance(window).panel
    assert sorted(visible_names(panel)) == ["Jess Summers", "Major Ellison", "Spike"]
    ids = scene_ids(window)
    index = CharactersFeature.instance(window).tracker.index
    jess, major, spike = (c.id for c in window.session.project.characters)
    assert index.scenes_of(jess) == [(ids[0], 2), (ids[2], 1)]
    assert index.scenes_of(major) == [(ids[0], 1), (ids[2], 1)]
    assert index.scenes_of(spike) == [(ids[2], 1)]
    assert CharactersFeature.instance(window).scene_list.names() == ["Jess Summers", "Major Ellison"]


def test_filter_as_you_type_and_sort(window, qtbot):
    panel = CharactersFeature.instance(window).panel
    qtbot.keyClicks(panel.filter_edit, "maj")
    assert visible_names(panel) == ["Major Ellison"]
    panel.filter_edit.clear()
    qtbot.keyClicks(panel.filter_edit, "summers")  # an alias finds the character too
    assert visible_names(panel) == ["Jess Summers"]
    panel.filter_edit.clear()
    panel.list_view.sortByColumn(APPEARANCES, Qt.SortOrder.AscendingOrder)
    assert visible_names(panel)[0] == "Spike"
    panel.list_view.sortByColumn(NAME, Qt.SortOrder.DescendingOrder)
    assert visible_names(panel) == ["Spike", "Major Ellison", "Jess Summers"]


def test_clicking_an_appearance_opens_the_scene_at_the_first_mention(window, qtbot):
    panel = CharactersFeature.instance(window).panel
    major = window.session.project.characters[1]
    panel.select_character(major.id)
    assert panel.name_edit.text() == "Major Ellison"
    assert panel.appearances.rowCount() == 2
    view = panel.appearances_view
    second = panel.appearances.index(1, 0)
    with qtbot.waitSignal(window.session.open_scene_requested) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(second).center())
    ids = scene_ids(window)
    assert blocker.args == [ids[2], 11, 9]
    assert window.editor.current_scene_id() == ids[2]
    assert window.editor.textCursor().selectedText() == "The Major"


def test_rename_everywhere_is_one_undoable_step(window, qtbot):
    project = window.session.project
    panel = CharactersFeature.instance(window).panel
    jess = project.characters[0]
    files = [project.root / "scenes" / s.file for s in project.iter_scenes()]
    before = [f.read_text("utf-8") for f in files]
    panel.select_character(jess.id)
    dialog = panel.open_rename_dialog("Jo March")
    dialog.set_alias_checked("Jess")
    dialog.update_preview()
    preview = dialog.preview
    assert [preview.topLevelItem(i).text(1) for i in range(preview.topLevelItemCount())] == ["2", "1"]
    stack = window.session.undo_stack
    depth = stack.count()
    assert dialog.rename_everywhere()
    assert stack.count() == depth + 1
    assert files[0].read_text("utf-8").startswith("Jo March ran. Jo March’s dog barked at Jessica.")
    assert "nodded to Jo March.\n" in files[2].read_text("utf-8")
    assert "Jo March ran." in window.editor.toPlainText()  # the open scene was reloaded
    assert load_project(project.root).character(jess.id).name == "Jo March"
    assert visible_names(panel)[0] == "Jo March"
    stack.undo()
    assert [f.read_text("utf-8") for f in files] == before
    assert load_project(project.root).character(jess.id).name == "Jess Summers"
    assert panel.name_edit.text() == "Jess Summers"
    assert "Jess ran." in window.editor.toPlainText()
    stack.redo()
    assert "Jo March" in files[2].read_text("utf-8")


def test_typing_a_name_in_the_editor_updates_the_index(window, qtbot):
    spike = window.session.project.characters[2]
    editor = window.editor
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    with qtbot.waitSignal(CharactersFeature.instance(window).tracker.updated, timeout=3000):
        qtbot.keyClicks(editor, " Spike laughed.")
    assert CharactersFeature.instance(window).tracker.index.count(spike.id, scene_ids(window)[0]) == 1
    assert "Spike" in CharactersFeature.instance(window).scene_list.names()


def test_new_edit_delete_are_undoable(window, qtbot):
    project = window.session.project
    panel = CharactersFeature.instance(window).panel
    stack = window.session.undo_stack
    new_id = panel.new_character("Willow")
    assert project.character(new_id).name == "Willow"
    assert panel.name_edit.text() == "Willow"
    panel.aliases_edit.setText("Will, Red,  Will")
    panel.aliases_edit.editingFinished.emit()
    assert project.character(new_id).aliases == ["Will", "Red"]
    panel.role_combo.setCurrentText("witch")
    panel.role_combo.lineEdit().editingFinished.emit()
    assert project.character(new_id).role == "witch"
    stack.undo()
    assert project.character(new_id).role == ""
    stack.undo()
    assert project.character(new_id).aliases == []
    stack.undo()
    assert new_id not in {c.id for c in load_project(project.root).characters}
    stack.redo()
    assert load_project(project.root).character(new_id).name == "Willow"
    panel.select_character(new_id)
    panel.delete_character()
    assert new_id not in {c.id for c in project.characters}
    assert new_id in {item.node.id for item in load_project(project.root).trash}
    stack.undo()
    assert load_project(project.root).character(new_id).name == "Willow"


def test_notes_are_saved_to_the_notes_file(window, qtbot):
    project = window.session.project
    panel = CharactersFeature.instance(window).panel
    spike = project.characters[2]
    panel.select_character(spike.id)
    qtbot.keyClicks(panel.notes_edit, "Bleached hair.")
    path = project.root / "characters" / spike.file
    qtbot.waitUntil(lambda: path.read_text("utf-8") == "Bleached hair.", timeout=3000)
    panel.select_character(project.characters[0].id)
    assert panel.notes_edit.toPlainText() == ""
    panel.select_character(spike.id)
    assert panel.notes_edit.toPlainText() == "Bleached hair."


def test_new_character_from_selection_in_the_context_menu(window, qtbot):
    editor = window.editor
    ids = scene_ids(window)
    window.show_scene(ids[1])
    cursor = editor.textCursor()
    text = editor.toPlainText()
    start = text.index("the wind")
    cursor.setPosition(start + 4)
    cursor.setPosition(start + 8, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    menu = editor.build_context_menu(QPoint(5, 5))
    [action] = [a for a in menu.actions() if a.text() == "New Character from Selection"]
    assert action.isEnabled()
    action.trigger()
    menu.deleteLater()
    names = [c.name for c in window.session.project.characters]
    assert names[-1] == "wind"
    assert CharactersFeature.instance(window).panel.name_edit.text() == "wind"


def test_renaming_in_the_name_field_offers_rename_everywhere(window, qtbot):
    panel = CharactersFeature.instance(window).panel
    spike = window.session.project.characters[2]
    panel.select_character(spike.id)
    panel.name_edit.setText("William")
    panel.name_edit.editingFinished.emit()
    dialog = panel.rename_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.name_edit.text() == "William"
    assert dialog.preview.topLevelItemCount() == 1
    assert dialog.rename_only()
    assert spike.name == "William"
    assert "Spike's coat" in (window.session.project.root / "scenes").joinpath(
        window.session.project.scene(scene_ids(window)[2]).file
    ).read_text("utf-8")


def test_big_projects_are_indexed_off_the_gui_thread(qtbot, tmp_path):
    count = AppearanceTracker.THREAD_THRESHOLD + 10
    project = make_story(tmp_path / "big", {"One": [f"Scene {n}: Jess waved." for n in range(count)]})
    jess = project.add_character("Jess")
    session = ProjectSession(project)
    tracker = AppearanceTracker(session)
    assert tracker.busy
    qtbot.waitUntil(lambda: not tracker.busy, timeout=10000)
    assert len(tracker.index.scenes_of(jess.id)) == count
    # A change of cast while a scan runs: only the newest result is kept.
    with qtbot.waitSignal(tracker.updated, timeout=10000):
        project.update_character(jess.id, name="Jess", aliases=["waved"])
        session.announce_cast(CastChangeKind.EDITED)
        project.update_character(jess.id, name="Scene", aliases=[])
        session.announce_cast(CastChangeKind.EDITED)
    qtbot.waitUntil(lambda: not tracker.busy, timeout=10000)
    assert tracker.index.scenes_of(jess.id)[0][1] == 1
    assert tracker.index.matcher.owners == {"Scene": [jess.id]}


def test_structural_changes_update_the_appearances(window, qtbot):
    session = window.session
    project = session.project
    jess = project.characters[0]
    ids = scene_ids(window)
    project.delete_scenes([ids[0]])
    session.announce(OutlineChangeKind.TRASHED, [ids[0]])
    assert CharactersFeature.instance(window).tracker.index.scenes_of(jess.id) == [(ids[2], 1)]
    project.restore([ids[0]])
    session.announce(OutlineChangeKind.RESTORED, [ids[0]])
    assert CharactersFeature.instance(window).tracker.index.scenes_of(jess.id) == [(ids[0], 2), (ids[2], 1)]
    project.move_scenes([ids[2]], project.parts[0].id, 0)
    session.announce(OutlineChangeKind.MOVED, [ids[2]])
    assert CharactersFeature.instance(window).tracker.index.scenes_of(jess.id) == [(ids[2], 1), (ids[0], 2)]


def test_inspector_offers_the_cast_as_point_of_view(window):
    combo = window.inspector.pov_combo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert {"Jess Summers", "Major Ellison", "Spike"} <= set(names)
    CharactersFeature.instance(window).panel.new_character("Dawn")
    assert "Dawn" in [combo.itemText(i) for i in range(combo.count())]


def test_rename_includes_text_not_saved_yet(window, qtbot):
    project = window.session.project
    spike = project.characters[2]
    editor = window.editor
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, " Spike waved.")
    CharactersFeature.instance(window).panel.select_character(spike.id)
    dialog = CharactersFeature.instance(window).panel.open_rename_dialog("William")
    assert dialog.preview.topLevelItemCount() == 2
    assert dialog.rename_everywhere()
    first = project.root / "scenes" / project.scene(scene_ids(window)[0]).file
    assert first.read_text("utf-8").endswith("William waved.")
    assert editor.toPlainText().endswith("William waved.")
    window.session.undo_stack.undo()
    assert first.read_text("utf-8").endswith("Spike waved.")


def test_notes_typed_just_before_closing_are_saved(window, qtbot):
    project = window.session.project
    panel = CharactersFeature.instance(window).panel
    spike = project.characters[2]
    panel.select_character(spike.id)
    qtbot.keyClicks(panel.notes_edit, "Poet, once.")
    window.close()
    assert (project.root / "characters" / spike.file).read_text("utf-8") == "Poet, once."


def test_notes_changed_on_disk_are_never_overwritten(window, qtbot):
    project = window.session.project
    panel = CharactersFeature.instance(window).panel
    spike = project.characters[2]
    path = project.root / "characters" / spike.file
    panel.select_character(spike.id)
    qtbot.keyClicks(panel.notes_edit, "Mine.")
    panel.save_notes()
    assert path.read_text("utf-8") == "Mine."
    path.write_text("Edited in another program.", "utf-8")
    qtbot.keyClicks(panel.notes_edit, " More.")
    with qtbot.waitSignal(panel.message) as blocker:
        panel.save_notes()
    assert "changed on disk" in blocker.args[0]
    assert path.read_text("utf-8") == "Edited in another program."
    assert panel.notes_edit.toPlainText() == "Mine. More."
    panel.select_character(project.characters[0].id)
    [copy] = [p for p in path.parent.iterdir() if "unsaved edits" in p.name]
    assert copy.read_text("utf-8") == "Mine. More."
    panel.select_character(spike.id)
    assert panel.notes_edit.toPlainText() == "Edited in another program."


def test_delete_key_in_the_list_and_roles_of_the_story(window, qtbot):
    project = window.session.project
    panel = CharactersFeature.instance(window).panel
    spike = project.characters[2]
    panel.select_character(project.characters[0].id)
    panel.role_combo.setCurrentText("slayer")
    panel.role_combo.lineEdit().editingFinished.emit()
    panel.select_character(spike.id)
    roles = [panel.role_combo.itemText(i) for i in range(panel.role_combo.count())]
    assert roles == ["", "protagonist", "antagonist", "supporting", "minor", "slayer"]
    panel.list_view.setFocus()
    qtbot.waitUntil(panel.list_view.hasFocus)
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Delete)
    assert spike.id not in {c.id for c in project.characters}
    window.session.undo_stack.undo()
    assert spike.id in {c.id for c in project.characters}
