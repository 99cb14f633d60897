"""Proofreading in the window: the *Proofread* panel, the editor's style underlines, the Tools menu.

*Tools › Proofread…* (Ctrl+Shift+P) shows the panel; *Tools › Proofreading Underlines* turns
the dotted underlines on or off. The checks turned on, the underlines and the panel's scope
are remembered (``settings.ini``). A finding clicked opens its scene with its words selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from studio.core.proofreading.findings import Finding
from studio.gui.features import WindowFeature
from studio.gui.first_paint import after_first_paint
from studio.gui.proofreading.preferences import ProofPreferences
from studio.gui.proofreading.underlines import ProofUnderliner, document_positions
from studio.gui.spelling.feature import SpellingFeature

if TYPE_CHECKING:  # the panel loads when first shown, not while the window opens
    from studio.gui.main_window import MainWindow
    from studio.gui.proofreading.panel import ProofreadPanel


class ProofreadingFeature(WindowFeature):
    """The Proofread dock, the underliner of the editor's scene and their actions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.session = session = window.session
        self.editor = editor = window.editor
        self.preferences = ProofPreferences.load()
        self.underliner = ProofUnderliner(editor, session, self.preferences.options())
        self.underliner.enabled = self.preferences.underlines
        spelling = SpellingFeature.installed(window)
        if spelling is not None:  # a style underline never hides a spelling one
            self.underliner.spelling_marks = spelling.highlighter.marks
            spelling.highlighter.checked.connect(self.underliner.refilter)
        self._panel: ProofreadPanel | None = None
        self.dock = window.add_lazy_panel(self._build_panel, "Proofread", "right", "proofreadPanel")
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._on_dock_visibility)
        session.scene_text_replaced.connect(self._on_text_replaced)
        session.outline_changed.connect(lambda _change: self._refresh(0))
        editor.textChanged.connect(self._on_text_changed)
        editor.scene_shown.connect(self._on_scene_shown)
        tools = window.menu("tools")
        tools.addSeparator()
        self.proofread_action = QAction("&Proofread…", window)
        self.proofread_action.setObjectName("proofreadAction")
        self.proofread_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.proofread_action.setStatusTip(
            "Style checks: repeated words, filler, adverbs, long sentences, tags"
        )
        self.proofread_action.triggered.connect(self.show_panel)
        self.underlines_action = QAction("Proofreading &Underlines", window)
        self.underlines_action.setObjectName("proofreadUnderlinesAction")
        self.underlines_action.setCheckable(True)
        self.underlines_action.setChecked(self.preferences.underlines)
        self.underlines_action.setStatusTip("Dotted underlines under the style findings of the scene")
        self.underlines_action.toggled.connect(self.set_underlines)
        tools.addAction(self.proofread_action)
        tools.addAction(self.underlines_action)
        # The scene shown at start-up is checked once the window has painted.
        after_first_paint(editor.viewport(), lambda: self.underliner.schedule(0))

    @property
    def panel(self) -> ProofreadPanel:
        """The panel, built on first use (the dock builds it when first shown)."""
        self.dock.content()
        assert self._panel is not None
        return self._panel

    def _build_panel(self) -> ProofreadPanel:
        from studio.gui.proofreading.panel import ProofreadPanel

        editor = self.editor

        def live_text() -> tuple[str | None, str]:
            scene_id = editor.current_scene_id()
            return scene_id, editor.scene_text() if scene_id else ""

        panel = self._panel = ProofreadPanel(self.session, live_text, self.preferences)
        panel.finding_chosen.connect(self.open_finding)
        panel.preferences_changed.connect(lambda: self.underliner.set_options(self.preferences.options()))
        return panel

    def show_panel(self) -> None:
        """Show the dock (and check its scenes now)."""
        self.dock.show()
        self.dock.raise_()
        self.panel.start_run()

    def set_underlines(self, on: bool) -> None:
        """Underline the scene's findings in the editor, or not (remembered)."""
        self.preferences.underlines = on
        self.preferences.save()
        self.underliner.set_enabled(on)
        if self.underlines_action.isChecked() != on:
            self.underlines_action.setChecked(on)

    def open_finding(self, finding: Finding, text: str) -> None:
        """Open the finding's scene with its words selected (``text``: what it was found in)."""
        to_document = document_positions(text)
        start = to_document(finding.start)
        length = to_document(finding.start + finding.length) - start
        self.session.open_scene_requested.emit(finding.scene_id, start, length)

    # -- keeping the panel fresh --------------------------------------------------------
    def _refresh(self, delay: int | None = None) -> None:
        if self._panel is not None and self.dock.isVisible():
            if delay is None:
                self._panel.schedule()
            else:
                self._panel.schedule(delay)

    def _on_dock_visibility(self, visible: bool) -> None:
        if visible:
            self._refresh(0)

    def _on_text_changed(self) -> None:
        if not self.editor.is_loading():
            self._refresh()

    def _on_scene_shown(self, _scene_id: str) -> None:
        if self._panel is not None and self._panel.scope() != "project":
            self._refresh(0)

    def _on_text_replaced(self, _scene_id: str) -> None:
        self._refresh(0)
        self.underliner.schedule(0)
