"""Undoing an import takes back the characters it added too; redo brings them back (one step)."""

from __future__ import annotations

from pathlib import Path

from studio.app.commands.imports import ImportPartsCommand
from studio.app.session import ProjectSession
from studio.core.importing.sources import plan_from_paths
from tests.conftest import REPO
from tests.gui.outline_helpers import make_session

NOVELWRITER = REPO / "tests" / "data" / "import_sources" / "novelwriter_lamp"


def test_undo_of_an_import_removes_the_characters_it_added(qtbot, tmp_path: Path) -> None:
    session: ProjectSession = make_session(tmp_path / "p")
    project = session.project
    before_cast = [c.name for c in project.characters]
    before_files = (
        sorted(p.name for p in (project.root / "characters").glob("*"))
        if (project.root / "characters").is_dir()
        else []
    )
    plan = plan_from_paths([NOVELWRITER])
    assert plan.characters, "the sample names a cast"
    command = ImportPartsCommand(session, plan)
    session.push(command)
    added = [c.name for c in project.characters if c.name not in before_cast]
    assert added and command.cast
    session.undo_stack.undo()
    assert [c.name for c in project.characters] == before_cast
    after_files = (
        sorted(p.name for p in (project.root / "characters").glob("*"))
        if (project.root / "characters").is_dir()
        else []
    )
    assert after_files == before_files
    session.undo_stack.redo()
    assert [c.name for c in project.characters if c.name not in before_cast] == added
