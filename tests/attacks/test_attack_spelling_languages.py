"""Attacks on spelling per language (issue 18, branch lang): the word-list cache and odd languages."""

from __future__ import annotations

import json
import marshal

from studio.core.spelling.dictionary import _fingerprint
from studio.gui.spelling.feature import SpellingFeature
from tests.conftest import run_cli
from tests.core.helpers import make_project
from tests.gui.window_helpers import make_story, open_test_window


def test_a_cache_file_with_wrong_contents_is_rebuilt_with_one_line(tmp_path, monkeypatch):  # noqa: ANN001
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("STUDIO_CACHE_DIR", str(cache))
    damaged = cache / f"words-en-{_fingerprint('en')}.bin"
    damaged.write_bytes(marshal.dumps(({"the": "often", 7: 7}, "abc", "abc")))
    project = make_project(tmp_path / "p", {"One": ["The the teh."]})
    result = run_cli("check", str(project.root))
    assert "Traceback" not in result.stderr, result.stderr[-400:]
    assert result.returncode == 3 and "teh" in result.stdout


def test_a_language_with_no_dictionary_opens_the_window_and_says_so(qtbot, tmp_path):  # noqa: ANN001
    project = make_story(tmp_path / "story", {"One": ["Klingon text, qaStaH nuq."]})
    doc = json.loads((project.root / "story.json").read_text("utf-8"))
    doc["language"] = "tlh"
    (project.root / "story.json").write_text(json.dumps(doc), "utf-8")
    window = open_test_window(qtbot, project.root)
    assert SpellingFeature.instance(window) is not None
    window.show_scene(next(window.project.iter_scenes()).id)
    said = "Spelling is off: no spelling dictionary for language 'tlh'"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(said), timeout=20000)
    assert json.loads((project.root / "story.json").read_text("utf-8"))["language"] == "tlh"


def test_add_to_dictionary_never_wipes_a_user_word_list_it_cannot_read(qtbot, tmp_path):  # noqa: ANN001
    from studio.core import create_project
    from studio.core.paths import user_word_list_path
    from tests.gui.test_spell_highlight import action_named, menu_at_word, wait_checked

    mine = "Maraq\nCaf\xe9Noir\nGlimmerwick\n".encode("latin-1")  # kept by hand, in another encoding
    user_word_list_path().parent.mkdir(parents=True, exist_ok=True)
    user_word_list_path().write_bytes(mine)
    project = create_project(tmp_path / "story", "Words", language="en-US")
    project.set_scene_text(project.parts[0].scenes[0].id, "Zorblat came home.")
    window = open_test_window(qtbot, project.root)
    wait_checked(qtbot, window)
    action_named(menu_at_word(window, "Zorblat"), "spellingAddToDictionaryAction").trigger()
    kept = user_word_list_path().read_bytes()
    assert b"Maraq" in kept and b"Glimmerwick" in kept and b"Caf" in kept
