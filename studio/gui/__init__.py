"""The Story Studio window (PySide6). ``open_window`` is the automation entry point."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import PySide6.QtCore  # noqa: F401 - loads shiboken's feature hook, which the next lines tame

if TYPE_CHECKING:
    from types import ModuleType


def _uses_pyside(_module: ModuleType) -> bool:
    return True


def skip_feature_source_scan() -> None:
    """Stop PySide6 reading the source of every module imported after it.

    Its ``__feature__`` hook reads each new module's source (into ``linecache``) to see whether it
    mentions PySide6: about 15 ms and 8 MB at start-up. Nothing here uses ``__feature__``, so every
    module gets the default selection, the one the scan would give a module that uses Qt.
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]


skip_feature_source_scan()

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
