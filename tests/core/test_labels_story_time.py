"""Labels and story time in the core: round trips, old projects unchanged, hostile values, operations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.core import load_project
from studio.core.errors import ManifestError, StudioError
from studio.core.manifest import ManifestData, parse_manifest, serialize_manifest
from studio.core.nodes import Label, Note, Part, Scene
from studio.core.story_time import parse_story_time, runs_backwards, story_time_key
from tests.core.helpers import make_project

IDS = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
TEXT = st.text(max_size=20)
STORY_TIMES = st.sampled_from(["", "2024-05-01", "2024-05-01T18:30", "Day 3, evening", "1999-12-31"]) | TEXT
ORDERS = st.none() | st.integers(-(10**9), 10**9)
COLOURS = st.sampled_from(["", "#e0524d", "#ABCDEF", "red"])


@st.composite
def manifests(draw: st.DrawFn) -> ManifestData:
    ids = iter(draw(st.lists(IDS, min_size=30, max_size=30, unique=True)))
    files = iter(f"{n}.txt" for n in range(100))
    labels = [Label(next(ids), draw(TEXT), draw(COLOURS)) for _ in range(draw(st.integers(0, 3)))]
    label_ids = [label.id for label in labels] + ["ghost"]
    parts = []
    for _ in range(draw(st.integers(0, 2))):
        part = Part(next(ids), draw(TEXT))
        for _ in range(draw(st.integers(0, 3))):
            part.scenes.append(
                Scene(
                    next(ids),
                    draw(TEXT),
                    next(files),
                    labels=draw(st.lists(st.sampled_from(label_ids), max_size=3, unique=True)),
                    story_time=draw(STORY_TIMES),
                    story_order=draw(ORDERS),
                )
            )
        parts.append(part)
    notes = [
        Note(
            next(ids),
            draw(TEXT),
            next(files),
            kind=draw(st.sampled_from(["place", "thing", "note"])),
            aliases=draw(st.lists(TEXT, max_size=2)),
            description=draw(TEXT),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    return ManifestData(title=draw(TEXT), parts=parts, labels=labels, notes=notes)


@settings(max_examples=150, deadline=None)
@given(data=manifests())
def test_new_fields_round_trip_byte_for_byte(data: ManifestData) -> None:
    raw = serialize_manifest(data)
    again = parse_manifest(raw, problems=[])
    assert serialize_manifest(again) == raw
    scenes = [(s.labels, s.story_time, s.story_order) for p in again.parts for s in p.scenes]
    assert scenes == [(s.labels, s.story_time, s.story_order) for p in data.parts for s in p.scenes]
    assert [(n.name, n.kind, n.aliases) for n in again.notes] == [
        (n.name, n.kind, n.aliases) for n in data.notes
    ]
    assert [(lab.id, lab.name, lab.colour) for lab in again.labels] == [
        (lab.id, lab.name, lab.colour) for lab in data.labels
    ]


def test_an_older_manifest_loads_and_saves_byte_for_byte() -> None:
    sample = Path(__file__).parents[2] / "projects" / "the-lamplighters-daughter" / "story.json"
    raw = sample.read_bytes()
    data = parse_manifest(raw)
    assert data.labels == [] and data.notes == []
    assert all(
        s.labels == [] and s.story_time == "" and s.story_order is None for p in data.parts for s in p.scenes
    )
    assert serialize_manifest(data) == raw
    assert b'"labels"' not in raw and b'"story_time"' not in raw


def _manifest(**scene_fields: object) -> bytes:
    scene = {"id": "s1", "title": "A", "file": "a.txt", "status": "draft", **scene_fields}
    document = {
        "format": 1,
        "title": "T",
        "labels": [{"id": "l1", "name": "Ghost", "colour": "#112233"}],
        "parts": [{"id": "p1", "title": "One", "scenes": [scene]}],
    }
    return json.dumps(document).encode()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"labels": "l1"}, "parts[0].scenes[0].labels: expected a list of label ids"),
        ({"labels": [1]}, "parts[0].scenes[0].labels: expected a list of label ids"),
        ({"story_time": 3}, "parts[0].scenes[0].story_time: expected text"),
        ({"story_order": "1"}, "parts[0].scenes[0].story_order: expected a whole number"),
        ({"story_order": True}, "parts[0].scenes[0].story_order: expected a whole number"),
        ({"story_order": 10**12}, "parts[0].scenes[0].story_order: expected a whole number"),
    ],
)
def test_hostile_scene_fields_refuse_with_one_line(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ManifestError) as error:
        parse_manifest(_manifest(**fields))
    assert str(error.value) == f"story.json: {message}"
    assert "\n" not in str(error.value)


def test_odd_but_typed_values_are_kept_and_named() -> None:
    problems: list[str] = []
    raw = _manifest(labels=["l1", "gone"], story_time="2024-13-45")
    data = parse_manifest(raw, problems=problems)
    scene = data.parts[0].scenes[0]
    assert scene.labels == ["l1", "gone"] and scene.story_time == "2024-13-45"
    assert problems == [
        "story.json: parts[0].scenes[0].labels: no label 'gone' is defined; kept",
        "story.json: parts[0].scenes[0].story_time: '2024-13-45' is not a real date "
        "(YYYY-MM-DD, or YYYY-MM-DDTHH:MM); kept as written",
    ]
    assert json.loads(serialize_manifest(data))["parts"][0]["scenes"][0]["labels"] == ["l1", "gone"]


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ({"x": 1}, "story.json: labels: expected a list"),
        ([{"id": "../x", "name": "A"}], "story.json: labels[0].id: unsafe or missing id '../x'"),
        ([{"id": "l1", "name": 5}], "story.json: labels[0].name: expected text"),
    ],
)
def test_hostile_label_definitions_refuse(labels: object, message: str) -> None:
    document = json.loads(_manifest())
    document["labels"] = labels
    with pytest.raises(ManifestError, match="^" + message.replace("[", r"\[").replace(".", r"\.") + "$"):
        parse_manifest(json.dumps(document).encode())


def test_story_time_kinds_and_order() -> None:
    assert parse_story_time("2024-05-01").kind == "date"
    assert parse_story_time("2024-05-01T18:30").kind == "datetime"
    assert parse_story_time("2024-02-30").kind == "label"
    assert parse_story_time("Day 3, evening").kind == "label"
    assert parse_story_time("  ").kind == "none"
    ordered = [
        ("2024-05-01", None),
        ("2024-05-01T08:00", None),
        ("2024-05-01T18:30", None),
        ("2024-05-02", None),
        ("Day 1", 1),
        ("Day 3, evening", 3),
        ("", None),
    ]
    shuffled = [ordered[i] for i in (5, 2, 6, 0, 4, 3, 1)]
    assert sorted(shuffled, key=lambda t: story_time_key(*t)) == ordered


def test_runs_backwards_marks_flashbacks_only() -> None:
    times = [("a", "2024-05-02", None), ("b", "", None), ("c", "2024-05-01", None), ("d", "2024-05-03", None)]
    assert runs_backwards(times) == {"c"}


def test_label_operations_write_story_json_and_remove_strips_scenes(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    scenes = [s.id for s in project.iter_scenes()]
    ghost = project.add_label("  Ghost   story ")
    assert ghost.name == "Ghost story" and ghost.colour.startswith("#")
    with pytest.raises(StudioError, match="already a label 'Ghost story'"):
        project.add_label("ghost STORY")
    love = project.add_label("Love", "#AABBCC")
    assert love.colour == "#aabbcc"
    project.set_scene_labels({scenes[0]: [ghost.id, love.id], scenes[1]: [love.id]})
    project.set_story_time(scenes[0], "Day 3, evening", 3)
    reloaded = load_project(project.root)
    assert reloaded.scene(scenes[0]).labels == [ghost.id, love.id]
    assert (reloaded.scene(scenes[0]).story_time, reloaded.scene(scenes[0]).story_order) == (
        "Day 3, evening",
        3,
    )
    before = (project.root / "story.json").read_bytes()
    removal = project.remove_label(love.id)
    assert removal.scene_labels == {scenes[0]: [ghost.id, love.id], scenes[1]: [love.id]}
    assert project.scene(scenes[0]).labels == [ghost.id] and project.scene(scenes[1]).labels == []
    project.insert_label(removal)
    assert (project.root / "story.json").read_bytes() == before


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda p, s: p.add_label(""), "a label needs a name"),
        (lambda p, s: p.add_label("A", "blue"), "'blue' is not a colour"),
        (lambda p, s: p.set_scene_labels({s: ["nope"]}), "no label with id 'nope'"),
        (lambda p, s: p.set_story_time(s, "2024-02-30"), "'2024-02-30' is not a real date"),
        (lambda p, s: p.set_story_time(s, "a\nb"), "a story time is one line"),
        (lambda p, s: p.set_story_time(s, "x" * 500), "at most 200 characters"),
        (lambda p, s: p.set_story_time(s, "Day 1", 10**10), "a story order is a whole number"),
    ],
)
def test_refused_values_change_nothing(tmp_path: Path, call, message: str) -> None:  # noqa: ANN001
    project = make_project(tmp_path / "p")
    scene_id = next(project.iter_scenes()).id
    before = (project.root / "story.json").read_bytes()
    with pytest.raises(StudioError, match=message.replace("(", r"\(")):
        call(project, scene_id)
    assert (project.root / "story.json").read_bytes() == before
    assert project.labels == [] and project.scene(scene_id).story_time == ""


def test_a_failed_save_rolls_labels_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "p")
    scene_id = next(project.iter_scenes()).id
    label = project.add_label("Ghost")
    project.set_scene_labels({scene_id: [label.id]})

    def refuse(*_args: object, **_kwargs: object) -> bool:
        raise OSError("disk full")

    monkeypatch.setattr(project.store, "write_manifest", refuse)
    with pytest.raises(OSError, match="disk full"):
        project.remove_label(label.id)
    assert [lab.id for lab in project.labels] == [label.id]
    assert project.scene(scene_id).labels == [label.id]


@st.composite
def older_manifests(draw: st.DrawFn) -> ManifestData:
    """Manifests as projects made before labels, story time and notes existed."""
    data = draw(manifests())
    data.labels, data.notes = [], []
    for part in data.parts:
        for scene in part.scenes:
            scene.labels, scene.story_time, scene.story_order = [], "", None
            scene.extra = draw(st.dictionaries(st.sampled_from(["x-a", "x-b"]), st.integers()))
    return data


@settings(max_examples=100, deadline=None)
@given(data=older_manifests())
def test_older_projects_are_written_as_before(data: ManifestData) -> None:
    raw = serialize_manifest(data)
    for key in (b'"labels"', b'"notes"', b'"story_time"', b'"story_order"'):
        assert key not in raw
    problems: list[str] = []
    assert serialize_manifest(parse_manifest(raw, problems=problems)) == raw
    assert problems == []


@pytest.mark.parametrize(
    ("notes", "message"),
    [
        (
            [{"id": "n1", "name": "A", "file": "a.txt", "kind": "planet"}],
            "notes[0].kind: expected one of place",
        ),
        (
            [{"id": "n1", "name": "A", "file": "a.txt", "aliases": "B"}],
            "notes[0].aliases: expected a list of text",
        ),
        ([{"id": "n1", "name": "A", "file": "../a.txt"}], "notes[0].file: unsafe or missing file name"),
        ([{"id": "s1", "name": "A", "file": "a.txt"}], "notes[0].id: duplicate id 's1'"),
        ("x", "notes: expected a list"),
    ],
)
def test_hostile_notes_refuse_with_one_line(notes: object, message: str) -> None:
    document = json.loads(_manifest())
    document["notes"] = notes
    with pytest.raises(ManifestError) as error:
        parse_manifest(json.dumps(document).encode())
    assert str(error.value).startswith(f"story.json: {message}")
    assert "\n" not in str(error.value)


def test_a_failed_save_rolls_notes_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "p")
    note = project.add_note("Harbour", "place", text="Boats.\n")

    def refuse(*_args: object, **_kwargs: object) -> bool:
        raise OSError("disk full")

    monkeypatch.setattr(project.store, "write_manifest", refuse)
    with pytest.raises(OSError, match="disk full"):
        project.update_note(note.id, name="Port", kind="thing")
    with pytest.raises(OSError, match="disk full"):
        project.remove_note(note.id)
    assert [(n.id, n.name, n.kind) for n in project.notes] == [(note.id, "Harbour", "place")]
    assert project.note_text(note.id) == "Boats.\n"
