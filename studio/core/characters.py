"""Where each character appears: an index of name and alias mentions per scene, and rename-everywhere.

The same index serves places, things and notes (``studio.core.notes``): anything with an
``id``, a ``name`` and ``aliases`` (a ``Named``) is found by the same rules.

Matching rules (one compiled regular expression per cast, scanning each scene once):

- A character is mentioned by its name or any alias ("terms"), as whole words:
  ``Jess`` does not match inside ``Jessica`` nor after ``O'`` or a hyphen (``Mary-Jess``).
- Terms that start with a capital are case-sensitive (``Will`` never matches ``will``).
  A term that starts with a lowercase letter (``the Major``) also matches with that first
  letter capitalised, as at the start of a sentence (``The Major``); the rest stays exact.
- Possessives and contractions count as the name: ``Spike's``, ``Spike’s``, ``Jess'``,
  ``Spike'd``. The mention's span is the name alone (the ``'s`` is not part of it).
- Multi-word terms are phrases: any white space (a line break too) between the words.
  Straight and curly apostrophes inside a term match each other (``O'Neill``/``O’Neill``).
- At one position the longest term wins (``Jess Summers`` over ``Jess``), and one mention
  counts once. Two different terms of the same character separated only by spaces count as
  one mention (``Jess Summers`` is one even if ``Jess`` and ``Summers`` are separate aliases);
  a repeated term (``Jess, Jess``) or one after a line break counts again.
- A term shared by two characters (an alias ``Summers`` on mother and daughter) counts for both.
- Emphasis markers are not letters, so ``*Buffy*``, ``**Buffy**’s`` and ``_Buffy_`` are mentions,
  and a rename replaces the name between the markers (``*Buffy*`` -> ``*Anya*``). A marker inside
  a multi-word name (``*Jess* Summers``) splits it: that is ``Jess``, then ``Summers``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from studio.core.errors import ReadOnlyError, StudioError
from studio.core.nodes import Character

if TYPE_CHECKING:
    from studio.core.project import Project

APOSTROPHES = "'’"
_WORD = r"[^\W_]"
# After a term: an optional clitic ('s, 'd, 'll, 're, 've, 'm), then no more word.
_TAIL = rf"(?=(?:[{APOSTROPHES}](?:s|d|ll|re|ve|m))?(?!{_WORD}|[{APOSTROPHES}\-]{_WORD}))"


class Named(Protocol):
    """What the appearance index looks for: a character, a place, a thing or a note."""

    @property
    def id(self) -> str:
        """Its stable id."""
        ...

    @property
    def name(self) -> str:
        """Its name."""
        ...

    @property
    def aliases(self) -> list[str]:
        """Its other names."""
        ...


def character_terms(character: Named) -> list[str]:
    """Return the name and aliases (of a character, place or thing), stripped, without blanks or repeats."""
    terms: list[str] = []
    for term in [character.name, *character.aliases]:
        term = " ".join(term.split())
        if term and term not in terms:
            terms.append(term)
    return terms


def _variants(term: str) -> list[str]:
    """The spellings a term matches: itself, plus a capitalised first letter if it starts lowercase."""
    if term[0].islower() and term[0].upper() != term[0]:
        return [term, term[0].upper() + term[1:]]
    return [term]


def _atoms(text: str) -> list[str]:
    """A term as regex atoms: one per character, any white space run as ``\\s+``, either apostrophe."""
    out: list[str] = []
    for char in text:
        if char.isspace():
            if out and out[-1] != r"\s+":
                out.append(r"\s+")
        elif char in APOSTROPHES:
            out.append(f"[{APOSTROPHES}]")
        else:
            out.append(re.escape(char))
    return out


_END = ""  # the trie key marking "a term ends here"
# A trie of regex atoms: atom -> the trie after it, and _END -> the term that ends there.
_Trie = dict[str, Any]


def _trie_regex(node: _Trie, groups: list[str], top: bool = False) -> str:
    """Regex for a trie of atoms; each term's end is an empty group, so ``lastindex`` names the term.

    Branches are mutually exclusive on their next atom; the end of a shorter term is
    tried last, so the longest term at a position wins (backtracking to shorter ones).
    The first atom of each term is followed by the whole-word check on what precedes it.
    """
    alternatives = []
    for atom, child in node.items():
        if atom == _END:
            continue
        head = atom
        if top:
            head += rf"(?<!{_WORD}{atom})(?<!{_WORD}[{APOSTROPHES}\-]{atom})"
        alternatives.append(head + _trie_regex(child, groups))
    if _END in node:
        groups.append(node[_END])
        alternatives.append("()")
    if len(alternatives) == 1 and not top:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def _joins(gap: str) -> bool:
    """Whether two terms with ``gap`` between read as one name: spaces only, no line break."""
    return bool(gap) and gap.isspace() and "\n" not in gap


@dataclass
class SceneMention:
    """A character's mentions in one scene: how many, and the span of the first."""

    count: int
    start: int
    length: int


