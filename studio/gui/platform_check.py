"""Before Qt starts on Linux: name the X libraries its xcb platform plugin cannot load.

Without them Qt aborts (exit 134) with a message that names the wrong library. This module
runs ``ldd`` on the installed PySide6's xcb plugin and, when some libraries are "not found",
raises a one-line StudioError naming them and the Debian packages to install. Pure Python: it
never imports Qt. Any failure of the check itself (no ``ldd``, no plugin, a timeout) lets the
launch go ahead as before.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from studio.core.errors import StudioError

# The usual sonames Qt's xcb plugin needs, and the Debian/Ubuntu package providing each.
DEBIAN_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libEGL.so.1": "libegl1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libGL.so.1": "libgl1",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$")
_LDD_TIMEOUT = 10  # seconds; a slower ldd is treated as a failed check


def will_use_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will start on the xcb platform: Linux, QT_QPA_PLATFORM unset (or empty) or xcb."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if not chosen:
        return bool(environ.get("DISPLAY")) or not environ.get("WAYLAND_DISPLAY")
    first = chosen.split(";")[0].split(":")[0].strip()  # "xcb:option=..." or "xcb;wayland"
    return first == "xcb"


def missing_libraries(ldd_output: str) -> list[str]:
    """The sonames ``ldd`` reports as ``NAME => not found``, in order, each once."""
    found: list[str] = []
    for line in ldd_output.splitlines():
        match = _NOT_FOUND.match(line)
        if match and match.group(1) not in found:
            found.append(match.group(1))
    return found


def debian_package(soname: str) -> str | None:
    """The Debian package that provides ``soname``, or None when it is not one of the usual ones."""
    return DEBIAN_PACKAGES.get(soname)


def packages_for(sonames: Iterable[str]) -> list[str]:
    """The packages for ``sonames``, each once; an unknown soname is listed as it is."""
    packages: list[str] = []
    for soname in sonames:
        package = debian_package(soname) or soname
        if package not in packages:
            packages.append(package)
    return packages


def message_for(sonames: list[str]) -> str:
    """The one line that names the missing libraries and how to install them."""
    known = [name for name in sonames if debian_package(name)]
    unknown = [name for name in sonames if not debian_package(name)]
    line = f"Qt's X11 (xcb) platform cannot start: missing {', '.join(sonames)}"
    if known:
        line += f"; on Debian/Ubuntu: sudo apt-get install {' '.join(packages_for(known))}"
        if unknown:
            line += f" and the packages providing {', '.join(unknown)}"
    else:
        line += "; install the packages that provide them"
    return line


def xcb_plugin_files() -> list[Path]:
    """The installed PySide6's xcb platform plugin and its xcb QPA library (those that exist)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return []
    qt = Path(next(iter(spec.submodule_search_locations)), "Qt")
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return []
    return [path for path in (plugin, qt / "lib" / "libQt6XcbQpa.so.6") if path.is_file()]


def run_ldd(ldd: str, path: Path) -> str:
    """``ldd``'s output for ``path`` ("" when it fails)."""
    result = subprocess.run(
        [ldd, str(path)], capture_output=True, text=True, errors="replace", timeout=_LDD_TIMEOUT, check=False
    )
    return result.stdout if result.returncode == 0 else ""


def find_missing_xcb_libraries() -> list[str]:
    """The libraries Qt's xcb plugin needs that are not installed ([] when unknown)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    missing: list[str] = []
    for path in xcb_plugin_files():
        for name in missing_libraries(run_ldd(ldd, path)):
            if name not in missing:
                missing.append(name)
    return missing


def check_xcb_libraries(environ: Mapping[str, str] | None = None) -> None:
    """Raise a one-line StudioError when Qt is about to start on xcb without its libraries.

    Never blocks a launch because of the check itself: any error while checking is ignored.
    """
    env = os.environ if environ is None else environ
    if not will_use_xcb(env):
        return
    try:
        missing = find_missing_xcb_libraries()
    except Exception:  # the check must never stop a launch that might work
        return
    if missing:
        raise StudioError(message_for(missing))
