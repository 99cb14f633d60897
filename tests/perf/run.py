"""The benchmark suite (issue 8): ``python tests/perf/run.py [--quick] [--only NAME ...] [--features]``.

Runs each benchmark several times on generated projects (see ``generate.py``; cached
under /tmp/studio-perf) and prints median, min and max, the machine, and a markdown
table for the README. The launch figure comes from ``launch.py`` (``python -m studio`` from
process start to its ready mark, beside the bare-Qt floor); the other GUI figures from
``gui_probe.py`` in fresh processes (``QT_QPA_PLATFORM=offscreen``). The feature benchmarks
(``bench_*.py``) run as subprocesses after the table with ``--features`` (the default without
``--quick``).

"First time" means no word-count cache (``.studio/word-counts.json`` deleted before
each run); the operating system's file cache stays warm (dropping it needs root).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from generate import cached_project, drop_count_cache  # noqa: E402

from studio.core import load_project  # noqa: E402

SAMPLE = REPO / "projects" / "the-lamplighters-daughter"
WORK = Path(tempfile.gettempdir()) / "studio-perf" / "work"
MY_FILES = {"run.py", "generate.py", "gui_probe.py"}


@dataclass
class Result:
    """One benchmark's samples against its target (both in ``unit``)."""

    key: str
    what: str
    unit: str  # "s", "ms" or "MB"
    target: float | None
    samples: list[float] = field(default_factory=list)
    statistic: str = "median"  # what is compared with the target
    note: str = ""
    error: str = ""

    @property
    def median(self) -> float:
        """Median of the samples."""
        return statistics.median(self.samples)

    def verdict(self) -> str:
        """``met``, ``MISSED`` or ``—`` (no target or no figure)."""
        if self.error or not self.samples or self.target is None:
            return "—"
        return "met" if self.median <= self.target else "MISSED"

    def figure(self, value: float) -> str:
        """Format one value in the result's unit."""
        if self.unit == "MB":
            return f"{value:.0f} MB"
        if self.unit == "ms":
            return f"{value:.1f} ms"
        return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.0f} ms"

    def target_text(self) -> str:
        """The target, formatted (with p99 when that is what counts)."""
        if self.target is None:
            return "—"
        prefix = "p99 " if self.statistic == "p99" else ""
        return "≤ " + prefix + self.figure(self.target)

    def row(self) -> str:
        """The markdown row for the README table."""
        if self.error:
            return f"| {self.what} | {self.target_text()} | not measured: {self.error} | | | — |"
        return (
            f"| {self.what} | {self.target_text()} | {self.figure(self.median)} | "
            f"{self.figure(min(self.samples))} | {self.figure(max(self.samples))} | {self.verdict()} |"
        )


def machine() -> dict[str, str]:
    """CPU model, cores, Python, Qt and the load average."""
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        qt = f"PySide6 {PySide6.__version__}, Qt {qVersion()}"
    except ImportError:
        qt = "no PySide6"
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "qt": qt,
        "os": platform.platform(),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


# -- helpers ------------------------------------------------------------------------------
def timed(function: Callable[[], object]) -> float:
    """Run ``function`` once; return the seconds it took."""
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def working_copy(words: int) -> Path:
    """A fresh copy of the cached project (GUI runs and edits never touch the cache)."""
    source = cached_project(words) if words else SAMPLE
    target = WORK / (f"w{words}" if words else "sample")
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    os.sync()  # flush the copy now, so it does not land in a timed fsync
    return target


