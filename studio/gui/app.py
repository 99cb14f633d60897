"""Start the window: pick the project, apply the theme, and run (or take a screenshot and exit)."""

from __future__ import annotations

import argparse
import linecache
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QMessageLogContext, QSize, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from studio.app.qt_workarounds import keep_singletons_alive
from studio.core.errors import StudioError
from studio.core.paths import sample_project_dir
from studio.gui import messages
from studio.gui.characters.feature import CharactersFeature
from studio.gui.clipboard import hand_over_clipboard
from studio.gui.features import WindowFeature
from studio.gui.first_paint import after_first_paint, announce_ready
from studio.gui.focus import FocusFeature
from studio.gui.goals.feature import GoalsFeature
from studio.gui.help.feature import HelpFeature
from studio.gui.labels.feature import LabelsFeature
from studio.gui.notes.feature import NotesFeature
from studio.gui.platform_check import check_xcb_libraries
from studio.gui.proofreading.feature import ProofreadingFeature
from studio.gui.publishing.feature import PublishingFeature
from studio.gui.safety.feature import SafetyFeature
from studio.gui.search.feature import SearchFeature
from studio.gui.settings import AppSettings
from studio.gui.spelling.feature import SpellingFeature
from studio.gui.theme import app_icon, apply_theme
from studio.gui.toolbar.feature import ToolbarFeature
from studio.gui.views.feature import ViewsFeature

if TYPE_CHECKING:
    from studio.gui.main_window import MainWindow

# The window's features, installed in this order (the one list of them).
FEATURES: tuple[type[WindowFeature], ...] = (
    SpellingFeature,
    CharactersFeature,
    PublishingFeature,
    SafetyFeature,
    SearchFeature,
    FocusFeature,
    GoalsFeature,
    NotesFeature,
    LabelsFeature,
    ProofreadingFeature,
    ViewsFeature,  # after GoalsFeature (its dimming wraps the outline's words delegate) and Labels
    HelpFeature,
    ToolbarFeature,  # last: it shows the actions of the features above
)

# Open windows, so they are not garbage-collected; each leaves the list when it is destroyed.
WINDOWS: list[QWidget] = []


def ensure_application() -> QApplication:
    """Return the running QApplication, creating it if needed."""
    # the instance is a QApplication: this module makes it, and only a QApplication has windows
    app = cast("QApplication | None", QApplication.instance())
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Story Studio")
    app.setOrganizationName("story-studio")
    app.setDesktopFileName("story-studio")
    app.setWindowIcon(app_icon())
    return app


def project_to_open(project: str | None, settings: AppSettings) -> Path | None:
    """The project given, else the last one opened (if it still exists), else the sample."""
    if project:
        return Path(project)
    if settings.last_project and Path(settings.last_project, "story.json").is_file():
        return Path(settings.last_project)
    return sample_project_dir()


def parse_size(text: str) -> QSize:
    """Parse ``WIDTHxHEIGHT``; raise StudioError when malformed."""
    try:
        width, height = (int(n) for n in text.lower().split("x"))
    except ValueError:
        raise StudioError(f"--size {text!r}: expected WIDTHxHEIGHT, e.g. 1280x800") from None
    if width < 200 or height < 200:
        raise StudioError(f"--size {text!r}: too small (at least 200x200)")
    return QSize(width, height)


def open_project(
    path: str | Path, replacing: QWidget | None = None, read_only: bool = False
) -> QWidget | None:
    """Open a project in a new window (closing ``replacing`` first); None if it could not open."""
    from studio.app.session import ProjectSession
    from studio.core.storage import load_project
    from studio.gui.main_window import MainWindow

    try:
        project = load_project(path, read_only=read_only)
    except StudioError as error:
        messages.inform(replacing, "Cannot open the project", str(error))
        return None
    geometry = replacing.geometry() if replacing is not None else None
    if replacing is not None and not replacing.close():
        return None  # the old window could not save and the writer chose to stay
    window = MainWindow(ProjectSession(project), features=FEATURES)
    keep(window)
    if geometry is not None:
        window.setGeometry(geometry)
    window.show()
    return window


