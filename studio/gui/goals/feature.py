"""The goals feature: words written per day, kept in ``stats.json``; *Tools › Statistics…*.

Each save of a scene (``session.scene_text_saved``) counts the words it added or deleted
(``studio.core.stats``: from the scene's word count before and after the save). The day
records travel with the project in ``stats.json`` beside ``story.json``, written at most once
a minute (a single-shot timer started by the first change after a write) and when the window
closes, so typing never writes it and a writer's git history gets one small change per
session rather than one per save. The file is read again and merged just before each write,
so two windows, or a pull, add up instead of overwriting each other.
"""

from __future__ import annotations

import time
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLabel

from studio.app.changes import OutlineChange
from studio.core.errors import StudioError
from studio.core.stats import MAX_TARGET, STATS_NAME, WritingStats, dump_stats, parse_stats
from studio.gui.features import WindowFeature
from studio.gui.goals.progress_delegate import WordsProgressDelegate
from studio.gui.icons import Icon, icon
from studio.models.outline_model import WORDS_COLUMN

if TYPE_CHECKING:  # the dialog loads when first opened, not while the window opens
    from studio.gui.goals.statistics_dialog import StatisticsDialog
    from studio.gui.main_window import MainWindow

FLUSH_INTERVAL_MS = 60_000  # stats.json is written at most this often (and on close)
TARGET_SETTING = "target"  # the project's word target, a project setting