def probe(kind: str, project: Path, *extra: str, timeout: float = 300) -> dict:
    """Run ``gui_probe.py`` in a fresh process; return its result (``--t0`` is our clock at launch)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["STUDIO_CONFIG_DIR"] = tempfile.mkdtemp(prefix="studio-perf-config-")
    command = [
        sys.executable,
        str(HERE / "gui_probe.py"),
        kind,
        str(project),
        "--t0",
        repr(time.time()),
        *extra,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)
    shutil.rmtree(env["STUDIO_CONFIG_DIR"], ignore_errors=True)
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
    raise RuntimeError(f"gui_probe {kind} failed: {tail}")


def gui_available() -> str:
    """Empty if the window can be built, else why not."""
    try:
        import PySide6  # noqa: F401

        from studio.gui import open_window  # noqa: F401
    except ImportError as error:
        return f"no window yet ({error})"
    return ""


# -- the benchmarks -----------------------------------------------------------------------
def bench_launch(runs: int) -> list[Result]:
    """``python -m studio <sample>`` from process start to ready, beside the bare-Qt floor (``launch.py``)."""
    from launch import measure

    series = measure(["sample"], runs, 1.0, False, log=lambda *_args, **_kwargs: None)["sample"]
    floor = series["floor"].median("ready_s")
    result = Result(
        "launch", "launch to a window ready for typing, sample project (from process start)", "s", 2 * floor
    )
    result.samples = [s.ready_s for s in series["studio"].samples]
    result.note = f"target: 2× the bare-Qt floor of the same run ({floor * 1000:.0f} ms)"
    inside = Result("launch-floor", "… a bare PySide6 window of the same shape (the floor)", "s", None)
    inside.samples = [s.ready_s for s in series["floor"].samples]
    return [result, inside]


def bench_open(words: int, runs: int, target: float) -> list[Result]:
    """Open a big project to a usable tree, first time (no word-count cache), from launch."""
    label = f"{words // 1_000_000}M"
    launch = Result(
        f"open-{label}",
        f"open a {label}-word project to a usable tree, first time (from launch)",
        "s",
        target,
    )
    inside = Result(f"open-{label}-in", "… the same from `open_window` (Python and Qt already up)", "s", None)
    memory = Result(
        f"memory-{label}", f"memory with a {label}-word project open (resident, settled)", "MB", 150.0
    )
    warm = Result(f"open-{label}-warm", "… the same, opened again (word counts cached)", "s", None)
    project = working_copy(words)
    for _ in range(runs):
        drop_count_cache(project)
        data = probe("open", project, "--settle", "2" if words == 1_000_000 else "0")
        launch.samples.append(data["since_launch_s"])
        inside.samples.append(data["in_process_s"])
        memory.samples.append(data["rss_settled_mb"])
        warm.samples.append(probe("open", project, "--settle", "0")["since_launch_s"])
    inside.note = f"outline: {data['outline_view']}, {data['outline_rows']} top rows"
    results = [launch, inside, warm]
    if words == 1_000_000:
        results.append(memory)
    return results


def bench_core_load(words: int, runs: int) -> list[Result]:
    """``load_project`` alone, cold (no count cache) and warm, in this process."""
    label = f"{words // 1_000_000}M"
    cold = Result(f"core-load-{label}-cold", f"core: `load_project` {label} words, first time", "s", None)
    warm = Result(f"core-load-{label}-warm", f"core: `load_project` {label} words, cached counts", "s", None)
    project = cached_project(words)
    for _ in range(runs):
        drop_count_cache(project)
        cold.samples.append(timed(lambda: load_project(project)))
        warm.samples.append(timed(lambda: load_project(project)))
    return [cold, warm]


def bench_core_memory(runs: int) -> list[Result]:
    """Resident memory of a Python process that loaded the 1M-word project (no Qt)."""
    result = Result("core-memory-1M", "core: memory after `load_project` 1M words (no Qt)", "MB", None)
    project = cached_project(1_000_000)
    code = (
        "import sys; from studio.core import load_project; p = load_project(sys.argv[1]);"
        "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmRSS')][0])"
    )
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code, str(project)], capture_output=True, text=True, check=True
        )
        result.samples.append(int(out.stdout.strip()) / 1024)
    return [result]


def bench_move(runs: int) -> list[Result]:
    """Move one scene in a 1,000-scene project, the manifest saved (atomic, fsync) each time."""
    result = Result("move", "move a scene in a 1,000-scene project, saved to disk", "ms", 20.0)
    project = load_project(working_copy(1_000_000))
    parts = project.parts
    for run in range(runs * 6):
        scene = parts[run % len(parts)].scenes[0]
        target = parts[(run * 7 + 3) % len(parts)]
        result.samples.append(timed(lambda s=scene, t=target: project.move_scenes([s.id], t.id, 2)) * 1000)
    return [result]


def bench_export(runs: int) -> list[Result]:
    """Export the 1M-word manuscript to plain text (reading every scene file) and write it."""
    result = Result("export", "export 1M words to plain text", "s", 0.3)
    try:
        from studio.core.publishing.exporting import export_text
    except ImportError as error:
        result.error = f"no exporter ({error})"
        return [result]
    root = cached_project(1_000_000)
    out = WORK / "export-1m.txt"
    for _ in range(runs):
        project = load_project(root, read_only=True)  # a fresh project: no scene text in memory

        def export(p=project) -> None:
            out.write_text(export_text(p, fmt="txt"), encoding="utf-8")

        result.samples.append(timed(export))
    return [result]


def bench_import(runs: int) -> list[Result]:
    """Import a 1M-word plain-text file into a new project (plan, then create and write)."""
    result = Result("import", "import a 1M-word text file", "s", 2.0)
    source = WORK / "export-1m.txt"
    try:
        from studio.core.importing.apply import create_from_plan
        from studio.core.importing.reader import plan_import
    except ImportError as error:
        result.error = f"no importer ({error})"
        return [result]
    if not source.exists():
        from studio.core.publishing.exporting import export_text

        source.write_text(export_text(load_project(cached_project(1_000_000), read_only=True), fmt="txt"))
    for run in range(runs):
        target = WORK / f"imported-{run}"
        shutil.rmtree(target, ignore_errors=True)
        result.samples.append(timed(lambda t=target: create_from_plan(t, plan_import([source]))))
        shutil.rmtree(target, ignore_errors=True)
    return [result]


def bench_check(runs: int) -> list[Result]:
    """``studio check`` on 1M words, the real CLI in a subprocess."""
    result = Result("check", "`studio check` on 1M words", "s", 5.0)
    project = cached_project(1_000_000)
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "studio", "check", str(project)], capture_output=True, text=True
        )
        elapsed = time.perf_counter() - start
        if done.returncode not in (0, 3):
            result.error = (done.stderr.strip().splitlines() or ["failed"])[-1]
            return [result]
        result.samples.append(elapsed)
    return [result]


def bench_editor(runs: int, keys: int) -> list[Result]:
    """The 20,000-word scene: open to first paint, and keystroke to repaint (p99)."""
    paint = Result("scene-paint", "open a 20,000-word scene to first paint", "ms", 100.0)
    key = Result(
        "keystroke",
        "keystroke to repaint in that scene, spelling and appearances on",
        "ms",
        16.0,
        statistic="p99",
    )
    project = working_copy(1_000_000)
    for _ in range(runs):
        data = probe("editor", project, "--keys", str(keys))
        paint.samples.append(data["first_paint_s"] * 1000)
        key.samples.append(data["key_p99_s"] * 1000)
    key.note = (
        f"last run: {data['keys']} keys, p50 {data['key_p50_s'] * 1000:.1f} ms, "
        f"max {data['key_max_s'] * 1000:.1f} ms; features {', '.join(data['features'])}"
    )
    return [paint, key]


def bench_outside(runs: int) -> list[Result]:
    """An outside edit of the shown scene until the editor shows it."""
    result = Result("outside", "outside edit to the editor showing it", "ms", 300.0)
    data = probe("outside", working_copy(0), "--runs", str(runs))
    result.samples = [s * 1000 for s in data["samples_s"] if s == s]
    if not result.samples:
        result.error = "the editor never showed the outside edit"
    return [result]


def run_features(timeout: float) -> None:
    """Run the other engineers' feature benchmarks (``bench_*.py``) and print their output."""
    scripts = sorted(p for p in HERE.glob("bench_*.py") if p.name not in MY_FILES)
    for script in scripts:
        print(f"\n## {script.name}  (python tests/perf/{script.name})", flush=True)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        try:
            done = subprocess.run(
                [sys.executable, str(script)],
                capture_output=True,
                text=True,
                timeout=timeout,
                env=env,
                cwd=REPO,
            )
            print(done.stdout.rstrip() or "(no output)")
            if done.returncode:
                print(f"exit {done.returncode}: {(done.stderr.strip().splitlines() or [''])[-1]}")
        except subprocess.TimeoutExpired:
            print(f"timed out after {timeout:.0f} s")


