"""Make chosen sentences read well on their own, by removing text only.

Two small objects, both built from text files in ``tomtat/resources``:

* :class:`Openers` (``dangling_openers.txt``) knows the openers that lean on the sentence
  before: *removable* connectives ("Tuy nhiên,", "Trong khi đó,", "Cũng" before "theo ông
  X,") that the rest of the sentence stands without, and *referential* openers ("Ông này",
  "Điều này", "Theo đó,") that it does not. The selector takes a sentence that needs its
  predecessor only after that predecessor, and the pipeline puts it right behind it.
* :class:`PatternTrimmer` (``trim_patterns.txt``, ``news_outlets.txt``) removes inline photo
  notes ("(ảnh minh họa)", "(Ảnh: ...)"), reporter and agency credits ("(PV)", "(Theo X)" at
  the end), trailing outlet attributions after a complete statement (", theo Reuters.",
  ", hãng tin AFP cho biết.") and, when the sentence does not follow its predecessor in the
  summary, a removable connective opener.

Faithfulness: the trimmed text is the source sentence with some spans deleted. No word is
added and no number or name is changed; the only other edits are dropping the spaces left
at a cut and upper-casing the first letter when an opener was removed from the front
("Tuy nhiên, giá vàng tăng." -> "Giá vàng tăng."). A removal is skipped when what is left
would not be a sentence (fewer than ``min_words`` words, or an opener that points back).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable, Protocol

from .model import Removed
from .resources import lines as resource_lines

OPENERS_FILE = "dangling_openers.txt"
PATTERNS_FILE = "trim_patterns.txt"
OUTLETS_FILE = "news_outlets.txt"
MIN_WORDS = 6

REMOVABLE = "removable"
REFERENTIAL = "referential"

# A sentence cut mid-way: it starts in lower case, ends on a mark that announces more, or is
# an item of a list ("1. ...", "a) ...", "- ...") without the list.
_CUT_END = re.compile(r"[:;,\-–—]\s*$")
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[a-zđ]\)|[-–—•+*])\s")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=None)
def _letters(upper: bool) -> str:
    """A regex class body of the Latin letters (Vietnamese included) of one case."""
    chars = [chr(c) for r in ((0x41, 0x250), (0x1E00, 0x1F00)) for c in range(*r)]
    return "".join(ch for ch in chars if ch.isalpha() and (ch.isupper() if upper else ch.islower()))


# An optional short opening phrase and its comma: "Tại hội nghị, ", "Hiện nay, ".
_LEAD = r"(?:[^,.;:!?“”\"]{1,60}, )?"


def _expand(pattern: str, outlets: Iterable[str] = ()) -> str:
    pattern = pattern.replace("{lead}", _LEAD)
    pattern = pattern.replace("{upper}", f"[{_letters(True)}]").replace("{lower}", f"[{_letters(False)}]")
    if "{outlet}" in pattern:
        names = sorted(set(outlets), key=len, reverse=True)
        pattern = pattern.replace("{outlet}", "(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
    return pattern


def _sections(lines: Iterable[str], source: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        if line.startswith("[") and line.endswith("]") and " " not in line:
            current = line[1:-1]
            out.setdefault(current, [])
        elif current is None:
            raise ValueError(f"{source}: pattern before any [section]: {line!r}")
        else:
            out[current].append(line)
    return out


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def is_cut(text: str) -> bool:
    """A sentence cut mid-way: it starts with a lower-case letter, ends with ``:``, ``;``,
    ``,`` or a dash (a list announced but not given, a clause without its end), is one item
    of a list ("1. ...", "a) ..."), or holds part of a quotation that begins or ends in
    another sentence (unbalanced quote marks)."""
    stripped = text.strip()
    if not stripped:
        return True
    first = next((ch for ch in stripped if ch.isalnum()), "")
    if (first.isalpha() and first.islower()) or _CUT_END.search(stripped) or _LIST_ITEM.match(stripped):
        return True
    return stripped.count("“") != stripped.count("”") or stripped.count('"') % 2 == 1


def capitalize_first(text: str) -> str:
    """Upper-case the first letter when it opens an all-lower-case word ("giá" -> "Giá");
    a name written with inner capitals ("iPhone", "eBay") is left as it is."""
    m = _WORD.search(text)
    if not m or not m.group(0)[:1].isalpha() or not m.group(0).islower():
        return text
    k = m.start()
    return text[:k] + text[k].upper() + text[k + 1:]


def _first_of(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One regex for "the first of ``patterns`` (each anchored with ``^``) whose own match ends
    a word": each is an atomic group, so it keeps the match ``pattern.match`` would give, then
    a non-empty match must end at a word's end ("Họ" does not match "Họa"). One C-level match
    instead of a Python loop over the patterns."""
    if not patterns:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?>{p.pattern})(?<=[\\s\\S])(?:(?<![^\\W_])|(?![^\\W_]))" for p in patterns))


@dataclass(frozen=True)
class Opener:
    kind: str  # "removable" or "referential"
    text: str  # the opener as matched, e.g. "Tuy nhiên,"


