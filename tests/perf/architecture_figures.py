"""Architecture figures, before and after: ``python tests/perf/architecture_figures.py [--repo PATH]``.

Prints a markdown report: receivers per signal of the project session (and the editor
and window), the Python calls from an outline drop to the write of story.json, the
largest modules, and start-up time from launch against a bare PySide6 window. The
sample project is copied to a temp folder first; the repo itself is never written.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SAMPLE = Path("projects") / "the-lamplighters-daughter"
ATOMIC_FILE, ATOMIC_NAME = "atomic.py", "atomic_write"  # the one helper that writes every file
MODEL_SIGNALS = ("modelReset", "layoutChanged", "rowsMoved", "rowsInserted", "rowsRemoved", "dataChanged")

# Run in a fresh process: "bare" shows a plain QWidget; "studio" runs ``python -m studio PROJECT``
# with QApplication.exec replaced by a wait for the window's first paint. Prints READY times.
CHILD = r"""
import sys, time
mode = sys.argv.pop(1)
if mode == "studio":  # the Qt work-arounds before any PySide6 call, as in the app
    try:
        from studio.app.qt_workarounds import keep_singletons_alive
    except ImportError:  # an older tree: importing studio.gui applied them
        import studio.gui  # noqa: F401
    else:
        keep_singletons_alive()
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QTreeView, QWidget

class Spy(QObject):
    def __init__(self, widgets):
        super().__init__()
        self.left = {id(w) for w in widgets}
        for w in widgets:
            w.installEventFilter(self)
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            self.left.discard(id(watched))
        return False

def wait(app, widgets, shown):
    spy, painted, limit = Spy(widgets), 0.0, time.time() + 30
    while (spy.left or not shown) and time.time() < limit:
        app.processEvents()
        if not spy.left and not painted:
            painted = time.time()
    print("READY", painted, shown[0] if shown else 0.0, flush=True)

if mode == "bare":
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(1280, 800)
    window.show()
    wait(app, [window], [time.time()])
else:
    def ready(app):
        window = next(w for w in app.topLevelWidgets() if w.isVisible() and hasattr(w, "project_shown"))
        tree = next((v for v in window.findChildren(QTreeView) if "outline" in v.objectName().lower()), None)
        editor = getattr(window, "editor", None)
        widgets = [w.viewport() for w in (tree, editor) if w is not None] or [window]
        shown = []
        window.project_shown.connect(lambda: shown.append(time.time()))
        wait(app, widgets, shown)
        window.close()
        return 0
    QApplication.exec = ready
    import runpy
    runpy.run_module("studio", run_name="__main__", alter_sys=True)
"""


def apply_qt_workarounds() -> None:
    """Apply the Qt binding work-arounds as the app does (older trees did on importing studio.gui)."""
    try:
        from studio.app.qt_workarounds import keep_singletons_alive
    except ImportError:
        importlib.import_module("studio.gui")
    else:
        keep_singletons_alive()


def python_signals(obj: Any) -> list[str]:
    """Signatures of the signals declared by ``obj``'s Python classes, beyond its Qt base class."""
    from PySide6.QtCore import QMetaMethod

    qt_base = next(c for c in type(obj).__mro__ if c.__module__.startswith("PySide6"))
    meta = obj.metaObject()
    methods = [meta.method(i) for i in range(qt_base.staticMetaObject.methodCount(), meta.methodCount())]
    signal = QMetaMethod.MethodType.Signal
    return [bytes(m.methodSignature().data()).decode() for m in methods if m.methodType() == signal]


