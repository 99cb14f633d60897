"""Work-arounds for bugs in the Qt binding, applied once at import of the GUI packages.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a
reference, so every signal emitted from Python lowers ``True``'s reference count
by one. On CPython 3.11 (where ``True`` is not immortal) a long session, or a test
run, ends with "Fatal Python error: bool_dealloc". Giving ``True`` and ``False`` a
huge reference count makes them immortal for this process, as CPython 3.12+ does.
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA_REFERENCES = 1 << 40
_applied = False


def keep_bools_alive() -> None:
    """Make ``True`` and ``False`` effectively immortal (a no-op on CPython 3.12+)."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for value in (True, False):
        refcount = ctypes.c_ssize_t.from_address(id(value))
        refcount.value += _EXTRA_REFERENCES
    _applied = True
