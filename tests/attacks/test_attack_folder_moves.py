"""Attacks on the project folder itself: renamed while open; the lock taken while a save is asked for."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO
from tests.gui.window_helpers import make_story, open_test_window, scene_file


def test_typing_after_the_project_folder_was_renamed_makes_no_ghost_project(qtbot, tmp_path):
    """Promise: nothing is created outside the project folder; "Saved" means the text is in the project;
    a failed save shows its reason and keeps the text.

    Steps: open the window on `story/`, type in the open scene; rename the folder to `moved/`
    (the window is not told: inotify reports nothing for its own root); Ctrl+S (save_all).
    Expected: the save fails with a reason (the project folder is gone), or the text lands in
    `moved/`; nothing appears at `story/`. Found: the status says "Saved", `moved/` lacks the
    typed words, and `story/scenes/one-1.txt` was created: ProjectStore.write_text calls
    make_folder(path.parent, root), whose mkdir(parents=True) recreates the vanished root
    (check_within passes because the missing root resolves to itself).
    """
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " typed before the move")
    old = project.root
    moved = tmp_path / "moved"
    os.rename(old, moved)
    saved = window.save_all()
    in_project = "typed before the move" in (moved / "scenes" / scene_file(project, 0).name).read_text(
        "utf-8"
    )
    ghost = old.exists()
    window.close_without_saving()
    assert not ghost, "a ghost of the project was created at its old path"
    assert saved == in_project, "the window says Saved but the project does not hold the text"


TAKE_OVER = """
import sys
from studio.core.safety.locking import take_over
take_over(sys.argv[1])
"""


def test_save_right_after_a_take_over_elsewhere_writes_nothing(qtbot, tmp_path):
    """Promise: the lock is checked before every save; a project taken over is never written.

    Steps: type in the window; another process takes the lock over; at once (before the 1 s
    check) Ctrl+S (save_all). Expected: the scene file is unchanged and the window is read-only.
    """
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    before = scene_file(project, 0).read_bytes()
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " typed while taken")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    subprocess.run([sys.executable, "-c", TAKE_OVER, str(project.root)], env=env, check=True, timeout=60)
    window.save_all()
    assert scene_file(project, 0).read_bytes() == before
    assert window.session.read_only


def test_two_windows_sharing_the_lock_are_both_told_of_a_take_over(qtbot, tmp_path):
    """Promise: a take-over elsewhere is noticed within 2 s and the window turns read-only; its
    close never deletes the new holder's lock. With two windows of one process on the project.

    Steps: open_window twice; type in the first; another process takes the lock over; wait.
    Expected: both windows read-only within 2 s; closing both leaves the other process's lock.
    """
    from studio.core.safety.locking import read_lock

    project = make_story(tmp_path / "story")
    first = open_test_window(qtbot, project.root)
    second = open_test_window(qtbot, project.root)
    editor = first.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " typed in the first")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    subprocess.run([sys.executable, "-c", TAKE_OVER, str(project.root)], env=env, check=True, timeout=60)
    holder = read_lock(project.root)
    qtbot.waitUntil(lambda: first.session.read_only and second.session.read_only, timeout=2500)
    assert first.close() and second.close()
    assert read_lock(project.root) == holder
