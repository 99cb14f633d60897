"""Keyboard moves in the outline: one step up or down, crossing part boundaries."""

from __future__ import annotations

from collections.abc import Sequence

from studio.app import commands
from studio.app.session import ProjectSession


def _split(session: ProjectSession, ids: Sequence[str]) -> tuple[list[str], list[str]]:
    part_ids = {p.id for p in session.project.parts}
    return [i for i in ids if i in part_ids], [i for i in ids if i not in part_ids]


def step_up(session: ProjectSession, ids: Sequence[str]) -> commands.ProjectCommand | None:
    """The command moving ``ids`` (scenes, or one part) one step up, or None at the top."""
    project = session.project
    parts, scenes = _split(session, ids)
    if parts and scenes or len(parts) > 1:
        return None
    if parts:
        index = project.parts.index(project.part(parts[0]))
        return commands.MovePartCommand(session, parts[0], index - 1) if index > 0 else None
    first = project.locate(scenes[0])
    if first.index > 0:
        return commands.MoveScenesCommand(session, scenes, first.part_id, first.index - 1)
    part_index = project.parts.index(project.part(first.part_id))
    if part_index == 0:
        return None
    previous = project.parts[part_index - 1]
    return commands.MoveScenesCommand(session, scenes, previous.id, len(previous.scenes))


def step_down(session: ProjectSession, ids: Sequence[str]) -> commands.ProjectCommand | None:
    """The command moving ``ids`` (scenes, or one part) one step down, or None at the bottom."""
    project = session.project
    parts, scenes = _split(session, ids)
    if parts and scenes or len(parts) > 1:
        return None
    if parts:
        index = project.parts.index(project.part(parts[0]))
        last = len(project.parts) - 1
        return commands.MovePartCommand(session, parts[0], index + 1) if index < last else None
    last_pos = project.locate(scenes[-1])
    part = project.part(last_pos.part_id)
    if last_pos.index + 1 < len(part.scenes):
        return commands.MoveScenesCommand(session, scenes, part.id, last_pos.index + 2)
    part_index = project.parts.index(part)
    if part_index + 1 >= len(project.parts):
        return None
    return commands.MoveScenesCommand(session, scenes, project.parts[part_index + 1].id, 0)
