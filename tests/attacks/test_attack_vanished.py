"""Attacks on vanished scene files: held texts come back, gone ones never get an empty file."""

from __future__ import annotations

import shutil

from studio.app import commands
from studio.gui.safety.feature import SafetyFeature
from studio.gui.window_menus import merge_with_next
from tests.gui.window_helpers import make_story, open_test_window


def test_scenes_folder_deleted_write_back_writes_only_held_texts(qtbot, tmp_path):
    """Promise: Write Back recreates scenes/ and writes only held texts; a gone scene stays absent
    and read-only; no empty file is ever written in its place, not even by a merge into it.

    Steps: type in the open scene (One 1); delete scenes/; wait for the bar; Write Back; open
    One 2 (gone) and try to type; open One 1 and Merge with Next (One 2 is gone).
    """
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " held words")
    ids = [s.id for s in window.project.iter_scenes()]
    shutil.rmtree(project.root / "scenes")
    vanished = SafetyFeature.instance(window).watch.vanished
    qtbot.waitUntil(lambda: len(vanished.held) + len(vanished.gone) == len(ids), timeout=5000)
    assert ids[0] in vanished.held
    gone = list(vanished.gone)
    assert gone, "scenes never read are gone, not claimed as held"
    assert not vanished.write_back()
    scenes = project.root / "scenes"
    one = scenes / window.project.scene(ids[0]).file
    assert "held words" in one.read_text("utf-8")
    for scene_id in gone:
        assert not (scenes / window.project.scene(scene_id).file).exists()
    window.show_scene(ids[1])
    if ids[1] in gone:
        assert editor.isReadOnly()
        qtbot.keyClicks(editor, "x")
        window.save_all()
        assert not (scenes / window.project.scene(ids[1]).file).exists()
    window.show_scene(ids[0])
    merge_with_next(window)
    for scene_id in gone:
        path = scenes / window.project.scene(scene_id).file
        assert not path.exists() or path.read_text("utf-8").strip()
    assert "held words" in one.read_text("utf-8")
    window.session.push(commands.AddSceneCommand(window.session, window.project.parts[0].id, None, "New", ""))
    window.close_without_saving()
