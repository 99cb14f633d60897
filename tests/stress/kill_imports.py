"""Kill ``studio import`` with SIGKILL at random moments: a project is whole or absent, never torn or doubled.

    python tests/stress/kill_imports.py [--kills 200] [--seed N] [--scenes 120]

Each round runs the real ``python -m studio import FILE --into DIR`` in a subprocess, half the
rounds into a new folder and half into an existing project, and SIGKILLs it at a random moment
spread from 0 to its normal run time. Then it checks: a new target is absent or a whole project
that loads with every word of the source; an existing project holds its old parts, or its old
parts and one whole copy of the source. Then it runs the same import again (unkilled) and
checks that the result is exactly one copy, with no staging folder, temp file or journal left.
Prints the kills, the outcomes and the seconds; exits 1 when a check failed.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from studio.core.errors import StudioError  # noqa: E402
from studio.core.storage import load_project  # noqa: E402

Signature = list[tuple[str, str, list[str]]]
PARAGRAPH = (
    "The lamp at the point went dark at nine, and nobody in the village could say who had last climbed "
    "the stair. \u201cIt\u2019s the wind,\u201d said the Captain, though the night was still."
)


def write_source(path: Path, scenes: int, title: str) -> None:
    """Write a story of ``scenes`` scenes in parts of ten, each scene a few paragraphs."""
    lines = [title, "By A. Writer", ""]
    for number in range(scenes):
        if number % 10 == 0:
            lines += [f"Part {number // 10 + 1}: The Night {number // 10 + 1}", ""]
        elif lines[-2:] != ["* * *", ""]:
            lines += ["* * *", ""]
        lines += [f"{PARAGRAPH} Scene {number}, paragraph {p}." for p in range(4)] + [""]
    path.write_text("\n\n".join(line for line in lines if line) + "\n", encoding="utf-8")


def signature(root: Path) -> tuple[Signature, list[str]]:
    """The project's parts (title, notes, scene texts) and its problems; raises if it does not load."""
    project = load_project(root, read_only=True)
    parts = [(p.title, p.notes, [project.scene_text(s.id) for s in p.scenes]) for p in project.parts]
    return parts, list(project.problems)


def leftovers(parent: Path, target: Path) -> list[str]:
    """Staging folders beside the target, temp files and journals inside it."""
    found = [p.name for p in parent.iterdir() if ".importing-" in p.name]
    if target.is_dir():
        found += [str(p.relative_to(target)) for p in target.rglob("*.tmp")]
        found += [str(p.relative_to(target)) for p in target.rglob("import-journal.json")]
    return found


def studio_import(source: Path, target: Path, *extra: str) -> subprocess.Popen[bytes]:
    """Start the real command line importing ``source`` into ``target``."""
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-m", "studio", "import", str(source), "--into", str(target), *extra],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def timed_run(source: Path, target: Path) -> float:
    """Run one import to the end; return its seconds."""
    started = time.monotonic()
    process = studio_import(source, target)
    _, err = process.communicate(timeout=120)
    if process.returncode != 0:
        raise SystemExit(f"the unkilled import failed: {err.decode(errors='replace')}")
    return time.monotonic() - started


