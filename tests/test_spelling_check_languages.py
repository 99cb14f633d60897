"""``studio check`` in the project's language, through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

from studio.core import create_project
from tests.conftest import run_cli


def project_with(root: Path, language: str, text: str) -> Path:
    project = create_project(root, "Cuentos", language=language)
    project.set_scene_text(project.parts[0].scenes[0].id, text)
    return project.root


def test_spanish_sentence_flags_nothing(tmp_path: Path) -> None:
    root = project_with(tmp_path / "es", "es", "Dijo que había ido, pero no fue.")
    result = run_cli("check", str(root), "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []


def test_english_typo_is_flagged_with_the_right_suggestion(tmp_path: Path) -> None:
    root = project_with(tmp_path / "en", "en-GB", "The computres hummed in the dark.")
    result = run_cli("check", str(root), "--json")
    assert result.returncode == 3, result.stderr
    found = json.loads(result.stdout)
    assert [item["word"] for item in found] == ["computres"]
    assert "computers" in found[0]["suggestions"][:5]