class CastMatcher:
    """The compiled pattern for a cast: finds every mention of every character in a text."""

    def __init__(self, characters: Iterable[Named]) -> None:
        owners: dict[str, list[str]] = {}
        for character in characters:
            for term in character_terms(character):
                owners.setdefault(term, [])
                if character.id not in owners[term]:
                    owners[term].append(character.id)
        self.owners = owners
        trie: _Trie = {}
        for term in owners:
            for variant in _variants(term):
                node = trie
                for atom in _atoms(variant):
                    node = node.setdefault(atom, {})
                node[_END] = term
        self._group_terms: list[str] = []
        self.signature = tuple(sorted((term, tuple(ids)) for term, ids in owners.items()))
        if trie:
            body = _trie_regex(trie, self._group_terms, top=True)
            self.pattern: re.Pattern[str] | None = re.compile(body + _TAIL)
        else:
            self.pattern = None

    def iter_terms(self, text: str) -> Iterable[tuple[int, int, str]]:
        """Yield ``(start, end, term)`` for every mention in ``text``, in order, the longest at a place."""
        if self.pattern is None:
            return
        terms = self._group_terms
        for match in self.pattern.finditer(text):
            # Every term ends in its own (empty) group, so a match always has a last group.
            assert match.lastindex is not None
            yield match.start(), match.end(), terms[match.lastindex - 1]

    def scan(self, text: str) -> dict[str, SceneMention]:
        """Return each mentioned character's count and first mention in ``text``."""
        found: dict[str, SceneMention] = {}
        last: dict[str, tuple[int, str]] = {}
        for start, end, term in self.iter_terms(text):
            for character_id in self.owners[term]:
                previous_end, previous_term = last.get(character_id, (-1, term))
                mention = found.get(character_id)
                if mention is None:
                    found[character_id] = SceneMention(1, start, end - start)
                elif previous_term != term and _joins(text[previous_end:start]):
                    if mention.start + mention.length == previous_end:  # still the first mention
                        mention.length = end - mention.start
                else:
                    mention.count += 1
                last[character_id] = (end, term)
        return found


