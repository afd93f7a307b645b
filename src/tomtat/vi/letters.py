"""Letters, in one place: every character class the package needs is built here.

A range such as ``[A-ZĐÀ-Ỹ]`` looks like "capital letters" but also holds lower-case ones
(``ấ``, ``ở``, ``đ`` sit inside ``À-Ỹ``); the classes below are built from Unicode's own case
tables instead, and ``tests/test_letters.py`` checks them against ``regex``'s ``\\p{Lu}`` and
``\\p{Ll}``.
"""
from __future__ import annotations

import unicodedata

# Latin (with its extensions, Vietnamese included), Greek and Cyrillic: names in news text
# come in these scripts; the range ends where Greek Extended starts.
_SCRIPTS_END = 0x1F00

UPPER = "".join(ch for ch in map(chr, range(0x41, _SCRIPTS_END)) if unicodedata.category(ch) == "Lu")
LOWER = "".join(ch for ch in map(chr, range(0x61, _SCRIPTS_END)) if unicodedata.category(ch) == "Ll")

# Vietnamese lower-case letters: the 26 Latin ones (f, j, w, z occur in loanwords and names)
# and the marked ones, đ and every vowel with its hat, horn or breve and five tones.
_MARKED_VOWELS = "ăâêôơư" + "".join(
    unicodedata.normalize("NFC", base + tone)
    for base in "aăâeêioôơuưy" for tone in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323"))
MARKED_LOWER = "đ" + _MARKED_VOWELS
VIETNAMESE_LOWER = "abcdefghijklmnopqrstuvwxyz" + MARKED_LOWER
VIETNAMESE_UPPER = VIETNAMESE_LOWER.upper()


def upper_class() -> str:
    """A regex character class of the upper-case letters: ``[...]``."""
    return f"[{UPPER}]"


def lower_class() -> str:
    """A regex character class of the lower-case letters: ``[...]``."""
    return f"[{LOWER}]"


def has_vietnamese_mark(word: str) -> bool:
    """True when ``word`` (lower-case) holds a letter only Vietnamese writes (đ, ơ, ư, a tone)."""
    return any(ch in _MARKED_SET for ch in word)


_MARKED_SET = frozenset(MARKED_LOWER)


def without_marks(text: str) -> str:
    """``text`` with its Vietnamese marks taken off ("Kon Plông" -> "Kon Plong", "Đà" -> "Da"),
    as a name is written where the marks are missing."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D")
