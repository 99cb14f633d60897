"""Which of six languages a text is in, by how often each language's commonest words occur."""

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
}
WORD = re.compile(r"[^\W\d_]+")
_TABLES = {language: set(words.split()) for language, words in STOP_WORDS.items()}
SAMPLE = 200_000


def detect_language(text: str, default: str = "en") -> str:
    """Return ``en``, ``es``, ``fr``, ``de``, ``it`` or ``pt`` for a text; ``default`` when unsure."""
    words = WORD.findall(fold(text[:SAMPLE]))
    if len(words) < 20:
        return default
    scores = dict.fromkeys(_TABLES, 0)
    for word in words:
        for language, table in _TABLES.items():
            if word in table:
                scores[language] += 1
    best = max(scores, key=lambda language: scores[language])
    return best if scores[best] >= 0.05 * len(words) else default
