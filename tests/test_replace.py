"""Replace across a project: plans, case keeping, markers kept, one batch, refusals, undo byte for byte."""

from __future__ import annotations

import pytest

from studio.core.errors import ExternalChangeError, StudioError
from studio.core.replace import edits_for, keep_case, plan_replace, revert_edits, write_edits
from studio.core.search import SearchOptions, SearchText, project_texts
from tests.core.helpers import make_project

REPLACEABLE = ("text", "title", "synopsis", "summary", "notes_begin", "notes_end")


def scene(text: str) -> SearchText:
    return SearchText("scene", "s1", "p1", "text", text)


def apply(text: str, old: str, new: str, **options: bool) -> str:
    keep = options.pop("keep", False)
    texts = [scene(text)]
    plans = plan_replace(texts, old, new, SearchOptions(**options), keep)
    edits = edits_for(texts, plans)
    return edits[0].new if edits else text


def test_keep_case():
    assert [keep_case(w, "the") for w in ("teh", "Teh", "TEH")] == ["the", "The", "THE"]
    assert apply("teh Teh TEH", "teh", "the", keep=True) == "the The THE"


def test_markers_are_kept():
    assert apply("a *teh* b **teh**", "teh", "the") == "a *the* b **the**"
    assert apply("She: *I*’m here", "I'm", "I am") == "She: *I* am here"


def test_whole_word_and_regex_groups():
    assert apply("teh tehran", "teh", "the", word=True) == "the tehran"
    assert apply("Jess Summers", r"(\w+) (\w+)", r"\2 \1", regex=True) == "Summers Jess"


def test_character_notes_are_never_replaced():
    notes = SearchText("character", "c1", "", "notes", "teh")
    assert plan_replace([notes], "teh", "the") == []


def test_one_batch_undo_byte_identical_and_fields(tmp_path):
    project = make_project(tmp_path / "p", {"One": ["teh cat\r\n*teh* dog", "no"], "Two": ["Teh end"]})
    first, _second, third = project.iter_scenes()
    project.set_scene_fields(first.id, title="teh title", synopsis="about teh")
    project.set_part_fields(project.parts[1].id, summary="teh summary")
    paths = [project.root / "scenes" / s.file for s in project.iter_scenes()]
    before = [p.read_bytes() for p in paths]
    manifest = (project.root / "story.json").read_bytes()
    texts = project_texts(project, fields=REPLACEABLE)
    plans = plan_replace(texts, "teh", "the", SearchOptions(word=True), keep_case_of_hit=True)
    assert len(plans) == 6
    edits = edits_for(texts, plans)
    write_edits(project, edits)
    assert project.scene_text(first.id) == "the cat\r\n*the* dog"
    assert project.scene_text(third.id) == "The end"
    assert (project.scene(first.id).title, project.parts[1].summary) == ("the title", "the summary")
    revert_edits(project, edits)
    assert [p.read_bytes() for p in paths] == before
    assert (project.root / "story.json").read_bytes() == manifest


def test_a_scene_changed_on_disk_refuses_the_whole_replace(tmp_path):
    project = make_project(tmp_path / "p", {"One": ["teh one", "teh two"]})
    first, second = project.iter_scenes()
    texts = project_texts(project, fields=REPLACEABLE)
    edits = edits_for(texts, plan_replace(texts, "teh", "the"))
    outside = project.root / "scenes" / second.file
    outside.write_text("teh two, edited elsewhere", encoding="utf-8")
    with pytest.raises(ExternalChangeError) as error:
        write_edits(project, edits)
    assert "Two 2" not in str(error.value) and "One 2" in str(error.value)
    assert "\n" not in str(error.value)
    assert (project.root / "scenes" / first.file).read_text(encoding="utf-8") == "teh one"
    assert outside.read_text(encoding="utf-8") == "teh two, edited elsewhere"


def test_a_stale_preview_is_refused(tmp_path):
    project = make_project(tmp_path / "p", {"One": ["teh one"]})
    (only,) = project.iter_scenes()
    texts = project_texts(project, fields=REPLACEABLE)
    edits = edits_for(texts, plan_replace(texts, "teh", "the"))
    project.set_scene_text(only.id, "teh one, more")
    with pytest.raises(StudioError, match="changed since the preview"):
        write_edits(project, edits)
