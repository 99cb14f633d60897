"""Import is all or nothing: any encoding or bytes give a plan or one line; kills leave nothing or all.

Quick samples of the long runs in tests/stress/ (import_inputs.py, kill_imports.py), and one
test per way an import could lose or double words.
"""

from __future__ import annotations

import codecs
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from studio.cli import main
from studio.core import load_project
from studio.core.errors import ExternalChangeError, StudioError
from studio.core.importing import cleanup
from studio.core.importing.apply import DuplicateImportError, append_plan, apply_plan
from studio.core.importing.decoding import decode_bytes
from studio.core.importing.reader import ImportOptions, plan_import
from tests.conftest import REPO, run_cli

STORY = "The Title\nBy A. Writer\n\nPart One: Dusk\n\nFirst words here.\n\n* * *\n\nSecond scene.\n\n" + (
    "Part Two: Dawn\n\nThird scene, at last.\n"
)


BASE = "Old Story\n\nPart One: Base\n\nOld words.\n"


def stress_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "tests" / "stress" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def story(tmp_path: Path, name: str = "story.txt", text: str = STORY) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (the hidden folder's caches aside) with its bytes."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "word-counts" not in p.name and p.name != "lock"
    }


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


# -- row 1: any --encoding, any bytes: a plan or one line ------------------------------------
@pytest.mark.parametrize("codec", ["rot13", "base64", "uu", "hex", "zlib", "bz2", "quopri", "rot_13"])
def test_codecs_that_are_not_text_encodings_are_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], codec: str
) -> None:
    code = main(["import", str(story(tmp_path)), "--into", str(tmp_path / "new"), "--encoding", codec])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "is not a text encoding" in err and repr(codec) in err
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("name", ["utf-9", "", "a\x00b", "mbcs"])
def test_unknown_encoding_names_are_refused_in_one_line(tmp_path: Path, name: str) -> None:
    with pytest.raises(StudioError, match="unknown encoding") as raised:
        plan_import([story(tmp_path)], ImportOptions(encoding=name or " "))
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("bom", "body", "offset"),
    [
        (codecs.BOM_UTF8, b"ab\xffcd", 5),
        (codecs.BOM_UTF16_LE, b"a\x00\x00\xd8b", 4),
        (codecs.BOM_UTF16_BE, b"\x00a\x00", 4),
        (codecs.BOM_UTF32_LE, b"a\x00\x00\x00\xff\xff\xff\xff", 8),
        (codecs.BOM_UTF32_BE, b"\x00\x00\x00", 4),
    ],
)
def test_a_bom_whose_body_does_not_decode_names_file_and_offset(bom: bytes, body: bytes, offset: int) -> None:
    with pytest.raises(StudioError) as raised:
        decode_bytes(bom + body, "chapter.txt")
    message = str(raised.value)
    assert message.startswith("chapter.txt: ") and f"at offset {offset}" in message and "\n" not in message


def test_the_real_command_line_refuses_rot13_without_a_traceback(tmp_path: Path) -> None:
    done = run_cli("import", str(story(tmp_path)), "--into", str(tmp_path / "new"), "--encoding", "rot13")
    assert done.returncode == 1 and "Traceback" not in done.stderr and done.stderr.count("\n") == 1


def test_random_inputs_sample_gives_plans_or_one_line() -> None:
    result = stress_module("import_inputs").run(cases=80, seed=3, timeout=30, quiet=True, huge=False)
    assert result["failures"] == []


# -- row 2: a kill during an import into a new folder leaves nothing or the whole project ------
KILL_NEW = """
import os, signal, sys
from studio.core.importing.apply import apply_plan
from studio.core.importing.reader import plan_import
def progress(done, total):
    if done == 2:
        os.kill(os.getpid(), signal.SIGKILL)
apply_plan(sys.argv[2], plan_import([sys.argv[1]]), progress)
"""


def run_killed(script: str, *args: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, timeout=60)
    assert done.returncode == -9, done.stderr


def test_a_kill_mid_import_into_a_new_folder_leaves_nothing_and_the_rerun_cleans_up(tmp_path: Path) -> None:
    source, target = story(tmp_path), tmp_path / "parent" / "new"
    run_killed(KILL_NEW, str(source), str(target))
    assert not target.exists()
    left = [p.name for p in target.parent.iterdir()]
    assert len(left) == 1 and ".importing-" in left[0]  # the staging folder, until the next run
    done = run_cli("import", str(source), "--into", str(target))
    assert done.returncode == 0, done.stderr
    assert [p.name for p in target.parent.iterdir()] == ["new"]
    project = load_project(target)
    assert [p.title for p in project.parts] == ["Dusk", "Dawn"] and not project.problems


def test_stale_temp_files_are_cleaned_but_a_live_import_is_left_alone(tmp_path: Path) -> None:
    parent = tmp_path / "parent"
    stale = parent / f".new.importing-{dead_pid()}-abcd1234"
    live = parent / f".other.importing-{os.getppid()}-abcd1234"
    for folder in (stale / "scenes", live):
        folder.mkdir(parents=True)
    (stale / "scenes" / ".a.txt.x1y2z3w4.tmp").write_text("half")
    project, _ = apply_plan(parent / "new", plan_import([story(tmp_path)]))
    assert not stale.exists() and live.exists()
    (project.root / "scenes" / ".dusk.txt.abcd_123.tmp").write_text("torn")
    (project.root / ".story.json.k2j3h4g5.tmp").write_text("torn")
    removed = cleanup.clean_temp_files(project.root)
    assert sorted(p.name for p in removed) == [".dusk.txt.abcd_123.tmp", ".story.json.k2j3h4g5.tmp"]
    assert not list(project.root.rglob("*.tmp"))


