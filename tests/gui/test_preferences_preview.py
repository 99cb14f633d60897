"""Preferences preview the look as it is chosen: the theme, the font and its size; Cancel puts it back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from studio.gui.preferences_dialog import PreferencesDialog
from studio.gui.settings import AppSettings
from tests.gui.window_helpers import make_story, open_test_window


@pytest.fixture
def app_look() -> Iterator[QApplication]:
    """The theme is app-wide: put the style sheet and palette back after the test."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    sheet, palette = app.styleSheet(), app.palette()
    yield app
    app.setStyleSheet(sheet)
    app.setPalette(palette)
    app.setProperty("studioTheme", None)


def open_preferences(qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    window.settings.theme = "light"
    window.apply_preferences()
    dialog = window.open_preferences()
    assert isinstance(dialog, PreferencesDialog)
    return window, dialog


def test_theme_and_font_size_apply_at_once_and_cancel_puts_them_back(
    qtbot, tmp_path: Path, app_look: QApplication
) -> None:  # noqa: ANN001
    window, dialog = open_preferences(qtbot, tmp_path)
    size = window.editor.font().pointSize()
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    assert app_look.property("studioTheme") == "dark"  # before OK
    dialog.size_spin.setValue(size + 5)
    assert window.editor.font().pointSize() == size + 5
    assert window.settings.theme == "light" and AppSettings.load().theme != "dark"  # nothing kept yet
    dialog.reject()  # Cancel
    assert app_look.property("studioTheme") == "light"
    assert window.editor.font().pointSize() == size
    assert AppSettings.load().editor_font_size == window.settings.editor_font_size


def test_ok_keeps_what_was_previewed(qtbot, tmp_path: Path, app_look: QApplication) -> None:  # noqa: ANN001
    window, dialog = open_preferences(qtbot, tmp_path)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.look_combo.setCurrentIndex(dialog.look_combo.findData("manuscript"))
    assert window.editor.paragraph_look == "manuscript"
    dialog.accept()
    assert app_look.property("studioTheme") == "dark" and window.editor.paragraph_look == "manuscript"
    stored = AppSettings.load()
    assert (stored.theme, stored.paragraph_look) == ("dark", "manuscript")


def test_escape_is_a_cancel_too(qtbot, tmp_path: Path, app_look: QApplication) -> None:  # noqa: ANN001
    window, dialog = open_preferences(qtbot, tmp_path)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    qtbot.keyClick(dialog, "\x1b")
    assert not dialog.isVisible() and app_look.property("studioTheme") == "light"
