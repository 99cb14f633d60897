"""Per-scene snapshots: taken on demand and before split and merge, listed, read, diffed."""

from __future__ import annotations

import pytest

from studio.core import create_project, load_project
from studio.core.errors import ReadOnlyError, StudioError
from studio.core.safety import snapshots as snaps


@pytest.fixture
def project(tmp_path):
    project = create_project(tmp_path / "story", "Snaps")
    scene = project.parts[0].scenes[0]
    project.set_scene_text(scene.id, "One two three.\nFour five.\n")
    return project


def first_id(project) -> str:
    return project.parts[0].scenes[0].id


def test_take_list_read_round_trip(project):
    sid = first_id(project)
    taken = snaps.take(project, sid, "on demand")
    project.set_scene_text(sid, "Changed text now.\n")
    second = snaps.take(project, sid, "on demand")
    listed = snaps.list(project, sid)
    assert [s.name for s in listed] == [taken.name, second.name]
    assert snaps.read(listed[0]) == "One two three.\nFour five.\n"
    assert listed[0].words == 5 and listed[0].reason == "on demand" and listed[0].time
    assert listed[0].path.parent == project.root / ".studio" / "snapshots" / sid
    assert listed[0].path.suffix == ".txt"


def test_identical_text_is_not_kept_twice(project):
    sid = first_id(project)
    first = snaps.take(project, sid, "a")
    again = snaps.take(project, sid, "b")
    assert again == first and len(snaps.list(project, sid)) == 1


def test_explicit_text_is_kept(project):
    sid = first_id(project)
    snaps.take(project, sid, "outside version", text="From elsewhere.")
    assert snaps.read(snaps.list(project, sid)[-1]) == "From elsewhere."


def test_split_and_merge_take_snapshots_through_the_hook(project):
    sid = first_id(project)
    project.before_text_change.append(lambda scene_id, reason: snaps.take(project, scene_id, reason))
    new = project.split_scene(sid, 15)
    before_split = snaps.list(project, sid)
    assert [s.reason for s in before_split] == ["before split"]
    assert snaps.read(before_split[0]) == "One two three.\nFour five.\n"
    project.merge_scenes(sid, new.id)
    assert [s.reason for s in snaps.list(project, new.id)] == ["before merge"]
    assert snaps.read(snaps.list(project, new.id)[0]) == "Four five.\n"
    assert len(snaps.list(project, sid)) == 2  # the head before the merge differs from the split one


def test_snapshots_survive_reload_and_do_not_disturb_loading(project):
    sid = first_id(project)
    snaps.take(project, sid, "kept")
    again = load_project(project.root)
    assert not again.problems and not again.recovered
    assert snaps.read(snaps.list(again, sid)[0]) == "One two three.\nFour five.\n"


def test_missing_metadata_falls_back_to_the_text(project):
    sid = first_id(project)
    shot = snaps.take(project, sid, "x")
    shot.path.with_suffix(".json").write_text("{broken", "utf-8")
    listed = snaps.list(project, sid)
    assert listed[0].words == 5 and listed[0].reason == "" and listed[0].time.startswith("20")


def test_read_only_project_and_unsafe_ids_are_refused(project):
    with pytest.raises(StudioError):
        snaps.take(project, "../../etc", "x", text="t")
    read_only = load_project(project.root, read_only=True)
    with pytest.raises(ReadOnlyError):
        snaps.take(read_only, first_id(read_only), "x")


def test_diff_rows_align_lines():
    rows = snaps.diff_rows("a\nb\nc\n", "a\nB\nc\nd\n")
    assert [(r.kind, r.old, r.new) for r in rows] == [
        ("same", "a", "a"),
        ("changed", "b", "B"),
        ("same", "c", "c"),
        ("added", None, "d"),
    ]


def test_inline_diff_marks_words():
    pieces = snaps.word_ops("the grey sea", "the green sea")
    assert ("removed", "grey") in pieces and ("added", "green") in pieces
    html = snaps.inline_html("a <b>", "a <c>")
    assert "&lt;" in html and "&gt;" in html and "line-through" in html
    table = snaps.side_by_side_html("x\n", "y\n")
    assert "<table" in table and ">x<" in table and ">y<" in table
    assert "-x" in snaps.unified("x\n", "y\n")


def test_rename_everywhere_takes_a_snapshot_of_each_scene_it_changes(project):
    from studio.core.characters import apply_rename, plan_rename

    sid = first_id(project)
    project.set_scene_text(sid, "Mara ran. Then Mara slept.\n")
    character = project.add_character("Mara")
    project.before_text_change.append(lambda scene_id, reason: snaps.take(project, scene_id, reason))
    apply_rename(project, character.id, "Maya", plan_rename(project, character.id, "Maya"))
    kept = snaps.list(project, sid)
    assert [s.reason for s in kept] == ["before rename everywhere"]
    assert snaps.read(kept[0]) == "Mara ran. Then Mara slept.\n"
    assert project.scene_text(sid) == "Maya ran. Then Maya slept.\n"
