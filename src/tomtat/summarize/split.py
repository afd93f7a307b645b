"""Sentence splitting for Vietnamese news, with character offsets into the article text.

Rules rather than a model, because news text breaks a statistical splitter in predictable
ways (TP.HCM, GS.TS., 12.000, "Ukraine.Nước này" glued by a scraper) and rules are 100x faster
than a CRF. Lines are units first: a line without final punctuation is a heading unless it
plainly runs on into the next line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from tomtat.core.model import Article, Sentence
from tomtat.vi.letters import LOWER, UPPER
from tomtat.vi.resources import lines as resource_lines

_CLOSERS = "\"”’»)]'"
_OPENERS = "\"“‘«(['"
# A candidate end: terminal marks, optional closing quotes/brackets, then whitespace.
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # "t.t.t.t", "n.t.á" (lower-cased, the last dot cut)
_END = re.compile(rf"[.!?…]+[{re.escape(_CLOSERS)}]*(?=\s)")
# A vehicle's plate written with a space after a dot ("BKS: 29A – 504. 82", "biển số 51F-373.
# 98", "BKS 29A. 50482"): the number goes on, the sentence does not end there.
_PLATE_BEFORE = re.compile(r"(?:BKS|BS|[Bb]iển kiểm soát|[Bb]iển số)\s*:?\s*\d{2}[A-Z]{1,2}\d?(?:\s*[-–]?\s*\d{3})?$")
# A scraper glued two sentences: "kinh tế.Triều Tiên" (lowercase word, period, capitalized word).
# (The mark is matched before the look-behind: the scan then jumps from mark to mark.)
_GLUED = re.compile(rf"[.!?](?<=[{LOWER}]{{2}}[.!?])(?=[{UPPER}][{LOWER}])")
# A line ends a sentence only with a mark, closers after it allowed: one that merely closes a
# bracket or quote is a label (a credit "(Tổng hợp)", a portrait's "Ông A (Phó Vụ trưởng …)", a
# line-up, a quoted subheading), as all 101 such short lines of the AbMuSu and ViMs files are.
_TERMINAL_LINE = re.compile(rf"[.!?…:;][{re.escape(_CLOSERS)}]*$")
# Words that cannot end a sentence: a line ending with one runs on into the next line.
_RUN_ON_WORDS = frozenset(
    ["của", "và", "với", "là", "rằng", "thì", "mà", "như", "cho", "tại", "ở", "từ", "về", "trong", "ngoài", "theo", "do", "bởi", "nhưng", "hoặc", "các", "những", "một", "ông", "bà", "anh", "chị", "chủ", "tịch", "tổng", "thống", "thủ", "tướng", "bộ", "trưởng", "ngoại", "trưởng", "đại", "sứ", "giám", "đốc"]
)
# Before a capitalized line only a title waiting for its name ("Chủ tịch" / "Kim Jong-un") or a
# function word runs on: "Thống kê sau hiệp một", "Nam Bộ", "rủi ro hệ thống", "môn tiếng Anh"
# are headings (24 of the 25 lines ending in a word above before a capitalized line, in the
# AbMuSu and ViMs files, are headings or labels).
_NAME_WAITING = frozenset(["chủ tịch", "tổng thống", "thủ tướng", "bộ trưởng", "ngoại trưởng", "đại sứ", "giám đốc"])
_NAME_WAITING_LOWER = frozenset(["ông", "bà", "anh", "chị"])  # as written: "tiếng Anh" is a name
_FUNCTION_WORDS = frozenset(["của", "và", "với", "là", "rằng", "thì", "cho", "tại", "ở", "từ", "về", "trong", "theo",
                             "do", "bởi", "nhưng", "hoặc", "các", "những"])
HEADING_MAX_WORDS = 20
# A "sentence" longer than this (words) is a run-on line without punctuation (a scraped table, a
# caption wall): it is cut, at the last clause mark (, ; : – —) in the second half of the window,
# else at a word, so no length budget can be overrun by one whole piece. Real news sentences stay
# below it (the longest in AbMuSu train/validation: 210/225 words; ViMs dev: 176), so their
# summaries are unchanged.
MAX_SENTENCE_WORDS = 250
MAX_WORD_CHARS = 200  # a "word" longer than this (no spaces at all) is cut too
_WORD_SPAN = re.compile(r"\S+")
_CLAUSE_MARK = re.compile(r"[,;:]$|^[–—-]$")


@dataclass(frozen=True)
class SentenceSplitter:
    """Splits an article into :class:`Sentence` objects. Holds its abbreviation list."""

    abbreviations: frozenset[str]

    @classmethod
    def default(cls) -> "SentenceSplitter":
        return cls(frozenset(a.lower() for a in resource_lines("abbreviations.txt")))

    def split(self, article: Article) -> list[Sentence]:
        text = article.text
        lead_end = len(article.lead) if article.lead and text.startswith(article.lead) else 0
        sentences: list[Sentence] = []
        for paragraph, (start, end, is_heading) in enumerate(self._blocks(text)):
            spans = [(start, end)] if is_heading else list(self.spans(text, start, end))
            for s, e in spans:
                kind = "heading" if is_heading else ("lead" if s < lead_end else "body")
                sentences.append(Sentence(article.id, len(sentences), paragraph, s, e,
                                          text[s:e].replace("\n", " "), kind))
        return sentences

    def split_text(self, text: str) -> list[str]:
        """Sentences of a plain string (convenience for callers without an Article)."""
        return [s.text for s in self.split(Article(id="text", text=text))]

    def _blocks(self, text: str) -> Iterator[tuple[int, int, bool]]:
        """Paragraph blocks ``(start, end, is_heading)``; a run-on line is joined with the next."""
        lines: list[tuple[int, int]] = []
        offset = 0
        for raw in text.split("\n"):
            s, e = offset, offset + len(raw)
            offset = e + 1
            stripped = raw.strip()
            if stripped:
                lead = len(raw) - len(raw.lstrip())
                lines.append((s + lead, s + lead + len(stripped)))
        i = 0
        while i < len(lines):
            start, end = lines[i]
            while i + 1 < len(lines) and self._runs_on(text[start:end], text[lines[i + 1][0]:lines[i + 1][1]]):
                i += 1
                end = lines[i][1]
            block = text[start:end]
            is_heading = not _TERMINAL_LINE.search(block) and len(block.split()) <= HEADING_MAX_WORDS
            yield start, end, is_heading
            i += 1

    @staticmethod
    def _runs_on(line: str, following: str) -> bool:
        if _TERMINAL_LINE.search(line):
            return False
        if following[:1].islower():
            return True
        words = line.split()
        if not words:
            return False
        last = words[-1].lower()
        if following[:1].isupper():
            if line.isupper():  # "HẾT HIỆP MỘT": a heading in capitals
                return False
            return last in _FUNCTION_WORDS or words[-1] in _NAME_WAITING_LOWER \
                or " ".join(words[-2:]).lower() in _NAME_WAITING
        return last in _RUN_ON_WORDS

    def spans(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Sentence spans inside ``text[start:end]``, stripped of surrounding whitespace."""
        block = text[start:end]
        cuts: list[int] = []
        for match in _END.finditer(block):
            if self._is_boundary(block, match.start(), match.end()):
                cuts.append(match.end())
        for match in _GLUED.finditer(block):
            cuts.append(match.end())
        cuts = sorted(set(cuts))
        previous = 0
        for cut in cuts + [len(block)]:
            piece = block[previous:cut]
            stripped = piece.strip()
            if stripped and any(c.isalnum() for c in stripped):
                lead = len(piece) - len(piece.lstrip())
                yield from _capped(text, start + previous + lead, start + previous + lead + len(stripped))
            previous = cut

    def _is_boundary(self, block: str, mark_start: int, mark_end: int) -> bool:
        following = block[mark_end:].lstrip()
        while following[:1] and following[:1] in _OPENERS:
            following = following[1:]
        if not following:
            return True
        first = following[0]
        if not (first.isupper() or first.isdigit() or first in "-–—•"):
            return False
        marks = block[mark_start:mark_end]
        if marks.startswith(".") and not marks.startswith("..."):
            token_start = _token_start(block, mark_start)
            word = block[token_start:mark_start + 1].lower().lstrip(_OPENERS)
            if word in self.abbreviations:
                return False
            bare = word[:-1]
            if following[:2].isdigit() and _PLATE_BEFORE.search(block, max(0, mark_start - 40), mark_start):
                return False
            # A list number opening the block ("1. Mục một", "2.3. Quy định") is not a sentence.
            if not block[:token_start].strip() and bare.replace(".", "").isdigit() and len(bare) <= 6:
                return False
            # An initial ("J. Smith") or a dotted title ("GS.TS.") is not a sentence end.
            # Initials are Latin letters (or Đ); "nước Ý." or "chữ Ô." ends a sentence.
            if len(bare) == 1 and bare.isalpha() and block[mark_start - 1].isupper() \
                    and (bare.isascii() or bare == "đ"):
                return False
            # A person's initials before the bracket that says who they are: "bà T.T.T.T. (38
            # tuổi, quê ...) đang ...", "ông N.D.H. (SN 1975) bị ...", as crime and health news
            # names people. (Before a capital, "M.U.", "D.C." end sentences.)
            if _INITIALS.fullmatch(bare) and block[mark_start - 1].isupper() \
                    and _about_them(block[mark_end:].lstrip()):
                return False
        return True


