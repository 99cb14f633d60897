"""Mutate real projects' manifests, caches and settings: every case opens or gives one line, nothing else.

    python tests/stress/mutate_manifests.py [--cases 10000] [--seed N] [--timeout 20] [--workers 2]

Starts from the sample project and generated ones (``tests/perf/generate.py``), then for each
case mutates ``story.json`` (type swaps, deletions, lone surrogates, deep nesting, huge values,
byte flips, truncation), ``.studio/word-counts.json`` and ``settings``, and runs in process
``load_project``, the ``info`` summary, an export to a string, a move, a text save and a save.
A ``StudioError`` with a one-line message is a fine answer; anything else is a failure, by kind:
``traceback`` (any other exception), ``crash`` (the worker process died), ``hang`` (a case ran
past the timeout), ``outside-write`` (a sibling folder changed), ``bad-message`` (a message or
problem of several lines, or one holding a lone surrogate). Cases run in worker subprocesses
so a crash or hang costs one case, not the run. Prints a summary table; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from studio.core import load_project  # noqa: E402
from studio.core.errors import StudioError  # noqa: E402

SAMPLE = REPO / "projects" / "the-lamplighters-daughter"
OUTCOME = [""]  # what the last case's load gave: "opened" or "refused"
KINDS = ("traceback", "crash", "hang", "outside-write", "bad-message")

# -- mutations ---------------------------------------------------------------------------------


def _junk(rng: random.Random, depth: int = 0) -> Any:
    """A hostile JSON value."""
    choice = rng.randrange(16)
    if choice == 0:
        return None
    if choice == 1:
        return rng.choice([True, False])
    if choice == 2:
        return rng.choice([0, -1, 2**31, -(2**63), 10 ** rng.randrange(1, 120)])
    if choice == 3:
        return rng.choice([1.5, -0.0, 1e308, float("nan"), float("inf")])
    if choice == 4:
        return "".join(rng.choice("ab\ud800\udfff\x00\n/..é—\u202e") for _ in range(rng.randrange(1, 12)))
    if choice == 5:
        return "x" * rng.choice([100, 10_000, 100_000, 1_100_000])
    if choice == 6:
        deep: Any = []
        for _ in range(rng.choice([10, 33, 200, 900])):
            deep = [deep]
        return deep
    if choice == 7:
        return rng.choice(["../../outside", "/etc/passwd", ".hidden", "con:", "a" * 300, "", " "])
    if choice == 8 and depth < 3:
        return [_junk(rng, depth + 1) for _ in range(rng.randrange(4))]
    if choice == 9 and depth < 3:
        return {rng.choice(["id", "file", "title", "kind", "\ud800"]): _junk(rng, depth + 1)}
    if choice == 10:
        return rng.choice(["en", "en-GB", "x" * 100_000, "../en", "e", "en_US.UTF-8"])
    if choice == 11:
        return rng.choice(["scene", "part", "character", "draft"])
    return rng.choice(["plain", "", "s-1", "p-1", "abc"])


def _containers(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a dict or list inside ``value``."""
    found = []
    if isinstance(value, dict):
        found.append(path)
        for key, item in value.items():
            found += _containers(item, (*path, key))
    elif isinstance(value, list):
        found.append(path)
        for index, item in enumerate(value):
            found += _containers(item, (*path, index))
    return found


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


def mutate_document(rng: random.Random, document: Any) -> None:
    """Apply one structural mutation somewhere in a decoded manifest."""
    target = _at(document, rng.choice(_containers(document)))
    kind = rng.randrange(5)
    if isinstance(target, dict) and target:
        key = rng.choice(list(target))
        if kind == 0:
            del target[key]
        elif kind == 1 and isinstance(target[key], list) and target[key]:
            target[key].append(rng.choice(target[key]))  # a duplicate entry
        else:
            target[key] = _junk(rng)
    elif isinstance(target, list) and target:
        index = rng.randrange(len(target))
        if kind == 0:
            del target[index]
        elif kind == 1:
            target.append(target[index])
        else:
            target[index] = _junk(rng)


def mutate_settings(rng: random.Random, document: Any) -> None:
    """Spoil the project settings the app reads."""
    if not isinstance(document, dict):
        return
    settings = document.setdefault("settings", {})
    if not isinstance(settings, dict):
        return
    key = rng.choice(["export", "spelling", "imports", "x"])
    if key == "export" and rng.random() < 0.5:
        settings["export"] = {rng.choice(["wrap", "header", "separator", "format", "quotes"]): _junk(rng)}
    else:
        settings[key] = _junk(rng)


