"""The proofreading checks on texts whose findings are known: what is found, where, and what is not."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from studio.core.emphasis import plain_text
from studio.core.proofreading.findings import CHECKS, ProofOptions
from studio.core.proofreading.project import ProofCache, base_language, proofread


def found(
    text: str, *checks: str, language: str = "en", **thresholds: object
) -> list[tuple[str, int, int, str]]:
    """(check, line, column, text) of each finding of ``text`` as the only scene."""
    options = ProofOptions(checks=frozenset(checks or CHECKS), **thresholds)  # type: ignore[arg-type]
    proof = proofread({"s": text}, language, options)
    return [(f.check, f.line, f.column, f.text) for f in proof.findings]


def test_repeated_words_with_their_place_and_case():
    text = "He saw the the cat.\nThe the end. The cat, the dog."
    assert found(text, "repeated") == [("repeated", 1, 8, "the the"), ("repeated", 2, 1, "The the")]


def test_grammatical_doubles_and_line_breaks_are_not_repetitions():
    assert found("He had had enough. I knew that that was it.", "repeated") == []
    assert found("It was the\nthe end.", "repeated") == []  # a paragraph apart: not a typo


def test_emphasis_markers_keep_columns_and_cause_nothing():
    text = "Now *the* the *end*.\nShe *quickly* ran, **really**."
    assert found(text, "repeated", "adverb") == [
        ("repeated", 1, 6, "the the"),
        ("adverb", 2, 6, "quickly"),
        ("adverb", 2, 22, "really"),
    ]
    # the columns point at the letters as written, after the opening marker
    line = text.splitlines()[1]
    assert line[5:12] == "quickly" and line[21:27] == "really"
    assert found("A *b* c **d** e_f_ g", "repeated", "echo", "adverb") == []


def test_echo_of_an_uncommon_word_within_a_few_words():
    text = "The harbour lights shone over the harbour wall. The harbour slept."
    assert found(text, "echo") == [("echo", 1, 35, "harbour"), ("echo", 1, 53, "harbour")]
    # common words, names and words further apart than the distance are no echo
    assert found("She said it was what she said it was.", "echo") == []
    assert found("Anna met Anna again.", "echo") == []
    far = "harbour " + "one two three four five six seven eight nine ten " + "harbour"
    assert found(far, "echo", echo_distance=8) == []
    assert found(far, "echo", echo_distance=10) == [("echo", 1, far.rindex("harbour") + 1, "harbour")]


def test_adverbs_with_the_look_alike_exceptions():
    text = "He very quickly ran. Only the early family reply was friendly. Emily smiled. Slowly, she left."
    assert found(text, "adverb") == [
        ("adverb", 1, 9, "quickly"),
        ("adverb", 1, text.index("Slowly") + 1, "Slowly"),
    ]


def test_filler_and_filter_words_and_phrases():
    text = "She just saw the door. It was kind of sad, and he began to feel it."
    assert found(text, "filler", "filter") == [
        ("filler", 1, 5, "just"),
        ("filter", 1, 10, "saw"),
        ("filler", 1, 31, "kind of"),
        ("filler", 1, 51, "began to"),
        ("filter", 1, 60, "feel"),
    ]
    assert text[50:58] == "began to" and text[59:63] == "feel"
    assert found("A kind\nof thing.", "filler") == []


def test_filler_words_are_not_adverbs_twice_when_both_are_on():
    assert found("It was really late.", "filler", "adverb") == [("filler", 1, 8, "really")]
    assert found("It was really late.", "adverb") == [("adverb", 1, 8, "really")]


def test_long_sentences_by_the_threshold():
    long = " ".join(["word"] * 12) + "."
    text = f"Short one. {long} Another short one."
    assert found(text, "long-sentence", long_sentence_words=10) == [("long-sentence", 1, 12, long)]
    assert found(text, "long-sentence", long_sentence_words=12) == []


def test_dialogue_tags_other_than_said_and_asked():
    text = '"Go," she said. "Now!" shouted Tom. She whispered, "Fine." "Why?" he asked. "No." He turned.'
    assert found(text, "dialogue-tag") == [
        ("dialogue-tag", 1, 24, "shouted"),
        ("dialogue-tag", 1, 41, "whispered"),
    ]
    proof = proofread({"s": text}, "en", ProofOptions(), report=True)
    assert proof.tags() == {"said": 1, "shouted": 1, "whispered": 1, "asked": 1}


def test_other_languages_use_their_own_lists():
    spanish = "—Hola —susurró Juan—. Realmente no sé —dijo ella rápidamente."
    assert found(spanish, "dialogue-tag", "filler", "adverb", language="es") == [
        ("dialogue-tag", 1, 8, "susurró"),
        ("filler", 1, 23, "Realmente"),
        ("adverb", 1, spanish.index("rápidamente") + 1, "rápidamente"),
    ]
    french = "« Non », murmura-t-elle. Il était vraiment fatigué."
    assert found(french, "dialogue-tag", "filler", language="fr") == [
        ("dialogue-tag", 1, 10, "murmura"),
        ("filler", 1, 35, "vraiment"),
    ]
    german = "„Geh“, flüsterte er. Sie war sehr müde."
    assert found(german, "dialogue-tag", "filler", language="de_DE") == [
        ("dialogue-tag", 1, 8, "flüsterte"),
        ("filler", 1, 30, "sehr"),
    ]
    assert base_language("pt-BR") == "pt" and base_language("") == "en"


def test_overused_words_against_the_rest_of_the_project():
    filler = "The day went on as days do, with tea and talk and the sea outside. "
    busy = "The lantern swung. " * 6 + filler * 5
    texts = {"a": busy, "b": filler * 20, "c": filler * 20}
    proof = proofread(texts, "en", ProofOptions(checks=frozenset({"overused"})), report=True)
    assert [(f.scene_id, f.text, f.line, f.column) for f in proof.findings] == [
        ("a", "lantern", 1, 5),
        ("a", "swung", 1, 13),
    ]
    assert "6 times" in proof.findings[0].message
    assert [word for word, _count, _ratio in proof.scenes["a"].overused] == ["lantern", "swung"]
    # one scene alone has nothing to be compared with
    assert proofread({"a": busy}, "en", ProofOptions(checks=frozenset({"overused"}))).findings == []


def test_readability_figures_and_the_hard_scene_flagged():
    easy = "The cat sat. The dog ran. We had fun. " * 20
    hard = (
        "Notwithstanding considerable institutional apprehension, the administrative "
        "reorganisation necessitated comprehensive documentation of organisational "
        "responsibilities, interdependencies and contingencies. "
    ) * 8
    proof = proofread(
        {"e": easy, "h": hard}, "en", ProofOptions(checks=frozenset({"readability"})), report=True
    )
    assert proof.scenes["e"].readability.score > 90 and proof.scenes["e"].readability.label == "very easy"
    assert proof.scenes["h"].readability.score < 0 and proof.scenes["h"].readability.grade > 20
    assert proof.scenes["e"].readability.sentences == 60 and proof.scenes["e"].readability.words == 180
    assert [(f.scene_id, f.check, f.line, f.column, f.text) for f in proof.findings] == [
        ("h", "readability", 1, 1, "")
    ]


def test_checks_switch_off_one_by_one():
    text = 'He very quickly saw the the harbour. "Go!" shouted Tom.'
    every = {check for check, *_rest in found(text)}
    assert every == {"repeated", "filler", "adverb", "filter", "dialogue-tag"}
    for check in every:
        assert check not in {c for c, *_rest in found(text, *(set(CHECKS) - {check}))}


def test_the_cache_rechecks_only_changed_scenes_and_agrees_with_a_full_run():
    texts = {"a": "He very quickly ran.", "b": "The the end."}
    cache = ProofCache()
    first = cache.run(texts, "en", ProofOptions())
    assert first.findings == proofread(texts, "en", ProofOptions()).findings
    kept = first.scenes["b"]
    texts["a"] = "He ran slowly."
    second = cache.run(texts, "en", ProofOptions())
    assert second.scenes["b"] is kept
    assert [f.text for f in second.findings] == ["slowly", "The the"]


@given(st.text(alphabet="ab *_\\\n.,’'", max_size=60))
def test_every_finding_points_into_the_text_as_written(text):
    plain, _offsets = plain_text(text)
    for finding in proofread({"s": text}, "en", ProofOptions()).findings:
        assert 0 <= finding.start <= finding.start + finding.length <= len(text)
        lines = text.split("\n")
        assert 1 <= finding.line <= len(lines) and 1 <= finding.column <= len(lines[finding.line - 1]) + 1
        assert finding.text in plain
