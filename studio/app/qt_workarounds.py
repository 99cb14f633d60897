"""Work-arounds for bugs in the Qt binding, applied once before any PySide6 call.

PySide6 6.12.0 on CPython 3.11 loses references to two singletons:
``SignalInstance.emit()`` returns ``True`` without taking a reference, and calls
returning ``None`` (``setEnabled``, ``processEvents``, ...) drop one reference to
``None``. On 3.11, where these objects are not immortal, a long writing session
ends with "Fatal Python error: bool_dealloc" (1,000 emits are enough). Giving
``None``, ``True`` and ``False`` a huge reference count makes them immortal for
the process, as CPython 3.12+ does by design. A no-op on 3.12+ and other Pythons.
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA_REFERENCES = 1 << 40
_applied: list[bool] = []


def keep_singletons_alive() -> None:
    """Make ``None``, ``True`` and ``False`` effectively immortal (once; a no-op on 3.12+)."""
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for value in (None, True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += _EXTRA_REFERENCES
    _applied.append(True)
