"""The inspector shows a part's title, summary and notes when a part is current; edits are undoable."""

from __future__ import annotations

from pathlib import Path

from studio.core import load_project
from tests.gui.window_helpers import make_story, open_test_window


def test_part_fields_are_edited_undone_and_saved(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    part = project.parts[0]
    window = open_test_window(qtbot, project.root)
    inspector = window.inspector
    window.outline_view.select_ids([part.id])
    window.outline_view.setCurrentIndex(window.outline_view.outline_model.index_for_id(part.id))
    assert inspector.showing_part()
    page = inspector.part_inspector
    assert page.title_edit.text() == "One" and page.where_label.text() == "Part 1 of 2"
    qtbot.keyClicks(page.edits["summary"], "Mara comes home.")
    page.edits["notes_end"].setPlainText("Thanks for reading!")
    page.commit_typed()
    page.title_edit.setText("Homecoming")
    page.title_edit.editingFinished.emit()
    saved = load_project(project.root).part(part.id)
    assert (saved.title, saved.summary, saved.notes_end) == (
        "Homecoming",
        "Mara comes home.",
        "Thanks for reading!",
    )
    stack = window.session.undo_stack
    assert stack.count() == 2  # the typed fields in one step, the title in another
    stack.undo()
    stack.undo()
    saved = load_project(project.root).part(part.id)
    assert (saved.title, saved.summary, saved.notes_end) == ("One", "", "")
    assert page.edits["summary"].toPlainText() == "" and page.title_edit.text() == "One"
    scene = part.scenes[1]
    window.outline_view.setCurrentIndex(window.outline_view.outline_model.index_for_id(scene.id))
    assert not inspector.showing_part() and inspector.title_edit.text() == scene.title


def test_leaving_the_part_commits_what_was_typed(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    part = project.parts[1]
    window = open_test_window(qtbot, project.root)
    view = window.outline_view
    view.setCurrentIndex(view.outline_model.index_for_id(part.id))
    qtbot.keyClicks(window.inspector.part_inspector.edits["notes_begin"], "Content note: storms.")
    view.setCurrentIndex(view.outline_model.index_for_id(part.scenes[0].id))
    assert load_project(project.root).part(part.id).notes_begin == "Content note: storms."


def test_read_only_part_fields_are_disabled(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root, read_only=True)
    view = window.outline_view
    view.setCurrentIndex(view.outline_model.index_for_id(project.parts[0].id))
    page = window.inspector.part_inspector
    assert not page.title_edit.isEnabled() and not page.edits["summary"].isEnabled()
