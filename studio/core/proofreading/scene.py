"""The checks of one scene's text: each finds spans in the text without emphasis markers.

Spans are mapped back to the text as written (``studio.core.emphasis``), so a marker never
shifts a column, and ``the *the*`` is a repetition like ``the the``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import compress

from studio.core.emphasis import OffsetMap, may_have_markers, plain_text
from studio.core.proofreading.findings import Finding, ProofOptions
from studio.core.proofreading.patterns import (
    DASH_TAG_AFTER,
    INVERSION_ANCHOR,
    LAST_WORD,
    SENTENCE,
    TAG_AFTER,
    TAG_BEFORE_ANCHOR,
    TAG_DASH,
    WORD,
    WORD_BEFORE,
)
from studio.core.proofreading.readability import Readability, readability
from studio.core.proofreading.wordlists import LanguageLists, lists_for

MIN_ECHO_LETTERS = 4
_GROUP = re.Match.group
_NEWLINE = re.compile("\n")
NO_FIGURES = Readability(0, 0, 0, 0.0, 0.0)


def _uncommon(word: str, common: frozenset[str]) -> bool:
    """Whether a word may be an echo or overused: lower case (no name), long, no contraction."""
    return (
        len(word) >= MIN_ECHO_LETTERS
        and word.islower()
        and word not in common
        and "'" not in word
        and "’" not in word
    )


# What a word may be, decided once per word and language and shared by all scenes.
UNCOMMON, FILLER, FILTER, ADVERB = 1, 2, 4, 8
_FACTS: dict[str, dict[str, int]] = {}


@cache
def _heads(language: str, kind: str) -> dict[str, list[list[str]]]:
    """The filler or filter entries of a language by their first word (``kind`` → ``[["of"]]``)."""
    lists = lists_for(language)
    heads: dict[str, list[list[str]]] = {}
    for entry in lists.filler if kind == "filler" else lists.filter:
        first, *rest = entry.split()
        heads.setdefault(first, []).append(rest)
    return heads


def _facts_of(word: str, lists: LanguageLists) -> int:
    lower = word.lower()
    facts = UNCOMMON if _uncommon(word, lists.common) else 0
    if lower in _heads(lists.language, "filler"):
        facts |= FILLER
    if lower in _heads(lists.language, "filter"):
        facts |= FILTER
    suffix = lists.adverb_suffix
    if (
        suffix
        and lower.endswith(suffix)
        and len(lower) >= len(suffix) + 3
        and lower not in lists.adverb_exceptions
    ):
        facts |= ADVERB
    return facts


def word_facts(lists: LanguageLists, words: Iterable[str]) -> dict[str, int]:
    """The facts (``UNCOMMON | FILLER | …``) of those ``words`` that have any."""
    known = _FACTS.setdefault(lists.language, {})
    if len(known) > 500_000:
        known.clear()
    found = {}
    for word in words:
        facts = known.get(word)
        if facts is None:
            facts = known[word] = _facts_of(word, lists)
        if facts:
            found[word] = facts
    return found


@dataclass
class SceneWords:
    """What the project comparison needs of a scene: its words and its uncommon lower-case ones."""

    total: int
    uncommon: Counter[str]


@dataclass
class ProjectWords:
    """The project's totals, for telling a word overused in one scene."""

    total: int = 0
    uncommon: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, scenes: list[SceneWords]) -> ProjectWords:
        """The sum of the scenes' counts."""
        found = cls()
        for scene in scenes:
            found.total += scene.total
            found.uncommon.update(scene.uncommon)
        return found


@dataclass
class SceneResult:
    """A scene's findings and its figures for the project report."""

    findings: list[Finding]
    readability: Readability
    overused: list[tuple[str, int, float]]
    tags: Counter[str]


