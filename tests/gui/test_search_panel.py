"""The search panel in the real window: live results grouped by part and scene, options, opening hits."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from studio.gui.characters.feature import CharactersFeature
from studio.gui.search.feature import SearchFeature
from studio.gui.search.results import HIT_ROLE
from studio.gui.workers import wait_for_worker
from tests.gui.window_helpers import make_story, open_test_window

TEXTS = {
    "One": ["The lamp went out.\nI’m sure the *lamp* was lit.", "No light here."],
    "Two": ["A lamp, a LAMP, lamplight."],
}


@pytest.fixture
def window(qtbot, tmp_path):
    project = make_story(tmp_path / "story", TEXTS)
    character = project.add_character("Wren")
    project.set_character_notes(character.id, "Keeps the lamp.")
    window = open_test_window(qtbot, tmp_path / "story")
    yield window
    if shiboken6.isValid(window):
        window.session.undo_stack.clear()


def run_search(qtbot, feature: SearchFeature, pattern: str) -> None:
    feature.show_search()
    generation = feature.panel.generation
    feature.panel.pattern_edit.setText(pattern)
    qtbot.waitUntil(lambda: feature.panel.generation > generation, timeout=2000)
    wait_for_worker()
    qtbot.waitUntil(lambda: not feature.panel.timer.isActive())
    qtbot.wait(20)


def tree_texts(tree) -> list:
    rows = []
    for g in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(g)
        owners = []
        for o in range(group.childCount()):
            owner = group.child(o)
            owners.append((owner.text(0), [owner.child(h).text(0) for h in range(owner.childCount())]))
        rows.append((group.text(0), owners))
    return rows


def test_live_results_grouped_by_part_and_scene_with_counts(qtbot, window):
    feature = SearchFeature.instance(window)
    dock = window.findChild(QDockWidget, "searchPanel")
    assert dock is feature.dock
    shortcut = window.findChild(QAction, "searchProjectAction").shortcut().toString()
    assert shortcut == "Ctrl+Shift+F"
    run_search(qtbot, feature, "lamp")
    assert dock.isVisible()
    assert feature.panel.status.text() == "6 hits in 2 scenes and 1 note."
    groups = tree_texts(feature.panel.tree)
    assert [g[0] for g in groups] == ["One  (2)", "Two  (3)", "Character notes  (1)"]
    assert groups[0][1][0][0] == "One 1  (2)"
    assert groups[1][1][0][1] == ["A lamp, a LAMP, lamplight."] * 3
    html = feature.panel.tree.hit_rows()[0].data(0, HIT_ROLE)
    assert "<b" in html and ">lamp</b>" in html


def test_options_quotes_and_a_bad_regex(qtbot, window):
    feature = SearchFeature.instance(window)
    run_search(qtbot, feature, "I'm sure")
    assert feature.panel.status.text() == "1 hit in 1 scene."
    feature.panel.word_box.setChecked(True)
    run_search(qtbot, feature, "lamp")
    assert feature.panel.status.text() == "5 hits in 2 scenes and 1 note."
    feature.panel.case_box.setChecked(True)
    run_search(qtbot, feature, "LAMP")
    assert feature.panel.status.text() == "1 hit in 1 scene."
    feature.panel.regex_box.setChecked(True)
    run_search(qtbot, feature, "(lamp")
    status = feature.panel.status.text()
    assert status.startswith("Not a valid regular expression") and "\n" not in status
    assert feature.panel.tree.topLevelItemCount() == 0


def test_the_editors_unsaved_text_is_searched(qtbot, window):
    feature = SearchFeature.instance(window)
    window.show_scene(next(window.session.project.iter_scenes()).id)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText(" zebracorn")
    run_search(qtbot, feature, "zebracorn")
    assert feature.panel.status.text() == "1 hit in 1 scene."


def test_a_click_opens_the_scene_at_the_hit_and_notes_open_the_character(qtbot, window):
    feature = SearchFeature.instance(window)
    run_search(qtbot, feature, "lamp")
    rows = feature.panel.tree.hit_rows()
    feature.panel.tree.itemClicked.emit(rows[1], 0)
    first = next(window.session.project.iter_scenes())
    assert window.editor.current_scene_id() == first.id
    cursor = window.editor.textCursor()
    assert (cursor.selectionStart(), cursor.selectedText()) == (33, "lamp")
    feature.panel.tree.itemClicked.emit(rows[-1], 0)
    characters = CharactersFeature.instance(window)
    assert characters.panel.character_id == window.session.project.characters[0].id


def test_a_stale_result_is_dropped(qtbot, window):
    feature = SearchFeature.instance(window)
    feature.show_search()
    feature.panel.pattern_edit.setText("lamp")
    feature.panel.start_search()
    feature.panel.pattern_edit.setText("light")
    feature.panel.start_search()
    wait_for_worker()
    qtbot.wait(50)
    assert feature.panel.status.text() == "2 hits in 2 scenes."
