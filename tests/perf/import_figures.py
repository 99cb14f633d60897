"""``studio import`` from process start: ``python tests/perf/import_figures.py [--runs 3]``.

Two works, each imported into a new project by the real command in a fresh process, timed
from just before the spawn to its exit (bytecode cached by a first, unmeasured run):

* a 3.3 MB plain-text novel (``bench_import_novel.py``'s: 120 chapters, hard-wrapped, about
  9,000 scenes split by ``* * *``);
* a 1M-word story as posted on the web: the 1M-word project exported as HTML
  (``studio export --format html``: ``<h2>`` chapters, ``<p>`` paragraphs, ``<hr>`` breaks).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from bench_import_novel import make_novel  # noqa: E402
from generate import cached_project  # noqa: E402
from launch import base_env, machine  # noqa: E402

WORK = Path(tempfile.gettempdir()) / "studio-perf" / "import"


def studio(*args: str) -> None:
    """Run ``python -m studio ARGS`` from this tree; raise if it fails."""
    env = dict(base_env(), PYTHONPATH=str(REPO))
    subprocess.run([sys.executable, "-m", "studio", *args], env=env, check=True, capture_output=True)


def import_times(source: Path, runs: int) -> list[float]:
    """Seconds of ``studio import SOURCE --into NEW`` from process start, one per run (after a warm-up)."""
    times = []
    for run in range(runs + 1):
        target = WORK / f"imported-{run}"
        shutil.rmtree(target, ignore_errors=True)
        before = _children_cpu()
        start = time.perf_counter()
        studio("import", str(source), "--into", str(target))
        if run:
            times.append(time.perf_counter() - start)
            PROCESSOR.setdefault(source, []).append(_children_cpu() - before)
        shutil.rmtree(target, ignore_errors=True)
    return times


PROCESSOR: dict[Path, list[float]] = {}  # user + system seconds of each measured run, by source


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    """Make the two works, import each, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    novel = WORK / "novel.txt"
    size = make_novel(novel)
    posted = WORK / "posted-1M.html"
    studio("export", str(cached_project(1_000_000)), "--format", "html", "--output", str(posted))
    rows = [
        (f"a {size / 1e6:.1f} MB plain-text novel", import_times(novel, args.runs), 5.0, novel),
        (
            f"a 1M-word posted story (HTML, {posted.stat().st_size / 1e6:.1f} MB)",
            import_times(posted, args.runs),
            1.5,
            posted,
        ),
    ]
    command = "python tests/perf/import_figures.py " + " ".join(sys.argv[1:])
    print(f"`{command.strip()}` — median of {args.runs} runs; {machine()}.\n")
    print("| `studio import` of | from process start: median (min–max) | processor (median) | target | |")
    print("|---|---:|---:|---:|---|")
    for what, times, target, source in rows:
        median = statistics.median(times)
        verdict = "met" if median <= target else "MISSED"
        cpu = statistics.median(PROCESSOR[source])
        print(
            f"| {what} | {median:.2f} s ({min(times):.2f}–{max(times):.2f} s) | {cpu:.2f} s "
            f"| ≤ {target:g} s | {verdict} |"
        )


if __name__ == "__main__":
    main()
