"""atomic.py, every line: the write keeps the old file or writes the new one, never a mix."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from studio.core.atomic import atomic_write, fsync_folder


def test_a_new_file_is_written_readable_by_all(tmp_path: Path) -> None:
    target = tmp_path / "scene.txt"
    atomic_write(target, "Hello, world.\n")
    assert target.read_text("utf-8") == "Hello, world.\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert os.listdir(tmp_path) == ["scene.txt"]  # no temp file left behind


def test_an_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "private.txt"
    target.write_bytes(b"old")
    target.chmod(0o600)
    atomic_write(target, b"new \xe2\x80\x99 bytes")
    assert target.read_bytes() == b"new \xe2\x80\x99 bytes"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failed_rename_leaves_the_target_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()  # a folder where the file should go: os.replace refuses, even for root
    (target / "inside.txt").write_text("kept")
    with pytest.raises(OSError):
        atomic_write(target, "text")
    assert (target / "inside.txt").read_text() == "kept"
    assert os.listdir(tmp_path) == ["taken"]


def test_a_missing_folder_raises_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write(tmp_path / "no-such-folder" / "scene.txt", "text")
    assert os.listdir(tmp_path) == []


def test_fsync_folder_of_a_folder_that_cannot_be_opened_is_a_no_op(tmp_path: Path) -> None:
    fsync_folder(tmp_path / "gone")  # os.open fails: nothing to flush, no error
    assert not (tmp_path / "gone").exists()


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_fsync_folder_where_the_file_system_cannot_fsync_is_a_no_op() -> None:
    # /proc opens but refuses fsync (EINVAL); a save there must not fail for that alone.
    fsync_folder("/proc")
