"""Attacks on Preferences (issue 19 live preview): OK keeps only what the writer changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from studio.gui.settings import AppSettings
from tests.gui.window_helpers import make_story, open_test_window


@pytest.fixture
def app_look():  # noqa: ANN201
    """The theme is app-wide: put the style sheet and palette back after the test."""
    app = QApplication.instance()
    sheet, palette = app.styleSheet(), app.palette()
    yield app
    app.setStyleSheet(sheet)
    app.setPalette(palette)
    app.setProperty("studioTheme", None)


def test_changing_only_the_theme_keeps_a_large_font_size(qtbot, tmp_path: Path, app_look) -> None:  # noqa: ANN001
    """Promise (issue 19 §4, COMMON: nothing lost): settings.ini holds editor_font_size=48 (the
    settings accept it, and the window shows 48 pt). Open Preferences, pick Dark: the preview at
    once shrinks the editor to 36 pt (the spin box's maximum) and OK stores 36. Suspected:
    studio/gui/preferences_dialog.py (size_spin 8..36 clamps the loaded value; choices() reads it)."""
    stored = AppSettings.load()
    stored.editor_font_size = 48
    stored.save()
    window = open_test_window(qtbot, make_story(tmp_path / "story").root)
    window.apply_preferences()
    assert window.settings.editor_font_size == 48 and window.editor.font().pointSize() == 48
    dialog = window.open_preferences()
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    assert window.editor.font().pointSize() == 48
    dialog.accept()
    assert AppSettings.load().editor_font_size == 48


def test_ok_without_a_change_leaves_settings_ini_as_it_was(qtbot, tmp_path: Path, app_look) -> None:  # noqa: ANN001
    """Promise (issue 19 §4): OK keeps what was chosen. Steps: default settings (the editor font
    is "", the best reading font installed), open Preferences, press OK without touching
    anything: settings.ini now names the font found today (editor_font_family="DejaVu Serif"),
    so the app no longer follows its default. Suspected: studio/gui/preferences_dialog.py choices()
    (the font combo's family stored even when unchanged)."""
    window = open_test_window(qtbot, make_story(tmp_path / "story").root)
    window.apply_preferences()
    window.settings.save()
    assert AppSettings.load().editor_font_family == ""
    dialog = window.open_preferences()
    dialog.accept()
    assert AppSettings.load().editor_font_family == "", AppSettings.load().editor_font_family
