"""Zipped backups: outside the project, rotating, listed, restored without losing anything."""

from __future__ import annotations

import zipfile
from datetime import datetime, timedelta

import pytest

from studio.core import create_project, load_project
from studio.core.errors import StudioError
from studio.core.paths import default_backup_dir
from studio.core.safety.backups import (
    backup_folder,
    create_backup,
    list_backups,
    restore_over_project,
    restore_to_new_folder,
)


@pytest.fixture
def project(tmp_path):
    project = create_project(tmp_path / "story", "Backed Up")
    project.set_scene_text(project.parts[0].scenes[0].id, "Version one.\n")
    return project


def scene_path(project):
    return project.root / "scenes" / project.parts[0].scenes[0].file


def test_backup_is_a_zip_outside_the_project_without_hidden_folder(project):
    path = create_backup(project.root)
    assert path.parent == default_backup_dir() / "story"
    assert not str(path).startswith(str(project.root))
    names = zipfile.ZipFile(path).namelist()
    assert "story.json" in names and any(n.startswith("scenes/") for n in names)
    assert not any(n.startswith(".studio") for n in names)


def test_rotation_keeps_the_newest(project, tmp_path):
    start = datetime(2026, 1, 1, 12, 0, 0)
    folder = tmp_path / "bk"
    for minute in range(5):
        create_backup(project.root, folder, keep=3, now=start + timedelta(minutes=minute))
    listed = list_backups(project.root, folder)
    assert [b.time.minute for b in listed] == [4, 3, 2]
    assert len(list(folder.iterdir())) == 3
    assert listed[0].label().startswith("2026-01-01 12:04:00")


def test_backup_inside_the_project_is_refused(project):
    with pytest.raises(StudioError, match="outside"):
        create_backup(project.root, project.root / "bk")


def test_restore_to_new_folder_gives_a_loadable_project(project, tmp_path):
    backup = create_backup(project.root)
    target = restore_to_new_folder(backup, tmp_path / "restored")
    again = load_project(target)
    assert again.scene_text(again.parts[0].scenes[0].id) == "Version one.\n"
    with pytest.raises(StudioError, match="not empty"):
        restore_to_new_folder(backup, target)


def test_restore_over_project_backs_up_the_current_state_first(project):
    old = create_backup(project.root, now=datetime(2026, 1, 1))
    project.set_scene_text(project.parts[0].scenes[0].id, "Version two.\n")
    safety = restore_over_project(project.root, old, keep=1)
    assert scene_path(project).read_text("utf-8") == "Version one.\n"
    assert old.exists() and safety.exists()  # rotation never eats either
    with zipfile.ZipFile(safety) as archive:
        scene_name = "scenes/" + project.parts[0].scenes[0].file
        assert archive.read(scene_name) == b"Version two.\n"
    assert load_project(project.root).problems == []


def test_bad_and_unsafe_archives_are_refused_before_writing(project, tmp_path):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    with pytest.raises(StudioError):
        restore_over_project(project.root, junk)
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("story.json", "{}")
        archive.writestr("../outside.txt", "x")
    before = scene_path(project).read_bytes()
    with pytest.raises(StudioError, match="unsafe"):
        restore_over_project(project.root, evil)
    with pytest.raises(StudioError, match="unsafe"):
        restore_to_new_folder(evil, tmp_path / "new")
    assert not (tmp_path / "outside.txt").exists()
    assert scene_path(project).read_bytes() == before
    assert backup_folder(project.root).name == "story"
