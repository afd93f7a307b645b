"""Office holders that date a text: one written "Tổng thống Mỹ Joe Biden" is of 2021 or later.

A title before its holder's name is evidence of when a text was written, as a year it names
as past is: news keeps a title in retrospect ("Tổng thống Trump khi đó") but seldom gives it
early, and the ways it does (a candidate, an elect, a new holder before the inauguration, an
acting one) are read as not the holder; so only a term's start is a bound, and its end after
"cựu"/"nguyên" (former). The bound is weaker evidence than a written year (a hypothetical "một
chính quyền Tổng thống Biden" in a campaign's news, a line of the list gone wrong), so it only
bounds a label (``time_context.label_year_floor``), never gives a day its year. The holders are
a text file, ``resources/office_terms.txt``, world knowledge kept by adding lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tomtat.vi.letters import UPPER
from tomtat.vi.resources import alternation, lines as resource_lines

OFFICE_TERMS_FILE = "office_terms.txt"
# Capitalized words between title and name, a country's ("Bộ trưởng Quốc phòng Mỹ Lloyd Austin",
# "Thủ tướng Đức Olaf Scholz"); a dot inside a word, not at its end. Not an abbreviation in
# capitals: that names another body, whose head the title then is ("Chủ tịch QH Nguyễn Phú
# Trọng", "Chủ tịch UBND Quảng Nam Nguyễn Xuân Phúc"): a body's head is listed with the body
# in the title ("Tổng thư ký NATO"). A short name (one word) comes after one such word at most:
# "Thủ tướng Canada Pierre Trudeau" is not Justin.
_MAX_WORDS_BETWEEN = 3
_MAX_WORDS_BEFORE_A_SHORT_NAME = 1
# Before the title, words that make it someone else's office or one not yet held: a deputy
# ("Phó Tổng thống Joe Biden"), a candidate ("cựu ứng cử viên Tổng thống Lee Jae-myung" in
# 2022), the new holder before the inauguration ("Tân Tổng thống Mỹ Joe Biden sẽ nhậm chức"),
# an acting one ("Quyền Bộ trưởng", often the year before the term).
_NOT_THE_HOLDER = re.compile(r"(?<!\w)(?:phó|ứng cử viên|ứng viên|ứng cử|tranh cử|đề cử|tân|quyền)\s+$")
_FORMER = re.compile(r"(?<!\w)(?<!giữ )(?:cựu|nguyên)\s+$")  # not "giữ nguyên" (kept on)
_HEAD_REACH = 16  # characters read before a title: the longest of the words above and a space


@dataclass(frozen=True)
class _Term:
    start: int
    end: int | None


def _parse(rows: tuple[str, ...]) -> tuple[dict[tuple[str, str], list[_Term]], set[str]]:
    """The terms by (title, name) in lower case, and the titles as written."""
    terms: dict[tuple[str, str], list[_Term]] = {}
    titles: set[str] = set()
    for row in rows:
        fields = [f.strip() for f in row.split("|")]
        if len(fields) != 4 or not fields[2].isdigit() or (fields[3] and not fields[3].isdigit()):
            raise ValueError(f"{OFFICE_TERMS_FILE}: expected 'titles | names | first year | last year': {row!r}")
        term = _Term(int(fields[2]), int(fields[3]) if fields[3] else None)
        for title in filter(None, (t.strip() for t in fields[0].split(";"))):
            titles.add(title)
            for name in filter(None, (n.strip() for n in fields[1].split(";"))):
                terms.setdefault((title.lower(), name.lower()), []).append(term)
    return terms, titles


@dataclass(frozen=True)
class OfficeTerms:
    """The listed holders' terms, by (title, name) as written in lower case."""

    terms: dict[tuple[str, str], list[_Term]]
    pattern: re.Pattern[str]

    @classmethod
    def from_rows(cls, rows: tuple[str, ...]) -> "OfficeTerms":
        terms, titles = _parse(rows)
        names = {n for _, n in terms}
        # The title opens the pattern, as written (capitalized before a name): its capitals are
        # what the engine scans for, ten times faster than a case-blind title; what comes
        # before it is read in ``year_floor``.
        pattern = re.compile(
            rf"(?:{alternation(titles)})"
            rf"(?P<between>(?:[^\S\n]+[{UPPER}](?:[^\s,;:!?()]*[^\s,.;:!?()])?){{0,{_MAX_WORDS_BETWEEN}}}?)"
            rf"[^\S\n]+(?=[{UPPER}])(?P<name>(?i:{alternation(names)}))(?![\w-])")
        return cls(terms, pattern)

    @classmethod
    @cache  # one per process: the packaged file does not change while it runs
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
            between = m.group("between").split()
            name = m.group("name")
            if any(w.upper() == w for w in between) \
                    or (" " not in name and len(between) > _MAX_WORDS_BEFORE_A_SHORT_NAME):
                continue
            title = text[m.start():m.start("between")].lower()
            terms = self.terms.get((title, name.lower()))
            if not terms:
                continue  # the name is listed under another title
            if _FORMER.search(head):
                ended = [t.end for t in terms if t.end is not None]
                year = min(ended) if ended else min(t.start for t in terms)
            else:
                year = min(t.start for t in terms)
            latest = year if latest is None else max(latest, year)
        return latest
