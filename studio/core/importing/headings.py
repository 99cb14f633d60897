"""Heading words in six languages: labels by level, numbers in words and ordinals, named sections.

Levels: 0 a book or volume, 1 a part (``PREMIÈRE PARTIE``, ``Part Five``), 2 a chapter or a
section of the same rank (numbered chapters, a Roman numeral alone, a prologue, an epilogue).
Words are compared folded: lower case without accents (``CAPÍTULO`` and ``capitulo`` match).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

GROUP_LEVEL, PART_LEVEL, CHAPTER_LEVEL = 0, 1, 2

LABEL_LEVELS = {
    **dict.fromkeys(("book", "volume", "livre", "tome", "libro", "tomo", "livro", "buch", "band"), 0),
    **dict.fromkeys(("part", "partie", "parte", "teil", "act", "acte", "atto", "akt"), 1),
    **dict.fromkeys(("chapter", "chap.", "ch.", "section", "episode", "capitulo", "chapitre"), 2),
    **dict.fromkeys(("kapitel", "capitolo", "cap.", "canto"), 2),
}
NAMED = (
    "prologue|prolog|prologo|epilogue|epilog|epilogo|interlude|intermezzo|preface|prefacio|prefazione|"
    "vorwort|foreword|afterword|nachwort|introduction|introduccion|introduzione|introducao|"
    "prelude|preludio|vorspiel|finale|final|coda|postscript|postface|envoi|envoy"
)
_CARDINALS = {
    "en": "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty",
    "es": "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
    "dieciseis diecisiete dieciocho diecinueve veinte",
    "fr": "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
    "dix-sept dix-huit dix-neuf vingt",
    "de": "eins zwei drei vier funf sechs sieben acht neun zehn elf zwolf dreizehn vierzehn funfzehn "
    "sechzehn siebzehn achtzehn neunzehn zwanzig",
    "it": "uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici "
    "quindici sedici diciassette diciotto diciannove venti",
    "pt": "um dois tres quatro cinco seis sete oito nove dez onze doze treze catorze quinze dezesseis "
    "dezessete dezoito dezenove vinte",
}
_ORDINALS = {
    "en": "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth",
    "es": "primer segundo tercer cuarto quinto sexto septimo octavo noveno decimo undecimo duodecimo",
    "fr": "premier deuxieme troisieme quatrieme cinquieme sixieme septieme huitieme neuvieme dixieme "
    "onzieme douzieme",
    "de": "erst zweit dritt viert funft sechst siebt acht neunt zehnt elft zwolft",
    "de7": "- - - - - - siebent",
    "it": "prim second terz quart quint sest settim ottav non decim undicesim dodicesim",
    "pt": "primeir segund terceir quart quint sext setim oitav non decim",
}
# Endings an ordinal stem takes: ``primera``, ``premiere``, ``erstes``, ``seconda``, ``primeiro``.
_ENDINGS = ("", "e", "a", "o", "os", "as", "es", "er", "en", "em", "s", "ere")


def fold(text: str) -> str:
    """Lower case without accents, one character for one (so indices match the original)."""
    if text.isascii():  # most lines: ASCII lower case is already one character for one
        return text.lower()
    return "".join(map(_fold_char, text))


@cache
def _fold_char(char: str) -> str:
    plain = unicodedata.normalize("NFKD", char)[:1].lower()
    return plain if len(plain) == 1 else char


def _number_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for words in _CARDINALS.values():
        for number, word in enumerate(words.split(), 1):
            table.setdefault(word, number)
    for words in _ORDINALS.values():
        for number, stem in enumerate(words.split(), 1):
            for ending in _ENDINGS if stem != "-" else ():
                table.setdefault(stem + ending, number)
    table.update({"une": 1, "una": 1, "uma": 1, "ein": 1, "eine": 1, "erste": 1, "seconde": 2, "second": 2})
    table.update({"primera": 1, "primero": 1, "tercera": 3, "tercero": 3, "last": 0})
    table.pop("last")
    return table


NUMBER_WORDS = _number_table()
NUMBER = r"\d{1,3}|[ivxlcdm]+|[a-z]+(?:-[a-z]+)*"
LABEL_WORDS = "|".join(re.escape(label) for label in sorted(LABEL_LEVELS, key=len, reverse=True))
# ``CHAPTER THE FIRST``, ``Capitulo I``, ``BOOK FIRST—THE HARBOUR`` (label first)
LABEL_FIRST = re.compile(rf"^(?P<label>{LABEL_WORDS})\s+(?:the\s+)?(?P<num>{NUMBER})(?P<rest>.*)$")
# ``PREMIÈRE PARTIE``, ``Erstes Kapitel``, ``Primo capitolo`` (the ordinal first)
ORDINAL_FIRST = re.compile(rf"^(?P<num>[a-z]+)\s+(?P<label>{LABEL_WORDS})(?P<rest>.*)$")
NAMED_HEADING = re.compile(rf"^(?P<label>{NAMED})(?P<rest>(?:\s*[:.\-–—]\s*.*)?)$")


def read_number_word(folded: str) -> int | None:
    """The number a folded word spells in one of the six languages (``quinto``, ``fünf``), or None."""
    return NUMBER_WORDS.get(folded)
