"""The dialogs of publishing, help and preferences fit a 1024x640 screen, and open within the screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from studio.gui.dialog_size import SCREEN_MARGIN
from studio.gui.help.feature import HelpFeature
from studio.gui.publishing.feature import PublishingFeature
from tests.gui.window_helpers import make_story, open_test_window

SMALL_SCREEN = (1024, 640)


def test_each_dialog_fits_a_small_screen_and_opens_inside_this_one(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_test_window(qtbot, make_story(tmp_path / "story").root)
    publishing, help_feature = PublishingFeature.instance(window), HelpFeature.instance(window)
    dialogs: list[QDialog] = [
        publishing.open_export(),
        publishing.open_import(),
        publishing.open_posting(window.project.parts[0].id),
        window.open_preferences(),
        help_feature.open_shortcuts(),
        help_feature.open_project_format(),
        help_feature.open_about(),
    ]
    available = window.screen().availableGeometry()
    for dialog in dialogs:
        least = dialog.minimumSizeHint()
        name = dialog.objectName()
        assert least.width() <= SMALL_SCREEN[0] - SCREEN_MARGIN, (name, least)
        assert least.height() <= SMALL_SCREEN[1] - SCREEN_MARGIN, (name, least)
        assert dialog.width() <= max(available.width() - SCREEN_MARGIN, least.width()), name
        assert dialog.height() <= max(available.height() - SCREEN_MARGIN, least.height()), name
        dialog.close()
