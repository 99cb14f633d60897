"""``studio new``, ``studio info`` and exit codes, through a real subprocess."""

from __future__ import annotations

import json
from pathlib import Path

from studio import __version__
from studio.core import create_project, load_project
from tests.conftest import run_cli


def test_new_then_info_json_has_the_schema(tmp_path: Path) -> None:
    made = run_cli("new", str(tmp_path / "story"), "--title", "Night Shift", "--author", "R. Ames")
    assert made.returncode == 0, made.stderr
    shown = run_cli("info", str(tmp_path / "story"), "--json")
    assert shown.returncode == 0, shown.stderr
    info = json.loads(shown.stdout)
    assert set(info) >= {"title", "author", "language", "words", "parts", "characters", "problems"}
    assert (info["title"], info["author"], info["language"], info["words"]) == (
        "Night Shift",
        "R. Ames",
        "en",
        0,
    )
    assert len(info["parts"]) == 1 and set(info["parts"][0]) >= {"id", "title", "words", "scenes"}
    scene = info["parts"][0]["scenes"][0]
    assert set(scene) >= {"id", "title", "status", "words"} and scene["status"] == "draft"
    assert info["characters"] == [] and info["problems"] == []
    text = run_cli("info", str(tmp_path / "story"))
    assert "Night Shift by R. Ames" in text.stdout


def test_unsafe_id_exits_1_with_one_line_and_changes_nothing(tmp_path: Path) -> None:
    run_cli("new", str(tmp_path / "s"), "--title", "T")
    manifest = tmp_path / "s" / "story.json"
    document = json.loads(manifest.read_text())
    document["parts"][0]["scenes"][0]["id"] = "../../x"
    manifest.write_text(json.dumps(document))
    before = manifest.read_bytes()
    result = run_cli("info", str(tmp_path / "s"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "../../x" in result.stderr and "Traceback" not in result.stderr
    assert manifest.read_bytes() == before


def test_truncated_manifest_exits_1(tmp_path: Path) -> None:
    run_cli("new", str(tmp_path / "s"), "--title", "T")
    manifest = tmp_path / "s" / "story.json"
    manifest.write_bytes(manifest.read_bytes()[:40])
    result = run_cli("info", str(tmp_path / "s"), "--json")
    assert result.returncode == 1
    assert "story.json: line" in result.stderr and "Traceback" not in result.stderr


def test_usage_errors_exit_2_and_help_works(tmp_path: Path) -> None:
    assert run_cli("new", str(tmp_path / "x")).returncode == 2  # --title missing
    assert run_cli("info").returncode == 2
    for command in ("new", "info"):
        shown = run_cli(command, "--help")
        assert shown.returncode == 0 and "usage:" in shown.stdout
    top = run_cli("--help")
    assert top.returncode == 0 and "new" in top.stdout and "info" in top.stdout
    version = run_cli("--version")
    assert version.returncode == 0 and __version__ in version.stdout


def test_new_into_existing_folder_exits_1(tmp_path: Path) -> None:
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "a.txt").write_text("x")
    result = run_cli("new", str(tmp_path / "busy"), "--title", "T")
    assert result.returncode == 1 and "not an empty folder" in result.stderr


def test_info_text_has_thousands_separators_and_plurals(tmp_path: Path) -> None:
    project = create_project(tmp_path / "story", "Long Night")
    first = project.parts[0]
    project.set_scene_text(first.scenes[0].id, " ".join(["lamp"] * 4177))
    second = project.add_part("Coda")
    project.add_scene(second.id, title="End", text="Dark.")
    assert load_project(project.root).words == 4178
    shown = run_cli("info", str(project.root))
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0] == "Long Night — 4,178 words, 2 parts"
    assert "(4,177 words, 1 scene)" in lines[1]
    assert lines[3].startswith("2. Coda (1 word, ") and "4178" not in shown.stdout
    assert "] 4,177 words  (" in lines[2] and "] 1 word  (" in shown.stdout
    as_json = json.loads(run_cli("info", str(project.root), "--json").stdout)
    assert as_json["words"] == 4178 and as_json["parts"][0]["words"] == 4177  # numbers stay numbers