def choose_project(parent: QWidget) -> None:
    """Ask for a project folder and open it."""
    folder = QFileDialog.getExistingDirectory(parent, "Open Project", str(Path.home()))
    if folder:
        open_project(folder, parent)


def new_project_dialog(parent: QWidget) -> None:
    """Ask for a new project's details, create it and open it."""
    from studio.gui.new_project_dialog import NewProjectDialog

    dialog = NewProjectDialog(parent)
    dialog.accepted.connect(
        lambda: open_project(dialog.created_path, parent) if dialog.created_path else None
    )
    dialog.open()


def take_screenshot(window: MainWindow, target: str, size: QSize, app: QApplication) -> int:
    """Show the window at ``size``, wait until the project and its scene are shown, save a PNG."""
    window.resize(size)
    done: list[int] = []

    def shoot() -> None:
        characters = CharactersFeature.installed(window)
        if characters is not None:  # the big first scan starts after the first paint: show its result
            characters.tracker.wait_idle()
        app.processEvents()
        ok = window.grab().save(target)
        if not ok:
            print(f"studio: {target}: cannot save the screenshot", file=sys.stderr)
        done.append(0 if ok else 1)
        window.close()
        app.quit()

    window.project_shown.connect(lambda: QTimer.singleShot(0, shoot))
    window.show()
    app.exec()
    return done[0] if done else 1


_OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def _quiet_offscreen_noise(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Pass Qt's messages to stderr, less the offscreen platform's size-hint warning."""
    if message != _OFFSCREEN_NOISE:
        print(message, file=sys.stderr)


def run_app(args: argparse.Namespace) -> int:
    """Run the window for ``args.project`` (or take ``args.screenshot``); return the exit code."""
    keep_singletons_alive()  # before any Qt object: a no-op unless the binding is the broken 6.12.0
    if getattr(args, "screenshot", None):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # never flash a window for a screenshot
    check_xcb_libraries()  # before Qt starts: name missing X libraries instead of Qt's abort
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        qInstallMessageHandler(_quiet_offscreen_noise)
    app = ensure_application()
    app.aboutToQuit.connect(hand_over_clipboard)  # PySide6 crashes at exit on Python-made mime data
    if not getattr(args, "screenshot", None):
        quit_on_signals(app)  # before the project opens, so an early Ctrl+C still closes cleanly
    settings = AppSettings.load()
    apply_theme(settings.theme)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: follow_system_theme())
    path = project_to_open(getattr(args, "project", None), settings)
    if path is None:
        raise StudioError("no project to open: pass a project folder, or create one with 'studio new'")
    read_only = bool(getattr(args, "read_only", False))
    from studio.gui import open_window

    size = (
        parse_size(getattr(args, "size", None) or "1280x800") if getattr(args, "screenshot", None) else None
    )
    window = open_window(path, read_only=read_only)  # a StudioError becomes one line on stderr
    if size is not None:
        return take_screenshot(window, args.screenshot, size, app)
    keep(window)
    # PySide6 reads the source of every module imported after it (looking for ``__feature__``)
    # and leaves it all in linecache: several MB that nothing needs once the window is up.
    after_first_paint(window.editor.viewport(), linecache.clearcache)
    announce_ready([window.outline_view.viewport(), window.editor.viewport()])
    window.show()
    return app.exec()


def quit_on_signals(app: QApplication) -> None:
    """Close every window (saving, as Quit does) on Ctrl+C or SIGTERM from the shell.

    Python handles signals only when it runs, so a slow idle timer hands it control.
    """

    def close_all(_number: int, _frame: object) -> None:
        QTimer.singleShot(0, app.closeAllWindows)  # runs once the event loop does

    signal.signal(signal.SIGINT, close_all)
    signal.signal(signal.SIGTERM, close_all)
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(250)


def follow_system_theme() -> None:
    """Re-apply the theme when the system switches between light and dark (if set to follow it)."""
    settings = AppSettings.load()
    if settings.theme == "system":
        apply_theme("system")


def keep(window: QWidget) -> None:
    """Hold a reference to an open window until it is destroyed (closed windows delete themselves)."""
    WINDOWS.append(window)
    window.destroyed.connect(lambda *_: WINDOWS.remove(window) if window in WINDOWS else None)
