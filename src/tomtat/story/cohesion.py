"""Cohesion inside an event: a person (or an organization) is introduced before a sentence
names them by a short form.

A hand check of 20 summaries found that most dangling references (10 of 14) were of one kind:
a sentence names a person short ("ông Kim nói ...") and a later one of the same summary
introduces them ("Chủ tịch Triều Tiên Kim Jong-un ..."). An editor puts the introducing
sentence first.

:class:`PersonReferences` reads how each summary sentence names each person in it (a
:class:`Naming`: the name's syllables, and whether a title or role comes with it), with the
entity machinery: mentions found after a title or "ông"/"bà" (and here "anh"/"chị"), a lone
name joined to the one full name it can stand for ("ông Kim" and "Chủ tịch Kim Jong-un").
:func:`introductions_first` then moves, inside one event, the chain of sentences that names a
person more fully to just before the chain that first named them short, when that leaves
fewer people named short before their introduction. Chains (a sentence with those leaning on
it) move whole; nothing moves across events. An organization counts the same way where a
sentence gives its short form in brackets ("Ngân hàng TMCP Công Thương Việt Nam (VietinBank)")
and another writes that short form alone.
"""
from __future__ import annotations

import re
from typing import Callable, Mapping, NamedTuple, Sequence

from tomtat.core.model import Sentence
from tomtat.story.entities import ORGANIZATION, PERSON, EntityExtractor, Mention
from tomtat.vi.names import EntityResources, fold


class Naming(NamedTuple):
    """How fully one sentence names one person."""

    syllables: int  # of the name: "Kim" 1, "Kim Jong-un" 3
    titled: bool  # a title or role with it ("Chủ tịch", "Bộ trưởng Quốc phòng Nga"); "ông", "bà" are not
    honorific: bool = False  # "ông", "bà", "anh", "chị" before it: the name is meant as a person's

    def fuller_than(self, other: Naming) -> bool:
        """Does this naming introduce a person ``other`` named short? More of the name, with a
        title if ``other`` had one ("Chủ tịch Kim Jong-un", "Kim Jong-un" over "ông Kim" or
        "Kim"), or the same name with a title where ``other`` had only "ông"/"bà" ("Tổng
        thống Putin" over "ông Putin"). Not over a bare name as long ("Phó Tổng Giám đốc
        Saigontourist Group" over "Saigontourist Group": a name after a title is not always a
        person's, and a bare one may be none), nor "Vladimir Putin" over "Tổng thống Putin"."""
        if self.syllables > other.syllables:
            return self.titled >= other.titled
        return self.syllables == other.syllables and self.titled and not other.titled and other.honorific

    def join(self, other: Naming | None) -> Naming:
        """What a reader knows after both namings."""
        if other is None:
            return self
        return Naming(max(self.syllables, other.syllables), self.titled or other.titled,
                      self.honorific or other.honorific)


Namings = Mapping[str, Naming]  # a sentence's people (their keys) and how it names each


class PersonReferences:
    """``namings(sentences)``: for each sentence, the people it names and how fully (and the
    organizations it names by a short form or introduces with one; see ``_organization_naming``).
    People are read with the entity list's rules: "anh Tuấn", like "ông Kim", is a person named
    short."""

    def __init__(self, resources: EntityResources | None = None) -> None:
        resources = resources or EntityResources.default()
        self.honorifics = resources.honorifics
        self.extractor = EntityExtractor(resources)

    def namings(self, sentences: Sequence[Sentence]) -> list[dict[str, Naming]]:
        position = {(s.article_id, s.index): k for k, s in enumerate(sentences)}
        out: list[dict[str, Naming]] = [{} for _ in sentences]
        for (etype, key), mentions in self.extractor.named_of_types(sentences, (PERSON, ORGANIZATION)).items():
            named = key if etype == PERSON else f"{etype}:{key}"  # a person's key is the person's name
            starts = {(m.article_id, m.start) for m in mentions}
            for m in mentions:
                k = position[(m.article_id, m.sentence_index)]
                if etype == ORGANIZATION:
                    naming = _organization_naming(sentences[k], m, starts)
                    if naming is None:
                        continue
                else:
                    titled = bool(m.role) or (bool(m.title) and m.title not in self.honorifics)
                    naming = Naming(len(fold(m.text).split()), titled, m.title in self.honorifics)
                out[k][named] = naming.join(out[k].get(named))
        return out


