"""Launch to ready, as the user counts it: ``python tests/perf/launch.py [--sizes ...] [--with-novelwriter]``.

Each program is started as a fresh process and timed from just before it is spawned to the
first idle moment after its project's tree and open scene have painted (the program prints
``STUDIO_READY <wall clock>`` then: Story Studio under ``$STUDIO_READY_MARK``, the floor
and the novelWriter wrapper likewise). Programs:

* **floor**: a bare PySide6 window of the same shape (``floor_window.py``: a tree and a
  text edit in a splitter), the least any PySide6 app can take;
* **studio**: ``python -m studio PROJECT`` (the real command, run from this tree);
* **novelWriter** 26.2.2 (``--with-novelwriter``): its own venv (``nw_project.py``), the same
  work converted to its format, started by its own ``main()`` (``nw_ready.py``).

Every program runs once unmeasured first (bytecode compiled and cached, Story Studio's word
counts and novelWriter's index built), then ``--runs`` times, the programs taking turns.
After the mark the benchmark waits ``--settle`` seconds, reads the process's resident memory
(now and its peak so far, from /proc), and ends it with SIGTERM (each closes as on Quit).

Sizes: ``sample`` (the bundled sample project) or a number of words (``10k``, ``100k``,
``1M``, ``10M``: projects from ``generate.py``, 1,000 scenes per million words).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import selectors
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from generate import cached_project  # noqa: E402

SAMPLE = REPO / "projects" / "the-lamplighters-daughter"
WORK = Path(tempfile.gettempdir()) / "studio-perf" / "launch"
READY, SETTLED = "STUDIO_READY", "STUDIO_SETTLED"


@dataclass
class Sample:
    """One launch: seconds to ready (and to settled), memory in MB."""

    ready_s: float
    settled_s: float | None
    rss_mb: float
    peak_mb: float
    cpu_s: float  # processor time the process had used when it was ready (all its threads)


@dataclass
class Series:
    """Every launch of one program on one project."""

    program: str
    size: str
    samples: list[Sample] = field(default_factory=list)
    error: str = ""

    def median(self, key: str) -> float:
        """Median of one field over the samples (NaN when there are none)."""
        values = [getattr(s, key) for s in self.samples if getattr(s, key) is not None]
        return statistics.median(values) if values else float("nan")

    def spread(self, key: str) -> tuple[float, float]:
        """(min, max) of one field."""
        values = [getattr(s, key) for s in self.samples if getattr(s, key) is not None]
        return (min(values), max(values)) if values else (float("nan"), float("nan"))


def words_of(size: str) -> int:
    """``10k`` → 10,000; ``1M`` → 1,000,000; ``sample`` → 0."""
    if size == "sample":
        return 0
    scale = {"k": 1_000, "M": 1_000_000}.get(size[-1], 1)
    return int(float(size.rstrip("kM")) * scale)


def project_copy(size: str) -> Path:
    """A working copy of the project of ``size`` (made once per benchmark run; the cache is never opened)."""
    source = SAMPLE if size == "sample" else cached_project(words_of(size))
    target = WORK / size / "studio"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".studio"))
    os.sync()  # the copy's writes land now, not inside a timed launch
    return target


def novelwriter_copy(size: str, studio_dir: Path) -> tuple[list[str], Path]:
    """novelWriter's command and project for ``size`` (converted from ``studio_dir``)."""
    from nw_project import convert, ensure_novelwriter, write_config

    python = ensure_novelwriter()
    project = convert(studio_dir, WORK / size / "novelwriter")
    config = WORK / size / "nw-config"
    shutil.rmtree(config, ignore_errors=True)
    write_config(config)
    os.sync()
    return [str(python), str(HERE / "nw_ready.py"), str(project), str(config)], project


