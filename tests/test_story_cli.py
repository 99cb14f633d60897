"""``studio scenes``, ``studio notes`` (list, add) and ``studio labels``, run as a real subprocess."""

from __future__ import annotations

import json
import os

from studio.app.commands.labels import AddLabelCommand, SetSceneLabelsCommand, SetStoryTimeCommand
from studio.core import load_project
from studio.core.safety.locking import acquire
from tests.conftest import run_cli
from tests.core.helpers import make_project
from tests.gui.outline_helpers import make_session, scene_id

TEXTS = {
    "One": [
        "Buffy ran to Sunnydale High. The Bronze was closed; the Bronze’s doors were chained.",
        "Nobody went to the Bronzeage museum. Sunnydale High School burned. sunnydale high.",
    ],
    "Two": ["Sunnydale High’s library. The club (the Bronze) and *Sunnydale High*."],
}


def test_scenes_json_shows_labels_and_story_time_set_through_commands(qtbot, tmp_path):  # noqa: ANN001
    session = make_session(tmp_path / "p", TEXTS)
    project = session.project
    first, second = scene_id(project, "One 1"), scene_id(project, "One 2")
    add = AddLabelCommand(session, "Ghost")
    session.run(add)
    session.run(AddLabelCommand(session, "Love"))
    love = project.labels[1].id
    session.run(SetSceneLabelsCommand(session, {first: [love, add.label_id]}))
    session.run(SetStoryTimeCommand(session, first, "Day 3, evening", 3))
    session.run(SetStoryTimeCommand(session, second, "2024-05-01T18:30"))
    run_cli("characters", "add", str(project.root), "Buffy")
    run_cli("notes", "add", str(project.root), "Sunnydale High", "--kind", "place")
    result = run_cli("scenes", str(project.root), "--json")
    assert result.returncode == 0, result.stderr
    scenes = json.loads(result.stdout)
    assert [s["id"] for s in scenes] == [s.id for s in project.iter_scenes()]
    assert scenes[0] == {
        "id": first,
        "part_id": project.parts[0].id,
        "title": "One 1",
        "status": "draft",
        "pov": "",
        "synopsis": "",
        "words": project.scene(first).words,
        "labels": ["Love", "Ghost"],
        "story_time": "Day 3, evening",
        "story_order": 3,
        "characters": ["Buffy"],
        "places": ["Sunnydale High"],
        "things": [],
    }
    assert (scenes[1]["story_time"], scenes[1]["story_order"], scenes[1]["labels"]) == (
        "2024-05-01T18:30",
        None,
        [],
    )
    text = run_cli("scenes", str(project.root))
    assert text.returncode == 0 and "when: Day 3, evening (#3); labels: Love, Ghost" in text.stdout


def test_notes_json_counts_a_places_mentions_per_scene_exactly(tmp_path):  # noqa: ANN001
    project = make_project(tmp_path / "p", TEXTS)
    root = str(project.root)
    added = run_cli("notes", "add", root, "Sunnydale High", "--kind", "place", "--alias", "the school")
    assert added.returncode == 0, added.stderr
    assert (
        run_cli("notes", "add", root, "The Bronze", "--kind", "place", "--alias", "the Bronze").returncode
        == 0
    )
    assert (
        run_cli("notes", "add", root, "Stake", "--kind", "thing", "--description", "wooden").returncode == 0
    )
    listed = run_cli("notes", root, "--json")
    assert listed.returncode == 0, listed.stderr
    reopened = load_project(root)
    ids = [s.id for s in reopened.iter_scenes()]
    school, bronze, stake = reopened.notes
    assert json.loads(listed.stdout) == [
        # possessives count; "Sunnydale High School" holds the place (whole words); lowercase does not
        {
            "id": school.id,
            "name": "Sunnydale High",
            "kind": "place",
            "aliases": ["the school"],
            "appearances": [
                {"scene_id": ids[0], "count": 1},
                {"scene_id": ids[1], "count": 1},
                {"scene_id": ids[2], "count": 2},
            ],
        },
        # "the Bronze" (the alias, longest match) and "The Bronze" count once each; "Bronzeage" is not one
        {
            "id": bronze.id,
            "name": "The Bronze",
            "kind": "place",
            "aliases": ["the Bronze"],
            "appearances": [{"scene_id": ids[0], "count": 2}, {"scene_id": ids[2], "count": 1}],
        },
        {"id": stake.id, "name": "Stake", "kind": "thing", "aliases": [], "appearances": []},
    ]
    assert stake.description == "wooden"
    assert (project.root / "notes" / stake.file).is_file()
    text = run_cli("notes", root)
    assert "Sunnydale High (place) — also the school: 4 mentions in 3 scenes" in text.stdout


def test_notes_add_respects_the_lock_and_refuses_bad_input(tmp_path):  # noqa: ANN001
    project = make_project(tmp_path / "p")
    root = project.root
    before = (root / "story.json").read_bytes()
    with acquire(root) as lock:
        result = run_cli("notes", "add", str(root), "Harbour", "--kind", "place")
        assert result.returncode == 1
        assert result.stderr.strip().startswith("studio: p is already open by")
        assert f"process {os.getpid()}" in result.stderr and lock.info.host in result.stderr
    assert (root / "story.json").read_bytes() == before
    wrong = run_cli("notes", "add", str(root), "Harbour", "--kind", "planet")
    assert wrong.returncode == 2 and "invalid choice: 'planet'" in wrong.stderr
    blank = run_cli("notes", "add", str(root), "   ")
    assert blank.returncode == 1 and blank.stderr.strip() == "studio: a place, thing or note needs a name"
    assert run_cli("notes", "add", str(root), "Harbour").returncode == 0
    again = run_cli("notes", "add", str(root), "Harbour")
    assert again.returncode == 1 and "already a place, thing or note named 'Harbour'" in again.stderr


def test_labels_add_and_list(tmp_path):  # noqa: ANN001
    project = make_project(tmp_path / "p")
    root = str(project.root)
    assert run_cli("labels", "add", root, "Ghost", "--colour", "#112233").returncode == 0
    bad = run_cli("labels", "add", root, "Love", "--colour", "pink")
    assert bad.returncode == 1 and bad.stderr.strip() == "studio: 'pink' is not a colour (#rrggbb)"
    listed = json.loads(run_cli("labels", root, "--json").stdout)
    assert listed == [
        {"id": load_project(root).labels[0].id, "name": "Ghost", "colour": "#112233", "scenes": []}
    ]


def test_studio_check_knows_the_names_of_places_and_things(tmp_path):  # noqa: ANN001
    project = make_project(tmp_path / "p", {"One": ["She walked to Kestrelholm with the Zarnith."]})
    root = str(project.root)
    before = run_cli("check", root, "--json")
    assert before.returncode == 3
    assert {w["word"] for w in json.loads(before.stdout)} >= {"Kestrelholm", "Zarnith"}
    assert run_cli("notes", "add", root, "Kestrelholm", "--kind", "place").returncode == 0
    assert run_cli("notes", "add", root, "the Zarnith", "--kind", "thing").returncode == 0
    after = run_cli("check", root, "--json")
    assert after.returncode == 0, after.stdout
