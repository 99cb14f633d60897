"""Drag and drop in the outline: through the model's MIME API, and with real mouse events."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QMimeData, QModelIndex, Qt

from studio.models.outline_mime import OUTLINE_MIME_TYPE
from studio.models.outline_model import OutlineModel
from tests.gui.outline_helpers import (
    disk_titles,
    make_session,
    manifest,
    model_titles,
    part_id,
    scene_id,
    titles,
)

REPO = Path(__file__).resolve().parents[2]
MOVE = Qt.DropAction.MoveAction
ACCEPTANCE = {"One": ["a", "b", "c"], "Two": ["d", "e"], "Three": ["f", "g"]}
AFTER = [("One", ["One 2"]), ("Two", ["Two 2"]), ("Three", ["Three 1", "One 1", "One 3", "Two 1", "Three 2"])]


def drag(model: OutlineModel, *ids: str) -> QMimeData:
    return model.mimeData([model.index_for_id(i) for i in ids])


def test_mime_data_carries_ids_only(qtbot, tmp_path):
    session = make_session(tmp_path / "p")
    model = OutlineModel(session)
    project = session.project
    ids = [scene_id(project, "Two 1"), scene_id(project, "One 2")]
    data = drag(model, *ids)
    assert data.formats() == [OUTLINE_MIME_TYPE]
    body = json.loads(bytes(data.data(OUTLINE_MIME_TYPE).data()))
    assert body["kind"] == "scene"
    assert body["ids"] == [ids[1], ids[0]]  # manuscript order
    assert "alpha" not in json.dumps(body)


def test_acceptance_drag_into_part_three_then_undo_redo(qtbot, tmp_path):
    session = make_session(tmp_path / "p", ACCEPTANCE)
    project, model = session.project, OutlineModel(session)
    before = manifest(project.root)
    moving = [scene_id(project, t) for t in ("One 1", "Two 1", "One 3")]
    three = model.index_for_id(part_id(project, "Three"))
    data = drag(model, *moving)
    assert model.canDropMimeData(data, MOVE, 1, 0, three)
    assert model.dropMimeData(data, MOVE, 1, 0, three) is False  # the view must not remove rows itself
    expected = [(p, s) for p, s in AFTER]
    assert model_titles(model) == expected
    assert disk_titles(project.root) == expected
    after = manifest(project.root)
    session.undo_stack.undo()
    assert manifest(project.root) == before
    assert model_titles(model) == titles(project) == disk_titles(project.root)
    session.undo_stack.redo()
    assert manifest(project.root) == after
    assert model_titles(model) == expected


def test_drop_rules(qtbot, tmp_path):
    session = make_session(tmp_path / "p")
    project, model = session.project, OutlineModel(session)
    one, three = model.index_for_id(part_id(project, "One")), model.index_for_id(part_id(project, "Three"))
    scene = model.index_for_id(scene_id(project, "One 2"))
    scenes = drag(model, scene_id(project, "Two 1"))
    parts = drag(model, part_id(project, "Two"))
    mixed = drag(model, part_id(project, "Two"), scene_id(project, "One 1"))
    assert model.canDropMimeData(scenes, MOVE, 0, 0, three)  # into an empty part
    assert model.canDropMimeData(scenes, MOVE, -1, -1, three)  # on a part: appended
    assert not model.canDropMimeData(scenes, MOVE, -1, -1, scene)  # never inside a scene
    assert not model.canDropMimeData(parts, MOVE, 0, 0, one)  # a part never inside a part
    assert not model.canDropMimeData(parts, MOVE, -1, -1, one)
    assert model.canDropMimeData(parts, MOVE, 0, 0, QModelIndex())  # between parts
    assert not model.canDropMimeData(mixed, MOVE, 0, 0, QModelIndex())
    assert not model.canDropMimeData(mixed, MOVE, 0, 0, one)
    assert not model.canDropMimeData(scenes, Qt.DropAction.CopyAction, 0, 0, one)  # no copies
    foreign = QMimeData()
    foreign.setText("alpha beta")
    assert not model.canDropMimeData(foreign, MOVE, 0, 0, one)
    before = manifest(project.root)
    assert model.dropMimeData(mixed, MOVE, 0, 0, QModelIndex()) is False
    assert manifest(project.root) == before and session.undo_stack.count() == 0


def test_drop_on_part_appends_and_part_moves_between_parts(qtbot, tmp_path):
    session = make_session(tmp_path / "p")
    project, model = session.project, OutlineModel(session)
    one = model.index_for_id(part_id(project, "One"))
    model.dropMimeData(drag(model, scene_id(project, "Two 2")), MOVE, -1, -1, one)
    assert [s.title for s in project.part(part_id(project, "One")).scenes][-1] == "Two 2"
    model.dropMimeData(drag(model, part_id(project, "Three")), MOVE, 0, 0, QModelIndex())
    model.dropMimeData(drag(model, part_id(project, "One")), MOVE, 3, 0, QModelIndex())
    assert [p.title for p in project.parts] == ["Three", "Two", "One"]
    assert [p for p, _ in disk_titles(project.root)] == ["Three", "Two", "One"]
    assert model_titles(model) == titles(project)
    # a scene dropped between two parts goes to the end of the part above
    model.dropMimeData(drag(model, scene_id(project, "One 1")), MOVE, 1, 0, QModelIndex())
    assert project.parts[0].scenes[-1].title == "One 1"


def test_drop_within_a_part_moves_down_without_duplicates(qtbot, tmp_path):
    session = make_session(tmp_path / "p")
    project, model = session.project, OutlineModel(session)
    one = model.index_for_id(part_id(project, "One"))
    model.dropMimeData(drag(model, scene_id(project, "One 1")), MOVE, 3, 0, one)
    assert model_titles(model)[0] == ("One", ["One 2", "One 3", "One 1"])
    all_ids = [s.id for s in project.iter_scenes()]
    assert len(all_ids) == len(set(all_ids)) == 5
    before = manifest(project.root)
    model.dropMimeData(drag(model, scene_id(project, "One 2")), MOVE, 0, 0, one)  # onto itself: nothing
    assert manifest(project.root) == before and session.undo_stack.count() == 1


def test_real_mouse_drag_through_the_view(tmp_path):
    """The acceptance drag with real mouse events, in a subprocess where QDrag runs a real drag loop."""
    from studio.app.session import ProjectSession  # noqa: F401  (the project is built in this process)

    session = make_session(tmp_path / "p", ACCEPTANCE)
    root = session.project.root
    before = manifest(root)
    env = dict(os.environ, QT_QPA_PLATFORM="minimal", PYTHONPATH=str(REPO))
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "tests/gui/drag_with_mouse.py"),
            str(root),
            "One 1",
            "One 3",
            "Two 1",
            "Three 2",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["events"] == ["drag loop running"]
    expected = [[p, s] for p, s in AFTER]
    assert report["outline"] == expected
    assert report["undo"] == 1
    assert [[p, s] for p, s in disk_titles(root)] == expected
    assert manifest(root) != before
