"""Openers that lean on the sentence before, and the shape of a sentence cut mid-way.

Vietnamese language knowledge shared by the scorer's features, the selector and the trimmer,
read from ``resources/dangling_openers.txt``: *removable* connectives ("Tuy nhiên,", "Trong
khi đó,", and "Cùng ngày," since it names no day) that the rest of the sentence stands
without, *referential* openers ("Ông này", "Điều này", "Theo đó,") that it does not,
*same-time* openers ("Cùng thời điểm diễn ra ...,", "Cùng ngày" without its comma) that point
at a time named before, and *relative-time* openers ("Hôm qua,", "Hồi tháng trước,")
that read only against the article's publication date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from re import _constants as _c, _parser  # type: ignore[attr-defined]
from typing import Any, Callable, Iterable

from tomtat.vi.letters import lower_class, upper_class
from tomtat.vi.resources import alternation, lines as resource_lines, read_sections

OPENERS_FILE = "dangling_openers.txt"
MIN_WORDS = 6

REMOVABLE = "removable"
REMOVABLE_NEW = "removable-new"
REFERENTIAL = "referential"
RELATIVE_TIME = "relative-time"
SAME_TIME = "same-time"
REFERENTIAL_NEW = "referential-new"
EARLIER = "earlier"
BY_KIND = "by-kind"

# "The same day" ("Cùng ngày,", "khoảng 18h cùng ngày,") and "before that" ("Trước đó") among a
# sentence's opening connectives.
_SAME_DAY = re.compile(r"(?<!\w)[Cc]ùng (?:ngày|hôm)(?!\w)")
_BEFORE_THAT = re.compile(r"(?<!\w)[Tt]rước đó(?!\w)")

# A sentence cut mid-way: it starts in lower case, ends on a mark that announces more, or is
# an item of a list ("1. ...", "a) ...", "- ...") without the list.
_CUT_END = re.compile(r"[:;,\-–—]\s*$")
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[a-zđ]\)|[-–—•+*])\s")
WORD = re.compile(r"\w+")




# An optional short opening phrase and its comma: "Tại hội nghị, ", "Hiện nay, ".
# (Possessive: the phrase cannot end anywhere but at its first mark, so giving characters
# back to look for ", " is wasted work; the matches are the same.)
_LEAD = r"(?:[^,.;:!?“”\"]{1,60}+, )?"


def expand_pattern(pattern: str, outlets: Iterable[str] = ()) -> str:
    pattern = pattern.replace("{lead}", _LEAD)
    pattern = pattern.replace("{upper}", upper_class()).replace("{lower}", lower_class())
    if "{outlet}" in pattern:
        pattern = pattern.replace("{outlet}", "(?:" + alternation(set(outlets)) + r")(?!\w)")
    return pattern


def word_count(text: str) -> int:
    return len(WORD.findall(text))


# A reporter's question to the person interviewed ("Thưa ông, cơ sở nào mà ...?"): the answer
# may be news, the question never is (a hand check found one opening a summary).
_INTERVIEW_QUESTION = re.compile(r"^\W*(?:Thưa|Xin hỏi|Xin cho hỏi)\s.*\?\W*$"
                                 r"|.*,\s*thưa\s+(?:ông|bà|anh|chị|cô|chú|bác|ngài|đồng chí)\s*\?\W*$", re.DOTALL)


def is_interview_question(text: str) -> bool:
    """A question put to the person interviewed: opens with "Thưa ..." or "Xin hỏi ..." and
    ends with a question mark, or ends with ", thưa ông?"."""
    return _INTERVIEW_QUESTION.match(text.strip()) is not None


def is_cut_or_question(text: str) -> bool:
    """A sentence no summary takes, whatever is chosen around it: cut mid-way (:func:`is_cut`)
    or a reporter's question (:func:`is_interview_question`). Of one sentence alone: the
    cluster's ``never_chosen`` adds what its neighbours tell (a quotation's middle, a
    template line)."""
    return is_cut(text) or is_interview_question(text)


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


def inside_quotations(texts: Iterable[str]) -> list[bool]:
    """For a paragraph's sentences in order: does each begin inside a quotation an earlier one
    opened? Such a sentence ("Những ngày qua rất dài." between "Anh nói: “Tôi vui." and "Cảm ơn
    mọi người.”") is someone's words with no one to say them: a reader takes them for the
    outlet's. Its quotation's first and last sentences are cut already (:func:`is_cut`)."""
    out: list[bool] = []
    inside = False
    for text in texts:
        out.append(inside)
        # one parity over every kind of mark: scraped text often opens with “ and closes with "
        inside ^= (text.count("“") + text.count("”") + text.count('"')) % 2 == 1
    return out


def capitalize_first(text: str) -> str:
    """Upper-case the first letter when it opens an all-lower-case word ("giá" -> "Giá");
    a name written with inner capitals ("iPhone", "eBay") is left as it is."""
    m = WORD.search(text)
    if not m or not m.group(0)[:1].isalpha() or not m.group(0).islower():
        return text
    k = m.start()
    return text[:k] + text[k].upper() + text[k + 1:]


_RECENT = 4096  # sentences whose opener answers an Openers instance keeps
_UNKNOWN = object()  # "not in the memory" (None is an answer)


def _alternation(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One regex for "the first of ``patterns`` (each anchored with ``^``) whose own match ends
    a word": each is an atomic group, so it keeps the match ``pattern.match`` would give, then
    a non-empty match must end at a word's end ("Họ" does not match "Họa"). One C-level match
    instead of a Python loop over the patterns."""
    if not patterns:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?>{p.pattern})(?<=[\\s\\S])(?:(?<![^\\W_])|(?![^\\W_]))" for p in patterns))


