"""Attacks on outside edits racing the app: a scene file changed on disk must never be silently lost.

The watcher needs ~140 ms to notice an outside write; these steps act inside that window (as a
sync tool or a second editor writing just before the writer's keystroke does). The core refuses to
*overwrite* a file changed since it was read (ExternalChangeError); these check that removing one is
refused too, or that its text is kept somewhere.
"""

from __future__ import annotations

from pathlib import Path

from studio.app import commands
from studio.gui.window_menus import merge_with_next
from tests.gui.outline_helpers import make_session
from tests.gui.window_helpers import make_story, open_test_window, scene_file

OUTSIDE = "Words written by another program."


def found_anywhere(root: Path, words: str) -> bool:
    """Whether any file under the project (scenes, snapshots, anything) holds ``words``."""
    for path in root.rglob("*"):
        if path.is_file():
            try:
                if words in path.read_text("utf-8", errors="replace"):
                    return True
            except OSError:
                continue
    return False


def test_merge_right_after_an_outside_edit_of_the_next_scene_loses_nothing(qtbot, tmp_path):
    """Promise: a scene edited in another program is never silently overwritten (text is never lost).

    Steps: open the window; open scene "One 2", then back to "One 1" (the app has read both);
    another program appends a sentence to One 2's file; before the watcher reports it (same
    event-loop turn), Scene › Merge with Next (Ctrl+Shift+M).
    Expected: the sentence is in the merged scene, or a snapshot, or the merge is refused.
    Found: merge_scenes uses the cached text of One 2 and ProjectStore.remove_file unlinks its
    file without checking it is the app's own content (no ExternalChangeError as set_scene_text
    has); the "before merge" snapshot is of the cached text too. The sentence is gone.
    """
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    scenes = [s.id for s in window.project.iter_scenes()]
    window.show_scene(scenes[1])
    window.show_scene(scenes[0])
    second = scene_file(project, 1)
    second.write_text(second.read_text("utf-8") + "\n" + OUTSIDE + "\n", "utf-8")
    with qtbot.waitSignal(window.guard.outside_changes, timeout=3000, raising=False):
        merge_with_next(window)  # the watcher then reports the write and the removal
    assert found_anywhere(project.root, OUTSIDE)


def test_undo_of_a_new_scene_keeps_text_another_program_wrote_into_it(qtbot, tmp_path):
    """Promise: text is never lost; a file changed on disk since the app wrote it is never thrown away.

    Steps (core + session, no watcher): push AddSceneCommand (the file is created empty); another
    program writes a paragraph into that file; Undo; Redo. Expected: the paragraph survives
    (undo refused, or the text kept and given back by redo). Found: remove_scene → remove_file
    unlinks it unchecked; redo writes the app's old (empty) text back.
    """
    session = make_session(tmp_path / "p")
    project = session.project
    command = commands.AddSceneCommand(session, project.parts[0].id, None, "Fresh", "")
    session.push(command)
    path = project.store.scene_path(project.scene(command.scene_id))
    path.write_text(OUTSIDE + "\n", "utf-8")
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert found_anywhere(project.root, OUTSIDE)
