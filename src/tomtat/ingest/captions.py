"""Is a line a photo caption? Used so that a caption is never taken as an article's title.

A caption names who is where in a photo and credits it. Three general signs, each read from a
resource file (not written for one article): a credit closing the line ("Ảnh: KCNA",
"(Ảnh: Reuters)"), an agency credit closing the line ("... ngày 31/5. YONHAP/ TTXVN |"), or a
position note in parentheses ("Ông A (phải) và ông B", "(thứ hai từ trái)").
"""
from __future__ import annotations

import re
from functools import cache

from tomtat.vi.resources import alternation, lines as resource_lines

# Long lines are paragraphs, not captions.
MAX_CAPTION_WORDS = 80


@cache
def _credit_tail() -> re.Pattern[str]:
    words = alternation(resource_lines("caption_credits.txt"))
    # "Ảnh: N.H", "(Ảnh: Reuters).", "Ảnh: Minh Châu/TTXVN": a few words closing the line.
    return re.compile(rf"(?:^|[\s.(\-–—|])(?:{words})\s*:\s*[^:]{{1,60}}?[.)|]*\s*$", re.IGNORECASE)


@cache
def _agency_tail() -> re.Pattern[str]:
    names = alternation(resource_lines("photo_agencies.txt"))
    agency = rf"(?:{names})"
    # "... ngày 31/5. AFP", "YONHAP/ TTXVN |", "- Reuters", "(TTXVN)": agencies closing the line, after
    # a sentence end, a dash or a bracket; two or more joined by "/" need nothing before them. A
    # headline that merely ends with an agency's name ("... phỏng vấn Reuters") is not a caption.
    single = rf"(?:[.)\-–—|]\s*|\()\(?{agency}\)?"
    joined = rf"(?:^|\s){agency}(?:\s*/\s*{agency})+"
    return re.compile(rf"(?:{single}|{joined})\s*[.)|]*\s*$", re.IGNORECASE)


@cache
def _position_note() -> re.Pattern[str]:
    notes = alternation(resource_lines("caption_positions.txt"))
    return re.compile(rf"\(\s*(?:{notes})\s*\)", re.IGNORECASE)


def is_photo_caption(line: str) -> bool:
    """True when ``line`` reads as a photo caption (see the module docstring)."""
    text = line.strip()
    if not text or len(text.split()) > MAX_CAPTION_WORDS:
        return False
    if text.endswith("|"):  # scraped captions keep the gallery's separator
        return True
    return bool(_credit_tail().search(text) or _agency_tail().search(text) or _position_note().search(text))