def spin(done: Callable[[], bool], cap_s: float) -> bool:
    """Run a QEventLoop until ``done()`` or ``cap_s`` seconds have passed; return ``done()``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop, limit, timer = QEventLoop(), time.monotonic() + cap_s, QTimer()
    timer.timeout.connect(lambda: loop.quit() if done() or time.monotonic() > limit else None)
    timer.start(5)
    loop.exec()
    timer.stop()
    return done()


def open_settled(project: Path) -> Any:
    """Open ``project`` in the real main window, show it and let it settle; return the window."""
    from studio.gui import open_window

    window = open_window(project)
    shown: list[float] = []
    window.project_shown.connect(lambda: shown.append(time.monotonic()))
    window.show()
    if not spin(lambda: bool(shown), 5.0):
        print("> warning: project_shown did not fire within 5 s\n")
    spin(lambda: False, 1.0)  # the work queued after the first paint, the 400 ms word-count timer
    return window


def section_listeners(window: Any) -> None:
    """Print receivers() per custom signal of the session, the editor and the window."""
    print("## 1. Listeners per signal\n")
    for label, obj in (
        ("window.session", window.session),
        ("window.editor", getattr(window, "editor", None)),
        ("window", window),
    ):
        if obj is None:
            continue
        rows = [(sig, obj.receivers("2" + sig)) for sig in python_signals(obj)]
        if not rows:
            continue
        print(f"`{label}` ({type(obj).__module__}.{type(obj).__name__}), {sum(n for _, n in rows)} in all:\n")
        print("| signal | receivers |\n|---|---:|")
        for sig, count in rows:
            print(f"| `{sig}` | {count} |")
        print()


class CallCounter:
    """A ``sys.setprofile`` hook: counts calls, and where the first story.json write happens."""

    def __init__(self, repo: Path) -> None:
        self.studio_dir = str(repo / "studio") + os.sep
        self.calls = self.c_calls = self.writes = 0
        self.functions: set[object] = set()
        self.by_package: Counter[str] = Counter()
        self.at_first_write: tuple[int, int, int] | None = None

    def __call__(self, frame: FrameType, event: str, _arg: object) -> None:
        """Count one profiler event."""
        if event == "c_call":
            self.c_calls += 1
        elif event == "call":
            code = frame.f_code
            self.calls += 1
            self.functions.add(code)
            name = code.co_filename
            inside = name.startswith(self.studio_dir)
            self.by_package[
                "studio/" + name[len(self.studio_dir) :].rsplit(os.sep, 1)[0]
                if inside
                else "(outside studio)"
            ] += 1
            if code.co_name == ATOMIC_NAME and name.endswith(ATOMIC_FILE) and writes_story(frame):
                self.writes += 1
                if self.at_first_write is None:
                    self.at_first_write = (self.calls, self.c_calls, len(self.functions))


def writes_story(frame: FrameType) -> bool:
    """Whether one of the frame's arguments is a path ending in story.json."""
    code = frame.f_code
    names = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
    values = [frame.f_locals.get(n) for n in names]
    return any(isinstance(v, str | os.PathLike) and os.fspath(v).endswith("story.json") for v in values)


def model_label(model: Any) -> str:
    """The model's class and object name, and its parent's."""
    from PySide6.QtCore import QObject

    parent = QObject.parent(model)  # model.parent() is the QModelIndex overload
    name = f"{type(model).__name__}" + (f" `{model.objectName()}`" if model.objectName() else "")
    if parent is None:
        return name
    return f"{name} in {type(parent).__name__}" + (f" `{parent.objectName()}`" if parent.objectName() else "")


def section_drop(window: Any, repo: Path) -> None:
    """Move the first scene to the start of the second part through dropMimeData; count calls and signals."""
    from PySide6.QtCore import QAbstractItemModel, Qt
    from PySide6.QtWidgets import QAbstractItemView, QTreeView

    print("## 2. Calls from a drop to the write of story.json\n")
    tree = next(v for v in window.findChildren(QTreeView) if "outline" in v.objectName().lower())
    model = tree.model()
    scene, target = model.index(0, 0, model.index(0, 0)), model.index(1, 0)
    what = f"scene “{scene.data()}” to the start of part “{target.data()}”"
    models = [v.model() for v in window.findChildren(QAbstractItemView)]
    models += window.findChildren(QAbstractItemModel) + window.session.findChildren(QAbstractItemModel)
    unique = list({id(m): m for m in models if m is not None}.values())
    fired: Counter[tuple[str, str]] = Counter()
    labels: list[str] = []
    for m in unique:
        label = model_label(m)
        label += f" #{labels.count(label) + 1}" if label in labels else ""
        labels.append(label)
        for name in MODEL_SIGNALS:
            getattr(m, name).connect(lambda *_, key=(label, name): fired.update([key]))
    scene_id = window.session.project.parts[0].scenes[0].id
    mime = model.mimeData([scene])
    drop, after = CallCounter(repo), CallCounter(repo)
    sys.setprofile(drop)
    try:
        model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, target)
    finally:
        sys.setprofile(None)
    in_drop = Counter(fired)
    sys.setprofile(after)
    try:
        spin(lambda: False, 0.5)
    finally:
        sys.setprofile(None)
    print(f"Drop: {what}, `{type(model).__name__}.dropMimeData(mime, MoveAction, 0, 0, part 2)`.\n")
    print("| measure | value |\n|---|---:|")
    first = drop.at_first_write
    rows = [
        ("Python calls, start of the drop → first story.json write", first[0] if first else "never"),
        ("C calls, same span", first[1] if first else "never"),
        ("distinct Python functions, same span", first[2] if first else "never"),
        ("Python calls, whole dropMimeData", drop.calls),
        ("C calls, whole dropMimeData", drop.c_calls),
        ("distinct Python functions, whole dropMimeData", len(drop.functions)),
        ("story.json writes during the drop", drop.writes),
        ("Python calls in the next 0.5 s of event loop (queued work)", after.calls),
        ("story.json writes in that 0.5 s", after.writes),
        ("scene moved in story.json", "yes" if moved(window.session.project.root, scene_id) else "NO"),
    ]
    for label, value in rows:
        print(f"| {label} | {value} |")
    print("\nPython calls during the drop, by folder:\n\n| folder | calls |\n|---|---:|")
    for package, count in drop.by_package.most_common():
        print(f"| `{package}` | {count} |")
    print(f"\nModel signals during the drop (+ in the 0.5 s after), {len(unique)} models watched:\n")
    print("| model | " + " | ".join(MODEL_SIGNALS) + " |\n|---|" + "---:|" * len(MODEL_SIGNALS))
    for label in sorted({lbl for lbl, _ in fired}):
        cells = [(in_drop[(label, n)], fired[(label, n)] - in_drop[(label, n)]) for n in MODEL_SIGNALS]
        print(f"| {label} | " + " | ".join(f"{a}" + (f" (+{b})" if b else "") for a, b in cells) + " |")
    print()


