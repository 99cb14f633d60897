"""The three views in the real window: built lazily, opened from the View menu, opening scenes, editing."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from studio.gui.settings import AppSettings
from studio.gui.views.feature import ViewsFeature
from studio.gui.views.label_filter import DimmingDelegate
from studio.gui.views.table.delegate import LabelChecklist
from studio.models.scene_table_model import COLUMN
from tests.gui.outline_helpers import manifest
from tests.gui.views.view_helpers import label_id, labelled_session, scene_id
from tests.gui.window_helpers import open_test_window

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, tmp_path):  # noqa: ANN001, ANN201
    labelled_session(tmp_path / "story")
    return open_test_window(qtbot, tmp_path / "story")


def show(window, which: str):  # noqa: ANN001, ANN201
    """Trigger *View › <which>* and return the view."""
    feature = ViewsFeature.instance(window)
    keys = {"Corkboard": "corkboard", "Outline Table": "table", "Timeline": "timeline"}
    action = next(a for a in window.menu("view").actions() if a.text().replace("&", "") == which)
    if not action.isChecked():  # a checked entry hides the views
        action.trigger()
    QApplication.processEvents()
    assert feature.current_key() == keys[which] and action.isChecked()
    return getattr(feature, keys[which])


def double_click(qtbot, widget, pos: QPoint) -> None:  # noqa: ANN001
    """A writer's double-click: press, release, then the second press (Qt counts it from the first)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def test_views_are_built_only_when_first_shown(window):
    feature = ViewsFeature.instance(window)
    assert not feature.dock.built and feature.dock.isHidden()
    names = [a.text().replace("&", "") for a in window.menu("view").actions()]
    assert {"Corkboard", "Outline Table", "Timeline"} <= set(names)
    assert window.findChild(QWidget, "timelineView") is None
    show(window, "Outline Table")
    assert feature.panel.built(1) and not feature.panel.built(0) and not feature.panel.built(2)
    for title, name in (
        ("Corkboard", "corkboardView"),
        ("Outline Table", "outlineTable"),
        ("Timeline", "timelineView"),
    ):
        view = show(window, title)
        assert view.objectName() == name and view.isVisible()
        assert window.findChild(type(view), name) is view


def test_double_click_on_a_card_opens_the_scene(window, qtbot):
    board = show(window, "Corkboard")
    target = scene_id(window.session, "Two 1")
    board.scrollTo(board.index_for_id(target))
    rect = board.visualRect(board.index_for_id(target))
    double_click(qtbot, board.viewport(), rect.topLeft() + QPoint(30, 12))
    assert window.editor.current_scene_id() == target


