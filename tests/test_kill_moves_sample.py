"""A quick sample of ``tests/stress/kill_moves.py``: SIGKILL a process moving, splitting, merging,
deleting, restoring and saving scenes, 15 times; nothing torn, the project opens, no word lost."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

STRESS = Path(__file__).resolve().parent / "stress" / "kill_moves.py"


def _kill_moves():
    spec = importlib.util.spec_from_file_location("kill_moves", STRESS)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_fifteen_kills_during_moves_and_saves_tear_nothing_and_lose_no_word():
    figures = _kill_moves().run(15, seed=20, jobs=2, quiet=True)
    assert figures["failures"] == []
    assert figures["kills"] == 15
    assert figures["torn"] == 0 and figures["failed_loads"] == 0 and figures["words_lost"] == 0
    assert figures["temps_left"] == 0
    assert sum(figures["completed"].values()) > 15 * 10  # the child really worked between kills
    assert figures["last_save_checked"] > 0
