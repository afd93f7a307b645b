"""What a date in a sentence says about time: is it a plan, a restated past, the sentence's
main date; what years a text speaks of as past; which articles have a date to count from."""
from __future__ import annotations

import re
from typing import Any, Iterable, Sequence

from tomtat.vi.dates import DAY, DAY_MONTH, MONTH, UNRESOLVED, WEEK, YEAR, DateFinder, DateMention, article_anchor

# How precise a date is (higher wins when an event's sources disagree in precision).
PRECISION_RANK = {DAY: 6, WEEK: 5, "day-month": 4, MONTH: 3, "month-only": 2, YEAR: 1, UNRESOLVED: 0}

# "It has happened before": with only a year or month to it, such a sentence is background.
_BACKGROUND = re.compile(r"(?<!\w)(?:từng|trước đây|kể từ|trước kia|hồi đó)(?!\w)", re.IGNORECASE)
_PLAN_TAIL = re.compile(r"(?<!\w)(?:tới|sắp tới|sau)$", re.IGNORECASE)
_PLAN_BEFORE = re.compile(r"(?<!\w)(?:dự kiến|sẽ|kế hoạch|mục tiêu|đến|tới)(?!\w)[^,.;]{0,25}$", re.IGNORECASE)


def is_plan(text: str, mention: DateMention) -> bool:
    """A date the sentence looks forward to ("vào tháng 9 tới", "dự kiến ... ngày 25/4",
    "đến năm 2030"): the time of a plan, less telling than a time that is past."""
    return bool(_PLAN_TAIL.search(mention.text) or _PLAN_BEFORE.search(text[:mention.start]))


def best_mention(text: str, mentions: Sequence[DateMention]) -> DateMention:
    """The date a sentence is told under: a past time before a planned one, then the most precise."""
    return max(mentions, key=lambda m: (not is_plan(text, m), PRECISION_RANK[m.precision], -m.start))


def is_background(text: str, mention: DateMention) -> bool:
    """Only a year or a month, and words that say it happened before: not a new event."""
    return mention.precision not in (DAY, WEEK, DAY_MONTH) and _BACKGROUND.search(text) is not None


# Words that make a named year a plan or a deadline, not a time already past.
_FUTURE_CHUNK = re.compile(r"(?<!\w)(?:sẽ|dự kiến|dự báo|kế hoạch|mục tiêu|lộ trình|phấn đấu|tầm nhìn)(?!\w)", re.IGNORECASE)
_FUTURE_BEFORE = re.compile(r"(?<!\w)(?:đến|tới|trước|sau|giai đoạn|hết|cuối)\s*$", re.IGNORECASE)
_CHUNK_ENDS = ".!?\n"  # a text is read in chunks between these
# Only a year written out in four digits is evidence; a chunk without one is skipped unread.
_WRITTEN_YEAR = re.compile(r"\d(?<!\d\d)\d{3}(?!\d)")  # the digit before the look-behind: a faster scan


_CHUNK_END = re.compile(f"[{re.escape(_CHUNK_ENDS)}]")


def _chunks_with_a_year(text: str) -> Iterable[str]:
    """The chunks (runs of text without ``_CHUNK_ENDS``) that hold a written year, found from
    the years: most of an article's chunks have none and are never cut out. Each search
    stops at the chunk or at the previous chunk's end, so a long text is read about once."""
    end = -1
    for year in _WRITTEN_YEAR.finditer(text):
        if year.start() < end:
            continue  # in the chunk just read
        start = max(text.rfind(mark, end + 1, year.start()) for mark in _CHUNK_ENDS) + 1 or end + 1
        found = _CHUNK_END.search(text, year.end())
        end = found.start() if found else len(text)
        yield text[start:end]


def past_year_floor(text: str, finder: DateFinder | None = None) -> int | None:
    """The latest year ``text`` speaks of as past (or present), or None: evidence that the
    text was written in that year or later. A year named as a plan or deadline ("đến năm
    2030", "dự kiến năm 2025") is no such evidence. Only years written out count; nothing
    is taken from an anchor."""
    finder = finder or DateFinder()
    latest: int | None = None
    for part in _chunks_with_a_year(text):
        if _FUTURE_CHUNK.search(part):
            continue
        for m in finder.find(part):
            if m.year is None or m.anchored or _FUTURE_BEFORE.search(part[:m.start].rstrip()[-20:]):
                continue
            latest = m.year if latest is None else max(latest, m.year)
    return latest


def anchored_articles(articles: Iterable[Any]) -> dict[str, bool]:
    """For each article (by id): has it a date that relative times count from?"""
    return {a.id: article_anchor(a.published, f"{a.title}\n{a.text}")[0] is not None for a in articles}
