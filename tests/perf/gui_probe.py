"""One GUI measurement in a fresh process, printed as ``RESULT {json}`` (run by ``run.py``).

    python tests/perf/gui_probe.py open PROJECT --t0 WALLCLOCK   # launch to a ready window
    python tests/perf/gui_probe.py editor PROJECT [--keys N]     # 20,000-word scene: first paint, keystrokes
    python tests/perf/gui_probe.py outside PROJECT               # outside edit to the editor showing it

"Ready" means: ``open_window`` returned, the window is shown, the outline's model has
rows, and both the outline's and the editor's viewports have painted once. ``--t0`` is
the parent's ``time.time()`` just before it started this process, so the figure
includes the interpreter's start-up and every import.
"""

from __future__ import annotations

import time

PROCESS_START = time.time()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("STUDIO_CONFIG_DIR", tempfile.mkdtemp(prefix="studio-perf-config-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEvent, QObject, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget  # noqa: E402

IMPORTED = time.time()


class PaintSpy(QObject):
    """Counts paint events on the widgets it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.painted: set[int] = set()

    def watch(self, widget: QWidget) -> None:
        """Start watching ``widget`` for paint events."""
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Note a paint event; never consume it."""
        if event.type() == QEvent.Type.Paint:
            self.painted.add(id(watched))
        return False


def resident_mb() -> tuple[float, float]:
    """Return (current, peak) resident memory of this process in MB."""
    values = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def spin_until(app: QApplication, done, timeout: float = 20.0) -> bool:  # noqa: ANN001
    """Process events until ``done()`` or the timeout; return whether it came true."""
    limit = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > limit:
            return False
        app.processEvents()
    return True


def spin_for(app: QApplication, seconds: float) -> None:
    """Process events for ``seconds`` (lets workers and timers run)."""
    limit = time.perf_counter() + seconds
    while time.perf_counter() < limit:
        app.processEvents()
        time.sleep(0.001)


def outline_tree(window: QWidget) -> QAbstractItemView | None:
    """The item view of the outline (the view itself or the first one inside it)."""
    view = window.outline_view
    if isinstance(view, QAbstractItemView):
        return view
    return view.findChild(QAbstractItemView)


def open_ready(project: str):  # noqa: ANN201
    """Open the window and wait until it is ready; return (app, window, timings in s)."""
    from studio.gui import open_window
    from studio.gui.app import ensure_application

    app = ensure_application()
    started = time.perf_counter()
    window = open_window(project)
    built = time.perf_counter()
    spy = PaintSpy()
    tree = outline_tree(window)
    watched = [window.editor.viewport()] + ([tree.viewport()] if tree is not None else [])
    for widget in watched:
        spy.watch(widget)
    window.show()
    ok = spin_until(
        app,
        lambda: len(spy.painted) == len(watched) and (tree is None or tree.model().rowCount() > 0),
    )
    ready = time.perf_counter()
    if not ok:
        raise SystemExit("the window never became ready")
    return (
        app,
        window,
        {
            "open_window_s": built - started,
            "show_to_paint_s": ready - built,
            "in_process_s": ready - started,
            "outline_rows": tree.model().rowCount() if tree is not None else -1,
            "outline_view": type(window.outline_view).__name__,
        },
    )


def probe_open(args: argparse.Namespace) -> dict:
    """Launch to a ready window (optionally since the parent's clock), with memory."""
    app, window, timings = open_ready(args.project)
    now = time.time()
    result = dict(timings)
    result["since_process_start_s"] = now - PROCESS_START
    result["imports_s"] = IMPORTED - PROCESS_START
    if args.t0:
        result["since_launch_s"] = now - args.t0
    result["rss_ready_mb"], _ = resident_mb()
    spin_for(app, args.settle)
    result["rss_settled_mb"], result["rss_peak_mb"] = resident_mb()
    window.close()
    return result


def big_scene_id(project) -> str:  # noqa: ANN001
    """The id of the project's largest scene."""
    return max(project.iter_scenes(), key=lambda scene: scene.words).id


def probe_editor(args: argparse.Namespace) -> dict:
    """Open the big scene to first paint, then type into it with spelling and appearances on."""
    app, window, _ = open_ready(args.project)
    spin_for(app, 0.5)
    editor = window.editor
    spy = PaintSpy()
    spy.watch(editor.viewport())
    scene_id = big_scene_id(window.project)
    start = time.perf_counter()
    window.show_scene(scene_id)
    spin_until(app, lambda: spy.painted)
    first_paint = time.perf_counter() - start
    spin_for(app, 1.0)  # let the first spelling pass and the appearance scan settle
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(len(editor.toPlainText()) // 2)
    editor.setTextCursor(cursor)
    keys: list[float] = []
    processor: list[float] = []  # the GUI thread's own processor time per key: what waiting for a core hides
    text = "and then they'd said the lamplight wasn't theirs, Wren thought. " * 20  # QTest: ASCII keys only
    for char in text[: args.keys]:
        spy.painted.clear()
        start, thread_start = time.perf_counter(), time.thread_time()
        QTest.keyClick(editor, char)
        spin_until(app, lambda: spy.painted, timeout=2.0)
        keys.append(time.perf_counter() - start)
        processor.append(time.thread_time() - thread_start)
        spin_for(app, args.gap)
    features = [type(feature).__name__ for feature in getattr(window, "features", [])]
    window.editor.save_now()
    window.close()
    keys.sort()
    processor.sort()
    return {
        "scene_words": window.project.scene(scene_id).words,
        "first_paint_s": first_paint,
        "keys": len(keys),
        "key_p50_s": keys[len(keys) // 2],
        "key_p99_s": keys[min(len(keys) - 1, int(len(keys) * 0.99))],
        "key_max_s": keys[-1],
        "key_processor_p50_s": processor[len(processor) // 2],
        "key_processor_p99_s": processor[min(len(processor) - 1, int(len(processor) * 0.99))],
        "features": features,
    }


def probe_outside(args: argparse.Namespace) -> dict:
    """Rewrite the shown scene's file from outside; time until the editor shows the new text."""
    app, window, _ = open_ready(args.project)
    spin_for(app, 1.0)  # the watcher starts
    project = window.project
    scene_id = window.editor.current_scene_id()
    path = project.store.scene_path(project.scene(scene_id))
    samples = []
    for run in range(args.runs):
        new_text = f"Changed from outside, run {run}. “Wren?” Isaac called.\n"
        temp = path.with_name(f".outside-{run}.tmp")
        start = time.perf_counter()
        temp.write_text(new_text, encoding="utf-8")
        os.replace(temp, path)
        ok = spin_until(app, lambda t=new_text: window.editor.toPlainText().strip() == t.strip(), timeout=5.0)
        samples.append(time.perf_counter() - start if ok else float("nan"))
        spin_for(app, 0.3)
    window.close()
    return {"samples_s": samples}


def main() -> None:
    """Run the probe named on the command line and print its result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("probe", choices=("open", "editor", "outside"))
    parser.add_argument("project")
    parser.add_argument("--t0", type=float, default=0.0, help="the parent's time.time() at launch")
    parser.add_argument("--settle", type=float, default=2.0, help="seconds to run before the settled memory")
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--gap", type=float, default=0.03, help="seconds between keystrokes")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    probes = {"open": probe_open, "editor": probe_editor, "outside": probe_outside}
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    result = probes[args.probe](args)
    print("RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
