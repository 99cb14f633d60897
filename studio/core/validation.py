"""Bounds on what the app reads: JSON that is deep, huge or holds lone surrogates, odd language codes.

Qt aborts on a lone surrogate and deep values overflow the stack, so both are dealt with
where a file is loaded, never where a value is shown.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from studio.core.errors import StudioError

MAX_DEPTH = 32
MAX_TEXT = 1_000_000
MAX_DIGITS = 100  # beyond this a number is damage, not data (Python itself stops at 4,300)
MAX_JSON_BYTES = 64 * 1024 * 1024
MAX_PROBLEMS = 20
LANGUAGE_PATTERN = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class DamagedValueError(StudioError):
    """A JSON value is nested too deeply, too long or too large to be taken in."""


class UnreadableFileError(StudioError):
    """A file of the project cannot be read (a link loop, no permission)."""


class NotPlainFileError(UnreadableFileError):
    """A FIFO, socket, device or folder stands where a file belongs."""


def read_plain_bytes(path: Path, limit: int | None = None) -> bytes:
    """Read a regular file (after links); refuse anything else without opening it.

    Raises ``FileNotFoundError`` when absent, ``NotPlainFileError`` for a FIFO, socket,
    device or folder (opening a FIFO would wait forever), and for a file over ``limit``.
    """
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise NotPlainFileError(f"{path}: cannot read: Is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise NotPlainFileError(f"{path}: not a plain file (a FIFO, socket or device); never opened")
    if limit is not None and info.st_size > limit:
        raise NotPlainFileError(f"{path}: too large ({info.st_size:,} bytes)")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped in since the check
            raise NotPlainFileError(f"{path}: not a plain file")
        return handle.read()


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise DamagedValueError(f"a number with more than {MAX_DIGITS} digits")
    return int(text)


def loads_bounded(text: str) -> Any:
    """Decode JSON text, refusing deep nesting and huge numbers (``ValueError`` or ``StudioError``)."""
    try:
        return json.loads(text, parse_int=_parse_int)
    except RecursionError:
        raise DamagedValueError("nested too deeply") from None


def has_surrogate(text: str) -> bool:
    """Tell whether ``text`` holds a lone surrogate (it cannot be encoded, shown or used as a name)."""
    return _SURROGATE.search(text) is not None


def may_hold_surrogates(text: str) -> bool:
    """Tell whether JSON text may decode to a lone surrogate (only a ``\\uD800``-style escape can)."""
    return _SURROGATE_ESCAPE.search(text) is not None


class ValueCleaner:
    """Checks decoded JSON values: bounded depth and length, lone surrogates replaced and noted."""

    def __init__(self, surrogates: bool = True) -> None:
        self.surrogates = surrogates
        self.problems: list[str] = []

    def note(self, message: str) -> None:
        """Record a repair, keeping the list short."""
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(message)
        elif len(self.problems) == MAX_PROBLEMS:
            self.problems.append("… and more values repaired")

    def text(self, value: str, where: str) -> str:
        """Return ``value`` checked for length, lone surrogates replaced with U+FFFD."""
        if len(value) > MAX_TEXT:
            raise DamagedValueError(f"{where}: text longer than {MAX_TEXT:,} characters")
        if self.surrogates and _SURROGATE.search(value):
            self.note(f"{where}: a lone surrogate (invalid Unicode) replaced with U+FFFD")
            return _SURROGATE.sub("\ufffd", value)
        return value

    def value(self, value: Any, where: str, depth: int = 0) -> Any:
        """Return a JSON value checked all the way down."""
        if depth > MAX_DEPTH:
            raise DamagedValueError(f"{where}: nested too deeply (more than {MAX_DEPTH} levels)")
        if isinstance(value, str):
            return self.text(value, where)
        if isinstance(value, dict):
            return {
                self.text(k, f"{where} key"): self.value(v, f"{where}.{shown_key(k)}", depth + 1)
                for k, v in value.items()
            }
        if isinstance(value, list):
            return [self.value(v, f"{where}[{i}]", depth + 1) for i, v in enumerate(value)]
        return value


def shown_key(key: str) -> str:
    """A key as a message names it: surrogates replaced, cut short."""
    shown = _SURROGATE.sub("\ufffd", key)
    return shown if len(shown) <= 40 else shown[:40] + "…"


def check_language(value: str, problems: list[str], where: str) -> str:
    """Return ``value`` if it is a short language code (``en``, ``en-GB``), else ``en`` with a problem."""
    if LANGUAGE_PATTERN.fullmatch(value):
        return value
    shown = value if len(value) <= 40 else value[:40] + "…"
    problems.append(f"{where}: {shown!r} is not a language code; using en")
    return "en"


def check_settings(settings: dict[str, Any], problems: list[str], where: str) -> None:
    """Note (and for records the importer reads, drop) settings of the wrong type."""
    export = settings.get("export")
    if export is not None and not isinstance(export, dict):
        problems.append(f"{where}.export: expected an object; the default export options are used")
    imports = settings.get("imports")
    if imports is None:
        return
    if not isinstance(imports, list):
        problems.append(f"{where}.imports: expected a list; ignored")
        del settings["imports"]
        return
    kept = [r for r in imports if isinstance(r, dict) and isinstance(r.get("parts", []), list)]
    if len(kept) != len(imports):
        problems.append(f"{where}.imports: {len(imports) - len(kept)} damaged record(s) dropped")
        settings["imports"] = kept
