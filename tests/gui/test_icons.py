"""The icon set: every icon exists, renders in the theme's colours, re-tints; no stock icons anywhere."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QProxyStyle,
    QStyle,
    QStyleFactory,
)

from studio.gui import messages
from studio.gui.icons import ICON_DIR, Icon, StudioStyle, icon, icon_path, tint
from studio.gui.publishing.feature import PublishingFeature
from studio.gui.safety.feature import SafetyFeature
from studio.gui.theme import PALETTES, apply_theme
from tests.gui.window_helpers import make_story, open_test_window


@pytest.fixture
def app_look():  # noqa: ANN201
    """The theme is app-wide: put the style, sheet and palette back after the test."""
    app = QApplication.instance()
    style, sheet, palette = app.style().name(), app.styleSheet(), app.palette()
    yield app
    app.setStyleSheet(sheet)
    app.setStyle(QStyleFactory.create(style))
    app.setPalette(palette)
    app.setProperty("studioTheme", None)


def inked(image: QImage) -> Counter[str]:
    """The colours of the well-covered pixels of ``image``, counted."""
    return Counter(
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 200
    )


def near(name: str, colour: str) -> bool:
    a, b = QColor(name), QColor(colour)
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= 3


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_icon_exists_and_renders_in_the_theme_text_colour(qapp, app_look, theme):
    apply_theme(theme)
    text = PALETTES[theme]["WindowText"]
    for name in Icon:
        assert icon_path(name).is_file(), name
        image = icon(name).pixmap(QSize(24, 24)).toImage()
        colours = inked(image)
        assert sum(colours.values()) >= 12, f"{name} draws almost nothing"
        assert near(colours.most_common(1)[0][0], text), (name, colours.most_common(3))
        disabled = inked(icon(name).pixmap(QSize(24, 24), QIcon.Mode.Disabled).toImage())
        assert disabled and not near(disabled.most_common(1)[0][0], text), f"{name} not greyed when disabled"


def test_the_same_icon_is_tinted_again_when_the_theme_changes(qapp, app_look):
    new_scene = icon(Icon.NEW_SCENE)
    apply_theme("light")
    light = inked(new_scene.pixmap(QSize(20, 20)).toImage()).most_common(1)[0][0]
    apply_theme("dark")
    dark = inked(new_scene.pixmap(QSize(20, 20)).toImage()).most_common(1)[0][0]
    assert near(light, PALETTES["light"]["WindowText"]) and near(dark, PALETTES["dark"]["WindowText"])
    assert tint().name() == PALETTES["dark"]["WindowText"]


def test_icon_files_are_the_set_and_its_licence():
    on_disk = {path.stem for path in ICON_DIR.glob("*.svg")}
    assert on_disk == {name.value for name in Icon}, "an unused icon shipped, or a used one missing"
    assert "ISC License" in (ICON_DIR / "LICENSE").read_text("utf-8")
    readme = (ICON_DIR.parent / "README.md").read_text("utf-8")
    assert "lucide-static" in readme
    for name in Icon:  # each file is Lucide's, untouched: drawn in currentColor, with its licence line
        svg = icon_path(name).read_text("utf-8")
        assert "currentColor" in svg and "@license lucide-static" in svg, name


def test_a_sharper_screen_gets_a_sharper_pixmap(qapp):
    pixmap = icon(Icon.UNDO).pixmap(QSize(16, 16), 2.0)
    assert pixmap.width() == 32 and pixmap.devicePixelRatio() == 2.0


class ButtonsWithIcons(QProxyStyle):
    """Any style, asked as a desktop that puts icons on dialog buttons asks (KDE, GNOME under xcb)."""

    def styleHint(self, hint, option=None, widget=None, data=None):  # noqa: ANN001, ANN201
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, option, widget, data)


def test_the_app_style_has_no_stock_icons(qapp, app_look):
    apply_theme("light")
    style = QApplication.style()
    for stock in (QStyle.StandardPixmap.SP_DialogOkButton, QStyle.StandardPixmap.SP_DialogCancelButton):
        assert style.standardIcon(stock).isNull()
    warning = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    assert warning.cacheKey() == icon(Icon.WARNING).cacheKey()
    # Where the desktop asks for icons on dialog buttons, Fusion alone puts its green tick there...
    QApplication.setStyle(ButtonsWithIcons(QStyleFactory.create("Fusion")))
    fusion_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    assert not fusion_box.buttons()[0].icon().isNull()
    # ...the app's style none.
    QApplication.setStyle(ButtonsWithIcons(StudioStyle()))
    studio_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    assert studio_box.buttons()[0].icon().isNull()


def test_no_dialog_button_in_the_app_has_an_icon(qtbot, tmp_path, app_look):
    apply_theme("light")
    QApplication.setStyle(ButtonsWithIcons(StudioStyle()))  # as under a desktop that wants icons
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    publishing = PublishingFeature.instance(window)
    opened: list[QDialog] = [
        window.open_preferences(),
        publishing.open_export(),
        publishing.open_import(),
        publishing.open_posting(window.session.project.parts[0].id),
    ]
    SafetyFeature.instance(window).show_backups()
    next(a for a in window.menu("help").actions() if "About" in a.text()).trigger()  # its own dialog
    messages.inform(window, "Cannot open the project", "A one-line reason.")  # a message box too
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert len(boxes) >= len(opened) + 3, [type(b).__name__ for b in boxes]
    assert any(isinstance(b, QMessageBox) for b in boxes)
    buttons = [b for box in boxes for bar in box.findChildren(QDialogButtonBox) for b in bar.buttons()]
    assert buttons
    assert [b.text() for b in buttons if not b.icon().isNull()] == []
    for box in boxes:
        box.close()


def test_a_missing_icon_file_draws_nothing_and_warns_nothing(qapp, tmp_path, monkeypatch):
    from studio.gui import icons

    monkeypatch.setattr(icons, "ICON_DIR", tmp_path)  # as an install without the resources folder
    for cache in ("_renderers", "_shapes", "_pixmaps"):
        monkeypatch.setattr(icons, cache, {})
    image = icons.render(Icon.NEW_SCENE, QSize(16, 16), QColor("#000000")).toImage()
    assert not inked(image)