def moved(root: Path, scene_id: str) -> bool:
    """Whether story.json now has ``scene_id`` first in the second part."""
    parts = json.loads((root / "story.json").read_text(encoding="utf-8"))["parts"]
    return parts[1]["scenes"][0]["id"] == scene_id


def section_modules(repo: Path) -> None:
    """Print the ten largest .py files under studio/ by line count."""
    sizes = [(len(p.read_text(encoding="utf-8").splitlines()), p) for p in (repo / "studio").rglob("*.py")]
    print("## 3. Largest modules\n")
    print(f"{len(sizes)} modules, {sum(n for n, _ in sizes)} lines in all.\n")
    print("| module | lines |\n|---|---:|")
    for lines, path in sorted(sizes, key=lambda item: -item[0])[:10]:
        print(f"| `{path.relative_to(repo).as_posix()}` | {lines} |")
    print()


def launch(mode: str, repo: Path, project: Path) -> tuple[float, float]:
    """Spawn one child; return seconds from just before the spawn to (painted, project_shown)."""
    command = [sys.executable, "-c", CHILD, mode] + ([str(project)] if mode == "studio" else [])
    start = time.time()
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=repo)
    for line in done.stdout.splitlines():
        if line.startswith("READY "):
            painted, shown = (float(x) for x in line.split()[1:3])
            return painted - start, (shown - start if shown else float("nan"))
    tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
    raise RuntimeError(f"{mode} launch failed: {tail}")


def section_startup(repo: Path, project: Path, runs: int) -> None:
    """Print launch → painted window for ``python -m studio PROJECT`` and for a bare QWidget."""
    samples: dict[str, list[float]] = {"bare": [], "studio": [], "shown": []}
    for mode in ("bare", "studio"):  # warm-up: bytecode and caches
        launch(mode, repo, project)
    for _ in range(runs):
        samples["bare"].append(launch("bare", repo, project)[0])
        painted, shown = launch("studio", repo, project)
        samples["studio"].append(painted)
        samples["shown"].append(shown)
    print("## 4. Start-up time from launch\n")
    print(f"{runs} runs after 1 warm-up each, alternating; wall clock from just before the spawn.\n")
    print("| launch → | median | min | max |\n|---|---:|---:|---:|")
    labels = {
        "bare": "bare PySide6 QWidget shown and painted (floor)",
        "studio": "`python -m studio <sample>`: outline and editor painted",
        "shown": "… `project_shown` fired",
    }
    for key, label in labels.items():
        ms = [s * 1000 for s in samples[key]]
        print(f"| {label} | {statistics.median(ms):.0f} ms | {min(ms):.0f} ms | {max(ms):.0f} ms |")
    gap = statistics.median(samples["studio"]) - statistics.median(samples["bare"])
    print(f"\nStudio above the floor (median): {gap * 1000:.0f} ms.\n")


def header(repo: Path) -> None:
    """Print the title, the tree measured and the machine."""
    from PySide6 import __version__ as pyside

    commit = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    cpu = next(
        (
            ln.split(":", 1)[1].strip()
            for ln in Path("/proc/cpuinfo").read_text().splitlines()
            if ln.startswith("model name")
        ),
        "?",
    )
    print(f"# Architecture figures: `{repo}` at {commit.stdout.strip() or '?'}\n")
    machine = f"{cpu}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}"
    print(f"{time.strftime('%Y-%m-%d %H:%M')}; Python {platform.python_version()}, PySide6 {pyside};")
    print(f"{machine}; QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}.\n")


def main() -> None:
    """Parse the options, measure, print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[2])
    parser.add_argument("--runs", type=int, default=7, help="timed launches of each kind")
    args = parser.parse_args()
    repo = args.repo.resolve()
    sys.path.insert(0, str(repo))
    import studio

    assert Path(studio.__file__).resolve().is_relative_to(repo), f"studio came from {studio.__file__}"
    apply_qt_workarounds()  # before any PySide6 call
    from PySide6.QtWidgets import QApplication

    scratch = Path(tempfile.mkdtemp(prefix="studio-figures-"))
    os.environ.setdefault("STUDIO_CONFIG_DIR", str(scratch / "config"))  # not the user's; children inherit
    try:
        project = scratch / SAMPLE.name
        shutil.copytree(repo / SAMPLE, project, ignore=shutil.ignore_patterns(".studio"))
        app = QApplication.instance() or QApplication(sys.argv[:1])
        header(repo)
        window = open_settled(project)
        section_listeners(window)
        section_drop(window, repo)
        window.close()
        app.processEvents()
        section_modules(repo)
        section_startup(repo, project, args.runs)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
