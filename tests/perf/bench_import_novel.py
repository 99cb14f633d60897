"""Import a 3.3 MB novel into a new project and time it: `python tests/perf/bench_import_novel.py`.

The novel is made from the test corpus's prose: 120 chapters, hard-wrapped at 70 columns,
scenes split by ``* * *`` so that it has about 13,000 scenes (the worst case for writing files).
Prints the size, parts, scenes and the seconds for reading the plan and for creating the project.
"""

from __future__ import annotations

import random
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "novels"))

from make_novels import PROSE  # noqa: E402

from studio.core.importing.apply import create_from_plan  # noqa: E402
from studio.core.importing.reader import plan_import  # noqa: E402

TARGET_BYTES = 3_300_000
CHAPTERS = 120


def make_novel(path: Path) -> int:
    """Write the benchmark novel; return its size in bytes."""
    rng = random.Random(7)
    pool = PROSE["en"]
    out = ["THE LONG HARBOUR", "", "by A. Benchmark", "", ""]
    size, chapter = 0, 0
    per_chapter = TARGET_BYTES // CHAPTERS
    while size < TARGET_BYTES:
        chapter += 1
        out += [f"CHAPTER {chapter}.", "", ""]
        written = 0
        scene_paragraphs = 0
        while written < per_chapter:
            paragraph = textwrap.fill(" ".join(rng.sample(pool, rng.randint(1, 3))), 70)
            out += [paragraph, ""]
            written += len(paragraph.encode()) + 2
            scene_paragraphs += 1
            if scene_paragraphs == 2:
                out += ["* * *", ""]
                scene_paragraphs = 0
        out.append("")
        size += written
    text = "\n".join(out) + "\n"
    path.write_text(text, encoding="utf-8")
    return len(text.encode())


def main() -> None:
    """Make the novel, plan it, create a project from it; print the figures."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "novel.txt"
        size = make_novel(source)
        start = time.perf_counter()
        plan = plan_import([source])
        planned = time.perf_counter()
        create_from_plan(Path(folder) / "project", plan)
        done = time.perf_counter()
        print(
            f"{size / 1e6:.1f} MB, {len(plan.parts)} parts, {plan.scene_count} scenes: "
            f"plan {planned - start:.2f} s, new project {done - planned:.2f} s, total {done - start:.2f} s"
        )


if __name__ == "__main__":
    main()
