"""``studio proofread``, run as a real subprocess: the acceptance scene, text output, report, errors."""

from __future__ import annotations

import json

from tests.conftest import run_cli
from tests.core.helpers import make_project


def test_acceptance_the_the_and_an_adverb_in_json(tmp_path):
    project = make_project(tmp_path / "p", {"One": ["It was the the end.\nHe very quickly ran."]})
    scene = next(project.iter_scenes())
    result = run_cli("proofread", str(project.root), "--json")
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)
    assert all(set(item) == {"check", "scene_id", "line", "column", "text", "message"} for item in findings)
    assert {"check": "repeated", "scene_id": scene.id, "line": 1, "column": 8, "text": "the the"} in [
        {k: v for k, v in item.items() if k != "message"} for item in findings
    ]
    adverbs = [item for item in findings if item["check"] == "adverb"]
    assert [(a["line"], a["column"], a["text"]) for a in adverbs] == [(2, 9, "quickly")]
    assert "adverb" in adverbs[0]["message"]


def test_text_output_names_part_and_scene_and_counts(tmp_path):
    project = make_project(tmp_path / "p", {"One": ["Fine."], "Two": ["A *b*. The the end."]})
    result = run_cli("proofread", str(project.root), "--check", "repeated")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Two › Two 1, line 1, column 8: [repeated] “The” twice in a row",
        "1 finding in 2 scenes (repeated words: 1)",
    ]
    only_one = run_cli("proofread", str(project.root), "--part", "1")
    assert only_one.stdout.strip() == "Nothing found in 1 scene."


def test_report_lists_readability_overused_words_and_tags(tmp_path):
    busy = '"Go!" shouted Tom. ' + "The lantern swung. " * 6 + "We had tea. " * 20
    quiet = '"Yes," she said. ' + "We had tea by the sea. " * 40
    project = make_project(tmp_path / "p", {"One": [busy, quiet, quiet]})
    result = run_cli("proofread", str(project.root), "--report")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "One › One 1"
    assert lines[1].startswith("  ") and "reading ease" in lines[1] and "(very easy)" in lines[1]
    assert lines[2].startswith("  overused: lantern ×6") and "swung ×6" in lines[2]
    assert lines[3] == "  dialogue tags: shouted 1"
    assert "Dialogue tags: said 2, shouted 1" in lines


def test_respects_the_project_language(tmp_path):
    project = make_project(tmp_path / "p", {"One": ["—Hola —susurró Juan. Realmente."]})
    project.set_info(language="es")
    result = run_cli("proofread", str(project.root), "--json", "--check", "dialogue-tag", "filler")
    assert [(item["check"], item["text"]) for item in json.loads(result.stdout)] == [
        ("dialogue-tag", "susurró"),
        ("filler", "Realmente"),
    ]


def test_bad_input_is_one_line(tmp_path):
    project = make_project(tmp_path / "p")
    for args in (["--check", "nope"], ["--part", "9"], ["--long-sentence", "0"]):
        result = run_cli("proofread", str(project.root), *args)
        assert result.returncode == 1, args
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    missing = run_cli("proofread", str(tmp_path / "nowhere"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