def base_env() -> dict[str, str]:
    """The environment of every launched program: offscreen unless a platform is chosen; bytecode kept."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached: so do we
    return env


def memory_of(pid: int) -> tuple[float, float]:
    """(resident, peak resident) of process ``pid`` in MB."""
    values: dict[str, float] = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", float("nan")), values.get("VmHWM", float("nan"))


def cpu_seconds(pid: int) -> float:
    """Processor time (user + system) process ``pid`` has used so far."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def launch_once(command: list[str], env: dict[str, str], settle: float, timeout: float = 120) -> Sample:
    """Start ``command``; return when it is ready, settled, and measured (then end it)."""
    start = time.time()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=REPO, text=True, bufsize=1
    )
    ready = settled = None
    selector = selectors.DefaultSelector()
    assert process.stdout is not None
    selector.register(process.stdout, selectors.EVENT_READ)
    limit = time.monotonic() + timeout
    settle_until = None
    try:
        while time.monotonic() < limit:
            if settle_until is not None and time.monotonic() >= settle_until:
                break
            wait = (settle_until or limit) - time.monotonic()
            if not selector.select(timeout=max(0.0, wait)):
                continue
            line = process.stdout.readline()
            if not line:
                break  # the program ended
            name, _, stamp = line.strip().partition(" ")
            if name == READY and ready is None:
                ready = float(stamp) - start
                cpu = cpu_seconds(process.pid)
                settle_until = time.monotonic() + settle
            elif name == SETTLED and settled is None:
                settled = float(stamp) - start
        if ready is None:
            raise RuntimeError(f"{Path(command[1]).name}: no ready mark (exit {process.poll()})")
        rss, peak = memory_of(process.pid)
    finally:
        selector.close()
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return Sample(ready, settled, rss, peak, cpu)


def measure(
    sizes: list[str],
    runs: int,
    settle: float,
    with_novelwriter: bool,
    log=print,  # noqa: ANN001
) -> dict[str, dict[str, Series]]:
    """Launch every program on every size; return series by size and program."""
    results: dict[str, dict[str, Series]] = {}
    for size in sizes:
        studio_dir = project_copy(size)
        config = WORK / size / "studio-config"
        shutil.rmtree(config, ignore_errors=True)
        env = base_env()
        studio_env = dict(env, STUDIO_READY_MARK="1", STUDIO_CONFIG_DIR=str(config), PYTHONPATH=str(REPO))
        programs: dict[str, tuple[list[str], dict[str, str]]] = {
            "floor": ([sys.executable, str(HERE / "floor_window.py")], env),
            "studio": ([sys.executable, "-m", "studio", str(studio_dir)], studio_env),
        }
        if with_novelwriter:
            command, _ = novelwriter_copy(size, studio_dir)
            programs["novelWriter"] = (command, env)
        series = {name: Series(name, size) for name in programs}
        for name, (command, program_env) in programs.items():  # warm-up: bytecode, caches, index
            try:
                launch_once(command, program_env, 0.2)
            except (RuntimeError, OSError) as error:
                series[name].error = str(error)
        for run in range(runs):
            for name, (command, program_env) in programs.items():
                if series[name].error:
                    continue
                try:
                    series[name].samples.append(launch_once(command, program_env, settle))
                except (RuntimeError, OSError) as error:
                    series[name].error = str(error)
            log(f"  {size}: run {run + 1}/{runs} done", file=sys.stderr, flush=True)
        results[size] = series
    return results


def ms(seconds: float) -> str:
    """Seconds as a short figure in ms or s."""
    if seconds != seconds:
        return "—"
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.0f} ms"


def verdicts(size: str, series: dict[str, Series]) -> list[str]:
    """The targets that apply to ``size``, each with its verdict."""
    studio = series["studio"]
    ready, peak = studio.median("ready_s"), studio.median("peak_mb")
    lines = []
    if size == "sample" and "floor" in series:
        floor = series["floor"].median("ready_s")
        ok = ready <= 2 * floor
        lines.append(f"small project ≤ 2× floor: {ready / floor:.2f}× — {'met' if ok else 'MISSED'}")
    if words_of(size) == 1_000_000:
        nw = series.get("novelWriter")
        if nw is not None and nw.samples:
            ratio = ready / nw.median("ready_s")
            lines.append(f"1M words ≤ 0.3× novelWriter: {ratio:.2f}× — {'met' if ratio <= 0.3 else 'MISSED'}")
        lines.append(f"1M words memory ≤ 90 MB (peak): {peak:.0f} MB — {'met' if peak <= 90 else 'MISSED'}")
    if words_of(size) == 10_000_000:
        lines.append(f"10M words opens ≤ 3 s: {ms(ready)} — {'met' if ready <= 3 else 'MISSED'}")
        lines.append(
            f"10M words memory ≤ 300 MB (peak): {peak:.0f} MB — {'met' if peak <= 300 else 'MISSED'}"
        )
    return lines


