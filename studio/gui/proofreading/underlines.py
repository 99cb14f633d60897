"""Quiet dotted underlines under the current scene's style findings, worked out off the GUI thread.

A run starts a moment after typing pauses (and when a scene is shown): the texts are taken
on the GUI thread, the checks run on proofreading's worker thread. Every edit bumps the
generation, so a result computed for older text is dropped on arrival. The underlines are
the editor's ``proofreading`` extra-selection layer; words the spelling underlines in red
keep their red wave (a style underline never covers a spelling one).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from studio.core.proofreading.findings import Finding, ProofOptions
from studio.gui.workers import run_in_worker

if TYPE_CHECKING:
    from studio.app.session import ProjectSession
    from studio.core.proofreading.project import ProofCache
    from studio.gui.editor.editor import SceneEditor

LAYER = "proofreading"
PAUSE_MS = 800  # quiet after the last keystroke before the scene is checked again
BLUE, BLUE_ON_DARK = QColor(59, 130, 246), QColor(125, 176, 255)
AMBER, AMBER_ON_DARK = QColor(217, 119, 6), QColor(245, 176, 65)
AMBER_CHECKS = frozenset({"repeated", "echo"})

# (spelling marks as (start, length, word)) of the editor, when spelling is installed.
SpellingMarks = Callable[[], list[tuple[int, int, str]]]


def document_positions(text: str) -> Callable[[int], int]:
    """A function turning ``str`` offsets of ``text`` into Qt positions (an emoji counts 2)."""
    if text.isascii():
        return lambda offset: offset
    wide = [index for index, ch in enumerate(text) if ord(ch) > 0xFFFF]
    if not wide:
        return lambda offset: offset
    return lambda offset: offset + bisect_left(wide, offset)


def underline_format(check: str, dark: bool = False) -> QTextCharFormat:
    """The dotted underline of a finding: amber for repetitions, blue for the rest (lighter on dark)."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    if check in AMBER_CHECKS:
        fmt.setUnderlineColor(AMBER_ON_DARK if dark else AMBER)
    else:
        fmt.setUnderlineColor(BLUE_ON_DARK if dark else BLUE)
    return fmt


class _Run:
    """What one run was made for (read on the worker without touching Qt)."""

    def __init__(self, generation: int, scene_id: str, texts: dict[str, str], language: str) -> None:
        self.generation, self.scene_id, self.texts, self.language = generation, scene_id, texts, language


class _WorkerState:
    """What the worker keeps between runs (a plain object: no Qt on the worker thread)."""

    def __init__(self) -> None:
        self.cache: ProofCache | None = None


