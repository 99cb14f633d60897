"""A passage of fiction written for the spelling tests, with its cast and typos to inject."""

from __future__ import annotations

# The cast: (name, aliases). None of these names is in the English dictionary.
CAST = [
    ("Ysolde Brannagh", ["Sol"]),
    ("Quillon Marrack-Teague", ["Quill", "the Marrack boy"]),
    ("Tamsin Oyelaran", []),
    ("Fennick D’Arcy-Voss", ["Fen"]),
]

# Dialogue, both apostrophe kinds, British and American spellings, elisions, possessives,
# hyphens, dashes, ellipses, numbers and ordinals, shouting, initials, a URL and an e-mail.
PASSAGE = """\
“You can’t be serious,” Ysolde said. “It’s the 3rd time this week, and Quill’s still not back.”

Tamsin didn’t look up from the map. ‘’Cause he’s stubborn, that’s why. He’d rather drown than ask \
for directions — always has.’

"Don't start," said Fen. "We've been through this. He would've radioed if something'd gone wrong."

The harbour lights flickered. The color of the sky had gone the favourite shade of every storm \
Ysolde remembered: grey over the theatre, gray over the center of town, the centre of nothing at all.

‘Tell ’em I’m not comin’,’ Quillon had said, two centuries’ worth of Marrack-Teague stubbornness \
in his voice. ‘’Sides, it’s nothin’. I’ll be back by the 22nd.’

Ysolde’s hands shook. She realised — no, she’d realized long before — that the well-known \
story about the Marrack boy was true... every word of it. The 1920s lighthouse stood dark; \
its keeper’s log said only: K. M. T. WENT OUT AT NINE. DON’T WAIT UP.

“Fen, I’m not asking again,” she said. “Write to the coastguard at https://coastguard.example.org/report \
or send it to harbour-watch@example.com, but do it now. The boys' boat — the Oyelarans’ old \
one — isn’t fit for a pond, let alone the 1st of the winter gales.”

Fennick’s reply was lost in the wind. Somewhere below, a door banged twice, then silence… \
the kind that waits. Y’know the kind. The organisation of the search would fall to Tamsin \
and Sol; they’d organized worse, and they’d travelled farther, but never in weather like this.
"""

# (typo, intended word): each a single edit away (swap, lost, extra or wrong letter).
TYPOS = [
    ("serios", "serious"),
    ("stuborn", "stubborn"),
    ("flickred", "flickered"),
    ("rememberd", "remembered"),
    ("teh", "the"),
    ("lighthosue", "lighthouse"),
    ("coastgaurd", "coastguard"),
    ("wiather", "weather"),
    ("Tamsn", "Tamsin"),
]


def cast_names() -> list[str]:
    """Every name and alias of the cast, as one list."""
    return [word for name, aliases in CAST for word in [name, *aliases]]


def with_typos(text: str = PASSAGE) -> str:
    """Return the passage with each typo's intended word (first occurrence) replaced by the typo."""
    for typo, intended in TYPOS:
        if typo == "teh":
            text = text.replace(" the map", " teh map", 1)
            continue
        index = text.index(intended)
        text = text[:index] + typo + text[index + len(intended) :]
    return text
