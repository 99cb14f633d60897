"""Benchmark: emphasis in a 20,000-word scene: parse, plain text with its offset map, counting, HTML.

Run: ``python tests/perf/bench_emphasis.py [--runs N]`` (not collected by pytest).
Target (issue 13): parsing a 20,000-word scene's emphasis within 5 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from studio.core.counting import count_words  # noqa: E402
from studio.core.emphasis import html_of, parse, plain_text  # noqa: E402
from studio.core.spelling.tokenize import tokenize  # noqa: E402

WORDS = (  # noqa: SIM905
    "the rain came off the harbour in long grey sheets and Marisol stood at the top of the stairs "
    "with the lamp she hadn’t slept since the letter came and the house knew it snake_case "
    "somewhere below a door banged twice — then silence… the kind that waits for nobody"
).split()
TARGET_MS = 5.0


def scene(words: int = 20_000, seed: int = 13) -> str:
    """A 20,000-word scene of paragraphs with italics and bold every few sentences, and stray stars."""
    rng = random.Random(seed)
    out: list[str] = []
    paragraph: list[str] = []
    for index in range(words):
        word = rng.choice(WORDS)
        roll = rng.random()
        if roll < 0.02:
            word = f"*{word}*"
        elif roll < 0.025:
            word = f"**{word}**"
        elif roll < 0.027:
            word = f"_{word}_"
        elif roll < 0.028:
            word += "*"
        paragraph.append(word)
        if index % 80 == 79:
            out.append(" ".join(paragraph) + ".")
            paragraph = []
    out.append(" ".join(paragraph) + ".")
    return "\n".join(out) + "\n"


def timed(runs: int, action: Callable[[], object]) -> tuple[float, float, float]:
    """Median, min and max of ``runs`` timings of ``action``, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def main() -> int:
    """Run the benchmark and print one line per figure; exit 1 when parsing misses its target."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    text = scene()
    spans = parse(text)
    print(f"scene: {count_words(text):,} words, {len(text):,} characters, {len(spans)} emphasis spans")
    figures = {
        "parse": timed(args.runs, lambda: parse(text)),
        "plain_text (with offset map)": timed(args.runs, lambda: plain_text(text)),
        "count_words (markers left out)": timed(args.runs, lambda: count_words(text)),
        "tokenize for spelling (offsets mapped back)": timed(max(3, args.runs // 10), lambda: tokenize(text)),
        "html_of, paragraph by paragraph": timed(
            max(3, args.runs // 10), lambda: [html_of(p) for p in text.split("\n")]
        ),
    }
    for name, (median, low, high) in figures.items():
        print(f"{name:45} median {median:6.2f} ms  min {low:6.2f}  max {high:6.2f}")
    met = figures["parse"][0] <= TARGET_MS
    print(f"parse target ≤ {TARGET_MS} ms: {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
