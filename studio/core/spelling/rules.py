"""What a word looks like to the dictionary: apostrophes, contractions, elisions, British spellings.

Every function here works on *normalised* words (see ``normalize``): NFC, lower case,
straight apostrophes. The engine asks ``forms_to_try`` for the dictionary forms that
would make a word known, so ``Spike’s``, ``would’ve``, ``nothin’``, ``’em`` and
``colour`` all pass when ``spike``, ``would``, ``nothing``, ``em`` and ``color`` do.
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

_BRITISH_RULES = [
    (re.compile(r"our(?=[a-z])|our$"), "or"),  # colour, favourite, behaviour
    (re.compile(r"is(?=e|ation|ing|abl)"), "iz"),  # realise, organisation
    (re.compile(r"ys(?=e|ing)"), "yz"),  # analyse, paralysing
    (re.compile(r"(?<=[tbvgc])re(?=s?$|d$)"), "er"),  # centre, fibres, manoeuvre, centred
    (re.compile(r"ence(?=s?$)"), "ense"),  # defence, licence
    (re.compile(r"practis"), "practic"),  # practise
    (re.compile(r"ll(?=ed$|ing$|er$|ers$|ery$|or$|ors$|ous$)"), "l"),  # travelled, jeweller
    (re.compile(r"(?<=[aeiou])l(?=$|s$|ment|ful)"), "ll"),  # enrol, fulfil, skilful
    (re.compile(r"ae"), "e"),  # paediatric, anaesthetic
    (re.compile(r"oe(?=[^s]|$)"), "e"),  # manoeuvre, oestrogen
    (re.compile(r"ogue(?=s?$)"), "og"),  # analogue
    (re.compile(r"mme(?=s?$)"), "m"),  # programme
    (re.compile(r"^(s?m)ould"), r"\1old"),  # mould, smoulder
    (re.compile(r"^scept"), "skept"),  # sceptical
    (re.compile(r"eable$"), "able"),  # likeable
]
_BRITISH_WORDS = {
    "cheque": "check",
    "kerb": "curb",
    "pyjamas": "pajamas",
    "aluminium": "aluminum",
    "plough": "plow",
    "draught": "draft",
    "gaol": "jail",
    "storey": "story",
    "aeroplane": "airplane",
    "arse": "ass",
    "maths": "math",
    "cosy": "cozy",
    "sulphur": "sulfur",
    "tyre": "tire",
    "whilst": "while",
    "mum": "mom",
    "grey": "gray",
    "doughnut": "donut",
    "programme": "program",
}
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_MAX_BRITISH_FORMS = 16


def normalize(word: str) -> str:
    """Return the form dictionaries use: NFC, lower case, straight apostrophes."""
    if word.isascii():
        return word.lower()
    return unicodedata.normalize("NFC", word).replace("’", "'").replace("\u02bc", "'").lower()


def base_language(language: str) -> str:
    """Return the dictionary language of a code like ``en-GB``, ``pt_BR`` or ``EN``."""
    return re.split(r"[-_.@]", language.strip().lower(), maxsplit=1)[0]


def british_forms(word: str) -> Iterator[str]:
    """Yield American spellings a British spelling may stand for (``colour`` -> ``color``)."""
    plural = word[:-1] if word.endswith("s") else None
    if word in _BRITISH_WORDS:
        yield _BRITISH_WORDS[word]
    elif plural in _BRITISH_WORDS:
        yield _BRITISH_WORDS[plural] + "s"
    forms = {word}
    for pattern, replacement in _BRITISH_RULES:
        for form in list(forms):
            changed = pattern.sub(replacement, form)
            if changed != form and len(forms) < _MAX_BRITISH_FORMS:
                forms.add(changed)
    forms.discard(word)
    yield from forms


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
    if language == "en":
        yield from british_forms(word)
    elif language in ("ar", "fa"):
        bare = _ARABIC_MARKS.sub("", word)
        if bare != word:
            yield bare