def machine() -> str:
    """CPU, cores, Python, load average."""
    cpu = "?"
    with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}; load average {load}"


def report(results: dict[str, dict[str, Series]], runs: int, settle: float, command: str) -> str:
    """The side-by-side table, the details and the verdicts, as markdown."""
    lines = [
        f"`{command}` — median of {runs} runs after a warm-up; {machine()}; "
        f"QT_QPA_PLATFORM={base_env()['QT_QPA_PLATFORM']}.",
        "",
        "| project | bare Qt floor | Story Studio | novelWriter 26.2.2 | Studio ÷ floor "
        "| Studio ÷ novelWriter | Studio memory (now / peak) | novelWriter memory (now / peak) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, series in results.items():
        floor, studio, nw = series.get("floor"), series["studio"], series.get("novelWriter")
        f_ready = floor.median("ready_s") if floor else float("nan")
        s_ready = studio.median("ready_s")
        n_ready = nw.median("ready_s") if nw and nw.samples else float("nan")
        label = "sample (5k words, 10 scenes)" if size == "sample" else f"{size} words"
        mem = f"{studio.median('rss_mb'):.0f} / {studio.median('peak_mb'):.0f} MB"
        nw_mem = f"{nw.median('rss_mb'):.0f} / {nw.median('peak_mb'):.0f} MB" if nw and nw.samples else "—"
        nw_cell = ms(n_ready) if nw else "not run"
        if nw and nw.error:
            nw_cell = f"failed: {nw.error}"
        versus_nw = f"{s_ready / n_ready:.2f}×" if n_ready == n_ready else "—"
        lines.append(
            f"| {label} | {ms(f_ready)} | {ms(s_ready)} | {nw_cell} | {s_ready / f_ready:.2f}× "
            f"| {versus_nw} | {mem} | {nw_mem} |"
        )
    lines += [
        "",
        "| project | program | ready: median (min–max) | processor time to ready | settled "
        "| memory now / peak |",
        "|---|---|---|---|---|---|",
    ]
    for size, series in results.items():
        for name, one in series.items():
            if one.error and not one.samples:
                lines.append(f"| {size} | {name} | failed: {one.error} | | | |")
                continue
            low, high = one.spread("ready_s")
            settled = ms(one.median("settled_s")) if name == "studio" else "—"
            lines.append(
                f"| {size} | {name} | {ms(one.median('ready_s'))} ({ms(low)}–{ms(high)}) | "
                f"{ms(one.median('cpu_s'))} | {settled} | "
                f"{one.median('rss_mb'):.0f} / {one.median('peak_mb'):.0f} MB |"
            )
    lines += [
        "",
        f"Memory read {settle:g} s after the ready mark (VmRSS, and VmHWM: the peak so far). "
        "Processor time (user + system, every thread) read at the mark: it grows less than the "
        "wall clock on a busy machine.",
    ]
    lines += ["", "Targets:"] + [f"- {v}" for size, s in results.items() for v in verdicts(size, s)]
    return "\n".join(lines)


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["sample", "1M"], help="sample, 10k, 100k, 1M, 10M …")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--settle", type=float, default=1.0, help="seconds after ready before memory is read")
    parser.add_argument("--with-novelwriter", action="store_true", help="also launch novelWriter 26.2.2")
    parser.add_argument("--json", metavar="FILE", help="also write every sample as JSON")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    results = measure(args.sizes, args.runs, args.settle, args.with_novelwriter)
    command = "python tests/perf/launch.py " + " ".join(sys.argv[1:])
    print(report(results, args.runs, args.settle, command.strip()))
    if args.json:
        payload = {
            size: {name: [s.__dict__ for s in one.samples] for name, one in series.items()}
            for size, series in results.items()
        }
        Path(args.json).write_text(json.dumps(payload, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
