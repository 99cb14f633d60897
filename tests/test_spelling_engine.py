"""The spelling engine: the dictionary plus the story's own words, and suggestions."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from studio.core import create_project
from studio.core.errors import StudioError
from studio.core.paths import user_word_list_path
from studio.core.spelling.checker import SpellEngine, apostrophe_style, match_case
from studio.core.spelling.dictionary import Dictionary, available_languages
from tests.spelling_passage import CAST, PASSAGE, TYPOS, cast_names, with_typos


@pytest.fixture(scope="module")
def english() -> Dictionary:
    return Dictionary.load("en")


@pytest.fixture
def engine(english: Dictionary) -> SpellEngine:
    return SpellEngine("en", english)


def flagged(engine: SpellEngine, text: str) -> list[str]:
    return [token.word for token in engine.check(text)]


def test_the_passage_with_its_cast_known_has_no_false_alarm(engine: SpellEngine) -> None:
    assert set(flagged(engine, PASSAGE)) >= {"Ysolde", "Tamsin", "Marrack", "Fennick’s", "Oyelarans’"}
    engine.set_words("characters", cast_names())
    assert flagged(engine, PASSAGE) == []


def test_every_injected_typo_is_flagged_with_the_intended_word_suggested(engine: SpellEngine) -> None:
    engine.set_words("characters", cast_names())
    found = engine.check(with_typos())
    assert sorted(t.word for t in found) == sorted(typo for typo, _ in TYPOS)
    for typo, intended in TYPOS:
        suggestions = engine.suggest(typo)
        assert intended in suggestions, (typo, suggestions)
        assert len(suggestions) <= 5


@pytest.mark.parametrize(
    "word",
    [
        "it’s",
        "don’t",
        "would’ve",
        "wouldn’t’ve",
        "Spike’s",
        "centuries’",
        "’cause",
        "’em",
        "’sides",
        "nothin’",
        "runnin’",
        "o’",
        "y’know",
        "colour",
        "favourite",
        "realised",
        "organisation",
        "centre",
        "theatres",
        "travelled",
        "defence",
        "manoeuvre",
        "analyse",
        "programme",
        "SHOUTING",
        "DON’T",
        "J",
    ],
)
def test_fiction_forms_of_known_words_are_known(engine: SpellEngine, word: str) -> None:
    assert engine.is_known(word)


@pytest.mark.parametrize("word", ["teh", "dont", "colur", "runnng’", "’caus", "Spkie’s", "TEH", "qzx"])
def test_misspellings_stay_unknown(engine: SpellEngine, word: str) -> None:
    assert not engine.is_known(word)


def test_the_case_pattern_and_apostrophe_are_kept(engine: SpellEngine) -> None:
    assert engine.suggest("Teh")[0] == "The"
    assert engine.suggest("TEH")[0] == "THE"
    assert engine.suggest("teh")[0] == "the"
    assert "didn’t" in engine.suggest("did’nt")
    assert "didn't" in engine.suggest("did'nt")
    assert "don't" in engine.suggest("dont", apostrophe="'")
    assert "don’t" in engine.suggest("dont")
    assert "’cause" in engine.suggest("’caus")
    assert match_case("McKay", "mckay") == "Mckay" and match_case("O", "of") == "Of"
    assert apostrophe_style("it’s, don't, can’t") == "’" and apostrophe_style("it's") == "'"


def test_names_are_suggested_with_their_own_spelling(engine: SpellEngine) -> None:
    engine.set_words("characters", ["Fennick D’Arcy-Voss"])
    assert engine.suggest("Fenick")[0] == "Fennick"
    assert engine.suggest("fenick")[0] == "Fennick"
    assert engine.is_known("D’Arcy’s") and engine.is_known("d'arcy") and engine.is_known("Vosses")


def test_project_words_characters_and_user_words_come_from_the_project(tmp_path: Path) -> None:
    project = create_project(tmp_path / "story", "T")
    project.word_list = ["glimmerwick", "Haldane’s Reach"]
    project.save_word_list()
    name, aliases = CAST[0]
    project.add_character(name, aliases=aliases)
    user_word_list_path().write_text("snarkle\n\n", encoding="utf-8")
    engine = SpellEngine.for_project(project)
    for word in ["glimmerwick", "Glimmerwicks", "Haldane", "Reach", "Ysolde’s", "Brannagh", "Sol", "snarkle"]:
        assert engine.is_known(word), word
    assert not engine.is_known("snorkle")
    assert not SpellEngine.for_project(project, user_words=False).is_known("snarkle")


def test_ignore_lasts_for_the_engine_only_and_bumps_the_version(english: Dictionary) -> None:
    engine = SpellEngine("en", english)
    assert not engine.is_known("Zorblat")
    version = engine.version
    engine.ignore("Zorblat")
    assert engine.is_known("zorblat") and engine.is_known("Zorblat’s") and engine.version > version
    assert engine.words("ignored") == ["Zorblat"]
    assert not SpellEngine("en", english).is_known("Zorblat")


def test_long_words_get_bounded_suggestions(engine: SpellEngine) -> None:
    assert engine.suggest("antidisestablishmentarianismm")[0] == "antidisestablishmentarianism"
    assert engine.suggest("x" * 60) == []
    assert "tomorrow" in engine.suggest("tommorow")  # two edits away


def test_every_shipped_language_loads() -> None:
    languages = available_languages()
    assert {"en", "es", "fr", "pt", "de", "it", "ru", "ar", "lv", "eu", "nl", "fa"} <= set(languages)
    checks = {"de": "Straße", "fr": "l’homme", "it": "dell’anno", "es": "niño", "nl": "auto's", "ru": "мама"}
    for language, word in checks.items():
        assert SpellEngine(language).is_known(word), (language, word)
    assert SpellEngine("en-GB").language == "en-gb" and SpellEngine("pt_BR").language == "pt"
    with pytest.raises(StudioError, match="no spelling dictionary"):
        SpellEngine("xx")


def test_words_added_from_another_thread_while_checking(engine: SpellEngine) -> None:
    text = with_typos() * 20
    errors: list[BaseException] = []

    def check_many() -> None:
        try:
            for _ in range(30):
                engine.check(text)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    worker = threading.Thread(target=check_many)
    worker.start()
    for index in range(30):
        engine.set_words("project", [f"word{index}", "Tamsn"])
    worker.join()
    assert errors == []
    engine.set_words("characters", cast_names())
    assert "Tamsn" not in flagged(engine, with_typos())
