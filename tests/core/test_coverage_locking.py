"""locking.py, every line: damaged locks, nameless users, other users' processes, odd file systems."""

from __future__ import annotations

import errno
import json
import os
import pwd
import subprocess
import sys
from pathlib import Path

import pytest

from studio.core import create_project
from studio.core.safety import locking
from studio.core.safety.locking import ProjectLockedError, acquire, lock_path, pid_alive, read_lock, this_host

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    create_project(tmp_path / "story", "Locked")
    return tmp_path / "story"


def test_a_lock_whose_pid_no_process_can_have_is_stale(root: Path) -> None:
    damaged = {"host": this_host(), "pid": 2**40, "user": "mara", "since": "2026-01-02T03:04:05+00:00"}
    lock_path(root).write_text(json.dumps(damaged), "utf-8")
    with acquire(root) as lock:  # taken over, not a crash
        assert read_lock(root) == lock.info
    assert not lock_path(root).exists()


def test_no_process_has_a_pid_below_one() -> None:
    assert not pid_alive(0)
    assert not pid_alive(-1)


def _unnamed_uid() -> int:
    uid = 54321
    while True:
        try:
            pwd.getpwuid(uid)
        except KeyError:
            return uid
        uid += 1


# Started as root, the child runs as a user id with no name (as in some containers) and
# asks about process 1, which belongs to root; then it becomes root again to exit cleanly.
AS_UNNAMED = r"""
import os, sys
from studio.core.safety.locking import current_user, my_info, pid_alive

for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
    os.environ.pop(name, None)
uid = int(sys.argv[1])
os.setresuid(uid, uid, 0)
print(repr(current_user()), repr(my_info().user), pid_alive(1))
os.setresuid(0, 0, 0)
"""


@pytest.mark.skipif(not hasattr(os, "setresuid") or os.geteuid() != 0, reason="needs root to change user")
def test_a_user_without_a_name_and_a_process_of_another_user() -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    child = subprocess.run(
        [sys.executable, "-c", AS_UNNAMED, str(_unnamed_uid())],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == 0, child.stderr
    # No name: the lock says so with an empty user; process 1 exists though we may not signal it.
    assert child.stdout.split() == ["''", "''", "True"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may signal every process")
def test_a_process_of_another_user_is_alive() -> None:
    assert pid_alive(1)  # init: signalling it is refused (EPERM), so it exists


def test_on_a_file_system_without_hard_links_the_lock_is_still_exclusive(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_hard_links(src: str, dst: str) -> None:
        raise OSError(errno.EPERM, "Operation not permitted", dst)

    monkeypatch.setattr(locking.os, "link", no_hard_links)  # as on FAT or some network shares
    lock = acquire(root)
    assert read_lock(root) == lock.info
    with pytest.raises(ProjectLockedError) as refused:
        acquire(root)
    assert refused.value.holder == lock.info
    lock.release()
    assert not lock_path(root).exists()
    assert sorted(p.name for p in lock_path(root).parent.iterdir()) == [".gitignore"]  # no temp files


class LockReleasedBetweenLooks:
    """``os.link`` as seen when another writer holds the lock and lets go just before we read it."""

    def __init__(self, times: int) -> None:
        self.times = times
        self.calls = 0
        self.real_link = os.link

    def __call__(self, src: str, dst: str) -> None:
        self.calls += 1
        if self.calls <= self.times:
            raise FileExistsError(errno.EEXIST, "File exists", dst)
        self.real_link(src, dst)


def test_a_lock_released_between_two_looks_is_tried_again(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = LockReleasedBetweenLooks(times=1)
    monkeypatch.setattr(locking.os, "link", link)
    with acquire(root) as lock:
        assert link.calls == 2
        assert read_lock(root) == lock.info


def test_a_lock_that_never_settles_is_refused_after_three_tries(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = LockReleasedBetweenLooks(times=99)
    monkeypatch.setattr(locking.os, "link", link)
    with pytest.raises(ProjectLockedError, match="the lock file cannot be read"):
        acquire(root)
    assert link.calls == 3
    assert not lock_path(root).exists()
