"""Every hostile project of the catalogue gives its one line: in process for all, the CLI for a sample."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from studio.core import load_project
from studio.core.errors import StudioError
from tests.conftest import REPO
from tests.hostile.catalogue import CATALOGUE, Hostile, build, make_base

BY_NAME = {entry.name: entry for entry in CATALOGUE}
CLI_SAMPLE = (
    "truncated manifest",
    "nested 100,000 deep",
    "scene status a lone surrogate",
    "settings 900 nested lists",
    "settings.export a list",
    "language of 100,000 characters",
    "story.json a FIFO",
    "words.txt a FIFO",
    "word-count cache 'abc'",
    "scenes/ linked outside",
    "story.json a link loop",
    ".studio linked outside",
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_base(tmp_path_factory.mktemp("template") / "story")


def state_of(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: file contents, link targets, folders (links not followed)."""
    found: dict[str, bytes | str] = {}
    for here, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(here) / name
            key = str(path.relative_to(folder))
            if path.is_symlink():
                found[key] = "link:" + os.readlink(path)
            elif path.is_file():
                found[key] = path.read_bytes()
            else:
                found[key] = "folder"
    return found


def prepare(entry: Hostile, template: Path, tmp_path: Path) -> tuple[Path, Path]:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("not the project's\n", "utf-8")
    root = tmp_path / "story"
    build(entry, template, root, outside)
    return root, outside


def exercise(root: Path) -> list[str]:
    """Open the project for writing and run a few operations; return its problems."""
    project = load_project(root)
    for scene in list(project.iter_scenes()):
        try:
            project.scene_text(scene.id)
        except StudioError as error:
            assert "\n" not in str(error)
    for action in (lambda: project.add_character("Probe"), project.save, project.save_word_list):
        try:
            action()
        except StudioError as error:
            assert "\n" not in str(error)
    return project.problems


def test_the_catalogue_is_large_enough() -> None:
    assert len(CATALOGUE) >= 60
    assert len(BY_NAME) == len(CATALOGUE)


@pytest.mark.parametrize("entry", CATALOGUE, ids=[e.name for e in CATALOGUE])
def test_a_hostile_project_gives_its_one_line(entry: Hostile, template: Path, tmp_path: Path) -> None:
    root, outside = prepare(entry, template, tmp_path)
    before = state_of(outside)
    if entry.refused:
        with pytest.raises(StudioError) as caught:
            load_project(root)
        message = str(caught.value)
        assert entry.expect in message
        assert "\n" not in message and len(message) < 600, message[:600]
    else:
        problems = exercise(root)
        assert all("\n" not in p and len(p) < 600 for p in problems), problems
        "\n".join(problems).encode("utf-8")  # never a lone surrogate: Qt would abort showing it
        assert any(entry.expect in p for p in problems) if entry.expect else True, problems
    assert state_of(outside) == before, "something outside the project changed"
    assert sorted(os.listdir(tmp_path)) == ["outside", "story"]


def test_the_real_command_line_gives_one_line_for_a_sample(template: Path, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    runs = []
    for number, name in enumerate(CLI_SAMPLE):
        entry = BY_NAME[name]
        folder = tmp_path / str(number)
        folder.mkdir()
        root, outside = prepare(entry, template, folder)
        process = subprocess.Popen(
            [sys.executable, "-m", "studio", "info", str(root)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        runs.append((entry, process, outside, state_of(outside)))
    for entry, process, outside, before in runs:
        out, err = process.communicate(timeout=60)
        assert "Traceback" not in err, (entry.name, err)
        if entry.refused:
            assert process.returncode == 1, (entry.name, err)
            assert len(err.strip().splitlines()) == 1 and entry.expect in err, (entry.name, err)
        else:
            assert process.returncode == 0 and err == "", (entry.name, err)
            assert entry.expect in out, (entry.name, out)
        assert state_of(outside) == before, entry.name