def test_synopsis_typed_on_a_card_is_one_undo_step(window, qtbot):
    board = show(window, "Corkboard")
    session = window.session
    before = manifest(session.project.root)
    target = scene_id(session, "One 2")
    board.select_ids([target])
    board.setFocus()
    qtbot.keyClick(board, Qt.Key.Key_F2)
    editor = board.findChild(QPlainTextEdit, "cardSynopsisEditor")
    assert editor is not None and editor.isVisible()
    qtbot.keyClicks(editor, "Jon keeps watch.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert session.project.scene(target).synopsis == "Jon keeps watch."
    assert session.undo_stack.count() == 1
    board.setFocus()
    qtbot.keyClick(board, Qt.Key.Key_Z, CTRL)  # the window's Edit › Undo, the board having the focus
    assert session.project.scene(target).synopsis == ""
    assert manifest(session.project.root) == before


def test_where_a_drop_lands_on_the_board(window):
    board = show(window, "Corkboard")
    session = window.session
    project = session.project
    one, two = project.parts[0].id, project.parts[1].id
    card = board.visualRect(board.index_for_id(scene_id(session, "One 2")))
    assert board.drop_place(QPoint(card.left() + 10, card.center().y()))[:2] == (one, 1)
    assert board.drop_place(QPoint(card.right() - 10, card.center().y()))[:2] == (one, 2)
    last = board.visualRect(board.index_for_id(scene_id(session, "Two 2")))
    after_last = QPoint(last.right() + 60, last.center().y())
    assert board.drop_place(after_last)[:2] == (two, 2)  # the space after a part's last card
    header = board.visualRect(board.index_for_id(project.parts[2].id))
    assert board.drop_place(header.center())[:2] == (project.parts[2].id, 0)  # the empty part
    ViewsFeature.instance(window).label_filter.set_label(label_id(session, "Storm"))
    QApplication.processEvents()
    shown = board.visualRect(board.index_for_id(scene_id(session, "One 3")))
    assert board.drop_place(QPoint(shown.left() + 10, shown.center().y()))[:2] == (
        one,
        2,
    )  # hidden ones count


def test_table_sorts_edits_and_undoes(window, qtbot):
    table = show(window, "Outline Table")
    session = window.session
    header = table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(COLUMN["words"]) + 20, 10),
    )
    words = [table.proxy.index(r, COLUMN["words"]).data() for r in range(table.proxy.rowCount())]
    assert words == sorted(words, key=lambda w: int(w.replace(",", "") or 0))
    before = manifest(session.project.root)
    row = next(
        r for r in range(table.proxy.rowCount()) if table.proxy.index(r, COLUMN["title"]).data() == "One 2"
    )
    status = table.proxy.index(row, COLUMN["status"])
    table.scrollTo(status)
    rect = table.visualRect(status)
    double_click(qtbot, table.viewport(), rect.center())
    combo = table.findChild(QComboBox, "statusEditor")
    assert combo is not None and combo.isEditable()
    combo.setCurrentText("revised")
    qtbot.keyClick(combo, Qt.Key.Key_Return)  # Qt commits on the next turn of the event loop
    qtbot.waitUntil(lambda: session.project.scene(scene_id(session, "One 2")).status == "revised")
    table.setCurrentIndex(table.proxy.index(row, COLUMN["labels"]))
    table.edit(table.currentIndex())
    checklist = table.findChild(LabelChecklist)
    assert [checklist.item(i).text() for i in range(checklist.count())] == ["Ghost", "Storm"]
    checklist.item(1).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClick(checklist, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: session.project.scene(scene_id(session, "One 2")).labels == [label_id(session, "Storm")]
    )
    table.setCurrentIndex(table.proxy.index(row, COLUMN["story_time"]))
    table.edit(table.currentIndex())
    line = table.findChild(QLineEdit, "story_timeEditor")
    line.setText("2024-13-40")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "not a real date" in window.statusBar().currentMessage())
    assert session.project.scene(scene_id(session, "One 2")).story_time == "2024-05-03T09:00"  # refused
    assert session.undo_stack.count() == 2
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert manifest(session.project.root) == before


def test_chosen_columns_are_remembered(window, qtbot, tmp_path):
    table = show(window, "Outline Table")
    assert table.isColumnHidden(COLUMN["target"]) and table.isColumnHidden(COLUMN["edited"])  # at first
    menu = table.columns_menu()
    next(a for a in menu.actions() if a.text() == "Synopsis").toggle()
    next(a for a in menu.actions() if a.text() == "Last Edited").toggle()
    assert "synopsis" not in table.shown_columns() and "edited" in table.shown_columns()
    assert AppSettings.load().table_hidden_columns == ["synopsis", "target", "places"]
    window.close()
    again = open_test_window(qtbot, tmp_path / "story")
    table = show(again, "Outline Table")
    assert table.isColumnHidden(COLUMN["synopsis"]) and table.isColumnHidden(COLUMN["target"])
    assert not table.isColumnHidden(COLUMN["edited"]) and not table.isColumnHidden(COLUMN["labels"])


