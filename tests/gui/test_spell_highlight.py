"""Spelling in the editor: underlines, the context menu, the word list, the cast, the toggle."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu

from studio.app.changes import CastChangeKind
from studio.core import create_project, load_project
from studio.gui.spelling.feature import SpellingFeature
from studio.gui.spelling.highlight import SpellHighlighter
from tests.gui.window_helpers import open_test_window
from tests.spelling_passage import CAST, PASSAGE, TYPOS, with_typos


def make_passage_project(root: Path, text: str, cast: bool = True) -> Path:
    project = create_project(root, "Harbour Lights")
    project.set_scene_text(project.parts[0].scenes[0].id, text)
    if cast:
        for name, aliases in CAST:
            project.add_character(name, aliases=aliases)
    return project.root


def wait_checked(qtbot, window) -> SpellHighlighter:  # noqa: ANN001
    feature = SpellingFeature.instance(window)
    qtbot.waitUntil(lambda: feature.engine is not None and feature.highlighter.is_idle(), timeout=10_000)
    return feature.highlighter


def flagged(window) -> list[str]:  # noqa: ANN001
    return [word for _, _, word in SpellingFeature.instance(window).highlighter.marks()]


def menu_at_word(window, word: str) -> QMenu:  # noqa: ANN001
    editor = window.editor
    start = editor.toPlainText().index(word)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start + len(word) // 2)
    return editor.build_context_menu(editor.cursorRect(cursor).center())


def action_named(menu: QMenu, name: str):  # noqa: ANN201
    found = [a for a in menu.actions() if a.objectName() == name]
    assert found, [a.objectName() or a.text() for a in menu.actions()]
    return found[0]


@pytest.fixture
def typo_window(qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    window = open_test_window(qtbot, make_passage_project(tmp_path / "story", with_typos()))
    wait_checked(qtbot, window)
    return window


def test_the_passage_with_its_cast_shows_no_underline(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_test_window(qtbot, make_passage_project(tmp_path / "story", PASSAGE))
    wait_checked(qtbot, window)
    assert flagged(window) == []
    assert window.editor.extraSelections() == [] or all(
        s.format.underlineStyle() != QTextCharFormat.UnderlineStyle.SpellCheckUnderline
        for s in window.editor.extraSelections()
    )


def test_every_typo_gets_a_red_wavy_extra_selection(typo_window) -> None:  # noqa: ANN001
    assert sorted(flagged(typo_window)) == sorted(typo for typo, _ in TYPOS)
    text = typo_window.editor.toPlainText()
    underlined = {
        text[s.cursor.selectionStart() : s.cursor.selectionEnd()]
        for s in typo_window.editor.extraSelections()
        if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    }
    assert underlined == {typo for typo, _ in TYPOS}


def test_a_suggestion_from_the_context_menu_replaces_the_word_in_one_undo(qtbot, typo_window) -> None:  # noqa: ANN001
    editor = typo_window.editor
    menu = menu_at_word(typo_window, "stuborn")
    first = menu.actions()[0]
    assert first.objectName() == "spellingSuggestion0" and first.text() == "stubborn"
    assert len([a for a in menu.actions() if a.objectName().startswith("spellingSuggestion")]) <= 5
    first.trigger()
    assert "he’s stubborn, that’s why" in editor.toPlainText() and "stuborn" not in editor.toPlainText()
    highlighter = SpellingFeature.instance(typo_window).highlighter
    qtbot.waitUntil(lambda: "stuborn" not in flagged(typo_window) and highlighter.is_idle())
    assert "stubborn" not in flagged(typo_window)
    editor.undo()
    assert "he’s stuborn, that’s why" in editor.toPlainText()


def test_adding_a_word_clears_it_at_once_and_saves_the_word_list(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_test_window(qtbot, make_passage_project(tmp_path / "story", PASSAGE, cast=False))
    wait_checked(qtbot, window)
    assert flagged(window).count("Marrack") == 2
    menu = menu_at_word(window, "Marrack")
    add = action_named(menu, "spellingAddWordAction")
    add.trigger()
    assert "Marrack" not in flagged(window)  # at once, before any re-check
    assert "Marrack" in (tmp_path / "story" / "words.txt").read_text("utf-8").split()
    wait_checked(qtbot, window)
    assert "Marrack" not in flagged(window) and "Ysolde" in flagged(window)
    # Possessives of an added name are known too.
    action_named(menu_at_word(window, "Fennick’s"), "spellingAddWordAction").trigger()
    assert load_project(tmp_path / "story").word_list == ["Fennick", "Marrack"]
    assert "Fennick’s" not in flagged(window)


def test_a_new_character_is_unflagged_everywhere(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_test_window(qtbot, make_passage_project(tmp_path / "story", PASSAGE, cast=False))
    wait_checked(qtbot, window)
    assert flagged(window).count("Ysolde") + flagged(window).count("Ysolde’s") == 3
    window.project.add_character("Ysolde Brannagh")
    window.session.announce_cast(CastChangeKind.EDITED)
    assert not any(word.startswith("Ysolde") for word in flagged(window))


def test_ignore_is_for_the_session_only(qtbot, typo_window, tmp_path: Path) -> None:  # noqa: ANN001
    action_named(menu_at_word(typo_window, "lighthosue"), "spellingIgnoreAction").trigger()
    assert "lighthosue" not in flagged(typo_window)
    assert "lighthosue" not in (tmp_path / "story" / "words.txt").read_text("utf-8")


def test_typing_a_typo_flags_only_after_the_word_is_done(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_test_window(qtbot, make_passage_project(tmp_path / "story", PASSAGE))
    highlighter = wait_checked(qtbot, window)
    editor = window.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    generation = highlighter.generation
    qtbot.keyClicks(editor, "The hosue")
    qtbot.waitUntil(highlighter.is_idle)
    assert editor.hasFocus()
    assert "hosue" not in flagged(window)  # the word under the caret waits until the caret leaves it
    qtbot.keyClicks(editor, " fell.")
    qtbot.waitUntil(lambda: "hosue" in flagged(window) and highlighter.is_idle())
    assert highlighter.generation == generation  # only the changed block was checked again


def test_results_for_text_changed_meanwhile_are_dropped(qtbot, typo_window) -> None:  # noqa: ANN001
    editor = typo_window.editor
    highlighter = SpellingFeature.instance(typo_window).highlighter
    highlighter.recheck_all()
    cursor = QTextCursor(editor.document())
    cursor.setPosition(editor.toPlainText().index("coastgaurd"))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText("coastguard")  # before the worker's results for the old text arrive
    qtbot.waitUntil(highlighter.is_idle)
    assert "coastgaurd" not in flagged(typo_window)
    for start, length, word in highlighter.marks():
        assert editor.toPlainText()[start : start + length] == word


def test_the_spelling_toggle_is_stored_in_the_project(qtbot, typo_window, tmp_path: Path) -> None:  # noqa: ANN001
    toggle = action_named(typo_window.menu("tools"), "spellingToggleAction")
    assert toggle.isChecked()
    menu_toggle = action_named(menu_at_word(typo_window, "stuborn"), "spellingToggleAction")
    menu_toggle.trigger()
    assert not toggle.isChecked() and flagged(typo_window) == []
    wave = QTextCharFormat.UnderlineStyle.SpellCheckUnderline  # (proofreading's dotted ones may stay)
    assert [s for s in typo_window.editor.extraSelections() if s.format.underlineStyle() == wave] == []
    manifest = json.loads((tmp_path / "story" / "story.json").read_text("utf-8"))
    assert manifest["settings"]["spelling"] is False
    menu = menu_at_word(typo_window, "stuborn")
    assert not any(a.objectName().startswith("spellingSuggestion") for a in menu.actions())
    toggle.trigger()
    wait_checked(qtbot, typo_window)
    assert "stuborn" in flagged(typo_window)


def test_choosing_another_language_rechecks_with_its_dictionary(qtbot, typo_window, tmp_path: Path) -> None:  # noqa: ANN001
    feature = SpellingFeature.instance(typo_window)
    feature.set_language("fr")
    # a machine that never used French builds its word list first (about 15 s)
    qtbot.waitUntil(lambda: feature.engine is not None and feature.engine.language == "fr", timeout=90000)
    wait_checked(qtbot, typo_window)
    assert "harbour" in [w.lower() for w in flagged(typo_window)]
    assert load_project(tmp_path / "story").language == "fr"


def test_words_typed_into_the_word_list_dialog_are_unflagged(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from studio.gui.spelling.dialogs import LanguageDialog

    window = open_test_window(qtbot, make_passage_project(tmp_path / "story", PASSAGE, cast=False))
    wait_checked(qtbot, window)
    action_named(window.menu("tools"), "wordListAction").trigger()
    dialog = SpellingFeature.instance(window).word_list_dialog
    dialog.editor.setPlainText("Ysolde\n\nTamsin\nYsolde\n")
    dialog.accept()
    assert not {"Ysolde", "Ysolde’s", "Tamsin"} & set(flagged(window))
    assert load_project(tmp_path / "story").word_list == ["Tamsin", "Ysolde"]
    languages = LanguageDialog("de")
    qtbot.addWidget(languages)
    codes = [languages.combo.itemData(i) for i in range(languages.combo.count())]
    assert {"en", "de", "fr", "fa"} <= set(codes) and languages.language() == "de"


def test_switching_scenes_checks_the_new_text_from_its_first_word(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    root = make_passage_project(tmp_path / "story", PASSAGE)
    project = load_project(root)
    other = project.add_scene(project.parts[0].id, title="Other", text="Teh tide turned.\n\nNothing else.").id
    window = open_test_window(qtbot, root)
    wait_checked(qtbot, window)
    window.editor.setFocus()
    window.show_scene(other)
    wait_checked(qtbot, window)
    assert flagged(window) == ["Teh"]
    assert window.editor.textCursor().position() == 0


def test_batches_of_an_old_generation_are_skipped_and_checking_settles(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_test_window(qtbot, make_passage_project(tmp_path / "story", with_typos() * 30))
    highlighter = wait_checked(qtbot, window)
    assert len(flagged(window)) == 30 * len(TYPOS)
    highlighter.recheck_all()
    qtbot.waitUntil(lambda: highlighter._jobs > 3)  # batches queued on the worker
    highlighter.set_enabled(False)
    highlighter.set_enabled(True)  # a newer generation: the queued batches are skipped
    wait_checked(qtbot, window)
    assert len(flagged(window)) == 30 * len(TYPOS)
