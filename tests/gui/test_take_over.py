"""Another window or process takes the lock: the first window is told within 2 s and turns read-only.

It names the new holder, keeps its unsaved text as a snapshot, says read-only in its title,
and never deletes the new holder's lock when it closes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from studio.core.safety import snapshots
from studio.core.safety.locking import lock_path, read_lock
from studio.gui.safety.feature import SafetyFeature
from tests.gui.window_helpers import make_story, open_test_window, scene_file

TOLD_WITHIN_MS = 2000


def type_at_end(qtbot, editor, text: str) -> None:
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, text)


def lock_bar(window):
    return SafetyFeature.instance(window).lock_bar


def assert_told(qtbot, window, holder) -> None:
    started = time.monotonic()
    qtbot.waitUntil(lambda: window.session.read_only, timeout=TOLD_WITHIN_MS)
    assert time.monotonic() - started < TOLD_WITHIN_MS / 1000
    assert window.editor.isReadOnly()
    assert "read-only" in window.windowTitle()
    bar = lock_bar(window)
    assert bar.isVisible()
    text = bar.label.text()
    assert holder.host in text and str(holder.pid) in text and holder.user in text
    assert holder.since_local() in text


def test_second_window_takes_over_and_the_first_is_told(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    first = open_test_window(qtbot, project.root)
    scene_id = first.editor.current_scene_id()
    second = open_test_window(qtbot, project.root)
    second.guard.take_over()  # what the lock dialog's Take Over does
    second.set_read_only(False)
    type_at_end(qtbot, first.editor, " Typed after the lock went.")  # the first does not know yet
    mine = first.editor.scene_text()
    holder = read_lock(project.root)
    assert holder == second.guard.lock.info
    assert_told(qtbot, first, holder)
    kept = [snapshots.read(shot) for shot in snapshots.list(first.project, scene_id)]
    assert mine in kept
    assert "Typed after the lock went" not in scene_file(project, 0).read_text("utf-8")  # never written
    assert first.close()
    assert read_lock(project.root) == holder  # the first window never released the second's lock
    type_at_end(qtbot, second.editor, " The second window writes.")
    assert second.editor.save_now()
    assert second.close()
    assert not lock_path(project.root).exists()


def test_another_process_takes_over_and_the_window_is_told(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    snippet = (
        "import sys\n"
        "from studio.core.safety.locking import take_over\n"
        "take_over(sys.argv[1])\n"
        "print('taken', flush=True)\n"
        "sys.stdin.read()\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", snippet, str(project.root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=os.getcwd(),
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "taken"
        holder = read_lock(project.root)
        assert holder is not None and holder.pid == child.pid
        assert_told(qtbot, window, holder)
        assert window.close()
        assert read_lock(project.root) == holder
    finally:
        child.communicate("", timeout=10)
    assert child.returncode == 0