_BRACKET_OPENS = re.compile(r"\s*\(\s*")


def _organization_naming(sentence: Sentence, mention: Mention, starts: set[tuple[str, int]]) -> Naming | None:
    """An organization is introduced where its name comes with its short form in brackets
    ("Ngân hàng TMCP Công Thương Việt Nam (VietinBank)": a mention of it, in ``starts``, opens
    the bracket; not "Công ty ABC (Hà Nội)") and named short by that one word alone
    ("VietinBank"). Other namings do not count: a name written longer later ("Ngân hàng Nhà
    nước Việt Nam" after "Ngân hàng Nhà nước (NHNN)", "Liên Hợp Quốc" after "LHQ") moved
    sentences that lean on others to an event's start."""
    bracket = _BRACKET_OPENS.match(sentence.text, mention.end - sentence.start)
    if bracket and (mention.article_id, sentence.start + bracket.end()) in starts:
        return Naming(2, False)
    if " " not in mention.text.strip():
        return Naming(1, False)
    return None


def late_introductions(namings: Sequence[Namings], known: Namings | None = None) -> set[str]:
    """The people a later sentence names more fully than the first sentence that names them
    (``namings`` in reading order; ``known``: how the reader already knows them, from earlier
    events)."""
    known = known or {}
    first: dict[str, Naming] = {}
    late: set[str] = set()
    for sentence in namings:
        for person, naming in sentence.items():
            if person not in first:
                first[person] = naming.join(known.get(person))
            elif naming.fuller_than(first[person]):
                late.add(person)
    return late


def introductions_first(chains: Sequence[Sequence[int]], namings: Sequence[Namings],
                        known: Namings | None = None) -> list[list[int]]:
    """``chains`` (lists of positions into ``namings``, in reading order) reordered so that a
    person is introduced before a short naming of them: the chain with the fullest later
    naming moves to just before the chain of the first naming. A move is kept only when it
    leaves fewer people introduced late (so two people introduced each in the other's
    sentence stay as they are), which also bounds the number of moves."""
    order = [list(c) for c in chains]

    def late_in(o: Sequence[Sequence[int]]) -> set[str]:
        return late_introductions([namings[k] for c in o for k in c], known)

    late = late_in(order)
    while late:
        moved = _better_move(order, namings, known or {}, late, late_in)
        if moved is None:
            break
        order, late = moved
    return order


def _better_move(order: list[list[int]], namings: Sequence[Namings], known: Namings, late: set[str],
                 late_in: Callable[[Sequence[Sequence[int]]], set[str]]) -> tuple[list[list[int]], set[str]] | None:
    """The first move that leaves fewer people introduced late: people by where they are first
    named, for each the chains that name them more fully, the fullest (then the earliest) first."""
    for person in sorted(late, key=lambda p: (_first_chain(order, namings, p), p)):  # ties: by key, not set order
        i = _first_chain(order, namings, person)
        told = next(namings[k][person] for k in order[i] if person in namings[k]).join(known.get(person))
        fuller = [(max(namings[k][person] for k in order[j] if person in namings[k]), -j)
                  for j in range(i + 1, len(order))
                  if any(person in namings[k] and namings[k][person].fuller_than(told) for k in order[j])]
        for _, minus_j in sorted(fuller, reverse=True):
            j = -minus_j
            moved = order[:i] + [order[j]] + order[i:j] + order[j + 1:]
            fewer = late_in(moved)
            if len(fewer) < len(late):
                return moved, fewer
    return None


def _first_chain(order: Sequence[Sequence[int]], namings: Sequence[Namings], person: str) -> int:
    return next(c for c, chain in enumerate(order) if any(person in namings[k] for k in chain))
