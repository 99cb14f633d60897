"""``studio export`` and ``studio import`` in a subprocess."""

from __future__ import annotations

from pathlib import Path

from studio.core import load_project
from tests.conftest import run_cli

POSTED = """The Long Road Home
By Jane Q. Writer

Part Five: The Last Night of the World

"Don't go," she said.

He didn't answer.

* * *

Morning came grey and cold.

Continued in Part Six: The Morning After
"""


def imported(tmp_path: Path) -> Path:
    source = tmp_path / "part5.txt"
    source.write_text(POSTED, encoding="utf-8")
    result = run_cli("import", str(source), "--into", str(tmp_path / "story"))
    assert result.returncode == 0, result.stderr
    assert "Created 'The Long Road Home'" in result.stdout
    return tmp_path / "story"


def test_import_then_export_gives_the_part_back(tmp_path: Path) -> None:
    project = imported(tmp_path)
    result = run_cli("export", str(project), "--part", "1", "--set", "part_notes=include")
    assert result.returncode == 0, result.stderr
    assert result.stdout == POSTED.replace("cold.\n\nContinued", "cold.\n\nContinued")


def test_set_overrides_for_one_run(tmp_path: Path) -> None:
    project = imported(tmp_path)
    sets = ["--set", "separator=~", "--set", "header=", "--set", "quotes=curly"]
    result = run_cli("export", str(project), *sets)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Part Five: The Last Night of the World\n\n“Don’t go,” she said.")
    assert "\n\n~\n\n" in result.stdout
    saved = run_cli("export", str(project))
    assert saved.stdout.startswith("The Long Road Home\nBy Jane Q. Writer\n")  # overrides are not saved
    starred = run_cli("export", str(project), "--set", "separator=* * *", "--set", "header=")
    assert starred.stdout.startswith("Part Five") and "\n* * *\n" in starred.stdout


def test_export_to_a_file_in_html(tmp_path: Path) -> None:
    project = imported(tmp_path)
    out = tmp_path / "part.html"
    result = run_cli("export", str(project), "--format", "html", "--output", str(out), "--set", "header=")
    assert result.returncode == 0, result.stderr
    assert out.read_text("utf-8").startswith("<h2>Part Five: The Last Night of the World</h2>\n<p>")


def test_user_errors_are_one_line(tmp_path: Path) -> None:
    project = imported(tmp_path)
    for args, message in [
        (("export", str(project), "--set", "quotes=fancy"), "'quotes' must be one of keep, straight, curly"),
        (("export", str(project), "--set", "nonsense"), "--set needs KEY=VALUE"),
        (("export", str(project), "--part", "9"), "no part 9"),
        (("export", str(tmp_path / "nowhere")), "no such project folder"),
        (("import", str(tmp_path / "missing.txt")), "no such file"),
    ]:
        result = run_cli(*args)
        assert result.returncode == 1, (args, result.stderr)
        assert message in result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_cp1252_needs_encoding_and_default_folder(tmp_path: Path) -> None:
    source = tmp_path / "old.txt"
    source.write_bytes("Chapter 1: Caf\u00e9\n\n\u201cNoir,\u201d he said.\n".encode("cp1252"))
    refused = run_cli("import", str(source), cwd=tmp_path)
    assert refused.returncode == 1
    assert "old.txt: not UTF-8" in refused.stderr and "--encoding cp1252" in refused.stderr
    assert not (tmp_path / "old").exists()
    result = run_cli("import", str(source), "--encoding", "cp1252", "--title", "Old Tale", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert str(tmp_path / "old-tale") in result.stdout
    project = load_project(tmp_path / "old-tale")
    assert project.title == "Old Tale"
    assert project.parts[0].title == "Café"


def test_import_appends_to_an_existing_project(tmp_path: Path) -> None:
    project = imported(tmp_path)
    more = tmp_path / "part6.txt"
    more.write_text("Part Six: The Morning After\n\nLight.\n", encoding="utf-8")
    result = run_cli("import", str(more), "--into", str(project))
    assert result.returncode == 0, result.stderr
    assert "Appended to" in result.stdout
    titles = [p.title for p in load_project(project).parts]
    assert titles == ["The Last Night of the World", "The Morning After"]


def test_each_part_to_its_own_file(tmp_path: Path) -> None:
    project = imported(tmp_path)
    result = run_cli("export", str(project), "--each-part", str(tmp_path / "out"), "--format", "md")
    assert result.returncode == 0, result.stderr
    [only] = list((tmp_path / "out").iterdir())
    assert only.name == "01-the-last-night-of-the-world.md"
    assert only.read_text("utf-8").startswith("# The Long Road Home\n\nBy Jane Q. Writer\n\n## Part Five:")
