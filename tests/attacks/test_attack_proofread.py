"""Attacks on proofreading (issue 18, branch proof): ``studio proofread`` in a subprocess on odd text."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli
from tests.core.helpers import make_project


def findings(root: Path, *args: str) -> list[dict[str, object]]:
    """``studio proofread --json`` on ``root``; fails on anything but exit 0 and a JSON list."""
    result = run_cli("proofread", str(root), "--json", *args)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert isinstance(found, list)
    return found


def project_in(root: Path, language: str, texts: list[str]) -> Path:
    """A project in ``language`` with one part holding a scene per text."""
    project = make_project(root, {"One": texts})
    project.set_info(language=language)
    return project.root


def test_a_french_tag_with_the_curly_apostrophe_is_found_as_with_the_straight_one(tmp_path):  # noqa: ANN001
    root = project_in(tmp_path / "p", "fr", ["« Non ! » s'exclama-t-elle.", "« Non ! » s’exclama-t-elle."])
    tags = [(f["scene_id"], f["text"]) for f in findings(root, "--check", "dialogue-tag")]
    assert [text for _, text in tags] == ["s'exclama", "s’exclama"]


def test_the_italian_filler_un_po_is_found_with_either_apostrophe(tmp_path):  # noqa: ANN001
    root = project_in(tmp_path / "p", "it", ["Era un po' stanco.", "Era un po’ stanco."])
    found = findings(root, "--check", "filler")
    assert len(found) == 2, found


def test_a_word_repeated_across_a_line_break_inside_a_paragraph_is_found(tmp_path):  # noqa: ANN001
    # Hard-wrapped text (an import, a poem's line): the classic place a doubled word hides.
    root = project_in(tmp_path / "p", "en", ["She walked down to the\nthe harbour at dusk."])
    found = findings(root, "--check", "repeated")
    assert [(f["line"], f["column"]) for f in found] == [(1, 20)]  # "the" starts at the 20th character


def test_columns_agree_with_studio_check_on_emoji_cjk_combining_marks_and_emphasis(tmp_path):  # noqa: ANN001
    texts = [
        "😀😀 teh the the",
        "e\u0301te\u0301 teh the the",
        "Line one.\n\n中文 *teh* the **the**",
        "\tteh the the",
    ]
    root = project_in(tmp_path / "p", "en", texts)
    checked = run_cli("check", str(root), "--json")
    spelled = {
        (w["scene_id"], w["line"]): w["column"] for w in json.loads(checked.stdout) if w["word"] == "teh"
    }
    proofed = {(f["scene_id"], f["line"]): f["column"] for f in findings(root, "--check", "repeated")}
    assert len(spelled) == len(proofed) == len(texts)
    # "teh the the": the repetition starts 4 characters after the misspelling (5 after "*teh*").
    offsets = sorted(proofed[key] - spelled[key] for key in spelled)
    assert offsets == [4, 4, 4, 5]


def test_part_out_of_range_or_odd_is_one_line_and_exit_1(tmp_path):  # noqa: ANN001
    root = project_in(tmp_path / "p", "en", ["the the"])
    for part in ("0", "2", "-1", "99999999999999999999", "", "../x"):
        result = run_cli("proofread", str(root), "--part", part)
        assert result.returncode == 1, (part, result.stdout)
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr, part


def test_a_long_sentence_with_mr_in_it_is_still_one_long_sentence(tmp_path):  # noqa: ANN001
    long = (
        "On the morning the rain finally stopped and the harbour bells rang out across the grey water "
        "for the first time in weeks, Mr. Dursley walked down to the quay with his umbrella under one "
        "arm and a newspaper he never meant to read folded under the other."
    )
    root = project_in(tmp_path / "p", "en", [long.replace("Mr. ", "Mister "), long])
    found = findings(root, "--check", "long-sentence")
    assert len(found) == 2, found  # 48 words each; the default limit is 40
