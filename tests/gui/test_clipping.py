"""Nothing clipped: every panel and dialog, at 1280x800 and 1024x640, in the light and dark themes.

The checker (tests/gui/clipping.py) measures each visible label, button, field and combo box
with its font metrics against the rectangle its style draws the text in, finds spin boxes without
arrows, and item views that wrap, cut or scroll their rows sideways instead of eliding them.
"""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.core.paths import sample_project_dir
from studio.gui.search.feature import SearchFeature
from studio.gui.theme import apply_theme
from tests.gui.clipping import clipped_widgets
from tests.gui.clipping_tour import WINDOW_STATES, DialogTour, prepare_window
from tests.gui.window_helpers import open_test_window

SIZES = [QSize(1280, 800), QSize(1024, 640)]
THEMES = ["light", "dark"]


@pytest.fixture
def themed(request: pytest.FixtureRequest):  # noqa: ANN201
    """Apply the theme named by the test's parameter; put Qt's plain look back afterwards."""
    name = apply_theme(request.param)
    yield name
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet("")
    app.setPalette(QPalette())


def _settle(qtbot, widget: QWidget) -> None:  # noqa: ANN001
    qtbot.waitExposed(widget)
    QApplication.processEvents()


def _fit_on_screen(dialog: QWidget, size: QSize) -> None:
    """A dialog larger than the screen is as large as the screen (the window manager would do so)."""
    if dialog.width() > size.width() or dialog.height() > size.height():
        dialog.resize(min(dialog.width(), size.width()), min(dialog.height(), size.height()))


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # a tooltip asked for, offscreen
@pytest.mark.parametrize("themed", THEMES, indirect=True)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_nothing_is_clipped(qtbot, tmp_path, themed: str, size: QSize) -> None:  # noqa: ANN001
    root = tmp_path / "story"
    shutil.copytree(sample_project_dir(), root)
    window = open_test_window(qtbot, root)
    window.resize(size)
    prepare_window(window)
    problems: list[str] = []
    seen: set[str] = set()

    def look(where: str, widget: QWidget) -> None:
        _settle(qtbot, widget)
        for found in clipped_widgets(widget):
            if found not in seen:  # a problem in the window is reported once, where it was first seen
                seen.add(found)
                problems.append(f"[{themed} {size.width()}x{size.height()} {where}] {found}")

    for tab in range(window.left_tabs.count()):
        window.left_tabs.setCurrentIndex(tab)
        look(f"left tab {window.left_tabs.tabText(tab)}", window)
    window.left_tabs.setCurrentIndex(0)
    for dock in window.findChildren(QDockWidget):
        dock.show()
        dock.raise_()
        qtbot.waitUntil(lambda dock=dock: dock.widget().isVisible())
        look(f"panel {dock.windowTitle()}", window)
    window.outline_view.setFocus()
    window.outline_view.rename_current()
    editor = window.outline_view.focusWidget()
    assert isinstance(editor, QLineEdit), "F2 opens the rename box"
    look("outline rename box", window)
    window.outline_view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    for name, show in WINDOW_STATES.items():
        show(window)
        look(name, window)
    window.find_bar.close_bar()  # what the writer typed stays where the cursor left it
    search = SearchFeature.instance(window)
    search.show_search()
    search.panel.pattern_edit.setText("lamp")
    search.panel.start_search()
    qtbot.waitUntil(lambda: bool(search.panel.hits))
    look("search results", window)

    for name, dialog in DialogTour(window):
        _fit_on_screen(dialog, size)
        look(f"dialog {name}", dialog)
        dialog.close()
        dialog.deleteLater()
    window.set_read_only(True)  # last: the dialogs above would refuse to open
    look("read-only", window)
    assert not problems, "clipped:\n" + "\n".join(problems)


def test_every_dialog_is_on_the_tour(qtbot, tmp_path) -> None:  # noqa: ANN001
    """A dialog class the tour cannot open fails here: add an opener to clipping_tour.DIALOGS.

    (A dialog that needs nothing but its parent is opened by the tour without one.)
    """
    root = tmp_path / "story"
    shutil.copytree(sample_project_dir(), root)
    window = open_test_window(qtbot, root)
    tour = DialogTour(window)
    for _name, dialog in tour:
        _settle(qtbot, dialog)
        dialog.close()
        dialog.deleteLater()
    assert tour.shown, "the tour opened no dialog"
    assert not tour.missing, f"dialogs the clipping tour cannot open: {tour.missing}"


def test_the_checker_fails_on_a_narrowed_label(qtbot) -> None:  # noqa: ANN001
    """The acceptance check: a label squeezed to 20 px is reported with its class, parents and text."""
    window = QWidget()
    window.setObjectName("narrowWindow")
    qtbot.addWidget(window)
    label = QLabel("Postmistress of Harrow Point for thirty-one years")
    label.setObjectName("narrowLabel")
    label.setFixedWidth(20)
    fitting = QLabel("Fits")
    layout = QVBoxLayout(window)
    layout.addWidget(label)
    layout.addWidget(fitting)
    window.show()
    qtbot.waitExposed(window)
    problems = clipped_widgets(window)
    print("\n".join(problems))  # shown with pytest -s: the failure message of the acceptance note
    assert len(problems) == 1
    assert problems[0].startswith("QLabel#narrowLabel < QWidget#narrowWindow text 'Postmistress of Harrow")
    assert "needs" in problems[0] and "has 20" in problems[0]


