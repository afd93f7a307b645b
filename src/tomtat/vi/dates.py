"""Dates in running text: find them, resolve them against an anchor (the publication date), keep precision.

Publication dates and scrapers' date lines are read by :mod:`tomtat.vi.published`; its
:func:`parse_published` and :func:`is_date_line` are importable from here too.
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_right, insort
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from tomtat.vi.published import MONTH_WORDS, WEEKDAY, is_date_line, parse_published

__all__ = ["DAY", "DAY_MONTH", "MONTH", "MONTH_ONLY", "PRECISIONS", "UNRESOLVED", "WEEK", "YEAR", "FORM_OF",
           "DateFinder", "DateMention", "article_anchor", "is_date_line", "parse_published"]

# Precision of a resolved date. A year is never invented: without one in the text or an
# anchor, a day and month stay "day-month" (year unknown) and a month stays "month-only".
DAY, MONTH, YEAR, WEEK = "day", "month", "year", "week"
DAY_MONTH, MONTH_ONLY, UNRESOLVED = "day-month", "month-only", "unresolved"
PRECISIONS = (DAY, WEEK, MONTH, YEAR, DAY_MONTH, MONTH_ONLY, UNRESOLVED)

_NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
                 "chín": 9, "mười": 10, "vài": None, "mấy": None}
_MONTH_WORD_RE = "mười hai|mười một|mười|giêng|chạp|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín"

_B = r"(?<![\w/.\-])"  # not glued to a preceding word, number or separator
# The same test made after the first 1, 3, 4 or 5 characters (a digit, "năm", "ngày", "tháng"):
# a pattern that opens with a digit or a word lets the regex engine skip to it in C rather
# than try every position (about twice as fast for these forms; the same matches).
_B1, _B3, _B4, _B5 = (rf"(?<![\w/.\-]{'.' * n})" for n in (1, 3, 4, 5))
_E = r"(?![\w/\-]|\.\d)"
_TIME = r"(?:\d{1,2}\s*(?:h|giờ|:)\s*(?:\d{2})?\s*(?:phút)?\s*(?:sáng|chiều|tối|trưa)?\s*)"
_PART = r"(?:sáng|trưa|chiều|tối|đêm|rạng\s+sáng|khuya|sớm)"

# Order matters: longer forms first; each match claims its span.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(p, re.IGNORECASE)) for name, p in (
    ("full_words", rf"{_B}(?:ngày\s+)?(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})\s*(?:,\s*)?năm\s+(?P<y>\d{{4}}){_E}"),
    ("weekday_full", rf"{_B}{WEEKDAY}\s*,?\s*(?:ngày\s+)?(?P<d>\d{{1,2}})\s*[/\-.]\s*(?P<m>\d{{1,2}})\s*[/\-.]\s*(?P<y>\d{{4}}){_E}"),
    ("full", rf"(?P<d>\d{_B1}\d?)\s?[/\-.]\s?(?P<m>\d{{1,2}})\s?[/\-.]\s?(?P<y>\d{{4}}){_E}"),
    ("iso", rf"(?P<y>\d{_B1}\d{{3}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){_E}"),
    ("day_month_words", rf"ngày{_B4}\s+(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}}){_E}"),
    ("day_month", rf"(?:(?:{_TIME})?(?:ngày|hôm|{_PART}|{WEEKDAY})\s*,?\s*(?:ngày\s+|hôm\s+)?)(?P<d>\d{{1,2}})\s?[/\-.]\s?(?P<m>\d{{1,2}}){_E}"),
    # "chiếm đến 1/4 chi phí", "tăng lên đến 1/3": after "chiếm" (a share) or "lên" (a rise)
    # "đến"/"tới" is "as much as", a fraction.
    ("day_month_bare", rf"(?:vào|từ|(?<!chiếm\s)(?<!lên\s)(?:đến|tới)|trước|sau|đầu|cuối|giữa)\s+(?:ngày\s+)?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}}){_E}"),
    # "hôm qua (29/8)", "chiều nay (3.9)": the day in brackets names the relative word's day;
    # a bracketed "2/3" alone is as often a fraction, so the word before it is required.
    ("day_month_paren", rf"(?<!\w)(?:(?:ngày\s+)?hôm\s+(?:qua|nay|kia)|ngày\s+mai|{_PART}\s+(?:nay|qua|mai)|{WEEKDAY})\s*\(\s*(?P<d>\d{{1,2}})\s?[/\-.]\s?(?P<m>\d{{1,2}})\s*\)"),
    # "tháng 1.2015" (dot, as many outlets write it) beside "tháng 1/2015", "tháng 1 năm 2015"
    # and "tháng Năm 2022", "tháng năm năm 2022" (May 2022; not "6 tháng năm 2022", see _COUNTED)
    ("month_year", rf"tháng{_B5}\s+(?:(?P<m>\d{{1,2}})\s*(?:/|năm|-|\.)\s*|(?P<mw>{_MONTH_WORD_RE})\s+(?:năm\s+)?)"
                   rf"(?P<y>(?:19|20)\d{{2}}){_E}"),
    ("month", rf"tháng{_B5}\s+(?:(?P<m>\d{{1,2}})|(?P<mw>{_MONTH_WORD_RE})(?!\s+(?:ngày|tuần|tháng|năm)))(?P<tail>\s+(?:năm\s+nay|năm\s+ngoái|năm\s+trước|năm\s+sau|năm\s+tới|tới|sắp\s+tới|này|vừa\s+qua|vừa\s+rồi|qua|trước|sau))?{_E}"),
    # A span of years: "năm 2007 - 2009", "năm 2015 đến năm 2017" (the years of alleged acts, of a
    # plan's review): the period, not its first year alone. Its own pattern, before the year's: where
    # another date has taken its start ("tháng 3 năm 2015 đến năm 2017"), the last year is still
    # read alone. "năm 2007-2008", hyphen glued, stays no date, as it was ("Tương tự như cuộc khủng
    # hoảng năm 2007-2008, ..." compares); nor is a count after it ("Năm 2019 tới 2020 triệu ...").
    ("year_span", rf"năm{_B3}\s+(?P<y>(?:19|20)\d{{2}})(?:\s+-|\s*[–—]|\s+(?:đến|tới))\s*(?:năm\s+)?(?P<y2>(?:19|20)\d{{2}}){_E}"
                  r"(?!\s*(?:triệu|nghìn|ngàn|tỷ|tỉ|người|đồng|usd)(?!\w))"),
    ("year", rf"năm{_B3}\s+(?P<y>(?:19|20)\d{{2}}){_E}"),
    # A weekday counted from the publication's week: "thứ bảy tuần qua", "chủ nhật tuần này",
    # "thứ Hai vừa qua" (a hand check read "tối thứ bảy tuần qua" of a Tuesday's article
    # labelled with the Monday that began last week, the week's date). Before "N tuần trước":
    # "Thứ ba tuần trước" is last week's Tuesday, not three weeks ago.
    # Only after a word of time or where a phrase starts: "lần thứ hai tuần này" is the second
    # time this week; and not a week counted from another time ("tuần trước đó": the week before
    # a day named earlier, "tuần trước nữa": the week before last).
    ("weekday_relative", r"(?:(?<!\w)(?:hôm|vào|ngày|sáng|trưa|chiều|tối|đêm|khuya|hồi|từ|đến|trong)\s+|^|(?<=[,;:(.]\s))"
                         r"(?P<wd>thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s+"
                         r"(?P<rel>tuần\s+(?:qua|trước|này|tới|sau)|vừa\s+qua)(?!\w)(?!\s+(?:đó|nữa|khi|đây)(?!\w))"),
    ("relative_n", rf"{_B}(?<!thứ\s)(?P<n>\d{{1,2}}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?P<unit>ngày|tuần|tháng|năm)\s+trước(?!\s+(?:khi|đó|đây))"),
    ("same_time", r"cùng(?<!\w....)\s+(?:ngày|hôm|thời\s+điểm|lúc|thời\s+gian|buổi)(?!\w)(?!\s+(?:\d|này|đó|với|mai))"),
    ("part_relative", rf"(?<!\w)(?P<part>{_PART})\s+(?P<rel>nay|qua|mai)(?!\w)"),
    ("relative", r"(?<!\w)(?<!\d\s)(?P<q>đầu|cuối|giữa)?\s*(?P<rel>hôm\s+qua|hôm\s+nay|ngày\s+hôm\s+qua|ngày\s+hôm\s+nay|hôm\s+kia|ngày\s+mai|tuần\s+trước|tuần\s+qua|tuần\s+này|tuần\s+tới|tháng\s+trước|tháng\s+này|tháng\s+tới|năm\s+ngoái|năm\s+trước|năm\s+nay|năm\s+tới|năm\s+sau)(?!\w)"),
))

# Words a pattern cannot match without (lower case): each group is a list of words of which
# the text must have one; a pattern missing any group's words is not searched. Most sentences
# name no date, and a search of the longer patterns costs 10-40 us a sentence, a word test
# next to nothing (about 2.5x less time finding dates with the first groups; the second
# groups, the words after "hôm" or before "qua", another ~30%).
_PARTS = ("sáng", "trưa", "chiều", "tối", "đêm", "rạng", "khuya", "sớm")
_WEEKDAYS = ("thứ", "chủ", "cn")
_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "full_words": (("tháng",),), "weekday_full": (_WEEKDAYS,), "iso": (("-",),),
    "day_month_words": (("tháng",),), "day_month": (("ngày", "hôm", *_PARTS, *_WEEKDAYS),),
    "day_month_bare": (("/",), ("vào", "từ", "đến", "tới", "trước", "sau", "đầu", "cuối", "giữa")),
    "day_month_paren": (("(",), ("nay", "qua", "mai", "kia", *_WEEKDAYS)),
    "month_year": (("tháng",),), "month": (("tháng",),), "year_span": (("năm",),), "year": (("năm",),),
    "relative_n": (("trước",), ("ngày", "tuần", "tháng", "năm")), "same_time": (("cùng",),),
    "weekday_relative": (("thứ", "chủ"), ("qua", "trước", "này", "tới", "sau")),
    "part_relative": (("nay", "qua", "mai"), _PARTS),
    "relative": (("hôm", "ngày", "tuần", "tháng", "năm"),
                 ("qua", "nay", "kia", "mai", "trước", "này", "tới", "ngoái", "sau")),
}

# The form each pattern reports (the benchmark counts per form).
FORM_OF = {"full_words": "full", "weekday_full": "full", "full": "full", "iso": "full",
           "day_month_words": "partial", "day_month": "partial", "day_month_bare": "partial", "day_month_paren": "partial",
           "month_year": "partial", "month": "partial", "year_span": "partial", "year": "partial",
           "relative_n": "relative", "relative": "relative", "same_time": "relative", "part_relative": "relative",
           "weekday_relative": "relative"}


_DIGIT = re.compile(r"\d")
# A count or quantifier right before "tháng": months counted ("6 tháng năm 2022", "vài tháng năm
# nay", "các tháng năm 2020"), so a lower-case "năm" after it is the year's word, not May (a hand
# check read "tháng 5/2022" over a half-year report). Not a day before it ("ngày 5 tháng năm",
# "sáng 15 tháng năm"), nor "tháng Năm" written as a month's name, nor another month word
# ("13 tháng Sáu").
_COUNTED = re.compile(r"(?<!\w)(?:(?<!ngày\s)(?<!sáng\s)(?<!trưa\s)(?<!chiều\s)(?<!tối\s)(?<!đêm\s)(?<!hôm\s)"
                      r"(?<!mùng\s)(?<!mồng\s)\d{1,3}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|vài|mấy|các|những"
                      r"|nhiều|hàng|mỗi|từng)\s+$", re.IGNORECASE)
_LONGEST_SPAN = 50  # years; "năm 2009 - 2007" or "năm 1990 - 2090" is no span
# Without a digit, a date is one of these words (looked for in the lower-cased text: a
# substring test per word is several times faster than one case-insensitive alternation).
_TIME_WORDS = ("hôm", "tuần", "tháng", "năm", "ngày", "cùng", "nay", "qua", "mai")
# Day and month joined by a separator ("12/3", "12 - 3", "2024-03-12"): the forms below
# cannot match without it, and most numbers in news ("120 chuyến") have none.
_DAY_SEPARATOR = re.compile(r"\d\s*[/\-.]\s*\d")
# A street or the revolution a date names is no date of the story: "đường 8 tháng 3", "phố 3
# tháng 2", "đường Cách mạng tháng Tám" (a hand check found "tháng 3/2016" labelling a raid on
# a shop in "đường 8 tháng 3").
_NAMED_AFTER_A_DATE = re.compile(r"(?<!\w)(?:(?:đường|(?<!thành\s)phố|đại\s+lộ)\s+(?:\d{1,2}\s+)?|cách\s+mạng\s+)$",
                                 re.IGNORECASE)
_STREET_DATE_START = re.compile(r"\d|tháng(?!\w)", re.IGNORECASE)  # such a name is "8 tháng 3", "tháng Tám", never "ngày 12/3"
# An uprising named after its month, by the month's word ("Tổng khởi nghĩa tháng Tám năm 1945");
# one dated by its number is dated ("cuộc khởi nghĩa tháng 3/1930").
_UPRISING_BEFORE = re.compile(r"(?<!\w)khởi\s+nghĩa\s+$", re.IGNORECASE)
_MONTH_BY_WORD = re.compile(r"tháng\s+(?!\d)", re.IGNORECASE)


def _names_a_place_or_event(text: str, start: int) -> bool:
    """Does the date at ``start`` name a street, the revolution or an uprising rather than a
    time ("đường 8 tháng 3", "Cách mạng tháng Tám", "khởi nghĩa tháng Tám")?"""
    return bool(_STREET_DATE_START.match(text, start) and _NAMED_AFTER_A_DATE.search(text, max(0, start - 24), start)) \
        or bool(_MONTH_BY_WORD.match(text, start) and _UPRISING_BEFORE.search(text, max(0, start - 16), start))


_NEEDS_SEPARATOR = frozenset({"weekday_full", "full", "iso", "day_month", "day_month_bare", "day_month_paren"})
_NEEDS_DIGIT = frozenset({"full_words", "weekday_full", "full", "iso", "day_month_words", "day_month",
                          "day_month_bare", "day_month_paren", "month_year", "year_span", "year"})

# Each pattern with what it cannot match without: (kind, patterns, words, a digit, a separator).
# Patterns come twice: as compiled (case-blind) and without IGNORECASE for the lower-cased text
# (the patterns are lower case; about twice as fast for the longest two). The case-blind form
# serves the rare text whose lower-casing changes its length (offsets would not map back).
_PLAN = tuple((kind, (pattern, re.compile(pattern.pattern)), tuple(frozenset(group) for group in _NEEDS.get(kind, ())),
               kind in _NEEDS_DIGIT, kind in _NEEDS_SEPARATOR) for kind, pattern in _PATTERNS)
# Every word some pattern needs, each looked for as a substring of the lower-cased text.
NEEDED_WORDS = tuple(sorted({w for groups in _NEEDS.values() for group in groups for w in group}))


_WEEKDAY_INDEX = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5, "nhật": 6}


def _weekday_of(anchor: date, weekday: str, relative: str) -> date:
    """The day "thứ bảy tuần qua" / "chủ nhật tuần này" / "thứ Hai vừa qua" names, counted from
    ``anchor``: a week runs Monday to Sunday ("thứ Hai" to "chủ nhật"); "vừa qua" is the last
    such weekday before the anchor's day."""
    word = weekday.split()[-1].lower()
    index = int(word) - 2 if word.isdigit() else _WEEKDAY_INDEX[word]
    rel = " ".join(relative.lower().split())
    if rel.startswith("vừa"):
        return anchor - timedelta(days=(anchor.weekday() - index) % 7 or 7)
    weeks = {"tuần qua": -1, "tuần trước": -1, "tuần này": 0, "tuần tới": 1, "tuần sau": 1}[rel]
    return anchor + timedelta(days=7 * weeks - anchor.weekday() + index)


