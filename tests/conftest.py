"""Shared test set-up: offscreen Qt, and per-user folders sent to a temp path."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("STUDIO_CONFIG_DIR", None)

# Before any test touches PySide6: see studio/gui/qt_workarounds.py (a PySide6 6.12 refcount bug).
from studio.gui.qt_workarounds import keep_singletons_alive  # noqa: E402

keep_singletons_alive()

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Send settings, the user word list and backups to a fresh temp folder for every test."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("STUDIO_CONFIG_DIR", str(folder))
    return folder


def run_cli(*args: str, cwd: Path | None = None, stdin: str | None = None):  # noqa: ANN201
    """Run the real ``studio`` command line in a subprocess; return the CompletedProcess."""
    import subprocess

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "studio", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
