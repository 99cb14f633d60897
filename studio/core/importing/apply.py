"""Applying an import plan: a new project made from it, or its parts appended to an existing one."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from studio.core.errors import StudioError
from studio.core.importing.plan import ImportPlan
from studio.core.manifest import MANIFEST_NAME
from studio.core.nodes import Part
from studio.core.project import Project
from studio.core.publishing.options import ExportOptions
from studio.core.storage import create_project, load_project

Progress = Callable[[int, int], None]


def is_project_folder(path: str | os.PathLike[str]) -> bool:
    """Tell whether a folder holds a Story Studio project."""
    return (Path(path) / MANIFEST_NAME).is_file()


def append_plan(project: Project, plan: ImportPlan, progress: Progress | None = None) -> list[Part]:
    """Add the plan's parts, with their scenes and notes, at the end of ``project``; return them."""
    if not plan.parts:
        raise StudioError("nothing to import")
    total, done = plan.scene_count, 0
    added = []
    with project.batch():
        for imported in plan.parts:
            part = project.add_part(imported.title)
            if imported.notes:
                project.set_part_notes(part.id, imported.notes)
            for scene in imported.scenes:
                project.add_scene(part.id, title=scene.title, text=scene.text)
                done += 1
                if progress is not None:
                    progress(done, total)
            added.append(part)
    return added


def create_from_plan(
    target: str | os.PathLike[str], plan: ImportPlan, progress: Progress | None = None
) -> Project:
    """Create a new project at ``target`` holding the plan, with export options that give the text back."""
    project = create_project(target, plan.title or "Imported story", plan.author)
    with project.batch():
        first = project.parts[0]
        project.remove_scene(first.scenes[0].id)
        project.remove_part(first.id)
        options = ExportOptions.from_settings(plan.export_settings)
        if plan.parts and any(part.notes for part in plan.parts):
            options.part_notes = "include"
        project.set_setting("export", options.to_settings())
        append_plan(project, plan, progress)
    return project


def apply_plan(
    target: str | os.PathLike[str], plan: ImportPlan, progress: Progress | None = None
) -> tuple[Project, bool]:
    """Append to the project at ``target``, or create one there; return it and whether it is new."""
    if is_project_folder(target):
        project = load_project(target)
        append_plan(project, plan, progress)
        return project, False
    return create_from_plan(target, plan, progress), True
