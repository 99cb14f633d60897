"""The app's one icon set (Lucide, in resources/icons/lucide), tinted with the theme's text colour.

``icon(Icon.NEW_SCENE)`` returns a ``QIcon`` that draws its SVG in the current palette's
text colour (greyed when disabled), reading the palette each time it paints: a theme
switch re-tints every icon on the next repaint. Nothing is read or rendered until an
icon is first painted, and each rendered size is cached.

``StudioStyle`` is the app's style (Fusion) without the platform's stock icons: dialog
buttons have none, and message boxes, clear buttons and the toolbar's overflow button
use this set.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parents[2] / "resources" / "icons" / "lucide"
DISABLED_OPACITY = 0.4  # a disabled icon: the text colour this much over the window colour


class Icon(StrEnum):
    """Every icon the app uses; the value is the Lucide file name (without ``.svg``)."""

    NEW_SCENE = "file-plus"
    NEW_PART = "folder-plus"
    NEW_PROJECT = "book-plus"
    OPEN_PROJECT = "folder-open"
    SAVE = "save"
    TRASH = "trash-2"
    MOVE_UP = "arrow-up"
    MOVE_DOWN = "arrow-down"
    RENAME = "pencil"
    UNDO = "undo-2"
    REDO = "redo-2"
    CUT = "scissors"
    COPY = "copy"
    PASTE = "clipboard-paste"
    PASTE_PLAIN = "clipboard-type"
    FIND = "search"
    SEARCH_PROJECT = "text-search"
    EXPORT = "file-output"
    IMPORT = "import"
    POST = "send"
    CHANGES = "file-diff"
    SNAPSHOT = "camera"
    RESTORE_BACKUP = "archive-restore"
    PREFERENCES = "settings"
    QUIT = "log-out"
    ITALIC = "italic"
    BOLD = "bold"
    ZOOM_IN = "zoom-in"
    ZOOM_OUT = "zoom-out"
    SPLIT = "split"
    MERGE = "merge"
    NEW_CHARACTER = "user-plus"
    RENAME_CHARACTER = "user-pen"
    WORD_LIST = "book-a"
    LANGUAGE = "languages"
    STATISTICS = "chart-column"
    TARGET = "target"
    INFO = "info"
    WARNING = "triangle-alert"
    ERROR = "circle-x"
    QUESTION = "circle-help"
    CLOSE = "x"
    MORE_RIGHT = "chevrons-right"
    MORE_DOWN = "chevrons-down"


def icon_path(name: Icon) -> Path:
    """The SVG file of ``name``."""
    return ICON_DIR / f"{name.value}.svg"


def tint(mode: QIcon.Mode = QIcon.Mode.Normal) -> QColor:
    """The colour an icon is drawn in for ``mode``, from the application's palette now."""
    palette = QGuiApplication.palette()
    colour = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    if mode != QIcon.Mode.Disabled:
        return colour
    back = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window)
    mixed = QColor()
    mixed.setRgbF(
        *(
            DISABLED_OPACITY * fore + (1 - DISABLED_OPACITY) * behind
            for fore, behind in (
                (colour.redF(), back.redF()),
                (colour.greenF(), back.greenF()),
                (colour.blueF(), back.blueF()),
            )
        )
    )
    return mixed


_renderers: dict[Icon, QSvgRenderer] = {}
_shapes: dict[tuple[Icon, int, int], QPixmap] = {}
_pixmaps: dict[tuple[Icon, int, int, int, float], QPixmap] = {}
_icons: dict[Icon, QIcon] = {}
_engines: list[QIconEngine] = []  # engines handed to Qt stay referenced here for the app's life


def _shape(name: Icon, width: int, height: int) -> QPixmap:
    """The icon drawn once per size (its colour is set by ``render``); the SVG is read once."""
    key = (name, width, height)
    shape = _shapes.get(key)
    if shape is None:
        renderer = _renderers.get(name)
        if renderer is None:
            from PySide6.QtSvg import QSvgRenderer  # on first paint, not at start-up

            path = icon_path(name)  # not installed (a wheel without resources): drawn empty, no warning
            renderer = _renderers[name] = QSvgRenderer(str(path)) if path.is_file() else QSvgRenderer()
        shape = _shapes[key] = QPixmap(width, height)
        shape.fill(Qt.GlobalColor.transparent)
        if renderer.isValid():
            side = min(width, height)
            painter = QPainter(shape)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QRectF((width - side) / 2, (height - side) / 2, side, side))
            painter.end()
    return shape


