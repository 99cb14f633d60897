"""Window features: one object per window and feature class, found by type, never by name.

``SpellingFeature.instance(window)`` returns the window's spelling feature (creating it on
the first call), typed as ``SpellingFeature``. The objects are kept in a
``WeakKeyDictionary`` per class, so they go with their window. The launcher lists the
features to install (``studio.gui.app.FEATURES``); the window installs them in order and
knows nothing else of them. A feature reaches the window only through its public API.

Start-up: ``__init__`` runs before the window's first paint, so it builds only what that
paint shows (actions, small widgets); panels are lazy (``window.add_lazy_panel``). Anything
slow that can wait — a dictionary, an index, a scan of every scene, a worker thread —
belongs in ``after_first_paint``, which the window calls once, right after it has painted.
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

    def after_first_paint(self) -> None:
        """Start the work that can wait until the window has painted (called once; default: nothing).

        The window calls each feature's hook in turn, one per turn of the event loop, right
        after the outline and the editor first paint (or after a short fallback delay for a
        window that is never shown), so typing and repaints slip in between them.
        """

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
