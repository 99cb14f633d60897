"""Builders for outline tests: a real project on disk with a session around it."""

from __future__ import annotations

from pathlib import Path

from studio.app.session import ProjectSession
from studio.core import Project, create_project


def make_session(root: Path, parts: dict[str, list[str]] | None = None) -> ProjectSession:
    """A session over a new project whose parts hold scenes with the given texts."""
    project = create_project(root, "Test Story", "A. Writer")
    first = project.parts[0]
    project.remove_scene(first.scenes[0].id)
    project.remove_part(first.id)
    default = {
        "One": ["alpha beta", "gamma", "delta epsilon zeta"],
        "Two": ["eta", "theta iota"],
        "Three": [],
    }
    for part_title, texts in (default if parts is None else parts).items():
        part = project.add_part(part_title)
        for number, text in enumerate(texts, 1):
            project.add_scene(part.id, title=f"{part_title} {number}", text=text + "\n")
    return ProjectSession(project)


def titles(project: Project) -> list[tuple[str, list[str]]]:
    """Part titles with their scene titles, from the project in memory."""
    return [(p.title, [s.title for s in p.scenes]) for p in project.parts]


def model_titles(model) -> list[tuple[str, list[str]]]:  # noqa: ANN001
    """Part titles with their scene titles, as the model shows them."""
    result = []
    for row in range(model.rowCount()):
        part = model.index(row, 0)
        scenes = [model.index(r, 0, part).data() for r in range(model.rowCount(part))]
        result.append((part.data(), scenes))
    return result


def disk_titles(root: Path) -> list[tuple[str, list[str]]]:
    """Part titles with their scene titles, read back from the manifest on disk."""
    from studio.core import load_project

    return titles(load_project(root))


def manifest(root: Path) -> bytes:
    """The manifest's bytes on disk."""
    return (root / "story.json").read_bytes()


def scene_id(project: Project, title: str) -> str:
    """The id of the scene with this title."""
    return next(s.id for s in project.iter_scenes() if s.title == title)


def part_id(project: Project, title: str) -> str:
    """The id of the part with this title."""
    return next(p.id for p in project.parts if p.title == title)