def span_end(until: int | None) -> str | None:
    """A span of years' last year ("năm 2007 - 2009": ``2009``) as a year is written in a date's
    ISO form; None for no span. The one format of it: the timeline, the story's events and their
    labels all give it so."""
    return f"{until:04d}" if until else None


@dataclass(frozen=True)
class DateMention:
    """A date expression found in text, resolved as far as the text and anchor allow."""

    text: str
    start: int
    end: int
    kind: str  # which pattern: full, weekday_full, day_month, month, year, relative, ...
    precision: str  # one of PRECISIONS
    year: int | None = None
    month: int | None = None
    day: int | None = None
    anchored: bool = False  # the year (or the whole date) came from the anchor
    note: str = ""
    until: int | None = None  # a span of years ("năm 2007 - 2009"): its last year; ``year`` is its first

    @property
    def form(self) -> str:
        return FORM_OF[self.kind]

    @property
    def resolved(self) -> bool:
        return self.precision != UNRESOLVED

    @property
    def value_end(self) -> str | None:
        """A span of years' last year as ``value`` gives a year (``2009``), else None."""
        return span_end(self.until)

    @property
    def value(self) -> str | None:
        """ISO 8601 style: ``2018-05-31``, ``2018-05``, ``2018``, ``--12-12`` (year unknown), ``--09``."""
        if self.precision in (DAY, WEEK):
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.precision == MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        if self.precision == YEAR:
            return f"{self.year:04d}"  # a span of years: its first (``until`` is its last)
        if self.precision == DAY_MONTH:
            return f"--{self.month:02d}-{self.day:02d}"
        if self.precision == MONTH_ONLY:
            return f"--{self.month:02d}"
        return None

    def sort_key(self) -> tuple[int, int, int]:
        """Year unknown sorts after every known year (it is not guessed)."""
        return (self.year if self.year is not None else 9999, self.month or 0, self.day or 0)

    def compatible(self, other: "DateMention") -> bool:
        """Could both name the same time? Unknown parts match anything."""
        if not self.resolved or not other.resolved:
            return True
        for a, b in ((self.year, other.year), (self.month, other.month), (self.day, other.day)):
            if a is not None and b is not None and a != b:
                return False
        return True

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "start": self.start, "end": self.end, "form": self.form, "kind": self.kind,
                "precision": self.precision, "value": self.value, "year": self.year, "month": self.month,
                "day": self.day, "until": self.until, "year_known": self.year is not None, "note": self.note}


