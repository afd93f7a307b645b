"""Names as language knowledge: how name spellings fold together, and the word lists that tell
a person from an organization or a place (text files in ``tomtat/resources``).

A folded key merges variants of one name: lowercase, '-' as space, Latin transliteration
folds (Victor/Viktor, Sergey/Sergei), and a variants file for spellings no rule links
(Moscow/Moskva/Mát-xcơ-va).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Collection, Mapping, Sequence

from tomtat.vi.normalize import fix_tone_placement
from tomtat.vi.resources import lines as resource_lines, read_sections, vietnamese_syllables, vietnamese_words


# German and Nordic letters, which Vietnamese does not write: "Jürgen" is also "Juergen" and "Jurgen".
_UMLAUTS = str.maketrans({"ü": "u", "ö": "o", "ä": "a"})
# ... and "ue", "oe", "ae" inside a word, between letters ("Juergen", "Loew"): not at its end,
# where "Choe" would be "Cho" and "Hue" "Hu"
_E_SPELLING = re.compile(r"(?<=[a-z])([uoa])e(?=[a-z])")


_PROVINCE = "tỉnh"


def fold_token(token: str) -> str:
    """Lowercase; for plain Latin tokens also c→k, x→ks, final ey/y→ei/i (Victor/Viktor,
    Sergey/Sergei), and an umlaut or its "e" spelling is the plain vowel (Jürgen, Juergen, Jurgen)."""
    t = token.lower().translate(_UMLAUTS)
    if t.isascii() and t.isalpha():
        t = _E_SPELLING.sub(r"\1", t.replace("x", "ks").replace("c", "k"))
        if t.endswith("ey"):
            t = t[:-2] + "ei"
        elif t.endswith("y") and len(t) > 3:
            t = t[:-1] + "i"
    return t


@lru_cache(maxsize=1 << 16)  # pure function of its argument; thread-safe for this use
def fold(name: str) -> str:
    name = unicodedata.normalize("NFC", name).replace("-", " ").replace("–", " ").replace("’", "'")
    return " ".join(fold_token(t) for t in name.split())


def is_capitalized(token: str) -> bool:
    return token[:1].isupper()


@lru_cache(maxsize=1 << 16)  # asked of every word of every run, several times
def is_acronym(token: str) -> bool:
    """Two or more letters, all capitals ("UBND", "TP")."""
    letters = [ch for ch in token if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def key_starts(keys: Collection[str], variants: dict[str, str]) -> frozenset[str]:
    """The first folded word of every name whose key (:meth:`EntityResources.key`) is in
    ``keys``: the keys' own, and those of the listed spellings that fold to one of them."""
    spellings = [v for v, canonical in variants.items() if canonical in keys]
    return frozenset(k.split()[0] for k in (*keys, *spellings) if k.split())


def may_start(words: Sequence[str], i: int, starts: frozenset[str]) -> bool:
    """Can a name whose first folded word is in ``starts`` begin at ``words[i]``? (A word that
    folds to nothing, such as a lone "-", leaves the answer to the full test.)"""
    if i >= len(words):
        return False
    first = _first_folded(words[i])
    return not first or first in starts


@lru_cache(maxsize=1 << 16)
def _first_folded(word: str) -> str:
    """The first word of ``fold(word)`` ("" when it folds to nothing)."""
    folded = fold(word).split()
    return folded[0] if folded else ""


_ROMAN = re.compile(r"(?=..)X{0,3}(?:IX|IV|V?I{0,3})")  # II to XXXIX: a term, a congress, a century


def _longest_first(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted(items, key=len, reverse=True))


BODY_FIELDS_FILE = "body_fields.txt"


@cache
def _body_field_sections() -> Mapping[str, frozenset[str]]:
    """The sections of ``body_fields.txt``, in the tone placement text is read with (read once)."""
    return {name: frozenset(fix_tone_placement(line) for line in lines)
            for name, lines in read_sections(resource_lines(BODY_FIELDS_FILE), BODY_FIELDS_FILE).items()}


