"""Fail unless the modules that guard data are fully covered and the whole package is at its floor.

Run after the tests ran under coverage and the data files were combined (see .ci/run).
The overall floor is ``fail_under`` in pyproject.toml's ``[tool.coverage.report]``.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import coverage

REPO = Path(__file__).resolve().parent.parent

# The modules that write, lock and move the user's text: every line is run by a test.
PERFECT_FILES = (
    "studio/core/atomic.py",
    "studio/core/storage.py",
    "studio/core/safety/locking.py",
    "studio/core/operations.py",
)


def main() -> int:
    """Print the floors and what misses them; return 1 if one is missed."""
    cov = coverage.Coverage(config_file=str(REPO / "pyproject.toml"))
    cov.load()
    failures = []
    for name in PERFECT_FILES:
        path = REPO / name
        if not path.exists():
            failures.append(f"{name}: missing (rename it here too)")
            continue
        _, statements, _, missing, missing_text = cov.analysis2(str(path))
        if not statements:
            failures.append(f"{name}: no coverage data (were the tests run under coverage?)")
            continue
        percent = 100 * (len(statements) - len(missing)) / len(statements)
        print(f"{name:40} {len(statements):5} lines {percent:6.1f}%  (floor 100%)")
        if missing:
            failures.append(f"{name}: lines not run by any test: {missing_text}")

    floor = float(cov.get_option("report:fail_under") or 0)
    total = cov.report(file=io.StringIO())
    print(f"{'studio (all)':40} {'':11} {total:6.1f}%  (floor {floor:g}%)")
    if total < floor:
        failures.append(f"overall coverage {total:.1f}% is under the floor of {floor:g}%")

    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