def test_export_as_csv_writes_the_rows_and_columns_shown(window, tmp_path):
    table = show(window, "Outline Table")
    for key in ("synopsis", "characters"):
        table.show_column(key, False)
    ViewsFeature.instance(window).label_filter.set_label(label_id(window.session, "Ghost"))
    target = tmp_path / "out" / "scenes.csv"
    target.parent.mkdir()
    assert table.export_csv(target)
    rows = list(csv.reader(io.StringIO(target.read_text("utf-8"))))
    assert rows[0] == ["Part", "Title", "Status", "POV", "Words", "Labels", "Story Date"]
    assert rows[1:] == [
        ["One", "One 1", "draft", "Mara", "2", "Ghost", "2024-05-02"],
        ["Two", "Two 2", "draft", "Jon", "2", "Ghost, Storm", ""],
    ]
    assert "Exported 2 scenes" in window.statusBar().currentMessage()
    assert not table.export_csv(tmp_path / "missing" / "x.csv")  # no such folder: one line, nothing written
    assert window.statusBar().currentMessage().startswith("Not exported")


def test_timeline_lays_out_story_order_lanes_and_flashbacks(window, qtbot):
    timeline = show(window, "Timeline")
    session = window.session
    layout = timeline.timeline_layout()
    assert layout.lanes == ["Mara", "Jon", "No POV"]
    by_column = [p.entry.title for p in sorted(layout.placed, key=lambda p: p.column)]
    assert by_column == ["One 3", "One 1", "One 2", "Two 1", "Two 2"]  # story time, then none
    assert [p.entry.title for p in layout.placed if p.entry.backwards] == ["One 3"]
    assert layout.untimed_from == 4
    box = timeline.box_of(scene_id(session, "Two 1"))
    qtbot.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert window.editor.current_scene_id() == scene_id(session, "Two 1")


def test_one_label_filter_for_every_view_and_the_outline_dims(window):
    feature = ViewsFeature.instance(window)
    board, table, timeline = (
        show(window, "Corkboard"),
        show(window, "Outline Table"),
        show(window, "Timeline"),
    )
    session = window.session
    ghost = label_id(session, "Ghost")
    menu = next(
        a.menu()
        for a in window.menu("view").actions()
        if a.menu() and a.menu().objectName() == "filterByLabelMenu"
    )
    menu.aboutToShow.emit()
    next(a for a in menu.actions() if a.text() == "Ghost").trigger()
    assert feature.label_filter.label_id == ghost
    cards = [board.proxy.index(r, 0).data() for r in range(board.proxy.rowCount())]
    assert cards == ["One", "One 1", "Two", "Two 2", "Three"]
    assert table.proxy.rowCount() == 2
    assert sorted(p.entry.title for p in timeline.timeline_layout().placed) == ["One 1", "Two 2"]
    combo = feature.bar.combo
    assert combo.currentText() == "Ghost"
    assert feature.bar.note.text() == "2 of 5 scenes"  # the timeline is in front
    show(window, "Corkboard")
    assert feature.bar.note.text() == "2 of 5 scenes"
    outline = window.outline_view
    assert window.outline_view.outline_model.rowCount() == 3  # the outline keeps every row: it dims instead
    assert isinstance(outline.itemDelegateForColumn(0), DimmingDelegate)
    combo.activated.emit(0)  # "All scenes"
    assert feature.label_filter.label_id == "" and table.proxy.rowCount() == 5


def test_a_label_removed_while_filtering_lifts_the_filter(window):
    from studio.app.commands.labels import RemoveLabelCommand

    feature = ViewsFeature.instance(window)
    table = show(window, "Outline Table")
    session = window.session
    feature.label_filter.set_label(label_id(session, "Storm"))
    assert table.proxy.rowCount() == 2
    session.push(RemoveLabelCommand(session, label_id(session, "Storm")))
    assert feature.label_filter.label_id == ""
    assert table.proxy.rowCount() == 5


