"""The watchdog wrapper with the real observer: bursts debounced, own writes recognised by content."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from studio.core import create_project
from studio.core.safety.watcher import ProjectWatcher, reload_structure
from tests.conftest import WatchBatches


@pytest.fixture
def project(tmp_path):
    project = create_project(tmp_path / "story", "Watched")
    part = project.parts[0]
    project.add_scene(part.id, title="Second", text="Second text.\n")
    project.set_scene_text(part.scenes[0].id, "First text.\n")
    return project


def path_of(project, index: int) -> Path:
    return project.root / "scenes" / project.parts[0].scenes[index].file


def test_outside_edit_is_a_scene_change(project, watched):
    path_of(project, 0).write_text("Edited elsewhere.\n", "utf-8")
    assert watched.wait_for(lambda b: b)
    changes = watched.classified()
    assert changes.scenes_changed == [project.parts[0].scenes[0].id]
    assert not changes.manifest_changed and not changes.new_files


def test_editor_style_save_through_temp_and_rename(project, watched):
    target = path_of(project, 1)
    temp = target.parent / ".Second.swp.tmp"
    temp.write_text("Saved by vim.\n", "utf-8")
    os.replace(temp, target)
    assert watched.wait_for(lambda b: any(target in batch for batch in b))
    assert watched.classified().scenes_changed == [project.parts[0].scenes[1].id]


def test_own_writes_are_recognised_by_content(project, watched):
    sid = project.parts[0].scenes[0].id
    project.set_scene_text(sid, "Typed in the app.\n")
    project.rename_scene(sid, "Renamed in the app")
    marker = project.root / "scenes" / "marker.txt"
    marker.write_text("x", "utf-8")  # an outside event after ours: once seen, ours were seen too
    assert watched.wait_for(lambda b: any(marker in batch for batch in b))
    changes = watched.classified()
    assert changes.scenes_changed == [] and not changes.manifest_changed
    assert changes.new_files == ["marker.txt"]


def test_burst_of_many_files_is_one_batch(project, watched):
    for number in range(150):
        (project.root / "scenes" / f"burst-{number:03}.txt").write_text("x", "utf-8")
    path_of(project, 0).write_text("Checkout.\n", "utf-8")
    assert watched.wait_for(lambda b: sum(len(x) for x in b) >= 151)
    assert len(watched.batches) <= 2  # one burst (at most split once by a slow disk)
    changes = watched.classified()
    assert len(changes.new_files) == 150 and changes.scenes_changed


def test_hidden_folder_and_temp_files_are_ignored(project, watched):
    (project.root / ".studio" / "noise.json").write_text("{}", "utf-8")
    (project.root / "scenes" / ".x.abcd.tmp").write_text("temp", "utf-8")
    marker = project.root / "scenes" / "marker.md"
    marker.write_text("x", "utf-8")
    assert watched.wait_for(lambda b: any(marker in batch for batch in b))
    everything = set().union(*watched.batches)
    assert all(".studio" not in p.parts and not p.name.endswith(".tmp") for p in everything)


def test_deletion_and_manifest_change(project, watched):
    deleted = project.parts[0].scenes[1]
    path_of(project, 1).unlink()
    manifest = project.root / "story.json"
    manifest.write_bytes(manifest.read_bytes().replace(b'"Watched"', b'"Retitled"'))
    assert watched.wait_for(
        lambda b: any(manifest in batch for batch in b) and any(path_of(project, 1) in batch for batch in b)
    )
    changes = watched.classified()
    assert changes.scenes_deleted == [deleted.id] and changes.manifest_changed
    reload_structure(project)
    assert project.title == "Retitled"
    assert project.scene(deleted.id).missing


def test_reload_structure_keeps_texts_and_follows_moves(project):
    first, second = project.parts[0].scenes
    project.scene_text(first.id)
    manifest = project.root / "story.json"
    raw = manifest.read_text("utf-8")
    swapped = raw.replace('"Scene 1"', '"TMP"').replace('"Second"', '"Scene 1"').replace('"TMP"', '"Second"')
    manifest.write_text(swapped, "utf-8")
    reload_structure(project)
    assert project.scene(first.id).title == "Second"
    assert project.scene_text(first.id) == "First text.\n"
    project.rename_scene(first.id, "After reload")  # no ExternalChangeError: the bytes are known


def test_stop_drops_pending_and_ends_observer(project):
    batches = WatchBatches(project)
    watcher = ProjectWatcher(project.root, batches, delay=5)
    watcher.start()
    assert watcher.running
    watcher.note([path_of(project, 0)])
    watcher.stop()
    assert not watcher.running and batches.batches == []
