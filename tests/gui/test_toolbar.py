"""The main toolbar and the buttons under the outline: real clicks, real operations, remembered layout."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton

from studio.core import load_project
from studio.gui.focus import FocusFeature
from studio.gui.outline.outline_buttons import OutlineButtons
from studio.gui.publishing.feature import PublishingFeature
from studio.gui.safety.feature import SafetyFeature
from studio.gui.search.feature import SearchFeature
from studio.gui.toolbar.feature import ToolbarFeature
from studio.gui.toolbar.tooltips import plain_text, shortcut_tip
from tests.gui.outline_helpers import titles
from tests.gui.window_helpers import make_story, open_test_window


def click(qtbot, toolbar: QToolBar, action) -> None:  # noqa: ANN001
    """Click the toolbar's button for ``action`` with the mouse."""
    button = toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton) and button.isVisible() and button.isEnabled(), action.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def select(qtbot, window, title: str) -> str:  # noqa: ANN001
    """Open the scene ``title`` and put the focus in the outline, as a click on its row does."""
    scene_id = next(s.id for s in window.session.project.iter_scenes() if s.title == title)
    window.show_scene(scene_id)
    window.activateWindow()
    qtbot.waitActive(window)
    window.outline_view.setFocus()
    qtbot.waitUntil(window.outline_view.hasFocus)
    return scene_id


