"""Attack tests: each damaged project reproduced on the app gives one line, never a traceback or a hang.

One test per row of issue 12's "damaged input" table; the broader catalogue is tests/hostile/.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from studio.core import load_project
from studio.core.errors import StudioError
from studio.core.publishing.exporting import export_text
from tests.conftest import REPO, run_cli
from tests.core.helpers import make_project


def _edit_manifest(root: Path, change) -> None:  # noqa: ANN001
    path = root / "story.json"
    document = json.loads(path.read_text("utf-8"))
    change(document)
    path.write_text(json.dumps(document), "utf-8")


def _one_line(result: subprocess.CompletedProcess[str], code: int = 1) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert result.returncode == code, (result.returncode, result.stderr)
    return lines[0]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def project_root(tmp_path: Path) -> Path:
    root = tmp_path / "story"
    make_project(root)
    return root


def test_lone_surrogate_in_a_status_is_replaced_and_named(project_root: Path) -> None:
    _edit_manifest(project_root, lambda d: d["parts"][0]["scenes"][0].update(status="\ud800"))
    project = load_project(project_root)
    assert project.parts[0].scenes[0].status == "\ufffd"
    assert any("parts[0].scenes[0].status" in p and "surrogate" in p for p in project.problems)
    result = run_cli("info", str(project_root))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "parts[0].scenes[0].status" in result.stdout


def test_deeply_nested_settings_are_refused_in_one_line(project_root: Path) -> None:
    _edit_manifest(project_root, lambda d: d["settings"].update(deep=json.loads("[" * 900 + "]" * 900)))
    with pytest.raises(StudioError, match="nested too deeply"):
        load_project(project_root)
    assert "nested too deeply" in _one_line(run_cli("info", str(project_root)))


@pytest.mark.parametrize("count", ["abc", None, [1], True, 1.5, {"a": 1}])
def test_a_bad_word_count_cache_is_ignored_and_rebuilt(project_root: Path, count: object) -> None:
    load_project(project_root)  # writes the cache
    cache = project_root / ".studio" / "word-counts.json"
    entries = json.loads(cache.read_text("utf-8"))
    for entry in entries.values():
        entry[2] = count
    cache.write_text(json.dumps(entries), "utf-8")
    project = load_project(project_root)
    assert project.words == 4
    assert all(isinstance(v[2], int) for v in json.loads(cache.read_text("utf-8")).values())
    for command in ("info", "check", "export") if count == "abc" else ():
        cache.write_text(json.dumps(entries), "utf-8")
        result = run_cli(command, str(project_root), *(["--output", "-"] if command == "export" else []))
        assert "Traceback" not in result.stderr and result.returncode in (0, 3), result.stderr


@pytest.mark.parametrize("value", ["plain", ["a", "b"], 7, 3.5])
def test_a_bad_export_setting_falls_back_to_defaults(project_root: Path, value: object) -> None:
    _edit_manifest(project_root, lambda d: d["settings"].update(export=value))
    project = load_project(project_root)
    assert any("settings.export" in p for p in project.problems)
    assert "alpha beta" in export_text(project)
    result = run_cli("export", str(project_root), "--output", "-")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr


def test_an_overlong_language_falls_back_to_english(project_root: Path) -> None:
    _edit_manifest(project_root, lambda d: d.update(language="x" * 100_000))
    project = load_project(project_root)
    assert project.language == "en"
    assert any(p.startswith("story.json: language:") for p in project.problems)
    assert max(len(p) for p in project.problems) < 300


def test_the_window_gives_one_line_for_an_overlong_language(project_root: Path) -> None:
    _edit_manifest(project_root, lambda d: d.update(language="x" * 100_000, settings={"deep": [[[[]]]]}))
    (project_root / ".studio").rename(project_root / "hidden-away")
    (project_root / ".studio").write_text("not a folder", "utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-m", "studio", str(project_root)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ".studio" in _one_line(result)


@pytest.mark.parametrize("name", ["story.json", "words.txt"])
def test_a_fifo_is_never_opened(project_root: Path, name: str) -> None:
    (project_root / name).unlink()
    os.mkfifo(project_root / name)
    result = run_cli("info", str(project_root))  # a hang here fails through run_cli's timeout
    if name == "story.json":
        assert "not a plain file" in _one_line(result)
    else:
        assert result.returncode == 0, result.stderr
        assert "words.txt is not a plain file" in result.stdout


@pytest.mark.parametrize("folder", ["characters", ".studio"])
def test_a_folder_linked_outside_is_refused(tmp_path: Path, project_root: Path, folder: str) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine", "utf-8")
    before = _snapshot(outside)
    target = project_root / folder
    for child in target.iterdir():
        child.unlink()
    target.rmdir()
    target.symlink_to(outside, target_is_directory=True)
    line = _one_line(run_cli("characters", "add", str(project_root), "Jess Summers"))
    assert "outside the project folder" in line
    assert _snapshot(outside) == before
    assert sorted(os.listdir(outside)) == ["keep.txt"]


def _window(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    command = [sys.executable, "-m", "studio", str(root), *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)


def test_the_window_shows_a_repaired_surrogate_without_crashing(tmp_path: Path, project_root: Path) -> None:
    _edit_manifest(project_root, lambda d: d["parts"][0]["scenes"][0].update(status="\ud800", pov="\udfff"))
    _edit_manifest(project_root, lambda d: d.update(language="x" * 100_000))
    result = _window(project_root, "--screenshot", str(tmp_path / "shot.png"))
    assert result.returncode == 0, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr


def test_the_window_refuses_deep_settings_in_one_line(project_root: Path) -> None:
    _edit_manifest(project_root, lambda d: d["settings"].update(deep=json.loads("[" * 900 + "]" * 900)))
    assert "nested too deeply" in _one_line(_window(project_root))


def test_open_window_raises_a_studio_error_for_a_damaged_hidden_folder(qtbot, project_root: Path) -> None:  # noqa: ANN001
    from studio.gui import open_window

    for child in (project_root / ".studio").iterdir():
        child.unlink()
    (project_root / ".studio").rmdir()
    (project_root / ".studio").write_text("not a folder", "utf-8")
    with pytest.raises(StudioError, match="not a folder"):
        open_window(project_root)


def test_a_characters_notes_fifo_is_shown_empty_and_never_opened(project_root: Path) -> None:
    project = load_project(project_root)
    character = project.add_character("Jess")
    notes = project.store.character_path(character.file)
    notes.unlink()
    os.mkfifo(notes)
    assert load_project(project_root).character_notes(character.id) == ""
    with pytest.raises(StudioError, match="not a plain file"):
        load_project(project_root).set_character_notes(character.id, "new")
