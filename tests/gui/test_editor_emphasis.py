"""Emphasis in the editor: shown as you type, Ctrl+I and Ctrl+B (one undo step each), Format menu."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QTextEdit

from studio.app.session import ProjectSession
from studio.core.emphasis import plain_spans, plain_text
from studio.gui.editor.editor import SceneEditor
from studio.gui.editor.emphasis_format import plan_toggle
from studio.gui.spelling.highlight import underline_format
from tests.gui.window_helpers import make_story, open_test_window, scene_file

CTRL = Qt.KeyboardModifier.ControlModifier


def editor_on(qtbot, tmp_path, text: str) -> SceneEditor:  # noqa: ANN001
    project = make_story(tmp_path / "story", {"One": [text]})
    editor = SceneEditor(ProjectSession(project))
    qtbot.addWidget(editor)
    editor.show_scene(project.parts[0].scenes[0].id)
    return editor


def format_at(editor: QTextEdit, position: int):  # noqa: ANN201
    """The highlighter's character format at a document position (None: no format there)."""
    block = editor.document().findBlock(position)
    column = position - block.position()
    found = None
    for item in block.layout().formats():
        if item.start <= column < item.start + item.length:
            found = QTextCharFormat(item.format)
    return found


def focus_editor(qtbot, window) -> None:  # noqa: ANN001
    """Make the window active with the editor focused, so its shortcuts fire as for a writer."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)


def select(editor: QTextEdit, start: int, end: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def test_italic_bold_and_quiet_markers_are_shown(qtbot, tmp_path):
    editor = editor_on(qtbot, tmp_path, "She *knew* it, **all** of it, \\*not\\* this.\n\nplain")
    text = editor.toPlainText()
    italic = format_at(editor, text.index("knew"))
    assert italic is not None and italic.fontItalic() and italic.fontWeight() != QFont.Weight.Bold
    bold = format_at(editor, text.index("all"))
    assert bold is not None and bold.fontWeight() == QFont.Weight.Bold and not bold.fontItalic()
    marker = format_at(editor, text.index("*knew"))
    assert marker is not None and marker.foreground().color().alphaF() < 0.5
    assert 0 < marker.fontPointSize() < editor.document().defaultFont().pointSizeF()
    assert format_at(editor, text.index("\\*not")) is not None  # escapes are quiet too
    assert format_at(editor, text.index("not\\")) is None  # escaped text is plain
    assert format_at(editor, text.index("She")) is None
    assert not editor.document().isModified()  # formats are not edits


def test_emphasis_follows_typing_in_that_block(qtbot, tmp_path):
    editor = editor_on(qtbot, tmp_path, "first\n\nShe knew it")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClicks(editor, " *and said so*")
    position = editor.toPlainText().index("said")
    assert format_at(editor, position).fontItalic()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # the closing marker goes: no emphasis left
    assert format_at(editor, position) is None


def test_highlighting_coexists_with_spelling_underlines_and_find(qtbot, tmp_path):
    editor = editor_on(qtbot, tmp_path, "She *knwe* it")
    selection = QTextEdit.ExtraSelection()
    selection.cursor = editor.textCursor()
    selection.cursor.setPosition(5)
    selection.cursor.setPosition(9, QTextCursor.MoveMode.KeepAnchor)
    selection.format = underline_format()
    editor.set_extra_selections("spelling", [selection])
    assert format_at(editor, 6).fontItalic()
    assert len(editor.extraSelections()) == 1
    assert editor.document().find("knwe").selectionStart() == 5
    editor.highlighter.rehighlight()
    assert len(editor.extraSelections()) == 1 and format_at(editor, 6).fontItalic()


@pytest.mark.parametrize(
    ("text", "start", "end", "kind", "expected"),
    [
        ("She knew it", 4, 8, "em", "She *knew* it"),
        ("She knew it", 5, 5, "em", "She *knew* it"),  # the word at the caret
        ("She knew it", 8, 8, "em", "She *knew* it"),  # just after it
        ("She *knew* it", 5, 9, "em", "She knew it"),
        ("She *knew* it", 4, 10, "em", "She knew it"),  # markers selected too
        ("*She knew it*", 5, 9, "em", "*She* knew *it*"),
        ("She knew it", 0, 11, "strong", "**She knew it**"),
        ("She **knew** it", 0, 15, "em", "*She **knew** it*"),
        ("She kn ew", 4, 5, "em", "She *kn* ew"),
        ("don't go", 2, 2, "em", "*don't* go"),
        ("_old_ style and new", 16, 19, "em", "*old* style and *new*"),
    ],
)
def test_toggle_table(text, start, end, kind, expected):
    plan = plan_toggle(text, start, end, kind)
    assert plan is not None and plan.text == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["She", "knew", " ", "*", "**", "_", "\\", "’s", ",", "x"]), max_size=10),
    st.integers(0, 40),
    st.integers(0, 40),
    st.sampled_from(["em", "strong"]),
)
def test_a_toggle_never_changes_the_words(pieces, first, second, kind):
    text = "".join(pieces)
    start, end = sorted((min(first, len(text)), min(second, len(text))))
    plan = plan_toggle(text, start, end, kind)
    if plan is None:
        return
    assert plain_spans(plan.text)[0] == plain_spans(text)[0]
    again = plan_toggle(
        plan.text, *plain_text(plan.text)[1].source_range(plan.plain_start, plan.plain_end), kind
    )
    assert again is not None and plain_spans(again.text)[0] == plain_spans(text)[0]


def test_ctrl_i_and_ctrl_b_in_the_window_one_undo_step_each(qtbot, tmp_path):
    project = make_story(tmp_path / "story", {"One": ["She knew it was over."]})
    window = open_test_window(qtbot, project.root)
    editor = window.editor
    focus_editor(qtbot, window)
    select(editor, 4, 8)
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
    assert editor.scene_text() == "She *knew* it was over."
    assert editor.textCursor().selectedText() == "knew"
    assert format_at(editor, 5).fontItalic()
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.scene_text() == "She ***knew*** it was over."
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.scene_text() == "She *knew* it was over."
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.scene_text() == "She knew it was over."
    qtbot.keyClick(editor, Qt.Key.Key_Y, CTRL)
    assert editor.scene_text() == "She *knew* it was over."
    select(editor, 5, 9)
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)  # already italic: the markers go
    assert editor.scene_text() == "She knew it was over."
    cursor = editor.textCursor()
    cursor.setPosition(15)  # inside "was"
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.scene_text() == "She knew it **was** over."
    assert editor.save_now()
    assert scene_file(project, 0).read_text("utf-8") == "She knew it **was** over."


def test_with_no_word_a_pair_of_markers_goes_in_and_out(qtbot, tmp_path):
    editor = editor_on(qtbot, tmp_path, "end. ")
    cursor = editor.textCursor()
    cursor.setPosition(5)
    editor.setTextCursor(cursor)
    assert editor.toggle_emphasis("em")
    assert editor.scene_text() == "end. **" and editor.textCursor().position() == 6
    assert editor.toggle_emphasis("em")
    assert editor.scene_text() == "end. "


def test_toggle_across_paragraphs_is_one_step(qtbot, tmp_path):
    editor = editor_on(qtbot, tmp_path, "one two\n\nthree four")
    select(editor, 4, len(editor.toPlainText()))
    assert editor.toggle_emphasis("em")
    assert editor.scene_text() == "one *two*\n\n*three four*"
    assert editor.textCursor().selectedText() == "two*\u2029\u2029*three four"
    editor.undo()
    assert editor.scene_text() == "one two\n\nthree four"


def test_format_menu_order_and_actions(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    titles = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Scene", "Format", "Tools", "Help"]
    names = [a.objectName() for a in window.menu("format").actions() if a.objectName()]
    assert names == ["italicAction", "boldAction", "typographyAction", "convertQuotesAction"]
    assert window.menu("format").actions()[0].shortcut().toString() == "Ctrl+I"
    window.editor.setFocus()
    select(window.editor, 4, 8)
    window.findChild(type(window.menu("format").actions()[1]), "boldAction").trigger()
    assert window.editor.scene_text().startswith("The **wind** came")


def test_ctrl_i_in_another_text_field_leaves_the_scene_alone(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    before = window.editor.scene_text()
    window.find_bar.open_bar()
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_I, CTRL)
    assert window.editor.scene_text() == before


def test_context_menu_has_italic_bold_and_plain_paste(qtbot, tmp_path):
    editor = editor_on(qtbot, tmp_path, "She knew it")
    select(editor, 4, 8)
    menu = editor.build_context_menu(QPoint(1, 1))
    actions = {a.objectName(): a for a in menu.actions()}
    assert {"contextEmAction", "contextStrongAction", "contextPastePlainAction"} <= actions.keys()
    actions["contextEmAction"].trigger()
    assert editor.scene_text() == "She *knew* it"
    menu.deleteLater()


def test_manuscript_look_indents_and_hides_the_blank_lines_file_unchanged(qtbot, tmp_path):
    editor = editor_on(qtbot, tmp_path, "one\n\ntwo\n\nthree")
    editor.resize(600, 400)
    editor.show()
    document = editor.document()
    assert all(document.findBlockByNumber(n).isVisible() for n in range(5))
    editor.set_paragraph_look("manuscript")
    assert not document.findBlockByNumber(1).isVisible() and not document.findBlockByNumber(3).isVisible()
    assert document.findBlockByNumber(2).blockFormat().textIndent() > 0
    assert document.findBlockByNumber(2).blockFormat().bottomMargin() == 0
    assert editor.scene_text() == "one\n\ntwo\n\nthree" and not document.isModified()
    cursor = editor.textCursor()
    cursor.setPosition(len("one\n\ntwo"))
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # a new paragraph keeps the file's blank line
    qtbot.keyClicks(editor, "2b")
    assert editor.scene_text() == "one\n\ntwo\n\n2b\n\nthree"
    editor.set_paragraph_look("web")
    assert all(document.findBlockByNumber(n).isVisible() for n in range(document.blockCount()))
    assert document.findBlockByNumber(2).blockFormat().textIndent() == 0


def test_paragraph_look_is_a_preference(qtbot, tmp_path):
    from studio.gui.settings import AppSettings
    from studio.gui.window_menus import open_preferences

    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    app = QApplication.instance()
    # accepting applies the theme, which is app-wide: put it back afterwards
    original_sheet, original_palette = app.styleSheet(), app.palette()
    try:
        open_preferences(window)
        dialog = window.preferences_dialog
        dialog.look_combo.setCurrentIndex(dialog.look_combo.findData("manuscript"))
        dialog.accept()
    finally:
        app.setStyleSheet(original_sheet)
        app.setPalette(original_palette)
        app.setProperty("studioTheme", None)
    assert window.editor.paragraph_look == "manuscript"
    assert AppSettings.load().paragraph_look == "manuscript"


def test_the_highlighter_is_incremental(qtbot, tmp_path):
    text = "\n\n".join(f"Paragraph {n} with *some* emphasis." for n in range(200))
    editor = editor_on(qtbot, tmp_path, text)
    assert editor.highlighter.blocks_highlighted <= 2 * editor.document().blockCount()  # one pass to load
    editor.highlighter.blocks_highlighted = 0
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(100).position() + 3)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClicks(editor, "abc")
    assert editor.highlighter.blocks_highlighted == 3  # one paragraph per keystroke