class GoalsFeature(WindowFeature):
    """Counts the words written each day and shows goals and statistics."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.session = window.session
        self.path = self.session.project.root / STATS_NAME
        self.problems: list[str] = []
        self.stats = self._read()
        self.pending = WritingStats()  # counted since the last write
        self.session_net = 0  # net words saved since the window opened
        self.writes = 0
        self._words = {s.id: s.words for s in self.session.project.iter_scenes()}
        self._minute = -1
        self.flush_timer = QTimer(self, singleShot=True, interval=FLUSH_INTERVAL_MS)
        self.flush_timer.timeout.connect(self.flush)
        self.dialog: StatisticsDialog | None = None
        self.session.scene_text_saved.connect(self._on_saved)
        self.session.scene_text_replaced.connect(self._on_replaced)
        self.session.outline_changed.connect(self._on_outline_changed)
        window.editor.textChanged.connect(self._on_typed)
        window.close_accepted.connect(self.flush)
        self.today_label = QLabel()
        self.today_label.setObjectName("todayWords")
        self.today_label.setToolTip("Words written today (net), unsaved ones included")
        window.statusBar().insertPermanentWidget(1, self.today_label)
        window.words_label.counted.connect(self._show_today)
        window.words_label.project_target = self.project_target
        window.words_label.update_counts()
        self.delegate = WordsProgressDelegate(window.outline_view)
        window.outline_view.setItemDelegateForColumn(WORDS_COLUMN, self.delegate)
        tools = window.menu("tools")
        self.statistics_action = QAction("&Statistics…", window)
        self.statistics_action.setObjectName("statisticsAction")
        self.statistics_action.triggered.connect(self.open_statistics)
        self.statistics_action.setIcon(icon(Icon.STATISTICS))
        self.target_action = QAction("Project Word &Target…", window)
        self.target_action.setObjectName("projectTargetAction")
        self.target_action.triggered.connect(self.ask_project_target)
        self.target_action.setIcon(icon(Icon.TARGET))
        tools.addAction(self.statistics_action)
        tools.addAction(self.target_action)

    # -- the record ----------------------------------------------------------------------------
    def _read(self) -> WritingStats:
        try:
            text, _clean = self.session.project.store.read_text(self.path)
        except FileNotFoundError:
            return WritingStats()
        except (OSError, StudioError) as error:
            self.problems.append(f"{STATS_NAME}: {error}")
            return WritingStats()
        return parse_stats(text, self.problems)

    def all_stats(self) -> WritingStats:
        """The days written to the file and the ones still to be written."""
        merged = WritingStats()
        merged.merge(self.stats)
        merged.merge(self.pending)
        return merged

    def _on_saved(self, scene_id: str) -> None:
        try:
            after = self.session.project.scene(scene_id).words
        except StudioError:
            return
        before = self._words.get(scene_id, after)
        self._words[scene_id] = after
        if after != before:
            self.pending.record_save(date.today(), before, after)
            self.session_net += after - before
            self._schedule()
            self.window.words_label.update_counts()  # the label counted before this save was recorded

    def _on_replaced(self, scene_id: str) -> None:
        """A text replaced under the editor (outside edit, split, undo) is no writing: a new baseline."""
        try:
            self._words[scene_id] = self.session.project.scene(scene_id).words
        except StudioError:
            self._words.pop(scene_id, None)

    def _on_outline_changed(self, _change: OutlineChange) -> None:
        for scene in self.session.project.iter_scenes():
            self._words.setdefault(scene.id, scene.words)

    def _on_typed(self) -> None:
        """Count the minutes with at least one edit (one clock read per keystroke, nothing more)."""
        minute = int(time.time() // 60)
        if minute != self._minute and not self.window.editor.is_loading():
            self._minute = minute
            self.pending.day(date.today()).minutes += 1
            self._schedule()

    def _schedule(self) -> None:
        if not self.flush_timer.isActive():
            self.flush_timer.start()

    def flush(self) -> bool:
        """Write what was counted since the last write (merged with the file as it is now)."""
        self.flush_timer.stop()
        if not self.pending.days or self.session.read_only:
            return True
        merged = self._read()
        merged.merge(self.pending)
        try:
            self.session.project.store.write_text(self.path, dump_stats(merged))
        except (OSError, StudioError) as error:
            self.window.statusBar().showMessage(f"Statistics not saved: {error}", 8000)
            self._schedule()
            return False
        self.stats, self.pending = merged, WritingStats()
        self.writes += 1
        return True

    # -- goals ----------------------------------------------------------------------------------
    def today_text(self, unsaved: int) -> str:
        """``Today +512`` (with the words typed but not yet saved in the editor)."""
        today = self.all_stats().days.get(date.today().isoformat())
        net = (today.net if today else 0) + unsaved
        return f"Today {net:+,}"

    def _show_today(self, unsaved: int) -> None:
        self.today_label.setText(self.today_text(unsaved))

    def project_target(self) -> int:
        """The project's word target (0: none)."""
        value = self.session.project.settings.get(TARGET_SETTING, 0)
        return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0

    def set_project_target(self, target: int) -> None:
        """Store the project's word target (a project setting in ``story.json``)."""
        try:
            self.session.project.set_setting(TARGET_SETTING, max(0, min(MAX_TARGET, target)))
        except (OSError, StudioError) as error:
            self.window.statusBar().showMessage(f"Target not saved: {error}", 8000)
        self.window.words_label.update_counts()

    def ask_project_target(self) -> QInputDialog:
        """Ask for the project's word target (0 for none)."""
        dialog = QInputDialog(self.window)
        dialog.setObjectName("projectTargetDialog")
        dialog.setWindowTitle("Project Word Target")
        dialog.setLabelText("Words for the whole project (0: no target):")
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(0, MAX_TARGET)
        dialog.setIntStep(1000)
        dialog.setIntValue(self.project_target())
        dialog.intValueSelected.connect(self.set_project_target)
        dialog.open()
        return dialog

    def open_statistics(self) -> StatisticsDialog:
        """Show the Statistics dialog (the last 90 days)."""
        from studio.gui.goals.statistics_dialog import StatisticsDialog

        if self.dialog is None:
            self.dialog = StatisticsDialog(self.window)
        self.dialog.show_stats(self.all_stats(), date.today())
        self.dialog.show()
        self.dialog.activateWindow()
        return self.dialog
