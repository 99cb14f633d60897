"""The project lock: one writer at a time, stale locks taken over, holders named."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from studio.core import create_project
from studio.core.errors import StudioError
from studio.core.safety.locking import (
    LockInfo,
    ProjectLockedError,
    acquire,
    lock_path,
    read_lock,
    take_over,
    this_host,
)


@pytest.fixture
def root(tmp_path):
    create_project(tmp_path / "story", "Locked")
    return tmp_path / "story"


def write_lock(root, host: str, pid: int) -> None:
    data = {"host": host, "pid": pid, "user": "mara", "since": "2026-01-02T03:04:05+00:00"}
    lock_path(root).write_text(json.dumps(data), "utf-8")


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_acquire_writes_holder_and_release_removes_it(root):
    lock = acquire(root)
    info = read_lock(root)
    assert info == lock.info
    assert info.host == this_host() and info.pid == os.getpid()
    lock.release()
    assert not lock_path(root).exists()
    lock.release()  # twice is harmless


def test_second_acquire_is_refused_with_holder_details(root):
    with acquire(root), pytest.raises(ProjectLockedError) as caught:
        acquire(root)
    assert isinstance(caught.value, StudioError)
    message = str(caught.value)
    assert this_host() in message and str(os.getpid()) in message and "since" in message
    assert caught.value.holder.pid == os.getpid()
    assert not lock_path(root).exists()


def test_lock_held_by_live_process_in_another_process_is_refused(root):
    code = (
        "import sys; from studio.core.safety.locking import acquire\n"
        "lock = acquire(sys.argv[1]); print('held', flush=True); sys.stdin.readline(); lock.release()\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(root)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(ProjectLockedError) as caught:
            acquire(root)
        assert caught.value.holder.pid == child.pid
    finally:
        child.communicate("\n", timeout=30)
    acquire(root).release()  # released by the child: free again


def test_stale_lock_of_dead_process_is_taken_over_silently(root):
    write_lock(root, this_host(), dead_pid())
    lock = acquire(root)
    assert read_lock(root).pid == os.getpid()
    lock.release()


def test_lock_from_another_host_is_never_called_stale(root):
    write_lock(root, "far-away-laptop", dead_pid())
    with pytest.raises(ProjectLockedError) as caught:
        acquire(root)
    assert "far-away-laptop" in str(caught.value) and "mara" in str(caught.value)


def test_take_over_replaces_holder_and_old_holder_does_not_remove_new_lock(root):
    first = acquire(root)
    second = take_over(root)
    assert read_lock(root) == second.info
    assert not first.still_mine()
    first.release()  # must not delete the lock the other holder now owns
    assert read_lock(root) == second.info
    second.release()
    assert not lock_path(root).exists()


def test_unreadable_lock_is_reported_not_ignored(root):
    lock_path(root).write_bytes(b"\x00garbage")
    with pytest.raises(ProjectLockedError, match="cannot be read"):
        acquire(root)
    take_over(root).release()


def test_lock_info_describe_names_everything():
    info = LockInfo("host-a", 42, "mara", "2026-01-01T00:00:00+00:00")
    assert info.describe() == f"mara on host-a (process 42) since {info.since_local()}"
    assert info.since_local().startswith(("2026-01-01", "2025-12-31"))  # local time of day
    assert LockInfo("h", 1, "u", "garbled").since_local() == "garbled"
