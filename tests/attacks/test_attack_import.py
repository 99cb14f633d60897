"""Attacks on `studio import --into`: all or nothing on a full disk; duplicates refused."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.gui.window_helpers import make_story

POSTED = "Part Five: The Tide\n\nThe tide came in.\n\n* * *\n\nIt went out again.\n"


def tree(root: Path) -> dict[str, bytes]:
    """Every file under the project except the hidden folder's caches and lock, with its bytes."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and not rel.startswith(".studio/"):
            out[rel] = path.read_bytes()
    return out


def studio(*args: str, fsize: int | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    if fsize is not None:  # coverage cannot write its data under the file-size limit: not measured
        for name in ("COVERAGE_PROCESS_CONFIG", "COVERAGE_RUN", "COVERAGE_PROCESS_START"):
            env.pop(name, None)

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, resource.RLIM_INFINITY))

    return subprocess.run(
        [sys.executable, "-m", "studio", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
    )


def test_import_into_a_project_on_a_full_disk_changes_nothing_then_imports_once(tmp_path):
    """Promise: appending is all or nothing; a failure leaves the project exactly as before; the
    next run imports exactly one copy; the same bytes again are refused.

    Steps: `studio import posted.txt --into story` with RLIMIT_FSIZE just below the new manifest's
    size (scene files fit, story.json does not); then without the limit; then again.
    """
    project = make_story(tmp_path / "story")
    source = tmp_path / "posted.txt"
    source.write_text(POSTED, "utf-8")
    before = tree(project.root)
    manifest_size = len(before["story.json"])
    failed = studio("import", str(source), "--into", str(project.root), fsize=manifest_size + 100)
    assert failed.returncode != 0
    assert "Traceback" not in failed.stderr, failed.stderr[-1500:]
    assert tree(project.root) == before
    done = studio("import", str(source), "--into", str(project.root))
    assert done.returncode == 0, done.stderr[-1500:]
    after = tree(project.root)
    added = [name for name in after if name not in before]
    assert len([n for n in added if n.startswith("scenes/")]) == 2, added
    again = studio("import", str(source), "--into", str(project.root))
    assert again.returncode != 0 and "already imported" in (again.stderr + again.stdout)
    assert len((again.stderr + again.stdout).strip().splitlines()) == 1
    assert tree(project.root) == after
    copy = tmp_path / "renamed copy.txt"
    copy.write_bytes(source.read_bytes())
    renamed = studio("import", str(copy), "--into", str(project.root))
    assert renamed.returncode != 0, "the same bytes under another name were imported twice"
