"""Which language a text is in, by how often each language's commonest words occur.

Seven languages (the ones with full spelling dictionaries); English is told apart as British
or American by the spellings only one of them uses (``colour``/``color``), else left as ``en``.
"""

from __future__ import annotations

import re

from studio.core.importing.headings import fold

STOP_WORDS = {
    "en": "the and of to a in that was he she it his her with had for you not but as at said on",
    "es": "el la de que y en los se las por un una con no su para del al lo como pero mas le dijo",
    "fr": "le la les de des et en un une que qui est dans il elle ne pas au du sur pour avec se",
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf fur dem er sie es ich auch",
    "it": "il di che e la le non per un una del della con si gli era ma lo nel da al come sua",
    "pt": "o a de que e do da em um uma os as para com nao se na no por mais dos ao ela ele",
    "nl": "de het een en van ik te dat die in is niet ze hij zijn met op voor maar er wat naar",
}
# Stems only one English variant writes: British first, then American.
_BRITISH = re.compile(
    r"\b(?:colour|favour|honour|neighbour|behaviour|humour|rumour|labour|harbour|grey|mum|towards|"
    r"realis|recognis|apologis|organis|centre|theatre|metre|travell|cancell|defence|whilst|"
    r"practise|programme|jewell|cheque|tyre|pyjama|arse|aluminium)",
)
_AMERICAN = re.compile(
    r"\b(?:color|favor|honor|neighbor|behavior|humor|rumor|labor|harbor|gray|mom|toward\b|"
    r"realiz|recogniz|apologiz|organiz|center|theater|meter\b|traveled|traveling|canceled|defense|"
    r"practic(?:ed|ing)|program\b|jewelry|check\b|tire|pajama|ass\b|aluminum)",
)
WORD = re.compile(r"[^\W\d_]+")
_TABLES = {language: set(words.split()) for language, words in STOP_WORDS.items()}
SAMPLE = 200_000
SHORT = 6  # fewer words than this say nothing of their language


def english_variant(text: str) -> str:
    """Return ``en-GB`` or ``en-US`` when one variant's spellings clearly dominate, else ``en``."""
    sample = text[:SAMPLE].lower()
    british, american = len(_BRITISH.findall(sample)), len(_AMERICAN.findall(sample))
    if british >= 3 and british >= 2 * american:
        return "en-GB"
    if american >= 3 and american >= 2 * british:
        return "en-US"
    return "en"


def detect_language(text: str, default: str = "en") -> str:
    """Return the language of ``text`` (``es``, ``en-GB``, ``nl``...), or ``default`` when unsure."""
    words = WORD.findall(fold(text[:SAMPLE]))
    if len(words) < SHORT:
        return default
    scores = dict.fromkeys(_TABLES, 0)
    for word in words:
        for language, table in _TABLES.items():
            if word in table:
                scores[language] += 1
    best, second = sorted(scores.values(), reverse=True)[:2]
    language = next(code for code, score in scores.items() if score == best)
    if best < 0.05 * len(words):
        return default
    if len(words) < 20 and (best < 3 or best < 2 * second):  # a few lines: only a clear lead counts
        return default
    return english_variant(text) if language == "en" else language