def test_the_checker_fails_on_a_spin_box_without_arrows(qtbot) -> None:  # noqa: ANN001
    spin = QSpinBox()
    spin.setObjectName("noArrows")
    qtbot.addWidget(spin)
    spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
    spin.show()
    qtbot.waitExposed(spin)
    assert clipped_widgets(spin) == ["QSpinBox#noArrows text '0': has no arrow buttons (NoButtons)"]


def test_the_checker_fails_on_a_spin_box_whose_arrows_are_not_drawn(qtbot) -> None:  # noqa: ANN001
    spin = QSpinBox()
    spin.setObjectName("blankArrows")
    qtbot.addWidget(spin)
    # a border and padding without button rules: Qt draws the buttons' frames but no arrows
    spin.setStyleSheet("QSpinBox { border: 1px solid #888; border-radius: 6px; padding: 4px 6px; }")
    spin.show()
    qtbot.waitExposed(spin)
    problems = clipped_widgets(spin)
    assert any(p.startswith("QSpinBox#blankArrows text '0': up button draws no arrow") for p in problems)


def test_the_checker_fails_on_a_cut_field_and_one_showing_its_end(qtbot) -> None:  # noqa: ANN001
    window = QWidget()
    qtbot.addWidget(window)
    short = QLineEdit("Aggie, Mrs Pell, the postmistress", window)
    short.setObjectName("tooShort")
    short.setGeometry(0, 0, 200, 8)
    tail = QLineEdit("Postmistress of Harrow Point for thirty-one years; knows everyone’s business", window)
    tail.setObjectName("showsTheEnd")
    tail.setGeometry(0, 40, 120, 30)
    window.show()
    qtbot.waitExposed(window)
    problems = clipped_widgets(window)
    assert any(p.startswith("QLineEdit#tooShort") and "cut top and bottom" in p for p in problems)
    assert any(p.startswith("QLineEdit#showsTheEnd") and "shows the end" in p for p in problems)
    tail.setCursorPosition(0)
    assert not any("showsTheEnd" in p for p in clipped_widgets(window))


def test_the_outline_widened_with_the_mouse_is_remembered(qtbot, tmp_path) -> None:  # noqa: ANN001
    """Drag the outline's edge to the right; the next window opens with the outline as wide."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    root = tmp_path / "story"
    shutil.copytree(sample_project_dir(), root)
    window = open_test_window(qtbot, root)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.splitter.sizes()[0] > 0)
    before = window.splitter.sizes()[0]
    handle = window.splitter.handle(1)
    middle = handle.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)
    QTest.mouseMove(handle, middle + QPoint(60, 0))
    QTest.mouseMove(handle, middle + QPoint(120, 0))
    QTest.mouseRelease(
        handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle + QPoint(120, 0)
    )
    widened = window.splitter.sizes()[0]
    assert widened >= before + 100
    assert window.close()

    again = open_test_window(qtbot, root)
    again.resize(1280, 800)
    qtbot.waitUntil(lambda: abs(again.splitter.sizes()[0] - widened) <= 2)


def test_the_trash_gives_its_room_to_titles(qtbot) -> None:  # noqa: ANN001
    """The Deleted column reads 17:14 today, 1 Dec this year, 1 Dec 2025 before (the tooltip has it all)."""
    from datetime import datetime

    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QTableView

    from studio.gui.outline.trash_panel import ShortDateDelegate

    view = QTableView()
    qtbot.addWidget(view)
    delegate = ShortDateDelegate(view)
    now = datetime.now()
    locale = QLocale()
    assert delegate.displayText(now.strftime("%Y-%m-%d %H:%M"), locale) == now.strftime("%H:%M")
    last_year = now.replace(year=now.year - 1, month=12, day=1)
    assert delegate.displayText(last_year.strftime("%Y-%m-%d %H:%M"), locale) == f"1 Dec {now.year - 1}"
    other = now.replace(day=1 if now.day != 1 else 2)  # this year, not today
    assert delegate.displayText(other.strftime("%Y-%m-%d %H:%M"), locale) == f"{other.day} {other:%b}"
    assert delegate.displayText("not a date", locale) == "not a date"


@pytest.mark.parametrize("themed", ["dark"], indirect=True)
def test_no_light_line_across_the_dark_outline_tabs(qtbot, tmp_path, themed: str) -> None:  # noqa: ANN001
    """The dark theme's tab bar over the outline has no white base line beside its tabs."""
    root = tmp_path / "story"
    shutil.copytree(sample_project_dir(), root)
    window = open_test_window(qtbot, root)
    window.resize(1280, 800)
    QApplication.processEvents()
    tabs = window.left_tabs
    bar = tabs.tabBar()
    top_left = bar.mapTo(window, QPoint(0, 0))
    image = window.grab(QRect(QPoint(0, top_left.y() - 2), QSize(tabs.width(), bar.height() + 4))).toImage()
    right_of_tabs = top_left.x() + bar.tabRect(tabs.count() - 1).right() + 4
    bright = [
        (x, y)
        for y in range(image.height())
        for x in range(right_of_tabs, image.width() - 2)
        if image.pixelColor(x, y).lightness() > 150
    ]
    assert not bright, f"light pixels across the tab bar, first at {bright[0]}"
