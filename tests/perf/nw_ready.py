"""novelWriter to its ready state, for the launch benchmark (run by ``launch.py`` in novelWriter's venv).

    nw-venv/bin/python nw_ready.py PROJECT_DIR CONFIG_DIR

Runs novelWriter's own ``main()`` on the project. Once its launch tasks have opened the
project (the project tree filled, the last scene in the editor), the tree and the editor are
asked to repaint; on the first idle moment after both have painted it prints
``STUDIO_READY <wall clock>``, the mark Story Studio prints. SIGTERM closes the project as
novelWriter does (index and project saved, lock removed) and quits. Message boxes (the
first open of a generated project rebuilds its index and says so) go to stderr instead.
"""

import signal
import sys
import time

import novelwriter
from novelwriter import guimain, shared
from PyQt6.QtCore import QEvent, QObject, QTimer
from PyQt6.QtWidgets import QApplication


def _say(_shared: object, text: object, *_args: object, **_kwargs: object) -> bool:
    """A message box that never waits: its text goes to stderr, and a question is answered yes."""
    print(f"novelWriter says: {text}", file=sys.stderr, flush=True)
    return True


# The first open of a generated project rebuilds the index and says so in a modal box.
shared.SharedData.info = shared.SharedData.warn = shared.SharedData.error = _say
shared.SharedData.question = _say


class PaintWatch(QObject):
    """Prints the ready mark from a zero timer once every watched widget has painted."""

    def __init__(self, widgets: list) -> None:
        super().__init__()
        self.waiting = {id(w) for w in widgets}
        for widget in widgets:
            widget.installEventFilter(self)
            widget.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Note a paint; on the last one, mark the next idle moment."""
        if event.type() == QEvent.Type.Paint and id(watched) in self.waiting:
            self.waiting.discard(id(watched))
            if not self.waiting:
                QTimer.singleShot(0, lambda: print(f"STUDIO_READY {time.time():.6f}", flush=True))
        return False


KEEP: list = []
original_post_launch = guimain.GuiMain.postLaunchTasks


def post_launch(window, command_open):  # noqa: ANN001, ANN201
    """novelWriter's launch tasks (they open the project), then watch for the paint that shows it."""
    original_post_launch(window, command_open)
    KEEP.append(PaintWatch([window.projView.projTree.viewport(), window.docEditor.viewport()]))

    def close(*_args: object) -> None:
        window.closeProject(True)
        guimain.CONFIG.saveConfig()
        QApplication.instance().quit()

    signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, close))
    wake = QTimer(window)  # Python runs signal handlers only when it runs
    wake.timeout.connect(lambda: None)
    wake.start(100)
    KEEP.append(wake)


guimain.GuiMain.postLaunchTasks = post_launch

if __name__ == "__main__":
    project, config = sys.argv[1], sys.argv[2]
    novelwriter.main([f"--config={config}", f"--data={config}", project])
