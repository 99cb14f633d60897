"""The regular expressions of the checks, built once per language."""

from __future__ import annotations

import re

LETTERS = r"[^\W\d_]"
# A word: letters joined by apostrophes (``don’t``); hyphens and dashes separate words.
WORD = re.compile(rf"{LETTERS}+(?:['’]{LETTERS}+)*")
# A sentence: up to its end marks (and a closing quote), never across a line.
SENTENCE = re.compile(r"[^.!?…\n]+(?:[.!?…]+[\"”’»)]*)?")
_W = rf"({LETTERS}+(?:['’]{LETTERS}+)*)"
# A tag after a line of dialogue: `"Hi," she whispered`, `"Hi?" whispered Ann`, `„Hallo“, sagte er`.
# (It starts with the quote, a plain character set the regex engine scans for quickly.)
_CLOSE = '"”“»«'
TAG_AFTER = re.compile(rf"[{_CLOSE}](?:(?<=[,?!…—–-][{_CLOSE}])|(?=,)),?[^\S\n]*{_W}(?:[^\S\n]+{_W})?")
# A tag before it: `She whispered, "Hi."`, `Er sagte: „Hallo“` (the anchor, then the word before it).
TAG_BEFORE_ANCHOR = re.compile(r"[,:][^\S\n]*[\"“„«]")
LAST_WORD = re.compile(rf"{_W}[^\S\n]*\Z")
# Spanish dialogue: `—Hola —dijo Juan—.`; French inversions: `dit-il`, `murmura-t-elle`.
# (The character before the dash, a space, punctuation or none, is checked by the caller.)
TAG_DASH = re.compile(rf"—{_W}")
DASH_TAG_AFTER = " \t\n.,!?…"
INVERSION_ANCHOR = re.compile(r"-(?:t-)?(?:il|elle|ils|elles|on)(?![\w'’])")
WORD_BEFORE = re.compile(rf"{_W}\Z")