def test_running_the_same_import_again_refuses_a_second_copy(tmp_path: Path) -> None:
    source, target = story(tmp_path), tmp_path / "new"
    assert run_cli("import", str(source), "--into", str(target)).returncode == 0
    again = run_cli("import", str(source), "--into", str(target))
    assert again.returncode == 1 and again.stderr.count("\n") == 1
    assert "already imported on " in again.stderr and "'Dusk', 'Dawn'" in again.stderr
    assert "use --again" in again.stderr
    assert [p.title for p in load_project(target).parts] == ["Dusk", "Dawn"]
    assert run_cli("import", str(source), "--into", str(target), "--again").returncode == 0
    assert [p.title for p in load_project(target).parts] == ["Dusk", "Dawn"] * 2


def test_kill_sample_whole_or_absent_and_one_copy_after_the_rerun() -> None:
    result = stress_module("kill_imports").run(kills=4, seed=5, scenes=30, quiet=True)
    assert result["failures"] == []


# -- importing into an existing project: one transaction, journalled, recorded ----------------
KILL_EXISTING = """
import os, signal, sys
from studio.core import load_project
from studio.core.importing.apply import append_plan
from studio.core.importing.reader import plan_import
def progress(done, total):
    if done == 2:
        os.kill(os.getpid(), signal.SIGKILL)
append_plan(load_project(sys.argv[2]), plan_import([sys.argv[1]]), progress)
"""


def test_a_kill_mid_append_leaves_no_orphan_after_the_next_run(tmp_path: Path) -> None:
    base = apply_plan(tmp_path / "proj", plan_import([story(tmp_path, "base.txt", BASE)]))[0]
    before = tree(base.root)
    source = story(tmp_path)
    run_killed(KILL_EXISTING, str(source), str(base.root))
    # The scene files written before the manifest are cleared when the project is next opened.
    assert not load_project(base.root).recovered
    assert not cleanup.journal_path(base.root).exists()
    done = run_cli("import", str(source), "--into", str(base.root))
    assert done.returncode == 0, done.stderr
    project = load_project(base.root)
    assert [p.title for p in project.parts] == ["Base", "Dusk", "Dawn"] and not project.problems
    assert not cleanup.journal_path(base.root).exists()
    assert {k: v for k, v in tree(base.root).items() if k in before and k != "story.json"} == {
        k: v for k, v in before.items() if k != "story.json"
    }


def test_append_refused_at_the_manifest_leaves_the_project_exactly_as_before(tmp_path: Path) -> None:
    project = apply_plan(tmp_path / "proj", plan_import([story(tmp_path, "base.txt", BASE)]))[0]
    (project.root / "story.json").write_bytes((project.root / "story.json").read_bytes() + b"\n")
    before, titles = tree(project.root), [p.title for p in project.parts]
    with pytest.raises(ExternalChangeError):
        append_plan(project, plan_import([story(tmp_path)]))
    assert tree(project.root) == before and [p.title for p in project.parts] == titles
    assert "imports" in project.settings and len(project.settings["imports"]) == 1


def test_append_failing_mid_way_leaves_the_project_exactly_as_before(tmp_path: Path) -> None:
    project = apply_plan(tmp_path / "proj", plan_import([story(tmp_path, "base.txt", BASE)]))[0]
    before, settings = tree(project.root), json.dumps(project.settings, sort_keys=True)

    def refuse(done: int, total: int) -> None:
        if done == 2:
            raise StudioError("cancelled")

    with pytest.raises(StudioError, match="cancelled"):
        append_plan(project, plan_import([story(tmp_path)]), refuse)
    assert tree(project.root) == before and json.dumps(project.settings, sort_keys=True) == settings
    assert [p.title for p in project.parts] == ["Base"]


def test_the_duplicate_check_counts_only_parts_still_in_the_manuscript(tmp_path: Path) -> None:
    project = apply_plan(tmp_path / "proj", plan_import([story(tmp_path, "base.txt", BASE)]))[0]
    plan = plan_import([story(tmp_path)])
    added = append_plan(project, plan, again=False)
    with pytest.raises(DuplicateImportError, match="already imported"):
        append_plan(project, plan_import([story(tmp_path)]), again=False)
    for part in added:  # as an undo does
        for scene in list(part.scenes):
            project.remove_scene(scene.id)
        project.remove_part(part.id)
    append_plan(project, plan_import([story(tmp_path)]), again=False)
    assert [p.title for p in load_project(project.root).parts] == ["Base", "Dusk", "Dawn"]


def test_open_time_cleanup_spares_a_live_append_and_fresh_temp_files(tmp_path: Path) -> None:
    project = apply_plan(tmp_path / "proj", plan_import([story(tmp_path, "base.txt", BASE)]))[0]
    cleanup.begin_append(project.root, ["Orphan text.\n"])
    orphan = project.root / "scenes" / "orphan.txt"
    orphan.write_text("Orphan text.\n")
    fresh = project.root / ".story.json.abcdefgh.tmp"
    fresh.write_text("in flight")
    record = json.loads(cleanup.journal_path(project.root).read_text())
    record["pid"] = os.getppid()  # a live process: an append in progress
    cleanup.journal_path(project.root).write_text(json.dumps(record))
    assert cleanup.clean_project(project.root, older_than=60) == []
    assert orphan.exists() and fresh.exists()
    record["pid"] = dead_pid()
    cleanup.journal_path(project.root).write_text(json.dumps(record))
    assert cleanup.clean_project(project.root) == [orphan, fresh]
    assert not cleanup.journal_path(project.root).exists() and not load_project(project.root).problems
