"""Summary renderers for the CLI: plain text with compact source marks, and Markdown.

Both read the summary as a dict (``Summary.to_dict()``), so they work on what the library, the
service and saved JSON give alike. When the summary carries ``events`` (sentences grouped by the
date they report), each event is a paragraph opened by its label; otherwise the summary is one
paragraph.
"""
from __future__ import annotations

from typing import Any, Mapping

FORMATS = ("text", "markdown", "json")


def source_numbers(summary: Mapping[str, Any]) -> dict[str, int]:
    """Article id -> its number (1, 2, ...) in the order the articles were given."""
    return {article["id"]: n for n, article in enumerate(summary.get("articles", []), start=1)}


def paragraphs(summary: Mapping[str, Any]) -> list[tuple[str | None, list[int]]]:
    """(label or None, sentence indexes) in reading order: one per event, or one for the whole summary."""
    count = len(summary.get("sentences", []))
    events = summary.get("events") or []
    grouped: list[tuple[str | None, list[int]]] = []
    seen: set[int] = set()
    for event in events:
        indexes = [i for i in event.get("sentences", []) if isinstance(i, int) and 0 <= i < count and i not in seen]
        if indexes:
            grouped.append((str(event.get("label") or "") or None, indexes))
            seen.update(indexes)
    rest = [i for i in range(count) if i not in seen]
    if rest:  # sentences no event claims are never dropped
        grouped.append((None, rest))
    return grouped


def _sentence(summary: Mapping[str, Any], index: int, numbers: Mapping[str, int]) -> str:
    sentence = summary["sentences"][index]
    return f"{sentence['text']} [{numbers.get(sentence['article_id'], '?')}]"


def _source_line(article: Mapping[str, Any]) -> str:
    """Outlet, title, date and where to read it: whatever the article has, its id when nothing."""
    parts = [p for p in (article.get("source"), article.get("title"), article.get("published")) if p]
    where = article.get("url") or article.get("path")
    text = " — ".join(parts) if parts else article["id"]
    return f"{text} ({where})" if where else text


def cited_articles(summary: Mapping[str, Any]) -> list[tuple[int, Mapping[str, Any]]]:
    used = {s["article_id"] for s in summary.get("sentences", [])}
    numbers = source_numbers(summary)
    return [(numbers[a["id"]], a) for a in summary.get("articles", []) if a["id"] in used]


def abbreviations_line(summary: Mapping[str, Any]) -> str | None:
    """"Viết tắt: NTD: người tiêu dùng; UBND: Ủy ban nhân dân", or None when there is none."""
    notes = [f"{a['short']}: {a['full']}" for a in summary.get("abbreviations") or []
             if isinstance(a, Mapping) and a.get("short") and a.get("full")]
    return "Viết tắt: " + "; ".join(notes) if notes else None


def render_text(summary: Mapping[str, Any]) -> str:
    """Each sentence followed by "[n]", the number of its source; what its abbreviations stand
    for; the sources listed at the end."""
    numbers = source_numbers(summary)
    blocks = []
    for label, indexes in paragraphs(summary):
        body = " ".join(_sentence(summary, i, numbers) for i in indexes)
        blocks.append(f"{label}: {body}" if label else body)
    note = abbreviations_line(summary)
    sources = [f"[{n}] {_source_line(a)}" for n, a in cited_articles(summary)]
    return "\n\n".join(blocks + ([note] if note else []) + (["Sources:\n" + "\n".join(sources)] if sources else [])) + "\n"


def render_markdown(summary: Mapping[str, Any], headline: str | None = None) -> str:
    """A Markdown document: optional headline, the summary with footnote-style marks, the sources."""
    numbers = source_numbers(summary)
    lines: list[str] = [f"# {headline}", ""] if headline else []
    for label, indexes in paragraphs(summary):
        body = " ".join(_sentence(summary, i, numbers) for i in indexes)
        lines += [f"**{label}:** {body}" if label else body, ""]
    note = abbreviations_line(summary)
    if note:
        lines += [f"*{_escape(note)}*", ""]
    cited = cited_articles(summary)
    if cited:
        lines += ["## Sources", ""]
        for n, article in cited:
            # "- [3] ...", not "3. ...": Markdown renumbers ordered lists, and the marks must match.
            # A bare "[3]" is literal text in CommonMark (no link definition has that label).
            lines.append(f"- [{n}] {_markdown_source(article)}")
        lines.append("")
    return "\n".join(lines)


def _markdown_source(article: Mapping[str, Any]) -> str:
    title = article.get("title") or article["id"]
    url = article.get("url")
    named = f"[{_escape(title)}]({url})" if url else _escape(title)
    extra = [p for p in (article.get("source"), article.get("published")) if p]
    return named + (f" — {', '.join(_escape(str(p)) for p in extra)}" if extra else "")


def _escape(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")

