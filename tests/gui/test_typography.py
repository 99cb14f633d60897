"""Typography as you type (its own undo step) and Convert Quotes… (one undoable project command)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from studio.app.commands.convert_quotes import ConvertQuotesCommand
from studio.app.session import ProjectSession
from studio.core.errors import StudioError
from studio.core.typography import plan_conversion
from studio.gui.editor.editor import SceneEditor
from studio.gui.editor.format_menu import open_convert_quotes
from tests.gui.window_helpers import make_story, open_test_window, scene_file

CTRL = Qt.KeyboardModifier.ControlModifier


def editor_for(qtbot, project) -> SceneEditor:  # noqa: ANN001
    editor = SceneEditor(ProjectSession(project))
    qtbot.addWidget(editor)
    editor.show_scene(project.parts[0].scenes[0].id)
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    return editor


def test_typing_makes_quotes_dashes_and_ellipses(qtbot, tmp_path):
    project = make_story(tmp_path / "story", {"One": [""]})
    project.set_setting("typography", True)
    editor = editor_for(qtbot, project)
    qtbot.keyClicks(editor, "\"It's late--isn't it...\" 'cause back in the '70s ")
    assert editor.scene_text() == "“It’s late—isn’t it…” ’cause back in the ’70s "


def test_one_undo_right_after_a_replacement_undoes_just_it(qtbot, tmp_path):
    project = make_story(tmp_path / "story", {"One": [""]})
    project.set_setting("typography", True)
    editor = editor_for(qtbot, project)
    qtbot.keyClicks(editor, 'say "')
    assert editor.scene_text() == "say “"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.scene_text() == 'say "'
    qtbot.keyClicks(editor, "a--")
    assert editor.scene_text() == 'say "a—'
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.scene_text() == 'say "a--'


def test_off_types_straight(qtbot, tmp_path):
    project = make_story(tmp_path / "story", {"One": [""]})
    project.set_setting("typography", False)
    editor = editor_for(qtbot, project)
    qtbot.keyClicks(editor, '"x" -- ...')
    assert editor.scene_text() == '"x" -- ...'


@pytest.mark.parametrize(("text", "on"), [("“Curly” already", True), ('"Straight" it\'s', False)])
def test_the_default_follows_the_project_text(qtbot, tmp_path, text, on):
    project = make_story(tmp_path / "story", {"One": [""], "Two": [text]})
    editor = editor_for(qtbot, project)
    assert editor.typography.enabled() is on
    assert "typography" not in project.settings


def test_format_menu_toggle_is_stored_in_the_project(qtbot, tmp_path):
    project = make_story(tmp_path / "story", {"One": ['"straight"']})
    window = open_test_window(qtbot, project.root)
    action = window.findChild(type(window.menu("format").menuAction()), "typographyAction")
    window.menu("format").aboutToShow.emit()
    assert not action.isChecked()
    action.trigger()
    assert window.project.settings["typography"] is True
    stored = json.loads((project.root / "story.json").read_text("utf-8"))
    assert stored["settings"]["typography"] is True


def test_convert_quotes_project_wide_is_one_undo_step(qtbot, tmp_path):
    project = make_story(tmp_path / "story", {"One": ['"Hi," she said.', "it's -- fine..."], "Two": ["“ok”"]})
    window = open_test_window(qtbot, project.root)
    before = [scene_file(project, i).read_bytes() for i in range(3)]
    dialog = open_convert_quotes(window)
    assert dialog is not None
    dialog.project_choice.setChecked(True)
    assert dialog.preview.topLevelItemCount() == 2
    assert dialog.convert()
    assert scene_file(project, 0).read_text("utf-8") == "“Hi,” she said."
    assert scene_file(project, 1).read_text("utf-8") == "it’s — fine…"
    assert window.editor.scene_text() == "“Hi,” she said."  # the editor shows the new text
    assert window.session.undo_stack.count() == 1
    window.session.undo_stack.undo()
    assert [scene_file(project, i).read_bytes() for i in range(3)] == before
    window.session.undo_stack.redo()
    assert scene_file(project, 1).read_text("utf-8") == "it’s — fine…"


def test_convert_quotes_this_scene_only(qtbot, tmp_path):
    project = make_story(tmp_path / "story", {"One": ["'a'", "'b'"]})
    window = open_test_window(qtbot, project.root)
    dialog = open_convert_quotes(window)
    assert dialog is not None and dialog.scene_choice.isChecked()
    assert dialog.convert()
    assert scene_file(project, 0).read_text("utf-8") == "‘a’"
    assert scene_file(project, 1).read_text("utf-8") == "'b'"


def test_a_scene_changed_on_disk_meanwhile_is_not_written(qtbot, tmp_path):
    project = make_story(tmp_path / "story", {"One": ['"a"', '"b"']})
    session = ProjectSession(project)
    texts = [(s.id, project.scene_text(s.id)) for s in project.iter_scenes()]
    plans = plan_conversion(texts)
    scene_file(project, 1).write_text('"b" changed elsewhere', "utf-8")
    with pytest.raises(StudioError):
        session.run(ConvertQuotesCommand(session, plans))
    assert scene_file(project, 0).read_text("utf-8") == '"a"'  # all or nothing
    assert scene_file(project, 1).read_text("utf-8") == '"b" changed elsewhere'
    assert session.undo_stack.count() == 0
