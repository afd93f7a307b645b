"""Take scraped junk out of an article: widget text, photo captions, bylines, source prefixes,
and the list of other stories' headlines that scrapers glue after the article.

Only whole junk lines (or a clearly marked inline note) are removed, and each removal is
recorded with its reason, so nothing disappears silently and article text is never lost.
"""
from __future__ import annotations

import re

from tomtat.core.model import Removed
from tomtat.vi.letters import VIETNAMESE_UPPER
from tomtat.vi.resources import full_line_pattern, lines as resource_lines

_UPPER = VIETNAMESE_UPPER
# "(Tổ Quốc) -", or an upper-case outlet or dateline "VOV.VN -", "HÀ NỘI -". A capitalized
# run in mixed case ("Trần Hải - Mai Linh là ...", "Mỹ - Triều Tiên") is article text.
_SOURCE_PREFIX = re.compile(
    r"^\s*\(\s*[^()\n]{2,30}\)\s*[-–—]\s*"
    rf"|^\s*[{_UPPER}][{_UPPER}0-9.]{{1,15}}(?:\s[{_UPPER}][{_UPPER}0-9.]{{0,12}}){{0,2}}\s+[-–—]\s+(?=[{_UPPER}\"“])"
)
# "... Ảnh: KCNA", "(Ảnh: Reuters).", "Ảnh: N.H": a credit of a few words closing the line;
# a dot inside the credit is allowed only inside a token (initials), never before a space.
_CAPTION_CREDIT = re.compile(
    r"(?:^|[\s.(])(?P<credit>(?:Ảnh|ẢNH|Ảnh minh họa|Nguồn ảnh|Photo|Nguồn)\s*:\s*(?:[^.:]|\.(?=\S)){0,60}?[.)]{0,2})\s*$"
)
_CREDIT_WORDS = ("Ảnh", "ẢNH", "Photo", "Nguồn")  # one of them opens every credit above
_AGENCY_TAIL = re.compile(r"(?:\b[A-Z][A-Z.]{1,}\s*/\s*)+[A-Z][A-Z.]{1,}\s*\|?\s*$|\|\s*$")
_INLINE_PHOTO_NOTE = re.compile(r"\s*\((?:[Ảả]nh|[Hh]ình)(?: minh họa| minh hoạ| chụp màn hình)?(?:\s*:[^)]{0,60})?\)")
_TERMINAL = re.compile(r"[.!?…\"”'’»)]$")
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*(?:\s|$)")
_WORD = re.compile(r"\w+")
# A name, or names joined by "-", ",", "/": "Lan Anh", "V.Dũng", "T.H", "Minh Hà/Báo Hà Lam".
_NAME_WORD = rf"(?:[{_UPPER}]\.)*[{_UPPER}][\w.]*"
_NAME_LINE = re.compile(
    rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}(?:\s*[-–,/]\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})*(?:\s*\(\*\))?$"
)
# Credit lines: "Thực hiện: Lê Nam", "Tin, ảnh: Mai Hoa", "Theo: Bloomberg", "PHẠM AN ghi".
_CREDIT_LINE = re.compile(
    r"^(?:thực hiện|tin|tin, ảnh|tin và ảnh|tin - ảnh|bài|bài, ảnh|bài và ảnh|bài - ảnh|theo|pv|ctv|nhóm pv|"
    r"đồ họa|biên tập|video|clip|nguồn)\s*:\s*\S.{0,50}$"
    r"|^\S.{1,40}\s(?:ghi|thực hiện|lược dịch|tổng hợp|biên dịch)$",
    re.IGNORECASE,
)


MIN_UNANCHORED_PAIRS = 3
# A sentence boundary inside a line: end mark, space, capital ("ông D. mất tích" is not one).
_INNER_BOUNDARY = re.compile(rf"[.!?…][\"”’»)]*\s+[\"“]?[{_UPPER}]")


def clean_article(text: str, *, title: str = "") -> tuple[str, tuple[Removed, ...]]:
    """Return the article text without junk lines, and what was removed (with reasons)."""
    removed: list[Removed] = []
    lines = text.split("\n")
    lines = _strip_source_prefix(lines, removed)
    kept: list[str] = []
    widget = full_line_pattern("junk_lines.txt")
    for line in lines:
        stripped = line.strip()
        if not stripped:
            kept.append("")
            continue
        if widget.match(stripped):
            removed.append(Removed(stripped, "widget text"))
            continue
        if _is_caption(stripped):
            credit = _CAPTION_CREDIT.search(stripped)
            before = stripped[:credit.start("credit")].rstrip(" -–—(|") if credit else ""
            if credit is not None and _INNER_BOUNDARY.search(before):
                # A paragraph of several sentences with a photo credit at its end (photo-essay
                # articles): the paragraph is article text, only the credit goes.
                removed.append(Removed(stripped[credit.start("credit"):].strip(), "photo credit"))
                stripped = before
            else:
                removed.append(Removed(stripped, "photo caption"))
                continue
        if title and stripped == title.strip() and not kept:
            removed.append(Removed(stripped, "title repeated in body"))
            continue
        note = _INLINE_PHOTO_NOTE.search(stripped)
        if note:
            removed.append(Removed(note.group(0).strip(), "photo note"))
            stripped = _INLINE_PHOTO_NOTE.sub("", stripped)
        kept.append(stripped)
    kept = _cut_tail(kept, removed)
    out = "\n".join(kept)
    out = re.sub(r"\n{3,}", "\n\n", out).strip()
    return out, tuple(removed)