@dataclass
class AppearanceIndex:
    """Per scene, which characters are mentioned, how often and where first; queried per character."""

    matcher: CastMatcher
    order: list[str] = field(default_factory=list)
    scenes: dict[str, dict[str, SceneMention]] = field(default_factory=dict)

    @classmethod
    def build(cls, characters: Iterable[Named], texts: Iterable[tuple[str, str]]) -> AppearanceIndex:
        """Index ``(scene_id, text)`` pairs, given in manuscript order."""
        index = cls(CastMatcher(characters))
        for scene_id, text in texts:
            index.order.append(scene_id)
            index.scenes[scene_id] = index.matcher.scan(text)
        return index

    @classmethod
    def for_project(cls, project: Project) -> AppearanceIndex:
        """Index every scene of the manuscript (reading texts the project has not read yet)."""
        scenes = [(s.id, project.scene_text(s.id)) for s in project.iter_scenes()]
        return cls.build(project.characters, scenes)

    def update_scene(self, scene_id: str, text: str) -> None:
        """Rescan one scene after its text changed (a new scene goes at the end until ``set_order``)."""
        if scene_id not in self.scenes:
            self.order.append(scene_id)
        self.scenes[scene_id] = self.matcher.scan(text)

    def remove_scene(self, scene_id: str) -> None:
        """Forget a scene (deleted or moved to the trash)."""
        self.scenes.pop(scene_id, None)
        if scene_id in self.order:
            self.order.remove(scene_id)

    def set_order(self, scene_ids: Sequence[str]) -> None:
        """Set the manuscript order of the scenes (scenes not listed are forgotten)."""
        self.order = [sid for sid in scene_ids if sid in self.scenes]
        keep = set(self.order)
        self.scenes = {sid: found for sid, found in self.scenes.items() if sid in keep}

    def scenes_of(self, character_id: str) -> list[tuple[str, int]]:
        """Return ``(scene_id, count)`` for every scene mentioning the character, in manuscript order."""
        out = []
        for scene_id in self.order:
            mention = self.scenes[scene_id].get(character_id)
            if mention is not None:
                out.append((scene_id, mention.count))
        return out

    def characters_in(self, scene_id: str) -> list[str]:
        """Return the ids of the characters mentioned in a scene, in order of first mention."""
        found = self.scenes.get(scene_id, {})
        return sorted(found, key=lambda cid: found[cid].start)

    def first_mention(self, character_id: str, scene_id: str) -> tuple[int, int] | None:
        """Return ``(start, length)`` of the character's first mention in the scene, or None."""
        mention = self.scenes.get(scene_id, {}).get(character_id)
        return (mention.start, mention.length) if mention else None

    def count(self, character_id: str, scene_id: str) -> int:
        """Return how often the character is mentioned in the scene."""
        mention = self.scenes.get(scene_id, {}).get(character_id)
        return mention.count if mention else 0

    def total(self, character_id: str) -> int:
        """Return the character's mentions in the whole manuscript."""
        return sum(count for _, count in self.scenes_of(character_id))


# -- rename everywhere -----------------------------------------------------------------------


@dataclass(frozen=True)
class RenamePlan:
    """One scene's part of a rename: how many mentions change and the scene's new text."""

    scene_id: str
    count: int
    new_text: str


@dataclass
class RenameRecord:
    """What an applied rename changed, so it can be undone: old texts, old name."""

    character_id: str
    old_name: str
    new_name: str
    texts: list[tuple[str, str, str]]  # scene_id, old text, new text


def _replacement(matched: str, new_name: str) -> str:
    """The new name in the shape of the matched text: its capitalised start and its line breaks."""
    words = new_name.split()
    gaps = re.findall(r"\s+", matched)
    if len(gaps) == len(words) - 1:
        new = words[0] + "".join(gap + word for gap, word in zip(gaps, words[1:], strict=True))
    else:
        new = " ".join(words)
    if matched[:1].isupper() and new[:1].islower():
        new = new[0].upper() + new[1:]
    return new


def rename_text(
    matcher: CastMatcher, text: str, character_id: str, terms: set[str], new_name: str
) -> tuple[int, str]:
    """Replace the character's mentions by ``terms`` with ``new_name``; return (count, new text).

    A bare possessive after a name ending in s (``Jess' bag``) gets its s when the
    new name does not end in s (``Jo's bag``).
    """
    pieces, count, last = [], 0, 0
    for start, end, term in matcher.iter_terms(text):
        if term not in terms or character_id not in matcher.owners[term]:
            continue
        replacement = _replacement(text[start:end], new_name)
        after = text[end : end + 2]
        bare_possessive = (
            len(after) >= 1
            and after[0] in APOSTROPHES
            and not (len(after) > 1 and after[1].isalnum())
            and text[end - 1] in "sS"
            and not replacement.endswith(("s", "S"))
        )
        pieces += [text[last:start], replacement]
        last = end
        if bare_possessive:
            pieces += [text[end], "s"]
            last = end + 1
        count += 1
    pieces.append(text[last:])
    return count, "".join(pieces)