def valid_date(year: int | None, month: int, day: int | None) -> bool:
    """Is day/month (of ``year``; of any year when None, so 29/2 is) a date?"""
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    limit = calendar.monthrange(year, month)[1] if year else (29 if month == 2 else calendar.monthrange(2001, month)[1])
    return 1 <= day <= limit


def _shift_months(d: date, months: int) -> tuple[int, int]:
    index = d.year * 12 + (d.month - 1) + months
    return index // 12, index % 12 + 1


_RECENT = 8192  # sentences whose dates a DateFinder keeps


_WORD_BIT = {word: 1 << k for k, word in enumerate(NEEDED_WORDS)}


@lru_cache(maxsize=4)
def _allowed(has_digit: bool, has_separator: bool) -> tuple[tuple[str, tuple[re.Pattern[str], re.Pattern[str]],
                                                                  tuple[frozenset[str], ...]], ...]:
    """The plan's patterns (kind, patterns, word groups) that a text's digits and separators leave in."""
    return tuple((kind, pattern, needs) for kind, pattern, needs, needs_digit, needs_separator in _PLAN
                 if not (needs_digit and not has_digit) and not (needs_separator and not has_separator))


@lru_cache(maxsize=4)
def _words_for(has_digit: bool, has_separator: bool) -> tuple[str, ...]:
    """The words worth looking for in a text with these traits: those of the patterns its
    digits and separators leave in (23 of the 35 without a day separator; each test reads the text)."""
    return tuple(word for word in NEEDED_WORDS
                 if any(word in group for _, _, needs in _allowed(has_digit, has_separator) for group in needs))


