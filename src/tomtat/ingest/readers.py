"""Readers for .txt, .json, .jsonl and .html articles, and for mappings given through the API.

Every reader hands raw text to :func:`build_article`, which normalizes and cleans it once.
A bad file becomes an :class:`InputError` reported to ``problems`` (a warning, or fatal in
strict mode); the good files beside it are still read.
"""
from __future__ import annotations

import dataclasses
import json
import os
import re
import unicodedata
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from tomtat.ingest.clean import clean_article
from tomtat.core.errors import EmptyInputError, InputError, Problems
from tomtat.core.model import Article
from tomtat.vi.normalize import normalize_text
from tomtat.vi.published import parse_published
from tomtat.vi.text import bigram_set, syllables
from tomtat.ingest.captions import is_photo_caption
from tomtat.ingest.decode import decode_bytes
from tomtat.ingest.raw import RawArticle, raw_from_mapping

SUPPORTED_SUFFIXES = (".txt", ".json", ".jsonl", ".html", ".htm")
MAX_TITLE_CHARS = 250
# Fewer words than this extracted from a page is menu or footer text, not an article.
MIN_HTML_WORDS = 12
_TERMINAL = re.compile(r"[.!…:;,\"”'’)»]$")

ArticleInput = str | os.PathLike | Mapping[str, Any] | Article


def read_inputs(inputs: Iterable[ArticleInput], problems: Problems) -> list[Article]:
    """Read paths, mappings and ready :class:`Article` objects into cleaned articles with unique ids."""
    raws: list[RawArticle | Article] = []
    for position, item in enumerate(inputs):
        if isinstance(item, Article):
            raws.append(item)
        elif isinstance(item, Mapping):
            try:
                raws.append(raw_from_mapping(item, source=f"article[{position}]"))
            except InputError as error:
                problems.report(error)
        elif isinstance(item, (str, os.PathLike)):
            raws.extend(_read_path(Path(item), problems))
        else:
            problems.report(InputError(f"expected a path, a mapping or an Article, got {type(item).__name__}",
                                       source=f"article[{position}]"))
    articles = build_articles(raws, problems)
    if not articles:
        raise EmptyInputError("no usable article in the input" + _summarize_warnings(problems))
    return articles


def read_paths(paths: Sequence[str | os.PathLike], problems: Problems) -> list[Article]:
    return read_inputs(paths, problems)


def article_from_mapping(values: Mapping[str, Any], *, source: str = "article", article_id: str | None = None) -> Article:
    raw = raw_from_mapping(values, source=source)
    article = build_article(raw, article_id=article_id or raw.id or "a0")
    if not article.text.strip():
        raise EmptyInputError("no text left after cleaning", source=source)
    return article


def _read_path(path: Path, problems: Problems) -> list[RawArticle]:
    shown = str(path)
    if not path.exists():
        problems.report(InputError("no such file or folder", source=shown))
        return []
    if path.is_dir():
        try:
            files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        except OSError as exc:  # permission denied, or removed while reading: the other inputs still count
            problems.report(InputError(f"folder cannot be read ({exc.strerror or exc})", source=shown))
            return []
        usable = [p for p in files if p.suffix.lower() in SUPPORTED_SUFFIXES]
        for skipped in files:
            if skipped.suffix.lower() not in SUPPORTED_SUFFIXES:
                problems.note(f"skipped: not one of {', '.join(SUPPORTED_SUFFIXES)}", source=str(skipped), code="W103")
        if not usable:
            problems.report(InputError(f"folder has no article files ({', '.join(SUPPORTED_SUFFIXES)})", source=shown))
        out: list[RawArticle] = []
        for file in usable:
            out.extend(_read_file(file, problems))
        return out
    return _read_file(path, problems)


def _read_file(path: Path, problems: Problems) -> list[RawArticle]:
    shown = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.report(InputError(f"cannot be read ({exc.strerror or exc})", source=shown))
        return []
    try:
        if not data.strip():
            raise InputError("file is empty", source=shown)
        text, encoding = decode_bytes(data, source=shown)
        if encoding == "cp1258":
            problems.note("decoded as Windows-1258", source=shown, code="W104")
        return parse_text(text, shown, path.suffix.lower(), problems)
    except InputError as error:
        problems.report(error)
        return []


