"""Panels hidden at start are built when first shown, not while the window opens (launch time)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from studio.gui.characters.feature import CharactersFeature
from studio.gui.search.feature import SearchFeature
from tests.gui.window_helpers import make_story, open_test_window


def test_hidden_panels_wait_for_their_first_show(qtbot, tmp_path) -> None:
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    search, characters = SearchFeature.instance(window), CharactersFeature.instance(window)
    assert search._panel is None and characters._panel is None  # noqa: SLF001 - what the launch skips
    assert window.findChild(QWidget, "charactersPanel") is None
    characters.dock.show()
    characters.dock.raise_()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "charactersPanel") is not None, timeout=5000)
    assert characters._panel is not None  # noqa: SLF001
