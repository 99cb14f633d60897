"""Crash safety: SIGKILL during saves never tears a file; a full disk or read-only folder loses nothing."""

from __future__ import annotations

import errno
import os
import pwd
import random
import re
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from studio.core import create_project, load_project
from studio.core.errors import StudioError

REPO = Path(__file__).resolve().parents[1]
SCENES = 3
KILLS = 30

WRITER = r"""
import sys
from studio.core import load_project

def body(index, version):
    return "".join(f"scene {index} version {version} line {k}\n" for k in range(400 + version % 97))

project = load_project(sys.argv[1])
ids = [s.id for s in project.iter_scenes()]
version = int(project.settings.get("version", 0))
print("ready", flush=True)
while True:
    version += 1
    for index, sid in enumerate(ids):
        project.set_scene_text(sid, body(index, version))
    project.rename_scene(ids[version % len(ids)], f"Title {version}")
    project.set_setting("version", version)
    print(version, flush=True)
"""

LINE = re.compile(r"scene (\d+) version (\d+) line (\d+)\n")


def expected_body(index: int, version: int) -> str:
    return "".join(f"scene {index} version {version} line {k}\n" for k in range(400 + version % 97))


def check_scene_file(path: Path, index: int, written: set[int]) -> int:
    """The file holds exactly one whole version (or the initial text); return that version."""
    text = path.read_text("utf-8")
    if text == "":
        assert 0 in written, f"{path.name} is empty"
        return 0
    match = LINE.match(text)
    assert match, f"{path.name} starts with something torn: {text[:40]!r}"
    version = int(match.group(2))
    assert text == expected_body(index, version), f"{path.name}: version {version} is torn"
    return version


def test_sigkill_at_random_moments_never_tears_a_file(tmp_path):
    root = tmp_path / "story"
    project = create_project(root, "Crash")
    part = project.parts[0]
    for number in range(SCENES - 1):
        project.add_scene(part.id, title=f"Scene {number + 2}")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    rng = random.Random(7)
    versions_seen: set[int] = set()
    for _kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(root)], stdout=subprocess.PIPE, text=True, env=env
        )
        assert child.stdout.readline().strip() == "ready"
        for _ in range(rng.randint(0, 3)):
            child.stdout.readline()  # let a few rounds of saves complete
        # the random moment: somewhere inside the next save round
        spin_until = rng.random() * 0.02
        deadline = _now() + spin_until
        while _now() < deadline:
            pass
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        project = load_project(root)  # the project loads: the manifest is whole
        assert project.problems == []
        assert isinstance(project.settings.get("version", 0), int)
        for index, scene in enumerate(project.iter_scenes()):
            versions_seen.add(check_scene_file(root / "scenes" / scene.file, index, {0} | versions_seen))
        leftovers = [p for p in (root / "scenes").iterdir() if not p.name.startswith(".")]
        assert len(leftovers) == SCENES  # only hidden temp files may be left behind
    assert len(versions_seen) > 3  # the writer really got somewhere between kills


def _now() -> float:
    import time

    return time.perf_counter()


FULL_DISK = r"""
import errno, resource, signal, sys
from studio.core import load_project
from studio.core.errors import StudioError

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # past the limit a write fails with EFBIG
project = load_project(sys.argv[1])
sid = next(project.iter_scenes()).id
big = "The tide came in. " * 20000
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, hard))
try:
    project.set_scene_text(sid, big)
except OSError as error:
    print("failed", errno.errorcode.get(error.errno, error.errno), flush=True)
else:
    print("unexpectedly saved", flush=True)
resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
print("disk text", open(project.store.scene_path(project.scene(sid)), encoding="utf-8").read().strip())
project.set_scene_text(sid, big)
print("saved", project.scene_text(sid) == big, flush=True)
"""


def test_full_disk_keeps_the_old_file_and_a_later_save_succeeds(tmp_path):
    root = tmp_path / "story"
    project = create_project(root, "Full")
    sid = next(project.iter_scenes()).id
    project.set_scene_text(sid, "Old words.\n")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(root)], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "failed EFBIG"
    assert lines[1] == "disk text Old words."
    assert lines[2] == "saved True"
    assert not [p for p in (root / "scenes").iterdir() if p.name.endswith(".tmp")]


def _root_ignores_permissions(folder: Path) -> bool:
    probe = folder / "probe"
    try:
        probe.write_text("x")
    except PermissionError:
        return False
    probe.unlink()
    return True


def _nobody() -> pwd.struct_passwd | None:
    try:
        return pwd.getpwnam("nobody")
    except KeyError:
        return None


