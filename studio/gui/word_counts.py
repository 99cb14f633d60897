"""The status bar's word counts: scene, part and project, following every change at once.

With a word target a count shows against it (``Scene 434/1,000``). ``counted`` carries the
words typed but not saved yet after each count (the goals feature's ``Today +512`` adds them).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from studio.app.changes import OutlineChange
from studio.app.session import ProjectSession
from studio.core.errors import NodeNotFoundError
from studio.gui.editor import SceneEditor

TYPING_DELAY_MS = 400


class WordCountsLabel(QLabel):
    """``Scene n · Part n · Project n words`` for the scene in ``editor``."""

    counted = Signal(int)  # after each count: the scene's words not yet saved (typed less deleted)

    def __init__(self, session: ProjectSession, editor: SceneEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wordCounts")
        self.session = session
        self.editor = editor
        self.project_target: Callable[[], int] = lambda: 0
        self._timer = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._timer.timeout.connect(self.update_counts)
        editor.textChanged.connect(self._typed)
        editor.scene_shown.connect(lambda _sid: self.update_counts())
        session.outline_changed.connect(self._on_outline_changed)
        # Counts follow every text change at once: saves, and texts replaced under the editor (an
        # outside edit, split, merge, rename everywhere, snapshot restore, undo), whichever scene.
        session.scene_text_saved.connect(lambda _sid: self.update_counts())
        session.scene_text_replaced.connect(lambda _sid: self.update_counts())

    def update_counts(self) -> None:
        """Recount now (the scene from the editor's text, unsaved edits included)."""
        project = self.session.project
        scene_id = self.editor.current_scene_id()
        target = self.project_target()
        parts = [f"Project {_of(project.words, target)} words"]
        unsaved = 0
        if scene_id:
            scene_words = project.count(self.editor.scene_text())
            try:
                scene = project.scene(scene_id)
                part = project.part_of(scene_id)
                unsaved = scene_words - scene.words
                part_words = part.words + unsaved
                project_words = project.words + unsaved
                parts = [
                    f"Scene {_of(scene_words, scene.target)}",
                    f"Part {_of(part_words, part.target)}",
                    f"Project {_of(project_words, target)} words",
                ]
            except NodeNotFoundError:
                parts = [f"Scene {scene_words:,}", f"Project {_of(project.words, target)} words"]
        self.setText("   ·   ".join(parts))
        self.counted.emit(unsaved)

    def _typed(self) -> None:
        if not self.editor.is_loading():
            self._timer.start()

    def _on_outline_changed(self, change: OutlineChange) -> None:
        if change.words_changed:
            self.update_counts()


def _of(words: int, target: int) -> str:
    """``434/1,000`` against a target, else ``434``."""
    return f"{words:,}/{target:,}" if target > 0 else f"{words:,}"
