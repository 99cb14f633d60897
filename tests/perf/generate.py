"""Generate synthetic Story Studio projects for the benchmarks (deterministic, seeded).

Writes the real project format directly (the manifest through the core's own
serializer), which is much faster than one atomic save per scene, then checks the
result by loading it with ``load_project``.

    python tests/perf/generate.py DEST --words 1000000 [--seed 1]
    python tests/perf/generate.py --cached 1000000     # print the cached project's folder

Shape: about 1,000 scenes per million words (at least 10), ~20 scenes per part, one
scene of 20,000 words (the second scene of the first part), 50 characters with aliases.
Text: narration and dialogue with curly quotes, contractions, em dashes, ellipses and
the cast's names, in paragraphs separated by blank lines. The total word count (by the
app's own rule) is exactly the number asked for.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from studio.core.counting import count_words  # noqa: E402
from studio.core.manifest import MANIFEST_NAME, ManifestData, serialize_manifest  # noqa: E402
from studio.core.nodes import Character, Part, Scene  # noqa: E402
from studio.core.storage import CACHE_NAME, HIDDEN_DIR, load_project  # noqa: E402

CACHE_ROOT = Path(os.environ.get("STUDIO_PERF_CACHE", "/tmp/studio-perf"))
GENERATOR_VERSION = 2
BIG_SCENE_WORDS = 20_000
SCENES_PER_PART = 20
CHARACTER_COUNT = 50

FIRST_NAMES = (  # noqa: SIM905
    "Wren Isaac Agnes Marisol Tobiah Ines Declan Rosalind Caspian Odette Fergus Imogen Lachlan "
    "Beatrix Silas Henrietta Jasper Philippa Rafferty Clementine Evander Maud Ambrose Theodora "
    "Cormac Sunniva Bartholomew Ottoline Ezra Delphine Leopold Genevieve Ignatius Marguerite "
    "Tamsin Augustin Perpetua Crispin Winifred Lysander Hester Barnaby Isolde Mordecai Araminta "
    "Percival Seraphina Quentin Jocasta Thaddeus"
).split()
SURNAMES = (  # noqa: SIM905
    "Talbot Moss Pell Vega Quince Okonkwo-Hart D’Arcy Fairweather Blackwood Penhaligon Ashby "
    "Thornton Greaves Merriweather Calloway Trelawney Abernathy Featherstone Ravenscroft Lockhart "
    "O’Malley Pemberton Whitlock Hargreaves Kingsley Winterbourne Carrow Dunmore Ellery Fenwick "
    "Garrick Holloway Ingram Jessop Kettering Lindqvist Marchbanks Northcott Oakes Prideaux "
    "Quayle Rutherford Sinclair Tennant Underhill Vance Wetherby Yardley Zeller Ainsworth"
).split()
TITLES = ("Captain", "Miss", "Mr", "Mrs", "Doctor", "Aunt", "Old", "Sergeant", "Lady", "Father")
EPITHETS = (
    "the keeper’s girl",
    "the postmistress",
    "the harbour master",
    "the widow",
    "the stranger",
    "the boy from the mill",
    "the Major",
    "the schoolmistress",
    "the ferryman",
    "the lodger",
)
ROLES = ("protagonist", "antagonist", "supporting", "minor")
PLACES = "harbour lighthouse quay chapel market bookshop mill orchard station causeway".split()  # noqa: SIM905
OBJECTS = "lamp letter key ledger coat lantern ring map photograph kettle".split()  # noqa: SIM905

NARRATION = (
    "The rain came off the {place} in grey sheets and {a} stood at the top of the stairs with the {obj}.",
    "{A} hadn’t slept since the {obj} came, and the house knew it.",
    "{a}’s coat was still wet from the crossing, though nobody would’ve guessed it from the way {p} stood.",
    "Somewhere below a door banged twice — then silence… the kind that waits.",
    "It was the third time this week, and the neighbours’ dogs had stopped barking at it.",
    "They’d organised the search by lantern light, realising too late that the tide wouldn’t wait.",
    "{a} counted the steps under {o} breath and didn’t look back.",
    "By the time {b} reached the {place}, the well-known shape of the {obj} was gone.",
    "Nobody in Harrow Point could say who’d left the {obj} on the step, or why.",
    "{b} turned the {obj} over twice, as if the answer might be written on the underside.",
    "The 1920s clock in the hall struck eleven, and {a} let it finish before speaking.",
    "There was salt on the window, and beyond it the {place} lay dark — darker than it should.",
    "{a} and {b} walked as far as the {place} without a word between them.",
    "It wasn’t fear, exactly; it was the old, patient feeling of being watched.",
    "Half the town had an opinion about the {obj}, and the other half had two.",
)
DIALOGUE = (
    "I don’t know what you want from me",
    "’Cause you’re never here when it matters",
    "We’ll be fine, we’ve always been fine",
    "You can’t be serious, {b}",
    "It’s nothin’, I swear it’s nothin’",
    "Tell ’em I’m not coming",
    "Where’ve you been all night",
    "That’s {b}’s problem, not ours",
    "Give me the {obj} and we’ll say no more about it",
    "If you’d listened to me at the {place}, we wouldn’t be here",
)
SAID = ("said", "asked", "whispered", "muttered", "called", "snapped", "replied")
COINED = ("Harrow", "Penhaligon", "nothin’", "lamplight", "seaward")


class ProseWriter:
    """Produces paragraphs of prose-like text from a seeded generator and a cast."""

    def __init__(self, rng: random.Random, cast: list[str]) -> None:
        self.rng = rng
        self.cast = cast

    def fill(self, template: str) -> str:
        """Fill a template's slots with names, places, objects and pronouns."""
        rng = self.rng
        a = rng.choice(self.cast)
        pronoun, object_pronoun = rng.choice((("she", "her"), ("he", "his"), ("they", "their")))
        return template.format(
            a=a,
            A=a,
            b=rng.choice(self.cast),
            p=pronoun,
            o=object_pronoun,
            place=rng.choice(PLACES),
            obj=rng.choice(OBJECTS),
        )

    def sentence(self) -> str:
        """One sentence of narration, or a line of dialogue with its tag."""
        rng = self.rng
        if rng.random() < 0.3:
            line = self.fill(rng.choice(DIALOGUE))
            speaker = rng.choice(self.cast)
            mark = "?" if line.startswith(("Where", "You")) else ","
            return f"“{line}{mark}” {speaker} {rng.choice(SAID)}."
        return self.fill(rng.choice(NARRATION))

    def text(self, words: int) -> str:
        """Paragraphs holding exactly ``words`` words (by the app's counting rule)."""
        rng = self.rng
        paragraphs: list[str] = []
        remaining = words
        while remaining > 0:
            sentences: list[str] = []
            for _ in range(rng.randint(2, 7)):
                sentence = self.sentence()
                count = count_words(sentence)
                if count > remaining:
                    sentence = " ".join(sentence.split()[:remaining]).rstrip(",;:“") + "."
                    count = count_words(sentence)
                sentences.append(sentence)
                remaining -= count
                if remaining <= 0:
                    break
            paragraphs.append(" ".join(sentences))
        return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


