"""The History panel: snapshots listed, diffed against the current text, restored undoably."""

from __future__ import annotations

from studio.core.safety import snapshots
from studio.gui.safety.diff_view import INLINE
from studio.gui.safety.feature import SafetyFeature
from tests.gui.window_helpers import make_story, open_test_window, scene_file


def open_history(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    SafetyFeature.instance(window).history_dock.show()
    return project, window, SafetyFeature.instance(window).history_panel


def test_take_snapshot_action_lists_it_and_diffs_against_current_text(qtbot, tmp_path):
    project, window, panel = open_history(qtbot, tmp_path)
    action = SafetyFeature.instance(window).take_action
    assert action.shortcut().toString() == "Ctrl+Alt+S"
    assert action in window.menu("scene").actions()
    action.trigger()
    assert panel.list.count() == 1
    assert "taken by you" in panel.list.item(0).text() and "19 words" in panel.list.item(0).text()
    panel.list.setCurrentRow(0)
    assert "No differences" in panel.diff.browser.toPlainText()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, " Brand new words")
    panel.show_selected()
    assert "Brand new words" in panel.diff.browser.toPlainText()
    assert "Current text" in panel.diff.browser.toPlainText()
    panel.diff.mode.setCurrentText(INLINE)
    inline = panel.diff.browser.toPlainText()
    assert "Brand new words" in inline and "Current text" not in inline  # no side-by-side headings


def test_restore_is_undoable_and_keeps_the_text_it_replaces(qtbot, tmp_path):
    project, window, panel = open_history(qtbot, tmp_path)
    editor, stack = window.editor, window.session.undo_stack
    original = editor.scene_text()
    SafetyFeature.instance(window).take_action.trigger()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Second draft.")
    assert editor.save_now()
    second = editor.scene_text()
    panel.refresh()
    panel.list.setCurrentRow(panel.list.count() - 1)  # the oldest: the original text
    panel.restore_button.click()
    assert editor.scene_text() == original
    assert scene_file(project, 0).read_text("utf-8") == original
    assert stack.undoText().startswith("Restore Snapshot")
    sid = editor.current_scene_id()
    kept = snapshots.list(window.project, sid)
    assert kept[-1].reason == "before restore" and snapshots.read(kept[-1]) == second
    stack.undo()
    assert editor.scene_text() == second
    assert scene_file(project, 0).read_text("utf-8") == second
    stack.redo()
    assert editor.scene_text() == original


def test_split_takes_a_snapshot_shown_in_the_panel(qtbot, tmp_path):
    project, window, panel = open_history(qtbot, tmp_path)
    sid = window.editor.current_scene_id()
    original = window.editor.scene_text()
    window.project.split_scene(sid, 20)
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert "before split" in panel.list.item(0).text()
    assert snapshots.read(snapshots.list(window.project, sid)[0]) == original


def test_read_only_project_takes_no_snapshots(qtbot, tmp_path):
    from studio.gui import open_window

    project = make_story(tmp_path / "story")
    window = open_window(project.root, read_only=True)
    qtbot.addWidget(window)
    SafetyFeature.instance(window).take_action.trigger()
    assert not (project.root / ".studio" / "snapshots").exists()
    assert not SafetyFeature.instance(window).history_panel.take_button.isEnabled()