class SceneText:
    """One scene prepared for the checks: plain text, its words, and the way back to the source.

    The word checks work on word indexes (a set look-up per word, run in C where it can be);
    a word's place in the text is asked of its match only for the words found.
    """

    def __init__(self, scene_id: str, text: str, language: str) -> None:
        self.scene_id, self.text, self.language = scene_id, text, language
        self.lists: LanguageLists = lists_for(language)
        if may_have_markers(text):
            self.plain, self.offsets = plain_text(text)
        else:
            self.plain, self.offsets = text, OffsetMap()
        self.matches: list[re.Match[str]] = list(WORD.finditer(self.plain))
        self.words: list[str] = list(map(_GROUP, self.matches))
        self.counts: Counter[str] = Counter(self.words)
        self._lower: dict[str, str] = dict(zip(self.counts, map(str.lower, self.counts), strict=True))
        self._facts = word_facts(self.lists, self.counts)
        self._line_starts: list[int] | None = None
        self._scene_words: SceneWords | None = None

    # -- shared helpers ---------------------------------------------------------------
    def scene_words(self) -> SceneWords:
        """The counts the project comparison needs."""
        if self._scene_words is not None:
            return self._scene_words
        counts = self.counts
        uncommon = Counter({w: counts[w] for w, facts in self._facts.items() if facts & UNCOMMON})
        self._scene_words = SceneWords(len(self.words), uncommon)
        return self._scene_words

    def finding(self, check: str, start: int, end: int, message: str) -> Finding:
        """A finding over the plain span ``start:end``, placed in the text as written."""
        text = self.plain[start:end]
        if not self.offsets.is_identity:
            start, end = self.offsets.source_range(start, end)
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in _NEWLINE.finditer(self.text))]
        line = bisect_right(self._line_starts, start)
        column = start - self._line_starts[line - 1] + 1
        return Finding(self.scene_id, start, check, end - start, line, column, text, message)

    def word_finding(self, check: str, first: int, last: int, message: str) -> Finding:
        """A finding over the words ``first`` to ``last`` (indexes, both included)."""
        return self.finding(check, self.matches[first].start(), self.matches[last].end(), message)

    def indexes_of(self, words: set[str] | frozenset[str]) -> list[int]:
        """The indexes of the words (as written) that are in ``words``."""
        if not words:
            return []
        return list(compress(range(len(self.words)), map(words.__contains__, self.words)))

    def _gap(self, index: int) -> str:
        """The text between word ``index - 1`` and word ``index``."""
        return self.plain[self.matches[index - 1].end() : self.matches[index].start()]

    def _spaced(self, index: int) -> bool:
        gap = self._gap(index)
        return bool(gap) and not gap.strip(" \t\u00a0")

    # -- the checks -------------------------------------------------------------------
    def repeated(self) -> list[Finding]:
        """``the the``: a word twice in a row, with only spaces between."""
        allowed, words = self.lists.doubles_allowed, self.words
        lower = list(map(self._lower.__getitem__, words))
        found = []
        for index in compress(range(1, len(words)), map(str.__eq__, lower, lower[1:])):
            if lower[index] in allowed or not self._spaced(index):
                continue
            message = f"“{words[index - 1]}” twice in a row"
            found.append(self.word_finding("repeated", index - 1, index, message))
        return found

    def echo(self, distance: int) -> list[Finding]:
        """An uncommon word used again within ``distance`` words."""
        words = self.words
        counts = self.counts
        eligible = {w for w, facts in self._facts.items() if facts & UNCOMMON and counts[w] > 1}
        last: dict[str, int] = {}
        found = []
        for index in self.indexes_of(eligible):
            word = words[index]
            before = last.get(word)
            if before is not None and 1 < index - before <= distance + 1:
                between = index - before - 1
                message = f"“{word}” again after {between} word{'s' if between != 1 else ''}"
                found.append(self.word_finding("echo", index, index, message))
            last[word] = index
        return found

    def overused(
        self, project: ProjectWords, options: ProofOptions
    ) -> tuple[list[Finding], list[tuple[str, int, float]]]:
        """Words used far more in this scene than in the rest of the project."""
        mine = self.scene_words()
        rest_words = project.total - mine.total
        words: list[tuple[str, int, float]] = []
        for word, count in mine.uncommon.items():
            if count < options.overuse_min:
                continue
            rest_count = project.uncommon.get(word, 0) - count
            rest_rate = (rest_count + 1) / (rest_words + 1)
            ratio = (count / max(1, mine.total)) / rest_rate
            if ratio >= options.overuse_ratio:
                words.append((word, count, round(ratio, 1)))
        words.sort(key=lambda item: (-item[1], item[0]))
        found = []
        for word, count, ratio in words:
            index = self.words.index(word)
            message = f"“{word}” {count} times in this scene ({ratio:g}× its rate in the rest of the project)"
            found.append(self.word_finding("overused", index, index, message))
        return found, words

    def listed(self, kind: str) -> list[Finding]:
        """Filler or filter words of the language (phrases too: ``kind of``)."""
        heads = _heads(self.language, kind)
        flag = FILLER if kind == "filler" else FILTER
        lower, words = self._lower, self.words
        wanted = {w for w, facts in self._facts.items() if facts & flag}
        what = "filler word" if kind == "filler" else "filter word"
        found = []
        for index in self.indexes_of(wanted):
            for rest in heads[lower[words[index]]]:
                last = index + len(rest)
                if last >= len(words) or any(
                    lower[words[index + 1 + k]] != part or not self._spaced(index + 1 + k)
                    for k, part in enumerate(rest)
                ):
                    continue
                phrase = " ".join(words[index : last + 1])
                found.append(self.word_finding(kind, index, last, f"“{phrase}”: {what}"))
                break
        return found

    def adverbs(self, skip: frozenset[str] = frozenset()) -> list[Finding]:
        """Adverbs by their ending (``-ly``, ``-mente``), less look-alikes and the words in ``skip``."""
        suffix = self.lists.adverb_suffix
        if not suffix:
            return []
        lower = self._lower
        wanted = {w for w, facts in self._facts.items() if facts & ADVERB and lower[w] not in skip}
        found = []
        for index in self.indexes_of(wanted):
            word = self.words[index]
            if word[0].isupper() and not self._starts_sentence(self.matches[index].start()):
                continue  # a name: Emily, Kelly
            found.append(self.word_finding("adverb", index, index, f"“{word}”: adverb"))
        return found

    def _starts_sentence(self, position: int) -> bool:
        before = self.plain[max(0, position - 6) : position].rstrip(" \t\"“‘'«—–(")
        return not before or before.endswith(("\n", ".", "!", "?", "…"))

    def sentences(self, limit: int) -> tuple[int, list[Finding]]:
        """How many sentences, and those longer than ``limit`` words."""
        count = 0
        found = []
        min_chars = limit * 2
        for match in SENTENCE.finditer(self.plain):
            start, end = match.span()
            if end - start < min_chars:
                count += 1 if match.group().strip(' \t"“”’‘»«()—–-') else 0
                continue
            words = WORD.findall(match.group())
            if not words:
                continue
            count += 1
            if len(words) > limit:
                sentence = match.group()
                start += len(sentence) - len(sentence.lstrip())
                found.append(self.finding("long-sentence", start, end, f"{len(words)} words in one sentence"))
        return count, found

    def dialogue_tags(self) -> tuple[Counter[str], list[Finding]]:
        """Dialogue tags: every one counted; those other than said/asked found."""
        plain_tags, other_tags = self.lists.plain_tags, self.lists.other_tags
        if not other_tags:
            return Counter(), []
        tags: Counter[str] = Counter()
        spans: dict[int, tuple[int, str]] = {}
        plain = self.plain
        for pattern in (TAG_AFTER, TAG_DASH):
            for match in pattern.finditer(plain):
                if pattern is TAG_DASH and match.start() and plain[match.start() - 1] not in DASH_TAG_AFTER:
                    continue
                for group in range(1, (match.lastindex or 0) + 1):
                    word = match.group(group)
                    lower = word.lower() if word else ""
                    if lower in plain_tags or lower in other_tags:
                        spans.setdefault(match.start(group), (match.end(group), lower))
                        break
        anchors = [(TAG_BEFORE_ANCHOR, LAST_WORD)]
        if self.language == "fr":
            anchors.append((INVERSION_ANCHOR, WORD_BEFORE))
        for anchor_pattern, word_pattern in anchors:
            for anchor in anchor_pattern.finditer(plain):
                before = word_pattern.search(plain, max(0, anchor.start() - 40), anchor.start())
                lower = before.group(1).lower() if before else ""
                if before is not None and (lower in plain_tags or lower in other_tags):
                    spans.setdefault(before.start(1), (before.end(1), lower))
        found = []
        for start in sorted(spans):
            end, lower = spans[start]
            tags[lower] += 1
            if lower in other_tags:
                found.append(
                    self.finding("dialogue-tag", start, end, f"“{lower}”: a tag other than said or asked")
                )
        return tags, found

    def readability(self, sentences: int) -> Readability:
        """Flesch reading ease and grade of the scene."""
        return readability(self.counts, sentences, self.language)


