"""The search panel: a pattern searched across the project as you type, off the GUI thread.

The texts are taken on the GUI thread (cached scene texts, and the editor's own text for
the scene it shows, saved or not); matching runs on the worker thread. A result that
arrives after a newer search started is dropped (by generation).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.app.session import ProjectSession
from studio.core.errors import StudioError
from studio.core.search import Hit, PlainCache, SearchOptions, SearchPatternError, project_texts, search
from studio.gui.search.results import MAX_SHOWN, ResultsTree
from studio.gui.workers import run_in_worker

DEBOUNCE_MS = 150

LiveText = Callable[[], tuple[str | None, str]]


class SearchPanel(QWidget):
    """The pattern, its options, the counts and the results; ``hit_chosen(hit)`` on a click."""

    hit_chosen = Signal(object)
    replace_requested = Signal()

    def __init__(self, session: ProjectSession, live_text: LiveText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchResultsPanel")
        self.session = session
        self.live_text = live_text
        self.generation = 0
        self.hits: list[Hit] = []
        self.cache = PlainCache()  # used on the worker thread only
        self.pattern_edit = QLineEdit()
        self.pattern_edit.setObjectName("searchPattern")
        self.pattern_edit.setPlaceholderText("Search the project")
        self.pattern_edit.setClearButtonEnabled(True)
        self.case_box = QCheckBox("Match case")
        self.case_box.setObjectName("searchMatchCase")
        self.word_box = QCheckBox("Whole word")
        self.word_box.setObjectName("searchWholeWord")
        self.regex_box = QCheckBox("Regular expression")
        self.regex_box.setObjectName("searchRegex")
        self.replace_button = QPushButton("Replace…")
        self.replace_button.setObjectName("searchReplaceButton")
        self.replace_button.setToolTip("Replace in the project, with a preview of every hit")
        self.status = QLabel("Type to search scenes, titles, synopses and notes.")
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.tree = ResultsTree()
        options = QHBoxLayout()
        for box in (self.case_box, self.word_box, self.regex_box):
            options.addWidget(box)
            box.toggled.connect(lambda _on: self.schedule())
        options.addStretch(1)
        options.addWidget(self.replace_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pattern_edit)
        layout.addLayout(options)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.start_search)
        self.pattern_edit.textChanged.connect(lambda _t: self.schedule())
        self.pattern_edit.returnPressed.connect(self.start_search)
        self.replace_button.clicked.connect(self.replace_requested)
        self.tree.itemActivated.connect(self._on_item_chosen)
        self.tree.itemClicked.connect(self._on_item_chosen)

    def options(self) -> SearchOptions:
        """The options ticked."""
        return SearchOptions(
            case=self.case_box.isChecked(), word=self.word_box.isChecked(), regex=self.regex_box.isChecked()
        )

    def pattern(self) -> str:
        """The pattern typed."""
        return self.pattern_edit.text()

    def schedule(self, delay: int = DEBOUNCE_MS) -> None:
        """Search again after ``delay`` ms of quiet."""
        self.timer.start(delay)

    def start_search(self) -> None:
        """Take the texts now (GUI thread) and match them on the worker thread."""
        self.timer.stop()
        self.generation += 1
        generation, pattern, options = self.generation, self.pattern(), self.options()
        if not pattern:
            self.hits = []
            self.tree.clear()
            self.status.setText("Type to search scenes, titles, synopses and notes.")
            return
        scene_id, text = self.live_text()
        try:
            texts = project_texts(self.session.project, {scene_id: text} if scene_id else None)
        except StudioError as error:
            self.status.setText(f"Cannot search: {error}")
            return
        cache = self.cache

        def work() -> tuple[int, list[Hit] | str]:
            try:
                return generation, search(texts, pattern, options, cache)
            except SearchPatternError as error:
                return generation, str(error)

        run_in_worker(work, self._on_results, wanted=lambda: generation == self.generation)

    def _on_results(self, result: tuple[int, list[Hit] | str] | None) -> None:
        if result is None or result[0] != self.generation:
            return  # a newer search is on its way
        found = result[1]
        if isinstance(found, str):
            self.hits = []
            self.tree.clear()
            self.status.setText(found[:1].upper() + found[1:] + ".")
            return
        self.hits = found
        self.tree.show_hits(self.session.project, found)
        self.status.setText(self.summary(found))

    @staticmethod
    def summary(hits: list[Hit]) -> str:
        """ "12 hits in 3 scenes (and 1 note)" and how many are listed."""
        if not hits:
            return "No hits."
        scenes = len({h.owner_id for h in hits if h.kind == "scene"})
        notes = len({h.owner_id for h in hits if h.kind != "scene"})
        text = f"{len(hits)} hit{'s' if len(hits) != 1 else ''} in {scenes} scene{'s' if scenes != 1 else ''}"
        if notes:
            text += f" and {notes} note{'s' if notes != 1 else ''}"
        if len(hits) > MAX_SHOWN:
            text += f" (the first {MAX_SHOWN} listed)"
        return text + "."

    def _on_item_chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        hit = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(hit, Hit):
            self.hit_chosen.emit(hit)
