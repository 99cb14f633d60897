"""What a proofreading run is asked for (``ProofOptions``) and what it finds (``Finding``)."""

from __future__ import annotations

from dataclasses import dataclass, field

CHECKS: tuple[str, ...] = (
    "repeated",
    "echo",
    "overused",
    "filler",
    "filter",
    "adverb",
    "long-sentence",
    "dialogue-tag",
    "readability",
)
CHECK_LABELS = {
    "repeated": "Repeated words",
    "echo": "Word again nearby",
    "overused": "Overused in the scene",
    "filler": "Filler words",
    "filter": "Filter words",
    "adverb": "Adverbs",
    "long-sentence": "Long sentences",
    "dialogue-tag": "Dialogue tags",
    "readability": "Hard to read",
}
CHECK_HINTS = {
    "repeated": "The same word twice in a row: “the the”",
    "echo": "An uncommon word used again within a few words",
    "overused": "A word used far more often in this scene than in the rest of the project",
    "filler": "Words that rarely add anything: just, really, very…",
    "filter": "Words that filter the scene through a character: saw, heard, felt…",
    "adverb": "Adverbs (-ly words), which a stronger verb often replaces",
    "long-sentence": "Sentences longer than the limit",
    "dialogue-tag": "Dialogue tags other than said and asked",
    "readability": "Scenes whose reading ease is below the floor",
}


@dataclass(frozen=True)
class ProofOptions:
    """Which checks run, and their thresholds."""

    checks: frozenset[str] = frozenset(CHECKS)
    long_sentence_words: int = 40
    echo_distance: int = 8  # words between two uses of an uncommon word
    overuse_min: int = 5  # uses in the scene before a word can be overused
    overuse_ratio: float = 3.0  # times its rate in the rest of the project
    readability_floor: float = 50.0  # Flesch reading ease below this is flagged
    readability_min_words: int = 100

    def only(self, *checks: str) -> ProofOptions:
        """The same thresholds with only ``checks`` on."""
        return ProofOptions(
            frozenset(checks),
            self.long_sentence_words,
            self.echo_distance,
            self.overuse_min,
            self.overuse_ratio,
            self.readability_floor,
            self.readability_min_words,
        )


@dataclass(frozen=True, order=True)
class Finding:
    """One finding: line and column are 1-based (columns count characters, markers included).

    ``start`` and ``length`` are offsets into the scene text as written, for the editor.
    """

    scene_id: str
    start: int
    check: str
    length: int
    line: int
    column: int
    text: str
    message: str = field(compare=False)

    def as_json(self) -> dict[str, str | int]:
        """The ``--json`` schema: check, scene_id, line, column, text, message."""
        return {
            "check": self.check,
            "scene_id": self.scene_id,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "message": self.message,
        }
