"""``studio check`` through a real subprocess: output, JSON, --part and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from studio.core import Project, create_project, load_project
from tests.conftest import run_cli
from tests.spelling_passage import CAST, PASSAGE, TYPOS, with_typos


def make_story(root: Path, with_cast: bool = True) -> Project:
    """A project with two parts: the clean passage, then the passage with typos."""
    project = create_project(root, "Harbour Lights")
    first = project.parts[0]
    project.set_scene_text(first.scenes[0].id, PASSAGE)
    second = project.add_part("Two")
    project.add_scene(second.id, title="Storm", text="Quiet.\n\n" + with_typos())
    if with_cast:
        for name, aliases in CAST:
            project.add_character(name, aliases=aliases)
    return project


def test_json_lists_every_typo_with_position_and_suggestions(tmp_path: Path) -> None:
    project = make_story(tmp_path / "story")
    result = run_cli("check", str(project.root), "--json")
    assert result.returncode == 3, result.stderr
    found = json.loads(result.stdout)
    assert sorted(item["word"] for item in found) == sorted(typo for typo, _ in TYPOS)
    storm = project.parts[1].scenes[0]
    text = project.scene_text(storm.id)
    lines = text.split("\n")
    intended = dict(TYPOS)
    for item in found:
        assert set(item) == {"word", "scene_id", "part_title", "scene_title", "line", "column", "suggestions"}
        assert item["scene_id"] == storm.id
        assert (item["part_title"], item["scene_title"]) == ("Two", "Storm")
        line = lines[item["line"] - 1]
        column = item["column"] - 1
        assert line[column : column + len(item["word"])] == item["word"]
        assert intended[item["word"]] in item["suggestions"] and len(item["suggestions"]) <= 5
    assert found == sorted(found, key=lambda item: (item["line"], item["column"]))


def test_text_output_and_part_selection(tmp_path: Path) -> None:
    project = make_story(tmp_path / "story")
    clean = run_cli("check", str(project.root), "--part", "1")
    assert clean.returncode == 0, clean.stderr
    assert clean.stdout == "" and "No unknown words" in clean.stderr
    by_id = run_cli("check", str(project.root), "--part", project.parts[1].id)
    assert by_id.returncode == 3
    storm = project.parts[1].scenes[0].id
    assert "Two › Storm, line 3, column " in by_id.stdout and "stuborn (stubborn" in by_id.stdout
    assert storm not in by_id.stdout  # titles, not ids, in the text output
    assert all(line.startswith("Two › Storm, line ") for line in by_id.stdout.splitlines())
    assert "9 unknown words" in by_id.stderr


def test_names_are_unknown_until_they_are_characters_or_listed(tmp_path: Path) -> None:
    project = make_story(tmp_path / "story", with_cast=False)
    result = run_cli("check", str(project.root), "--part", "1", "--json")
    assert result.returncode == 3
    assert {"Ysolde", "Tamsin", "Fennick’s"} <= {item["word"] for item in json.loads(result.stdout)}
    project = load_project(project.root)
    project.word_list = [name for name, _ in CAST] + ["Quill", "Oyelarans"]
    project.save_word_list()
    result = run_cli("check", str(project.root), "--part", "1", "--json")
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout) == []


def test_user_errors_exit_1_with_one_line(tmp_path: Path) -> None:
    project = make_story(tmp_path / "story")
    for args in (["--part", "7"], ["--part", "nope"]):
        result = run_cli("check", str(project.root), *args)
        assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.stderr
    missing = run_cli("check", str(tmp_path / "nothing-here"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    project.set_info(language="xx")
    bad_language = run_cli("check", str(project.root))
    assert bad_language.returncode == 1 and "no spelling dictionary" in bad_language.stderr
    assert run_cli("check").returncode == 2
    assert "1-based" in run_cli("check", "--help").stdout


def test_check_reads_without_writing(tmp_path: Path) -> None:
    project = make_story(tmp_path / "story")

    def contents() -> dict[Path, bytes]:  # the project's own files (not the .studio caches)
        files = [p for p in project.root.rglob("*") if p.is_file() and ".studio" not in p.parts]
        return {p: p.read_bytes() for p in files}

    before = contents()
    assert run_cli("check", str(project.root)).returncode == 3
    assert contents() == before


def test_text_output_names_part_and_scene_and_counts_in_the_singular(tmp_path: Path) -> None:
    project = create_project(tmp_path / "story", "Harbour Lights")
    part = project.parts[0]
    project.rename_part(part.id, "The Lamp at Harrow Point")
    scene = part.scenes[0]
    project.rename_scene(scene.id, "Second Post")
    project.set_scene_text(scene.id, "Quiet.\n\nThe keepers had to seperate.")
    result = run_cli("check", str(project.root))
    assert result.returncode == 3, result.stderr
    expected = "The Lamp at Harrow Point › Second Post, line 3, column 20: seperate (separate"
    assert result.stdout.startswith(expected), result.stdout
    assert result.stderr.strip() == "1 unknown word (1 different) in 1 scene"
