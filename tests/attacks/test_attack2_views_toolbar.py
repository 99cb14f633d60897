"""Attacks where the views (issue 17) meet the toolbar (issue 19): which scene a button acts on."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QToolBar

from tests.gui.views.test_views_window import show, window  # noqa: F401
from tests.gui.views.view_helpers import scene_id


def outline_titles(session) -> list[tuple[str, list[str]]]:  # noqa: ANN001
    return [(p.title, [s.title for s in p.scenes]) for p in session.project.parts]


def test_toolbar_delete_after_clicking_a_card_never_trashes_another_scene(window, qtbot) -> None:  # noqa: ANN001, F811
    """Promise (issue 19 §1 toolbar with the everyday actions; issue 17 corkboard): a writer clicks
    the card "Two 2" on the corkboard (it is highlighted, the board has the focus), then clicks
    the toolbar's Move to Trash: "One 1" (the scene still open in the editor and current in the
    outline) goes to the Trash, "Two 2" stays. Suspected: studio/gui/views/corkboard/view.py (a
    card's selection does not reach the outline) / studio/gui/toolbar/feature.py (deleteAction
    acts on the outline only)."""
    board = show(window, "Corkboard")
    session = window.session
    target = scene_id(session, "Two 2")
    rect = board.visualRect(board.index_for_id(target))
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=rect.topLeft() + QPoint(30, 12))
    assert [i.data() for i in board.selectionModel().selectedIndexes()] == ["Two 2"]
    toolbar = window.findChild(QToolBar, "mainToolbar")
    button = toolbar.widgetForAction(window.findChild(QAction, "deleteAction"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    titles = outline_titles(session)
    assert "One 1" in titles[0][1], titles  # the scene not chosen is never trashed


def test_toolbar_delete_after_clicking_a_table_row_never_trashes_another_scene(window, qtbot) -> None:  # noqa: ANN001, F811
    """Promise: as above, in the outline table. Steps: click the title cell of "Two 2" in View ›
    Outline Table, click the toolbar's Move to Trash: "One 1" goes to the Trash. Suspected:
    studio/gui/views/table/view.py (row selection not shared) / studio/gui/toolbar/feature.py."""
    table = show(window, "Outline Table")
    session = window.session
    proxy = table.proxy
    cell = next(
        proxy.index(r, c)
        for r in range(proxy.rowCount())
        for c in range(proxy.columnCount())
        if proxy.index(r, c).data() == "Two 2"
    )
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(cell).center())
    toolbar = window.findChild(QToolBar, "mainToolbar")
    button = toolbar.widgetForAction(window.findChild(QAction, "deleteAction"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    titles = outline_titles(session)
    assert "One 1" in titles[0][1], titles


def test_del_on_a_selected_card_trashes_that_card(window, qtbot) -> None:  # noqa: ANN001, F811
    board = show(window, "Corkboard")
    session = window.session
    target = scene_id(session, "Two 2")
    rect = board.visualRect(board.index_for_id(target))
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=rect.topLeft() + QPoint(30, 12))
    board.setFocus()
    qtbot.keyClick(board, Qt.Key.Key_Delete)
    assert outline_titles(session)[1][1] == ["Two 1"]
    assert "One 1" in outline_titles(session)[0][1]