def render(name: Icon, size: QSize, colour: QColor, scale: float = 1.0) -> QPixmap:
    """Draw ``name`` at ``size`` (device-independent pixels) in ``colour``; cached."""
    width, height = max(1, round(size.width() * scale)), max(1, round(size.height() * scale))
    key = (name, colour.rgba(), width, height, scale)
    pixmap = _pixmaps.get(key)
    if pixmap is None:
        pixmap = _pixmaps[key] = QPixmap(_shape(name, width, height))
        painter = QPainter(pixmap)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), colour)  # the shape's coverage, in the colour
        painter.end()
        pixmap.setDevicePixelRatio(scale)
    return pixmap


class _TintedSvgEngine(QIconEngine):
    """Draws one icon of the set in the palette's colour at paint time (never stored tinted)."""

    def __init__(self, name: Icon) -> None:
        super().__init__()
        self.name = name

    def pixmap(self, size: QSize, mode: QIcon.Mode, _state: QIcon.State) -> QPixmap:
        """Qt override: the icon at ``size``."""
        return render(self.name, size, tint(mode))

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, _state: QIcon.State, scale: float) -> QPixmap:
        """Qt override: the icon at ``size`` for a screen of device pixel ratio ``scale``."""
        return render(self.name, size, tint(mode), scale)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, _state: QIcon.State) -> None:
        """Qt override: draw the icon into ``rect``."""
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(rect, render(self.name, rect.size(), tint(mode), scale))

    def actualSize(self, size: QSize, _mode: QIcon.Mode, _state: QIcon.State) -> QSize:
        """Qt override: the icons are square and scale to any size."""
        side = min(size.width(), size.height())
        return QSize(side, side)

    def clone(self) -> QIconEngine:
        """Qt override: a copy (Qt owns it; kept referenced so Python never frees it first)."""
        engine = _TintedSvgEngine(self.name)
        _engines.append(engine)
        return engine

    def key(self) -> str:
        """Qt override: the engine's name."""
        return "studio-tinted-svg"

    def isNull(self) -> bool:
        """Qt override: never null."""
        return False


def icon(name: Icon) -> QIcon:
    """The icon ``name``, tinted for the current theme at every paint."""
    found = _icons.get(name)
    if found is None:
        engine = _TintedSvgEngine(name)
        _engines.append(engine)
        found = _icons[name] = QIcon(engine)
    return found


# The platform's stock icons, replaced: None = no icon at all (dialog buttons carry words only).
_STANDARD: dict[QStyle.StandardPixmap, Icon | None] = {
    QStyle.StandardPixmap.SP_MessageBoxInformation: Icon.INFO,
    QStyle.StandardPixmap.SP_MessageBoxWarning: Icon.WARNING,
    QStyle.StandardPixmap.SP_MessageBoxCritical: Icon.ERROR,
    QStyle.StandardPixmap.SP_MessageBoxQuestion: Icon.QUESTION,
    QStyle.StandardPixmap.SP_LineEditClearButton: Icon.CLOSE,
    QStyle.StandardPixmap.SP_TitleBarCloseButton: Icon.CLOSE,
    QStyle.StandardPixmap.SP_DockWidgetCloseButton: Icon.CLOSE,
    QStyle.StandardPixmap.SP_ToolBarHorizontalExtensionButton: Icon.MORE_RIGHT,
    QStyle.StandardPixmap.SP_ToolBarVerticalExtensionButton: Icon.MORE_DOWN,
}
_NO_ICON = {
    pixmap
    for name, pixmap in QStyle.StandardPixmap.__members__.items()
    if name.startswith("SP_Dialog") or name == "SP_RestoreDefaultsButton"
}


class StudioStyle(QProxyStyle):
    """Fusion without stock icons: dialog buttons get none, other standard icons come from the set."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def standardIcon(
        self,
        standard: QStyle.StandardPixmap,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        """Qt override: the set's icon for ``standard``, none for a dialog button, else Fusion's."""
        if standard in _NO_ICON:
            return QIcon()
        name = _STANDARD.get(standard)
        if name is not None:
            return icon(name)
        return super().standardIcon(standard, option, widget)