def parse_text(text: str, shown: str, suffix: str, problems: Problems) -> list[RawArticle]:
    """The articles in decoded ``text`` of a file of kind ``suffix`` (".json", ".jsonl",
    ".html"/".htm", else plain text); ``shown`` names it in messages."""
    if suffix == ".json":
        return _from_json(text, shown, problems)
    if suffix == ".jsonl":
        return _from_jsonl(text, shown, problems)
    if suffix in (".html", ".htm"):
        return [_from_html(text, shown)]
    return [_from_txt(text, shown)]


def _from_txt(text: str, shown: str) -> RawArticle:
    title, body = split_title(text)
    if not body.strip():
        raise InputError("has a title line but no article text", source=shown)
    return RawArticle(text=body, title=title, path=shown)


def split_title(text: str) -> tuple[str, str]:
    """(title, body) of a plain-text article: the first real line when it reads as a headline.

    A short line without final punctuation is a headline (a question mark is allowed). Photo
    captions before it are skipped, never taken as the title, and stay in the body, where
    cleaning removes them with a recorded reason. No headline: the title is empty.
    """
    lines = text.strip().split("\n")
    for index, line in enumerate(lines):
        first = line.strip()
        if not first or is_photo_caption(first):
            continue
        if index + 1 < len(lines) and len(first) <= MAX_TITLE_CHARS and not _TERMINAL.search(first):
            return first, "\n".join(lines[:index] + lines[index + 1:])
        break
    return "", text


def _from_json(text: str, shown: str, problems: Problems) -> list[RawArticle]:
    """One article, a list of them, or an AbMuSu cluster; a bad item is reported and the others kept."""
    value = parse_json(text, shown)
    if isinstance(value, Mapping) and "single_documents" in value:
        value = value["single_documents"]
    items = value if isinstance(value, list) else [value]
    if not items:
        raise InputError("the JSON list is empty", source=shown)
    out = []
    for index, item in enumerate(items):
        where = shown if not isinstance(value, list) else f"{shown}[{index}]"
        try:
            raw = raw_from_mapping(item, source=where)
        except InputError as error:
            problems.report(error)
            continue
        out.append(RawArticle(**{**raw.__dict__, "path": shown}))
    return out


