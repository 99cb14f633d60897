"""The stop-word language detector: six languages, and the default when unsure."""

from __future__ import annotations

import pytest

from studio.core.importing.language import detect_language

SAMPLES = {
    "en": "It was late when she came home, and the lamp in the window had gone out for the night.",
    "es": "Era tarde cuando ella volvió a casa, y la lámpara de la ventana se había apagado por la noche.",
    "fr": "Il était tard quand elle rentra, et la lampe de la fenêtre s’était éteinte pour la nuit.",
    "de": "Es war spät, als sie nach Hause kam, und die Lampe im Fenster war für die Nacht erloschen.",
    "it": "Era tardi quando lei tornò a casa, e la lampada alla finestra si era spenta per la notte.",
    "pt": "Era tarde quando ela voltou para casa, e a lâmpada da janela tinha se apagado durante a noite.",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_each_language(language: str) -> None:
    assert detect_language(SAMPLES[language] * 3) == language


def test_short_or_unknown_text_gives_the_default() -> None:
    assert detect_language("Hello there") == "en"
    assert detect_language("Xyzzy plugh " * 30, default="fr") == "fr"


def test_a_few_lines_with_a_clear_lead_are_told_apart() -> None:
    """A short posted note still gets its language when its common words clearly say which."""
    from studio.core.importing.language import detect_language

    assert detect_language("Dijo que había ido, pero no fue.") == "es"
    assert detect_language("Il était une fois une petite fille qui vivait dans la forêt.") == "fr"
    assert detect_language("Hallo") == "en"  # too short to say: the default
    assert detect_language("Hallo", default="de") == "de"