@dataclass(frozen=True)
class Openers:
    """Openers that lean on the sentence before; see ``resources/dangling_openers.txt``."""

    removable: tuple[re.Pattern[str], ...]
    referential: tuple[re.Pattern[str], ...]
    min_words: int = MIN_WORDS

    @classmethod
    def default(cls) -> "Openers":
        return cls.from_lines(resource_lines(OPENERS_FILE), source=OPENERS_FILE)

    @classmethod
    def from_lines(cls, lines: Iterable[str], *, source: str = "<lines>") -> "Openers":
        sections = _sections(lines, source)
        unknown = set(sections) - {REMOVABLE, REFERENTIAL}
        if unknown:
            raise ValueError(f"{source}: unknown section(s) {sorted(unknown)}; known: {REMOVABLE}, {REFERENTIAL}")
        compile_ = lambda p: re.compile("^(?:" + _expand(p) + ")")  # noqa: E731
        return cls(tuple(compile_(p) for p in sections.get(REMOVABLE, ())),
                   tuple(compile_(p) for p in sections.get(REFERENTIAL, ())))

    @cached_property  # the frozen instance's own cache: computed once, never changes
    def _removable(self) -> re.Pattern[str]:
        return _first_of(self.removable)

    @cached_property
    def _referential(self) -> re.Pattern[str]:
        return _first_of(self.referential)

    def match(self, text: str) -> Opener | None:
        """The opener ``text`` starts with, if any (removable ones are looked for first)."""
        text = text.lstrip()
        for kind, pattern in ((REMOVABLE, self._removable), (REFERENTIAL, self._referential)):
            m = pattern.match(text)
            if m:
                return Opener(kind, m.group(0).strip())
        return None

    def removable_prefix(self, text: str) -> int:
        """Length of the removable connectives (and spaces) ``text`` opens with; 0 if none."""
        end = len(text) - len(text.lstrip())
        while True:
            rest = capitalize_first(text[end:])
            m = self._removable.match(rest)
            if not m:
                return end if end > len(text) - len(text.lstrip()) else 0
            end += m.end()
            end += len(text[end:]) - len(text[end:].lstrip())

    def needs_predecessor(self, text: str) -> bool:
        """True when the sentence cannot stand alone even with its removable opener gone:
        it points back ("Ông này", "Theo đó,"), or too little is left after the connective."""
        prefix = self.removable_prefix(text)
        rest = capitalize_first(text[prefix:]) if prefix else text.lstrip()
        if prefix and word_count(rest) < self.min_words:
            return True
        return self._referential.match(rest) is not None


@dataclass(frozen=True)
class Trimmed:
    text: str
    removed: tuple[Removed, ...] = ()  # each removed part, with its reason (a section name, or "opener")


class Trimmer(Protocol):
    def __call__(self, text: str, *, after_predecessor: bool = False) -> Trimmed: ...


class NoTrimmer:
    """Leaves every sentence as it is (``Options(trim=False)``)."""

    def __call__(self, text: str, *, after_predecessor: bool = False) -> Trimmed:
        return Trimmed(text)


@dataclass(frozen=True)
class PatternTrimmer:
    """Removes what matches ``patterns`` (``(reason, regex)``), then a dangling removable
    opener unless the sentence comes right after its predecessor (``after_predecessor``)."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    openers: Openers | None = None
    min_words: int = MIN_WORDS

    @classmethod
    def default(cls, openers: Openers | None = None) -> "PatternTrimmer":
        return cls.from_lines(resource_lines(PATTERNS_FILE), outlets=resource_lines(OUTLETS_FILE),
                              openers=openers, source=PATTERNS_FILE)

    @classmethod
    def from_lines(cls, lines: Iterable[str], *, outlets: Iterable[str] = (), openers: Openers | None = None,
                   source: str = "<lines>") -> "PatternTrimmer":
        outlets = tuple(outlets)
        patterns = tuple((reason, re.compile(_expand(p, outlets)))
                         for reason, items in _sections(lines, source).items() for p in items)
        return cls(patterns, openers)

    def __call__(self, text: str, *, after_predecessor: bool = False) -> Trimmed:
        removed: list[Removed] = []
        current = text
        for reason, pattern in self.patterns:
            start = 0
            while True:
                m = pattern.search(current, start)
                if not m or m.end() == m.start():
                    break
                candidate = _cut(current, m.start(), m.end())
                if word_count(candidate) >= self.min_words and not self._new_referential(current, candidate):
                    removed.append(Removed(m.group(0).strip(), reason))
                    current = candidate
                    start = m.start()
                else:
                    start = m.end()
                if start >= len(current):
                    break
        if self.openers is not None and not after_predecessor:
            prefix = self.openers.removable_prefix(current)
            if prefix and not self.openers.needs_predecessor(current):
                removed.append(Removed(current[:prefix].strip(), "opener"))
                current = capitalize_first(current[prefix:])
        return Trimmed(current, tuple(removed))

    def _new_referential(self, before: str, after: str) -> bool:
        """A cut must not leave a sentence that points back where the whole one did not."""
        return self.openers is not None and self.openers.needs_predecessor(after) \
            and not self.openers.needs_predecessor(before)


def _cut(text: str, start: int, end: int) -> str:
    """``text`` without ``text[start:end]``, dropping the spaces the cut leaves behind."""
    left, right = text[:start], text[end:]
    if not left.strip():
        return right.lstrip()
    if not right.strip():
        return left.rstrip()
    if right[:1].isspace() or right[:1] in ",.;:!?…)]”’»":
        left = left.rstrip()
        if right[:1].isspace() and right.lstrip()[:1] in ",.;:!?…)]”’»":
            right = right.lstrip()
    if not left[-1:].isspace() and not right[:1].isspace() and right[:1].isalnum():
        # A cut between two words would glue them; keep one of the spaces that were there.
        gap = text[start:end]
        if gap[:1].isspace():
            left = left + gap[0]
        elif gap[-1:].isspace():
            right = gap[-1] + right
    return left + right


def check_removal_only(source: str, trimmed: str) -> bool:
    """True when ``trimmed`` is ``source`` with spans deleted (case of letters aside):
    every word of the trimmed text appears, in order, among the source's words."""
    src = [w.lower() for w in _WORD.findall(source)]
    k = 0
    for word in (w.lower() for w in _WORD.findall(trimmed)):
        while k < len(src) and src[k] != word:
            k += 1
        if k == len(src):
            return False
        k += 1
    return True