def test_labels_menu_ticks_a_label_on_the_selected_cards_and_makes_new_ones(window):
    from studio.gui.views.label_menu import add_new_label, labels_menu

    board = show(window, "Corkboard")
    session = window.session
    before = manifest(session.project.root)
    chosen = [scene_id(session, "One 2"), scene_id(session, "Two 1")]
    board.select_ids(chosen)
    menu = labels_menu(session, board.selected_scene_ids, board)
    storm = next(a for a in menu.actions() if a.text() == "Storm")
    assert not storm.isChecked()
    storm.trigger()
    assert all(label_id(session, "Storm") in session.project.scene(i).labels for i in chosen)
    assert session.undo_stack.count() == 1
    assert add_new_label(session, chosen, "Lighthouse") == ""
    lighthouse = label_id(session, "Lighthouse")
    assert all(lighthouse in session.project.scene(i).labels for i in chosen)
    assert session.undo_stack.count() == 2  # the new label and its scenes: one step
    assert "already" in add_new_label(session, chosen, "storm")
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert manifest(session.project.root) == before


def test_a_read_only_project_shows_the_views_but_changes_nothing(qtbot, tmp_path):
    from PySide6.QtCore import QMimeData

    from studio.gui.views.label_menu import labels_menu

    labelled_session(tmp_path / "story")
    before = manifest(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story", read_only=True)
    board, table = show(window, "Corkboard"), show(window, "Outline Table")
    card = board.index_for_id(scene_id(window.session, "One 1"))
    assert not board.proxy.flags(card) & (Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsEditable)
    data = board.board_model.mimeData([board.board_model.index(1, 0)])
    assert isinstance(data, QMimeData) and board.board_model.dropped_scene_ids(data) == []
    status = table.proxy.index(0, COLUMN["status"])
    assert not table.proxy.setData(status, "final")
    board.select_ids([scene_id(window.session, "One 1")])
    menu = labels_menu(window.session, board.selected_scene_ids, board)
    assert not any(a.isEnabled() for a in menu.actions() if a.text())
    assert window.session.undo_stack.count() == 0
    assert manifest(tmp_path / "story") == before


def test_the_wheel_scrolls_the_timeline_along_story_time(qtbot, tmp_path):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    from studio.gui.views.timeline.view import TimelineView

    timeline = TimelineView(labelled_session(tmp_path / "p"))
    qtbot.addWidget(timeline)
    timeline.resize(400, 400)  # the three lanes fit in height, the five columns do not in width
    timeline.show()
    qtbot.waitExposed(timeline)
    assert timeline.verticalScrollBar().maximum() == 0 < timeline.horizontalScrollBar().maximum()
    centre = QPointF(timeline.viewport().rect().center())
    wheel = QWheelEvent(
        centre,
        timeline.viewport().mapToGlobal(centre),
        QPoint(),
        QPoint(0, -120),  # one notch towards the reader
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(timeline.viewport(), wheel)
    assert timeline.horizontalScrollBar().value() > 0


def test_rows_dragged_from_the_outline_land_on_the_board(window):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    board = show(window, "Corkboard")
    session = window.session
    outline = window.outline_view.outline_model
    moving = [scene_id(session, "One 1"), scene_id(session, "Two 2")]
    data = outline.mimeData([outline.index_for_id(i) for i in moving])  # what the outline drags
    target = board.visualRect(board.index_for_id(scene_id(session, "One 3")))
    at = QPointF(target.right() - 10, target.center().y())  # the right half: after "One 3"
    drop = QDropEvent(
        at, Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    board.dropEvent(drop)
    assert drop.isAccepted()
    assert [s.title for s in session.project.parts[0].scenes] == ["One 2", "One 3", "One 1", "Two 2"]
    assert board.selected_scene_ids() == moving  # the dropped cards stay selected
    assert session.undo_stack.count() == 1


def test_places_and_things_mentioned_show_in_their_column(qtbot, tmp_path):
    session = labelled_session(tmp_path / "story")
    session.project.add_note("gamma", "place")  # "One 2" reads "gamma" (names match as written)
    window = open_test_window(qtbot, tmp_path / "story")
    table = show(window, "Outline Table")
    table.show_column("places", True)
    from studio.gui.notes.feature import NotesFeature

    NotesFeature.instance(window).tracker.wait_idle()
    row = table.table_model.row_of(scene_id(window.session, "One 2"))
    qtbot.waitUntil(lambda: table.table_model.index(row, COLUMN["places"]).data() == "gamma")
    other = table.table_model.row_of(scene_id(window.session, "One 1"))
    assert table.table_model.index(other, COLUMN["places"]).data() == ""


def test_manage_labels_is_offered_where_labels_are_chosen(window):
    from studio.gui.labels.feature import LabelsFeature

    board = show(window, "Corkboard")
    menu = next(
        a.menu()
        for a in window.menu("view").actions()
        if a.menu() and a.menu().objectName() == "filterByLabelMenu"
    )
    menu.aboutToShow.emit()
    manage = next(a for a in menu.actions() if a.text() == "&Manage Labels…")
    manage.trigger()
    dialog = LabelsFeature.instance(window).dialog
    assert dialog is not None and dialog.isVisible()
    dialog.close()
    assert board.manage_labels is not None


def test_story_time_set_from_the_timeline_moves_the_scene_there(window):
    timeline = show(window, "Timeline")
    session = window.session
    target = scene_id(session, "Two 2")  # no story time: last
    dialog = ViewsFeature.instance(window).edit_story_time(target)
    dialog.time_edit.setText("2024-04-30")
    dialog.accept()
    assert session.project.scene(target).story_time == "2024-04-30"
    layout = timeline.timeline_layout()
    first = min(layout.placed, key=lambda p: p.column)
    assert first.entry.scene_id == target and first.entry.backwards  # first in story, last in the book
    assert session.undo_stack.count() == 1


def test_the_card_of_the_scene_in_the_editor_is_marked_and_in_sight(window):
    board = show(window, "Corkboard")
    session = window.session
    assert board.delegate.open_scene == window.editor.current_scene_id()
    window.show_scene(scene_id(session, "Two 2"))
    assert board.delegate.open_scene == scene_id(session, "Two 2")
    card = board.visualRect(board.index_for_id(scene_id(session, "Two 2")))
    assert board.viewport().rect().intersects(card)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # a floating window raised, offscreen
def test_a_small_window_gets_the_views_floating_and_keeps_the_editor_whole(qtbot, tmp_path):
    labelled_session(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    window.resize(1024, 640)
    QApplication.processEvents()
    editor_height = window.editor_pane.height()
    feature = ViewsFeature.instance(window)
    feature.show_view("corkboard")
    QApplication.processEvents()
    assert feature.dock.isFloating()  # 640 px leave no room for both
    assert window.editor_pane.height() == editor_height


def test_a_large_window_gets_the_views_under_the_editor(window, qtbot):
    window.resize(1280, 800)
    feature = ViewsFeature.instance(window)
    feature.show_view("timeline")
    qtbot.waitUntil(lambda: feature.dock.height() >= 300)  # half the window, once laid out
    assert not feature.dock.isFloating()
    assert window.editor_pane.height() >= 800 - 440 - 120  # the editor keeps its room (less bars)


def test_csv_export_never_hands_a_spreadsheet_a_formula(window, tmp_path):
    from studio.app import commands

    session = window.session
    scene = next(s for s in session.project.iter_scenes() if s.title == "One 1")
    session.push(commands.SetSceneFieldsCommand(session, scene.id, title='=HYPERLINK("http://x","y")'))
    table = show(window, "Outline Table")
    target = tmp_path / "scenes.csv"
    assert table.export_csv(target)
    titles = [row[1] for row in csv.reader(io.StringIO(target.read_text("utf-8")))]
    assert '\'=HYPERLINK("http://x","y")' in titles and not any(t.startswith("=") for t in titles)
