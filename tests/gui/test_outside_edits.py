"""Outside edits with the real watchdog observer: reload, conflict bar, manifest, deletions, lock, faults."""

from __future__ import annotations

import json
import os
import resource
import signal
import socket
import zipfile

from shiboken6 import isValid

from studio.core.safety import snapshots
from studio.core.safety.backups import list_backups
from studio.core.safety.locking import lock_path, read_lock
from studio.gui import messages
from studio.gui.safety.feature import SafetyFeature
from tests.gui.window_helpers import make_story, open_test_window, scene_file

WAIT = 5000


def handled_batches(window) -> list:
    batches: list = []
    SafetyFeature.instance(window).watch.handled.connect(batches.append)
    return batches


def find_box(title: str):
    """The open message box with this title (boxes of closed windows skipped)."""
    return next((b for b in messages.open_boxes if isValid(b) and b.windowTitle() == title), None)


def type_at_end(qtbot, editor, text: str) -> None:
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, text)


def first_id(project) -> str:
    return next(project.iter_scenes()).id


def test_outside_edit_reloads_keeping_cursor_and_snapshot(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    editor = window.editor
    cursor = editor.textCursor()
    cursor.setPosition(12)
    editor.setTextCursor(cursor)
    new_text = "The wind came off the sea in long grey sheets. Changed elsewhere.\n"
    scene_file(project, 0).write_text(new_text, "utf-8")
    qtbot.waitUntil(lambda: editor.scene_text() == new_text, timeout=WAIT)
    assert editor.textCursor().position() == 12
    assert not editor.document().isModified()
    assert not SafetyFeature.instance(window).bar.isVisible()
    kept = snapshots.list(window.project, first_id(project))
    assert kept and kept[-1].reason == "before outside reload"
    assert snapshots.read(kept[-1]).startswith("The wind came off the sea in long grey sheets, and Mara")


def test_editor_style_save_through_temp_file_and_rename(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    target = scene_file(project, 0)
    temp = target.with_name(".scene.swp.tmp")
    temp.write_text("Saved by another editor.\n", "utf-8")
    os.replace(temp, target)
    qtbot.waitUntil(lambda: window.editor.scene_text() == "Saved by another editor.\n", timeout=WAIT)


def test_unsaved_edits_show_the_bar_and_keep_mine_keeps_theirs_as_snapshot(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    editor, bar = window.editor, SafetyFeature.instance(window).bar
    type_at_end(qtbot, editor, " Mine.")
    mine = editor.scene_text()
    scene_file(project, 0).write_text("Theirs.\n", "utf-8")
    qtbot.waitUntil(bar.isVisible, timeout=WAIT)
    assert editor.scene_text() == mine  # nothing replaced under the writer
    assert "changed on disk" in bar.label.text()
    bar.keep_button.click()
    assert not bar.isVisible()
    assert scene_file(project, 0).read_text("utf-8") == mine
    kept = snapshots.list(window.project, first_id(project))
    assert snapshots.read(kept[-1]) == "Theirs.\n"


def test_unsaved_edits_reload_keeps_mine_as_snapshot(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    editor, bar = window.editor, SafetyFeature.instance(window).bar
    type_at_end(qtbot, editor, " Mine.")
    mine = editor.scene_text()
    scene_file(project, 0).write_text("Theirs.\n", "utf-8")
    qtbot.waitUntil(bar.isVisible, timeout=WAIT)
    bar.compare_button.click()
    compare = SafetyFeature.instance(window).watch.compare_dialog
    assert "Theirs." in compare.view.browser.toPlainText() and "Mine." in compare.view.browser.toPlainText()
    compare.close()
    bar.reload_button.click()
    assert editor.scene_text() == "Theirs.\n"
    assert not editor.autosave.has_unsaved()
    kept = snapshots.list(window.project, first_id(project))
    assert snapshots.read(kept[-1]) == mine


def test_own_saves_never_trigger_a_reload(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    batches = handled_batches(window)
    type_at_end(qtbot, window.editor, " typed here")
    assert window.editor.save_now()
    window.project.rename_scene(first_id(project), "Renamed in the app")
    other = list(window.project.iter_scenes())[1].id
    scene_file(project, 1).write_text("outside marker\n", "utf-8")
    qtbot.waitUntil(lambda: any(other in b.scenes_changed for b in batches), timeout=WAIT)
    assert all(first_id(project) not in b.scenes_changed and not b.manifest_changed for b in batches)
    assert not SafetyFeature.instance(window).bar.isVisible()
    assert window.editor.scene_text().endswith("typed here")


def test_manifest_changed_outside_reloads_the_outline_keeping_the_scene(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    shown = window.editor.current_scene_id()
    manifest = project.root / "story.json"
    data = json.loads(manifest.read_text("utf-8"))
    data["parts"][0]["scenes"][0]["title"] = "Retitled outside"
    data["title"] = "New Title"
    manifest.write_text(json.dumps(data, indent=2), "utf-8")
    qtbot.waitUntil(lambda: window.project.scene(shown).title == "Retitled outside", timeout=WAIT)
    assert window.editor.current_scene_id() == shown
    assert window.windowTitle().startswith("New Title")
    window.project.rename_scene(shown, "And again in the app")  # the new bytes are known: no conflict


def test_broken_manifest_outside_is_reported_and_never_overwritten(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    batches = handled_batches(window)
    manifest = project.root / "story.json"
    manifest.write_text("{ half written", "utf-8")
    qtbot.waitUntil(lambda: any(b.manifest_changed for b in batches), timeout=WAIT)
    assert "cannot be read" in window.statusBar().currentMessage()
    assert manifest.read_text("utf-8") == "{ half written"


def test_deleted_scene_file_is_flagged_and_text_kept_until_written_back(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    text = window.editor.scene_text()
    path = scene_file(project, 0)
    path.unlink()
    bar = SafetyFeature.instance(window).bar
    qtbot.waitUntil(bar.isVisible, timeout=WAIT)
    scene = window.project.scene(first_id(project))
    assert scene.missing and "deleted" in scene.problem
    assert window.editor.scene_text() == text
    bar.write_back_button.click()
    assert path.read_text("utf-8") == text
    assert not bar.isVisible() and not scene.missing


def test_new_scene_files_are_offered_as_recovered_scenes(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    (project.root / "scenes" / "found.txt").write_text("A scene from elsewhere.\n", "utf-8")
    qtbot.waitUntil(lambda: find_box("New scene files") is not None, timeout=WAIT)
    box = find_box("New scene files")
    box.button(box.StandardButton.Yes).click()
    recovered = window.project.parts[-1]
    assert recovered.title == "Recovered scenes" and recovered.scenes[0].file == "found.txt"


def test_checkout_burst_is_debounced_into_one_reload(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    batches = handled_batches(window)
    for index in range(4):
        scene_file(project, index).write_text(f"checked out {index}\n", "utf-8")
    for number in range(100):
        (project.root / "notes-folder").mkdir(exist_ok=True)
        (project.root / "notes-folder" / f"n{number}.md").write_text("x", "utf-8")
    qtbot.waitUntil(lambda: sum(len(b.scenes_changed) for b in batches) == 4, timeout=WAIT)
    assert len(batches) <= 2
    assert window.editor.scene_text() == "checked out 0\n"


def test_live_lock_elsewhere_offers_read_only_then_take_over(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    holder = {"host": socket.gethostname(), "pid": 1, "user": "mara", "since": "2026-01-01T00:00:00+00:00"}
    lock_path(project.root).write_text(json.dumps(holder), "utf-8")
    window = open_test_window(qtbot, project.root)
    assert window.session.read_only and window.editor.isReadOnly()
    qtbot.waitUntil(lambda: window.lock_dialog.isVisible(), timeout=WAIT)
    dialog = window.lock_dialog
    assert "mara" in dialog.informativeText() and "Process: 1" in dialog.informativeText()
    dialog.take_over_button.click()
    assert not window.session.read_only and not window.editor.isReadOnly()
    assert read_lock(project.root).pid == os.getpid()
    window.close()
    assert not lock_path(project.root).exists()


def test_lock_is_held_while_open_and_cancel_closes(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    assert read_lock(project.root).pid == os.getpid()
    info = read_lock(project.root)
    lock_path(project.root).write_text(
        json.dumps({"host": "other-machine", "pid": 4, "user": "sam", "since": info.since}), "utf-8"
    )
    second = open_test_window(qtbot, project.root)
    qtbot.waitUntil(lambda: second.lock_dialog.isVisible(), timeout=WAIT)
    assert "other-machine" in second.lock_dialog.informativeText()
    second.lock_dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not isValid(second) or not second.isVisible(), timeout=WAIT)
    assert read_lock(project.root).host == "other-machine"  # never removed someone else's lock
    window.close()


def test_full_disk_shows_error_keeps_text_and_saves_later(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    editor = window.editor
    type_at_end(qtbot, editor, " tail")
    big = "The tide came in. " * 10000
    editor.insertPlainText(big)
    wanted = editor.scene_text()
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (32 * 1024, hard))  # writes past 32 KB fail: EFBIG
    try:
        saved = editor.save_now()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)
    assert not saved
    assert window.save_label.text().startswith("Not saved")
    assert editor.scene_text() == wanted
    assert scene_file(project, 0).read_text("utf-8").startswith("The wind came off the sea")
    assert editor.save_now()
    assert scene_file(project, 0).read_text("utf-8") == wanted
    assert window.save_label.text() == "Saved"


def test_backup_on_close_and_restore_over_project(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    window.close()
    first = list_backups(project.root)
    assert len(first) == 1
    with zipfile.ZipFile(first[0].path) as archive:
        assert "story.json" in archive.namelist()
    window = open_test_window(qtbot, project.root)
    type_at_end(qtbot, window.editor, " later words")
    assert window.editor.save_now()
    assert SafetyFeature.instance(window).restore_over(first[0])
    assert not window.editor.scene_text().endswith("later words")
    assert len(list_backups(project.root)) == 2  # the state before the restore is kept too
    SafetyFeature.instance(window).show_backups()
    dialog = SafetyFeature.instance(window).backup_dialog
    assert dialog.list.count() == 2
    restored = SafetyFeature.instance(window).restore_into_new_folder(first[0], tmp_path / "copy")
    assert (restored / "story.json").is_file()
    dialog.close()
    for box in list(messages.open_boxes):
        if isValid(box):
            box.close()


def test_backup_timer_only_backs_up_after_writing(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    safety = SafetyFeature.instance(window)
    assert safety.backup_timer.interval() == window.settings.backup_interval_minutes * 60_000
    safety.dirty = False
    safety.backup_if_written()
    assert list_backups(project.root) == []
    type_at_end(qtbot, window.editor, " words")
    window.editor.save_now()
    safety.backup_if_written()
    assert len(list_backups(project.root)) == 1


def test_backup_preferences_are_editable(qtbot, tmp_path):
    from studio.gui.preferences_dialog import PreferencesDialog
    from studio.gui.settings import AppSettings

    settings = AppSettings.load()
    assert (settings.backup_interval_minutes, settings.backups_kept) == (10, 20)
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.backup_minutes_spin.setValue(3)
    dialog.backups_kept_spin.setValue(5)
    dialog.accept()
    again = AppSettings.load()
    assert (again.backup_interval_minutes, again.backups_kept) == (3, 5)


def test_deleted_file_coming_back_clears_the_flag_and_reloads(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    path = scene_file(project, 0)
    before = path.read_text("utf-8")
    path.unlink()
    bar = SafetyFeature.instance(window).bar
    qtbot.waitUntil(bar.isVisible, timeout=WAIT)
    path.write_text("Back from the sync tool.\n", "utf-8")
    qtbot.waitUntil(lambda: window.editor.scene_text() == "Back from the sync tool.\n", timeout=WAIT)
    scene = window.project.scene(first_id(project))
    assert not bar.isVisible() and not scene.missing and scene.problem == ""
    assert snapshots.read(snapshots.list(window.project, scene.id)[-1]) == before
