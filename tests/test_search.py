"""The search engine: quotes, emphasis, case, whole words, regular expressions, project texts."""

from __future__ import annotations

import pytest

from studio.core.search import SearchOptions, SearchPatternError, SearchText, project_texts, search
from tests.core.helpers import make_project


def scene(text: str, owner: str = "s1") -> SearchText:
    return SearchText("scene", owner, "p1", "text", text)


def test_straight_and_curly_quotes_match_each_other():
    texts = [scene("Well, I’m here. “Fine,” she said. I'm not.")]
    assert [h.match for h in search(texts, "I'm")] == ["I’m", "I'm"]
    assert [h.match for h in search(texts, "I’m")] == ["I’m", "I'm"]
    assert [h.match for h in search(texts, '"Fine,"')] == ["“Fine,”"]


def test_emphasis_markers_are_ignored_and_hits_map_back_to_the_source():
    text = "She said *I*’m **not** going."
    hits = search([scene(text)], "I'm not")
    assert len(hits) == 1
    assert text[hits[0].start : hits[0].end] == "I*’m **not"
    assert hits[0].match == "I*’m **not"


def test_case_word_and_regex_options():
    texts = [scene("Teh cat and teh dog.\nTEH END; tehran")]
    assert len(search(texts, "teh")) == 4
    assert len(search(texts, "teh", SearchOptions(case=True))) == 2
    assert len(search(texts, "teh", SearchOptions(word=True))) == 3
    hits = search(texts, r"t.h\b", SearchOptions(regex=True))
    assert [h.match for h in hits] == ["Teh", "teh", "TEH"]
    assert (hits[2].line, hits[2].column) == (2, 1)


def test_bad_regex_is_one_line_error():
    with pytest.raises(SearchPatternError) as error:
        search([scene("x")], "(", SearchOptions(regex=True))
    assert "\n" not in str(error.value)


def test_context_is_one_line_with_the_match_located():
    text = "first line\n" + "word " * 40 + "TARGET here " + "more " * 40 + "\nlast"
    (hit,) = search([scene(text)], "target")
    assert "\n" not in hit.context
    assert hit.context[hit.context_start : hit.context_end] == "TARGET"
    assert hit.context.startswith("…") and hit.context.endswith("…")


def test_project_texts_cover_titles_synopses_part_and_character_notes(tmp_path):
    project = make_project(tmp_path / "p", {"One": ["The lamp went out."]})
    scene_ = next(project.iter_scenes())
    part = project.parts[0]
    project.set_scene_fields(scene_.id, title="Lamp night", synopsis="A lamp fails")
    project.set_part_fields(part.id, summary="lamp summary", notes_begin="lamp first", notes_end="lamp last")
    character = project.add_character("Wren")
    project.set_character_notes(character.id, "Keeps the lamp.")
    hits = search(project_texts(project), "lamp")
    fields = [(h.kind, h.field) for h in hits]
    assert fields == [
        ("part", "summary"),
        ("part", "notes_begin"),
        ("part", "notes_end"),
        ("scene", "title"),
        ("scene", "synopsis"),
        ("scene", "text"),
        ("character", "notes"),
    ]
    live = project_texts(project, {scene_.id: "no match here"}, fields=("text",))
    assert search(live, "lamp") == []