def plan_rename(
    project: Project, character_id: str, new_name: str, replace_aliases: Sequence[str] = ()
) -> list[RenamePlan]:
    """Preview renaming a character across the manuscript: every scene that changes, in order.

    The old name's mentions, and those of the chosen aliases, become ``new_name``;
    mentions that belong to a longer name of another character are left alone.
    """
    new_name = " ".join(new_name.split())
    if not new_name:
        raise StudioError("the new name is empty")
    character = project.character(character_id)
    unknown = [a for a in replace_aliases if a not in character.aliases]
    if unknown:
        raise StudioError(f"{unknown[0]!r} is not an alias of {character.name}")
    terms = {" ".join(t.split()) for t in [character.name, *replace_aliases]}
    matcher = CastMatcher(project.characters)
    plans = []
    for scene in project.iter_scenes():
        text = project.scene_text(scene.id)
        count, new_text = rename_text(matcher, text, character_id, terms, new_name)
        if count:
            plans.append(RenamePlan(scene.id, count, new_text))
    return plans


def _write_texts(project: Project, changes: Sequence[tuple[str, str, str]]) -> None:
    """Write ``new`` over ``old`` for each (scene_id, old, new), inside the caller's batch (all or none)."""
    for scene_id, _, _ in changes:
        if project.read_only or project.scene(scene_id).read_only:
            raise ReadOnlyError(f"scene {project.scene(scene_id).title!r} is read-only; nothing renamed")
    for scene_id, _, new in changes:
        project.announce_text_change(scene_id, "before rename everywhere")
        project.set_scene_text(scene_id, new)


def apply_rename(
    project: Project, character_id: str, new_name: str, plans: Sequence[RenamePlan]
) -> RenameRecord:
    """Write the planned scene texts (each atomically; all or none) and rename the character.

    Raises ``ExternalChangeError`` (nothing changed) if a scene changed on disk since it was read.
    """
    new_name = " ".join(new_name.split())
    character = project.character(character_id)
    changes = [(p.scene_id, project.scene_text(p.scene_id), p.new_text) for p in plans]
    old_name = character.name
    with project.batch():
        _write_texts(project, changes)
        project.update_character(character_id, name=new_name)
    return RenameRecord(character_id, old_name, new_name, changes)


def revert_rename(project: Project, record: RenameRecord) -> None:
    """Undo an applied rename: the old texts and the old name come back."""
    with project.batch():
        _write_texts(project, [(sid, new, old) for sid, old, new in record.texts])
        project.update_character(record.character_id, name=record.old_name)


def redo_rename(project: Project, record: RenameRecord) -> None:
    """Apply a rename again after ``revert_rename``."""
    with project.batch():
        _write_texts(project, record.texts)
        project.update_character(record.character_id, name=record.new_name)


# -- characters removed for good (the inverse of adding one) -------------------------------------


def remove_character(project: Project, character_id: str) -> tuple[Character, int, str]:
    """Remove a character and its notes file for good (undo of an add); return what it was."""
    if project.read_only:
        raise ReadOnlyError(f"{project.root.name} is open read-only")
    character = project.character(character_id)
    notes = project.character_notes(character_id)
    index = project.characters.index(character)
    path = project.store.character_path(character.file)
    with project.batch():
        del project.characters[index]
        project._changed()  # noqa: SLF001 - the project's own change protocol
        project._after_commit(lambda: project.store.remove_file(path))  # noqa: SLF001
    return character, index, notes


def insert_character(project: Project, character: Character, index: int, notes: str) -> None:
    """Put a removed character back at ``index`` with its notes (the inverse of ``remove_character``)."""
    if project.read_only:
        raise ReadOnlyError(f"{project.root.name} is open read-only")
    project.store.make_folder(project.store.characters_dir)
    with project.batch():
        project._write_file(project.store.character_path(character.file), notes, force=True)  # noqa: SLF001
        project.characters.insert(min(index, len(project.characters)), character)
        project._changed()  # noqa: SLF001 - the project's own change protocol


def appearances_summary(project: Project, index: AppearanceIndex | None = None) -> list[dict[str, Any]]:
    """Return the ``studio characters --json`` document: each character with its appearances."""
    index = index or AppearanceIndex.for_project(project)
    return [
        {
            "id": c.id,
            "name": c.name,
            "aliases": list(c.aliases),
            "role": c.role,
            "appearances": [{"scene_id": sid, "count": n} for sid, n in index.scenes_of(c.id)],
        }
        for c in project.characters
    ]
