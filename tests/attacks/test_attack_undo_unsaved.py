"""Attack: Undo Structure Change while the open scene's text cannot be saved."""

from __future__ import annotations

from studio.app import commands
from studio.gui.window_menus import undo_structure
from tests.attacks.test_attack_outside_races import found_anywhere
from tests.gui.window_helpers import make_story, open_test_window

TYPED = "words typed into the new scene"


def test_undo_new_scene_while_its_text_cannot_be_saved_loses_nothing(qtbot, tmp_path):
    """Promise: text is never lost; Scene › Undo Structure Change saves the editor first;
    a scene changed on disk is never silently overwritten (or deleted).

    Steps: New Scene (open it); type a sentence; another program writes into the new scene's
    file (so the editor's save is refused: changed on disk); Ctrl+Alt+Z (undo_structure).
    Expected: the typed sentence and the other program's text are both kept (in a file, a
    snapshot, or the editor), or the undo is refused. Found: undo_structure calls
    editor.save_now() and ignores its False; AddSceneCommand.revert removes the scene and its file
    (remove_file, unchecked); SceneEditor._on_outline_changed sees the scene removed for good and
    autosave.discard()s the typed text. Both texts are gone.
    """
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    session = window.session
    command = commands.AddSceneCommand(session, session.project.parts[0].id, None, "Fresh", "")
    session.push(command)
    window.show_scene(command.scene_id)
    editor = window.editor
    editor.setFocus()
    qtbot.keyClicks(editor, TYPED)
    path = project.root / "scenes" / session.project.scene(command.scene_id).file
    path.write_text("Written elsewhere.\n", "utf-8")
    undo_structure(window)
    kept = found_anywhere(project.root, TYPED) or TYPED in editor.scene_text()
    kept = kept or TYPED in (editor.autosave.pending_text(command.scene_id) or "")
    assert kept, "the typed words are gone"
    assert found_anywhere(project.root, "Written elsewhere."), "the other program's text is gone"
    window.close_without_saving()


def test_split_and_merge_refuse_while_the_open_scene_cannot_be_saved(qtbot, tmp_path):
    """Promise: split and merge save first; when the save fails they change nothing, text kept.

    Steps: type in the open scene; another program changes its file (save refused); Split at
    cursor (Ctrl+Shift+K), Merge with Next (Ctrl+Shift+M). Expected: both refused, the typed
    words still in the editor, the outside text still in the file, the outline unchanged.
    """
    from studio.gui.window_menus import merge_with_next, split_at_cursor

    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    session, editor = window.session, window.editor
    scene_id = editor.current_scene_id()
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " " + TYPED)
    path = project.root / "scenes" / session.project.scene(scene_id).file
    path.write_text("Written elsewhere.\n", "utf-8")
    count = session.undo_stack.count()
    split_at_cursor(window)
    merge_with_next(window)
    assert session.undo_stack.count() == count
    assert TYPED in editor.scene_text()
    assert path.read_text("utf-8") == "Written elsewhere.\n"
    window.close_without_saving()