def finish_title(qtbot, window) -> None:  # noqa: ANN001
    """Leave the title of the new row as it is (Esc in its rename box); the outline has the focus."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(window.outline_view.hasFocus)


def test_the_toolbar_holds_the_owners_actions_with_icons_and_shortcut_tips(qtbot, tmp_path):
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    toolbar = ToolbarFeature.instance(window).toolbar
    outline, menus = window.outline_view, window.menus
    publishing = PublishingFeature.instance(window)
    expected = [
        outline.new_scene_action,
        outline.new_part_action,
        outline.move_up_action,
        outline.move_down_action,
        outline.delete_action,
        menus.undo_action,
        menus.redo_action,
        menus.find_action,
        SearchFeature.instance(window).search_action,
        SafetyFeature.instance(window).take_action,
        publishing.import_action,
        publishing.export_action,
        publishing.post_action,
        menus.preferences_action,
    ]
    shown = [a for a in toolbar.actions() if not a.isSeparator()]
    assert shown == expected
    assert all(not a.icon().isNull() for a in shown)
    assert outline.new_scene_action.toolTip().startswith("New Scene (Ctrl+N)\n")
    assert publishing.export_action.toolTip().startswith("Export (Ctrl+E)")
    assert menus.preferences_action.toolTip().startswith("Preferences (Ctrl+,)")
    assert ToolbarFeature.instance(window).toggle_action in window.menu("view").actions()
    assert ToolbarFeature.instance(window).toggle_action in window.createPopupMenu().actions()


def test_new_scene_from_the_toolbar_changes_the_outline_and_undoes_from_the_toolbar(qtbot, tmp_path):
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    toolbar = ToolbarFeature.instance(window).toolbar
    view, project = window.outline_view, window.session.project
    select(qtbot, window, "One 1")
    rows_before = view.outline_model.rowCount(view.outline_model.index(0, 0))
    click(qtbot, toolbar, view.new_scene_action)
    assert [len(p.scenes) for p in project.parts] == [4, 1]
    assert view.outline_model.rowCount(view.outline_model.index(0, 0)) == rows_before + 1
    assert [len(p.scenes) for p in load_project(project.root).parts] == [4, 1]  # on disk too
    finish_title(qtbot, window)
    undo = window.menus.undo_action
    assert undo.text() == "&Undo New Scene"
    assert undo.toolTip().startswith("Undo New Scene (Ctrl+Z)")  # the tip follows the name
    click(qtbot, toolbar, undo)
    assert titles(project) == [("One", ["One 1", "One 2", "One 3"]), ("Two", ["Two 1"])]
    assert view.outline_model.rowCount(view.outline_model.index(0, 0)) == rows_before
    click(qtbot, toolbar, window.menus.redo_action)
    assert [len(p.scenes) for p in project.parts] == [4, 1]


def test_move_and_trash_from_the_toolbar(qtbot, tmp_path):
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    toolbar = ToolbarFeature.instance(window).toolbar
    view, project = window.outline_view, window.session.project
    one_1 = select(qtbot, window, "One 1")
    click(qtbot, toolbar, view.move_down_action)
    assert titles(project)[0] == ("One", ["One 2", "One 1", "One 3"])
    click(qtbot, toolbar, view.move_up_action)
    assert titles(project)[0] == ("One", ["One 1", "One 2", "One 3"])
    click(qtbot, toolbar, view.delete_action)
    assert titles(project)[0] == ("One", ["One 2", "One 3"])
    assert [item.node.id for item in project.trash] == [one_1]


def test_the_buttons_under_the_outline_act_on_the_outline(qtbot, tmp_path):
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    view, project = window.outline_view, window.session.project
    buttons = window.left_tabs.widget(0).findChild(OutlineButtons)
    assert buttons is not None and buttons.isVisible()
    by_action = {b.defaultAction(): b for b in buttons.buttons}
    assert all(
        not b.icon().isNull() and b.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        for b in buttons.buttons
    )
    select(qtbot, window, "One 2")
    qtbot.mouseClick(by_action[view.move_up_action], Qt.MouseButton.LeftButton)
    assert titles(project)[0] == ("One", ["One 2", "One 1", "One 3"])
    qtbot.mouseClick(by_action[view.move_down_action], Qt.MouseButton.LeftButton)
    assert titles(project)[0] == ("One", ["One 1", "One 2", "One 3"])
    qtbot.mouseClick(by_action[view.delete_action], Qt.MouseButton.LeftButton)
    assert titles(project)[0] == ("One", ["One 1", "One 3"])
    qtbot.mouseClick(by_action[view.new_part_action], Qt.MouseButton.LeftButton)
    assert [p.title for p in project.parts] == ["One", "Part 3", "Two"]
    finish_title(qtbot, window)
    qtbot.mouseClick(by_action[view.new_scene_action], Qt.MouseButton.LeftButton)
    assert [len(p.scenes) for p in project.parts] == [2, 1, 1]


def test_hiding_and_moving_the_toolbar_is_remembered_by_the_next_window(qtbot, tmp_path):
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    feature = ToolbarFeature.instance(window)
    assert feature.toolbar.isVisible() and feature.toggle_action.isChecked()
    feature.toggle_action.trigger()  # View › Toolbar
    assert not feature.toolbar.isVisible()
    assert window.close()
    again = open_test_window(qtbot, tmp_path / "story")
    feature = ToolbarFeature.instance(again)
    assert not feature.toolbar.isVisible() and not feature.toggle_action.isChecked()
    feature.toggle_action.trigger()
    again.addToolBar(Qt.ToolBarArea.LeftToolBarArea, feature.toolbar)  # as a drag to the left edge does
    assert again.close()
    third = open_test_window(qtbot, tmp_path / "story")
    toolbar = ToolbarFeature.instance(third).toolbar
    assert toolbar.isVisible() and third.toolBarArea(toolbar) == Qt.ToolBarArea.LeftToolBarArea


def test_focus_mode_hides_the_toolbar_and_brings_it_back(qtbot, tmp_path):
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    toolbar = ToolbarFeature.instance(window).toolbar
    focus = FocusFeature.instance(window)
    focus.set_focus_mode(True)
    assert not toolbar.isVisible()
    focus.set_focus_mode(False)
    assert toolbar.isVisible()


def test_the_toolbar_fits_a_small_window(qtbot, tmp_path):
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    window.resize(1024, 640)
    toolbar = ToolbarFeature.instance(window).toolbar
    qtbot.waitUntil(lambda: toolbar.width() <= 1024)
    hidden = [
        a.text()
        for a in toolbar.actions()
        if not a.isSeparator() and not toolbar.widgetForAction(a).isVisible()
    ]
    assert hidden == []
    assert toolbar.sizeHint().width() <= toolbar.width()


def test_a_tip_reads_the_action_as_the_menu_shows_it(qapp):
    action = QAction("Save && &Quit…")
    action.setShortcut(QKeySequence("Ctrl+Q"))
    assert plain_text(action) == "Save & Quit"
    assert (
        shortcut_tip(action, "Save, then close the window")
        == "Save & Quit (Ctrl+Q)\nSave, then close the window"
    )
    action.setShortcut(QKeySequence())
    assert shortcut_tip(action) == "Save & Quit"
