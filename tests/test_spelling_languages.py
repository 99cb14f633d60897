"""Dictionaries for seven languages: sentences that must pass, typos that must not, the cache."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest

from studio.core.spelling import dictionary as spelling_dictionary
from studio.core.spelling.checker import SpellEngine
from studio.core.spelling.dictionary import Dictionary, is_cached

CLEAN = {
    "es": "¿Dónde estabas? ¡Dijo que había ido, pero no fue! Todos sabían que el niño tenía "
    "miedo. Apágalo y dígamelo mañana; pulsándolas no ocurrió nada.",
    "fr": "Elle disait qu’il fallait qu’on l’attendît ; jusqu’à hier, son cœur et sa sœur "
    "(sa soeur, son coeur) l'avaient cru. S’il eût pu, il l’eût fait. Aujourd’hui, d’autres.",
    "de": "Die Straße war leer, und die Strasse daneben auch. Er sagte, dass die Kinder "
    "im Wohnzimmer spielten. Das Fahrradschloss und die Haustürschlüssel lagen da.",
    "it": "Dell’anno scorso ricordo l’estate: c’è stato un temporale, e quell’uomo disse "
    "dimmelo, poi andò via. Non voglio farlo, ma dovrò parlarne all'amica dell'avvocato.",
    "pt": "Ela disse que não sabia onde estava o coração daquela cidade. Nós fomos à praia "
    "e ficámos lá até à noite, porque o tempo estava ótimo.",
    "nl": "Hij zei dat het weer goed was. De kinderen speelden in de tuin en de "
    "fietsenstalling stond vol. Toegankelijkheidsinstellingen zijn handig.",
    "en-US": "She realized the color of the center was gray; the theater's program was canceled.",
    "en-GB": "She realised the colour of the centre was grey; the theatre's programme was cancelled.",
}
TYPOS = {
    "es": ["habia", "dijjo", "tdos", "peor" + "q"],
    "fr": ["maisom", "coeurr", "atendre", "lhomme"],
    "de": ["Strase", "Kinderr", "spilten", "Haus" + "tzr"],
    "it": ["dell’anon", "ricodro", "tempoarle"],
    "pt": ["coraçao" + "x", "cidadde", "praai"],
    "nl": ["kinderren", "kindren", "tiun", "speeldne"],
    "en-US": ["computres", "fingres", "colour", "centre", "realised"],
    "en-GB": ["computres", "fingres", "color", "center", "realized"],
}


def flagged(engine: SpellEngine, text: str) -> list[str]:
    return [token.word for token in engine.check(text)]


@pytest.mark.parametrize("code", sorted(CLEAN))
def test_ordinary_sentences_pass(code: str) -> None:
    assert flagged(SpellEngine(code), CLEAN[code]) == []


@pytest.mark.parametrize("code", sorted(TYPOS))
def test_typos_are_flagged(code: str) -> None:
    engine = SpellEngine(code)
    for typo in TYPOS[code]:
        assert not engine.is_known(typo), (code, typo)


def test_suggestions_come_in_the_project_variant() -> None:
    british, american = SpellEngine("en-GB").suggest("colur"), SpellEngine("en-US").suggest("colur")
    assert "colour" in british[:2] and "color" not in british
    assert "color" in american[:2] and "colour" not in american
    assert "computers" in SpellEngine("en-US").suggest("computres")
    assert SpellEngine("es").suggest("habia")[0] == "había"


def test_english_typo_set_is_flagged_and_suggested() -> None:
    rows = [
        line.split("\t")
        for line in (Path(__file__).parent / "data" / "spelling" / "english_typos.tsv")
        .read_text("utf-8")
        .splitlines()
        if line and not line.startswith("#")
    ]
    assert len(rows) >= 100
    engine = SpellEngine("en-US")
    flagged_count = sum(not engine.is_known(typo) for typo, _, _ in rows)
    in_top5 = sum(truth in engine.suggest(typo) for typo, truth, _ in rows)
    assert flagged_count >= 0.95 * len(rows)
    assert in_top5 >= 0.90 * len(rows)


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("STUDIO_CACHE_DIR", str(folder))
    spelling_dictionary._LOADED.pop("en-us", None)
    yield folder
    spelling_dictionary._LOADED.pop("en-us", None)


def test_the_merged_list_is_built_once_then_read_from_the_cache(own_cache: Path) -> None:
    assert not is_cached("en-US")
    first = Dictionary.load("en-US")
    files = list(own_cache.glob("packed-en-us-*.bin"))
    assert len(files) == 1 and is_cached("en-US")
    written = files[0].stat().st_mtime_ns
    spelling_dictionary._LOADED.pop("en-us", None)
    started = time.perf_counter()
    again = Dictionary.load("en-US")
    assert time.perf_counter() - started < 5  # read back, not rebuilt (a build takes far longer)
    assert again.frequencies == first.frequencies
    assert files[0].stat().st_mtime_ns == written


def test_a_damaged_cache_is_rebuilt_with_one_clear_line(
    own_cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    first = Dictionary.load("en-US")
    cache = next(own_cache.glob("packed-en-us-*.bin"))
    cache.write_bytes(b"\x00not a word list")
    spelling_dictionary._LOADED.pop("en-us", None)
    with caplog.at_level(logging.WARNING, logger="studio.spelling"):
        again = Dictionary.load("en-US")
    assert len(again) == len(first)
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 1 and "damaged" in messages[0] and "\n" not in messages[0]
    assert next(own_cache.glob("packed-en-us-*.bin")).read_bytes() != b"\x00not a word list"


def test_the_cache_is_outside_the_project_and_the_config(own_cache: Path, isolated_config: Path) -> None:
    Dictionary.load("en-US")
    assert list(own_cache.glob("packed-*.bin")) and not list(isolated_config.rglob("packed-*.bin"))


def test_language_details() -> None:
    english, french, german, spanish = (
        SpellEngine("en"),
        SpellEngine("fr"),
        SpellEngine("de"),
        SpellEngine("es"),
    )
    assert english.is_known("archæology") and english.is_known("encyclopaedia")
    assert french.is_known("cœur") and french.is_known("coeur") and french.is_known("Œuvre")
    assert german.is_known("Straße") and german.is_known("Strasse") and german.is_known("Fußball")
    assert not german.is_known("Strase")
    assert flagged(spanish, "¿Qué hora es? ¡Vámonos!") == []
    for elided in ("l’homme", "l'homme", "qu’il", "qu'il", "d’abord", "jusqu’à"):
        assert french.is_known(elided), elided
    italian = SpellEngine("it")
    for elided in ("dell’anno", "dell'anno", "l’amica", "un’altra", "c’è"):
        assert italian.is_known(elided), elided
