"""storage.py, every line: loading, the word-count cache and the refusals, on real folders."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from studio.core import create_project, load_project
from studio.core.errors import StudioError
from studio.core.storage import CACHE_NAME, ProjectStore, find_unlisted_scene_files

from .helpers import make_project


def test_a_manifest_that_cannot_be_read_gives_a_one_line_reason(tmp_path: Path) -> None:
    root = tmp_path / "story"
    create_project(root, "Odd")
    (root / "story.json").unlink()
    (root / "story.json").mkdir()  # unreadable as a file, even for root
    with pytest.raises(StudioError, match=r"story\.json: cannot read: Is a directory"):
        load_project(root)


def test_a_project_needs_a_title(tmp_path: Path) -> None:
    with pytest.raises(StudioError, match="needs a title"):
        create_project(tmp_path / "story", "   ")
    assert not (tmp_path / "story").exists()


def test_a_scene_file_removed_since_counting_is_no_longer_unchanged(tmp_path: Path) -> None:
    root = tmp_path / "story"
    make_project(root)
    project = load_project(root)
    scene = next(project.iter_scenes())
    path = project.store.scene_path(scene)
    assert project.store.unchanged_since_counted(scene.file, path)
    path.unlink()
    assert not project.store.unchanged_since_counted(scene.file, path)


def test_a_deleted_file_is_not_the_apps_own_content(tmp_path: Path) -> None:
    root = tmp_path / "story"
    project = make_project(root)
    scene = next(project.iter_scenes())
    path = project.store.scene_path(scene)
    assert project.store.is_own_content(path)
    path.unlink()
    assert not project.store.is_own_content(path)


def test_a_cache_that_is_not_a_mapping_is_recounted_and_rewritten(tmp_path: Path) -> None:
    root = tmp_path / "story"
    make_project(root, {"One": ["alpha beta", "gamma"]})
    cache = root / ".studio" / CACHE_NAME
    cache.write_text("[1, 2, 3]", "utf-8")
    project = load_project(root)
    assert [s.words for s in project.iter_scenes()] == [2, 1]
    assert isinstance(json.loads(cache.read_text("utf-8")), dict)


def test_a_linked_scene_inside_the_project_is_counted(tmp_path: Path) -> None:
    root = tmp_path / "story"
    project = make_project(root, {"One": ["alpha beta"]})
    scene = next(project.iter_scenes())
    path = project.store.scene_path(scene)
    real = root / "scenes" / "real-text.md"
    path.rename(real)
    path.symlink_to(real.name)
    again = load_project(root)
    linked = again.scene(scene.id)
    assert linked.words == 2 and not linked.read_only and not linked.missing


def test_a_word_count_cache_that_cannot_be_written_does_not_stop_loading(tmp_path: Path) -> None:
    root = tmp_path / "story"
    make_project(root, {"One": ["alpha beta gamma"]})
    cache = root / ".studio" / CACHE_NAME
    cache.unlink(missing_ok=True)
    cache.mkdir()  # the cache's place is taken: the write fails (for root too)
    project = load_project(root)
    assert [s.words for s in project.iter_scenes()] == [3]
    assert cache.is_dir() and os.listdir(cache) == []


def test_no_scenes_folder_means_no_unlisted_files(tmp_path: Path) -> None:
    store = ProjectStore(tmp_path)
    assert find_unlisted_scene_files(store, {"a.txt"}) == []
    (tmp_path / "scenes").mkdir()
    (tmp_path / "scenes" / "b.txt").write_text("found")
    assert find_unlisted_scene_files(store, {"a.txt"}) == ["b.txt"]


def test_a_file_never_read_is_not_changed_on_disk(tmp_path: Path) -> None:
    project = make_project(tmp_path / "story")
    stranger = project.root / "scenes" / "stranger.txt"
    stranger.write_text("someone else's words\n", "utf-8")
    assert not project.store.changed_on_disk(stranger)


def test_a_file_changed_outside_is_never_removed(tmp_path: Path) -> None:
    project = make_project(tmp_path / "story")
    path = project.store.scene_path(project.parts[0].scenes[0])
    project.scene_text(project.parts[0].scenes[0].id)  # the app knows what is on disk
    path.write_text("Rewritten in another program.\n", "utf-8")
    assert project.store.changed_on_disk(path)
    project.store.remove_file(path)
    assert path.read_text("utf-8") == "Rewritten in another program.\n"


def staging_store(tmp_path: Path) -> tuple[ProjectStore, Path]:
    """A store building a new project in a staging folder (not durable, its scenes folder checked)."""
    root = tmp_path / "staging"
    (root / "scenes").mkdir(parents=True)
    store = ProjectStore(root)
    store.durable = False
    store.checked_folders.add(root / "scenes")
    return store, root / "scenes"


def test_a_staging_write_creates_a_new_file_exclusively(tmp_path: Path) -> None:
    store, scenes = staging_store(tmp_path)
    assert store.write_text(scenes / "one.txt", "One.\n")
    assert (scenes / "one.txt").read_text("utf-8") == "One.\n"


def test_a_staging_write_onto_a_file_standing_there_goes_through_the_checks(tmp_path: Path) -> None:
    store, scenes = staging_store(tmp_path)
    (scenes / "same.txt").write_text("Same.\n", "utf-8")
    assert not store.write_text(scenes / "same.txt", "Same.\n")  # identical: nothing written
    os.mkfifo(scenes / "pipe.txt")
    with pytest.raises(StudioError, match="not a plain file"):
        store.write_text(scenes / "pipe.txt", "Words.\n")  # never opened, never blocked on
    assert (scenes / "pipe.txt").is_fifo()
