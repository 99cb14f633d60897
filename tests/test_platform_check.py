"""The xcb library check before Qt starts: ldd parsing, package names, when to check, the CLI line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from studio.core.errors import StudioError
from studio.gui import platform_check
from studio.gui.platform_check import (
    check_xcb_libraries,
    debian_package,
    message_for,
    missing_libraries,
    packages_for,
    will_use_xcb,
)

REPO = Path(__file__).resolve().parents[1]

LDD_ALL_FOUND = """\
\tlinux-vdso.so.1 (0x00007ffc5d9f3000)
\tlibQt6XcbQpa.so.6 => /opt/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f2b1c000000)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f2b1bff0000)
\tlibEGL.so.1 => /lib/x86_64-linux-gnu/libEGL.so.1 (0x00007f2b1bfd0000)
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f2b1bc00000)
\t/lib64/ld-linux-x86-64.so.2 (0x00007f2b1c600000)
"""

LDD_TWO_MISSING = """\
\tlinux-vdso.so.1 (0x00007ffd0a5e2000)
\tlibQt6XcbQpa.so.6 => /opt/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f0e8a000000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f0e89ff0000)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0e89c00000)
"""


def test_ldd_output_with_everything_found_has_nothing_missing() -> None:
    assert missing_libraries(LDD_ALL_FOUND) == []
    assert missing_libraries("") == []
    assert missing_libraries("\tnot a dynamic executable\n") == []


def test_ldd_not_found_lines_are_named_once_in_order() -> None:
    assert missing_libraries(LDD_TWO_MISSING) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_usual_sonames_map_to_debian_packages_and_unknown_ones_stay_as_they_are() -> None:
    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libEGL.so.1") == "libegl1"
    assert debian_package("libGL.so.1") == "libgl1"
    assert debian_package("libfoo.so.3") is None
    assert packages_for(["libxcb-cursor.so.0", "libxcb-render-util.so.0", "libfoo.so.3"]) == [
        "libxcb-cursor0",
        "libxcb-render-util0",
        "libfoo.so.3",
    ]


def test_message_is_one_line_naming_libraries_and_the_install_command() -> None:
    line = message_for(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert "\n" not in line
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in line
    assert line.endswith("apt-get install libxcb-icccm4 libxcb-keysyms1")
    mixed = message_for(["libxcb-shape.so.0", "libfoo.so.3"])
    assert "apt-get install libxcb-shape0 and the packages providing libfoo.so.3" in mixed
    assert "apt-get" not in message_for(["libfoo.so.3"])


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "minimal"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", True),
        ({"DISPLAY": ":0"}, "darwin", False),
        ({}, "win32", False),
    ],
)
def test_when_to_check(environ: dict[str, str], platform: str, expected: bool) -> None:
    assert will_use_xcb(environ, platform) is expected


def test_offscreen_never_runs_ldd(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object) -> list[str]:
        raise AssertionError("checked offscreen")

    monkeypatch.setattr(platform_check, "find_missing_xcb_libraries", fail)
    check_xcb_libraries({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"})


def test_a_failing_check_never_blocks_the_launch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platform_check.sys, "platform", "linux")

    def boom() -> list[str]:
        raise OSError("ldd vanished")

    monkeypatch.setattr(platform_check, "find_missing_xcb_libraries", boom)
    check_xcb_libraries({"DISPLAY": ":0"})  # no exception


def test_no_ldd_means_nothing_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platform_check.shutil, "which", lambda _name: None)
    assert platform_check.find_missing_xcb_libraries() == []


def test_missing_libraries_raise_the_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    monkeypatch.setattr(platform_check, "find_missing_xcb_libraries", lambda: ["libxcb-icccm.so.4"])
    with pytest.raises(StudioError, match="apt-get install libxcb-icccm4"):
        check_xcb_libraries({"DISPLAY": ":0"})


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb check runs on Linux only")
@pytest.mark.skipif(not platform_check.xcb_plugin_files(), reason="this PySide6 has no xcb plugin")
def test_studio_exits_1_with_one_line_when_ldd_reports_missing_libraries(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    ldd = bin_dir / "ldd"
    ldd.write_text(
        "#!/bin/sh\n"
        "printf '\\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0e89c00000)\\n'\n"
        "printf '\\tlibxcb-icccm.so.4 => not found\\n'\n"
        "printf '\\tlibxcb-keysyms.so.1 => not found\\n'\n"
    )
    ldd.chmod(0o755)
    env = {
        key: value for key, value in os.environ.items() if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")
    }
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        DISPLAY=":99",
        PYTHONPATH=str(REPO),
    )
    result = subprocess.run(
        [sys.executable, "-m", "studio", str(REPO / "projects" / "the-lamplighters-daughter")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("studio: ")
    assert "libxcb-icccm4 libxcb-keysyms1" in lines[0]
    assert "apt-get install" in lines[0]
