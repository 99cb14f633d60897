"""The appearance index: who is mentioned where, how often, first where; rename everywhere."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.core import load_project
from studio.core.characters import (
    AppearanceIndex,
    CastMatcher,
    apply_rename,
    insert_character,
    plan_rename,
    redo_rename,
    remove_character,
    revert_rename,
)
from studio.core.errors import ExternalChangeError, StudioError
from studio.core.nodes import Character
from tests.core.helpers import make_project

CAST = [
    Character("jess", "Jess Summers", "jess.txt", aliases=["Jess", "Summers"]),
    Character("major", "Major Ellison", "major.txt", aliases=["the Major"]),
    Character("spike", "Spike", "spike.txt"),
    Character("will", "Will", "will.txt"),
]


def counts(text: str, cast=CAST) -> dict[str, int]:
    return {cid: m.count for cid, m in CastMatcher(cast).scan(text).items()}


def test_whole_words_only_and_substrings_do_not_count():
    text = "Jessica poured tea. Jess took a cup. Jessamine bloomed; Willow swayed. Spikes of rain."
    assert counts(text) == {"jess": 1}


def test_possessives_straight_and_curly_and_contractions_count():
    text = "Spike’s coat, Spike's boots, Spike'd know. Jess' bag. Spikey was not him."
    assert counts(text) == {"spike": 3, "jess": 1}


def test_capitalised_names_are_case_sensitive():
    assert counts("I will go, and will stay. Will went.") == {"will": 1}


def test_lowercase_alias_matches_at_sentence_start():
    text = "The Major frowned. Nobody argued with the Major. the major is not him; nor THE MAJOR."
    assert counts(text) == {"major": 2}


def test_phrases_match_across_any_white_space_including_a_line_break():
    text = "Major\nEllison stood. Major  Ellison sat. Major, Ellison? no."
    assert counts(text) == {"major": 2}


def test_name_inside_a_longer_name_counts_once():
    cast = [*CAST, Character("joyce", "Joyce Summers", "joyce.txt", aliases=["Summers", "Mom"])]
    text = "Jess Summers came in. Joyce Summers looked up. The Summers house was quiet. Jess sat."
    result = counts(text, cast)
    # "Jess Summers" is one mention of Jess; "Joyce Summers" one of Joyce; the bare
    # shared alias "Summers" counts for both.
    assert result == {"jess": 3, "joyce": 2}


def test_name_and_alias_side_by_side_are_one_mention():
    cast = [Character("b", "Buffy", "b.txt", aliases=["Summers"])]
    assert counts("Buffy Summers slept. Buffy woke. Summers ran.", cast) == {"b": 3}


def test_hyphen_and_apostrophe_joined_words_are_not_mentions():
    assert counts("Mary-Jess left. O'Jess stayed. Jess-like. Jess!") == {"jess": 1}


def test_apostrophes_inside_a_name_match_either_kind():
    cast = [Character("o", "Sean O'Neill", "o.txt", aliases=["O’Neill"])]
    assert counts("Sean O’Neill and O'Neill's dog.", cast) == {"o": 2}


def test_first_mention_span_and_characters_in_manuscript_order():
    texts = [("s1", "Rain. Spike grinned at the Major."), ("s2", "Nothing here."), ("s3", "Jess Summers'")]
    index = AppearanceIndex.build(CAST, texts)
    assert index.first_mention("major", "s1") == (23, 9)
    assert index.first_mention("jess", "s3") == (0, 12)
    assert index.first_mention("jess", "s2") is None
    assert index.characters_in("s1") == ["spike", "major"]
    assert index.scenes_of("spike") == [("s1", 1)]
    index.update_scene("s2", "Spike. Spike.")
    assert index.scenes_of("spike") == [("s1", 1), ("s2", 2)]
    index.set_order(["s2", "s1"])
    assert index.scenes_of("spike") == [("s2", 2), ("s1", 1)]
    assert index.scenes_of("jess") == []  # s3 is no longer in the manuscript
    index.remove_scene("s2")
    assert index.total("spike") == 1


def test_empty_cast_and_blank_aliases():
    assert AppearanceIndex.build([], [("s", "Jess")]).characters_in("s") == []
    cast = [Character("x", "  Xan  ", "x.txt", aliases=["", "  ", "Xan"])]
    assert counts("Xan, Xan.", cast) == {"x": 2}


NAMES = ["Jess", "Spike", "Will", "Major Ellison"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([*NAMES, "the", "cat", "Jessica", "will", ",", ".", "\n"]), max_size=40))
def test_counts_equal_the_words_written(tokens):
    cast = [Character(n.lower(), n, f"{n}.txt") for n in NAMES]
    text = " ".join(tokens)
    expected = {n.lower(): tokens.count(n) for n in NAMES if tokens.count(n)}
    assert counts(text, cast) == expected


# -- on a real project ----------------------------------------------------------------------


@pytest.fixture
def story(tmp_path):
    project = make_project(
        tmp_path / "story",
        {
            "One": ["Jess ran. Jess’s dog barked at Jessica.", "No one here."],
            "Two": ["The Major nodded to Jess Summers.\n"],
        },
    )
    jess = project.add_character("Jess Summers", aliases=["Jess", "Summers"], role="protagonist")
    project.add_character("Major Ellison", aliases=["the Major"])
    return project, jess


def test_project_index_in_manuscript_order(story):
    project, jess = story
    index = AppearanceIndex.for_project(project)
    ids = [s.id for s in project.iter_scenes()]
    assert index.scenes_of(jess.id) == [(ids[0], 2), (ids[2], 1)]


def test_rename_everywhere_preview_apply_and_undo(story):
    project, jess = story
    ids = [s.id for s in project.iter_scenes()]
    files = [project.root / "scenes" / s.file for s in project.iter_scenes()]
    before = [f.read_text("utf-8") for f in files]
    plans = plan_rename(project, jess.id, "Jo March", ["Jess"])
    assert [(p.scene_id, p.count) for p in plans] == [(ids[0], 2), (ids[2], 1)]
    assert plans[0].new_text == "Jo March ran. Jo March’s dog barked at Jessica."
    assert plans[1].new_text == "The Major nodded to Jo March.\n"
    record = apply_rename(project, jess.id, "Jo March", plans)
    assert files[0].read_text("utf-8") == plans[0].new_text
    reopened = load_project(project.root)
    assert reopened.character(jess.id).name == "Jo March"
    revert_rename(project, record)
    assert [f.read_text("utf-8") for f in files] == before
    assert load_project(project.root).character(jess.id).name == "Jess Summers"
    redo_rename(project, record)
    assert files[2].read_text("utf-8") == plans[1].new_text


def test_rename_keeps_aliases_not_chosen_and_fixes_bare_possessive(tmp_path):
    project = make_project(tmp_path / "s", {"One": ["Jess' bag. Summers nodded. The Major's hat."]})
    jess = project.add_character("Jess", aliases=["Summers"])
    major = project.add_character("Major Ellison", aliases=["the Major"])
    [plan] = plan_rename(project, jess.id, "Jo", [])
    assert plan.new_text == "Jo's bag. Summers nodded. The Major's hat."
    [plan] = plan_rename(project, major.id, "the Colonel", ["the Major"])
    assert plan.new_text == "Jess' bag. Summers nodded. The Colonel's hat."


def test_rename_refuses_bad_input(story):
    project, jess = story
    with pytest.raises(StudioError, match="empty"):
        plan_rename(project, jess.id, "   ", [])
    with pytest.raises(StudioError, match="not an alias"):
        plan_rename(project, jess.id, "Jo", ["Buffy"])


def test_rename_changes_nothing_when_a_scene_changed_on_disk(story):
    project, jess = story
    plans = plan_rename(project, jess.id, "Jo", ["Jess"])
    files = [project.root / "scenes" / project.scene(p.scene_id).file for p in plans]
    files[1].write_text("Edited elsewhere: Jess.", "utf-8")
    first_before = files[0].read_text("utf-8")
    with pytest.raises(ExternalChangeError):
        apply_rename(project, jess.id, "Jo", plans)
    assert files[0].read_text("utf-8") == first_before
    assert files[1].read_text("utf-8") == "Edited elsewhere: Jess."
    assert project.character(jess.id).name == "Jess Summers"


def test_remove_and_insert_character_round_trip(story):
    project, jess = story
    project.set_character_notes(jess.id, "Likes tea.")
    path = project.root / "characters" / jess.file
    character, index, notes = remove_character(project, jess.id)
    assert not path.exists()
    assert [c.name for c in load_project(project.root).characters] == ["Major Ellison"]
    insert_character(project, character, index, notes)
    reopened = load_project(project.root)
    assert [c.name for c in reopened.characters] == ["Jess Summers", "Major Ellison"]
    assert reopened.character_notes(jess.id) == "Likes tea."
