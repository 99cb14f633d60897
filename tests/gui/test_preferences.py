"""Settings and preferences: typed, stored in settings.ini in the config folder, applied to the window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from studio.gui.preferences_dialog import PreferencesDialog
from studio.gui.settings import AppSettings
from studio.gui.theme import effective_theme
from tests.gui.window_helpers import make_story, open_test_window


def test_settings_round_trip_in_config_folder(isolated_config):
    settings = AppSettings(editor_font_size=17, theme="dark")
    settings.remember_project("/a")
    settings.remember_project("/b")
    settings.remember_project("/a")
    settings.last_scenes["/a"] = "s-1"
    settings.save()
    assert (isolated_config / "settings.ini").is_file()
    again = AppSettings.load()
    assert again.editor_font_size == 17
    assert again.theme == "dark"
    assert again.recent_projects == ["/a", "/b"]
    assert again.last_scenes == {"/a": "s-1"}


def test_malformed_settings_fall_back_to_defaults(isolated_config):
    (isolated_config / "settings.ini").write_text(
        '[General]\neditor_font_size="big"\ntheme="purple"\nrecent_projects=nonsense{\n', "utf-8"
    )
    settings = AppSettings.load()
    assert settings.editor_font_size == 13
    assert settings.theme == "system"
    assert settings.recent_projects == []


def test_preferences_dialog_applies_and_persists(qtbot, tmp_path):
    app = QApplication.instance()
    # the theme is app-wide: put it back afterwards
    original_sheet, original_palette = app.styleSheet(), app.palette()
    try:
        _check_preferences(qtbot, tmp_path)
    finally:
        app.setStyleSheet(original_sheet)
        app.setPalette(original_palette)
        app.setProperty("studioTheme", None)


def _check_preferences(qtbot, tmp_path):
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    assert window.settings.theme == "system"
    window.findChild(type(window.menus.save_action), "preferencesAction").trigger()
    dialog = window.preferences_dialog
    assert isinstance(dialog, PreferencesDialog)
    dialog.size_spin.setValue(18)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.accept()
    assert window.editor.font().pointSize() == 18
    assert QApplication.instance().property("studioTheme") == "dark"
    stored = AppSettings.load()
    assert stored.editor_font_size == 18
    assert stored.theme == "dark"
    assert effective_theme("light") == "light"
