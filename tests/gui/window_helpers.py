"""Builders for the window tests: a small real project on disk and an open window."""

from __future__ import annotations

from pathlib import Path

from studio.core import Project, create_project

PARAGRAPH = "The wind came off the sea in long grey sheets, and Mara stood at the top of the stairs."


def make_story(root: Path, parts: dict[str, list[str]] | None = None) -> Project:
    """Create a project whose parts hold scenes with the given texts (part title → texts)."""
    project = create_project(root, "The Lighthouse", "A. Writer")
    first = project.parts[0]
    project.remove_scene(first.scenes[0].id)
    project.remove_part(first.id)
    default = {"One": [PARAGRAPH, "alpha beta gamma", "delta"], "Two": ["epsilon zeta"]}
    for part_title, texts in (parts or default).items():
        part = project.add_part(part_title)
        for number, text in enumerate(texts, 1):
            project.add_scene(part.id, title=f"{part_title} {number}", text=text)
    return project


def scene_file(project: Project, index: int) -> Path:
    """Path of the index-th scene of the manuscript."""
    scene = list(project.iter_scenes())[index]
    return project.root / "scenes" / scene.file


# Windows the running test opened; ``close_test_windows`` (run by conftest at teardown) closes them.
OPENED: list = []


def track_window(window):  # noqa: ANN001, ANN201
    """Have ``window`` closed (for good) when the test ends, unless the test closed it."""
    OPENED.append(window)
    return window


def open_test_window(qtbot, root: Path, read_only: bool = False):  # noqa: ANN001, ANN201
    """Open the real main window on ``root``, shown; it is closed when the test ends."""
    from studio.gui import open_window

    window = track_window(open_window(root, read_only=read_only))
    window.show()
    qtbot.waitExposed(window)
    return window


def close_test_windows() -> None:
    """Close every window a test opened and left open (losing unsaved text), and free them."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    while OPENED:
        window = OPENED.pop()
        if shiboken6.isValid(window) and not window.closed and not window.close():
            window.close_without_saving()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
