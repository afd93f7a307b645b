"""Office holders that date a text: one written "Tổng thống Mỹ Joe Biden" is of 2021 or later.

A title before its holder's name is evidence of when a text was written, as a year it names
as past is (``time_context.past_year_floor``): news does not give anyone an office before they
hold it, though it keeps the title in retrospect ("Tổng thống Trump khi đó"), so only a term's
start is a bound, and its end after "cựu"/"nguyên" (former). The holders are a text file,
``resources/office_terms.txt``, world knowledge that goes stale and is kept by adding lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tomtat.vi.letters import UPPER
from tomtat.vi.resources import lines as resource_lines

OFFICE_TERMS_FILE = "office_terms.txt"
# Capitalized words between title and name, a country's or a body's ("Bộ trưởng Quốc phòng Mỹ
# Lloyd Austin", "Chủ tịch Fed Jerome Powell"; a dot inside a word, as in "TP.HCM", not at its end).
_MAX_WORDS_BETWEEN = 3
# Before the title, words that make it someone else's office or one not held: a deputy ("Phó
# Tổng thống Joe Biden"), a candidate ("cựu ứng cử viên Tổng thống Lee Jae-myung" in 2022).
_NOT_THE_HOLDER = re.compile(r"(?<!\w)(?:phó|ứng cử viên|ứng viên|ứng cử|tranh cử|đề cử)\s+$")
_FORMER = re.compile(r"(?<!\w)(?:cựu|nguyên)\s+$")
_HEAD_REACH = 16  # characters read before a title: the longest of the words above and a space


@dataclass(frozen=True)
class _Term:
    start: int
    end: int | None


def _parse(rows: tuple[str, ...]) -> dict[tuple[str, str], list[_Term]]:
    terms: dict[tuple[str, str], list[_Term]] = {}
    for row in rows:
        fields = [f.strip() for f in row.split("|")]
        if len(fields) != 4 or not fields[2].isdigit() or (fields[3] and not fields[3].isdigit()):
            raise ValueError(f"{OFFICE_TERMS_FILE}: expected 'titles | names | first year | last year': {row!r}")
        term = _Term(int(fields[2]), int(fields[3]) if fields[3] else None)
        for title in filter(None, (t.strip() for t in fields[0].split(";"))):
            for name in filter(None, (n.strip() for n in fields[1].split(";"))):
                terms.setdefault((title.lower(), name.lower()), []).append(term)
    return terms


def _alternation(items: set[str]) -> str:
    return "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))




@dataclass(frozen=True)
class OfficeTerms:
    """The listed holders' terms, by (title, name) as written in lower case."""

    terms: dict[tuple[str, str], list[_Term]]
    pattern: re.Pattern[str]

    @classmethod
    def from_rows(cls, rows: tuple[str, ...]) -> "OfficeTerms":
        terms = _parse(rows)
        titles = {t for row in rows for t in (s.strip() for s in row.split("|")[0].split(";")) if t}
        names = {n for _, n in terms}
        # The title opens the pattern, as written (capitalized before a name): its capitals are
        # what the engine scans for, ten times faster than a case-blind title; what comes
        # before it is read in ``year_floor``.
        pattern = re.compile(
            rf"(?:{_alternation(titles)})"
            rf"(?P<between>(?:\s+[{UPPER}](?:[^\s,;:!?()]*[^\s,.;:!?()])?){{0,{_MAX_WORDS_BETWEEN}}}?)"
            rf"\s+(?=[{UPPER}])(?P<name>(?i:{_alternation(names)}))(?![\w-])")
        return cls(terms, pattern)

    @classmethod
    @cache
    def default(cls) -> "OfficeTerms":
        return cls.from_rows(resource_lines(OFFICE_TERMS_FILE))

    def year_floor(self, text: str) -> int | None:
        """The latest year the titled holders in ``text`` put it at or after, or None."""
        latest: int | None = None
        for m in self.pattern.finditer(text):
            if m.start() and text[m.start() - 1].isalnum():
                continue  # inside a word
            head = text[max(0, m.start() - _HEAD_REACH):m.start()].lower()
            if _NOT_THE_HOLDER.search(head):
                continue
            title = text[m.start():m.start("between")].lower()
            terms = self.terms.get((title, m.group("name").lower()))
            if not terms:
                continue  # the name is listed under another title
            if _FORMER.search(head):
                ended = [t.end for t in terms if t.end is not None]
                year = min(ended) if ended else min(t.start for t in terms)
            else:
                year = min(t.start for t in terms)
            latest = year if latest is None else max(latest, year)
        return latest