def _about_them(text: str) -> bool:
    """Does ``text`` open with a bracket that says who a person is: an age, a birth year, a home
    ("(38 tuổi, ...", "(SN 1975", "(ngụ ...")? Not a bracketed sentence ("(Trước đó, hắn ...)")."""
    inside = text[1:].lstrip() if text[:1] == "(" else ""
    return inside[:1].isdigit() or inside[:1].islower() or inside.startswith("SN ")


def _token_start(block: str, mark: int) -> int:
    """Where the run of non-space characters that ends with the mark at ``mark`` begins (read
    back from the mark: a search for the last token read the whole block before it)."""
    start = mark
    while start > 0 and not block[start - 1].isspace():
        start -= 1
    return start


def _capped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` itself, or pieces of at most ``MAX_SENTENCE_WORDS`` words when it is longer."""
    size = end - start
    # Too short to hold too many words: a word takes a character and a space, and a run cut
    # every MAX_WORD_CHARS adds at most size // MAX_WORD_CHARS pieces.
    if size <= MAX_WORD_CHARS or (size + 1) // 2 + size // MAX_WORD_CHARS <= MAX_SENTENCE_WORDS:
        yield start, end
        return
    words: list[tuple[int, int]] = []
    for match in _WORD_SPAN.finditer(text, start, end):
        s, e = match.span()
        while e - s > MAX_WORD_CHARS:  # no spaces to cut at: cut the run itself
            words.append((s, s + MAX_WORD_CHARS))
            s += MAX_WORD_CHARS
        words.append((s, e))
    if len(words) <= MAX_SENTENCE_WORDS:
        yield start, end
        return
    first = 0
    while first < len(words):
        last = min(first + MAX_SENTENCE_WORDS, len(words)) - 1
        if last < len(words) - 1:
            for k in range(last, first + MAX_SENTENCE_WORDS // 2, -1):
                if _CLAUSE_MARK.search(text[words[k][0]:words[k][1]]):
                    last = k
                    break
        yield words[first][0], words[last][1]
        first = last + 1
