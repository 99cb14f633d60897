"""Work around a PySide6 6.12 bug on Python 3.11: calls returning None drop a reference to None.

Every PySide6 call returning ``None`` (``processEvents``, ``setEnabled``, ``QTest.qWait``, ...)
decrements ``None``'s reference count once too often. On Python 3.12+ ``None`` is immortal
and nothing happens; on 3.11 the count reaches zero after a few thousand calls and the
interpreter aborts ("none_dealloc: deallocating None"). Giving ``None`` a very large
reference count once makes it as good as immortal, as it is on newer Pythons.
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA_REFERENCES = 1 << 40
_applied: list[bool] = []


def keep_none_alive() -> None:
    """Make ``None`` effectively immortal on Python < 3.12 (once; a no-op elsewhere)."""
    if sys.version_info >= (3, 12) or _applied or sys.implementation.name != "cpython":
        return
    count = ctypes.c_ssize_t.from_address(id(None))
    count.value += _EXTRA_REFERENCES
    _applied.append(True)
