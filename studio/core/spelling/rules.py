"""What a word looks like to the dictionary: apostrophes, contractions, elisions, ligatures.

Every function here works on *normalised* words (see ``normalize``): NFC, lower case,
straight apostrophes. The engine asks ``forms_to_try`` for the dictionary forms that
would make a word known, so ``Spike’s``, ``would’ve``, ``nothin’``, ``’em``, ``l’homme`` and
``coeur`` all pass when ``spike``, ``would``, ``nothing``, ``em``, ``homme`` and ``cœur`` do.
No rule turns an unknown word into a known one by guessing at spelling patterns: British
spellings come from the en_GB word list, never from rewriting ``-re`` as ``-er``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# Endings that make a contraction or possessive of a known word (all languages: Dutch
# ``auto's``, German ``geht's`` and English ``Spike's`` alike).
CONTRACTION_SUFFIXES = {
    "en": ("'s", "'d", "'ll", "'ve", "'re", "'m", "n't", "'t", "'n", "'em"),
}
DEFAULT_SUFFIXES = ("'s",)
# Elided articles and pronouns that start a word: ``l'homme``, ``dell'anno``, ``c'è``.
ELIDED_PREFIXES = {
    "fr": frozenset(
        {
            "l",
            "d",
            "j",
            "m",
            "n",
            "s",
            "t",
            "c",
            "qu",
            "jusqu",
            "lorsqu",
            "puisqu",
            "quoiqu",
            "presqu",
            "quelqu",
        }
    ),
    "it": frozenset(
        {
            "l",
            "un",
            "d",
            "c",
            "s",
            "m",
            "t",
            "v",
            "n",
            "dell",
            "dall",
            "nell",
            "sull",
            "all",
            "coll",
            "quell",
            "quest",
            "bell",
            "sant",
            "tutt",
            "buon",
            "nessun",
        }
    ),
    "en": frozenset({"y", "o", "d"}),
    "pt": frozenset({"d", "n"}),
    "es": frozenset(),
}
# Words of fiction and dialogue the bundled dictionaries lack.
EXTRA_WORDS = {
    "en": frozenset(
        {
            "mm",
            "mmm",
            "hm",
            "pre",
            "un",
            "y'know",
            "'til",
            "tis",
            "dreamt",
            "leant",
            "alright",
            "nah",
            "yup",
            "uh-huh",
            "mhm",
            "ow",
            "eh",
            "aye",
            "mam",
            "innit",
            "wot",
            "em",
            "d'you",
        }
    ),
}

# Letters written two ways: a word is known if its other spelling is (``cœur``/``coeur``,
# ``Encyclopædia``; Swiss German ``Strasse`` for ``Straße``).
_LIGATURES = (("œ", "oe"), ("æ", "ae"))
_SHARP_S = ("ß", "ss")
# Pronouns joined to the end of a verb (Spanish ``dígamelo``, Italian ``dimmelo``): the verb
# alone must be a known word (an accent the pronoun added taken off).
_CLITICS = {
    "es": re.compile(r"(?:(?:me|te|se|nos|os)?(?:lo|la|los|las|le|les)|me|te|se|nos|os)$"),
    "it": re.compile(r"(?:(?:me|te|se|ce|ve|glie)(?:lo|la|li|le|ne)|mi|ti|si|ci|vi|lo|la|li|le|ne|gli)$"),
}
_UNSTRESSED = str.maketrans("áéíóú", "aeiou")
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")


def normalize(word: str) -> str:
    """Return the form dictionaries use: NFC, lower case, straight apostrophes."""
    if word.isascii():
        return word.lower()
    return unicodedata.normalize("NFC", word).replace("’", "'").replace("\u02bc", "'").lower()


def base_language(language: str) -> str:
    """Return the dictionary language of a code like ``en-GB``, ``pt_BR`` or ``EN``."""
    return re.split(r"[-_.@]", language.strip().lower(), maxsplit=1)[0]


def spelling_variants(word: str, language: str) -> Iterator[str]:
    """Yield the same word with its ligatures (and, in German, ``ß``) written the other way."""
    for joined, apart in _LIGATURES:
        if joined in word:
            yield word.replace(joined, apart)
        elif apart in word:
            yield word.replace(apart, joined)
    if language == "de":
        sharp, double = _SHARP_S
        if sharp in word:
            yield word.replace(sharp, double)
        elif double in word:
            yield word.replace(double, sharp)


def _verb_forms(word: str, language: str, clitics: re.Pattern[str]) -> Iterator[str]:
    """The verb under enclitic pronouns: ``apagarlo`` -> ``apagar``, ``pulsándolas`` -> ``pulsando``."""
    match = clitics.search(word)
    if match is None or match.start() < 3:
        return
    verb = word[: match.start()]
    if language == "es":
        yield verb.translate(_UNSTRESSED) if _stressed_once(verb) else verb
        return
    yield verb + "e" if verb.endswith("r") else verb  # farlo -> fare, dandogli -> dando
    if verb[-1] == verb[-2]:
        yield verb[:-1]  # dimmi -> di, fallo -> fa


def _stressed_once(verb: str) -> bool:
    return sum(ch in "áéíóú" for ch in verb) == 1


def forms_to_try(word: str, language: str) -> Iterator[str]:
    """Yield the other dictionary forms that make ``word`` known if any of them is (nearest first)."""
    if word.startswith("'"):
        yield word[1:]  # ’em, ’sides, or a quote mark
    if word.endswith("'"):
        stem = word[:-1]
        yield stem  # centuries’, or a closing quote
        if language == "en" and stem.endswith("in"):
            yield stem + "g"  # nothin’
    if "'" in word.strip("'"):
        for suffix in CONTRACTION_SUFFIXES.get(language, DEFAULT_SUFFIXES):
            if word.endswith(suffix) and len(word) > len(suffix):
                yield word[: -len(suffix)]
        head, _, rest = word.partition("'")
        if head in ELIDED_PREFIXES.get(language, ()) and rest:
            yield rest
    if not word.isascii() or "oe" in word or "ae" in word or "ss" in word:
        yield from spelling_variants(word, language)
    clitics = _CLITICS.get(language)
    if clitics is not None and len(word) > 5:
        yield from _verb_forms(word, language, clitics)
    if language in ("ar", "fa"):
        bare = _ARABIC_MARKS.sub("", word)
        if bare != word:
            yield bare
