"""Attacks on project search and replace (core planner, real project files, undo)."""

from __future__ import annotations

import pytest

from studio.core.emphasis import plain_text
from studio.core.replace import edits_for, plan_replace, revert_edits, write_edits
from studio.core.search import SearchOptions, SearchPatternError, SearchText, project_texts
from tests.gui.window_helpers import make_story, scene_file


def replaced(text: str, pattern: str, new: str, **options: bool) -> str:
    item = SearchText("scene", "s-1", "p-1", "text", text)
    plans = plan_replace([item], pattern, new, SearchOptions(**options))
    edits = edits_for([item], plans)
    return edits[0].new if edits else text


@pytest.mark.xfail(strict=True, reason="BUG: a marker inside a hit lands after a space and turns literal")
def test_replacing_across_a_bold_word_keeps_the_replacement_text_as_written():
    """Promise (README, Search and replace): a marker inside a hit stays after the same number of
    characters, and the replacement is what the writer typed. Steps: `**bold** word.` replace
    `bold word` with `big long phrase`. Got `**big **long phrase.`: the closing `**` follows a space,
    so it closes nothing and the text now reads `**big **long phrase.` with literal stars.
    Suspected: studio/core/replace.py _with_inner_markers (no word-boundary check on the cut).
    """
    out = replaced("**bold** word.", "bold word", "big long phrase")
    assert plain_text(out)[0] == "big long phrase."


def test_replacing_an_emphasised_word_with_nothing_leaves_no_stray_markers():
    """Promise: markers around a hit stay; a marker without a partner is just a character. Steps:
    `*a* b` replace `a` with the empty string. Got `** b`: two literal asterisks now show in the
    text and in every export. Suspected: studio/core/replace.py plan_replace (markers kept around an
    emptied emphasis)."""
    out = replaced("Hello *a* b", "a", "", word=True)
    assert "*" not in plain_text(out)[0]


def test_a_backslash_replacement_is_kept_as_a_backslash():
    """Promise: the replacement is written as typed; markers around a hit stay markers. Steps:
    `A *b* c` replace `b` with a single backslash. Got `A *\\* c`: the backslash now escapes the
    closing star, the text reads `A ** c` and the backslash the writer typed is gone.
    Suspected: studio/core/replace.py (no escaping of `\\`, `*`, `_` in the replacement)."""
    out = replaced("A *b* c", "b", "\\")
    assert plain_text(out)[0] == "A \\ c"


def test_zero_width_regexes_change_nothing_and_do_not_hang():
    for pattern in ("^", "$", r"\b", "(?=b)", "x*"):
        assert replaced("one\ntwo ab", pattern, "!", regex=True) == "one\ntwo ab"


def test_an_empty_pattern_is_a_one_line_refusal():
    with pytest.raises(SearchPatternError):
        replaced("abc", "", "x")


def test_a_replacement_that_writes_markers_makes_emphasis():
    out = replaced("the word here", "word", "*new*")
    assert out == "the *new* here"


def test_undo_of_a_replace_refuses_to_overwrite_an_outside_edit(tmp_path):
    project = make_story(tmp_path / "story", {"One": ["teh cat", "teh dog"]})
    texts = project_texts(project)
    edits = edits_for(texts, plan_replace(texts, "teh", "the"))
    write_edits(project, edits)
    path = scene_file(project, 1)
    path.write_text("the dog, edited elsewhere", encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017 - any StudioError refusal will do
        revert_edits(project, edits)
    assert path.read_text(encoding="utf-8") == "the dog, edited elsewhere"
    assert scene_file(project, 0).read_text(encoding="utf-8") == "the cat"
