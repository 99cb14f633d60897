"""Posted state: what was posted where, a copy of exactly that, and whether the part changed since.

``mark_posted(project, part_id, site, url="", when=None)`` renders the part for the site
(``render_for_site``), keeps that render in ``posted/<part_id>/<site>.json`` in the project
folder, and records ``{"part_id", "site", "date", "url", "digest"}`` in ``story.json``
(``settings.posted``, one record per part and site: posting again replaces it).

The copies live in a visible ``posted/`` folder, not in the hidden ``.studio/``: what went out to
readers is part of the writer's history and belongs in git with the scenes (``.studio`` is
ignored by git and holds only what the app can rebuild). Each is written with the one atomic
helper, before the manifest, so a crash leaves at worst an unreferenced copy.

``posted_status(project)`` compares the digest of today's render with the posted one (each site
of a cross-posted part on its own; parts in the trash are left out); ``posted_copy`` gives the
posted plain text, for *Show Changes Since Posted*, and ``posted_render`` the whole render.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.core.atomic import atomic_write, make_folder
from studio.core.errors import ReadOnlyError, StudioError
from studio.core.publishing.profiles import SITES, SiteRender, render_for_site, site_profile

if TYPE_CHECKING:
    from studio.core.project import Project

POSTED_DIR = "posted"
SETTING = "posted"


@dataclass(frozen=True)
class PostRecord:
    """One post: which part, on which site, when (ISO 8601, UTC), where, and the digest of the render."""

    part_id: str
    site: str
    date: str
    url: str
    digest: str


@dataclass(frozen=True)
class PostStatus:
    """A posted part and site, and whether today's render differs from what was posted."""

    part_id: str
    site: str
    date: str
    url: str
    changed: bool


def copy_path(project: Project, part_id: str, site: str) -> Path:
    """Where the copy of a post is kept: ``posted/<part_id>/<site>.json``."""
    return project.root / POSTED_DIR / part_id / f"{site_profile(site).key}.json"


def posted_records(project: Project) -> list[PostRecord]:
    """The posts recorded in the manifest (damaged entries are skipped)."""
    saved = project.settings.get(SETTING)
    records: list[PostRecord] = []
    for entry in saved if isinstance(saved, list) else []:
        if isinstance(entry, dict) and all(isinstance(entry.get(f.name), str) for f in fields(PostRecord)):
            records.append(PostRecord(**{f.name: entry[f.name] for f in fields(PostRecord)}))
    return records


def mark_posted(
    project: Project, part_id: str, site: str, url: str = "", when: datetime | None = None
) -> PostRecord:
    """Record that a part was posted on a site now (or ``when``), keeping a copy of what was posted."""
    if project.read_only:
        raise ReadOnlyError(f"{project.root.name} is open read-only; not marked as posted")
    key = site_profile(site).key
    render = render_for_site(project, key, part_id=part_id)
    moment = (when or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    record = PostRecord(part_id, key, moment, url, render.digest())
    target = copy_path(project, part_id, key)
    make_folder(target.parent, project.root)
    copy = {"record": record.__dict__, "render": {f.name: getattr(render, f.name) for f in fields(render)}}
    atomic_write(target, json.dumps(copy, ensure_ascii=False, indent=2) + "\n", within=project.root)
    kept = [r.__dict__ for r in posted_records(project) if (r.part_id, r.site) != (part_id, key)]
    project.set_setting(SETTING, [*kept, dict(record.__dict__)])
    return record


def posted_status(project: Project) -> list[PostStatus]:
    """Every recorded post of a part still in the manuscript, with ``changed`` since posting."""
    in_manuscript = {part.id for part in project.parts}
    out = []
    for record in posted_records(project):
        if record.part_id not in in_manuscript or record.site not in SITES:
            continue
        now = render_for_site(project, record.site, part_id=record.part_id).digest()
        out.append(PostStatus(record.part_id, record.site, record.date, record.url, now != record.digest))
    return out


def posted_render(project: Project, part_id: str, site: str) -> SiteRender:
    """The render that was posted, read back from its copy."""
    path = copy_path(project, part_id, site)
    try:
        document: Any = json.loads(path.read_text(encoding="utf-8"))
        saved = document["render"]
        return SiteRender(**{f.name: saved[f.name] for f in fields(SiteRender)})
    except FileNotFoundError:
        raise StudioError(f"part {part_id} has no posted copy for {site}") from None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise StudioError(f"{POSTED_DIR}/{part_id}/{path.name}: damaged posted copy") from None


def posted_copy(project: Project, part_id: str, site: str) -> str:
    """The plain text that was posted, to compare with today's (*Show Changes Since Posted*)."""
    return posted_render(project, part_id, site).plain
