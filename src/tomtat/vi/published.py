"""Publication dates as feeds and scrapers give them (``2024-03-12T08:00+07:00``, ``12/3/2024``,
``ngày 12 tháng 3 năm 2024``), and the scraper's date lines at the top of an article.

Dates in running text (``sáng 5/6``, ``tuần trước``) are found by :mod:`tomtat.vi.dates`.
"""
from __future__ import annotations

import re
from datetime import date, datetime

# Month names in words ("tháng ba", "tháng chạp"); also read by the in-text finder.
MONTH_WORDS = {
    "một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "một một": 11, "mười hai": 12, "chạp": 12,
}
WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật|cn)"

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
# "6/1/2016 8:39:40 AM": the en-US form of .NET and Excel ("M/d/yyyy h:mm:ss tt"), month first.
# Vietnamese sites write day first and no seconds beside AM/PM ("01/06/2016 08:38 AM"); ViMs has
# three such dates ("5/20/2016 11:40:52 PM", "6/3/2016 2:23:47 PM"), all month first.
_MDY_US = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s+\d{1,2}:\d{2}:\d{2}\s*[AP]M\s*$", re.IGNORECASE)
_DMY = re.compile(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})")
_DMY_SPACED = re.compile(r"(?<!\d)(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?!\d)")
_DMY_SHORT = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{2})(?![\d/])")  # 19/05/16: this century
_DMY_WORDS = re.compile(r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2}|mười hai|mười một|mười|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín)"
                        r"\s*,?\s*(?:năm\s+)?(\d{4})(?!\d)", re.IGNORECASE)


def parse_published(value: str | None) -> date | None:
    """A publication date as feeds and scrapers write it: ISO (``2024-03-12``,
    ``2024-03-12T08:00:00+07:00``), ``12/3/2024`` (``3/25/2024`` when only month-first
    makes sense, and the en-US ``3/12/2024 8:39:40 AM``), ``12 / 3 / 2024``, ``12/03/24``,
    ``ngày 12 tháng 3 năm 2024``, ``12 Tháng ba 2024``; else None."""
    if not value:
        return None
    match = _ISO.search(value)
    if match:
        return _date(*(int(g) for g in match.groups()))
    match = _MDY_US.match(value)
    if match:
        m, d, y = (int(g) for g in match.groups())
        return _date(y, m, d) or _date(y, d, m)  # "25/05/2016 10:11:12 PM": day first after all
    for pattern in (_DMY, _DMY_SPACED):
        match = pattern.search(value)
        if match:
            d, m, y = (int(g) for g in match.groups())
            return _date(y, m, d) or (_date(y, d, m) if m > 12 else None)
    match = _DMY_WORDS.search(value)
    if match:
        month = match.group(2).lower()
        return _date(int(match.group(3)), int(month) if month.isdigit() else MONTH_WORDS.get(month, 0),
                     int(match.group(1)))
    match = _DMY_SHORT.search(value)
    if match:
        d, m, y = (int(g) for g in match.groups())
        return _date(2000 + y, m, d)
    try:
        return datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_DATE_LINE = re.compile(rf"^\W*(?:{WEEKDAY}\s*,?\s*)?(?:ngày\s+)?\d{{1,2}}[/\-.]\d{{1,2}}[/\-.]\d{{4}}"
                        rf"|^\W*\d{{4}}-\d{{2}}-\d{{2}}", re.IGNORECASE)
DATE_LINE_MAX_CHARS = 80
_DATE_LINE_EXTRAS = re.compile(r"GMT|UTC|ICT|AM|PM|SA|CH|giờ|sáng|chiều|tối", re.IGNORECASE)


def is_date_line(line: str) -> bool:
    """A short line that is a dateline left by a scraper ('Thứ bảy, 7/9/2024 08:00 (GMT+7)')."""
    line = line.strip()
    match = _DATE_LINE.search(line)
    if len(line) > DATE_LINE_MAX_CHARS or not match:
        return False
    rest = _DATE_LINE_EXTRAS.sub("", line[match.end():])
    return not any(ch.isalpha() for ch in rest)  # only a time and a time zone may follow
