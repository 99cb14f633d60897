"""Builders for the views' tests: a real project with labels, story times and POVs, in a session."""

from __future__ import annotations

from pathlib import Path

from studio.app.session import ProjectSession
from tests.gui.outline_helpers import make_session

PARTS = {"One": ["alpha beta", "gamma", "delta epsilon zeta"], "Two": ["eta", "theta iota"], "Three": []}


def labelled_session(root: Path) -> ProjectSession:
    """Five scenes in three parts; labels Ghost and Storm; story times with a flashback; POVs."""
    session = make_session(root, PARTS)
    project = session.project
    ghost = project.add_label("Ghost", "#e0524d")
    storm = project.add_label("Storm", "")
    ids = {s.title: s.id for s in project.iter_scenes()}
    project.set_scene_labels(
        {ids["One 1"]: [ghost.id], ids["Two 2"]: [ghost.id, storm.id], ids["One 3"]: [storm.id]}
    )
    times = {
        "One 1": "2024-05-02",
        "One 2": "2024-05-03T09:00",
        "One 3": "2024-05-01",
        "Two 1": "Day 9, evening",
    }
    for title, when in times.items():
        project.set_story_time(ids[title], when, 1 if title == "Two 1" else None)
    for title, pov in {"One 1": "Mara", "One 2": "Jon", "One 3": "Mara", "Two 2": "Jon"}.items():
        project.set_scene_fields(ids[title], pov=pov)
    return session


def scene_id(session: ProjectSession, title: str) -> str:
    """The id of the scene with this title."""
    return next(s.id for s in session.project.iter_scenes() if s.title == title)


def label_id(session: ProjectSession, name: str) -> str:
    """The id of the label with this name."""
    return next(label.id for label in session.project.labels if label.name == name)
