"""Work-arounds for bugs in the Qt binding, applied once at the entry point, before any Qt object.

PySide6 6.12.0 on CPython 3.11 loses references to two singletons:
``SignalInstance.emit()`` returns ``True`` without taking a reference, and calls
returning ``None`` (``setEnabled``, ``processEvents``, ...) drop one reference to
``None``. On 3.11, where these objects are not immortal, a long writing session
ends with "Fatal Python error: bool_dealloc" (1,000 emits are enough). Giving
``None``, ``True`` and ``False`` a huge reference count makes them immortal for
the process, as CPython 3.12+ does by design.

The dependency excludes 6.12.0, so this only ever runs when someone installs it anyway:
``keep_singletons_alive`` checks the exact version and does nothing otherwise.
"""

from __future__ import annotations

import ctypes
import sys

BROKEN_PYSIDE = "6.12.0"
_EXTRA_REFERENCES = 1 << 40
_applied: list[bool] = []


def singletons_need_help(
    pyside_version: str | None = None, python: tuple[int, ...] | None = None, implementation: str = ""
) -> bool:
    """Whether this PySide6 and Python lose references to ``None``/``True``/``False`` (6.12.0 on < 3.12)."""
    if pyside_version is None:
        import PySide6  # the package only: no Qt object is made

        pyside_version = PySide6.__version__
    python = tuple(sys.version_info[:2]) if python is None else python
    implementation = implementation or sys.implementation.name
    return pyside_version == BROKEN_PYSIDE and python < (3, 12) and implementation == "cpython"


def keep_singletons_alive() -> bool:
    """Make ``None``, ``True`` and ``False`` immortal when the binding needs it; return whether applied."""
    if _applied:
        return True
    if not singletons_need_help():
        return False
    for value in (None, True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += _EXTRA_REFERENCES
    _applied.append(True)
    return True