_PLANS: dict[int, tuple[tuple[str, tuple[re.Pattern[str], re.Pattern[str]]], ...]] = {}


def _patterns_for(has_digit: bool, has_separator: bool,
                  present: int) -> tuple[tuple[str, tuple[re.Pattern[str], re.Pattern[str]]], ...]:
    """The patterns (in order) that can match a text with these traits (``present``: the bits of
    :data:`_WORD_BIT` of the words it holds). Sentences share a few hundred plans but thousands
    of word sets, so the plan is remembered by an int, not by the set (a 1,024-set memory
    missed half the time)."""
    key = present << 2 | has_digit << 1 | has_separator
    plan = _PLANS.get(key)
    if plan is None:
        plan = tuple((kind, pattern) for kind, pattern, needs in _allowed(has_digit, has_separator)
                     if all(any(present & _WORD_BIT[w] for w in group) for group in needs))
        if len(_PLANS) >= _RECENT:
            _PLANS.clear()
        _PLANS[key] = plan
    return plan


# "hồi tháng 6", "hồi đầu tháng 6": a month told as past.
_RECALLED = re.compile(r"(?<!\w)hồi(?:\s+(?:đầu|giữa|cuối))?\s+$", re.IGNORECASE)


class DateFinder:
    """Finds and resolves date expressions. ``find(text, anchor)``; the anchor is a ``date`` or None."""

    # A day-month more than this many days after the anchor is taken as last year's.
    future_slack_days = 45

    def find(self, text: str, anchor: date | None = None) -> list[DateMention]:
        # Event selection and the timeline date the same sentences with the same anchors; the
        # instance keeps its recent answers (bounded), so the second pass costs nothing. (The
        # story summarizer gives each cluster its own finder, so no summary gains from another.)
        # A plain dict, not an lru_cache around a closure over self: no reference cycle, so a
        # cluster's finder is freed with the cluster rather than by the cyclic collector.
        recent: dict[tuple[str, date | None], tuple[DateMention, ...]] = self.__dict__.setdefault("_recent", {})
        found = recent.get((text, anchor))
        if found is None:
            if len(recent) >= _RECENT:  # bounded: start again rather than grow
                recent.clear()
            found = recent[(text, anchor)] = tuple(self._find(text, anchor))
        return list(found)

    def __getstate__(self) -> dict[str, object]:  # the cache stays behind (a worker builds its own)
        return {k: v for k, v in self.__dict__.items() if k != "_recent"}

    def _find(self, text: str, anchor: date | None) -> list[DateMention]:
        # The spans claimed, sorted and disjoint: a match's overlap is one bisect, so a text of
        # thousands of dates (a hostile input) is not read in quadratic time.
        taken: list[tuple[int, int]] = []
        out: list[DateMention] = []
        has_digit = _DIGIT.search(text) is not None
        lower = text.lower()
        if not has_digit and not any(map(lower.__contains__, _TIME_WORDS)):
            return out
        has_separator = has_digit and _DAY_SEPARATOR.search(text) is not None
        present = sum(map(_WORD_BIT.__getitem__, filter(lower.__contains__, _words_for(has_digit, has_separator))))
        searched, lowered = (lower, 1) if len(lower) == len(text) else (text, 0)
        for kind, patterns in _patterns_for(has_digit, has_separator, present):
            for match in patterns[lowered].finditer(searched):
                start, end = match.span()
                while start < end and text[start].isspace():
                    start += 1
                at = bisect_right(taken, (start, end))
                if (at and taken[at - 1][1] > start) or (at < len(taken) and taken[at][0] < end) \
                        or _names_a_place_or_event(text, start):
                    continue
                try:
                    mention = self._resolve(kind, match, text[start:end], start, end, anchor)
                except (OverflowError, ValueError, KeyError):  # past year 1 or 9999, or a case-folded word
                    # the tables do not know ("kıa" matched as "kia"): no usable date
                    mention = None
                if mention is not None:
                    insort(taken, (start, end))
                    out.append(mention)
        return sorted(out, key=lambda m: m.start)

    def _resolve(self, kind: str, match: re.Match[str], text: str, start: int, end: int,
                 anchor: date | None) -> DateMention | None:
        g = match.groupdict()
        base: dict[str, Any] = dict(text=text, start=start, end=end, kind=kind)
        if kind in ("full_words", "weekday_full", "full", "iso"):
            y, m, d = int(g["y"]), int(g["m"]), int(g["d"])
            if not valid_date(y, m, d):
                return None
            return DateMention(**base, precision=DAY, year=y, month=m, day=d)
        if kind in ("day_month", "day_month_words", "day_month_bare", "day_month_paren"):
            m, d = int(g["m"]), int(g["d"])
            if not valid_date(None, m, d):
                return None
            if anchor is None:
                return DateMention(**base, precision=DAY_MONTH, month=m, day=d, note="year unknown")
            y = anchor.year
            if valid_date(y, m, d) and date(y, m, d) > anchor + timedelta(days=self.future_slack_days):
                y -= 1
            if not valid_date(y, m, d):
                return DateMention(**base, precision=DAY_MONTH, month=m, day=d, note="year unknown")
            return DateMention(**base, precision=DAY, year=y, month=m, day=d, anchored=True)
        if g.get("mw") and text[match.start("mw") - start:match.end("mw") - start] == "năm" \
                and _COUNTED.search(match.string, max(0, start - 16), start):
            return None  # "6 tháng năm 2022": six months of 2022, no May; the year is read alone
        if kind == "month_year":
            m = int(g["m"]) if g.get("m") else MONTH_WORDS.get(" ".join(g["mw"].lower().split()), 0)
            y = int(g["y"])
            return DateMention(**base, precision=MONTH, year=y, month=m) if 1 <= m <= 12 else None
        if kind == "month":
            m = int(g["m"]) if g.get("m") else MONTH_WORDS.get(" ".join(g["mw"].lower().split()), 0)
            if not 1 <= m <= 12:
                return None
            tail = " ".join((g.get("tail") or "").lower().split())
            if anchor is None:
                return DateMention(**base, precision=MONTH_ONLY, month=m, note="year unknown")
            y = anchor.year
            if tail.startswith("năm "):
                offset = {"năm nay": 0, "năm ngoái": -1, "năm trước": -1, "năm sau": 1, "năm tới": 1}[tail]
                return DateMention(**base, precision=MONTH, year=y + offset, month=m, anchored=True)
            if tail in ("tới", "sắp tới", "sau") and m < anchor.month:
                y += 1
            elif tail not in ("tới", "sắp tới", "sau", "này") and m > anchor.month \
                    and (tail or _RECALLED.search(match.string, max(0, start - 12), start)
                         or date(y, m, 1) > anchor + timedelta(days=self.future_slack_days)):
                # "tháng 1 vừa qua", "hồi tháng 6" in March or May: last year's; "tháng 6" on 20/5,
                # within the slack a day-month has too: this year's
                y -= 1
            return DateMention(**base, precision=MONTH, year=y, month=m, anchored=True)
        if kind == "year_span":
            y, last = int(g["y"]), int(g["y2"])
            if not y < last <= y + _LONGEST_SPAN:
                return None  # "năm 2009 - 2007": no span; the year pattern reads "năm 2009" alone
            return DateMention(**base, precision=YEAR, year=y, until=last)
        if kind == "year":
            return DateMention(**base, precision=YEAR, year=int(g["y"]))
        if kind == "relative_n":
            n_text = g["n"].lower()
            n = int(n_text) if n_text.isdigit() else _NUMBER_WORDS.get(n_text)
            unit = g["unit"].lower()
            if anchor is None or n is None:
                return DateMention(**base, precision=UNRESOLVED, note="relative date without a publication date")
            if unit == "ngày":
                when = anchor - timedelta(days=n)
                return DateMention(**base, precision=DAY, year=when.year, month=when.month, day=when.day, anchored=True)
            if unit == "tuần":
                when = anchor - timedelta(days=7 * n + anchor.weekday())
                return DateMention(**base, precision=WEEK, year=when.year, month=when.month, day=when.day, anchored=True)
            if unit == "tháng":
                y, m = _shift_months(anchor, -n)
                return DateMention(**base, precision=MONTH, year=y, month=m, anchored=True)
            return DateMention(**base, precision=YEAR, year=anchor.year - n, anchored=True)
        if kind == "weekday_relative":
            if anchor is None:
                return DateMention(**base, precision=UNRESOLVED, note="relative date without a publication date")
            when = _weekday_of(anchor, g["wd"], g["rel"])
            return DateMention(**base, precision=DAY, year=when.year, month=when.month, day=when.day, anchored=True)
        if kind == "same_time":  # "cùng ngày": the day named before it, resolved by the reader of the context
            return DateMention(**base, precision=UNRESOLVED, note="refers to a time named before")
        if kind == "part_relative":  # "sáng nay", "tối qua": today's or yesterday's part of the day
            g = {"rel": {"nay": "hôm nay", "qua": "hôm qua", "mai": "ngày mai"}[g["rel"].lower()], "q": None}
        # relative
        rel = " ".join(g["rel"].lower().split()).replace("ngày hôm", "hôm")
        qualifier = (g.get("q") or "").lower()
        if anchor is None:
            return DateMention(**base, precision=UNRESOLVED, note="relative date without a publication date")
        if rel in ("hôm qua", "hôm nay", "hôm kia", "ngày mai"):
            when = anchor + timedelta(days={"hôm qua": -1, "hôm nay": 0, "hôm kia": -2, "ngày mai": 1}[rel])
            return DateMention(**base, precision=DAY, year=when.year, month=when.month, day=when.day, anchored=True)
        if rel.startswith("tuần"):
            weeks = {"tuần trước": -1, "tuần qua": -1, "tuần này": 0, "tuần tới": 1}[rel]
            when = anchor + timedelta(days=7 * weeks - anchor.weekday())
            return DateMention(**base, precision=WEEK, year=when.year, month=when.month, day=when.day, anchored=True)
        if rel.startswith("tháng"):
            y, m = _shift_months(anchor, {"tháng trước": -1, "tháng này": 0, "tháng tới": 1}[rel])
            return DateMention(**base, precision=MONTH, year=y, month=m, anchored=True)
        years = {"năm ngoái": -1, "năm trước": -1, "năm nay": 0, "năm tới": 1, "năm sau": 1}[rel]
        note = {"đầu": "early in the year", "cuối": "late in the year", "giữa": "mid-year"}.get(qualifier, "")
        return DateMention(**base, precision=YEAR, year=anchor.year + years, anchored=True, note=note)


def article_anchor(published: str | None, text: str) -> tuple[date | None, str]:
    """The date that anchors partial and relative dates: ``published``, else a date line at the top.

    Returns ``(date, where)`` with ``where`` in ``"published"``, ``"date line"`` or ``""``.
    """
    parsed = parse_published(published)
    if parsed is not None:
        return parsed, "published"
    for line in _first_lines(text, 3):
        if is_date_line(line):
            found = parse_published(line.strip()) or _first_full(line)
            if found is not None:
                return found, "date line"
    return None, ""


def _first_lines(text: str, count: int) -> list[str]:
    """The first ``count`` lines of ``text`` that are not blank, read no further (splitting a
    whole article to look at its top cost most of an anchor)."""
    lines: list[str] = []
    start = 0
    while len(lines) < count and start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            lines.append(text[start:end])
        start = end + 1
    return lines


def _first_full(line: str) -> date | None:
    for mention in DateFinder().find(line):
        if mention.precision == DAY and not mention.anchored:
            return date(mention.year, mention.month, mention.day)  # type: ignore[arg-type]
    return None
