"""Benchmark: emphasis in the editor — a 20,000-word scene with italics and bold, painted and typed in.

Run: ``QT_QPA_PLATFORM=offscreen python tests/perf/bench_emphasis_editor.py`` (not collected by pytest).
Targets: open to first paint ≤ 100 ms (the highlighter formats every paragraph on the way);
a keystroke (real key events, then a repaint) ≤ 8 ms at the 99th percentile, typing into a
paragraph full of emphasis, typing markers, and with typography as you type on.
Also opens the same scene without markers, on the same machine in the same run, so the
highlighter's own cost shows even when the machine is busy. Exits 1 if a target is missed.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from studio.core import create_project  # noqa: E402
from studio.core.emphasis import strip_markers  # noqa: E402
from studio.gui import open_window  # noqa: E402

WORDS = "the wind came off sea in long grey sheets and Mara stood at top of stairs with lamp".split()  # noqa: SIM905
OPEN_TARGET_MS = 100.0
KEY_TARGET_MS = 8.0


def paragraph(rng: random.Random, italic: float = 0.02, bold: float = 0.005) -> str:
    """About 80 words, each in italics or bold with the given chances, and a quote or two."""
    words = []
    for index in range(80):
        word = rng.choice(WORDS)
        roll = rng.random()
        if roll < italic:
            word = f"*{word}*"
        elif roll < italic + bold:
            word = f"**{word}**"
        elif roll < italic + bold + 0.02:
            word = f"“{word}”"
        words.append(word if index else word.capitalize())
    return " ".join(words) + "."


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of ``values`` lie."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def time_opens(app: QApplication, window, scene_id: str, other_id: str, runs: int = 5) -> list[float]:  # noqa: ANN001
    """Open ``scene_id`` to first paint ``runs`` times, from another scene, nothing parsed before (ms)."""
    times = []
    for _ in range(runs):
        window.show_scene(other_id)
        app.processEvents()
        window.editor.highlighter.clear_cache()
        start = time.perf_counter()
        window.show_scene(scene_id)
        window.editor.viewport().repaint()
        times.append((time.perf_counter() - start) * 1000)
        app.processEvents()
    return times


def type_keys(app: QApplication, editor, text: str) -> list[float]:  # noqa: ANN001
    """Send each character as a real key press and release, repaint, and time it (ms)."""
    times = []
    for char in text:
        start = time.perf_counter()
        QTest.keyClick(editor, char)
        editor.viewport().repaint()
        times.append((time.perf_counter() - start) * 1000)
    app.processEvents()
    return times


def main() -> int:
    """Print the timings for fiction (about two emphases a paragraph) and a stress case; 1 if missed."""
    app = QApplication.instance() or QApplication([])
    fiction = run(app, "fiction", 0.02, 0.005, check=True)
    stress = run(app, "stress (an emphasis every 7 words)", 0.10, 0.04, check=False)
    return 0 if fiction and stress else 1


def time_typing(app: QApplication, window, scene_id: str) -> list[float]:  # noqa: ANN001
    """Type prose, markers and quotes mid-scene and at the end of ``scene_id``; the times (ms)."""
    window.show_scene(scene_id)
    app.processEvents()
    editor = window.editor
    window.activateWindow()
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(250).position() + 40)  # mid-scene
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    app.processEvents()
    keys = type_keys(app, editor, "a quick brown fox " * 10)
    keys += type_keys(app, editor, "she said *no* and **meant** it " * 2)
    keys += type_keys(app, editor, 'then "quietly" -- it\'s over... ' * 3)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    keys += type_keys(app, editor, "at the end *of it all* " * 2)
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    editor.save_now()
    return keys


def run(app: QApplication, name: str, italic: float, bold: float, check: bool) -> bool:
    """Time one scene of 250 paragraphs; return whether the targets are met (or not checked)."""
    rng = random.Random(13)
    text = "\n\n".join(paragraph(rng, italic, bold) for _ in range(250)) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        os.environ["STUDIO_CONFIG_DIR"] = folder + "/config"
        project = create_project(Path(folder) / "story", "Bench")
        part = project.parts[0]
        big = project.add_scene(part.id, title="Big", text=text)
        project.set_setting("typography", True)
        window = open_window(project.root)
        window.resize(1280, 800)
        window.show()
        QTest.qWaitForWindowExposed(window)
        app.processEvents()
        plain = project.add_scene(part.id, title="Plain", text=strip_markers(text))
        opens = time_opens(app, window, big.id, project.parts[0].scenes[0].id)
        baseline = time_opens(app, window, plain.id, project.parts[0].scenes[0].id)
        window.show_scene(big.id)
        app.processEvents()
        keys = time_typing(app, window, big.id)
        window.show_scene(plain.id)
        plain_keys = time_typing(app, window, plain.id)
        words = len(text.split())
        p99, median = percentile(keys, 0.99), statistics.median(keys)
        open_ms, base_ms = statistics.median(opens), statistics.median(baseline)
        print(f"{name}: {words:,} words, {len(text.encode()):,} bytes, {text.count('*') // 2:,} markers")
        print(f"open to first paint, cold (median of {len(opens)}): {open_ms:.1f} ms (min {min(opens):.1f})")
        print(f"  the same scene without markers: {base_ms:.1f} ms (min {min(baseline):.1f})")
        print(
            f"keystroke, real events + repaint ({len(keys)} keys): median {median:.2f} ms, p99 {p99:.2f} ms"
        )
        print(f"  the same scene without markers: p99 {percentile(plain_keys, 0.99):.2f} ms")
        window.close_without_saving()
        ok = open_ms <= OPEN_TARGET_MS and p99 <= KEY_TARGET_MS
        if check:
            print("  targets met" if ok else "  TARGET MISSED")
        return ok or not check


if __name__ == "__main__":
    sys.exit(main())
