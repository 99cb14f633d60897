"""Benchmark: the corkboard (and the table and timeline) on 1,000 scenes.

Run: ``python tests/perf/bench_corkboard.py [--scenes 1000]`` (not collected by pytest).
Generates a project of ``--scenes`` scenes (100 words each, synopses, three labels spread
over the scenes, story times) in a temp folder with the shared generator, then measures,
offscreen, as medians of 5 runs:

- *show*: build the view (model, filter proxy, delegate), show it at 1280x800 and finish its
  first paint — the target is 200 ms for 1,000 cards;
- *scroll*: one page-down scroll and the repaint after it, over the whole board (median and
  worst frame; 16 ms is one frame at 60 Hz);
- *drop*: two cards moved to another part through the undo stack, the rows following, and
  the undo (the move writes story.json: disk time included);
- *filter*: switching the label filter on and off.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_project  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from studio.app import commands  # noqa: E402
from studio.app.session import ProjectSession  # noqa: E402
from studio.core import load_project  # noqa: E402

SHOW_TARGET_MS = 200


def median_ms(action: Callable[[], object], runs: int = 5) -> float:
    """Median wall time of ``action()`` in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def prepare(folder: Path, scenes: int) -> ProjectSession:
    """A project of ``scenes`` scenes with labels and story times, open in a session."""
    root = generate_project(folder / "story", words=scenes * 100, scenes=scenes)
    project = load_project(root)
    labels = [project.add_label(name).id for name in ("Ghost", "Storm", "The letter")]
    all_scenes = list(project.iter_scenes())
    project.set_scene_labels(
        {s.id: [labels[n % 3]] + ([labels[1]] if n % 5 == 0 else []) for n, s in enumerate(all_scenes)}
    )
    for number, scene in enumerate(all_scenes[: min(len(all_scenes), 300)]):
        project.set_story_time(scene.id, f"Day {number % 40}", number % 7)
    return ProjectSession(project)


def show_and_paint(make: Callable[[], QWidget], app: QApplication) -> QWidget:
    """Build a view, show it at 1280x800 and paint it once; return it."""
    view = make()
    view.resize(1280, 800)
    view.show()
    viewport = getattr(view, "viewport", lambda: view)()
    viewport.repaint()
    app.processEvents()
    return view


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scenes", type=int, default=1000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    from studio.gui.settings import AppSettings
    from studio.gui.views.corkboard.view import CorkboardView
    from studio.gui.views.table.view import OutlineTableView
    from studio.gui.views.timeline.view import TimelineView

    with tempfile.TemporaryDirectory() as folder:
        session = prepare(Path(folder), args.scenes)
        project = session.project
        print(
            f"{len(list(project.iter_scenes())):,} scenes in {len(project.parts)} parts,"
            f" {len(project.labels)} labels"
        )
        shown: list[QWidget] = []

        def board() -> None:
            if shown:
                shown.pop().deleteLater()
            shown.append(show_and_paint(lambda: CorkboardView(session), app))

        show = median_ms(board)
        verdict = "ok" if show <= SHOW_TARGET_MS else f"OVER the {SHOW_TARGET_MS} ms target"
        print(f"corkboard show (build + first paint): {show:7.1f} ms  ({verdict})")
        view = shown[0]
        assert isinstance(view, CorkboardView)
        bar = view.verticalScrollBar()
        for name, step in (("a wheel step (3 lines)", 3 * bar.singleStep()), ("a page (all repainted)", 0)):
            frames = []
            bar.setValue(0)
            app.processEvents()
            while bar.value() < bar.maximum():
                start = time.perf_counter()
                bar.setValue(bar.value() + (step or bar.pageStep()))
                if step:
                    app.processEvents()  # Qt scrolls the pixels and paints only the strip uncovered
                else:
                    view.viewport().repaint()
                frames.append((time.perf_counter() - start) * 1000)
            print(
                f"corkboard scroll by {name}, {len(frames)} frames: median"
                f" {statistics.median(frames):5.2f} ms, worst {max(frames):5.2f} ms (16.7 ms = 60 Hz)"
            )
        parts = project.parts

        def drop_and_undo() -> None:
            moving = [parts[0].scenes[0].id, parts[0].scenes[2].id]
            session.push(commands.MoveScenesCommand(session, moving, parts[-1].id, 1))
            view.viewport().repaint()
            session.undo_stack.undo()
            view.viewport().repaint()

        print(
            "corkboard drop of 2 cards + undo (rows follow, story.json written twice):"
            f" {median_ms(drop_and_undo):6.1f} ms"
        )
        label = project.labels[1].id

        def filter_on_off() -> None:
            view.proxy.set_label(label)
            view.viewport().repaint()
            view.proxy.set_label("")
            view.viewport().repaint()

        print(f"label filter on + off, repainted: {median_ms(filter_on_off):6.1f} ms")
        view.close()

        def table() -> None:
            show_and_paint(lambda: OutlineTableView(session, AppSettings()), app).close()

        def timeline() -> None:
            show_and_paint(lambda: TimelineView(session), app).close()

        print(f"outline table show (build + first paint): {median_ms(table):7.1f} ms")
        print(f"timeline show (build + first paint): {median_ms(timeline):7.1f} ms")


if __name__ == "__main__":
    main()
