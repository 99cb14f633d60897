"""How each cost grows with the work: ``python tests/perf/scaling.py [--sizes 10k 100k 1M 10M]``.

For each size (a project from ``generate.py``: 1,000 scenes per million words, one scene of
20,000 words from 100k words up, 50 characters):

* **launch to ready** and **memory**: ``python -m studio DIR`` from process start, as in
  ``launch.py`` (median, and the bare-Qt floor of the same run);
* **move + save**: one scene moved to another part through the core, ``story.json`` written
  atomically and synced (median of 30 moves);
* **search**: a plain word in every scene, the search panel's worker call (texts read once,
  as the panel's snapshot holds them; median of 5), and the same per million words;
* **export**: ``python -m studio export DIR --output FILE`` from process start (median of 5);
* **keystroke** (``--keys``): keys typed into the 20,000-word scene in a window with every
  feature on, key press to the editor's repaint (p99 of 200 keys; ``gui_probe.py editor``).

Every figure is a median of runs on this machine, printed with the command beside it.
"""

from __future__ import annotations

import argparse
import os
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

from generate import cached_project  # noqa: E402
from launch import base_env, machine, measure, ms, words_of  # noqa: E402
from run import probe  # noqa: E402

from studio.core import load_project  # noqa: E402
from studio.core.search import PlainCache, SearchOptions, project_texts, search  # noqa: E402

WORK = Path(tempfile.gettempdir()) / "studio-perf" / "scaling"


def move_and_save(root: Path, moves: int = 30) -> tuple[float, float]:
    """Median seconds of one scene moved to another part, the manifest saved to disk (wall, processor)."""
    project = load_project(root)
    parts = project.parts
    times, cpu = [], []
    for run in range(moves):
        scene = parts[run % len(parts)].scenes[0]
        target = parts[(run * 7 + 3) % len(parts)]
        start, start_cpu = time.perf_counter(), time.process_time()
        project.move_scenes([scene.id], target.id, 1)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), statistics.median(cpu)


def search_time(root: Path, word: str = "lighthouse", runs: int = 5) -> float:
    """Median seconds of a plain-word search over every scene (the panel's worker call)."""
    project = load_project(root, read_only=True)
    texts = project_texts(project)
    cache = PlainCache()
    search(texts, word, SearchOptions(), cache)  # the panel keeps its plain texts between searches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        search(texts, word, SearchOptions(), cache)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def export_time(root: Path, runs: int = 5) -> tuple[float, float]:
    """Median seconds of ``studio export`` from process start to its exit (wall, processor)."""
    env = dict(base_env(), PYTHONPATH=str(REPO))
    out = WORK / "export.txt"
    command = [sys.executable, "-m", "studio", "export", str(root), "--output", str(out)]
    subprocess.run(command, env=env, check=True, capture_output=True)  # bytecode and file cache warm
    times, cpu = [], []
    for _ in range(runs):
        before = _children_cpu()
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
        cpu.append(_children_cpu() - before)
    return statistics.median(times), statistics.median(cpu)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def keystroke_p99(root: Path, keys: int) -> float:
    """p99 seconds from a key press to the repaint, in the project's largest scene, every feature on."""
    data = probe("editor", root, "--keys", str(keys))
    return float(data["key_p99_s"])


def main() -> None:
    """Measure every size and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["10k", "100k", "1M", "10M"])
    parser.add_argument("--runs", type=int, default=5, help="launches per size")
    parser.add_argument("--keys", type=int, default=0, help="also type this many keys (e.g. 200)")
    parser.add_argument(
        "--no-launch", action="store_true", help="leave out launch and memory (the core figures only)"
    )
    args = parser.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    WORK.mkdir(parents=True, exist_ok=True)
    launches = {} if args.no_launch else measure(args.sizes, args.runs, 1.0, False, log=print)
    rows = []
    for size in args.sizes:
        root = WORK / size
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(cached_project(words_of(size)), root)
        load_project(root)  # the word-count cache, as any second open has it
        words = words_of(size)
        found = search_time(root)
        nan = float("nan")
        studio = launches[size]["studio"] if launches else None
        row = {
            "size": size,
            "floor": launches[size]["floor"].median("ready_s") if launches else nan,
            "ready": studio.median("ready_s") if studio else nan,
            "rss": studio.median("rss_mb") if studio else nan,
            "peak": studio.median("peak_mb") if studio else nan,
            "move": move_and_save(root),
            "search": found,
            "search_per_m": found / (words / 1_000_000),
            "export": export_time(root),
            "keys": keystroke_p99(root, args.keys) if args.keys and words >= 100_000 else float("nan"),
        }
        rows.append(row)
        print(f"  {size}: done", file=sys.stderr, flush=True)
    command = "python tests/perf/scaling.py " + " ".join(sys.argv[1:])
    print(f"`{command.strip()}` — {machine()}.\n")
    print(
        "| words (scenes) | launch to ready (floor) | memory now / peak | move + save | search "
        "| search per 1M words | `studio export` | keystroke p99 |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        words = words_of(row["size"])
        print(
            f"| {row['size']} ({max(10, round(words / 1000)):,}) | {ms(row['ready'])} ({ms(row['floor'])}) "
            f"| {_memory(row['rss'], row['peak'])} "
            f"| {row['move'][0] * 1000:.1f} ms ({row['move'][1] * 1000:.1f} ms processor) "
            f"| {row['search'] * 1000:.1f} ms | {row['search_per_m'] * 1000:.1f} ms | "
            f"{ms(row['export'][0])} ({ms(row['export'][1])} processor) "
            f"| {_key_figure(row['keys'])} |"
        )


def _memory(now: float, peak: float) -> str:
    return "—" if now != now else f"{now:.0f} / {peak:.0f} MB"


def _key_figure(seconds: float) -> str:
    return "—" if seconds != seconds else f"{seconds * 1000:.1f} ms"


if __name__ == "__main__":
    main()
