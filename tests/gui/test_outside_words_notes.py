"""Outside edits to words.txt and character notes, with the real watchdog observer."""

from __future__ import annotations

from studio.app.changes import CastChangeKind
from studio.core.storage import WORDLIST_NAME
from studio.gui.characters.feature import CharactersFeature
from studio.gui.safety.feature import SafetyFeature
from studio.gui.spelling.feature import SpellingFeature
from tests.gui.window_helpers import make_story, open_test_window, scene_file

WAIT = 5000


def handled_batches(window) -> list:
    batches: list = []
    SafetyFeature.instance(window).watch.handled.connect(batches.append)
    return batches


def spelling_ready(qtbot, window):
    feature = SpellingFeature.instance(window)
    qtbot.waitUntil(lambda: feature.engine is not None, timeout=10_000)
    return feature.engine


def open_with_character(qtbot, tmp_path, notes: str = "Tall. Hates boats.\n"):
    project = make_story(tmp_path / "story")
    character = project.add_character("Mara Quill", notes=notes)
    window = open_test_window(qtbot, project.root)
    panel = CharactersFeature.instance(window).panel
    panel.select_character(character.id)
    notes_path = window.project.store.character_path(character.file)
    return window, panel, character.id, notes_path


def test_words_txt_changed_outside_reloads_the_word_list_and_spelling(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    engine = spelling_ready(qtbot, window)
    assert not engine.is_known("Zorblax")
    with qtbot.waitSignal(window.session.word_list_changed, timeout=WAIT):
        (project.root / WORDLIST_NAME).write_text("Zorblax\nQuillon\n", "utf-8")
    assert window.project.word_list == ["Quillon", "Zorblax"]
    assert SpellingFeature.instance(window).engine.is_known("Zorblax")


def test_words_txt_that_is_not_utf8_keeps_the_list_and_says_so(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    SpellingFeature.instance(window).add_to_word_list("Quillon")
    batches = handled_batches(window)
    (project.root / WORDLIST_NAME).write_bytes(b"Zorbl\xe4x\n")
    qtbot.waitUntil(lambda: any(b.word_list_changed for b in batches), timeout=WAIT)
    assert window.project.word_list == ["Quillon"]
    assert "not valid UTF-8" in window.statusBar().currentMessage()


def test_own_word_list_and_notes_saves_are_not_outside_changes(qtbot, tmp_path):
    window, panel, character_id, _notes_path = open_with_character(qtbot, tmp_path)
    batches = handled_batches(window)
    reloads: list = []
    window.session.word_list_changed.connect(lambda: reloads.append("word list"))
    SpellingFeature.instance(window).add_to_word_list("Quillon")  # the app's own write of words.txt
    reloads.clear()
    window.project.set_character_notes(character_id, "Written by the app.\n")
    scene_file(window.project, 1).write_text("outside marker\n", "utf-8")
    other = list(window.project.iter_scenes())[1].id
    qtbot.waitUntil(lambda: any(other in b.scenes_changed for b in batches), timeout=WAIT)
    assert not any(b.word_list_changed or b.notes_changed for b in batches)
    assert reloads == []
    assert window.project.word_list == ["Quillon"]


def test_notes_changed_outside_show_in_the_panel(qtbot, tmp_path):
    window, panel, character_id, notes_path = open_with_character(qtbot, tmp_path)
    assert panel.notes_edit.toPlainText() == "Tall. Hates boats.\n"
    notes_path.write_text("Tall. Learned to sail.\n", "utf-8")
    qtbot.waitUntil(lambda: panel.notes_edit.toPlainText() == "Tall. Learned to sail.\n", timeout=WAIT)
    # the reloaded notes are the new base: typing and saving now writes without a clash
    panel.notes_edit.moveCursor(panel.notes_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.notes_edit, "Owns a dog.")
    panel.save_notes()
    assert notes_path.read_text("utf-8") == "Tall. Learned to sail.\nOwns a dog."


def test_notes_changed_outside_keep_unsaved_panel_edits(qtbot, tmp_path):
    window, panel, character_id, notes_path = open_with_character(qtbot, tmp_path)
    batches = handled_batches(window)
    panel.notes_edit.moveCursor(panel.notes_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.notes_edit, "Mine.")
    notes_path.write_text("Theirs.\n", "utf-8")
    qtbot.waitUntil(lambda: any(character_id in b.notes_changed for b in batches), timeout=WAIT)
    assert panel.notes_edit.toPlainText() == "Tall. Hates boats.\nMine."
    panel.save_notes()  # the clash is reported, nothing is overwritten
    assert notes_path.read_text("utf-8") == "Theirs.\n"
    assert panel.notes_edit.toPlainText() == "Tall. Hates boats.\nMine."


def test_notes_of_another_character_are_read_when_shown(qtbot, tmp_path):
    window, panel, first_id, _notes_path = open_with_character(qtbot, tmp_path)
    second = window.project.add_character("Jess Summers", notes="Quiet.\n")
    window.session.announce_cast(CastChangeKind.EDITED)
    batches = handled_batches(window)
    second_path = window.project.store.character_path(second.file)
    second_path.write_text("Loud now.\n", "utf-8")
    qtbot.waitUntil(lambda: any(second.id in b.notes_changed for b in batches), timeout=WAIT)
    assert panel.notes_edit.toPlainText() == "Tall. Hates boats.\n"
    panel.select_character(second.id)
    assert panel.notes_edit.toPlainText() == "Loud now.\n"
