"""Type into the real window and SIGKILL it at random moments: what is on disk, and how much typing is lost.

    python tests/stress/kill_typing.py [--kills 100] [--seed N] [--min-typing 0.3] [--max-typing 10]
                                       [--pause-every 0]

Each round starts the real window (``studio.gui.open_window``, ``QT_QPA_PLATFORM=offscreen``)
in a subprocess on one project. A driver inside that process types a numbered word
(`` w17``) every 100 ms with ``QTest.keyClicks`` at the end of the first scene, and prints
one line per word with its time. After a random stretch of typing the process is killed
with SIGKILL. Then: every scene file must be valid UTF-8, the typed scene must hold its
starting text plus words 1..m with none missing (a complete version, never a torn one),
``story.json`` must parse, and the project must load. The typing loss of a round is the
seconds between the last word typed and the last word found on disk (when none of the
round's words reached the disk, since the round's typing began). ``--pause-every N``
pauses 3 s after every N words, so that autosave (2 s after typing stops) writes and
kills also land during saves. Prints the kills, torn files, failed loads, temp files
left behind, windows that died before their kill, the largest and median loss, and the
seconds taken; exits 1 on any torn file, failed load or early death.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from studio.core import create_project, load_project  # noqa: E402
from studio.core.errors import StudioError  # noqa: E402

BASE = "The wind came off the sea in long grey sheets, and Mara stood at the top of the stairs."
WORD = re.compile(r" w(\d+)")

DRIVER = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from studio.app.qt_workarounds import keep_singletons_alive

keep_singletons_alive()
app = QApplication(sys.argv[:1])
from studio.gui import open_window

root, first, pause_every = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
window = open_window(root)
window.show()
editor = window.editor
if editor.current_scene_id() is None:
    window.show_scene(next(window.project.iter_scenes()).id)
editor.setFocus()
editor.moveCursor(editor.textCursor().MoveOperation.End)
state = {"n": first}

def type_word():
    n = state["n"]
    QTest.keyClicks(editor, f" w{n}")
    print(f"word {n} {time.time():.4f}", flush=True)
    state["n"] = n + 1
    if pause_every and (n - first + 1) % pause_every == 0:
        timer.stop()
        QTimer.singleShot(3000, timer.start)

timer = QTimer()
timer.setInterval(100)
timer.timeout.connect(type_word)
def begin():
    print(f"ready {time.time():.4f}", flush=True)
    timer.start()
QTimer.singleShot(0, begin)
app.exec()
"""


def make_project(root: Path) -> Path:
    """A project of three scenes; the first (typed into) starts with ``BASE``."""
    project = create_project(root, "Kill Typing", "Stress")
    first = project.parts[0].scenes[0]
    project.set_scene_text(first.id, BASE)
    for number in (2, 3):
        project.add_scene(project.parts[0].id, title=f"Scene {number}", text=f"Scene {number} text.\n")
    project.save()
    return root


class Round:
    """One run of the window: the words it printed, with their times."""

    def __init__(self, root: Path, first: int, pause_every: int, env: dict[str, str], log: Path) -> None:
        self.started = time.monotonic()
        self.ready_at: float | None = None
        self.words: dict[int, float] = {}
        self.lock = threading.Lock()
        self.log = log
        self.exited_on_its_own: int | None = None  # its exit status, when it was gone before the kill
        with log.open("wb") as errors:
            self.process = subprocess.Popen(
                [sys.executable, "-c", DRIVER, str(root), str(first), str(pause_every)],
                cwd=REPO,
                env=env,
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
                start_new_session=True,
            )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            parts = line.split()
            with self.lock:
                if parts[:1] == ["ready"]:
                    self.ready_at = float(parts[1])
                elif parts[:1] == ["word"]:
                    self.words[int(parts[1])] = float(parts[2])

    def wait_ready(self, timeout: float = 60) -> bool:
        """Wait until the window types; False if it died or took too long."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.ready_at is not None:
                return True
            if self.process.poll() is not None:
                return False
            time.sleep(0.02)
        return False

    def kill(self) -> None:
        """SIGKILL the window's process and collect the words it printed."""
        status = self.process.poll()
        if status is None:
            self.process.send_signal(signal.SIGKILL)
            status = self.process.wait()
        if status != -signal.SIGKILL:
            self.exited_on_its_own = status
        self.reader.join(timeout=5)


