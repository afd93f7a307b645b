"""Normalize text once, at the door: mojibake, NFC, one tone-mark placement, whitespace."""
from __future__ import annotations

import re
import unicodedata

import ftfy

from tomtat.vi.letters import VIETNAMESE_LOWER, VIETNAMESE_UPPER

# Combining tone marks (grave, acute, hook above, tilde, dot below) in NFD.
_TONES = "\u0300\u0301\u0309\u0303\u0323"
_TONE_RE = re.compile(f"[{_TONES}]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# A run of spaces becomes one plain space. A lone plain space is left unmatched (the same
# result, without one replacement per word).
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_BLANK_LINES = re.compile(r"\n{3,}")
# A stray mark opening a line, left by a scraper's bullet: ". Theo hãng tin...".
_STRAY_MARKS = ".,;:·"
_STRAY_LEAD = re.compile(rf"^[{_STRAY_MARKS}]+\s+(?=\w)")


# Text made only of these needs nothing from ftfy (the slowest step of reading): printable
# ASCII (an "&" only when it opens an HTML entity, below), Vietnamese letters, combining
# tone marks (NFC below), common typographic marks. Mojibake of Vietnamese always brings a character outside it
# ("Viá»‡t", "Ä‘", "Æ°", "â€œ"), and so do ligatures, full-width forms and control codes.
_NEEDS_FTFY = re.compile(
    "[^\n\t !-~" + VIETNAMESE_LOWER + VIETNAMESE_UPPER
    + "\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b“”‘’–—…\u00a0]")
# "&" needs ftfy only as an HTML entity (ftfy's own test, chardata.HTML_ENTITY_RE): "R&D",
# "M&A" and "Tom & Jerry" are left as they are, so most texts with an "&" skip it.
_HTML_ENTITY = re.compile(r"&#?[0-9A-Za-z]{1,24};")


# A cheap first look (NFC): a toned second vowel ending a word ("hoà", "khoẻ", "thuỷ", also
# "quý", which the real rule leaves alone). Without one there is nothing to move, and the
# NFD round trip below, a third of reading time, is skipped.
_MAYBE_OLD_STYLE = re.compile("(?i)(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![^\\W\\d_])|[\u0300\u0301\u0303\u0309\u0323]")


_WORD_CHAR = re.compile(r"[\w\u0300-\u036f]")


def fix_tone_placement(text: str) -> str:
    """``hoà`` → ``hòa``, ``thuỷ`` → ``thủy``; ``quý``, ``hoàng`` stay. Input and output are NFC.

    Only the words the cheap look points at make the NFD round trip: a move never crosses a
    word (letters and marks, with any sign that decomposes to a mark at its edge), so each
    such word alone changes as it would in the whole text. A text full of such words (more
    than ``_MANY_WORDS``) makes the round trip whole: the same result, cheaper then."""
    if text.isascii():
        return text
    pieces: list[str] = []
    done = 0
    for hint in _MAYBE_OLD_STYLE.finditer(text):
        if hint.start() < done:
            continue  # in the word just fixed
        if len(pieces) > 2 * _MANY_WORDS:
            return _fix_word(text)
        start = hint.start()
        while start > done and _in_word(text[start - 1]):
            start -= 1
        end = hint.start()
        while end < len(text) and _in_word(text[end]):
            end += 1
        pieces += [text[done:start], _fix_word(text[start:end])]
        done = end
    return "".join(pieces) + text[done:] if pieces else text


_MANY_WORDS = 200  # old-style words past which the whole text makes the round trip (same result)


def _in_word(char: str) -> bool:
    """Part of the span a tone move looks at: a word character or a combining mark, or a sign
    whose decomposition ends in one ("≠" is "=" + U+0338), which the NFD pass sees as a mark."""
    return _WORD_CHAR.match(char) is not None or bool(unicodedata.combining(char)) \
        or any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", char))


def _fix_word(word: str) -> str:
    # Work on NFD so a tone is a separate code point we can move.
    return unicodedata.normalize("NFC", _OLD_STYLE_NFD.sub(_move_tone, unicodedata.normalize("NFD", word)))


# Old-style placement puts the tone on the second vowel of an open "oa", "oe", "uy"
# syllable (hoà, khoẻ, thuỷ); the modern one puts it on the first (hòa, khỏe, thủy).
# Only open syllables move: "hoàng", "khuỳnh" and "quý" (qu + y) are already right.
# In NFD the second vowel is followed by its tone mark: o a <tone>, u y <tone>.
_OLD_STYLE_NFD = re.compile(
    rf"(?<![qQ\w])((?:[^\W\d_](?![{_TONES}]))*?)"  # leading consonants, none toned
    rf"(?<![qQ])([oO])([aAeE])([{_TONES}])(?![\w\u0300-\u036f])"
    rf"|(?<![\w\u0300-\u036f])((?:[^\W\d_](?![{_TONES}]))*?)(?<![qQ])([uU])([yY])([{_TONES}])(?![\w\u0300-\u036f])"
)


def _move_tone(match: re.Match[str]) -> str:
    if match.group(2) is not None:
        onset, first, second, tone = match.group(1), match.group(2), match.group(3), match.group(4)
    else:
        onset, first, second, tone = match.group(5), match.group(6), match.group(7), match.group(8)
    if onset.lower().endswith("q"):
        return match.group(0)
    return f"{onset}{first}{tone}{second}"


def normalize_text(text: str) -> str:
    """Repair mojibake, compose to NFC, fix tone placement, and tidy whitespace.

    Quotes are left curly (``uncurl_quotes=False``): the summary must quote the source as written.
    """
    if _NEEDS_FTFY.search(text) or ("&" in text and _HTML_ENTITY.search(text)):
        text = ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=True, normalization="NFC")
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = fix_tone_placement(text)
    lines = [line.strip() for line in _SPACES.sub(" ", text).split("\n")]  # (no line break in _SPACES)
    lines = [_STRAY_LEAD.sub("", line) if line[:1] in _STRAY_MARKS else line for line in lines]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
