"""The Story Studio window (PySide6). ``open_window`` is the automation entry point."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studio.gui.main_window import MainWindow


def open_window(project_dir: str | os.PathLike[str], read_only: bool = False) -> MainWindow:
    """Return the main window with the project open, without starting the event loop.

    The caller owns the ``QApplication``. Raises ``StudioError`` if the folder is
    not a project; problems the loader found are listed in a message once shown.
    """
    from studio.app.session import ProjectSession
    from studio.core.storage import load_project
    from studio.gui.app import FEATURES
    from studio.gui.main_window import MainWindow

    project = load_project(project_dir, read_only=read_only)
    return MainWindow(ProjectSession(project), features=FEATURES)