# Started as root (so it can import from root's Python), it drops to the ``nobody`` user
# and saves through the app's save path into a folder ``nobody`` may read but not write.
AS_NOBODY = r"""
import errno, os, sys
from studio.core import load_project

uid, gid = int(sys.argv[2]), int(sys.argv[3])
os.setgroups([])
os.setgid(gid)
os.setuid(uid)
assert (os.getuid(), os.geteuid()) == (uid, uid)
project = load_project(sys.argv[1])
sid = next(project.iter_scenes()).id
mine = "New words.\n"
try:
    project.set_scene_text(sid, mine)
except OSError as error:
    print("failed", errno.errorcode.get(error.errno, error.errno), error.filename, flush=True)
else:
    print("unexpectedly saved", flush=True)
print("waiting", flush=True)
sys.stdin.readline()  # the folder is made writable meanwhile
project.set_scene_text(sid, mine)
print("saved", load_project(sys.argv[1]).scene_text(sid) == mine, flush=True)
"""


def _read_only_folder_as_nobody(nobody: pwd.struct_passwd) -> None:
    """As root: the real EACCES, from a child running as ``nobody`` on a folder it cannot write."""
    # tmp_path sits in a folder only root may enter; nobody needs to reach the project
    with tempfile.TemporaryDirectory(prefix="studio-readonly-") as shared:
        os.chmod(shared, 0o755)
        root = Path(shared) / "story"
        project = create_project(root, "Locked folder")
        sid = next(project.iter_scenes()).id
        project.set_scene_text(sid, "Old words.\n")
        for path in [root, *root.rglob("*")]:  # readable for nobody, writable only for root
            path.chmod(0o755 if path.is_dir() else 0o644)
        scene_path = root / "scenes" / project.scene(sid).file
        env = dict(os.environ, PYTHONPATH=str(REPO))
        for name in ("COVERAGE_PROCESS_CONFIG", "COVERAGE_RUN", "COVERAGE_PROCESS_START"):
            env.pop(name, None)  # nobody cannot write root's coverage data: this child is not measured
        child = subprocess.Popen(
            [sys.executable, "-c", AS_NOBODY, str(root), str(nobody.pw_uid), str(nobody.pw_gid)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        try:
            failed = child.stdout.readline().split()
            assert failed, child.stderr.read()  # the child died: say why
            assert failed[:2] == ["failed", "EACCES"], failed
            assert child.stdout.readline().strip() == "waiting"
            assert Path(failed[2]).parent == scene_path.parent  # the error names where it could not write
            assert scene_path.read_text("utf-8") == "Old words.\n"
            assert [p.name for p in scene_path.parent.iterdir()] == [scene_path.name]  # no temp file left
            for path in [root, *root.rglob("*")]:  # the folder is writable again (for nobody)
                os.chown(path, nobody.pw_uid, nobody.pw_gid)
            out, err = child.communicate("go\n", timeout=60)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        assert child.returncode == 0, err
        assert out.strip() == "saved True"
        assert scene_path.read_text("utf-8") == "New words.\n"
        assert scene_path.stat().st_uid == nobody.pw_uid  # nobody's own save wrote it


def test_read_only_folder_refuses_cleanly_and_saves_once_writable(tmp_path):
    nobody = _nobody()
    if os.geteuid() == 0:
        if nobody is None:
            pytest.skip("running as root with no 'nobody' user: a read-only folder does not stop root")
        _read_only_folder_as_nobody(nobody)
        return
    root = tmp_path / "story"
    project = create_project(root, "Locked folder")
    sid = next(project.iter_scenes()).id
    project.set_scene_text(sid, "Old words.\n")
    scenes = root / "scenes"
    scenes.chmod(0o555)
    try:
        if _root_ignores_permissions(scenes):
            pytest.skip("this user writes through permissions (CAP_DAC_OVERRIDE)")
        with pytest.raises(PermissionError) as caught:
            project.set_scene_text(sid, "New words.\n")
        assert caught.value.errno == errno.EACCES
        assert (scenes / project.scene(sid).file).read_text("utf-8") == "Old words.\n"
    finally:
        scenes.chmod(0o755)
    project.set_scene_text(sid, "New words.\n")
    assert load_project(root).scene_text(sid) == "New words.\n"


def test_unreadable_scene_gives_a_clear_error(tmp_path):
    root = tmp_path / "story"
    project = create_project(root, "Odd")
    scene = next(project.iter_scenes())
    path = root / "scenes" / scene.file
    path.unlink()
    path.mkdir()
    again = load_project(root)
    assert again.scene(scene.id).read_only and "not a plain file" in again.problems[0]
    with pytest.raises(StudioError, match="cannot read"):
        again.scene_text(scene.id)