@dataclass(frozen=True)
class EntityResources:
    """Word lists the entity extractor reads (text files in ``tomtat/resources``)."""

    titles: tuple[str, ...]  # longest first
    honorifics: frozenset[str]  # lowercase; the address terms too
    places: frozenset[str]  # folded
    org_heads: tuple[str, ...]  # longest first
    known_orgs: frozenset[str]  # folded
    place_triggers: tuple[str, ...]
    surname_first: frozenset[str]  # folded
    variants: dict[str, str]  # folded variant -> folded canonical
    words: frozenset[str] = frozenset()  # lowercased multi-syllable Vietnamese words
    syllables: frozenset[str] = frozenset()  # lowercased one-syllable Vietnamese words
    title_prefixes: tuple[str, ...] = field(default_factory=lambda: resource_lines("title_prefixes.txt"))
    # lowercase-only honorifics ("anh", "chị"): see address_terms.txt
    address_terms: frozenset[str] = field(default_factory=lambda: frozenset(resource_lines("address_terms.txt")))
    org_triggers: tuple[str, ...] = field(default_factory=lambda: resource_lines("org_triggers.txt"))
    admin_units: tuple[str, ...] = field(default_factory=lambda: _longest_first(resource_lines("admin_units.txt")))
    name_breakers: frozenset[str] = field(default_factory=lambda: frozenset(resource_lines("name_breakers.txt")))
    name_particles: tuple[str, ...] = field(default_factory=lambda: resource_lines("name_particles.txt"))
    org_words: tuple[str, ...] = field(default_factory=lambda: resource_lines("org_words.txt"))
    club_words: frozenset[str] = field(  # lowercased
        default_factory=lambda: frozenset(w.lower() for w in resource_lines("club_words.txt")))
    common_acronyms: frozenset[str] = field(default_factory=lambda: frozenset(resource_lines("common_acronyms.txt")))
    local_bodies: frozenset[str] = field(default_factory=lambda: frozenset(resource_lines("local_bodies.txt")))
    before_a_country: frozenset[str] = field(default_factory=lambda: frozenset(resource_lines("before_a_country.txt")))
    name_starts_not_given: frozenset[str] = field(
        default_factory=lambda: frozenset(resource_lines("name_starts_not_given.txt")))
    country_short_names: frozenset[str] = field(  # folded
        default_factory=lambda: frozenset(fold(n) for n in resource_lines("country_short_names.txt")))
    facility_words: tuple[str, ...] = field(default_factory=lambda: resource_lines("facility_words.txt"))
    joined_fields: tuple[str, ...] = field(default_factory=lambda: resource_lines("joined_fields.txt"))
    company_fields: frozenset[str] = field(  # lowercased
        default_factory=lambda: frozenset(f.lower() for f in resource_lines("company_fields.txt")))
    # lowercase fields ending a public body's name; those that are verbs as often; the words they go on
    body_fields: frozenset[str] = field(default_factory=lambda: _body_field_sections()["fields"])
    body_actions: frozenset[str] = field(default_factory=lambda: _body_field_sections()["actions"])
    body_forces: frozenset[str] = field(default_factory=lambda: frozenset(
        w.lower() for w in _body_field_sections()["forces"]))
    regions: frozenset[str] = frozenset()  # folded world regions, which ``places`` holds too
    org_kinds: tuple[str, ...] = field(  # folded, longest first
        default_factory=lambda: tuple(sorted({fold(k) for k in resource_lines("org_kinds.txt")}, key=len, reverse=True)))

    def common_acronym(self, word: str) -> bool:
        """An acronym for a common word, unit or document ("TP", "USD", "GPLX"), or a Roman
        numeral ("XIII"): alone, not an organization's name."""
        return word in self.common_acronyms or _ROMAN.fullmatch(word) is not None

    @classmethod
    def default(cls) -> EntityResources:
        regions = frozenset(fold(r) for r in resource_lines("regions.txt"))
        variants: dict[str, str] = {}
        for line in resource_lines("name_variants.txt"):
            names = [n.strip() for n in line.split("|") if n.strip()]
            for n in names:
                variants[fold(n)] = fold(names[0])
        return cls(
            titles=_longest_first(resource_lines("titles.txt")),
            honorifics=frozenset(h.lower() for h in (*resource_lines("honorifics.txt"), *resource_lines("address_terms.txt"))),
            places=frozenset(fold(p) for p in resource_lines("places.txt")) | regions,
            regions=regions,
            org_heads=_longest_first(resource_lines("org_heads.txt")),
            known_orgs=frozenset(fold(o) for o in resource_lines("known_orgs.txt")),
            place_triggers=tuple(resource_lines("place_triggers.txt")),
            surname_first=frozenset(fold(s) for s in resource_lines("surname_first.txt")),
            variants=variants,
            words=vietnamese_words(),
            syllables=vietnamese_syllables(),
        )

    def key(self, name: str) -> str:
        """The folded key every spelling of one name shares."""
        return self._key_of_folded(fold(name))

    def _key_of_folded(self, folded: str) -> str:
        return self.variants.get(folded, folded)

    def organization_key(self, name: str) -> str:
        """:meth:`key`, with a place the name ends in spelled as the place's own key: "Sở Giao
        dịch Chứng khoán TP HCM" and "... TP.HCM", "UBND TPHCM" and "UBND TP.HCM" are one name."""
        folded = fold(name)
        if folded in self.variants:
            return self.variants[folded]
        words = folded.split()
        for n in range(min(5, len(words) - 1), 0, -1):  # "thành phố hồ chí minh"
            tail = " ".join(words[-n:])
            place = self.variants.get(tail, tail)
            if place in self.places:
                # a province's office is named with or without its unit: "Cục Hải quan tỉnh Điện Biên"
                before = words[:-n - 1] if len(words) > n + 1 and words[-n - 1] == _PROVINCE else words[:-n]
                return " ".join([*before, place])
        return folded

    # The place and organization tests ask, at every word of every run, for the key of up to
    # four words: most words start no listed name, and a set lookup of the first word's fold
    # answers those before any joining and folding (a third of the entity rules' time).
    @cached_property
    def _place_starts(self) -> frozenset[str]:
        return key_starts(self.places, self.variants)

    @cached_property
    def _org_starts(self) -> frozenset[str]:
        return key_starts(self.known_orgs, self.variants)

    def word_tail(self, tokens: Sequence[str], k: int) -> int:
        """How many lowercase syllables after ``tokens[k]`` complete one word with it
        ("Chỉ" + "huy", "Kinh" + "tế"): a name never ends in the middle of a word."""
        for n in (3, 2, 1):
            tail = tokens[k + 1:k + 1 + n]
            if len(tail) == n and all(t[:1].islower() for t in tail) \
                    and " ".join(tokens[k:k + 1 + n]).lower() in self.words:
                return n
        return 0

    def unit_length(self, words: Sequence[str], i: int) -> int:
        """How many words from ``words[i]`` are a lowercase administrative unit ("tỉnh", "thành
        phố"), or 0."""
        return next((len(unit) for unit in self._unit_words if tuple(words[i:i + len(unit)]) == unit), 0)

    @cached_property
    def _unit_words(self) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(unit.split()) for unit in self.admin_units)

    def place_length(self, words: Sequence[str], i: int) -> int:
        """How many words from ``words[i]`` name a known place (4, 3, 2, 1), or 0."""
        if not may_start(words, i, self._place_starts):
            return 0
        for n in (4, 3, 2, 1):
            if i + n <= len(words) and self.key(" ".join(words[i:i + n])) in self.places:
                return n
        return 0

    def full_vietnamese_name(self, name: str) -> bool:
        """3-4 syllables with a family name first: "Lê Thị Thu Hằng", "Nguyễn Văn A"."""
        syllables = fold(name).split()
        return len(syllables) in (3, 4) and syllables[0] in self.surname_first

    def ends_in_place(self, words: Sequence[str]) -> bool:
        """Do the words after the first end in a known place ("Than Quảng Ninh", "Eurowindow Nha
        Trang"): a club, an office or a brand's branch rather than a person's name?"""
        return any(self.place_length(words, k) == len(words) - k for k in range(1, len(words)))

    def known_org_length(self, words: Sequence[str], i: int, lengths: Sequence[int] = (2, 1)) -> int:
        """How many words from ``words[i]`` name a known organization ("Interfax"), or 0."""
        if not may_start(words, i, self._org_starts):
            return 0
        for n in lengths:
            if i + n <= len(words):
                folded = fold(" ".join(words[i:i + n]))
                # the listed spelling itself, or one whose key is listed: "Barca" is listed, not
                # "Barcelona" (often the city), though both spell the club's key
                if folded in self.known_orgs or self._key_of_folded(folded) in self.known_orgs:
                    return n
        return 0
