"""False flags per 10,000 words of real modern prose, per spelling language.

    python tests/perf/bench_spelling_languages.py [--words] [--typos] [LANG ...]

The texts are in tests/data/prose/<lang>/ (their source and licence in
tests/data/prose/SOURCES.md). A flagged word counts as a false flag unless the file
``errors.txt`` beside the text lists it as a real misspelling of the source. Capitalised
words inside a sentence are names and are left out (the issue's rule); a capitalised word
that opens a sentence is counted. ``--words`` lists the words flagged, commonest first.
``--typos`` also runs the English typo set (tests/data/spelling/english_typos.tsv) in en-US:
how many are flagged, how often the intended word is among the first five suggestions, and the
time each suggestion takes.

It uses only ``SpellEngine(code).check(text)``, so the same script measures an older
checkout too (``PYTHONPATH=/path/to/old/checkout python tests/perf/bench_spelling_languages.py``).
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import time
from pathlib import Path

PROSE = Path(__file__).resolve().parents[1] / "data" / "prose"
SENTENCE_START = re.compile(r"(?:^|[.!?:…]\s+|[¿¡«“\"(]\s*)$")


def texts() -> dict[str, Path]:
    """The language folders with prose: code -> folder."""
    return {folder.name: folder for folder in sorted(PROSE.iterdir()) if folder.is_dir()}


def measure(code: str, folder: Path) -> tuple[int, int, int, collections.Counter[str], float]:
    """Return (words, false flags, names left out, flagged words, seconds to build the engine)."""
    from studio.core.spelling.checker import SpellEngine
    from studio.core.spelling.tokenize import tokenize

    started = time.perf_counter()
    engine = SpellEngine(code)
    built = time.perf_counter() - started
    errors_file = folder / "errors.txt"
    real_errors = set()
    if errors_file.exists():
        for line in errors_file.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                real_errors.update(line.split())
    words = flags = names = 0
    flagged: collections.Counter[str] = collections.Counter()
    for path in sorted(folder.glob("*.txt")):
        if path.name == "errors.txt":
            continue
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            words += len(tokenize(paragraph))
            for token in engine.check(paragraph):
                if token.word in real_errors:
                    continue
                opens = SENTENCE_START.search(paragraph[: token.start]) is not None
                if token.word[:1].isupper() and not opens:
                    names += 1
                    continue
                flags += 1
                flagged[token.word] += 1
    return words, flags, names, flagged, built


def typo_report() -> None:
    """Print how the English typo set fares: flagged, intended word suggested, time per word."""
    from studio.core.spelling.checker import SpellEngine

    path = PROSE.parent / "spelling" / "english_typos.tsv"
    rows = [line.split("\t") for line in path.read_text("utf-8").splitlines() if line and line[0] != "#"]
    engine = SpellEngine("en-US")
    engine.suggest("warm")  # builds the two-edit index once
    flagged = top5 = first = 0
    times = []
    for typo, truth, _kind in rows:
        flagged += not engine.is_known(typo)
        started = time.perf_counter()
        found = engine.suggest(typo)
        times.append((time.perf_counter() - started) * 1000)
        top5 += truth in found
        first += bool(found) and found[0] == truth
    times.sort()
    n = len(rows)
    print(
        f"\nEnglish typos (en-US): {n}, flagged {flagged / n:.1%}, intended word in the top 5 "
        f"{top5 / n:.1%} (first {first / n:.1%}); suggestion time median {times[n // 2]:.1f} ms, "
        f"p95 {times[int(n * 0.95)]:.1f} ms, max {times[-1]:.1f} ms"
    )


def main() -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("languages", nargs="*", help="codes to measure (default: every folder)")
    parser.add_argument("--words", action="store_true", help="list the flagged words")
    parser.add_argument("--typos", action="store_true", help="also run the English typo set")
    args = parser.parse_args()
    folders = texts()
    chosen = args.languages or list(folders)
    header = f"{'language':<9} {'words':>7} {'false flags':>12} {'per 10k':>8} {'names left out':>15}"
    print(f"{header} {'load s':>7}")
    for code in chosen:
        words, flags, names, flagged, built = measure(code, folders[code])
        rate = flags * 10_000 / max(words, 1)
        print(f"{code:<9} {words:>7,} {flags:>12,} {rate:>8.1f} {names:>15,} {built:>7.2f}")
        if args.words:
            print("   ", ", ".join(f"{w} ×{n}" if n > 1 else w for w, n in flagged.most_common(80)))
        sys.stdout.flush()
    if args.typos:
        typo_report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
