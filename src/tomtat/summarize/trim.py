"""Make chosen sentences read well on their own, by removing text only.

Two small objects, both built from text files in ``tomtat/resources``:

* :class:`Openers` (``dangling_openers.txt``) knows the openers that lean on the sentence
  before: *removable* connectives ("Tuy nhiên,", "Trong khi đó,", "Cũng" before "theo ông
  X,") that the rest of the sentence stands without, and *referential* openers ("Ông này",
  "Điều này", "Theo đó,") that it does not. The selector takes a sentence that needs its
  predecessor only after that predecessor, and the pipeline puts it right behind it.
* :class:`PatternTrimmer` (``trim_patterns.txt``, ``news_outlets.txt``) removes inline photo
  notes ("(ảnh minh họa)", "(Ảnh: ...)"), reporter and agency credits ("(PV)", "(Theo X)" at
  the end), trailing outlet attributions after a complete statement (", theo Reuters.",
  ", hãng tin AFP cho biết."), press-interview preambles ("Trao đổi với phóng viên, " before
  a named subject), a relative day before its own date ("chiều nay (31/5)" ->
  "chiều 31/5") and, when the sentence does not follow its predecessor in the summary, a
  removable connective opener.

Faithfulness: the trimmed text is the source sentence with some spans deleted. No word is
added and no number or name is changed; the only other edits are dropping the spaces left
at a cut and upper-casing the first letter when text was removed from the front ("Tuy nhiên,
giá vàng tăng." -> "Giá vàng tăng.", "Hôm qua (ngày 31/5), ..." -> "Ngày 31/5, ...", "Trao
đổi với phóng viên, ông A cho biết ..." -> "Ông A cho biết ..."). A removal is skipped when what is left
would not be a sentence (fewer than ``min_words`` words, or an opener that points back).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Protocol

from tomtat.core.model import Removed
from tomtat.vi.dates import DAY, DateFinder
from tomtat.vi.time_context import is_background, is_plan
from tomtat.vi.openers import MIN_WORDS, Openers, WORD, capitalize_first, expand_pattern, word_count
from tomtat.vi.resources import lines as resource_lines, read_sections

PATTERNS_FILE = "trim_patterns.txt"
OUTLETS_FILE = "news_outlets.txt"


@dataclass(frozen=True)
class Trimmed:
    text: str
    removed: tuple[Removed, ...] = ()  # each removed part, with its reason (a section name, or "opener")


class Trimmer(Protocol):
    def __call__(self, text: str, *, after_predecessor: bool = False, first: bool = True) -> Trimmed: ...


class NoTrimmer:
    """Leaves every sentence as it is (``Options(trim=False)``)."""

    def __call__(self, text: str, *, after_predecessor: bool = False, first: bool = True) -> Trimmed:
        return Trimmed(text)


@dataclass(frozen=True)
class PatternTrimmer:
    """Removes what matches ``patterns`` (``(reason, regex)``), then a dangling removable
    opener unless the sentence comes right after its predecessor (``after_predecessor``), or
    it says the fact came earlier ("Trước đó,") in a sentence that does not open the summary
    or an event (``first``) and names no date of its own, a plan's or a background year aside
    (the connective is then all that tells the order)."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    openers: Openers | None = None
    min_words: int = MIN_WORDS

    @classmethod
    def default(cls, openers: Openers | None = None) -> "PatternTrimmer":
        return cls.from_lines(resource_lines(PATTERNS_FILE), outlets=resource_lines(OUTLETS_FILE),
                              openers=openers, source=PATTERNS_FILE)

    @classmethod
    def from_lines(cls, lines: Iterable[str], *, outlets: Iterable[str] = (), openers: Openers | None = None,
                   source: str = "<lines>") -> "PatternTrimmer":
        outlets = tuple(outlets)
        patterns = tuple((reason, re.compile(expand_pattern(p, outlets)))
                         for reason, items in read_sections(lines, source).items() for p in items)
        return cls(patterns, openers)

    def __call__(self, text: str, *, after_predecessor: bool = False, first: bool = True) -> Trimmed:
        removed: list[Removed] = []
        current = text
        for reason, pattern in self.patterns:
            start = 0
            while True:
                m = pattern.search(current, start)
                if not m or m.end() == m.start():
                    break
                candidate = _cut(current, m.start(), m.end())
                if m.start() == 0:
                    candidate = capitalize_first(candidate)  # "Trao đổi với phóng viên, ông A ..." -> "Ông A ..."
                if word_count(candidate) >= self.min_words and not self._new_referential(current, candidate):
                    removed.append(Removed(m.group(0).strip(), reason))
                    current = candidate
                    start = m.start()
                else:
                    start = m.end()
                if start >= len(current):
                    break
        current, relative = _relative_days_before_their_dates(current)
        removed.extend(relative)
        if self.openers is not None and not after_predecessor:
            prefix = self.openers.removable_prefix(current)
            if prefix and not self.openers.needs_predecessor(current) \
                    and (first or not self.openers.tells_earlier(current) or _names_a_date(current[prefix:])):
                removed.append(Removed(current[:prefix].strip(), "opener"))
                current = capitalize_first(current[prefix:])
        return Trimmed(current, tuple(removed))

    def _new_referential(self, before: str, after: str) -> bool:
        """A cut must not leave a sentence that points back where the whole one did not."""
        return self.openers is not None and self.openers.needs_predecessor(after) \
            and not self.openers.needs_predecessor(before)