def parse_json(text: str, shown: str, line: int | None = None) -> Any:
    """``json.loads`` whose every failure, nesting too deep included, is an :class:`InputError`."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} (column {exc.colno})", source=shown,
                         line=line if line is not None else exc.lineno) from None
    except RecursionError:
        raise InputError("JSON nested too deeply", source=shown, line=line) from None


def _from_jsonl(text: str, shown: str, problems: Problems) -> list[RawArticle]:
    out = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = parse_json(line, shown, number)
        except InputError as error:
            problems.report(error)
            continue
        try:
            raw = raw_from_mapping(value, source=shown, line=number)
        except InputError as error:
            problems.report(error)
            continue
        out.append(RawArticle(**{**raw.__dict__, "path": shown}))
    return out


def _from_html(text: str, shown: str) -> RawArticle:
    import trafilatura  # imported here: a heavy import only HTML input needs

    document = trafilatura.bare_extraction(text, include_comments=False, include_tables=False,
                                           with_metadata=True)
    body = getattr(document, "text", None) if document is not None else None
    title = getattr(document, "title", None) or "" if document is not None else ""
    published = getattr(document, "date", None) if document is not None else None
    if not body or not body.strip():
        body = _justext_fallback(text)
    words = len(body.split())
    if words < MIN_HTML_WORDS:
        raise InputError(f"no article text found in the HTML (only {words} words of page text)", source=shown)
    description = getattr(document, "description", None) if document is not None else None
    lead, body = sapo_from_description(body, description or "")
    return RawArticle(text=body, title=title, lead=lead, published=published, path=shown)


# A news page's meta description is, on most Vietnamese outlets, its sapo (lead paragraph),
# which the page also shows as the body's first paragraph. Marked as the lead, it is read as
# the corpora give it. Only a whole paragraph counts: a site without sapos often describes a
# page by its first paragraph cut short, and a body paragraph taken for a sapo costs more than
# a sapo left unmarked. On pages made from the held-out corpora (benchmarks/html_sapo.py,
# ROUGE-2 at 200 syllables): sapo pages 0.3116 -> 0.3382 (AbMuSu), 0.3276 -> 0.3405 (ViMs);
# sapo-less pages described by their first paragraph cut to 160 characters 0.3274 -> 0.3217
# and 0.3435 -> 0.3450 (accepting a cut description too: 0.2863 and 0.3222).
SAPO_SEARCH_LINES = 3  # the sapo is among the body's first lines (after a repeated headline)
SAPO_SHARE = 0.9  # of the description's syllable bigrams in the paragraph, and of the paragraph's in it


def sapo_from_description(body: str, description: str) -> tuple[str, str]:
    """``(lead, rest of the body)`` when one of the body's first lines is the page's meta
    description, else ``("", body)``.
    (A description that is the headline again finds the headline's line, which cleaning then
    drops from the lead as it does from the body.)"""
    wanted = _bigrams(description)
    if len(wanted) < 4:
        return "", body
    lines = body.split("\n")
    seen = 0
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > SAPO_SEARCH_LINES:
            break
        have = _bigrams(line)
        shared = len(wanted & have)
        if have and shared >= SAPO_SHARE * max(len(wanted), len(have)):
            return line.strip(), "\n".join(lines[:number] + lines[number + 1:])
    return "", body


def _bigrams(text: str) -> set[tuple[str, str]]:
    return bigram_set(syllables(unicodedata.normalize("NFC", text)))


def _justext_fallback(html: str) -> str:
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("Vietnamese"), encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def build_article(raw: RawArticle | Article, *, article_id: str) -> Article:
    if isinstance(raw, Article):
        return raw
    title = normalize_text(raw.title).replace("\n", " ")
    raw_text = raw.text
    if is_photo_caption(title):
        # A caption given as the title (a pasted first line, a scraper's field): it goes back to
        # the body, where cleaning drops it with its reason, and the title comes from the next line.
        title, raw_text = split_title(f"{title}\n{raw_text}")
        title = normalize_text(title).replace("\n", " ")
    lead = normalize_text(raw.lead)
    body, removed = clean_article(normalize_text(raw_text), title=title)
    lead_clean, lead_removed = clean_article(lead, title=title) if lead else ("", ())
    if lead_clean and not body.startswith(lead_clean[: min(len(lead_clean), 80)]):
        text = f"{lead_clean}\n\n{body}".strip()
    else:
        text, lead_clean = body, ("" if not lead_clean else lead_clean)
    return Article(id=article_id, text=text, title=title, lead=lead_clean, published=raw.published,
                   source=raw.source, url=raw.url, path=raw.path, removed=tuple(lead_removed) + tuple(removed))


def first_paragraph_as_lead(article: Article) -> Article:
    """``article`` with the first paragraph of its cleaned text as its sapo (lead), for input
    known to come from a site whose articles open with one: a .txt file or a pasted text
    carries the sapo as the body's first paragraph, with nothing to tell it from the body
    (README, "Input formats"). Unchanged when it has a sapo already, or when nothing would be
    left after that paragraph. The text stays the same (the sapo is its first paragraph, as
    when it comes as a field), so every offset into it holds."""
    first, _, rest = article.text.partition("\n")
    lead = first.strip()
    if article.lead or not lead or not rest.strip() or not article.text.startswith(lead):
        return article
    return dataclasses.replace(article, lead=lead)


def build_articles(raws: Sequence[RawArticle | Article], problems: Problems) -> list[Article]:
    articles: list[Article] = []
    used: set[str] = set()
    for position, raw in enumerate(raws):
        wanted = raw.id if raw.id else (Path(raw.path).stem if isinstance(raw, RawArticle) and raw.path else f"a{position}")
        article_id = wanted
        suffix = 2
        while article_id in used:
            article_id = f"{wanted}#{suffix}"
            suffix += 1
        used.add(article_id)
        article = build_article(raw, article_id=article_id)
        where = (raw.path if isinstance(raw, RawArticle) else None) or article_id
        if not article.text.strip():
            problems.report(InputError("no article text left after removing scraped junk", source=where))
            continue
        if not any(c.isalnum() for c in article.text):  # only emoji, symbols or punctuation: no sentence to take
            problems.report(InputError("no words in the text (only symbols or emoji)", source=where))
            continue
        if article.published and article.published.strip() and parse_published(article.published) is None:
            which = "" if where == article_id else f"(article {article_id}) "
            problems.report(InputError(f"{which}{article.published!r} is no date tomtat reads (it reads 2024-03-12, "
                                       "12/3/2024, ngày 12 tháng 3 năm 2024, ...); the article is dated by its text only",
                                       source=where, field_name="published"))
        articles.append(article)
    return articles


def _summarize_warnings(problems: Problems) -> str:
    if not problems.warnings:
        return ""
    return ": " + "; ".join(str(w) for w in problems.warnings[:5])