def mutate_bytes(rng: random.Random, raw: bytes) -> bytes:
    """Flip, cut or insert bytes."""
    if not raw:
        return raw
    kind = rng.randrange(3)
    if kind == 0:
        data = bytearray(raw)
        for _ in range(rng.randrange(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if kind == 1:
        return raw[: rng.randrange(len(raw))]
    at = rng.randrange(len(raw))
    return raw[:at] + rng.choice([b"\xed\xa0\x80", b"\\ud800", b"[" * 5000, b"\x00", b"9" * 5000]) + raw[at:]


def mutate_cache(rng: random.Random, root: Path) -> None:
    """Spoil ``.studio/word-counts.json``."""
    path = root / ".studio" / "word-counts.json"
    try:
        entries = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        entries = {}
    if entries and rng.random() < 0.6:
        key = rng.choice(list(entries))
        entries[key] = rng.choice([_junk(rng), [1], [None, None, None], ["a", 1, 2], [0, 0, "abc"]])
        path.write_text(json.dumps(entries), "utf-8")
    else:
        path.write_bytes(mutate_bytes(rng, path.read_bytes() if path.exists() else b"{}"))


def mutate_project(rng: random.Random, root: Path) -> list[str]:
    """Damage a copy of a project; return what was done."""
    done = []
    manifest = root / "story.json"
    raw = manifest.read_bytes()
    document = json.loads(raw)
    for _ in range(rng.randrange(1, 4)):
        what = rng.choices(["document", "settings", "cache", "bytes"], weights=[6, 2, 2, 2])[0]
        done.append(what)
        if what == "document":
            mutate_document(rng, document)
        elif what == "settings":
            mutate_settings(rng, document)
        elif what == "cache":
            mutate_cache(rng, root)
    try:
        text = json.dumps(document, ensure_ascii=rng.random() < 0.5, allow_nan=True)
        data = text.encode("utf-8", errors="surrogatepass")
    except RecursionError:  # junk nested in junk: too deep even to write; write it as bytes
        done.append("bytes")
        data = raw[:-2] + b', "deep": ' + b"[" * 3000 + b"]" * 3000 + b"}"
    if "bytes" in done:
        data = mutate_bytes(rng, data)
    manifest.write_bytes(data)
    return done


# -- running one case --------------------------------------------------------------------------


def _check_line(text: str) -> str | None:
    if "\n" in text or len(text) > 2000:
        return "several lines or overlong"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "a lone surrogate"
    return None


def exercise(root: Path) -> list[str]:
    """Run the operations a user would; return bad messages (a StudioError is a fine answer)."""
    from studio.cli.project_commands import project_summary
    from studio.core.publishing.exporting import export_text

    bad = []
    try:
        project = load_project(root)
    except StudioError as error:
        OUTCOME[0] = "refused"
        problem = _check_line(str(error))
        return [f"refusal: {problem}"] if problem else []
    OUTCOME[0] = "opened"
    for problem in project.problems:
        if _check_line(problem):
            bad.append(f"problem: {_check_line(problem)}")
    steps = [
        lambda: json.dumps(project_summary(project), ensure_ascii=False).encode("utf-8"),
        lambda: export_text(project),
    ]
    scenes = [s.id for s in project.iter_scenes()]
    if len(scenes) >= 2 and project.parts:
        steps.append(lambda: project.move_scenes([scenes[0]], project.parts[-1].id, 0))
    if scenes:
        steps.append(lambda: project.set_scene_text(scenes[-1], project.scene_text(scenes[-1]) + " more"))
    steps.append(lambda: project.save(force=True))
    for step in steps:
        try:
            step()
        except StudioError as error:
            if _check_line(str(error)):
                bad.append(f"error message: {_check_line(str(error))}")
    return bad


def state_of(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder`` (links not followed)."""
    found: dict[str, bytes | str] = {}
    for here, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(here) / name
            key = str(path.relative_to(folder))
            found[key] = "link" if path.is_symlink() else path.read_bytes() if path.is_file() else "folder"
    return found


class CaseTimeout(BaseException):
    """Raised by the alarm when one case runs too long."""


def _alarm(_number: int, _frame: object) -> None:
    raise CaseTimeout


def run_case(seed: int, number: int, bases: list[Path], work: Path, timeout: int) -> tuple[str, str]:
    """Run one case; return (kind, detail), kind "" when it passed."""
    rng = random.Random(seed * 1_000_003 + number)
    case = work / f"case-{number}"
    outside = case / "outside"
    outside.mkdir(parents=True)
    (outside / "keep.txt").write_text("not the project's\n", "utf-8")
    root = case / "story"
    shutil.copytree(rng.choice(bases), root, symlinks=True)
    done = mutate_project(rng, root)
    before = state_of(outside)
    signal.alarm(timeout)
    try:
        bad = exercise(root)
    except CaseTimeout:
        return "hang", f"{'+'.join(done)}"
    except Exception as error:  # anything but StudioError is a failure: say where it came from
        frame = traceback.extract_tb(error.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        return "traceback", f"{type(error).__name__} at {where} ({'+'.join(done)})"
    finally:
        signal.alarm(0)
    if state_of(outside) != before or sorted(os.listdir(case)) != ["outside", "story"]:
        return "outside-write", "+".join(done)
    if bad:
        return "bad-message", bad[0]
    return "", OUTCOME[0]


def make_bases(folder: Path) -> list[Path]:
    """The sample project and two generated ones, each opened once (so each has a count cache)."""
    sys.path.insert(0, str(REPO / "tests" / "perf"))
    from generate import generate_project

    bases = [folder / "sample"]
    shutil.copytree(SAMPLE, bases[0])
    for words, scenes in ((3000, 12), (800, 4)):
        bases.append(generate_project(folder / f"generated-{words}", words, seed=words, scenes=scenes))
    for base in bases:
        load_project(base)
    return bases


def worker(seed: int, start: int, count: int, timeout: int) -> None:
    """Run cases ``start .. start+count-1``, one JSON line each (a "started" line first)."""
    signal.signal(signal.SIGALRM, _alarm)
    with tempfile.TemporaryDirectory(prefix="studio-mutate-") as temp:
        work = Path(temp)
        bases = make_bases(work / "bases")
        for number in range(start, start + count):
            print(json.dumps({"started": number}), flush=True)
            kind, detail = run_case(seed, number, bases, work, timeout)
            print(json.dumps({"case": number, "kind": kind, "detail": detail}), flush=True)
            shutil.rmtree(work / f"case-{number}", ignore_errors=True)


# -- the parent: worker processes, crash and hang accounting -----------------------------------


def run_chunk(seed: int, start: int, count: int, timeout: int) -> list[tuple[int, str, str]]:
    """Run a chunk in a subprocess; a crash or a stuck worker costs the case it was on."""
    results: list[tuple[int, str, str]] = []
    next_case = start
    end = start + count
    while next_case < end:
        command = [sys.executable, __file__, "--worker", str(next_case), str(end - next_case)]
        command += ["--seed", str(seed), "--timeout", str(timeout)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        current = None
        deadline = [time.monotonic() + timeout * 3 + 60]

        def kill(process: subprocess.Popen[str] = process) -> None:
            with contextlib.suppress(ProcessLookupError):
                process.kill()

        assert process.stdout is not None
        for line in process.stdout:
            message = json.loads(line)
            if "started" in message:
                current = message["started"]
                deadline[0] = time.monotonic() + timeout * 3 + 60
            else:
                results.append((message["case"], message["kind"], message["detail"]))
                current = None
                next_case = message["case"] + 1
            if time.monotonic() > deadline[0]:
                kill()
        code = process.wait()
        if next_case >= end:
            break
        number = current if current is not None else next_case
        results.append((number, "crash" if code else "hang", f"worker exit code {code}"))
        next_case = number + 1
    return results


def main() -> int:
    """Run the cases; print the summary table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=int, default=20, help="seconds per case before it is a hang")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--worker", nargs=2, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.seed, args.worker[0], args.worker[1], args.timeout)
        return 0
    started = time.monotonic()
    results = run_all(args.cases, args.seed, args.timeout, args.workers)
    seconds = time.monotonic() - started
    failures = Counter(kind for _, kind, _ in results if kind)
    print(f"mutate_manifests: seed {args.seed}, {args.workers} workers")
    print("| cases | passed | " + " | ".join(KINDS) + " | seconds |")
    print("|---" * (len(KINDS) + 3) + "|")
    passed = sum(1 for _, kind, _ in results if not kind)
    opened = sum(1 for _, kind, detail in results if not kind and detail == "opened")
    cells = " | ".join(str(failures.get(kind, 0)) for kind in KINDS)
    print(f"| {len(results)} | {passed} | {cells} | {seconds:.0f} |")
    print(f"passed: {opened} opened (with any problems noted), {passed - opened} refused in one line")
    shown = Counter(f"{kind}: {detail.split(' (')[0]}" for _, kind, detail in results if kind)
    for text, times in shown.most_common(20):
        example = next(n for n, k, d in results if k and f"{k}: {d.split(' (')[0]}" == text)
        print(f"  {times} × {text}  (e.g. case {example})")
    return 1 if failures or len(results) != args.cases else 0


def run_all(cases: int, seed: int, timeout: int, workers: int) -> list[tuple[int, str, str]]:
    """Split the cases into one chunk per worker and run them side by side."""
    from concurrent.futures import ThreadPoolExecutor

    size = -(-cases // max(1, workers))
    chunks = [(start, min(size, cases - start)) for start in range(0, cases, size)]
    with ThreadPoolExecutor(max_workers=len(chunks)) as pool:
        parts = pool.map(lambda chunk: run_chunk(seed, chunk[0], chunk[1], timeout), chunks)
    return sorted(result for part in parts for result in part)


if __name__ == "__main__":
    sys.exit(main())
