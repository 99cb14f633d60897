"""Window features: one object per window and feature class, found by type, never by name.

``SpellingFeature.instance(window)`` returns the window's spelling feature (creating it on
the first call), typed as ``SpellingFeature``. The objects are kept in a
``WeakKeyDictionary`` per class, so they go with their window. The launcher lists the
features to install (``studio.gui.app.FEATURES``); the window installs them in order and
knows nothing else of them. A feature reaches the window only through its public API.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, ClassVar, Self

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from studio.gui.main_window import MainWindow


class WindowFeature(QObject):
    """Base of the window features; subclasses build their widgets and actions in ``__init__``."""

    _instances: ClassVar[dict[type, weakref.WeakKeyDictionary[MainWindow, WindowFeature]]] = {}

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    @classmethod
    def instance(cls, window: MainWindow) -> Self:
        """The feature object of ``window``, created on the first call."""
        per_window = WindowFeature._instances.setdefault(cls, weakref.WeakKeyDictionary())
        feature = per_window.get(window)
        if feature is None:
            feature = cls(window)
            per_window[window] = feature
        assert isinstance(feature, cls)
        return feature

    @classmethod
    def installed(cls, window: MainWindow) -> Self | None:
        """The feature object of ``window`` if it was installed, else None (never creates one)."""
        per_window = WindowFeature._instances.get(cls)
        feature = per_window.get(window) if per_window is not None else None
        return feature if isinstance(feature, cls) else None
