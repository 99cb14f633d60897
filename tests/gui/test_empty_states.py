"""Empty places say what to do next: Import before files, History before a snapshot, a new scene, no cast."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.core.safety import snapshots
from studio.gui.characters.feature import CharactersFeature
from studio.gui.editor.editor import EMPTY_SCENE_HINT, NO_SCENE_HINT
from studio.gui.publishing import import_dialog
from studio.gui.publishing.import_dialog import ImportDialog
from studio.gui.safety.feature import SafetyFeature
from tests.gui.window_helpers import make_story, open_test_window


def test_import_before_files_are_chosen_offers_to_choose_them(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    story = tmp_path / "chapter.txt"
    story.write_text("Part One: Dawn\n\nLight came.\n", encoding="utf-8")
    monkeypatch.setattr(import_dialog, "choose_import_files", lambda _parent, _start="": [str(story)])
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    state = dialog.empty_state
    assert state.isVisible() and state.label.text().startswith("Choose the files to import")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert dialog.files_label.text() == "No files chosen yet"
    qtbot.waitUntil(lambda: state.label.height() > 0)
    assert state.label.height() >= state.label.heightForWidth(state.label.width())  # every line shows
    dialog.resize(420, 500)  # narrower: the hint wraps on more lines, still whole
    qtbot.waitUntil(lambda: state.label.width() <= 420 - 32)
    assert state.label.height() >= state.label.heightForWidth(state.label.width())
    assert state.button is not None and state.button.text() == "Choose Files…"
    state.button.click()  # the next step, from the empty preview itself
    assert dialog.tree.topLevelItemCount() == 1 and not state.isVisible()
    dialog.set_files([tmp_path / "missing.txt"])  # read fails: the hint says to choose others
    assert state.isVisible() and "Choose other files" in state.label.text()


def test_history_says_what_to_do_before_a_snapshot_is_compared(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    safety = SafetyFeature.instance(window)
    safety.history_dock.show()
    panel = safety.history_panel
    assert panel.diff.browser.toPlainText().startswith("No snapshots of this scene yet")
    safety.take_action.trigger()
    panel.list.setCurrentRow(-1)
    panel.show_selected()
    assert panel.diff.hint == "Select a snapshot to compare with the text now."
    assert panel.diff.browser.toPlainText() == panel.diff.hint
    panel.list.setCurrentRow(0)
    assert "No differences" in panel.diff.browser.toPlainText()
    assert snapshots.list(window.project, panel.scene_id)


def test_a_new_empty_scene_invites_writing_not_selecting(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    before = {s.id for s in window.project.iter_scenes()}
    window.outline_view.setFocus()
    window.outline_view.new_scene_action.trigger()  # Scene › New Scene (Ctrl+N), as the writer does
    [new_id] = {s.id for s in window.project.iter_scenes()} - before
    qtbot.waitUntil(lambda: window.editor.current_scene_id() == new_id)
    assert window.outline_view.current_id() == new_id  # selected in the outline
    editor = window.editor
    assert editor.current_scene_id() == new_id and editor.toPlainText() == ""
    assert editor.isEnabled() and not editor.isReadOnly()
    assert editor.placeholderText() == EMPTY_SCENE_HINT != NO_SCENE_HINT
    editor.show_scene(None)
    assert editor.placeholderText() == NO_SCENE_HINT


def test_characters_with_no_cast_say_how_to_add_one(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    feature = CharactersFeature.instance(window)
    feature.dock.show()
    panel = feature.panel
    state = panel.empty_state
    assert state.isVisible() and state.label.text() == "No characters yet."
    assert state.button is not None
    state.button.click()
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1, timeout=3000)
    assert not state.isVisible()
    panel.filter_edit.setText("zzz")
    qtbot.waitUntil(state.isVisible, timeout=3000)
    assert state.label.text() == "No character matches the filter."


def test_trash_and_search_name_their_empty_state(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    window.left_tabs.setCurrentWidget(window.trash_panel)
    label = window.trash_panel.empty_label
    assert label.isVisible() and label.text().startswith("The trash is empty.")
    from studio.gui.search.feature import SearchFeature

    search = SearchFeature.instance(window)
    panel = search.panel
    assert panel.status.text() == "Type to search scenes, titles, synopses and notes."