# A day counted from the article's ("chiều nay", "hôm qua", "ngày hôm qua") right before the
# date it is ("chiều nay (31/5)", "ngày hôm qua 24/5"): the date alone says it, and reads right
# wherever the sentence goes ("chiều 31/5", "ngày 24/5").
_RELATIVE_DAY = re.compile(
    r"(?<!\w)(?P<head>[Ss]áng|[Tt]rưa|[Cc]hiều|[Tt]ối|[Đđ]êm|[Rr]ạng sáng|[Hh]ôm|[Nn]gày hôm) (?P<rel>nay|qua|kia)"
    r"(?P<open> \(| )(?P<day>(?:ngày )?(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})(?:[/.-]\d{4})?)(?![\d/.-]?\d)(?P<close>\))?")


def _relative_days_before_their_dates(text: str) -> tuple[str, list[Removed]]:
    """``text`` without the relative day words (and the brackets) before an explicit date:
    "chiều nay (31/5)" -> "chiều 31/5", "hôm qua (ngày 31/5)" -> "ngày 31/5", "ngày hôm qua
    24/5" -> "ngày 24/5". Only words are removed."""
    removed: list[Removed] = []

    def shorter(m: re.Match[str]) -> str:
        if (m.group("open") == " (") != bool(m.group("close")):
            return m.group(0)  # an unclosed bracket: left as it is
        if not (1 <= int(m.group("d")) <= 31 and 1 <= int(m.group("m")) <= 12):
            return m.group(0)  # "tối nay 20.30": a time, not a date
        head, rel, day = m.group("head"), m.group("rel"), m.group("day")
        if head.lower() in ("hôm", "ngày hôm") and day.startswith("ngày "):
            kept, gone = day, f"{head} {rel}"  # "hôm qua (ngày 31/5)"
        elif head.lower() == "ngày hôm":
            kept, gone = f"{head.split()[0]} {day}", f"hôm {rel}"  # "ngày hôm qua 24/5"
        else:
            kept, gone = f"{head} {day}", rel  # "chiều nay (31/5)", "hôm nay 3/6"
        removed.append(Removed(gone, "relative day"))
        return capitalize_first(kept) if head[:1].isupper() else kept

    return _RELATIVE_DAY.sub(shorter, text), removed


# A whole day counted from the article's, opening the sentence: "Hôm qua, ...", "Ngày hôm nay, ...".
_RELATIVE_DAY_OPENER = re.compile(r"(?:[Nn]gày )?[Hh]ôm (?:qua|nay|kia),\s*")


def without_the_days_word(trimmed: Trimmed, day: date, anchor: date | None, openers: Openers | None = None) -> Trimmed:
    """``trimmed`` without an opening "Hôm qua," when the event it is shown under is labelled
    with the day it means ("31/5/2016: Hôm qua, ĐT Đức công bố ..." -> "ĐT Đức công bố ..."):
    the label says it, and "hôm qua" would be counted from the reader's day."""
    m = _RELATIVE_DAY_OPENER.match(trimmed.text)
    if m is None or anchor is None:
        return trimmed
    # The date finder counts the day from the article's, as the story's dates do.
    meant = next((d for d in DateFinder().find(m.group(0), anchor) if d.precision == DAY), None)
    if meant is None or (meant.year, meant.month, meant.day) != (day.year, day.month, day.day):
        return trimmed
    rest = capitalize_first(trimmed.text[m.end():])
    if word_count(rest) < MIN_WORDS or (openers is not None and openers.needs_predecessor(rest)):
        return trimmed
    return Trimmed(rest, trimmed.removed + (Removed(m.group(0).strip(), "relative day"),))


def _names_a_date(text: str) -> bool:
    """Does ``text`` give its fact a date of its own (not a plan's, not a background year)?"""
    return any(not is_plan(text, m) and not is_background(text, m) for m in DateFinder().find(text))


_END_MARK = re.compile(r"[.!?…][\"'”’»)\]]*$")
_TRAILING = re.compile(r"[\s,;:\-–—]+$")


def with_end_mark(text: str) -> str:
    """``text`` ending with its end mark: a full stop is added when the source line has none
    ("..., ông A nói" -> "..., ông A nói."), after dropping a dangling comma or colon.
    Presentation only: the source sentence and its offsets are left as they are."""
    stripped = text.rstrip()
    if not stripped or _END_MARK.search(stripped):
        return stripped
    return _TRAILING.sub("", stripped) + "."


def _cut(text: str, start: int, end: int) -> str:
    """``text`` without ``text[start:end]``, dropping the spaces the cut leaves behind."""
    left, right = text[:start], text[end:]
    if not left.strip():
        return right.lstrip()
    if not right.strip():
        return left.rstrip()
    if right[:1].isspace() or right[:1] in ",.;:!?…)]”’»":
        left = left.rstrip()
        if right[:1].isspace() and right.lstrip()[:1] in ",.;:!?…)]”’»":
            right = right.lstrip()
    if not left[-1:].isspace() and not right[:1].isspace() and right[:1].isalnum():
        # A cut between two words would glue them; keep one of the spaces that were there.
        gap = text[start:end]
        if gap[:1].isspace():
            left = left + gap[0]
        elif gap[-1:].isspace():
            right = gap[-1] + right
    return left + right


def check_removal_only(source: str, trimmed: str) -> bool:
    """True when ``trimmed`` is ``source`` with spans deleted (case of letters aside):
    every word of the trimmed text appears, in order, among the source's words."""
    src = [w.lower() for w in WORD.findall(source)]
    k = 0
    for word in (w.lower() for w in WORD.findall(trimmed)):
        while k < len(src) and src[k] != word:
            k += 1
        if k == len(src):
            return False
        k += 1
    return True

