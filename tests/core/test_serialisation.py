"""Deterministic output: an unchanged project rewrites no byte; diffs stay small."""

from __future__ import annotations

import os
from pathlib import Path

from studio.core import load_project
from studio.core.manifest import parse_manifest, serialize_manifest

from .helpers import make_project


def mtimes(root: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file() and ".studio" not in p.parts}


def test_manifest_is_deterministic_with_trailing_newline(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    raw = (project.root / "story.json").read_bytes()
    assert raw.endswith(b"\n") and b"\r" not in raw
    assert serialize_manifest(parse_manifest(raw)) == raw


def test_saving_an_unchanged_project_writes_nothing(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p").root
    before = mtimes(root)
    os.utime(root / "story.json", ns=(1, 1))
    before[str(root / "story.json")] = 1
    project = load_project(root)
    assert project.save() is False
    for scene in project.iter_scenes():
        assert project.set_scene_text(scene.id, project.scene_text(scene.id)) is False
    assert mtimes(root) == before


def test_a_rename_changes_one_line_of_the_manifest(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    before = (project.root / "story.json").read_text().splitlines()
    project.rename_scene(project.parts[0].scenes[0].id, "Brand New Title")
    after = (project.root / "story.json").read_text().splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1 and "Brand New Title" in changed[0][1]


def test_a_read_only_open_writes_nothing_at_all(tmp_path: Path) -> None:
    import shutil

    root = make_project(tmp_path / "p").root
    shutil.rmtree(root / ".studio")
    before = sorted(p.name for p in root.rglob("*"))
    load_project(root, read_only=True)
    assert sorted(p.name for p in root.rglob("*")) == before
