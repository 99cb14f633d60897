"""Benchmark: export a 1M-word manuscript to plain text, and import a 1M-word text file.

Run: ``python tests/perf/bench_publish.py`` (not collected by pytest).
Targets: export 1M words to plain text ≤ 0.3 s; import (read and plan) a 1M-word file ≤ 2 s.
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from studio.core import create_project, load_project  # noqa: E402
from studio.core.counting import count_words  # noqa: E402
from studio.core.importing.apply import create_from_plan  # noqa: E402
from studio.core.importing.reader import plan_import  # noqa: E402
from studio.core.publishing.exporting import export_text  # noqa: E402
from studio.core.publishing.options import ExportOptions  # noqa: E402

WORDS = "the wind came off the sea in long grey sheets and Mara didn't stop at the top of stairs".split()  # noqa: SIM905


def timed(label: str, func: Callable[[], object], runs: int = 5) -> object:
    """Run ``func`` several times and print median, min and max."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    print(f"{label:<48} median {statistics.median(times):.3f} s  min {min(times):.3f}  max {max(times):.3f}")
    return result


def main() -> None:
    """Build a 1M-word project, then print the timings."""
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()}"
    )
    random.seed(1)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["STUDIO_CONFIG_DIR"] = folder + "/config"
        project = create_project(Path(folder) / "big", "Big Story", "Bench")
        with project.batch():
            for number in range(50):
                part = project.add_part(f"Chapter {number + 1}")
                for _ in range(4):
                    paragraphs, words = [], 0
                    while words < 5000:  # fiction: short and long paragraphs, lots of dialogue
                        size = min(random.randint(3, 70), 5000 - words)
                        body = " ".join(random.choice(WORDS) for _ in range(size))
                        paragraphs.append(f'"{body}," she said.' if size < 15 else body + ".")
                        words += size + (2 if size < 15 else 0)
                    project.add_scene(part.id, text="\n".join(paragraphs) + "\n")
        print(f"manuscript: {project.words} words in {sum(len(p.scenes) for p in project.parts)} scenes")
        text = timed("export 1M words, plain text (defaults)", lambda: export_text(project, ExportOptions()))
        timed(
            "export 1M words, cold (project reopened, files read)",
            lambda: export_text(load_project(project.root, read_only=True), ExportOptions()),
            runs=3,
        )
        timed(
            "export 1M words, curly quotes + em dashes",
            lambda: export_text(project, ExportOptions(quotes="curly", dashes="em")),
        )
        timed("export 1M words, wrapped at 72", lambda: export_text(project, ExportOptions(wrap=72)))
        timed("export 1M words, HTML", lambda: export_text(project, ExportOptions(), fmt="html"))
        source = Path(folder) / "big.txt"
        source.write_text(str(text), encoding="utf-8")
        print(f"import file: {count_words(str(text))} words, {source.stat().st_size // 1024} KB")
        plan = timed("import 1M-word file (read + plan)", lambda: plan_import([source]))
        wrapped = Path(folder) / "wrapped.txt"
        wrapped.write_text(export_text(project, ExportOptions(wrap=72)), encoding="utf-8")
        timed("import 1M-word hard-wrapped file (read + plan)", lambda: plan_import([wrapped]), runs=3)
        counter = iter(range(100))
        timed(
            "import 1M-word file into a new project (all)",
            lambda: create_from_plan(Path(folder) / f"new{next(counter)}", plan_import([source])),
            runs=3,
        )
        print(f"plan: {len(plan.parts)} parts, {plan.scene_count} scenes")  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
