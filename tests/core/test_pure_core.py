"""The core and the non-GUI commands never load Qt."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    ).stdout
    return set(out.split())


def test_core_imports_no_pyside() -> None:
    loaded = modules_after(
        "import studio.core, pkgutil, importlib, studio.core as c\n"
        "[importlib.import_module(m.name) for m in pkgutil.walk_packages(c.__path__, 'studio.core.')]"
    )
    assert not any(name.startswith("PySide6") for name in loaded)


def test_cli_commands_import_no_pyside(tmp_path) -> None:
    loaded = modules_after(
        "import studio.cli\n"
        f"studio.cli.main(['new', r'{tmp_path / 'p'}', '--title', 'T'])\n"
        f"studio.cli.main(['info', r'{tmp_path / 'p'}', '--json'])\n"
        "studio.cli.build_parser()"
    )
    assert not any(name.startswith("PySide6") for name in loaded)
