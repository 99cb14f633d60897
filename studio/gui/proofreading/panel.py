"""The Proofread panel: the style findings of the scene, its part or the project, off the GUI thread.

The texts are taken on the GUI thread (the editor's own text for the scene it shows); the
checks run on proofreading's worker thread, re-checking only scenes whose text changed. A
result that arrives after a newer run started is dropped (by generation).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.app.session import ProjectSession
from studio.core.errors import NodeNotFoundError, StudioError
from studio.core.proofreading.findings import CHECK_HINTS, CHECK_LABELS, CHECKS, Finding
from studio.core.proofreading.project import ProjectProof, ProofCache
from studio.gui.proofreading.preferences import SCOPES, ProofPreferences
from studio.gui.workers import run_in_worker

if TYPE_CHECKING:
    from studio.gui.proofreading.report_dialog import ReportDialog

DEBOUNCE_MS = 800
MAX_SHOWN = 500  # rows listed (a long list costs the GUI thread); the counts tell the whole number
SCOPE_LABELS = {"scene": "This scene", "part": "This part", "project": "Whole project"}
FINDING_ROLE = Qt.ItemDataRole.UserRole

LiveText = Callable[[], tuple[str | None, str]]


class ProofreadPanel(QWidget):
    """Scope, check toggles, a summary and the findings; ``finding_chosen(finding, text)`` on a click."""

    finding_chosen = Signal(object, str)
    preferences_changed = Signal()

    def __init__(
        self,
        session: ProjectSession,
        live_text: LiveText,
        preferences: ProofPreferences,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("proofreadPanel")
        self.session, self.live_text, self.preferences = session, live_text, preferences
        self.generation = 0
        self.dropped = 0  # results that came back after a newer run started (counted for tests)
        self.proof: ProjectProof | None = None
        self.texts: dict[str, str] = {}
        self.unreadable: list[str] = []  # scene files the last run could not read (skipped, named once)
        self.cache = ProofCache()  # used on the worker thread only
        self.scope_box = QComboBox()
        self.scope_box.setObjectName("proofreadScope")
        for scope in SCOPES:
            self.scope_box.addItem(SCOPE_LABELS[scope], scope)
        self.scope_box.setCurrentIndex(SCOPES.index(preferences.scope))
        self.scope_box.setToolTip("Which scenes to proofread")
        self.checks_button = QToolButton()
        self.checks_button.setObjectName("proofreadChecks")
        self.checks_button.setText("Checks")
        self.checks_button.setToolTip("Turn checks on or off (remembered)")
        self.checks_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.checks_button)
        self.check_actions: dict[str, QAction] = {}
        for name in CHECKS:
            action = menu.addAction(CHECK_LABELS[name])
            action.setCheckable(True)
            action.setChecked(name in preferences.checks)
            action.setToolTip(CHECK_HINTS[name])
            action.setStatusTip(CHECK_HINTS[name])
            action.toggled.connect(self._on_check_toggled)
            self.check_actions[name] = action
        menu.setToolTipsVisible(True)
        self.checks_button.setMenu(menu)
        self.report_button = QPushButton("Report…")
        self.report_button.setObjectName("proofreadReportButton")
        self.report_button.setToolTip("Per scene: reading ease, grade, overused words and dialogue tags")
        self.status = QLabel("")
        self.status.setObjectName("proofreadStatus")
        self.status.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("proofreadFindings")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        top = QHBoxLayout()
        top.addWidget(self.scope_box, 1)
        top.addWidget(self.checks_button)
        top.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.start_run)
        self.scope_box.currentIndexChanged.connect(self._on_scope_changed)
        self.tree.itemActivated.connect(self._on_item_chosen)
        self.tree.itemClicked.connect(self._on_item_chosen)
        self.report_button.clicked.connect(self.open_report)
        self.report: ReportDialog | None = None

    # -- public API -------------------------------------------------------------------
    def scope(self) -> str:
        """``scene``, ``part`` or ``project``."""
        return str(self.scope_box.currentData())

    def schedule(self, delay: int = DEBOUNCE_MS) -> None:
        """Proofread again after ``delay`` ms of quiet."""
        self.timer.start(delay)

    def finding_rows(self) -> list[QTreeWidgetItem]:
        """Every finding row, in order (for tests and keyboard walking)."""
        rows: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        for item in stack:
            if item is None:
                continue
            if isinstance(item.data(0, FINDING_ROLE), Finding):
                rows.append(item)
            rows += [c for i in range(item.childCount()) if (c := item.child(i)) is not None]
        return rows

    def scene_ids(self) -> list[str]:
        """The scenes the scope covers, in manuscript order."""
        project = self.session.project
        current, _text = self.live_text()
        scope = self.scope()
        if scope == "project":
            return [scene.id for scene in project.iter_scenes()]
        if not current:
            return []
        if scope == "part":
            for part in project.parts:
                if any(scene.id == current for scene in part.scenes):
                    return [scene.id for scene in part.scenes]
        return [current]

    def start_run(self) -> None:
        """Take the texts now (GUI thread) and check them on the worker thread."""
        self.timer.stop()
        self.generation += 1
        generation = self.generation
        wanted = self.scene_ids()
        if not wanted:
            self.proof = None
            self.tree.clear()
            self.status.setText("Open a scene to proofread it.")
            return
        texts = self.project_texts()
        language, options, cache = self.session.project.language, self.preferences.options(), self.cache
        if len(wanted) > 1:
            self.status.setText(f"Checking {len(wanted):,} scenes…")

        def work() -> tuple[int, dict[str, str], ProjectProof, str]:
            proof = cache.run(texts, language, options, only=wanted)
            return generation, texts, proof, self.summary(proof)  # the summary too, off the GUI thread

        run_in_worker(
            work, self._on_result, wanted=lambda: generation == self.generation, lane="proofreading"
        )

    def project_texts(self) -> dict[str, str]:
        """Every scene's text, the editor's own for the scene it shows (taken on the GUI thread)."""
        project = self.session.project
        current, live = self.live_text()
        texts: dict[str, str] = {}
        self.unreadable = []
        for scene in project.iter_scenes():
            try:
                texts[scene.id] = project.scene_text(scene.id)
            except StudioError:  # a folder or a FIFO where the file belongs: the others are still checked
                self.unreadable.append(scene.file)
        if current:
            texts[current] = live
        return texts

    def open_report(self) -> ReportDialog:
        """Open the project report (its figures are worked out on the proofreading thread)."""
        from studio.gui.proofreading.report_dialog import ReportDialog

        self.report = ReportDialog(self.session, self.project_texts(), self.cache, self.window())
        self.report.open()
        return self.report

    # -- results ----------------------------------------------------------------------
    def _on_result(self, result: tuple[int, dict[str, str], ProjectProof, str] | None) -> None:
        if result is None:
            return  # not wanted any more when its turn came, or it failed (logged)
        generation, texts, proof, summary = result
        if generation != self.generation:
            self.dropped += 1
            return  # a newer run is on its way
        self.proof, self.texts = proof, texts
        self._show(proof)
        if self.unreadable:
            count = len(self.unreadable)
            summary += f" {count:,} scene file{'s' if count != 1 else ''} could not be read and "
            summary += f"{'were' if count != 1 else 'was'} skipped ({', '.join(self.unreadable[:3])}"
            summary += "…)." if count > 3 else ")."
        self.status.setText(summary)

    def _show(self, proof: ProjectProof) -> None:
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        grouped = self.scope() != "scene"
        self.tree.setRootIsDecorated(grouped)
        groups: dict[str, QTreeWidgetItem] = {}
        for finding in proof.findings[:MAX_SHOWN]:
            row = QTreeWidgetItem([f"{finding.line}:{finding.column}  {finding.message}"])
            row.setData(0, FINDING_ROLE, finding)
            where = f"{CHECK_LABELS[finding.check]} — line {finding.line}, column {finding.column}"
            row.setToolTip(0, f"{finding.message}\n{where}")
            if not grouped:
                self.tree.addTopLevelItem(row)
                continue
            group = groups.get(finding.scene_id)
            if group is None:
                group = groups[finding.scene_id] = QTreeWidgetItem([self._scene_title(finding.scene_id)])
                self.tree.addTopLevelItem(group)
                group.setExpanded(True)
            group.addChild(row)
        counts = Counter(f.scene_id for f in proof.findings)
        for scene_id, group in groups.items():
            group.setText(0, f"{group.text(0)}  ({counts[scene_id]})")
        self.tree.setUpdatesEnabled(True)

    def _scene_title(self, scene_id: str) -> str:
        try:
            return self.session.project.scene(scene_id).title or "Untitled scene"
        except NodeNotFoundError:
            return "(removed)"

    @staticmethod
    def summary(proof: ProjectProof) -> str:
        """ "12 findings · reading ease 74 (fairly easy), grade 7.6 · tags: said 3, whispered 1"."""
        count = len(proof.findings)
        text = f"{count:,} finding{'s' if count != 1 else ''}" if count else "Nothing found"
        if len(proof.scenes) > 1:
            text += f" in {len(proof.scenes):,} scenes"
        if count > MAX_SHOWN:
            text += f" (the first {MAX_SHOWN:,} listed)"
        if len(proof.scenes) == 1:
            ease = next(iter(proof.scenes.values())).readability
            if ease.words:
                text += f" · reading ease {ease.score:g} ({ease.label}), grade {ease.grade:g}"
        tags = proof.tags()
        if tags:
            text += " · tags: " + ", ".join(f"{tag} {n}" for tag, n in tags.most_common(4))
        return text + "."

    # -- user actions -----------------------------------------------------------------
    def _on_scope_changed(self, _index: int) -> None:
        self.preferences.scope = self.scope()
        self.preferences.save()
        self.start_run()

    def _on_check_toggled(self, _on: bool) -> None:
        self.preferences.checks = [name for name in CHECKS if self.check_actions[name].isChecked()]
        self.preferences.save()
        self.preferences_changed.emit()
        self.start_run()

    def _on_item_chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, FINDING_ROLE)
        if isinstance(finding, Finding):
            self.finding_chosen.emit(finding, self.texts.get(finding.scene_id, ""))