def check(root: Path) -> tuple[list[str], list[str], int, int]:
    """Torn files, load failures, the last word on disk (0: none) and temp files left behind."""
    torn: list[str] = []
    failed: list[str] = []
    manifest = root / "story.json"
    try:
        json.loads(manifest.read_bytes())
    except (OSError, ValueError) as error:
        torn.append(f"story.json: {error}")
    scenes = root / "scenes"
    temps = sum(1 for p in scenes.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp"))
    temps += sum(1 for p in root.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp"))
    last = 0
    for path in sorted(scenes.iterdir()):
        if path.name.startswith("."):
            continue
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as error:
            torn.append(f"{path.name}: not UTF-8 ({error})")
            continue
        numbers = [int(n) for n in WORD.findall(text)]
        if not numbers:
            continue
        if numbers != list(range(1, len(numbers) + 1)) or WORD.sub("", text).rstrip() != BASE:
            torn.append(f"{path.name}: not a version the app wrote (words {numbers[:3]}…{numbers[-3:]})")
        last = max(last, numbers[-1])
    try:
        project = load_project(root)
        for scene in project.iter_scenes():
            project.scene_text(scene.id)
    except StudioError as error:
        failed.append(str(error))
    return torn, failed, last, temps


def main() -> int:
    """Run the kills and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--min-typing", type=float, default=0.3, help="shortest typing before a kill (s)")
    parser.add_argument("--max-typing", type=float, default=10.0, help="longest typing before a kill (s)")
    parser.add_argument("--pause-every", type=int, default=0, help="pause 3 s after every N words (0: never)")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    began = time.monotonic()
    torn_total: list[str] = []
    failed_total: list[str] = []
    losses: list[float] = []
    temps_left = 0
    no_start = 0
    died: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kill-typing-") as folder:
        root = make_project(Path(folder) / "story")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(Path(folder) / "config"))
        env.pop("STUDIO_CONFIG_DIR", None)
        on_disk = 0
        for number in range(1, args.kills + 1):
            run = Round(root, on_disk + 1, args.pause_every, env, Path(folder) / "stderr.txt")
            if not run.wait_ready():
                run.kill()
                no_start += 1
                failed_total.append(f"kill {number}: the window did not start")
                continue
            time.sleep(rng.uniform(args.min_typing, args.max_typing))
            run.kill()
            if run.exited_on_its_own is not None:
                tail = run.log.read_text("utf-8", errors="replace").strip().splitlines()[-3:]
                died.append(f"kill {number}: exited with {run.exited_on_its_own} before the kill: {tail}")
            torn, failed, last, temps = check(root)
            torn_total += [f"kill {number}: {t}" for t in torn]
            failed_total += [f"kill {number}: {f}" for f in failed]
            temps_left = max(temps_left, temps)
            with run.lock:
                words = dict(run.words)
            if words:
                typed_last = max(words)
                began_typing = min(words.values()) - 0.1
                saved_at = words.get(last, began_typing) if last >= min(words) else began_typing
                loss = words[typed_last] - saved_at
                losses.append(loss)
                print(
                    f"kill {number:3}: typed {min(words)}..{typed_last}, on disk up to {last}, "
                    f"loss {loss:5.2f} s",
                    flush=True,
                )
            on_disk = last
    seconds = time.monotonic() - began
    print(f"seed {seed}")
    print(f"kills {args.kills} (windows that never started: {no_start})")
    print(f"windows that exited before their kill {len(died)}")
    print(f"torn files {len(torn_total)}")
    print(f"failed loads {len(failed_total)}")
    print(f"temp files left behind (at most, at one time) {temps_left}")
    if losses:
        print(f"largest loss {max(losses):.2f} s")
        print(f"median loss {statistics.median(losses):.2f} s")
    print(f"time taken {seconds:.0f} s")
    for line in died + torn_total + failed_total:
        print(f"  {line}")
    return 1 if torn_total or failed_total or died else 0


if __name__ == "__main__":
    sys.exit(main())
