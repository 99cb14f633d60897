"""Scene files vanishing under the open window (one, or the whole scenes folder), with the real watcher.

The app keeps exactly the texts it holds, says which scenes it holds and which are gone,
writes back only held texts, restores gone ones from a snapshot or the newest backup, and
never writes a file for a scene whose text it never had.
"""

from __future__ import annotations

import shutil

from studio.core.safety import backups, snapshots
from studio.gui.safety.feature import SafetyFeature
from tests.gui.window_helpers import make_story, open_test_window, scene_file

WAIT = 5000


def type_at_end(qtbot, editor, text: str) -> None:
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, text)


def vanished_bar(window):
    return SafetyFeature.instance(window).bar


def test_whole_scenes_folder_deleted_says_what_is_held_and_writes_back_only_that(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    editor, bar = window.editor, vanished_bar(window)
    type_at_end(qtbot, editor, " Typed before the folder went.")
    mine = editor.scene_text()
    scenes = project.root / "scenes"
    names = sorted(p.name for p in scenes.iterdir())
    shutil.rmtree(scenes)
    qtbot.waitUntil(lambda: bar.isVisible() and "4 scene files" in bar.label.text(), timeout=WAIT)
    text = bar.label.text()
    assert "1 is still held here (“One 1”)" in text
    assert "3 are gone (“One 2”, “One 3”, “Two 1”)" in text
    assert "its text is still here" not in text
    assert editor.scene_text() == mine  # nothing replaced under the writer
    assert bar.write_back_button.isVisible()
    bar.write_back_button.click()
    assert (scenes / scene_file(project, 0).name).read_text("utf-8") == mine
    assert sorted(p.name for p in scenes.iterdir()) == [scene_file(project, 0).name]  # no 0-byte files
    assert set(names) >= {p.name for p in scenes.iterdir()}
    # The gone scenes stay flagged and can never be saved empty over their (absent) files.
    gone = list(window.project.iter_scenes())[1:]
    assert all(s.missing and s.read_only for s in gone)
    assert "gone" in bar.label.text() and "still held" not in bar.label.text()


def test_never_opened_scene_deleted_is_gone_not_held_and_never_written(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    bar = vanished_bar(window)
    path = scene_file(project, 2)
    path.unlink()
    qtbot.waitUntil(bar.isVisible, timeout=WAIT)
    assert "1 scene file was deleted on disk" in bar.label.text()
    assert "1 is gone (“One 3”)" in bar.label.text()
    assert "held" not in bar.label.text()
    assert not bar.write_back_button.isVisible()
    assert window.save_all()
    assert not path.exists()


def test_gone_scenes_come_back_from_the_newest_snapshot_or_else_the_newest_backup(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    bar = vanished_bar(window)
    ids = [s.id for s in window.project.iter_scenes()]
    backup_dir = tmp_path / "backups"
    backups.create_backup(project.root, backup_dir)
    snapshots.take(window.project, ids[1], "taken by you", text="alpha beta gamma, from a snapshot")
    window.settings.backup_folder = str(backup_dir)
    scenes = project.root / "scenes"
    shutil.rmtree(scenes)
    qtbot.waitUntil(lambda: bar.isVisible() and "4 scene files" in bar.label.text(), timeout=WAIT)
    assert bar.restore_button.isVisible()
    assert "3 can be restored" in bar.label.text()
    bar.restore_button.click()
    assert scene_file(project, 1).read_text("utf-8") == "alpha beta gamma, from a snapshot"
    assert scene_file(project, 2).read_text("utf-8") == "delta"
    assert scene_file(project, 3).read_text("utf-8") == "epsilon zeta"
    assert not scene_file(project, 0).exists()  # held, not restored: Write Back is still offered
    assert bar.isVisible() and "1 is still held here" in bar.label.text()
    restored = window.project.scene(ids[2])
    assert not restored.missing and not restored.read_only and window.project.scene_text(ids[2]) == "delta"
    bar.write_back_button.click()
    assert not bar.isVisible()


def test_open_scene_autosaves_once_the_folder_is_back(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    editor, bar = window.editor, vanished_bar(window)
    scenes = project.root / "scenes"
    shutil.rmtree(scenes)
    qtbot.waitUntil(lambda: bar.isVisible() and "4 scene files" in bar.label.text(), timeout=WAIT)
    scenes.mkdir()
    type_at_end(qtbot, editor, " Typed after the folder came back.")
    assert editor.save_now(), window.save_label.text()
    assert scene_file(project, 0).read_text("utf-8") == editor.scene_text()
    assert "0 are" not in bar.label.text()
    qtbot.waitUntil(lambda: "held" not in bar.label.text(), timeout=WAIT)


def test_no_backup_is_made_on_close_while_scene_files_are_missing(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    bar = vanished_bar(window)
    backup_dir = tmp_path / "backups"
    window.settings.backup_folder = str(backup_dir)
    backups.create_backup(project.root, backup_dir)
    kept = backups.list_backups(project.root, backup_dir)
    type_at_end(qtbot, window.editor, " Written, so a close would back up.")
    scene_file(project, 2).unlink()
    qtbot.waitUntil(bar.isVisible, timeout=WAIT)
    assert SafetyFeature.instance(window).scenes_missing()
    with qtbot.waitSignal(window.close_accepted):
        window.close()
    assert backups.list_backups(project.root, backup_dir) == kept