def _first_chars(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """The characters a parsed pattern can start with, or None when it could start with any
    (or with nothing): only what is certain narrows the set."""
    for op, av in items:
        if op is _c.AT:  # ^, \b: zero-width
            continue
        if op is _c.LITERAL:
            return frozenset(chr(av))
        if op is _c.IN:
            chars: set[str] = set()
            for kind, value in av:
                if kind is _c.LITERAL:
                    chars.add(chr(value))
                elif kind is _c.RANGE and value[1] - value[0] < 256:
                    chars.update(chr(c) for c in range(value[0], value[1] + 1))
                else:
                    return None
            return frozenset(chars)
        if op is _c.SUBPATTERN:  # av: (group, add flags, remove flags, pattern)
            return None if av[1] & re.IGNORECASE else _first_chars(av[3])
        if op is _c.ATOMIC_GROUP:
            return _first_chars(av)
        if op is _c.BRANCH:
            firsts = [_first_chars(branch) for branch in av[1]]
            return None if any(f is None for f in firsts) else frozenset().union(*firsts)  # type: ignore[arg-type]
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            return _first_chars(av[2])
        return None
    return None


def _required_words(items: Iterable[tuple[Any, Any]], flags: int = 0) -> frozenset[str] | None:
    """Strings of which every text a parsed pattern matches holds one (what its lookaheads read
    included), or None when nothing is certain: a run of two or more case-sensitive literals,
    or one such set from each branch of an alternation, found through groups, positive
    lookarounds and repeats of at least one."""
    run: list[str] = []
    found: frozenset[str] | None = None
    for op, av in (*items, (None, None)):
        if op is _c.LITERAL and not flags & re.IGNORECASE:
            run.append(chr(av))
            continue
        if len(run) >= 2 and found is None:
            found = frozenset(["".join(run)])
        run = []
        inner: frozenset[str] | None = None
        if op is _c.SUBPATTERN:  # av: (group, add flags, remove flags, pattern)
            inner = _required_words(av[3], (flags | av[1]) & ~av[2])
        elif op is _c.ATOMIC_GROUP:
            inner = _required_words(av, flags)
        elif op is _c.ASSERT:  # av: (direction, pattern); a lookaround that must hold
            inner = _required_words(av[1], flags)
        elif op is _c.BRANCH:
            branches = [_required_words(branch, flags) for branch in av[1]]
            inner = None if any(b is None for b in branches) else frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _required_words(av[2], flags)
        if found is None:
            found = inner
    return found


_MAX_REQUIRED = 2  # words tested before a pattern that may start anywhere; more cost what they save
# Patterns left out by their words, per list: each combination is one more regex to compile
# (~5 ms for a letter's ~20 patterns), so a list with more such patterns tries them all.
_MAX_CONDITIONAL = 2


class _FirstOf:
    """:func:`_alternation` of ``patterns``, split by the text's first character: a text is
    tried only against the patterns that can start with it (most openers begin with a fixed
    letter), which makes a sentence's answer ~5x cheaper than one ~100-way alternation.
    A pattern that may start anywhere (a look-ahead over the whole sentence) and cannot match
    without one of a word or two ("tôi", "chúng ta") is left out when the text has neither:
    the first-person opener took most of its list's time and costs ~7x less with the test.
    The answer is the same: a pattern left out could not have matched."""

    def __init__(self, patterns: tuple[re.Pattern[str], ...]) -> None:
        firsts = [None if p.flags & re.IGNORECASE else _first_chars(_parser.parse(p.pattern, p.flags))
                  for p in patterns]
        starts = frozenset().union(*(f for f in firsts if f is not None))
        self._patterns = patterns
        self._by_first = {c: tuple(k for k, f in enumerate(firsts) if f is None or c in f) for c in starts}
        self._other = tuple(k for k, f in enumerate(firsts) if f is None)
        self._needs: dict[int, frozenset[str]] = {}
        for k, (p, f) in enumerate(zip(patterns, firsts)):
            words = _required_words(_parser.parse(p.pattern, p.flags), p.flags) if f is None else None
            if words and len(words) <= _MAX_REQUIRED:
                self._needs[k] = words
        if len(self._needs) > _MAX_CONDITIONAL:
            self._needs = {}
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
        self._recent: dict[str, re.Match[str] | None] = {}

    def _regex(self, text: str) -> re.Pattern[str]:
        tried = tuple(k for k in self._by_first.get(text[:1], self._other)
                      if k not in self._needs or any(word in text for word in self._needs[k]))
        regex = self._compiled.get(tried)
        if regex is None:  # compiled on first use: at most 2**_MAX_CONDITIONAL per first letter
            regex = self._compiled[tried] = _alternation(tuple(self._patterns[k] for k in tried))
        return regex

    def match(self, text: str) -> re.Match[str] | None:
        # The opener feature, the selector and the trimmer ask about the same texts: the
        # recent answers are kept (bounded), as Openers keeps its own.
        # One .get, not "in" then [] (another thread may clear the memory between the two).
        found = self._recent.get(text, _UNKNOWN)
        if found is _UNKNOWN:
            if len(self._recent) >= _RECENT:
                self._recent.clear()
            found = self._recent[text] = self._regex(text).match(text)
        return found  # type: ignore[return-value]

    def __getstate__(self) -> dict[str, object]:  # the answers stay behind (match objects do not pickle)
        return {**self.__dict__, "_recent": {}}


@dataclass(frozen=True)
class Opener:
    kind: str  # "removable" or "referential"
    text: str  # the opener as matched, e.g. "Tuy nhiên,"


@dataclass(frozen=True)
class Openers:
    """Openers that lean on the sentence before; see ``resources/dangling_openers.txt``."""

    removable: tuple[re.Pattern[str], ...]
    referential: tuple[re.Pattern[str], ...]
    relative_time: tuple[re.Pattern[str], ...] = ()
    same_time: tuple[re.Pattern[str], ...] = ()
    min_words: int = MIN_WORDS
    # Removable connectives added after the scorer was trained: trimmed and read past like
    # [removable], but ``match`` (the scorer's opener feature) does not see them until the
    # scorer is retrained. (Retraining with them moved the scorer enough to change which
    # happenings the seed cluster's summary keeps, for the worse.)
    removable_new: tuple[re.Pattern[str], ...] = ()
    # Referential openers added after the scorer was trained, on the same terms: the sentence
    # needs its predecessor, but the opener feature does not see them until a retraining.
    referential_new: tuple[re.Pattern[str], ...] = ()
    # Removable connectives that tell the fact came before the one told before it ("Trước
    # đó,"): the trimmer keeps them where the sentence follows another and names no date.
    earlier: tuple[re.Pattern[str], ...] = ()
    # A thing named before by its kind alone ("Dự án tọa lạc tại ..."): not an event's opening.
    by_kind: tuple[re.Pattern[str], ...] = ()

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Openers":
        """The shipped list, one instance per process (it never changes): the scorer's opener
        feature, the selector and the trimmer then share its memory of answers."""
        return cls.from_lines(resource_lines(OPENERS_FILE), source=OPENERS_FILE)

    @classmethod
    def from_lines(cls, lines: Iterable[str], *, source: str = "<lines>") -> "Openers":
        sections = read_sections(lines, source)
        known = (REMOVABLE, REMOVABLE_NEW, REFERENTIAL, REFERENTIAL_NEW, RELATIVE_TIME, SAME_TIME, EARLIER, BY_KIND)
        unknown = set(sections) - set(known)
        if unknown:
            raise ValueError(f"{source}: unknown section(s) {sorted(unknown)}; known: {', '.join(known)}")
        compile_ = lambda p, flags=0: re.compile("^(?:" + expand_pattern(p) + ")", flags)  # noqa: E731
        return cls(tuple(compile_(p) for p in sections.get(REMOVABLE, ())),
                   tuple(compile_(p) for p in sections.get(REFERENTIAL, ())),
                   tuple(compile_(p, re.IGNORECASE) for p in sections.get(RELATIVE_TIME, ())),
                   tuple(compile_(p) for p in sections.get(SAME_TIME, ())),
                   removable_new=tuple(compile_(p) for p in sections.get(REMOVABLE_NEW, ())),
                   referential_new=tuple(compile_(p) for p in sections.get(REFERENTIAL_NEW, ())),
                   earlier=tuple(compile_(p) for p in sections.get(EARLIER, ())),
                   by_kind=tuple(compile_(p) for p in sections.get(BY_KIND, ())))

    @cached_property  # the frozen instance's own cache: computed once, never changes
    def _removable(self) -> _FirstOf:
        return _FirstOf(self.removable)

    @cached_property
    def _any_removable(self) -> _FirstOf:
        return _FirstOf(self.removable + self.removable_new)

    @cached_property
    def _referential(self) -> _FirstOf:
        return _FirstOf(self.referential)

    @cached_property
    def _unseen_referential(self) -> _FirstOf:
        """Openers that need their predecessor without being the scorer's opener feature."""
        return _FirstOf(self.same_time + self.referential_new)

    @cached_property
    def _earlier(self) -> _FirstOf:
        return _FirstOf(self.earlier)

    @cached_property
    def _by_kind(self) -> _FirstOf:
        return _FirstOf(self.by_kind)

    def names_by_kind(self, text: str) -> bool:
        """Does ``text``, past its removable connectives, name its subject by a kind alone, a
        thing named before ("Dự án tọa lạc tại ...", "Công ty sẽ ...")?"""
        return self._by_kind.match(self._after_connectives(text)[1]) is not None

    def tells_earlier(self, text: str) -> bool:
        """Does ``text`` open with a connective that places its fact before the one told just
        before it ("Trước đó, ...")?"""
        return self._earlier.match(text.lstrip()) is not None

    @cached_property
    def _relative_time(self) -> re.Pattern[str]:
        return re.compile(_alternation(self.relative_time).pattern, re.IGNORECASE)

    def relative_time_opener(self, text: str) -> str | None:
        """The relative time ``text`` opens with ("Hôm qua", "Hồi tháng trước"), after any
        removable connective, or None. It reads only against a publication date."""
        prefix = self.removable_prefix(text)
        m = self._relative_time.match(text[prefix:].lstrip())
        return m.group(0).strip() if m else None

    # The scorer's features, the selector, the order and the trimmer ask about the same
    # sentences; ~100 alternatives make one answer cost ~10 us, so each instance keeps its
    # recent answers (bounded: a batch never grows it without end).
    @cached_property
    def _recent_matches(self) -> Callable[[str], Opener | None]:
        return lru_cache(maxsize=_RECENT)(self._match)

    @cached_property
    def _recent_needs(self) -> Callable[[str, bool], bool]:
        return lru_cache(maxsize=_RECENT)(self._needs_predecessor)

    def __getstate__(self) -> dict[str, object]:  # the caches stay behind (a Ray worker builds its own)
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_recent")}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    def match(self, text: str) -> Opener | None:
        """The opener ``text`` starts with, if any (removable ones are looked for first)."""
        return self._recent_matches(text)

    def _match(self, text: str) -> Opener | None:
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
            m = self._any_removable.match(rest)
            if not m:
                return end if end > len(text) - len(text.lstrip()) else 0
            end += m.end()
            end += len(text[end:]) - len(text[end:].lstrip())

    def _after_connectives(self, text: str) -> tuple[int, str]:
        """(:meth:`removable_prefix`, the rest as a sentence of its own: its first letter capitalized)."""
        prefix = self.removable_prefix(text)
        return prefix, capitalize_first(text[prefix:]) if prefix else text.lstrip()

    def leans_back(self, text: str, *, anchored: bool = True) -> bool:
        """Does the sentence lean on the one before it in its article: it opens with an opener
        the scorer knows ("Tuy nhiên,", "Ông này"), with "the same day" ("Cùng ngày,", trimmed
        where that sentence is not right before it), or it needs that sentence. Such a sentence
        stays right behind that one, in its event, when both are chosen."""
        if self.match(text) is not None or self.needs_predecessor(text, anchored=anchored):
            return True
        prefix = self.removable_prefix(text)
        return bool(prefix) and _SAME_DAY.search(text, 0, prefix) is not None

    def needs_predecessor(self, text: str, *, anchored: bool = True) -> bool:
        """True when the sentence cannot stand alone even with its removable opener gone:
        it points back ("Ông này", "Theo đó,", "Cùng thời điểm đó,"), too little is left after the
        connective, or -- when its article has no publication date (``anchored`` false) --
        it opens with a time counted from that missing date ("Hôm qua,", "Hồi tháng trước,")."""
        return self._recent_needs(text, anchored)

    def _needs_predecessor(self, text: str, anchored: bool) -> bool:
        prefix, rest = self._after_connectives(text)
        if prefix and word_count(rest) < self.min_words:
            return True
        if prefix and _SAME_DAY.search(text, 0, prefix) and _BEFORE_THAT.search(text, 0, prefix):
            # "Trước đó, khoảng 17h cùng ngày, ...": before what, on which day? Both were told
            # just before it ("the same day" alone is trimmed; see [removable-new])
            return True
        if not anchored and self._relative_time.match(rest) is not None:
            return True
        return self._referential.match(rest) is not None or self._unseen_referential.match(rest) is not None
