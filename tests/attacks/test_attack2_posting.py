"""Attacks on posting: every site renders hostile text inside its allowlist; posted, edit, undo."""

from __future__ import annotations

import os
import re

import pytest

from studio.core.publishing.posting import mark_posted, posted_status
from studio.core.publishing.profiles import SITES, render_for_site
from tests.conftest import run_cli
from tests.gui.window_helpers import make_story

HOSTILE = [
    "Tom & Jerry <script>alert(1)</script> said *hi* to **you** at https://example.com/?a=1&b=2.",
    "",
    "\u05e9\u05dc\u05d5\u05dd *\u05e2\u05d5\u05dc\u05dd* <b onclick=x>not a tag</b> &amp;",
    "* * *\n\n<a href='javascript:x'>link</a> and 2 < 3 > 1",
]


@pytest.mark.parametrize("site", sorted(SITES))
def test_every_site_keeps_words_and_stays_in_its_allowlist(tmp_path, site):
    project = make_story(tmp_path / "story", {"One": HOSTILE})
    part = project.parts[0].id
    render = render_for_site(project, site, part_id=part)
    profile = SITES[site]
    if render.html is not None:
        for tag in re.findall(r"</?\s*([a-zA-Z][a-zA-Z0-9]*)", render.html):
            assert tag.lower() in profile.allowlist.tags, tag
        for name in re.findall(r"\s([a-zA-Z-]+)\s*=", re.sub(r">[^<]*<", "><", render.html)):
            assert name.lower() in profile.allowlist.attributes, name
        assert "<script" not in render.html and "alert(1)" in render.html  # typed text is text
    body = render.html or render.bbcode or render.markdown or ""
    for word in ("Jerry", "example", "\u05e2\u05d5\u05dc\u05dd", "link"):
        assert word in body, word


def test_posted_then_edited_then_edited_back_is_unchanged(tmp_path):
    project = make_story(tmp_path / "story", {"One": ["first *words* here"]})
    part = project.parts[0]
    mark_posted(project, part.id, "ao3")
    assert [s.changed for s in posted_status(project)] == [False]
    scene = part.scenes[0].id
    project.set_scene_text(scene, "first *words* here, edited")
    assert [s.changed for s in posted_status(project)] == [True]
    project.set_scene_text(scene, "first *words* here")
    assert [s.changed for s in posted_status(project)] == [False]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_post_on_a_read_only_project_is_one_line_and_writes_nothing(tmp_path):
    project = make_story(tmp_path / "story", {"One": ["words"]})
    root = project.root
    before = {p: p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}
    for path in [root, *root.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        done = run_cli("post", str(root), "--part", "1", "--site", "ao3")
    finally:
        for path in [root, *root.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert not (root / "posted").exists()
    assert {p: p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()} == before
