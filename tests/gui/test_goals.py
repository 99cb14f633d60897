"""Goals: targets in the inspector (undoable, saved), progress in outline and status bar, the day's words."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt

from studio.app.changes import OutlineChange, OutlineChangeKind
from studio.core import load_project
from studio.core.stats import STATS_NAME
from studio.gui.goals.feature import GoalsFeature
from studio.models.outline_model import TARGET_ROLE, WORDS_COLUMN
from tests.gui.window_helpers import make_story, open_test_window


def _set_spin(qtbot, spin, value: int) -> None:  # noqa: ANN001
    spin.setValue(value)
    spin.editingFinished.emit()


def test_scene_target_is_undoable_saved_and_shown(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    scene = project.parts[0].scenes[0]  # 19 words
    window = open_test_window(qtbot, project.root)
    inspector = window.inspector
    _set_spin(qtbot, inspector.target_spin, 40)
    assert load_project(project.root).scene(scene.id).target == 40
    assert inspector.words_label.text() == "19 / 40 (47 %)"
    window.words_label.update_counts()
    assert "Scene 19/40" in window.words_label.text()
    model = window.outline_view.outline_model
    index = model.index_for_id(scene.id, WORDS_COLUMN)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "19 / 40 (47 %)" and index.data(TARGET_ROLE) == 40
    window.outline_view.grab()  # the progress bar is drawn by the delegate
    window.session.undo_stack.undo()
    assert load_project(project.root).scene(scene.id).target == 0 and inspector.target_spin.value() == 0
    assert model.index_for_id(scene.id, WORDS_COLUMN).data(TARGET_ROLE) == 0
    window.session.undo_stack.redo()
    assert inspector.target_spin.value() == 40


def test_part_target_and_release_show_words_a_day(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    part = project.parts[0]
    window = open_test_window(qtbot, project.root)
    view = window.outline_view
    view.setCurrentIndex(view.outline_model.index_for_id(part.id))
    page = window.inspector.part_inspector
    _set_spin(qtbot, page.target_spin, 1000)
    release = date.today().toordinal() + 9
    page.release_edit.setDate(QDate.fromJulianDay(QDate(1, 1, 1).toJulianDay() + release - 1))
    page.release_edit.editingFinished.emit()
    saved = load_project(project.root).part(part.id)
    assert saved.target == 1000 and saved.release == date.fromordinal(release).isoformat()
    needed = -(-(1000 - part.words) // 10)
    assert page.pace_label.text() == f"{needed:,} words a day to make it (10 days left)."
    assert window.session.undo_stack.count() == 2
    window.session.undo_stack.undo()
    assert (
        load_project(project.root).part(part.id).release == ""
        and page.release_edit.specialValueText() == "No date"
    )
    assert page.pace_label.text() == ""


def test_project_target_and_today_in_the_status_bar(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    goals = GoalsFeature.instance(window)
    goals.set_project_target(100)
    assert load_project(project.root).settings["target"] == 100
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, " one two three")
    window.words_label.update_counts()
    assert f"Project {project.words + 3}/100 words" in window.words_label.text()
    assert goals.today_label.text() == "Today +3" and goals.today_label.isVisible()
    window.editor.save_now()
    assert goals.session_net == 3 and goals.today_label.text() == "Today +3"
    dialog = goals.ask_project_target()
    dialog.setIntValue(500)
    dialog.accept()
    assert goals.project_target() == 500


def test_stats_file_is_written_at_most_once_an_interval_and_on_close(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    goals = GoalsFeature.instance(window)
    goals.flush_timer.setInterval(300)
    path = project.root / STATS_NAME
    editor = window.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    for word in ("one", "two", "three"):
        qtbot.keyClicks(editor, f" {word}")
        editor.save_now()
    assert not path.exists() and goals.flush_timer.isActive()  # nothing written while typing
    qtbot.waitUntil(lambda: path.exists(), timeout=3000)
    assert goals.writes == 1
    day = json.loads(path.read_text())["days"][date.today().isoformat()]
    assert day["added"] == 3 and day["minutes"] >= 1
    qtbot.keyClicks(editor, " four")
    editor.save_now()
    assert goals.writes == 1  # the next write waits for the interval
    window.close()
    assert goals.writes == 2
    assert json.loads(path.read_text())["days"][date.today().isoformat()]["added"] == 4


def test_stats_merge_with_the_file_and_outside_texts_are_not_writing(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    today = date.today().isoformat()
    (project.root / STATS_NAME).write_text(json.dumps({"format": 1, "days": {today: {"added": 100}}}))
    window = open_test_window(qtbot, project.root)
    goals = GoalsFeature.instance(window)
    scene = project.parts[0].scenes[1]
    window.session.project.set_scene_text(scene.id, "many more words than before here")
    window.session.scene_text_replaced.emit(scene.id)
    window.session.scene_text_saved.emit(scene.id)
    assert not goals.pending.days  # replaced under the editor: a new baseline, not writing
    window.session.project.add_scene(project.parts[1].id, title="New", text="")
    new = window.session.project.parts[1].scenes[-1]
    window.session.outline_changed.emit(OutlineChange(OutlineChangeKind.ADDED, (new.id,)))
    window.session.project.set_scene_text(new.id, "five words in new scene")
    window.session.scene_text_saved.emit(new.id)
    assert goals.flush()
    assert json.loads((project.root / STATS_NAME).read_text())["days"][today]["added"] == 105
    assert goals.all_stats().days[today].added == 105


def test_read_only_projects_write_no_stats(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root, read_only=True)
    goals = GoalsFeature.instance(window)
    goals.pending.record_save(date.today(), 0, 10)
    assert goals.flush() and not (project.root / STATS_NAME).exists()
