"""Benchmark: the appearance index on a 1M-word project (50 characters with aliases), and rename planning.

Run: ``python tests/perf/bench_characters.py [--words 1000000]`` (not collected by pytest).
Uses the shared generator's cached project (``tests/perf/generate.py``); the project is
opened read-only and nothing is written. Figures are medians of 5 runs.
Targets: a full index (read every file + scan) well under 1 s; one 20,000-word scene
rescanned in a few ms (typing never waits); the GUI's background rebuild not blocking.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import cached_project  # noqa: E402

from studio.core import load_project  # noqa: E402
from studio.core.characters import AppearanceIndex, CastMatcher, plan_rename  # noqa: E402


def median_ms(action, runs: int = 5) -> float:  # noqa: ANN001
    """Median wall time of ``action()`` in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print the timings."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=1_000_000)
    args = parser.parse_args()
    root = cached_project(args.words)
    project = load_project(root, read_only=True)
    scenes = list(project.iter_scenes())
    terms = sum(1 + len(c.aliases) for c in project.characters)
    print(
        f"{project.words:,} words, {len(scenes)} scenes, {len(project.characters)} characters, {terms} terms"
    )

    def cold() -> None:
        fresh = load_project(root, read_only=True)
        AppearanceIndex.for_project(fresh)

    print(
        f"compile the cast's pattern:            {median_ms(lambda: CastMatcher(project.characters)):8.2f} ms"
    )
    print(f"full index, reading every file (cold): {median_ms(cold):8.1f} ms  (includes load_project)")
    texts = [(s.id, project.scene_text(s.id)) for s in scenes]
    index = AppearanceIndex.build(project.characters, texts)
    in_memory = median_ms(lambda: AppearanceIndex.build(project.characters, texts))
    print(f"full index, texts in memory:           {in_memory:8.1f} ms")
    biggest = max(texts, key=lambda pair: len(pair[1]))
    words = project.scene(biggest[0]).words
    one = median_ms(lambda: index.update_scene(*biggest), 20)
    print(f"rescan one {words:,}-word scene:          {one:8.2f} ms")
    first = project.characters[0]
    print(
        f"scenes_of() for one character:          {median_ms(lambda: index.scenes_of(first.id), 20):8.3f} ms"
    )
    mentions = sum(index.total(c.id) for c in project.characters)
    print(f"mentions indexed: {mentions:,}")
    plans = []

    def plan() -> None:
        plans[:] = plan_rename(project, first.id, "Someone Else", list(first.aliases))

    print(
        f"plan a rename of {first.name!r} (+ aliases): {median_ms(plan):8.1f} ms "
        f"({sum(p.count for p in plans)} replacements in {len(plans)} scenes)"
    )

    gui_rebuild(root)


def gui_rebuild(root: Path) -> None:
    """Time the window's background rebuild and the longest stall of the GUI thread meanwhile."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from studio.app.session import ProjectSession
    from studio.gui.characters.appearance_tracker import AppearanceTracker

    app = QApplication.instance() or QApplication([])
    session = ProjectSession(load_project(root, read_only=True))
    tracker = AppearanceTracker(session)  # starts the first rebuild on a pool thread
    clock, ticks, gaps = QElapsedTimer(), QElapsedTimer(), []
    clock.start()
    ticks.start()
    loop = QEventLoop()
    tracker.updated.connect(loop.quit)
    timer = QTimer(interval=2)
    timer.timeout.connect(lambda: gaps.append(ticks.restart()))
    timer.start()
    loop.exec()
    timer.stop()
    print(
        f"GUI: background rebuild until 'updated':  {clock.elapsed():6d} ms; "
        f"longest GUI-thread stall meanwhile: {max(gaps, default=0)} ms"
    )
    del app


if __name__ == "__main__":
    main()
