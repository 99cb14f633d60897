"""A scene move resets no model anywhere in the window (issue 11), spied on every model there is."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QObject, Qt, QThreadPool
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QCompleter, QTreeView

from tests.conftest import REPO
from tests.gui.window_helpers import open_test_window

SAMPLE = REPO / "projects" / "the-lamplighters-daughter"


def _every_model(window) -> list[QAbstractItemModel]:  # noqa: ANN001
    models: dict[int, QAbstractItemModel] = {}
    for model in window.findChildren(QAbstractItemModel):
        models[id(model)] = model
    for view in window.findChildren(QAbstractItemView):
        if view.model() is not None:
            models[id(view.model())] = view.model()
    for box in window.findChildren(QComboBox):
        models[id(box.model())] = box.model()
    for completer in window.findChildren(QCompleter):
        for model in (completer.model(), completer.completionModel()):
            if model is not None:
                models[id(model)] = model
    return list(models.values())


def _settle(qtbot) -> None:  # noqa: ANN001
    QApplication.processEvents()
    assert QThreadPool.globalInstance().waitForDone(10000)
    QApplication.processEvents()


def test_a_dropped_scene_resets_no_model(qtbot, tmp_path: Path) -> None:
    root = tmp_path / SAMPLE.name
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns(".studio"))
    window = open_test_window(qtbot, root)
    _settle(qtbot)
    models = _every_model(window)
    assert len(models) >= 5  # outline, trash, cast, appearances, combos: the spies see them all
    events: list[str] = []
    for model in models:
        owner = QObject.parent(model)
        name = f"{type(model).__name__} of {type(owner).__name__} {owner.objectName() if owner else None}"
        model.modelReset.connect(lambda name=name: events.append(f"reset {name}"))
        model.layoutChanged.connect(lambda *_, name=name: events.append(f"layout {name}"))
    outline = next(v for v in window.findChildren(QTreeView) if "outline" in v.objectName().lower())
    model = outline.model()
    first_part, second_part = model.index(0, 0), model.index(1, 0)
    scene = model.index(0, 0, first_part)
    scene_id = model.node_id(scene)

    model.dropMimeData(model.mimeData([scene]), Qt.DropAction.MoveAction, 0, 0, second_part)
    _settle(qtbot)

    assert events == [], events
    manifest = json.loads((root / "story.json").read_text("utf-8"))
    assert manifest["parts"][1]["scenes"][0]["id"] == scene_id
    window.session.undo_stack.undo()
    _settle(qtbot)
    assert events == [], events
    manifest = json.loads((root / "story.json").read_text("utf-8"))
    assert manifest["parts"][0]["scenes"][0]["id"] == scene_id
