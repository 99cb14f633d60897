"""``studio search`` and ``studio replace``, run as real subprocesses."""

from __future__ import annotations

import json

from tests.conftest import run_cli
from tests.core.helpers import make_project


def test_search_finds_a_curly_apostrophe_from_a_straight_one(tmp_path):
    project = make_project(tmp_path / "p", {"One": ["Hello.\nWell, I’m *here*.", "Nothing."]})
    first = next(project.iter_scenes())
    result = run_cli("search", str(project.root), "I'm", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        {
            "scene_id": first.id,
            "part_id": project.parts[0].id,
            "line": 2,
            "column": 7,
            "match": "I’m",
            "context": "Well, I’m *here*.",
            "field": "text",
        }
    ]
    text = run_cli("search", str(project.root), "here")
    assert text.returncode == 0 and "One / One 1:2:12:" in text.stdout


def test_search_exit_3_when_none_and_1_for_a_bad_regex(tmp_path):
    project = make_project(tmp_path / "p", {"One": ["alpha"]})
    assert run_cli("search", str(project.root), "zzz").returncode == 3
    bad = run_cli("search", str(project.root), "(", "--regex")
    assert bad.returncode == 1
    assert bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def test_replace_dry_run_lists_and_writes_nothing_then_replaces(tmp_path):
    project = make_project(tmp_path / "p", {"One": ["teh cat, tehran", "Teh dog"], "Two": ["teh end"]})
    root = str(project.root)
    files = sorted((project.root / "scenes").iterdir())
    before = {f: f.read_bytes() for f in files}
    dry = run_cli("replace", root, "teh", "the", "--word", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    rows = json.loads(dry.stdout)
    assert [(r["match"], r["replacement"]) for r in rows] == [("teh", "the"), ("Teh", "the"), ("teh", "the")]
    assert rows[0]["after"] == "the cat, tehran"
    assert {f: f.read_bytes() for f in files} == before

    done = run_cli("replace", root, "teh", "the", "--word", "--keep-case")
    assert done.returncode == 0, done.stderr
    assert "replaced 3 hit(s) in 3 text(s)" in done.stdout
    texts = sorted(f.read_text(encoding="utf-8") for f in files)
    assert texts == ["The dog", "the cat, tehran", "the end"]
    info = run_cli("info", root, "--json")
    assert info.returncode == 0, info.stderr
    assert json.loads(info.stdout)["words"] == 7
    assert run_cli("replace", root, "teh", "the", "--word").returncode == 3


def test_replace_refuses_while_the_lock_is_held_and_dry_run_works(tmp_path):
    from studio.core.safety.locking import acquire

    project = make_project(tmp_path / "p", {"One": ["teh cat"]})
    path = next((project.root / "scenes").iterdir())
    with acquire(project.root):
        refused = run_cli("replace", str(project.root), "teh", "the")
        assert refused.returncode == 1
        assert "already open by" in refused.stderr and refused.stderr.count("\n") == 1
        assert run_cli("replace", str(project.root), "teh", "the", "--dry-run").returncode == 0
        assert run_cli("search", str(project.root), "teh").returncode == 0
    assert path.read_text(encoding="utf-8") == "teh cat"
