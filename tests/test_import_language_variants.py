"""Import detection for Dutch and for British or American English."""

from __future__ import annotations

from studio.core.importing.language import detect_language, english_variant

DUTCH = "Het was laat toen ze thuiskwam, en de lamp in het raam was voor de nacht uitgegaan. " * 3
BRITISH = "She realised the colour of the harbour was grey, and walked towards the centre. " * 3
AMERICAN = "She realized the color of the harbor was gray, and walked toward the center. " * 3


def test_dutch_is_detected() -> None:
    assert detect_language(DUTCH) == "nl"


def test_english_is_told_british_or_american_by_its_spellings() -> None:
    assert detect_language(BRITISH) == "en-GB"
    assert detect_language(AMERICAN) == "en-US"
    assert english_variant("It was late when she came home, and the lamp had gone out. " * 3) == "en"