def main() -> None:
    """Run the suite and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="fewer runs, no 3M-word GUI open, no feature scripts"
    )
    parser.add_argument("--runs", type=int, help="runs per benchmark (default 5, 3 with --quick)")
    parser.add_argument("--only", nargs="*", help="benchmark groups to run: " + ", ".join(GROUPS))
    parser.add_argument("--features", action="store_true", help="also run the feature bench_*.py scripts")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 5)
    info = machine()
    print(
        f"Machine: {info['cpu']}, {info['cores']} cores; Python {info['python']}; {info['qt']}; {info['os']}"
    )
    print(f"Load average at start: {info['load']}\n", flush=True)
    WORK.mkdir(parents=True, exist_ok=True)
    gui_missing = gui_available()
    results: list[Result] = []
    loads = [os.getloadavg()[0]]
    for name in args.only or GROUPS:
        group, needs_gui = GROUPS[name]
        if args.quick and name == "open-3M":
            continue
        if needs_gui and gui_missing:
            results.append(Result(name, name, "s", None, error=gui_missing))
            continue
        loads.append(os.getloadavg()[0])
        try:
            found = group(runs, args.quick)
        except Exception as error:  # a broken benchmark is reported, the others still run
            found = [Result(name, name, "s", None, error=f"{type(error).__name__}: {error}")]
        for result in found:
            results.append(result)
            line = result.row()
            print(line + (f"  ({result.note})" if result.note else ""), flush=True)
    print(f"\nLoad average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("\n### Results (copy into the README)\n")
    print(
        f"`python tests/perf/run.py{' --quick' if args.quick else ''}` — {runs} runs each; "
        f"{info['cpu']}, {info['cores']} cores, Python {info['python']}, {info['qt']}; "
        f"1-minute load average {min(loads):.1f}–{max(loads):.1f} during the run.\n"
    )
    print("| what | target | median | min | max | |")
    print("|---|---|---|---|---|---|")
    for result in results:
        print(result.row())
    notes = [f"- {r.what}: {r.note}" for r in results if r.note]
    if notes:
        print("\n" + "\n".join(notes))
    if args.json:
        payload = {"machine": info, "results": [r.__dict__ for r in results]}
        Path(args.json).write_text(json.dumps(payload, indent=2), encoding="utf-8")
    if args.features or not args.quick:
        run_features(timeout=900)
    else:
        scripts = sorted(p.name for p in HERE.glob("bench_*.py"))
        print(
            "\nFeature benchmarks (run with --features, or one by one): "
            + ", ".join(f"python tests/perf/{s}" for s in scripts)
        )


GROUPS: dict[str, tuple[Callable[[int, bool], list[Result]], bool]] = {
    "launch": (lambda runs, quick: bench_launch(runs), True),
    "core-load": (
        lambda runs, quick: bench_core_load(1_000_000, runs) + bench_core_load(3_000_000, runs),
        False,
    ),
    "open-1M": (lambda runs, quick: bench_open(1_000_000, runs, 1.0), True),
    "open-3M": (lambda runs, quick: bench_open(3_000_000, runs, 2.5), True),
    "editor": (lambda runs, quick: bench_editor(1 if quick else min(runs, 3), 100 if quick else 300), True),
    "move": (lambda runs, quick: bench_move(runs), False),
    "export": (lambda runs, quick: bench_export(runs), False),
    "import": (lambda runs, quick: bench_import(runs), False),
    "check": (lambda runs, quick: bench_check(min(runs, 3)), False),
    "core-memory": (lambda runs, quick: bench_core_memory(min(runs, 3)), False),
    "outside": (lambda runs, quick: bench_outside(runs), True),
}


if __name__ == "__main__":
    main()
