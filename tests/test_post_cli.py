"""``studio export --site/--format docx|epub``, ``studio post`` and ``studio posted`` in subprocesses."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx

from studio.core import load_project
from studio.core.storage import create_project
from tests.conftest import run_cli


def make(tmp_path: Path) -> Path:
    project = create_project(tmp_path / "story", "T", "A")
    part = project.parts[0]
    project.set_scene_text(part.scenes[0].id, "The *first* words.\n")
    project.add_scene(part.id, text="More words.\n")
    return project.root


def test_post_then_outside_edit_shows_changed(tmp_path: Path) -> None:
    root = make(tmp_path)
    posted = run_cli("post", str(root), "--part", "1", "--site", "ao3", "--url", "https://example.org/1")
    assert posted.returncode == 0, posted.stderr
    assert run_cli("post", str(root), "--part", "1", "--site", "bbcode").returncode == 0
    before = json.loads(run_cli("posted", str(root), "--json").stdout)
    assert [(p["site"], p["url"], p["changed"]) for p in before] == [
        ("ao3", "https://example.org/1", False),
        ("bbcode", "", False),
    ]
    assert set(before[0]) == {"part_id", "site", "date", "url", "changed"}
    scene = load_project(root).parts[0].scenes[0]
    (root / "scenes" / scene.file).write_text("The *first* words, edited elsewhere.\n", "utf-8")
    after = json.loads(run_cli("posted", str(root), "--json").stdout)
    assert [p["changed"] for p in after] == [True, True]
    listing = run_cli("posted", str(root))
    assert "changed since posted" in listing.stdout


def test_export_for_sites_and_formats(tmp_path: Path) -> None:
    root = make(tmp_path)
    ao3 = run_cli("export", str(root), "--part", "1", "--site", "ao3")
    assert ao3.returncode == 0, ao3.stderr
    assert ao3.stdout == '<p>The <em>first</em> words.</p>\n<p align="center">* * *</p>\n<p>More words.</p>\n'
    bb = run_cli("export", str(root), "--part", "1", "--site", "bbcode", "--output", "-")
    assert bb.stdout.startswith("[b]Part One: Part One[/b]\n\nThe [i]first[/i] words.")
    out = tmp_path / "ffn.docx"
    assert run_cli("export", str(root), "--part", "1", "--site", "ffn", "--output", str(out)).returncode == 0
    assert "The first words." in [p.text for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs]
    html = tmp_path / "ffn.html"
    assert run_cli("export", str(root), "--part", "1", "--site", "ffn", "--output", str(html)).returncode == 0
    assert "<hr>" in html.read_text("utf-8")
    book = tmp_path / "book.epub"
    assert run_cli("export", str(root), "--format", "epub", "--output", str(book)).returncode == 0
    assert book.read_bytes()[:2] == b"PK"
    whole = tmp_path / "book.docx"
    assert (
        run_cli("export", str(root), "--part", "1", "--format", "docx", "--output", str(whole)).returncode
        == 0
    )


def test_bad_site_format_and_missing_arguments_are_one_line(tmp_path: Path) -> None:
    root = make(tmp_path)
    bad_site = run_cli("export", str(root), "--part", "1", "--site", "tumblr")
    assert bad_site.returncode == 1
    assert bad_site.stderr.strip().splitlines() == [
        "studio: unknown site 'tumblr'; choose one of "
        "ao3, ffn, royalroad, wattpad, bbcode, markdown, newsletter"
    ]
    bad_format = run_cli("export", str(root), "--format", "pdf")
    assert (
        bad_format.stderr.strip() == "studio: unknown format 'pdf'; choose one of txt, md, html, docx, epub"
    )
    assert "needs --part" in run_cli("export", str(root), "--site", "ao3").stderr
    assert "needs --output" in run_cli("export", str(root), "--format", "docx").stderr
    assert "give --output" in run_cli("export", str(root), "--part", "1", "--site", "ffn").stderr
    assert run_cli("post", str(root), "--part", "1", "--site", "myspace").returncode == 1
    assert "No part is marked" in run_cli("posted", str(root)).stdout


def test_post_respects_the_lock(tmp_path: Path) -> None:
    from studio.core.safety.locking import holding_for_writing

    root = make(tmp_path)
    with holding_for_writing(root):
        held = run_cli("post", str(root), "--part", "1", "--site", "ao3")
    assert held.returncode == 1 and held.stderr.startswith("studio:")
    assert "posted" not in load_project(root).settings
