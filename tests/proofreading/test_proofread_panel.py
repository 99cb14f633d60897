"""The Proofread panel and the editor's style underlines in the real window (offscreen, real widgets)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QApplication, QDockWidget

from studio.gui.proofreading.feature import ProofreadingFeature
from studio.gui.proofreading.preferences import ProofPreferences
from studio.gui.spelling.feature import SpellingFeature
from studio.gui.workers import wait_for_worker
from tests.gui.window_helpers import make_story, open_test_window

TEXTS = {
    "One": ["It was the the end.\nHe very quickly ran.", "A calm scene."],
    "Two": ['"Go!" shouted Tom, and *Really* it was over.'],
}


@pytest.fixture
def window(qtbot, tmp_path):
    make_story(tmp_path / "story", TEXTS)
    return open_test_window(qtbot, tmp_path / "story")


def shown_panel(qtbot, window):
    feature = ProofreadingFeature.instance(window)
    feature.show_panel()
    panel = feature.panel
    qtbot.waitUntil(lambda: panel.proof is not None and not panel.timer.isActive(), timeout=5000)
    return feature, panel


def rows(panel) -> list[str]:
    return [row.text(0) for row in panel.finding_rows()]


def wait_for_rows(qtbot, panel, expected: list[str]) -> None:
    qtbot.waitUntil(lambda: rows(panel) == expected, timeout=5000)


def test_the_panel_lists_the_scene_findings_with_a_summary(qtbot, window):
    window.show_scene(next(window.project.iter_scenes()).id)
    feature, panel = shown_panel(qtbot, window)
    assert window.findChild(QDockWidget, "proofreadPanel") is feature.dock and feature.dock.isVisible()
    assert window.findChild(QAction, "proofreadAction").shortcut().toString() == "Ctrl+Shift+P"
    wait_for_rows(
        qtbot,
        panel,
        ["1:8  “the” twice in a row", "2:4  “very”: filler word", "2:9  “quickly”: adverb"],
    )
    assert panel.status.text().startswith("3 findings · reading ease ")


def test_part_and_project_scopes_group_by_scene_and_are_remembered(qtbot, window):
    window.show_scene(next(window.project.iter_scenes()).id)
    _feature, panel = shown_panel(qtbot, window)
    panel.scope_box.setCurrentIndex(2)  # Whole project
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2, timeout=5000)
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(2)]
    assert groups == ["One 1  (3)", "Two 1  (2)"]
    # the column counts the emphasis marker before “Really”, as the file is written
    assert rows(panel)[3:] == [
        "1:7  “shouted”: a tag other than said or asked",
        "1:25  “Really”: filler word",
    ]
    assert ProofPreferences.load().scope == "project"
    assert "in 3 scenes" in panel.status.text()


def test_clicking_a_finding_opens_its_scene_at_the_place(qtbot, window):
    scenes = list(window.project.iter_scenes())
    window.show_scene(scenes[1].id)
    _feature, panel = shown_panel(qtbot, window)
    panel.scope_box.setCurrentIndex(2)
    qtbot.waitUntil(lambda: any("“Really”" in text for text in rows(panel)), timeout=5000)
    row = next(r for r in panel.finding_rows() if "“Really”" in r.text(0))
    panel.tree.scrollToItem(row)
    rect = panel.tree.visualItemRect(row)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = window.editor
    qtbot.waitUntil(lambda: editor.current_scene_id() == scenes[2].id)
    cursor = editor.textCursor()
    assert cursor.selectedText() == "Really"
    assert cursor.blockNumber() == 0 and cursor.selectionStart() - cursor.block().position() == 25 - 1


def test_check_toggles_change_the_list_and_are_remembered(qtbot, window, tmp_path):
    window.show_scene(next(window.project.iter_scenes()).id)
    feature, panel = shown_panel(qtbot, window)
    wait_for_rows(
        qtbot, panel, ["1:8  “the” twice in a row", "2:4  “very”: filler word", "2:9  “quickly”: adverb"]
    )
    panel.check_actions["adverb"].setChecked(False)
    wait_for_rows(qtbot, panel, ["1:8  “the” twice in a row", "2:4  “very”: filler word"])
    assert "adverb" not in ProofPreferences.load().checks
    assert "adverb" not in feature.underliner.options.checks
    window.close()
    again = open_test_window(qtbot, tmp_path / "story")
    feature = ProofreadingFeature.instance(again)
    feature.show_panel()
    assert not feature.panel.check_actions["adverb"].isChecked()
    assert feature.panel.check_actions["repeated"].isChecked()


def test_underlines_appear_after_a_pause_in_typing(qtbot, window):
    scene = list(window.project.iter_scenes())[1]  # "A calm scene."
    window.show_scene(scene.id)
    feature = ProofreadingFeature.instance(window)
    underliner = feature.underliner
    editor = window.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, " It was the the end.")
    start = editor.toPlainText().index("the the")
    qtbot.waitUntil(lambda: (start, 7, "repeated") in underliner.marks(), timeout=5000)
    selections = [s for s in editor.extraSelections() if s.cursor.selectionStart() == start]
    assert selections and selections[0].format.underlineStyle() == selections[0].format.UnderlineStyle.DotLine


def test_a_result_for_text_changed_meanwhile_is_dropped(qtbot, window):
    scene = next(window.project.iter_scenes())
    window.show_scene(scene.id)
    underliner = ProofreadingFeature.instance(window).underliner
    qtbot.waitUntil(lambda: any(check == "repeated" for *_span, check in underliner.marks()), timeout=5000)
    editor = window.editor
    underliner.run_now()
    wait_for_worker("proofreading")  # its result is waiting in the event queue, made for the text as it was
    cursor = QTextCursor(editor.document())
    cursor.setPosition(0)
    cursor.insertText("Slowly. ")  # the text changes before the result is delivered
    dropped = underliner.dropped
    QApplication.processEvents()
    qtbot.waitUntil(lambda: underliner.dropped == dropped + 1, timeout=5000)
    # the underlines shown are the old ones, moved along with the text; the next run adds "Slowly"
    assert (8 + 7, 7, "repeated") in underliner.marks()
    qtbot.waitUntil(lambda: (0, 6, "adverb") in underliner.marks(), timeout=5000)


def test_the_panel_drops_a_run_overtaken_by_a_newer_one(qtbot, window):
    window.show_scene(next(window.project.iter_scenes()).id)
    _feature, panel = shown_panel(qtbot, window)
    dropped = panel.dropped
    panel.start_run()
    wait_for_worker("proofreading")
    window.editor.textCursor().insertText("Suddenly ")
    panel.start_run()  # newer: the first result is now stale
    qtbot.waitUntil(lambda: panel.dropped == dropped + 1, timeout=5000)
    qtbot.waitUntil(lambda: any("“Suddenly”" in text for text in rows(panel)), timeout=5000)


def test_underlines_can_be_turned_off_and_that_is_remembered(qtbot, window):
    window.show_scene(next(window.project.iter_scenes()).id)
    feature = ProofreadingFeature.instance(window)
    qtbot.waitUntil(lambda: bool(feature.underliner.marks()), timeout=5000)
    action = window.findChild(QAction, "proofreadUnderlinesAction")
    action.trigger()
    assert feature.underliner.marks() == [] and not ProofPreferences.load().underlines
    action.trigger()
    qtbot.waitUntil(lambda: bool(feature.underliner.marks()), timeout=5000)
    assert ProofPreferences.load().underlines


def test_a_spelling_underline_is_never_covered(qtbot, window):
    scene = list(window.project.iter_scenes())[1]
    window.show_scene(scene.id)
    spelling = SpellingFeature.instance(window)
    underliner = ProofreadingFeature.instance(window).underliner
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(" Zqxv zqxv and the the end.")
    text = window.editor.toPlainText()
    qtbot.waitUntil(lambda: len(spelling.highlighter.marks()) == 2, timeout=8000)
    qtbot.waitUntil(lambda: (text.index("the the"), 7, "repeated") in underliner.marks(), timeout=5000)
    qtbot.waitUntil(lambda: spelling.highlighter.is_idle(), timeout=5000)
    underliner.refilter()
    spelled = [start for start, _length, _word in spelling.highlighter.marks()]
    assert spelled == [text.index("Zqxv"), text.index("zqxv")]
    assert all(start not in spelled for start, _length, _check in underliner.marks())


def test_an_emoji_before_a_finding_does_not_shift_its_underline(qtbot, tmp_path):
    make_story(tmp_path / "emoji", {"One": ["Wow 🙂🙂 it was the the end."]})
    window = open_test_window(qtbot, tmp_path / "emoji")
    window.show_scene(next(window.project.iter_scenes()).id)
    underliner = ProofreadingFeature.instance(window).underliner
    qtbot.waitUntil(lambda: any(check == "repeated" for *_span, check in underliner.marks()), timeout=5000)
    start, length, _check = next(mark for mark in underliner.marks() if mark[2] == "repeated")
    cursor = QTextCursor(window.editor.document())
    cursor.setPosition(start)
    cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "the the"  # Qt counts each emoji as two positions


def test_the_report_lists_every_scene_with_its_figures(qtbot, window):
    window.show_scene(next(window.project.iter_scenes()).id)
    _feature, panel = shown_panel(qtbot, window)
    dialog = panel.open_report()
    qtbot.waitUntil(lambda: dialog.proof is not None, timeout=5000)
    parts = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    assert [p.text(0) for p in parts] == ["One", "Two"]
    first = parts[0].child(0)
    assert [first.text(0), first.text(1)] == ["One 1", "9"]
    assert "(" in first.text(2)  # "97.0 (very easy)"-like: the score and its label
    assert parts[1].child(0).text(5) == "shouted 1"
    assert dialog.summary.text().startswith("20 words in 3 scenes")
    dialog.close()
