"""The look: the app icon, the light and dark style sheets, and following the system theme."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit

from studio.gui.icons import StudioStyle

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ICON_PATH = RESOURCES / "icons" / "story-studio.svg"
STYLES = RESOURCES / "styles"
SPIN_TEXT_INDENT = 5  # a spin box's text starts where a combo box's does


class ThemeStyle(StudioStyle):
    """The app's style, plus what the style sheets cannot say: a spin box's text is indented as a
    combo box's (Qt's style-sheet style puts a spin box's text field at its left edge, padding or not).
    """

    def polish(self, target):  # noqa: ANN001, ANN201 - QStyle.polish takes a widget, palette or app
        """Qt override: indent the text of a spin box's field while a style sheet is applied."""
        if isinstance(target, QLineEdit) and isinstance(target.parentWidget(), QAbstractSpinBox):
            app = QApplication.instance()
            indent = SPIN_TEXT_INDENT if isinstance(app, QApplication) and app.styleSheet() else 0
            target.setTextMargins(indent, 0, 0, 0)
        return super().polish(target)


def app_icon() -> QIcon:
    """Return the Story Studio icon (empty if the resources are not installed)."""
    return QIcon(str(ICON_PATH)) if ICON_PATH.is_file() else QIcon()


def effective_theme(theme: str) -> str:
    """Resolve ``system`` to ``light`` or ``dark`` from the platform's colour scheme."""
    if theme in ("light", "dark"):
        return theme
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


PALETTES = {
    "light": {
        "Window": "#f3f0e9",
        "WindowText": "#3a3833",
        "Base": "#fcfbf7",
        "AlternateBase": "#f0ece3",
        "Text": "#2a2925",
        "Button": "#f0ece3",
        "ButtonText": "#3a3833",
        "Highlight": "#4f8a8b",
        "HighlightedText": "#ffffff",
        "PlaceholderText": "#a39e92",
        "Mid": "#e0dace",
    },
    "dark": {
        "Window": "#1e2023",
        "WindowText": "#cdc8bf",
        "Base": "#232629",
        "AlternateBase": "#1b1d20",
        "Text": "#dcd7ce",
        "Button": "#26292d",
        "ButtonText": "#cdc8bf",
        "Highlight": "#6fa5a6",
        "HighlightedText": "#101214",
        "PlaceholderText": "#6c6962",
        "Mid": "#2f3236",
    },
}


def theme_palette(name: str) -> QPalette:
    """Return the palette matching the ``light`` or ``dark`` style sheet."""
    palette = QPalette()
    for role, colour in PALETTES[name].items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    return palette


def apply_theme(theme: str) -> str:
    """Apply the style sheet for ``theme`` (light, dark or system) to the app; return the one used."""
    app = QApplication.instance()
    name = effective_theme(theme)
    sheet = STYLES / f"{name}.qss"
    if isinstance(app, QApplication):
        app.setStyle(ThemeStyle())  # Fusion, without the platform's stock icons; the app owns it
        app.setPalette(theme_palette(name))
        text = sheet.read_text("utf-8") if sheet.is_file() else ""
        app.setStyleSheet(text.replace("@ICONS@", (RESOURCES / "icons").as_posix()))
        app.setProperty("studioTheme", name)
    return name
