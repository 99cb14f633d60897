"""A first start opens the window at 1280 x 800, or smaller where the screen has less room."""

from __future__ import annotations

from tests.gui.window_helpers import make_story, open_test_window


def test_a_first_window_fits_a_screen_smaller_than_its_default_size(qtbot, tmp_path):  # noqa: ANN001
    window = open_test_window(qtbot, make_story(tmp_path / "story").root)
    available = window.screen().availableGeometry()
    assert available.width() < 1280  # the offscreen screen is smaller than the default size
    assert window.width() <= available.width() and window.height() <= available.height()
