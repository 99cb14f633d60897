"""The Statistics dialog: 90 days drawn with QPainter, streak, average, best day and time spent writing."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from studio.core.stats import DayRecord, WritingStats
from studio.gui.goals.feature import GoalsFeature
from studio.gui.goals.statistics_dialog import DAYS_SHOWN, StatisticsDialog
from tests.gui.window_helpers import make_story, open_test_window

TODAY = date(2026, 12, 1)


def generated_stats(days: int = 60, seed: int = 16) -> WritingStats:
    """A plausible writer's two months: most days some words, a few days off, some heavy editing."""
    rng = random.Random(seed)
    stats = WritingStats()
    for back in range(days):
        if rng.random() < 0.2 and back > 4:
            continue
        added = rng.randint(150, 1800)
        stats.days[(TODAY - timedelta(days=back)).isoformat()] = DayRecord(
            added, rng.randint(0, added // 3), rng.randint(15, 140)
        )
    return stats


def test_dialog_shows_the_figures(qtbot) -> None:  # noqa: ANN001
    stats = WritingStats(
        {
            "2026-12-01": DayRecord(600, 100, 50),
            "2026-11-30": DayRecord(300, 0, 25),
            "2026-11-02": DayRecord(2000, 500, 70),
        }
    )
    dialog = StatisticsDialog()
    qtbot.addWidget(dialog)
    dialog.show_stats(stats, TODAY)
    assert len(dialog.chart.days) == DAYS_SHOWN
    figures = {name: label.text() for name, label in dialog.figures.items()}
    assert figures == {
        "today": "+500 words",
        "streak": "2 days",
        "average": "767 words",
        "best": "1,500 (Nov 02)",
        "total": "+2,300 words",
        "minutes": "2 h 25 min",
    }
    image = dialog.chart.grab().toImage()
    assert image.width() >= 540
    dialog.show_stats(WritingStats(), TODAY)
    assert dialog.figures["best"].text() == "—" and dialog.figures["streak"].text() == "0 days"


def test_tools_statistics_opens_on_the_projects_days(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_test_window(qtbot, make_story(tmp_path / "story").root)
    goals = GoalsFeature.instance(window)
    goals.pending.record_save(date.today(), 10, 70)
    goals.statistics_action.trigger()
    assert goals.dialog is not None and goals.dialog.isVisible()
    assert goals.dialog.figures["today"].text() == "+60 words"
    goals.dialog.close()
