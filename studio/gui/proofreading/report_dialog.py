"""The project report: per scene its words, reading ease, grade, overused words and dialogue tags."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.app.session import ProjectSession
from studio.core.counting import count_words
from studio.core.proofreading.findings import ProofOptions
from studio.core.proofreading.project import ProjectProof, ProofCache
from studio.gui.elided import FullTextDelegate
from studio.gui.workers import run_in_worker

COLUMNS = ("Scene", "Words", "Reading ease", "Grade", "Overused", "Dialogue tags")


class ReportDialog(QDialog):
    """Works out the report on the proofreading thread, then lists it (one row per scene)."""

    def __init__(
        self, session: ProjectSession, texts: dict[str, str], cache: ProofCache, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("proofreadReport")
        self.setWindowTitle("Proofreading Report")
        self.session, self.texts = session, texts
        self.proof: ProjectProof | None = None
        self.summary = QLabel(f"Working out the figures of {len(texts):,} scenes…")
        self.summary.setObjectName("proofreadReportSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("proofreadReportTable")
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setItemDelegate(
            FullTextDelegate(self.tree)
        )  # cut cells elided in the middle, whole in a tooltip
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(760, 480)
        language = session.project.language

        def work() -> ProjectProof:
            return cache.run(texts, language, ProofOptions())

        run_in_worker(work, self._on_result, lane="proofreading")

    def _on_result(self, proof: ProjectProof | None) -> None:
        if proof is None:
            return  # the run failed (logged)
        self.proof = proof
        project = self.session.project
        words = 0
        for part in project.parts:
            group = QTreeWidgetItem([part.title or "Untitled part"])
            self.tree.addTopLevelItem(group)
            for scene in part.scenes:
                result = proof.scenes.get(scene.id)
                if result is None:
                    continue
                ease = result.readability
                counted = count_words(self.texts.get(scene.id, ""))  # as the outline counts
                words += counted
                overused = ", ".join(f"{word} ×{count}" for word, count, _ratio in result.overused)
                tags = ", ".join(f"{tag} {n}" for tag, n in result.tags.most_common())
                row = QTreeWidgetItem(
                    [
                        scene.title or "Untitled scene",
                        f"{counted:,}",
                        f"{ease.score:g} ({ease.label})" if ease.words else "—",
                        f"{ease.grade:g}" if ease.words else "—",
                        overused,
                        tags,
                    ]
                )
                for column in (1, 2, 3):
                    row.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                row.setToolTip(4, overused)
                row.setToolTip(5, tags)
                group.addChild(row)
            group.setExpanded(True)
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        totals = proof.tags()
        listed = ", ".join(f"{tag} {n}" for tag, n in totals.most_common()) if totals else "none"
        self.summary.setText(
            f"{words:,} words in {len(proof.scenes):,} scenes; {len(proof.findings):,} findings. "
            f"Dialogue tags: {listed}."
        )
