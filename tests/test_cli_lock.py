"""The command line respects the project lock: writers refuse while the window holds it, readers work."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from studio.core import create_project, load_project
from studio.core.safety.locking import acquire, lock_path, read_lock, this_host
from tests.conftest import run_cli


@pytest.fixture
def root(tmp_path):
    project = create_project(tmp_path / "story", "Held", "A. Writer")
    project.set_scene_text(next(project.iter_scenes()).id, "Mara walked to the lighthouse.\n")
    return project.root


@pytest.fixture
def chapter(tmp_path):
    path = tmp_path / "chapter.txt"
    path.write_text("# Chapter Nine\n\nThe boat came back at dawn.\n", "utf-8")
    return path


def project_files(root) -> dict[str, bytes]:
    """Every file of the project except the lock, with its bytes."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p != lock_path(root)
    }


def assert_refused(result, lock) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    message = lines[0]
    assert message.startswith("studio: story is already open by")
    assert lock.info.host in message and f"process {os.getpid()}" in message
    assert f"since {lock.info.since_local()}" in message


def test_characters_add_refuses_while_the_lock_is_held(root):
    before = project_files(root)
    with acquire(root) as lock:
        result = run_cli("characters", "add", str(root), "Jess Summers", "--role", "protagonist")
        assert_refused(result, lock)
        assert read_lock(root) == lock.info  # the holder's lock is left alone
    assert project_files(root) == before
    assert load_project(root, read_only=True).characters == []


def test_import_into_an_existing_project_refuses_while_the_lock_is_held(root, chapter):
    before = project_files(root)
    with acquire(root) as lock:
        result = run_cli("import", str(chapter), "--into", str(root))
        assert_refused(result, lock)
    assert project_files(root) == before


def test_import_into_a_new_folder_needs_no_lock(root, chapter, tmp_path):
    with acquire(root):
        result = run_cli("import", str(chapter), "--into", str(tmp_path / "fresh"))
    assert result.returncode == 0, result.stderr
    assert load_project(tmp_path / "fresh").words == 6


def test_reading_commands_work_while_the_lock_is_held(root):
    with acquire(root) as lock:
        before = project_files(root)
        info = run_cli("info", str(root), "--json")
        assert info.returncode == 0, info.stderr
        assert json.loads(info.stdout)["title"] == "Held"
        listing = run_cli("characters", str(root))
        assert listing.returncode == 0, listing.stderr
        exported = run_cli("export", str(root))
        assert exported.returncode == 0, exported.stderr
        assert "Mara walked to the lighthouse." in exported.stdout
        checked = run_cli("check", str(root))
        assert checked.returncode in (0, 3), checked.stderr
        assert project_files(root) == before
        assert read_lock(root) == lock.info


def test_a_stale_lock_does_not_block_and_is_cleared(root, chapter):
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    stale = {"host": this_host(), "pid": child.pid, "user": "mara", "since": "2026-01-02T03:04:05+00:00"}
    lock_path(root).write_text(json.dumps(stale), "utf-8")
    added = run_cli("characters", "add", str(root), "Jess Summers")
    assert added.returncode == 0, added.stderr
    assert [c.name for c in load_project(root).characters] == ["Jess Summers"]
    assert not lock_path(root).exists()  # taken over for the write, then let go
    imported = run_cli("import", str(chapter), "--into", str(root))
    assert imported.returncode == 0, imported.stderr
    assert [p.title for p in load_project(root).parts][-1] == "Chapter Nine"


def test_a_lock_from_another_computer_blocks_writers(root):
    other = {"host": "other-machine", "pid": 1, "user": "mara", "since": "2026-01-02T03:04:05+00:00"}
    lock_path(root).write_text(json.dumps(other), "utf-8")
    result = run_cli("characters", "add", str(root), "Jess Summers")
    assert result.returncode == 1
    assert "mara on other-machine (process 1)" in result.stderr
    assert read_lock(root).host == "other-machine"


def test_a_folder_that_is_no_project_gets_no_lock_file(tmp_path):
    folder = tmp_path / "plain"
    folder.mkdir()
    result = run_cli("characters", "add", str(folder), "Jess")
    assert result.returncode == 1
    assert list(folder.iterdir()) == []
