"""``studio proofread``: style findings (repeated words, filler, adverbs, long sentences…) and a report."""

from __future__ import annotations

import argparse
import json
from collections import Counter

from studio.cli.check_command import select_parts
from studio.core import Project, load_project
from studio.core.errors import StudioError
from studio.core.proofreading.findings import CHECK_LABELS, CHECKS, Finding, ProofOptions
from studio.core.proofreading.project import ProjectProof, proofread

TEXT_LIMIT = 60  # characters of a finding's text shown in the listing


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``proofread`` subcommand."""
    command = commands.add_parser(
        "proofread",
        help="style checks: repeated words, filler, adverbs, long sentences, dialogue tags, readability",
        description=(
            "List style findings in manuscript order, with part and scene titles, line and column "
            "(both 1-based; columns count characters as written, emphasis markers included). "
            f"Checks: {', '.join(CHECKS)} (all by default). The word lists follow the project's "
            "language. Exit status: 0 (also when something is found), 1 the project could not be read."
        ),
    )
    command.add_argument("dir", help="project folder")
    command.add_argument("--part", metavar="N", help="only this part: its number (1 = first) or its id")
    command.add_argument(
        "--check",
        metavar="NAME",
        nargs="+",
        action="extend",
        help=f"only these checks ({', '.join(CHECKS)})",
    )
    command.add_argument(
        "--long-sentence",
        metavar="WORDS",
        type=int,
        default=ProofOptions.long_sentence_words,
        help="a sentence longer than this many words is long (default %(default)s)",
    )
    command.add_argument(
        "--json",
        action="store_true",
        help='print a JSON list of {"check", "scene_id", "line", "column", "text", "message"}',
    )
    command.add_argument(
        "--report",
        action="store_true",
        help="print the project report: per scene readability, overused words and dialogue tags",
    )
    command.set_defaults(func=run_proofread)


def options_from(args: argparse.Namespace) -> ProofOptions:
    """The options the command line asks for; an unknown check name is an input error."""
    names = args.check or list(CHECKS)
    unknown = [name for name in names if name not in CHECKS]
    if unknown:
        raise StudioError(f"no check {unknown[0]!r}; the checks are: {', '.join(CHECKS)}")
    if args.long_sentence < 1:
        raise StudioError("--long-sentence must be at least 1 word")
    return ProofOptions(checks=frozenset(names), long_sentence_words=args.long_sentence)


def run_proofread(args: argparse.Namespace) -> int:
    """Proofread the project (or one part) and print the findings, or the report."""
    project = load_project(args.dir, read_only=True)
    options = options_from(args)
    parts = select_parts(project, args.part)
    texts = {scene.id: project.scene_text(scene.id) for scene in project.iter_scenes()}
    wanted = [scene.id for part in parts for scene in part.scenes]
    proof = proofread(texts, project.language, options, only=wanted, report=args.report)
    if args.json:
        print(json.dumps([finding.as_json() for finding in proof.findings], ensure_ascii=False, indent=1))
    elif args.report:
        print_report(project, proof, wanted)
    else:
        print_findings(project, proof.findings, len(wanted))
    return 0


def _titles(project: Project) -> dict[str, str]:
    return {
        scene.id: f"{part.title or 'Untitled part'} › {scene.title or scene.id}"
        for part in project.parts
        for scene in part.scenes
    }


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"


def print_findings(project: Project, findings: list[Finding], scenes: int) -> None:
    """One line per finding, as ``studio check`` lists unknown words, then a summary."""
    titles = _titles(project)
    for item in findings:
        where = f"{titles[item.scene_id]}, line {item.line}, column {item.column}"
        shown = f" “{_short(item.text)}”" if item.text and item.check == "long-sentence" else ""
        print(f"{where}: [{item.check}] {item.message}{shown}")
    by_check = Counter(item.check for item in findings)
    in_scenes = f"{scenes:,} scene" if scenes == 1 else f"{scenes:,} scenes"
    if not findings:
        print(f"Nothing found in {in_scenes}.")
        return
    parts = "; ".join(
        f"{CHECK_LABELS[name].lower()}: {by_check[name]:,}" for name in CHECKS if by_check[name]
    )
    print(f"{len(findings):,} finding{'s' if len(findings) != 1 else ''} in {in_scenes} ({parts})")


def print_report(project: Project, proof: ProjectProof, wanted: list[str]) -> None:
    """Per scene: words, readability, overused words and dialogue tags; then the project's tags."""
    titles = _titles(project)
    for scene_id in wanted:
        result = proof.scenes[scene_id]
        ease = result.readability
        print(titles[scene_id])
        if ease.words:
            print(
                f"  {ease.words:,} words, {ease.sentences:,} sentences; reading ease {ease.score:g} "
                f"({ease.label}), grade {ease.grade:g}"
            )
        else:
            print("  no words")
        if result.overused:
            listed = ", ".join(f"{word} ×{count} ({ratio:g}×)" for word, count, ratio in result.overused)
            print(f"  overused: {listed}")
        if result.tags:
            print(f"  dialogue tags: {_tag_list(result.tags)}")
    tags = proof.tags()
    counts = Counter(finding.check for finding in proof.findings)
    print()
    print(f"Dialogue tags: {_tag_list(tags) if tags else 'none found'}")
    found = ", ".join(f"{CHECK_LABELS[name]}: {counts[name]:,}" for name in CHECKS if counts[name])
    print(f"Findings: {found or 'none'}")


def _tag_list(tags: Counter[str]) -> str:
    return ", ".join(f"{tag} {count}" for tag, count in tags.most_common())
