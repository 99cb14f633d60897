"""``studio post`` and ``studio posted``: record where a part was posted, and see what changed since."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from studio.core import load_project
from studio.core.publishing.exporting import find_part
from studio.core.publishing.posting import mark_posted, posted_status
from studio.core.publishing.profiles import SITES, site_profile
from studio.core.safety.locking import holding_for_writing


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``post`` and ``posted`` subcommands."""
    post = commands.add_parser(
        "post",
        help="mark a part as posted on a site (keeps a copy of what was posted)",
        description="Record that a part was posted on a site; a copy goes in posted/<part id>/<site>.json.",
    )
    post.add_argument("dir", help="project folder")
    post.add_argument("--part", metavar="N|TITLE", required=True, help="the part (numbers count from 1)")
    post.add_argument("--site", metavar="SITE", required=True, help=", ".join(SITES))
    post.add_argument("--url", default="", help="where it was posted")
    post.set_defaults(func=run_post)

    posted = commands.add_parser(
        "posted",
        help="list the posted parts and whether each changed since",
        description="List every part marked as posted, per site, and whether it changed since.",
    )
    posted.add_argument("dir", help="project folder")
    posted.add_argument(
        "--json",
        action="store_true",
        help='print a JSON list of {"part_id", "site", "date", "url", "changed"}',
    )
    posted.set_defaults(func=run_posted)


def run_post(args: argparse.Namespace) -> int:
    """Mark the part posted, holding the project's lock like every writer."""
    site = site_profile(args.site).key
    with holding_for_writing(args.dir):
        project = load_project(args.dir)
        part_id = find_part(project, args.part)
        record = mark_posted(project, part_id, site, url=args.url)
    title = project.part(part_id).title
    print(f"Marked {title!r} as posted on {SITES[site].name} ({record.date})")
    return 0


def run_posted(args: argparse.Namespace) -> int:
    """Print every post and whether the part changed since."""
    project = load_project(args.dir, read_only=True)
    statuses = posted_status(project)
    if args.json:
        print(json.dumps([asdict(s) for s in statuses], ensure_ascii=False, indent=1))
        return 0
    titles = {part.id: part.title for part in project.parts}
    for status in statuses:
        state = "changed since posted" if status.changed else "as posted"
        where = f" {status.url}" if status.url else ""
        print(f"{titles[status.part_id]} — {SITES[status.site].name}, {status.date}{where}: {state}")
    if not statuses:
        print("No part is marked as posted.")
    return 0