def _strip_source_prefix(lines: list[str], removed: list[Removed]) -> list[str]:
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        match = _SOURCE_PREFIX.match(line)
        if match and len(line) - match.end() > 20:
            removed.append(Removed(match.group(0).strip(), "source prefix"))
            lines = lines[:i] + [line[match.end():]] + lines[i + 1:]
        break
    return lines


def _is_caption(line: str) -> bool:
    words = len(line.split())
    if words > 80:
        return False
    # Substring tests first: the regexes try every space of the line, and most lines hold
    # neither a credit word with a colon nor a slash or bar.
    if ":" in line and any(word in line for word in _CREDIT_WORDS) and _CAPTION_CREDIT.search(line):
        return True
    # "... tại Bình Nhưỡng ngày 31/5. YONHAP/ TTXVN |": a caption closed by an agency credit.
    return ("/" in line or "|" in line) and _AGENCY_TAIL.search(line) is not None


def _byline_strength(line: str) -> int:
    """2: a marked credit ("(lược dịch)", "Theo Reuters"); 1: a bare name line; 0: not a byline."""
    words = line.split()
    if not words or len(words) > 8 or len(line) > 60 or line.endswith((".", "?", "!", ":")):
        return 0
    lowered = line.lower()
    markers = resource_lines("byline_markers.txt")
    if "(" in line and any(m in lowered[lowered.index("("):] for m in markers):
        return 2
    if lowered.startswith("theo ") and len(words) <= 6:
        return 2
    if _CREDIT_LINE.match(line):
        return 2
    return 1 if _NAME_LINE.match(line) and len(words) <= 5 else 0


def _is_byline(line: str) -> bool:
    return _byline_strength(line) > 0


def _is_headline(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 30 and not re.search(r"[.…:;,\"”'’»]$", line)


def _is_teaser(line: str) -> bool:
    return 5 <= len(line.split()) <= 90 and len(_SENTENCE_END.findall(line + " ")) <= 3


def _bigrams(text: str) -> set[tuple[str, str]]:
    words = [w.lower() for w in _WORD.findall(text)]
    return set(zip(words, words[1:]))


def _related(paragraph: str, body_bigrams: set[tuple[str, str]]) -> float:
    grams = _bigrams(paragraph)
    return len(grams & body_bigrams) / len(grams) if grams else 0.0


def _cut_tail(lines: list[str], removed: list[Removed]) -> list[str]:
    paragraphs = [(i, line) for i, line in enumerate(lines) if line]
    if len(paragraphs) < 2:
        return lines
    # 0. Credit lines at the very end ("Bắc Hà" / "Theo Reuters", "Theo TTXVN" / "T.H").
    while len(paragraphs) > 1 and _byline_strength(paragraphs[-1][1]):
        index, line = paragraphs.pop()
        removed.append(Removed(line, "byline"))
        lines = lines[:index]
    cut_at: int | None = None
    # 1. A byline: what follows it (if anything) is not the article but other stories' teasers.
    for k in range(len(paragraphs) - 1, 0, -1):
        line = paragraphs[k][1]
        strength = _byline_strength(line)
        if not strength:
            continue
        after = [l for _, l in paragraphs[k + 1:]]
        if not all(_is_teaser(l) or _is_headline(l) for l in after):
            continue
        if strength == 1 and after:
            # A bare name followed by paragraphs is a person introduced in the article, unless
            # what follows is a list of other stories: headlines among them, little in common.
            if not any(_is_headline(l) for l in after):
                continue
            body_grams = _bigrams(" ".join(l for _, l in paragraphs[:k]))
            if sum(1 for l in after if _related(l, body_grams) < 0.2) < 0.75 * len(after):
                continue
        cut_at = k
        break
    # 2. A run of (headline, teaser) pairs at the end that shares little with the article.
    end = cut_at if cut_at is not None else len(paragraphs)
    k = end
    while k - 2 >= 1 and _is_headline(paragraphs[k - 2][1]) and _is_teaser(paragraphs[k - 1][1]) \
            and not _is_headline(paragraphs[k - 1][1]):
        k -= 2
    pairs = (end - k) // 2
    if pairs >= 1:
        body = " ".join(line for _, line in paragraphs[:k])
        body_grams = _bigrams(body)
        block = [line for _, line in paragraphs[k:end]]
        # Each (headline, teaser) pair against the article and the other pairs: sections of one
        # article share its vocabulary with each other, teasers of other stories do not.
        unrelated = 0
        for p in range(0, len(block), 2):
            context = body_grams | _bigrams(" ".join(block[:p] + block[p + 2:]))
            unrelated += sum(1 for line in block[p:p + 2] if _related(line, context) < 0.2)
        # Without a byline before it, only a longer run counts: two or three short sections
        # (subheading + one paragraph each) at the end of an article look just like it.
        if (cut_at is not None and pairs >= 1) or (pairs >= MIN_UNANCHORED_PAIRS and unrelated >= 0.75 * len(block)):
            cut_at = k if cut_at is None or k < cut_at else cut_at
            if cut_at == end:  # no byline; the block starts at k
                cut_at = k
    if cut_at is None:
        return lines
    # Credit lines just before the cut belong to the article's byline too.
    while cut_at > 1 and _byline_strength(paragraphs[cut_at - 1][1]):
        cut_at -= 1
    first_line = paragraphs[cut_at][0]
    for _, line in paragraphs[cut_at:]:
        reason = "byline" if _is_byline(line) and line == paragraphs[cut_at][1] else "related headlines"
        removed.append(Removed(line, reason))
    return lines[:first_line]
