"""``studio search DIR PATTERN`` and ``studio replace DIR OLD NEW``: across every scene and note.

Search looks in scene texts, titles, synopses, part notes and character notes; replace
changes scene texts, titles, synopses and part notes (never character notes), holding
the project lock, in one batch: every text changes or none.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from studio.core import Project, load_project
from studio.core.replace import Replacement, edits_for, plan_replace, write_edits
from studio.core.safety.locking import holding_for_writing
from studio.core.search import FIELD_LABELS, Hit, SearchOptions, project_texts, search

EXIT_NONE_FOUND = 3


def _add_match_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", help="project folder")
    parser.add_argument("--regex", action="store_true", help="the pattern is a regular expression")
    parser.add_argument("--case", action="store_true", help="match case exactly (default: ignore case)")
    parser.add_argument("--word", action="store_true", help="whole words only")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``search`` and ``replace`` subcommands."""
    found = commands.add_parser(
        "search",
        help="find text across the project (exit 3 when none)",
        description=(
            "Find a pattern in scene texts, titles, synopses, part notes and character notes. "
            "Straight and curly quotes match each other (except with --regex) and emphasis "
            "markers are ignored. Lines and columns are 1-based, in the file as written. "
            "Exit status: 0 found, 3 none found, 1 the project could not be read or a bad pattern."
        ),
    )
    _add_match_options(found)
    found.add_argument("pattern", help="what to look for")
    found.add_argument(
        "--json",
        action="store_true",
        help='print a JSON list of {"scene_id", "part_id", "line", "column", "match", "context"}',
    )
    found.set_defaults(func=run_search)
    replace = commands.add_parser(
        "replace",
        help="replace text across the project (holds the lock; one change, all or none)",
        description=(
            "Replace a pattern in scene texts, titles, synopses and part notes (character notes "
            "are left alone), all in one change. A scene changed on disk meanwhile refuses the "
            "whole replace. Exit status: 0 replaced (or listed with --dry-run), 3 nothing found, "
            "1 a problem (nothing written)."
        ),
    )
    _add_match_options(replace)
    replace.add_argument("old", help="what to replace")
    replace.add_argument("new", help=r"the replacement (with --regex it may use \1 or \g<name>)")
    replace.add_argument("--keep-case", action="store_true", help="teh->the, Teh->The, TEH->THE")
    replace.add_argument("--dry-run", action="store_true", help="list the changes, write nothing")
    replace.add_argument(
        "--json",
        action="store_true",
        help='print a JSON list of {"scene_id", "part_id", "field", "line", "column", "match", '
        '"replacement", "before", "after"}',
    )
    replace.set_defaults(func=run_replace)


def _options(args: argparse.Namespace) -> SearchOptions:
    return SearchOptions(case=args.case, word=args.word, regex=args.regex)


def _where(project: Project, hit: Hit) -> str:
    if hit.kind == "character":
        return f"character {project.character(hit.owner_id).name}, notes"
    part = project.part(hit.part_id).title
    if hit.kind == "part":
        return f"{part}, {FIELD_LABELS[hit.field]}"
    scene = project.scene(hit.owner_id).title or hit.owner_id
    where = f"{part} / {scene}"
    return where if hit.field == "text" else f"{where}, {FIELD_LABELS[hit.field]}"


def _hit_json(hit: Hit) -> dict[str, Any]:
    return {
        "scene_id": hit.scene_id,
        "part_id": hit.part_id,
        "line": hit.line,
        "column": hit.column,
        "match": hit.match,
        "context": hit.context,
        "field": hit.field,
    }


def run_search(args: argparse.Namespace) -> int:
    """Print every hit with where it is and its line."""
    project = load_project(args.dir, read_only=True)
    hits = search(project_texts(project), args.pattern, _options(args))
    if args.json:
        print(json.dumps([_hit_json(hit) for hit in hits], ensure_ascii=False, indent=2))
    else:
        for hit in hits:
            print(f"{_where(project, hit)}:{hit.line}:{hit.column}: {hit.context}")
        scenes = len({hit.owner_id for hit in hits})
        print(f"{len(hits)} hit(s) in {scenes} text owner(s)" if hits else "no hits")
    return 0 if hits else EXIT_NONE_FOUND


def _print_changes(project: Project, plans: list[Replacement], as_json: bool) -> None:
    if as_json:
        rows = [
            {**_hit_json(p.hit), "replacement": p.new, "before": p.before, "after": p.after} for p in plans
        ]
        for row in rows:
            del row["context"]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for plan in plans:
        hit = plan.hit
        print(f"{_where(project, hit)}:{hit.line}:{hit.column}: {plan.before}  ->  {plan.after}")


def run_replace(args: argparse.Namespace) -> int:
    """List (``--dry-run``) or apply every replacement, in one batch under the project lock."""
    if args.dry_run:
        project = load_project(args.dir, read_only=True)
        texts = project_texts(project, fields=_REPLACEABLE)
        plans = plan_replace(texts, args.old, args.new, _options(args), args.keep_case)
        _print_changes(project, plans, args.json)
        if not args.json:
            print(f"{len(plans)} replacement(s) (dry run: nothing written)" if plans else "no hits")
        return 0 if plans else EXIT_NONE_FOUND
    with holding_for_writing(args.dir):
        project = load_project(args.dir)
        texts = project_texts(project, fields=_REPLACEABLE)
        plans = plan_replace(texts, args.old, args.new, _options(args), args.keep_case)
        edits = edits_for(texts, plans)
        write_edits(project, edits)
    _print_changes(project, plans, args.json)
    if not args.json:
        print(f"replaced {len(plans)} hit(s) in {len(edits)} text(s)" if plans else "no hits")
    return 0 if plans else EXIT_NONE_FOUND


_REPLACEABLE = ("text", "title", "synopsis", "summary", "notes_begin", "notes_end")
