"""``studio characters`` and ``studio characters add``, run as a real subprocess."""

from __future__ import annotations

import json

from studio.core import load_project
from tests.conftest import run_cli
from tests.core.helpers import make_project


def test_add_then_list_as_json_and_text(tmp_path):
    project = make_project(
        tmp_path / "story",
        {
            "One": ["The Major waited for Jess.", "Rain."],
            "Two": ["Jess’s turn. Jess won. Major Ellison lost."],
        },
    )
    root = str(project.root)
    added = run_cli("characters", "add", root, "Jess Summers", "--alias", "Jess", "--role", "protagonist")
    assert added.returncode == 0, added.stderr
    assert "Jess Summers" in added.stdout
    added = run_cli(
        "characters", "add", root, "Major Ellison", "--alias", "the Major", "--description", "Retired, bored"
    )
    assert added.returncode == 0, added.stderr
    reopened = load_project(root)
    major = reopened.characters[1]
    assert (major.aliases, major.description) == (["the Major"], "Retired, bored")

    listed = run_cli("characters", root, "--json")
    assert listed.returncode == 0, listed.stderr
    ids = [s.id for s in reopened.iter_scenes()]
    data = json.loads(listed.stdout)
    assert data == [
        {
            "id": reopened.characters[0].id,
            "name": "Jess Summers",
            "aliases": ["Jess"],
            "role": "protagonist",
            "appearances": [{"scene_id": ids[0], "count": 1}, {"scene_id": ids[2], "count": 2}],
        },
        {
            "id": major.id,
            "name": "Major Ellison",
            "aliases": ["the Major"],
            "role": "",
            "appearances": [{"scene_id": ids[0], "count": 1}, {"scene_id": ids[2], "count": 1}],
        },
    ]
    assert json.loads(run_cli("characters", "--json", root).stdout) == data
    assert json.loads(run_cli("characters", "list", root, "--json").stdout) == data

    text = run_cli("characters", root)
    assert text.returncode == 0
    assert "Jess Summers (protagonist) — also Jess: 3 mentions in 2 scenes" in text.stdout
    assert "Two / Two 1: 2" in text.stdout


def test_errors_and_usage(tmp_path):
    project = make_project(tmp_path / "story")
    root = str(project.root)
    assert run_cli("characters", "add", root, "Jess").returncode == 0
    duplicate = run_cli("characters", "add", root, "Jess")
    assert duplicate.returncode == 1
    assert duplicate.stderr.strip() == "studio: there is already a character named 'Jess'"
    blank = run_cli("characters", "add", root, "   ")
    assert (blank.returncode, blank.stderr.strip()) == (1, "studio: a character needs a name")
    missing = run_cli("characters", str(tmp_path / "nowhere"))
    assert missing.returncode == 1
    assert "no such project folder" in missing.stderr
    assert "Traceback" not in missing.stderr
    assert run_cli("characters", "add", root).returncode == 2
    assert run_cli("characters", root, "--bogus").returncode == 2
    for args in (("characters", "--help"), ("characters", "add", "--help")):
        shown = run_cli(*args)
        assert shown.returncode == 0
        assert "--alias" in shown.stdout or "add DIR NAME" in shown.stdout
    assert len(load_project(root).characters) == 1


def test_list_without_characters(tmp_path):
    project = make_project(tmp_path / "story")
    shown = run_cli("characters", str(project.root))
    assert shown.returncode == 0
    assert "no characters yet" in shown.stdout
    assert json.loads(run_cli("characters", str(project.root), "--json").stdout) == []
