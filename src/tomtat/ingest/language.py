"""Does a text look Vietnamese? One rule for the CLI and the service.

Vietnamese writes most words with a letter outside ASCII (ă â đ ê ô ơ ư or a tone mark); English,
or Vietnamese typed without diacritics, has almost none. The share of words holding such a letter
is a cheap, reliable test: real articles score around 0.5-0.7.
"""
from __future__ import annotations

import re

from tomtat.vi.letters import has_vietnamese_mark

# Share of words with a Vietnamese letter for a text to count as Vietnamese.
MIN_VIETNAMESE_SHARE = 0.15

_WORD = re.compile(r"[^\W\d_]+")


def vietnamese_share(text: str) -> float:
    """Share of words in ``text`` that hold a Vietnamese letter (0 when there are no words)."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    return sum(1 for w in words if has_vietnamese_mark(w)) / len(words)


def looks_vietnamese(text: str, min_share: float = MIN_VIETNAMESE_SHARE) -> bool:
    return vietnamese_share(text) >= min_share
