"""Delete in the outline never surprises: it acts on the visible selection, asks before a whole part."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from studio.app import commands
from studio.gui import messages
from tests.gui.window_helpers import make_story, open_test_window


def ids_of(project, part_title: str) -> list[str]:  # noqa: ANN001
    return [s.id for p in project.parts if p.title == part_title for s in p.scenes]


def titles(project) -> list[tuple[str, list[str]]]:  # noqa: ANN001
    return [(p.title, [s.title for s in p.scenes]) for p in project.parts]


def open_with_outline_focus(qtbot, tmp_path, scene_title: str):  # noqa: ANN001, ANN201
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    project = window.session.project
    scene_id = next(s.id for s in project.iter_scenes() if s.title == scene_title)
    window.show_scene(scene_id)
    window.activateWindow()
    window.outline_view.setFocus()
    qtbot.waitUntil(window.outline_view.hasFocus)
    return window


def question_box() -> QMessageBox | None:
    """The open question box, if any (boxes of windows closed by earlier tests skipped)."""
    boxes = [b for b in messages.open_boxes if isValid(b) and b.isVisible()]
    return next((b for b in reversed(boxes) if b.icon() == QMessageBox.Icon.Question), None)


def test_delete_twice_on_the_last_scene_of_a_part_stays_among_scenes(qtbot, tmp_path):
    window = open_with_outline_focus(qtbot, tmp_path, "One 3")
    view, project = window.outline_view, window.session.project
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert titles(project) == [("One", ["One 1", "One 2"]), ("Two", ["Two 1"])]
    one_2 = ids_of(project, "One")[1]
    assert view.selection_ids() == [one_2], "the previous scene of the same part, never the next part"
    assert window.editor.current_scene_id() == one_2
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert titles(project) == [("One", ["One 1"]), ("Two", ["Two 1"])]
    assert question_box() is None
    assert view.selection_ids() == ids_of(project, "One")
    assert window.editor.current_scene_id() == ids_of(project, "One")[0]


def test_delete_a_middle_scene_selects_the_next_scene_of_its_part(qtbot, tmp_path):
    window = open_with_outline_focus(qtbot, tmp_path, "One 2")
    view, project = window.outline_view, window.session.project
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert view.selection_ids() == [ids_of(project, "One")[1]]  # One 3
    assert project.scene(view.selection_ids()[0]).title == "One 3"


def test_delete_the_only_scene_of_a_part_selects_that_part_and_deleting_it_does_not_ask(qtbot, tmp_path):
    window = open_with_outline_focus(qtbot, tmp_path, "Two 1")
    view, project = window.outline_view, window.session.project
    two = project.parts[1].id
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert view.selection_ids() == [two]
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # an empty part: nothing to lose, no question
    assert question_box() is None
    assert titles(project) == [("One", ["One 1", "One 2", "One 3"])]


def test_deleting_a_part_with_scenes_asks_first_and_can_be_undone(qtbot, tmp_path):
    window = open_with_outline_focus(qtbot, tmp_path, "Two 1")
    view, project = window.outline_view, window.session.project
    before = titles(project)
    one = project.parts[0].id
    view.select_ids([one])
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    box = question_box()
    assert box is not None and "3 scenes" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert titles(project) == before
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    box = question_box()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert titles(project) == [("Two", ["Two 1"])]
    assert [item.node.id for item in project.trash] == [one]
    window.session.undo_stack.undo()
    assert titles(project) == before


def test_delete_in_the_editor_deletes_a_character_not_a_scene(qtbot, tmp_path):
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    before = titles(window.session.project)
    window.activateWindow()
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    text = window.editor.toPlainText()
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete)
    assert window.editor.toPlainText() == text[1:]
    assert titles(window.session.project) == before


def test_undo_and_redo_never_raise_when_the_open_scene_goes_away(qtbot, tmp_path):
    window = open_with_outline_focus(qtbot, tmp_path, "One 1")
    session, project = window.session, window.session.project
    first_two = ids_of(project, "One")[:2]
    with qtbot.captureExceptions() as raised:
        session.push(commands.DeleteCommand(session, first_two))
        session.undo_stack.undo()
        window.show_scene(first_two[0])
        session.undo_stack.redo()
        manuscript = {s.id for s in project.iter_scenes()}
        assert window.editor.current_scene_id() in manuscript | {None}, "never a scene in the trash"
        session.undo_stack.undo()
        added = commands.AddSceneCommand(session, project.parts[0].id, 0)
        session.push(added)
        window.show_scene(added.scene_id)
        session.undo_stack.undo()  # the open scene removed for good
        session.undo_stack.redo()
    assert [str(error[1]) for error in raised] == []


def test_unsaved_text_of_the_open_scene_goes_to_the_trash_with_it(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    session = window.session
    first = ids_of(session.project, "One")[0]
    path = project.root / "scenes" / session.project.scene(first).file
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, " unsaved words")
    session.push(commands.DeleteCommand(session, [first]))  # e.g. a redo: no view chose a neighbour
    assert window.editor.current_scene_id() != first, "the editor never edits a scene in the trash"
    assert path.read_text("utf-8").endswith(" unsaved words")
    session.undo_stack.undo()
    window.show_scene(first)
    assert window.editor.toPlainText().endswith(" unsaved words")
