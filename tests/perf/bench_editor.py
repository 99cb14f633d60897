"""Benchmark: open a 20,000-word scene to first paint, type into it, autosave it.

Run: ``QT_QPA_PLATFORM=offscreen python tests/perf/bench_editor.py`` (not collected by pytest).
Targets: open to first paint ≤ 100 ms; a keystroke well under 16 ms; a save of ~120 KB a few ms.
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

from PySide6.QtWidgets import QApplication  # noqa: E402

from studio.core import create_project  # noqa: E402
from studio.gui import open_window  # noqa: E402

WORDS = "the wind came off sea in long grey sheets and Mara stood at top of stairs with lamp".split()  # noqa: SIM905


def main() -> None:
    """Print the timings."""
    app = QApplication.instance() or QApplication([])
    random.seed(1)
    paragraphs = [" ".join(random.choice(WORDS) for _ in range(80)) for _ in range(250)]
    text = "\n\n".join(paragraphs) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        os.environ["STUDIO_CONFIG_DIR"] = folder + "/config"
        project = create_project(Path(folder) / "story", "Bench")
        part = project.parts[0]
        big = project.add_scene(part.id, title="Big", text=text)
        window = open_window(project.root)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        start = time.perf_counter()
        window.show_scene(big.id)
        window.editor.viewport().repaint()
        opened = (time.perf_counter() - start) * 1000
        keys = []
        for char in "a quick brown fox " * 5:
            t = time.perf_counter()
            window.editor.insertPlainText(char)
            window.editor.viewport().repaint()
            keys.append((time.perf_counter() - t) * 1000)
        start = time.perf_counter()
        window.editor.save_now()
        saved = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        window.words_label.update_counts()
        counted = (time.perf_counter() - start) * 1000
        print(f"scene: {len(text.split()):,} words, {len(text.encode()):,} bytes")
        print(f"open to first paint: {opened:.1f} ms")
        print(
            f"keystroke (insert + repaint): median {statistics.median(keys):.2f} ms, max {max(keys):.2f} ms"
        )
        print(f"save (atomic, fsync): {saved:.1f} ms")
        print(f"status bar word counts: {counted:.1f} ms")
        window.close()


if __name__ == "__main__":
    main()
