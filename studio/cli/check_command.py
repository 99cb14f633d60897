"""``studio check``: list every word the spellchecker does not know, with suggestions."""

from __future__ import annotations

import argparse
import bisect
import json
import sys
import time
from dataclasses import asdict, dataclass

from studio.core import Project, load_project
from studio.core.errors import StudioError
from studio.core.nodes import Part, Scene
from studio.core.spelling.checker import MAX_SUGGESTIONS, SpellEngine, apostrophe_style
from studio.core.spelling.dictionary import DEFAULT_WORK_BUDGET, is_cached

EXIT_UNKNOWN_WORDS = 3
# After this much time spent on suggestions, only the quick (one-edit) ones are looked for.
SUGGESTION_TIME_LIMIT = 1.5


@dataclass
class UnknownWord:
    """One unknown word where it stands: the ``--json`` schema."""

    word: str
    scene_id: str
    part_title: str
    scene_title: str
    line: int
    column: int
    suggestions: list[str]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``check`` subcommand."""
    check = commands.add_parser(
        "check",
        help="spellcheck a project (exit 3 when unknown words are found)",
        description=(
            "List every word the spellchecker does not know, in manuscript order, with its part and "
            "scene titles, line and column (both 1-based; columns count characters) and up to "
            f"{MAX_SUGGESTIONS} suggestions. Words in the project word list (words.txt), the names and "
            "aliases of the characters and the user word list are known. "
            "Exit status: 0 none found, 3 some found, 1 the project could not be read."
        ),
    )
    check.add_argument("dir", help="project folder")
    check.add_argument("--part", metavar="N", help="only this part: its number (1 = first) or its id")
    check.add_argument(
        "--json",
        action="store_true",
        help=(
            'print a JSON list of {"word", "scene_id", "part_title", "scene_title", "line", "column", '
            '"suggestions"}'
        ),
    )
    check.set_defaults(func=run_check)


def select_parts(project: Project, which: str | None) -> list[Part]:
    """Return the parts to check: all of them, or the one ``--part`` names."""
    if which is None:
        return list(project.parts)
    if which.isascii() and which.isdigit():
        number = int(which)
        if not 1 <= number <= len(project.parts):
            raise StudioError(f"no part {number}: the project has {len(project.parts)} parts")
        return [project.parts[number - 1]]
    for part in project.parts:
        if part.id == which:
            return [part]
    raise StudioError(f"no part with number or id {which!r}")


class ProjectChecker:
    """Checks scenes, looking up suggestions once per distinct unknown word."""

    def __init__(self, engine: SpellEngine) -> None:
        self.engine = engine
        self._suggestions: dict[tuple[str, str], list[str]] = {}
        self._suggestion_time = 0.0

    def suggest(self, word: str, apostrophe: str) -> list[str]:
        """Suggestions for ``word``, looked up once; quick ones only once the time limit is spent."""
        key = (word, apostrophe)
        found = self._suggestions.get(key)
        if found is None:
            budget = DEFAULT_WORK_BUDGET if self._suggestion_time < SUGGESTION_TIME_LIMIT else 0
            started = time.perf_counter()
            found = self.engine.suggest(word, apostrophe=apostrophe, work_budget=budget)
            self._suggestions[key] = found
            self._suggestion_time += time.perf_counter() - started
        return found

    def check_scene(self, part: Part, scene: Scene, text: str) -> list[UnknownWord]:
        """Return the unknown words of one scene's text."""
        tokens = self.engine.check(text)
        if not tokens:
            return []
        line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        apostrophe = apostrophe_style(text)
        found = []
        for token in tokens:
            line = bisect.bisect_right(line_starts, token.start)
            column = token.start - line_starts[line - 1] + 1
            suggestions = self.suggest(token.word, apostrophe)
            found.append(
                UnknownWord(token.word, scene.id, part.title, scene.title, line, column, suggestions)
            )
        return found


def run_check(args: argparse.Namespace) -> int:
    """Check the project (or one part) and print what was found."""
    project = load_project(args.dir, read_only=True)
    parts = select_parts(project, args.part)
    if sys.stderr.isatty() and not is_cached(project.language):  # progress, for a person waiting
        print(f"Preparing the {project.language} dictionary (only the first time)…", file=sys.stderr)
    checker = ProjectChecker(SpellEngine.for_project(project))
    found: list[UnknownWord] = []
    scenes = 0
    for part in parts:
        for scene in part.scenes:
            scenes += 1
            found.extend(checker.check_scene(part, scene, project.scene_text(scene.id)))
    if args.json:
        print(json.dumps([asdict(item) for item in found], ensure_ascii=False, indent=1))
    else:
        for item in found:
            hint = ", ".join(item.suggestions) if item.suggestions else "no suggestions"
            titles = f"{item.part_title or 'Untitled part'} › {item.scene_title or item.scene_id}"
            where = f"{titles}, line {item.line}, column {item.column}"
            print(f"{where}: {item.word} ({hint})")
        distinct = len({item.word.casefold() for item in found})
        in_scenes = f"{scenes:,} scene" if scenes == 1 else f"{scenes:,} scenes"
        words = f"{len(found):,} unknown word" if len(found) == 1 else f"{len(found):,} unknown words"
        print(
            f"{words} ({distinct:,} different) in {in_scenes}"
            if found
            else f"No unknown words in {in_scenes}.",
            file=sys.stderr,
        )
    return EXIT_UNKNOWN_WORDS if found else 0
