"""Small builders of real projects on disk for core tests."""

from __future__ import annotations

from pathlib import Path

from studio.core import Project, create_project


def make_project(root: Path, parts: dict[str, list[str]] | None = None) -> Project:
    """Create a project whose parts hold scenes with the given texts (title → texts)."""
    project = create_project(root, "Test Story", "A. Writer")
    first = project.parts[0]
    project.remove_scene(first.scenes[0].id)
    project.remove_part(first.id)
    for part_title, texts in (parts or {"One": ["alpha beta", "gamma"], "Two": ["delta"]}).items():
        part = project.add_part(part_title)
        for number, text in enumerate(texts, 1):
            project.add_scene(part.id, title=f"{part_title} {number}", text=text)
    return project


def manuscript_texts(project: Project) -> list[list[str]]:
    """The scene texts of each part, read back from disk."""
    return [[(project.root / "scenes" / s.file).read_text("utf-8") for s in p.scenes] for p in project.parts]
