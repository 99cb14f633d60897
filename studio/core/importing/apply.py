"""Applying an import plan: a new project made from it, or its parts appended to an existing one.

Both are all or nothing. A new project is built in a hidden staging folder beside the target
and renamed into place at the end; an append runs as one ``project.batch()`` behind a journal
(see ``cleanup``). What was imported (file name, size, SHA-256, the parts made) is recorded in
the manifest's ``settings["imports"]``, so the same bytes are not imported twice by mistake.

Everything the plan carries is written: each part's summary, notes before and after and book
(``group``); each scene's synopsis and point of view; the cast it names (names already in the
project's cast, in any case, are skipped). The work's own summary and notes go to the setting
``settings["work"]`` of a new project; appended to an existing one, they fill the first imported
part's summary and notes before (and the last one's notes after) where those are empty.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from studio.core.atomic import fsync_folder, sync_tree
from studio.core.errors import StudioError
from studio.core.importing import cleanup
from studio.core.importing.plan import ImportPlan, SourceFile
from studio.core.manifest import MANIFEST_NAME
from studio.core.naming import new_id, slugify
from studio.core.nodes import Part
from studio.core.project import Project
from studio.core.publishing.options import ExportOptions
from studio.core.storage import create_project, load_project, save_word_counts

Progress = Callable[[int, int], None]
IMPORTS_KEY = "imports"
WORK_KEY = "work"
WORK_FIELDS = ("summary", "notes_begin", "notes_end")


class DuplicateImportError(StudioError):
    """The same bytes were imported into this project before, and those parts are still there."""

    def __init__(self, source: SourceFile, date: str, titles: list[str]) -> None:
        self.source, self.date, self.titles = source, date, titles
        named = ", ".join(repr(title) for title in titles)
        super().__init__(f"{source.name}: already imported on {date} as parts {named}")


def is_project_folder(path: str | os.PathLike[str]) -> bool:
    """Tell whether a folder holds a Story Studio project."""
    return (Path(path) / MANIFEST_NAME).is_file()


def import_records(project: Project) -> list[dict[str, Any]]:
    """The project's record of what was imported into it (``settings["imports"]``)."""
    records = project.settings.get(IMPORTS_KEY)
    return [dict(r) for r in records if isinstance(r, dict)] if isinstance(records, list) else []


def check_not_imported(project: Project, plan: ImportPlan) -> None:
    """Refuse a plan whose files were imported into ``project`` before, while those parts remain."""
    titles = {part.id: part.title for part in project.parts}
    for source in plan.files:
        for record in import_records(project):
            if record.get("sha256") != source.sha256 or record.get("size") != source.size:
                continue
            kept = [titles[i] for i in record.get("parts", []) if isinstance(i, str) and i in titles]
            if kept:
                raise DuplicateImportError(source, str(record.get("date", "")).replace("T", " ")[:16], kept)


def work_fields(plan: ImportPlan) -> dict[str, str]:
    """The work's own summary and notes (``settings["work"]``); empty when the plan has none."""
    values = {key: str(getattr(plan, key)).strip() for key in WORK_FIELDS}
    return values if any(values.values()) else {}


def append_plan(
    project: Project, plan: ImportPlan, progress: Progress | None = None, again: bool = True
) -> list[Part]:
    """Add the plan's parts, with their scenes, notes and cast, at the end of ``project``; return them.

    One transaction: if anything fails, the project (memory and disk) is as it was. Unless
    ``again``, a plan whose files were already imported here raises ``DuplicateImportError``.
    The work's summary and notes fill the first (notes after: the last) imported part's where empty.
    """
    return _append_journaled(project, plan, progress, again, work_into_parts=True)


def _append_journaled(
    project: Project, plan: ImportPlan, progress: Progress | None, again: bool, work_into_parts: bool
) -> list[Part]:
    if not plan.parts:
        raise StudioError("nothing to import")
    if not again:
        check_not_imported(project, plan)
    journal = project._batch_depth == 0 and not project.read_only
    if journal:
        cleanup.begin_append(project.root, [s.text for p in plan.parts for s in p.scenes])
    try:
        return _append(project, plan, progress, work_into_parts)
    finally:
        if journal:
            cleanup.end_append(project.root)


class _FreshNames:
    """Fresh ids and scene file names for one import: the used ones gathered once, then kept in sets."""

    def __init__(self, project: Project) -> None:
        self.ids = project.all_ids()
        taken = [s.file for s in project.iter_scenes()] + [s.file for s in project.iter_trash_scenes()]
        folder = project.store.scenes_dir
        on_disk = os.listdir(folder) if folder.is_dir() else []
        self.files = {name.casefold() for name in [*taken, *on_disk]}
        self.next_number: dict[str, int] = {}

    def id(self, prefix: str) -> str:
        """A fresh ``p-…`` or ``s-…`` id."""
        while True:
            candidate = new_id(prefix)
            if candidate not in self.ids:
                self.ids.add(candidate)
                return candidate

    def file(self, title: str) -> str:
        """A fresh file name from a scene title: ``scene-1.txt``, then ``scene-1-2.txt``…"""
        stem = slugify(title, "scene")
        number = self.next_number.get(stem, 1)
        candidate = f"{stem}.txt" if number == 1 else f"{stem}-{number}.txt"
        while candidate.casefold() in self.files:
            number += 1
            candidate = f"{stem}-{number}.txt"
        self.next_number[stem] = number
        self.files.add(candidate.casefold())
        return candidate


