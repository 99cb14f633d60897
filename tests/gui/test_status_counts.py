"""The status bar's word counts follow every change at once, not at the next keystroke."""

from __future__ import annotations

from studio.app import commands
from studio.app.commands.snapshots import RestoreSnapshotCommand
from tests.gui.window_helpers import make_story, open_test_window, scene_file

WAIT = 5000


def expected(window) -> str:  # noqa: ANN001
    """What the counts must say, worked out from the project and the text in the editor."""
    project = window.session.project
    scene_id = window.editor.current_scene_id()
    scene_words = project.count(window.editor.scene_text())
    scene = project.scene(scene_id)
    part = project.part_of(scene_id)
    others = project.words - scene.words
    return "   ·   ".join(
        [
            f"Scene {scene_words:,}",
            f"Part {part.words - scene.words + scene_words:,}",
            f"Project {others + scene_words:,} words",
        ]
    )


def counts(window) -> str:  # noqa: ANN001
    return window.words_label.text()


def test_counts_follow_an_outside_edit_of_the_open_scene(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    before = counts(window)
    new_text = "Changed elsewhere: five words now.\n"
    scene_file(project, 0).write_text(new_text, "utf-8")
    qtbot.waitUntil(lambda: window.editor.scene_text() == new_text, timeout=WAIT)
    assert counts(window) == expected(window) != before
    assert counts(window).startswith("Scene 5 ")


def test_counts_follow_an_outside_edit_of_another_scene(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    other = list(window.session.project.iter_scenes())[1]
    before = counts(window)
    scene_file(project, 1).write_text("one two three four five six seven\n", "utf-8")
    qtbot.waitUntil(lambda: window.session.project.scene(other.id).words == 7, timeout=WAIT)
    assert counts(window) == expected(window) != before


def test_counts_follow_split_merge_undo_and_snapshot_restore(qtbot, tmp_path):
    make_story(tmp_path / "story", {"One": ["alpha beta gamma delta", "epsilon"], "Two": ["zeta eta"]})
    window = open_test_window(qtbot, tmp_path / "story")
    session = window.session
    first, second = (s.id for s in session.project.parts[0].scenes)
    window.show_scene(first)
    session.push(commands.SplitSceneCommand(session, first, len("alpha beta ")))
    assert counts(window) == expected(window)
    assert counts(window).startswith("Scene 2 ")
    session.undo_stack.undo()
    assert counts(window) == expected(window)
    assert counts(window).startswith("Scene 4 ")
    session.push(commands.MergeScenesCommand(session, first, second))
    assert counts(window) == expected(window)
    assert counts(window).startswith("Scene 5 ")
    session.undo_stack.undo()
    assert counts(window) == expected(window)
    session.push(RestoreSnapshotCommand(session, first, "just two\n", "test"))
    assert counts(window) == expected(window)
    assert counts(window).startswith("Scene 2 ")
    session.undo_stack.undo()
    assert counts(window) == expected(window)
    assert counts(window).startswith("Scene 4 ")


def test_counts_follow_a_move_across_parts(qtbot, tmp_path):
    make_story(tmp_path / "story", {"One": ["alpha beta gamma", "delta"], "Two": ["zeta eta"]})
    window = open_test_window(qtbot, tmp_path / "story")
    session = window.session
    first = session.project.parts[0].scenes[0].id
    two = session.project.parts[1].id
    window.show_scene(first)
    assert "Part 4 " in counts(window)
    session.push(commands.MoveScenesCommand(session, [first], two, 0))
    assert counts(window) == expected(window)
    assert "Part 5 " in counts(window)
    session.undo_stack.undo()
    assert "Part 4 " in counts(window)