class ProofUnderliner(QObject):
    """Underlines the findings of the editor's scene; ``updated`` once fresh ones are shown."""

    updated = Signal()

    def __init__(self, editor: SceneEditor, session: ProjectSession, options: ProofOptions) -> None:
        super().__init__(editor)
        self.editor, self.session, self.options = editor, session, options
        self.enabled = True
        self.spelling_marks: SpellingMarks | None = None
        self.generation = 0
        self.dropped = 0  # results that came back for text changed since (counted for tests)
        self.findings: list[Finding] = []
        self._selections: list[tuple[QTextEdit.ExtraSelection, Finding]] = []
        self._worker_state = _WorkerState()  # touched on the worker thread only
        self._formats: dict[tuple[str, bool], QTextCharFormat] = {}
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self.run_now)
        editor.document().contentsChange.connect(self._on_contents_change)
        editor.scene_shown.connect(lambda _sid: self.schedule(0))

    # -- public API -------------------------------------------------------------------
    def set_options(self, options: ProofOptions) -> None:
        """Check with ``options`` from now on (re-runs at once)."""
        self.options = options
        self.schedule(0)

    def set_enabled(self, enabled: bool) -> None:
        """Underline (re-runs) or not (clears the underlines)."""
        self.enabled = enabled
        if enabled:
            self.schedule(0)
        else:
            self.generation += 1
            self.findings = []
            self.paint()

    def schedule(self, delay: int = PAUSE_MS) -> None:
        """Check the scene after ``delay`` ms of quiet."""
        if self.enabled:
            self._timer.start(delay)

    def marks(self) -> list[tuple[int, int, str]]:
        """The underlined spans as (Qt start, length, check), in order (for tests)."""
        return [
            (s.cursor.selectionStart(), s.cursor.selectionEnd() - s.cursor.selectionStart(), finding.check)
            for s, finding in self._selections
        ]

    # -- running ----------------------------------------------------------------------
    def _on_contents_change(self, _position: int, _removed: int, _added: int) -> None:
        self.generation += 1  # what is on its way was made for other text
        if not self.editor.is_loading():
            self.schedule()

    def run_now(self) -> None:
        """Take the texts now (GUI thread) and check the scene on the worker."""
        self._timer.stop()
        scene_id = self.editor.current_scene_id()
        self.generation += 1
        if not self.enabled or not scene_id:
            self.findings = []
            self.paint()
            return
        project = self.session.project
        # Only texts already in memory: reading every scene here would hold the whole project
        # in memory (and count scenes as held by the window when their files vanish).
        texts = {
            scene.id: text
            for scene in project.iter_scenes()
            if (text := project.cached_text(scene.id)) is not None
        }
        texts[scene_id] = self.editor.scene_text()
        run = _Run(self.generation, scene_id, texts, project.language)
        options, state = self.options, self._worker_state

        def work() -> tuple[_Run, list[Finding]]:
            if state.cache is None:  # the checks are imported here, on the worker, the first time
                from studio.core.proofreading.project import ProofCache

                state.cache = ProofCache()
            proof = state.cache.run(run.texts, run.language, options, only=[run.scene_id])
            return run, proof.findings

        run_in_worker(
            work, self._on_result, wanted=lambda: run.generation == self.generation, lane="proofreading"
        )

    def _on_result(self, result: tuple[_Run, list[Finding]] | None) -> None:
        if result is None:
            return  # not wanted any more when its turn came, or it failed (logged)
        run, findings = result
        if run.generation != self.generation or run.scene_id != self.editor.current_scene_id():
            self.dropped += 1
            return  # the text changed meanwhile: a newer run is on its way
        self.findings = findings
        self.paint(run.texts[run.scene_id])
        self.updated.emit()

    # -- painting ---------------------------------------------------------------------
    def paint(self, text: str = "") -> None:
        """Show the findings as the editor's ``proofreading`` layer (``text``: what they were found in)."""
        to_document = document_positions(text)
        document = self.editor.document()
        size = document.characterCount() - 1
        dark = self.editor.palette().base().color().lightness() < 128
        selections: list[tuple[QTextEdit.ExtraSelection, Finding]] = []
        for finding in self.findings:
            if not finding.length:
                continue  # a scene-wide finding (readability): listed, not underlined
            start, end = to_document(finding.start), to_document(finding.start + finding.length)
            if end > size:
                continue
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = self._format(finding.check, dark)
            selections.append((selection, finding))
        self._selections = selections
        self.refilter()

    def refilter(self) -> None:
        """Drop the underlines over a word the spelling underlines, and show the rest."""
        marks = self.spelling_marks() if self.spelling_marks is not None else []
        taken = sorted((start, start + length) for start, length, _word in marks)
        if taken:
            self._selections = [
                (s, f)
                for s, f in self._selections
                if not _overlaps(taken, s.cursor.selectionStart(), s.cursor.selectionEnd())
            ]
        self.editor.set_extra_selections(LAYER, [selection for selection, _finding in self._selections])

    def _format(self, check: str, dark: bool) -> QTextCharFormat:
        fmt = self._formats.get((check, dark))
        if fmt is None:
            fmt = self._formats[check, dark] = underline_format(check, dark)
        return fmt


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect_left(spans, (start, start))
    if index and spans[index - 1][1] > start:
        return True
    return index < len(spans) and spans[index][0] < end
