"""Publication dates as given by feeds and scrapers."""
from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})")


def parse_published(value: str | None) -> date | None:
    """An ISO date (``2024-03-12``, ``2024-03-12T08:00:00+07:00``) or ``12/3/2024``; else None."""
    if not value:
        return None
    for pattern, order in ((_ISO, "ymd"), (_DMY, "dmy")):
        match = pattern.search(value)
        if match:
            a, b, c = (int(g) for g in match.groups())
            y, m, d = (a, b, c) if order == "ymd" else (c, b, a)
            try:
                return date(y, m, d)
            except ValueError:
                return None
    try:
        return datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return None
