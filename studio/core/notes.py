"""Where places, things and notes appear: the same index and rules as characters (``characters``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from studio.core.characters import AppearanceIndex

if TYPE_CHECKING:
    from studio.core.project import Project


def notes_index(project: Project) -> AppearanceIndex:
    """Index every scene of the manuscript for mentions of the places, things and notes."""
    scenes = [(s.id, project.scene_text(s.id)) for s in project.iter_scenes()]
    return AppearanceIndex.build(project.notes, scenes)


def notes_summary(project: Project, index: AppearanceIndex | None = None) -> list[dict[str, Any]]:
    """Return the ``studio notes --json`` document: each place, thing and note with its appearances."""
    index = index or notes_index(project)
    return [
        {
            "id": n.id,
            "name": n.name,
            "kind": n.kind,
            "aliases": list(n.aliases),
            "appearances": [{"scene_id": sid, "count": count} for sid, count in index.scenes_of(n.id)],
        }
        for n in project.notes
    ]
