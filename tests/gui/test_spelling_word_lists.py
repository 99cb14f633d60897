"""The context menu's word-list actions, the one dialog for both lists, the language in the status bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from studio.core import create_project, load_project
from studio.core.paths import user_word_list_path
from studio.core.spelling.dictionary import Dictionary
from studio.gui.spelling.feature import SpellingFeature
from tests.gui.test_spell_highlight import action_named, flagged, menu_at_word, wait_checked
from tests.gui.window_helpers import open_test_window


@pytest.fixture(autouse=True, scope="module")
def _dictionaries_built() -> None:
    """Build the word lists first (once per machine, seconds): the windows then load them quickly."""
    Dictionary.load("en-US")
    Dictionary.load("en-GB")
    Dictionary.load("es")


TEXT = "Zorblat came home. Glimmerwick waited.\n\nZorblat and Glimmerwick, Quendrix too."


def story(root: Path, language: str = "en-US") -> Path:
    project = create_project(root, "Words", language=language)
    project.set_scene_text(project.parts[0].scenes[0].id, TEXT)
    return project.root


def test_add_to_dictionary_sits_beside_add_to_project_word_list(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_test_window(qtbot, story(tmp_path / "story"))
    wait_checked(qtbot, window)
    assert {"Zorblat", "Glimmerwick", "Quendrix"} <= set(flagged(window))
    menu = menu_at_word(window, "Zorblat")
    names = [a.objectName() for a in menu.actions()]
    project_at = names.index("spellingAddWordAction")
    assert names[project_at + 1 : project_at + 3] == ["spellingAddToDictionaryAction", "spellingIgnoreAction"]
    assert action_named(menu, "spellingIgnoreAction").text() == "Ignore All"
    action_named(menu, "spellingAddToDictionaryAction").trigger()
    assert "Zorblat" not in flagged(window)
    assert user_word_list_path().read_text("utf-8").split() == ["Zorblat"]
    assert "Zorblat" not in (tmp_path / "story" / "words.txt").read_text("utf-8")
    # Another project knows it too: the list is user-wide.
    other = open_test_window(qtbot, story(tmp_path / "other"))
    wait_checked(qtbot, other)
    assert "Zorblat" not in flagged(other) and "Quendrix" in flagged(other)


def test_ignore_all_unflags_every_occurrence_until_the_app_closes(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_test_window(qtbot, story(tmp_path / "story"))
    wait_checked(qtbot, window)
    assert flagged(window).count("Glimmerwick") == 2
    action_named(menu_at_word(window, "Glimmerwick"), "spellingIgnoreAction").trigger()
    assert "Glimmerwick" not in flagged(window)
    assert not user_word_list_path().exists() or "Glimmerwick" not in user_word_list_path().read_text("utf-8")


def test_one_dialog_edits_both_lists(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    user_word_list_path().write_text("Quendrix\n", encoding="utf-8")
    window = open_test_window(qtbot, story(tmp_path / "story"))
    wait_checked(qtbot, window)
    assert "Quendrix" not in flagged(window)
    action_named(window.menu("tools"), "wordListAction").trigger()
    dialog = SpellingFeature.instance(window).word_list_dialog
    assert dialog is not None and dialog.tabs.count() == 2
    assert dialog.user_editor.toPlainText() == "Quendrix"
    dialog.editor.setPlainText("Glimmerwick\n")
    dialog.user_editor.setPlainText("Zorblat\n\nZorblat\n")
    dialog.accept()
    wait_checked(qtbot, window)
    assert load_project(tmp_path / "story").word_list == ["Glimmerwick"]
    assert user_word_list_path().read_text("utf-8") == "Zorblat\n"
    assert flagged(window) == ["Quendrix"]


def test_the_language_is_shown_and_changed_from_the_status_bar(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_test_window(qtbot, story(tmp_path / "story", language="en-GB"))
    feature = SpellingFeature.instance(window)
    wait_checked(qtbot, window)
    assert feature.language_button.text() == "English (UK)"
    qtbot.mouseClick(feature.language_button, Qt.MouseButton.LeftButton)
    dialog = feature.language_dialog
    assert dialog is not None
    dialog.combo.setCurrentIndex(dialog.combo.findData("es"))
    dialog.accept()
    assert feature.language_button.text() == "Spanish"
    assert load_project(tmp_path / "story").language == "es"
    qtbot.waitUntil(lambda: feature.engine is not None and feature.engine.language == "es", timeout=60_000)
