"""Attack: the disk "full" (RLIMIT_FSIZE, in a subprocess) while the window moves a scene."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO
from tests.gui.window_helpers import make_story

SCRIPT = r"""
import json, os, resource, signal, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from studio.gui import open_window
from studio.core import load_project

root = Path(sys.argv[1])
window = open_window(root)
window.show()
app.processEvents()
session, view = window.session, window.outline_view
model = view.model()

def rows():
    out = []
    for r in range(model.rowCount()):
        part = model.index(r, 0)
        scenes = [str(model.index(i, 0, part).data()) for i in range(model.rowCount(part))]
        out.append([str(part.data())] + scenes)
    return out

def memory():
    return [[p.title] + [s.title for s in p.scenes] for p in session.project.parts]

def disk():
    return [[p.title] + [s.title for s in p.scenes] for p in load_project(root).parts]

report = {"before": memory()}
first = session.project.parts[0].scenes[0].id
view.select_ids([first])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (200, hard))
view.move_down()
app.processEvents()
report["after_fail"] = {"memory": memory(), "rows": rows(), "count": session.undo_stack.count(),
                        "status": window.statusBar().currentMessage()}
resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
report["after_fail"]["disk"] = disk()
report["leftovers"] = sorted(p.name for p in root.iterdir())
view.select_ids([first])
view.move_down()
app.processEvents()
report["after_ok"] = {"memory": memory(), "rows": rows(), "disk": disk(), "count": session.undo_stack.count()}
resource.setrlimit(resource.RLIMIT_FSIZE, (200, hard))
session.undo_stack.undo()
app.processEvents()
report["undo_fail"] = {"memory": memory(), "rows": rows(), "index": session.undo_stack.index()}
resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
report["undo_fail"]["disk"] = disk()
session.undo_stack.undo()
app.processEvents()
report["undo_ok"] = {"memory": memory(), "rows": rows(), "disk": disk(), "index": session.undo_stack.index()}
window.close()
print(json.dumps(report))
"""


def test_a_move_on_a_full_disk_leaves_window_disk_and_history_in_step(tmp_path):
    """Promise: a failed manifest write changes nothing: the outline shows the old order, the undo
    stack has no step for it; a failed undo keeps its step; memory == rows == disk all along.

    Steps (subprocess): open the window; select the first scene; RLIMIT_FSIZE 200 bytes (SIGXFSZ
    ignored); Ctrl+Down (fails); lift the limit; Ctrl+Down (works); limit again; Undo (fails);
    lift; Undo (works).
    """
    project = make_story(tmp_path / "story")
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    env["STUDIO_CONFIG_DIR"] = str(tmp_path / "config")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(project.root)], env=env, capture_output=True, text=True, timeout=90
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    before = report["before"]
    fail = report["after_fail"]
    assert fail["memory"] == before and fail["disk"] == before and fail["count"] == 0
    assert fail["rows"] == before, "the outline shows an order that is not the project's"
    assert "failed" in fail["status"] or "Not saved" in fail["status"] or fail["status"], (
        "the failure is told"
    )
    assert not [name for name in report["leftovers"] if name.startswith(".") and name not in (".studio",)]
    ok = report["after_ok"]
    assert ok["memory"] == ok["disk"] and ok["memory"] != before and ok["count"] == 1
    undo_fail = report["undo_fail"]
    assert (
        undo_fail["memory"] == ok["memory"] == undo_fail["disk"] == undo_fail["rows"]
        and undo_fail["index"] == 1
    )
    undo_ok = report["undo_ok"]
    assert undo_ok["memory"] == before == undo_ok["disk"] == undo_ok["rows"] and undo_ok["index"] == 0
    assert ok["rows"] == ok["memory"]