def check_scene(
    scene: SceneText, options: ProofOptions, project: ProjectWords | None = None, report: bool = False
) -> SceneResult:
    """Run the checks ``options`` turns on over one scene (``project``: for ``overused``).

    With ``report``, the figures of the project report are worked out whatever the checks.
    """
    on = options.checks
    found: list[Finding] = []
    if "repeated" in on:
        found += scene.repeated()
    if "echo" in on:
        found += scene.echo(options.echo_distance)
    overused: list[tuple[str, int, float]] = []
    if project is not None and ("overused" in on or report):
        overused_found, overused = scene.overused(project, options)
        if "overused" in on:
            found += overused_found
    for kind in ("filler", "filter"):
        if kind in on:
            found += scene.listed(kind)
    if "adverb" in on:
        found += scene.adverbs(scene.lists.filler if "filler" in on else frozenset())
    count, long_ones = scene.sentences(options.long_sentence_words)
    if "long-sentence" in on:
        found += long_ones
    tags, tag_findings = scene.dialogue_tags() if "dialogue-tag" in on or report else (Counter(), [])
    if "dialogue-tag" in on:
        found += tag_findings
    ease = scene.readability(count) if "readability" in on or report else NO_FIGURES
    if (
        "readability" in on
        and ease.words >= options.readability_min_words
        and ease.score < options.readability_floor
    ):
        message = (
            f"Reading ease {ease.score:g} ({ease.label}; grade {ease.grade:g}): "
            f"{ease.words:,} words in {ease.sentences:,} sentences"
        )
        found.append(scene.finding("readability", 0, 0, message))
    found.sort()
    return SceneResult(found, ease, overused, tags)
