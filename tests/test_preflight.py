"""Pre-flight check: each kind of finding, at the offsets of the scene's text as written."""

from __future__ import annotations

from pathlib import Path

from studio.core.publishing.preflight import edit_distance, near_name, preflight
from studio.core.storage import create_project

TEXT = (
    '"Hi," she said to Jesica.  It’s *open here.\n\n\n\n'
    "  Lead\tthen www.example.com/x and teh.\n\n* * *\n   \nsh*t and \\*escaped\\* and *fine*.\n"
)


def found(tmp_path: Path, site: str) -> list[tuple[str, str]]:
    project = create_project(tmp_path / "p", "T")
    project.add_character("Jessica Summers", aliases=["Jess"])
    scene = project.parts[0].scenes[0]
    project.set_scene_text(scene.id, TEXT)
    findings = preflight(project, site, part_id=project.parts[0].id)
    assert all(f.scene_id == scene.id for f in findings)
    return [(f.kind, TEXT[f.start : f.start + f.length]) for f in findings]


def test_every_kind_for_fanfiction_net(tmp_path: Path) -> None:
    assert found(tmp_path, "ffn") == [
        ("near-name", "Jesica"),
        ("double-space", "  "),
        ("mixed-quotes", "’"),
        ("unmatched-emphasis", "*"),
        ("empty-paragraph", "\n\n\n"),
        ("leading-space", "  "),
        ("tab", "\t"),
        ("link", "www.example.com/x"),
        ("unknown-word", "teh"),
        ("symbol-break", "* * *"),
        ("empty-paragraph", "   "),
    ]


def test_symbol_lines_and_links_only_where_the_site_drops_them(tmp_path: Path) -> None:
    kinds = {kind for kind, _ in found(tmp_path, "ao3")}
    assert "symbol-break" not in kinds and "link" not in kinds and "near-name" in kinds


def test_selection_and_whole_manuscript(tmp_path: Path) -> None:
    project = create_project(tmp_path / "p", "T")
    first = project.parts[0].scenes[0]
    second = project.add_scene(project.parts[0].id, text="Fine  text.\n")
    project.set_scene_text(first.id, "Tab\there.\n")
    assert [f.kind for f in preflight(project, "royalroad", scene_ids=[second.id])] == ["double-space"]
    assert [f.kind for f in preflight(project, "royalroad")] == ["tab", "double-space"]


def test_near_names() -> None:
    cast = {"jessica": "Jessica", "buffy": "Buffy"}
    assert near_name("Jesica", cast) == "Jessica"
    assert near_name("Jesicca", cast) == "Jessica"  # two edits
    assert near_name("Jessica", cast) == ""  # the name itself
    assert near_name("Bufy", cast) == "Buffy"
    assert near_name("Bfuy", cast) == ""  # two edits: too many for a short name
    assert near_name("Jes", cast) == ""
    assert near_name("Monica", cast) == ""
    assert edit_distance("abcd", "bacd", 2) == 1  # a swap
    assert edit_distance("abcdef", "uvwxyz", 2) == 3