def scene_sizes(rng: random.Random, words: int, scenes: int | None = None) -> list[int]:
    """Word counts per scene: one of 20,000 words (when it fits), the rest varied, summing to ``words``."""
    count = scenes or max(10, round(words / 1000))
    big = BIG_SCENE_WORDS if words >= 4 * BIG_SCENE_WORDS else 0
    rest = words - big
    others = count - 1 if big else count
    weights = [rng.uniform(0.4, 1.6) for _ in range(others)]
    total = sum(weights)
    sizes = [max(1, int(rest * w / total)) for w in weights]
    sizes[-1] += rest - sum(sizes)
    if big:
        sizes.insert(1, big)
    return sizes


def make_cast(rng: random.Random) -> list[Character]:
    """Fifty characters with aliases (first name, title + surname, sometimes an epithet)."""
    characters = []
    for index in range(CHARACTER_COUNT):
        first, last = FIRST_NAMES[index % len(FIRST_NAMES)], SURNAMES[index % len(SURNAMES)]
        aliases = [first, f"{rng.choice(TITLES)} {last}"]
        if index < len(EPITHETS):
            aliases.append(EPITHETS[index])
        characters.append(
            Character(
                id=f"c-{index:08x}",
                name=f"{first} {last}",
                file=f"{first.lower()}-{index:02d}.txt",
                aliases=aliases,
                role=ROLES[0] if index < 2 else rng.choice(ROLES[1:]),
                description=f"Lives near the {rng.choice(PLACES)}; keeps the {rng.choice(OBJECTS)}.",
            )
        )
    return characters


