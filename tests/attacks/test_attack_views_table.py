"""Attacks on the outline table and the corkboard in the real window (issue 17, branch viewsgui)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from studio.gui.views.feature import ViewsFeature
from studio.gui.views.table.delegate import LabelChecklist
from studio.models.scene_table_model import COLUMN
from tests.gui.outline_helpers import manifest
from tests.gui.views.view_helpers import label_id, labelled_session, scene_id
from tests.gui.window_helpers import open_test_window


def show_table(window):  # noqa: ANN001, ANN201
    """*View › Outline Table*, as a writer opens it."""
    action = next(a for a in window.menu("view").actions() if a.text().replace("&", "") == "Outline Table")
    if not action.isChecked():
        action.trigger()
    QApplication.processEvents()
    return ViewsFeature.instance(window).table


def row_of(table, title: str) -> int:  # noqa: ANN001
    """The table row (as shown) of the scene with this title."""
    proxy = table.proxy
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, COLUMN["title"]).data() == title)


def test_ticking_a_label_in_the_table_keeps_a_label_id_no_label_defines(qtbot, tmp_path):  # noqa: ANN001
    session = labelled_session(tmp_path / "story")
    root = session.project.root
    ghost, storm = label_id(session, "Ghost"), label_id(session, "Storm")
    doc = json.loads(manifest(root))
    scene = next(s for p in doc["parts"] for s in p["scenes"] if s["title"] == "One 1")
    scene["labels"] = ["l-from-another-copy", ghost]  # e.g. merged by hand from another copy of the project
    (root / "story.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", "utf-8")
    window = open_test_window(qtbot, root)
    table = show_table(window)
    table.setCurrentIndex(table.proxy.index(row_of(table, "One 1"), COLUMN["labels"]))
    table.edit(table.currentIndex())
    checklist = table.findChild(LabelChecklist)
    storm_row = next(i for i in range(checklist.count()) if checklist.item(i).text() == "Storm")
    checklist.item(storm_row).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClick(checklist, Qt.Key.Key_Return)
    project = window.session.project
    qtbot.waitUntil(lambda: storm in project.scene(scene_id(window.session, "One 1")).labels)
    assert project.scene(scene_id(window.session, "One 1")).labels == ["l-from-another-copy", ghost, storm]


def test_csv_export_onto_a_folder_says_why_in_one_line_and_writes_nothing(qtbot, tmp_path):  # noqa: ANN001
    labelled_session(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    table = show_table(window)
    folder = tmp_path / "scenes.csv"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine", "utf-8")
    said: list[str] = []
    table.message.connect(said.append)
    assert table.export_csv(folder) is False
    assert len(said) == 1 and said[0].startswith("Not exported:") and "\n" not in said[0]
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]
