"""Random GUI-level command sequences with the disk failing at random: memory, disk, rows and history agree.

Each example runs pushes of the app's undo commands, undos and redos on a real project, with
``story.json`` swapped for a folder (every manifest write refused) for some of the steps. After each
step: the project in memory == the manifest on disk == the outline model's rows. At the end, with
the disk writable again, undoing everything gives the first manifest back byte for byte, and
redoing everything gives the last successful state back.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtTest import QAbstractItemModelTester

from studio.app import commands
from studio.core import load_project
from studio.models.outline_model import OutlineModel
from tests.gui.outline_helpers import make_session, manifest, model_titles, titles

ACTIONS = [
    "move scenes",
    "move part",
    "add scene",
    "add part",
    "rename",
    "delete",
    "restore",
    "split",
    "merge",
    "fields",
    "undo",
    "redo",
    "undo",
    "redo",
]

STEPS = st.lists(
    st.tuples(
        st.sampled_from(ACTIONS),
        st.lists(st.integers(0, 20), min_size=1, max_size=3, unique=True),
        st.integers(0, 6),
        st.integers(0, 6),
        st.booleans(),  # the disk refuses this step
    ),
    min_size=1,
    max_size=14,
)


class Disk:
    """Swap story.json for a folder (writes refused) and back."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.broken = False

    def set(self, broken: bool) -> None:
        path, aside = self.root / "story.json", self.root / ".story.json.aside"
        if broken and not self.broken:
            os.replace(path, aside)
            path.mkdir()
        elif not broken and self.broken:
            path.rmdir()
            os.replace(aside, path)
        self.broken = broken


def _command(session, action: str, picks: list[int], part_pick: int, row: int):  # noqa: ANN001, ANN202
    project = session.project
    scenes = [s.id for s in project.iter_scenes()]
    parts = [p.id for p in project.parts]
    part = parts[part_pick % len(parts)] if parts else None
    pick = scenes[picks[0] % len(scenes)] if scenes else None
    if action == "move scenes" and scenes and part:
        ids = list(dict.fromkeys(scenes[i % len(scenes)] for i in picks))
        return commands.MoveScenesCommand(session, ids, part, row)
    if action == "move part" and parts:
        return commands.MovePartCommand(session, part, row % len(parts))
    if action == "add scene" and part:
        return commands.AddSceneCommand(session, part, None, f"Added {row}", f"added words {row}\n")
    if action == "add part":
        return commands.AddPartCommand(session, row % (len(parts) + 1), f"Part {row}")
    if action == "rename" and pick:
        return commands.RenameCommand(session, pick, f"Renamed {row}")
    if action == "delete" and pick:
        return commands.DeleteCommand(session, [pick])
    if action == "restore" and project.trash:
        return commands.RestoreCommand(session, [project.trash[picks[0] % len(project.trash)].node.id])
    if action == "split" and pick:
        text = project.scene_text(pick)
        return commands.SplitSceneCommand(session, pick, (row * 3) % (len(text) + 1))
    if action == "merge" and pick:
        scenes_of = project.part_of(pick).scenes
        index = [s.id for s in scenes_of].index(pick)
        if index + 1 < len(scenes_of):
            return commands.MergeScenesCommand(session, pick, scenes_of[index + 1].id)
    if action == "fields" and pick:
        return commands.SetSceneFieldsCommand(session, pick, status=["draft", "revised", "final"][row % 3])
    return None


def _texts(project) -> dict[str, str]:  # noqa: ANN001
    return {s.id: project.scene_text(s.id) for s in project.iter_scenes()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_random_history_with_a_failing_disk_never_drifts(qtbot, tmp_path_factory, steps) -> None:
    """Promise: memory and disk change together or not at all; the undo stack and the disk never drift."""
    session = make_session(tmp_path_factory.mktemp("p") / "story")
    project, stack = session.project, session.undo_stack
    root = project.root
    model = OutlineModel(session)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)  # noqa: F841
    disk = Disk(root)
    first_manifest, first_texts = manifest(root), _texts(project)
    resets: list[str] = []
    model.modelReset.connect(lambda: resets.append("reset"))
    try:
        for action, picks, part_pick, row, broken in steps:
            disk.set(broken)
            if action == "undo":
                stack.undo()
            elif action == "redo":
                stack.redo()
            else:
                command = _command(session, action, picks, part_pick, row)
                if command is not None:
                    session.push(command)
            assert model_titles(model) == titles(project), f"rows after {action}"
            disk.set(False)
            assert titles(load_project(root)) == titles(project), f"disk after {action}"
            assert project.store.manifest_bytes == manifest(root)
    finally:
        disk.set(False)
    while stack.canUndo():
        before = stack.index()
        stack.undo()
        assert stack.index() == before - 1
    assert manifest(root) == first_manifest
    assert _texts(project) == first_texts
    assert not resets