def _append(
    project: Project, plan: ImportPlan, progress: Progress | None, work_into_parts: bool
) -> list[Part]:
    total, done = plan.scene_count, 0
    added = []
    fresh = _FreshNames(project)
    with project.batch():
        for imported in plan.parts:
            part = project.add_part(imported.title, part_id=fresh.id("p"))
            part.group = imported.group  # a new part, inside the batch: saved with the manifest
            fields = {"summary": imported.summary, "notes_begin": imported.notes_begin}
            fields = {key: value for key, value in fields.items() if value}
            if fields:
                project.set_part_fields(part.id, **fields)
            if imported.notes:
                project.set_part_notes(part.id, imported.notes)
            for scene in imported.scenes:
                project.add_scene(
                    part.id,
                    title=scene.title,
                    text=scene.text,
                    scene_id=fresh.id("s"),
                    file=fresh.file(scene.title),
                    synopsis=scene.synopsis,
                    pov=scene.pov,
                )
                done += 1
                if progress is not None:
                    progress(done, total)
            added.append(part)
        if work_into_parts:
            _work_into_parts(project, plan, added)
        _add_cast(project, plan)
        _record(project, plan, added)
    return added


def _work_into_parts(project: Project, plan: ImportPlan, added: list[Part]) -> None:
    """The work's summary and notes onto the first imported part (notes after: the last) where empty."""
    work = work_fields(plan)
    if not work or not added:
        return
    first, last = added[0], added[-1]
    fields = {key: work[key] for key in ("summary", "notes_begin") if work[key] and not getattr(first, key)}
    if fields:
        project.set_part_fields(first.id, **fields)
    if work["notes_end"] and not last.notes:
        project.set_part_notes(last.id, work["notes_end"])


def _add_cast(project: Project, plan: ImportPlan) -> None:
    """Add the characters the plan names, but not one whose name the cast has (in any case)."""
    known = {character.name.casefold() for character in project.characters}
    for name in plan.characters:
        clean = name.strip()
        if clean and clean.casefold() not in known:
            project.add_character(clean)
            known.add(clean.casefold())


def _record(project: Project, plan: ImportPlan, added: list[Part]) -> None:
    if not plan.files:
        return
    records = import_records(project)
    by_source: dict[str, list[str]] = {}
    for imported, part in zip(plan.parts, added, strict=True):
        by_source.setdefault(Path(imported.source).name if imported.source else "", []).append(part.id)
    for source in plan.files:
        parts = by_source.get(source.name) or [part.id for part in added]
        records.append(
            {"file": source.name, "size": source.size, "sha256": source.sha256, "parts": parts}
            | {"date": project.now()}
        )
    project.set_setting(IMPORTS_KEY, records)


def create_from_plan(
    target: str | os.PathLike[str], plan: ImportPlan, progress: Progress | None = None
) -> Project:
    """Create a new project at ``target`` holding the plan, with export options that give the text back.

    The project is built in a staging folder beside ``target`` and renamed into place at the end,
    so ``target`` is never half made; staging folders left by killed runs are removed first.
    """
    final = Path(target).expanduser().absolute()
    if final.exists() and (not final.is_dir() or any(final.iterdir())):
        raise StudioError(f"{final}: already exists and is not an empty folder")
    final.parent.mkdir(parents=True, exist_ok=True)
    cleanup.clean_staging_folders(final.parent)
    staging = cleanup.staging_folder(final)
    try:
        project = create_project(staging, plan.title or "Imported story", plan.author, plan.language or "en")
        project.store.durable = False  # the staging folder is synced once, before the rename
        with project.batch():
            first = project.parts[0]
            project.remove_scene(first.scenes[0].id)
            project.remove_part(first.id)
            options = ExportOptions.from_settings(plan.export_settings)
            if plan.parts and any(part.notes for part in plan.parts):
                options.part_notes = "include"
            project.set_setting("export", options.to_settings())
            work = work_fields(plan)
            if work:
                project.set_setting(WORK_KEY, work)
            _append_journaled(project, plan, progress, again=True, work_into_parts=False)
        save_word_counts(project.store, project.parts)
        sync_tree(staging)
        _move_into_place(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    fsync_folder(final.parent)
    return load_project(final)


def _move_into_place(staging: Path, final: Path) -> None:
    """Rename the finished project onto ``final`` (absent, or an empty folder): one atomic step."""
    try:
        os.rename(staging, final)
    except OSError as error:
        raise StudioError(f"{final}: cannot create the project there: {error.strerror or error}") from None


def apply_plan(
    target: str | os.PathLike[str], plan: ImportPlan, progress: Progress | None = None, again: bool = True
) -> tuple[Project, bool]:
    """Append to the project at ``target``, or create one there; return it and whether it is new.

    Before appending, whatever a killed import left in the project is cleared (hold its lock).
    Unless ``again``, files already imported into that project are refused.
    """
    if is_project_folder(target):
        cleanup.clean_project(target)
        project = load_project(target)
        append_plan(project, plan, progress, again=again)
        return project, False
    return create_from_plan(target, plan, progress), True