class Rounds:
    """The kill rounds and their tallies."""

    def __init__(self, work: Path, scenes: int, seed: int) -> None:
        self.work, self.rng = work, random.Random(seed)
        self.source, self.base_source = work / "story.txt", work / "base.txt"
        write_source(self.source, scenes, "The Lamp at Harrow Point")
        write_source(self.base_source, 3, "The Base Story")
        self.template = work / "template"
        timed_run(self.base_source, self.template)
        self.base, _ = signature(self.template)
        reference = work / "reference"
        self.normal = {"new": timed_run(self.source, reference)}
        self.expected, _ = signature(reference)
        copy = work / "reference-existing"
        shutil.copytree(self.template, copy)
        self.normal["existing"] = timed_run(self.source, copy)
        self.outcomes: Counter[str] = Counter()
        self.failures: list[str] = []

    def fail(self, number: int, message: str) -> None:
        """Record a failed check."""
        self.failures.append(f"kill {number}: {message}")

    def one(self, number: int, mode: str) -> None:
        """Kill one import at a random moment, check what it left, re-run it, check again."""
        parent = self.work / f"{mode}-parents" / str(number % 3)  # shared parents: staging is cleaned
        parent.mkdir(parents=True, exist_ok=True)
        target = parent / f"project-{number}"
        if mode == "existing":
            shutil.copytree(self.template, target)
        delay = self.rng.uniform(0, self.normal[mode])
        process = studio_import(self.source, target)
        time.sleep(delay)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.wait()
            killed = "killed"
        else:
            process.wait()
            killed = "finished first"
        state = self.check_after_kill(number, mode, target)
        self.outcomes[f"{mode}: {killed}, {state}"] += 1
        rerun = studio_import(self.source, target)
        _, err = rerun.communicate(timeout=120)
        message = err.decode(errors="replace").strip()
        if rerun.returncode not in (0, 1) or (rerun.returncode == 1 and "already imported" not in message):
            self.fail(number, f"re-run exit {rerun.returncode}: {message}")
        self.outcomes[f"{mode}: re-run {'refused as a duplicate' if rerun.returncode else 'imported'}"] += 1
        self.check_one_copy(number, mode, parent, target)
        shutil.rmtree(target, ignore_errors=True)

    def check_after_kill(self, number: int, mode: str, target: Path) -> str:
        """Absent, or whole (new); as before, or with one copy appended (existing)."""
        if mode == "new" and not target.exists():
            return "absent"
        try:
            parts, problems = signature(target)
        except StudioError as error:
            self.fail(number, f"does not load after the kill: {error}")
            return "torn"
        old = self.base if mode == "existing" else []
        if parts == old + self.expected:
            whole = [p for p in problems if "recovered" not in p]
            if whole:
                self.fail(number, f"whole but with problems: {whole}")
            return "whole"
        if mode == "existing" and parts == old:
            return "as before" + (" (orphan scene files until the next run)" if problems else "")
        self.fail(number, f"half made: {len(parts)} parts")
        return "torn"

    def check_one_copy(self, number: int, mode: str, parent: Path, target: Path) -> None:
        """After the re-run: exactly one copy, no problems, nothing left behind."""
        try:
            parts, problems = signature(target)
        except StudioError as error:
            self.fail(number, f"does not load after the re-run: {error}")
            return
        old = self.base if mode == "existing" else []
        if parts != old + self.expected:
            self.fail(number, f"after the re-run: {len(parts)} parts, expected {len(old + self.expected)}")
        if problems:
            self.fail(number, f"after the re-run: problems {problems[:3]}")
        left = leftovers(parent, target)
        if left:
            self.fail(number, f"after the re-run, left behind: {left[:5]}")


def run(kills: int, seed: int, scenes: int, quiet: bool = False) -> dict[str, object]:
    """Run ``kills`` rounds (alternating new and existing); return the tallies."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="studio-kill-imports-") as tmp:
        rounds = Rounds(Path(tmp), scenes, seed)
        for number in range(kills):
            rounds.one(number, "new" if number % 2 == 0 else "existing")
    seconds = time.monotonic() - started
    if not quiet:
        normal = ", ".join(f"{mode} {value:.2f} s" for mode, value in rounds.normal.items())
        print(f"kills: {kills} (seed {seed}, {scenes} scenes, normal run: {normal}), {seconds:.1f} s")
        for outcome, count in sorted(rounds.outcomes.items()):
            print(f"  {outcome}: {count}")
        print(f"failed checks: {len(rounds.failures)}")
        for line in rounds.failures[:20]:
            print("  " + line)
    return {"kills": kills, "outcomes": rounds.outcomes, "failures": rounds.failures, "seconds": seconds}


def main() -> int:
    """Parse the options, run, and exit 1 when a check failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scenes", type=int, default=120, help="scenes in the imported story")
    args = parser.parse_args()
    return 1 if run(args.kills, args.seed, args.scenes)["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
