"""Benchmark: search a 1M-word project for a plain word, and plan a replace.

Run: ``python tests/perf/bench_search.py [--words 1000000] [--word lamp]`` (not collected by
pytest). Uses the shared generator's cached project (``tests/perf/generate.py``), opened
read-only; nothing is written. Figures are medians of 5 runs. The texts are read once (as
the panel's snapshot reads cached texts); the search itself is what is timed.
Target: a plain word in 1M words in at most 100 ms (the panel's worker, the same call).
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
from studio.core.replace import plan_replace  # noqa: E402
from studio.core.search import PlainCache, SearchOptions, project_texts, search  # noqa: E402

TARGET_MS = 100.0


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
    parser.add_argument("--word", default="lighthouse", help="the plain word searched for")
    args = parser.parse_args()
    project = load_project(cached_project(args.words), read_only=True)
    start = time.perf_counter()
    texts = project_texts(project)
    read_ms = (time.perf_counter() - start) * 1000
    snapshot_ms = median_ms(lambda: project_texts(project))
    words = sum(scene.words for scene in project.iter_scenes())
    cache = PlainCache()
    hits = search(texts, args.word, SearchOptions(), cache)
    cold = median_ms(lambda: search(texts, args.word, SearchOptions(), PlainCache()))
    warm = median_ms(lambda: search(texts, args.word, SearchOptions(), cache))
    word = median_ms(lambda: search(texts, args.word, SearchOptions(word=True, case=True), cache))
    curly = median_ms(lambda: search(texts, "didn't", SearchOptions(), cache))
    plan = median_ms(
        lambda: plan_replace(texts, args.word, "beacon", SearchOptions(word=True), cache=cache), 3
    )
    print(f"{words:,} words in {len(texts):,} texts; reading them first: {read_ms:.0f} ms")
    print(f"snapshot of the texts on the GUI thread (cached): {snapshot_ms:.1f} ms")
    print(f"search {args.word!r}: {len(hits):,} hits")
    verdict = "met" if warm <= TARGET_MS else "NOT met"
    print(f"  plain word, panel (plain texts cached): {warm:.1f} ms  (target {TARGET_MS:.0f} ms: {verdict})")
    print(f"  plain word, first search (emphasis parsed): {cold:.1f} ms")
    print(f"  whole word, match case: {word:.1f} ms")
    print(f'  "didn\'t" (quotes folded): {curly:.1f} ms')
    print(f"plan a replace of every {args.word!r}: {plan:.1f} ms")


if __name__ == "__main__":
    main()
