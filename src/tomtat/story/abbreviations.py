"""What the summary's abbreviations stand for, so a reader need not guess ("NTD", "TTATGT").

An abbreviation of the summary is explained by the cluster's own definition of it, the words
before it in brackets ("... người tiêu dùng (NTD)", "Bộ Nông nghiệp và Phát triển nông thôn
(NN&PTNT)": those whose first letters spell it, "và" standing for "&"), or the abbreviation
after its words ("TTATGT (trật tự an toàn giao thông)"), with the article and span it comes
from; else by ``abbreviation_meanings.txt``, common abbreviations of the news with one
reading. One the summary spells out itself (anywhere in it), or that is part of a code
("04-NQ/TU", "BA.2"), is left alone. The summary's text is not touched: it stays the
sources' words.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Iterable, Mapping, Sequence

import unicodedata

import regex

from tomtat.core.model import Article
from tomtat.vi.resources import lines

# Two capitals or more, "&" or "-" joining parts ("GD&ĐT", "LĐ-TB&XH"), a word of its own.
_ABBREVIATION = regex.compile(r"(?<![\p{L}\p{N}/.-])\p{Lu}{2,}(?:[&-]\p{Lu}+)*(?![\p{L}\p{N}]|[./-]\p{N}|/\p{Lu})")
_ROMAN = regex.compile(r"[IVXLCDM]+")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_MAX_WORDS = 12  # a definition's words before the bracket, at most


@dataclass(frozen=True)
class Abbreviation:
    short: str
    full: str
    article_id: str | None = None  # where the sources define it; None: from the word list
    start: int | None = None  # the full form's span in that article's text
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _initial(letter: str) -> str:
    """A letter as an abbreviation writes it: capital, without its tone or vowel marks ("Ủy"
    gives U, "Tòa" T), Đ kept (it is a letter of its own)."""
    return unicodedata.normalize("NFD", letter.upper())[0]


def _spells(words: Sequence[str], short: str) -> bool:
    """Do the first letters of ``words`` spell ``short`` ("và" standing for its "&")?"""
    letters = [_initial(w[0]) for w in words if not ("&" in short and w.lower() == "và")]
    return "".join(letters) == "".join(_initial(c) for c in short if c not in "&-")


def _spelling_words(text: str, end: int, short: str) -> tuple[int, int] | None:
    """The span of the words right before ``end`` whose first letters spell ``short``, or None."""
    words = list(_WORD.finditer(text, max(0, end - 120), end))[-_MAX_WORDS:]
    for k in range(len(words) - 1, -1, -1):
        if _spells([w.group(0) for w in words[k:]], short):
            return words[k].start(), words[-1].end()
    return None


def defined_before(text: str, at: int, short: str) -> str | None:
    """The words ``short``, written at ``at`` in brackets ("... (TLLN)"), abbreviates: those
    right before the bracket whose first letters spell it; None when it is not so defined."""
    if not text[:at].rstrip().endswith("(") or not text[at + len(short):].lstrip().startswith(")"):
        return None
    span = _spelling_words(text, text.rindex("(", 0, at), short)
    return text[span[0]:span[1]] if span else None


class Glossary:
    """``explain(sentences, articles)``: the abbreviations of the summary's sentences, explained."""

    def __init__(self, meanings: Mapping[str, str] | None = None) -> None:
        self.meanings = dict(meanings) if meanings is not None else self.default_meanings()

    @staticmethod
    def default_meanings() -> dict[str, str]:
        out: dict[str, str] = {}
        for line in lines("abbreviation_meanings.txt"):
            short, _, full = (part.strip() for part in line.partition("|"))
            if short and full:
                out[short] = full
        return out

    def explain(self, sentences: Sequence[str], articles: Iterable[Article]) -> list[Abbreviation]:
        found: list[str] = []
        said = ""  # the summary so far: an abbreviation it spells out before using needs nothing
        for text in sentences:
            for m in _ABBREVIATION.finditer(text):
                short = m.group(0)
                if short in found or _ROMAN.fullmatch(short):
                    continue
                defined = self.meanings.get(short)
                if defined is not None and defined.lower() in (said + text[:m.start()]).lower():
                    continue
                found.append(short)
            said += " " + text
        if not found:
            return []
        articles = list(articles)
        out = []
        for short in found:
            explained = self._defined(short, articles)
            if explained is None and short in self.meanings:
                explained = Abbreviation(short, self.meanings[short])
            if explained is not None and explained.full.lower() not in said.lower():
                out.append(explained)
        return out

    @staticmethod
    def _defined(short: str, articles: Sequence[Article]) -> Abbreviation | None:
        """The first definition of ``short`` in the articles' text: its words before it in
        brackets, or its words in brackets after it."""
        before = regex.compile(r"\(\s*" + regex.escape(short) + r"\s*\)")
        after = regex.compile(r"(?<![\p{L}\p{N}])" + regex.escape(short) + r"\s*\(([^()]{3,80})\)")
        for article in articles:
            text = article.text
            if short not in text:
                continue
            for m in before.finditer(text):
                span = _spelling_words(text, m.start(), short)
                if span is not None:
                    return Abbreviation(short, text[span[0]:span[1]], article.id, *span)
            for m in after.finditer(text):
                inside = list(_WORD.finditer(m.group(1)))
                if inside and _spells([w.group(0) for w in inside], short):
                    start = m.start(1) + inside[0].start()
                    end = m.start(1) + inside[-1].end()
                    return Abbreviation(short, text[start:end], article.id, start, end)
        return None