def generate_project(
    dest: str | os.PathLike[str], words: int, seed: int = 1, scenes: int | None = None
) -> Path:
    """Write a project of exactly ``words`` words into the empty (or absent) folder ``dest``.

    ``scenes`` overrides the number of scenes (default: 1 per 1,000 words, at least 10).
    """
    root = Path(dest)
    if root.exists() and any(root.iterdir()):
        raise SystemExit(f"{root}: not empty")
    rng = random.Random(seed)
    (root / "scenes").mkdir(parents=True)
    (root / "characters").mkdir()
    (root / HIDDEN_DIR).mkdir()
    (root / HIDDEN_DIR / ".gitignore").write_text("*\n", encoding="utf-8")
    characters = make_cast(rng)
    cast_names = [c.name.split()[0] for c in characters] + [c.aliases[1] for c in characters]
    writer = ProseWriter(rng, cast_names)
    for character in characters:
        notes = writer.text(rng.randint(40, 160))
        (root / "characters" / character.file).write_text(notes, encoding="utf-8")
    parts: list[Part] = []
    statuses = ("draft", "draft", "revised", "final")
    for index, size in enumerate(scene_sizes(rng, words, scenes)):
        if index % SCENES_PER_PART == 0:
            number = len(parts) + 1
            parts.append(
                Part(id=f"p-{number:08x}", title=f"Part {number}: The {rng.choice(OBJECTS).title()}")
            )
        title = f"The {rng.choice(PLACES).title()} at {rng.choice(('Dawn', 'Dusk', 'Night', 'Noon'))}"
        scene = Scene(
            id=f"s-{index:08x}",
            title=title if size != BIG_SCENE_WORDS else "The Long Night",
            file=f"scene-{index:05d}.txt",
            status=rng.choice(statuses),
            pov=rng.choice(characters).id if rng.random() < 0.7 else "",
            synopsis=writer.sentence() if rng.random() < 0.5 else "",
        )
        text = writer.text(size)
        with open(root / "scenes" / scene.file, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        parts[-1].scenes.append(scene)
    data = ManifestData(
        title=f"Synthetic {words:,} words", author="Perf Generator", parts=parts, characters=characters
    )
    (root / MANIFEST_NAME).write_bytes(serialize_manifest(data))
    (root / "words.txt").write_text("".join(f"{w}\n" for w in sorted(COINED)), encoding="utf-8")
    return root


def verify(root: Path, words: int) -> None:
    """Load the project with the real core and check its size; raise on any mismatch."""
    project = load_project(root)
    if project.problems or project.words != words:
        raise SystemExit(f"{root}: generated project is wrong: {project.words} words, {project.problems}")


def cached_project(words: int, seed: int = 1) -> Path:
    """Return a generated project of ``words`` words, generating it once under the cache folder."""
    root = CACHE_ROOT / f"v{GENERATOR_VERSION}-w{words}-s{seed}"
    marker = root.with_suffix(".done")
    if not marker.exists():
        if root.exists():
            shutil.rmtree(root)
        generate_project(root, words, seed)
        verify(root, words)
        marker.write_text("ok\n")
    return root


def drop_count_cache(root: Path) -> None:
    """Delete the word-count cache so the next load is a first-time (cold) open."""
    (root / HIDDEN_DIR / CACHE_NAME).unlink(missing_ok=True)


def main() -> None:
    """Command line: generate into DEST, or print the cached project's folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", nargs="?", help="folder to create (empty or absent)")
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cached", type=int, metavar="WORDS", help="print (and make) the cached project")
    args = parser.parse_args()
    if args.cached:
        print(cached_project(args.cached, args.seed))
        return
    if not args.dest:
        parser.error("give DEST or --cached WORDS")
    root = generate_project(args.dest, args.words, args.seed)
    verify(root, args.words)
    print(f"{root}: {args.words:,} words")


if __name__ == "__main__":
    main()
