"""A quick sample of the long run (tests/stress/mutate_manifests.py): mutated real projects, in process."""

from __future__ import annotations

import signal
from pathlib import Path

from tests.stress.mutate_manifests import _alarm, make_bases, run_case

CASES = 150


def test_mutated_manifests_open_or_give_one_line(tmp_path: Path) -> None:
    bases = make_bases(tmp_path / "bases")
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        failures = [(n, *run_case(7, n, bases, tmp_path, 20)) for n in range(CASES)]
    finally:
        signal.signal(signal.SIGALRM, previous)
    failures = [f for f in failures if f[1]]
    assert not failures, failures[:5]
