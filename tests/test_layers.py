"""The layer contracts in pyproject.toml hold, and a wrong-direction import breaks them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "pyproject.toml"

# lint-imports has no ``python -m`` entry point; run its click command from the interpreter under test.
LINT_IMPORTS = (
    "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
)


def lint_imports(source_root: Path) -> subprocess.CompletedProcess[str]:
    """Check the contracts against the ``studio`` package found under ``source_root``."""
    env = dict(os.environ, PYTHONPATH=str(source_root))
    return subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS, "--no-cache", "--no-logo", str(CONFIG)],
        cwd=source_root,  # lint-imports puts the working folder first on sys.path
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_contracts_are_kept() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_the_contracts_cover_every_layer_and_qt() -> None:
    text = CONFIG.read_text(encoding="utf-8")
    assert 'layers = ["studio.gui", "studio.models", "studio.app", "studio.core"]' in text
    assert 'source_modules = ["studio.core"]' in text


def test_a_wrong_direction_import_breaks_the_contracts(tmp_path: Path) -> None:
    shutil.copytree(REPO / "studio", tmp_path / "studio", ignore=shutil.ignore_patterns("__pycache__"))
    for module in ("studio/models/table_model.py", "studio/core/naming.py"):
        with (tmp_path / module).open("a", encoding="utf-8") as file:
            file.write("\nfrom studio.gui import messages  # noqa: E402,F401\n")

    result = lint_imports(tmp_path)

    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Arrows point down: gui -> models -> app -> core BROKEN" in output, output
    assert "studio.models.table_model -> studio.gui.messages" in output
    assert "studio.core.naming -> studio.gui.messages" in output
    # The copy was checked, not the installed tree.
    assert lint_imports(REPO).returncode == 0


def test_core_importing_qt_breaks_the_contracts(tmp_path: Path) -> None:
    shutil.copytree(REPO / "studio", tmp_path / "studio", ignore=shutil.ignore_patterns("__pycache__"))
    with (tmp_path / "studio/core/naming.py").open("a", encoding="utf-8") as file:
        file.write("\nfrom PySide6 import QtCore  # noqa: E402,F401\n")

    result = lint_imports(tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "core is pure Python: no Qt, no command line BROKEN" in result.stdout
    assert "studio.core.naming -> PySide6" in result.stdout
