"""The inspector's "Characters in this scene" list is really shown (a screenshot found it missing once)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel, QListWidget

from tests.conftest import REPO
from tests.gui.window_helpers import open_test_window

SAMPLE = REPO / "projects" / "the-lamplighters-daughter"


def test_the_scene_characters_list_is_shown_in_the_inspector(qtbot, tmp_path: Path) -> None:
    root = tmp_path / SAMPLE.name
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns(".studio"))
    window = open_test_window(qtbot, root)
    heading = window.findChild(QLabel, "sceneCharactersLabel")
    listing = window.findChild(QListWidget, "sceneCharacters")
    assert heading is not None and listing is not None
    assert QThreadPool.globalInstance().waitForDone(10000)
    qtbot.waitUntil(lambda: listing.count() > 0, timeout=5000)
    assert heading.isVisible() and listing.isVisible()
    assert window.inspector.isAncestorOf(listing)
    assert any("Wren Talbot" in listing.item(i).text() for i in range(listing.count()))
