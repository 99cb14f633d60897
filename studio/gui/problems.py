"""What the window says about a project that opened with problems, and the scene files it can adopt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studio.app.changes import OutlineChangeKind
from studio.core.errors import StudioError
from studio.gui import messages

if TYPE_CHECKING:
    from studio.gui.main_window import MainWindow


def report_problems(window: MainWindow) -> None:
    """List the loader's problems, and offer recovered scene files back."""
    project = window.project
    problems = [p for p in project.problems if "offered as a recovered scene" not in p]
    if problems:
        messages.inform(
            window,
            "Problems in this project",
            f"{project.title} opened, but some things need attention:",
            "\n".join(f"• {p}" for p in problems),
        )
    if project.recovered and not window.session.read_only:
        names = list(project.recovered)
        messages.ask(
            window,
            "Recovered scenes",
            f"{len(names)} scene file(s) are not in the outline. Add them to a 'Recovered scenes' part?",
            lambda: recover(window, names),
            "\n".join(names),
        )


def recover(window: MainWindow, names: list[str]) -> None:
    """Adopt unlisted scene files into a new "Recovered scenes" part."""
    try:
        part = window.project.recover_files(names)
    except (OSError, StudioError) as error:
        messages.inform(window, "Cannot add the recovered scenes", str(error))
        return
    if part is not None:
        window.session.announce(OutlineChangeKind.ADDED, [part.id])
