"""Where a name starts and ends in a sentence, and the title and role around it.

Candidates are runs of capitalized words (:meth:`NameRules.runs`); :class:`NameRules` holds the
patterns built from the word lists (``EntityResources``) and answers the questions the
mention finder asks about a run: which leading words are a title or a qualifier, where an
organization's name ends, which title or role stands before or after a person's name.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import islice, takewhile
from typing import Callable, Collection, NamedTuple, Sequence

from tomtat.vi.letters import UPPER, has_vietnamese_mark
from tomtat.vi.names import EntityResources, fold, is_acronym, is_capitalized

TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SYLLABLE = re.compile(r"[^\W_]+")
# where a clause ends: a title before that cut does not reach a name after it
PUNCT_CUT = re.compile(r"[,.;:!?\"“”()\[\]…]|\s[-–—]\s|^[-–—]\s")
MAX_TITLE_GAP_WORDS = 7
MAX_ROLE_WORDS = 14
_CAP_WORD = rf"[{UPPER}][^\W_]*(?:[-'’][^\W_]+)*"


@lru_cache(maxsize=256)  # the runs of one sentence ask in turn
def _clause_cuts(sentence: str) -> tuple[int, ...]:
    """Where each clause cut (``PUNCT_CUT``) of ``sentence`` ends, in order."""
    return tuple(m.end() for m in PUNCT_CUT.finditer(sentence))


def _run_pattern(particles: Sequence[str] = ()) -> re.Pattern[str]:
    """Capitalized words joined by single spaces; a hyphenated lowercase part ("Kim jong-un"),
    and a name particle between two capitalized words ("Erik ten Hag"), may come inside."""
    alternation = _alternation(particles)
    particle = rf"|(?:{alternation})(?=(?: (?:{alternation}))* {_CAP_WORD})" if particles else ""
    return re.compile(rf"(?<![^\W_]){_CAP_WORD}(?: (?:{_CAP_WORD}|[^\W\d_]+(?:-[^\W_]+)+{particle})(?![^\W_]))*")


def _alternation(items: Sequence[str]) -> str:
    return "|".join(map(re.escape, items))


_RUN = _run_pattern()


class Token(NamedTuple):
    text: str
    start: int  # offsets in the sentence
    end: int


@dataclass
class Run:
    """Capitalized words joined by single spaces ("Ngoại trưởng Nga Sergei Lavrov")."""

    tokens: list[Token]
    initial: bool  # the run starts the sentence

    @cached_property  # asked for at every rule; a run's tokens do not change
    def words(self) -> list[str]:
        return [t.text for t in self.tokens]


def find_runs(text: str, pattern: re.Pattern[str] = _RUN) -> list[Run]:
    """Maximal runs of capitalized words joined by single spaces (a hyphenated lowercase part
    may follow a capitalized word: "Kim jong-un"); ``pattern``: see :meth:`NameRules.runs`."""
    first = TOKEN.search(text)
    first_start = first.start() if first else -1
    out: list[Run] = []
    for m in pattern.finditer(text):
        tokens = [Token(t.group(0), t.start(), t.end()) for t in TOKEN.finditer(text, m.start(), m.end())]
        if tokens:
            out.append(Run(tokens, initial=tokens[0].start == first_start))
    return out


def given_name_syllable(word: str, res: EntityResources) -> bool:
    """A capitalized Vietnamese syllable beside a country's short name that makes it a given
    name ("Mỹ Linh", "Phương Anh", "Thúy Nga"): no family name, place, or word of its own."""
    lower = word.lower()
    return word[:1].isupper() and not word.isupper() and (lower in res.syllables or has_vietnamese_mark(lower)) \
        and lower not in res.before_a_country and lower not in res.name_breakers \
        and not res.place_length([word], 0) and fold(lower) not in res.surname_first


def given_name_beside(words: Sequence[str], k: int, res: EntityResources, *, before: bool = True) -> bool:
    """Is ``words[k]``, a country's one-syllable short name in a run, a given name for the
    given-name syllable beside it ("Mỹ Linh", and with ``before`` "Phương Anh")?"""
    sides = (k - 1, k + 1) if before else (k + 1,)
    return words[k].lower() in res.syllables \
        and any(0 <= j < len(words) and given_name_syllable(words[j], res) for j in sides)


_LAST_SYLLABLE = re.compile(r"(\w+)\s+$")  # the syllable before a position
_SENTENCE_FIRST = re.compile(r"\W*(\w+)\s+")  # a sentence's first word before a run

# What may stand between a title and the organization it is of: nothing, or a rank.
_TITLE_RANKS = frozenset({"", "thường trực", "thứ nhất", "thường vụ"})
KINGDOM = fold("Vương quốc")  # "Vương" is a family name too
COMPANY_HEADS = ("tổng công ty", "công ty", "tập đoàn")  # folded, longest first
# A company's legal forms, folded as keys are ("CP" is "kp"): part of its name, not a name of their own.
LEGAL_FORMS = frozenset(fold(f) for f in ("cổ phần", "CP", "TNHH", "MTV", "một thành viên", "TNHH MTV", "TMCP",
                                          "thương mại cổ phần", "trách nhiệm hữu hạn"))
_CLAUSE_END = re.compile(r"[,;:()\"“”]")  # where an appositive's name ends (dots join titles: "GS.TS")
# "ROLE, ông NAME" is no appositive when the clause is a setting (it opens with a preposition or
# "when": "Trong buổi họp báo trước hội nghị ngoại trưởng ... tại Brussels, ông Stoltenberg ...",
# where a hand check read "ngoại trưởng họp 2 ngày tại bản doanh Brussels" as his role), or when
# the title names an office that an event or a post is of ("cuộc bầu cử Tổng thống Hàn Quốc",
# lost; "ứng cử viên Tổng thống", "hội nghị ngoại trưởng"). A verb before it is fine: "Thiếu
# tướng A mong muốn Phó Giám đốc Công an tỉnh, Trung tá B ...", and so are "Với trọng trách là"
# ("Với trọng trách là Tổng Bí thư ..., đồng chí A") and "trong đó có" (among them).
_SETTING_OPENS = re.compile(r"\s*(?:trong(?!\s+(?:đó|số))|sau khi|trước khi|khi|tại|ở|từ|sau|trước|nhân|bên lề|giữa|qua)(?!\w)",
                            re.IGNORECASE)
# A title whose holder speaks or acts in the clause ("..., Chủ tịch Hội đồng Lý luận Trung ương
# khẳng định thông qua tác phẩm, đồng chí B ...", "Thiếu tướng A mong muốn Phó Giám đốc ..., ông
# B"): that title is the holder's, not the named one's; a later title may still be.
_ACTS_ON = re.compile(r"(?<!\w)(?:khẳng định|cho biết|cho rằng|nhấn mạnh|phát biểu|nói|chia sẻ|nhận định|đánh giá|yêu cầu"
                      r"|mong muốn|đề nghị|chúc mừng|trao|tặng|mời|cảm ơn|gửi)(?!\w)")  # lower case: not "Cục ... Đánh giá ..."
_OFFICE_OF_SOMETHING = re.compile(r"(?<!\w)(?:hội nghị|bầu cử|cuộc họp|tranh cử|ghế)\s*$", re.IGNORECASE)
# ... except a candidacy, which is the role: "Ứng cử viên Tổng thống Mỹ, ông Donald Trump", "cựu
# ứng cử viên tổng thống Lee": not a president (MentionFinder reads it before a title too).
CANDIDACY = re.compile(r"(?<!\w)(?:cựu\s+)?(?:ứng cử viên|ứng viên)\s*$", re.IGNORECASE)


_ORG_WINDOW = 16  # the words an organization's name is read in: not the whole rest of the sentence
_PLACE_SEPARATORS = frozenset({" ", " - ", " – ", "-"})  # between the words of a listed place
_FIELD_SEPARATORS = frozenset({" ", ", ", " - ", " – ", "-", " & ", "&"})  # between the fields of a name
BODY_FIELD_JOINERS = ("và", "về")  # between two lowercase fields of a public body ("tội phạm về ma túy")


def _listed_run(tokens: Sequence[str], start: int, stop: int, listed: Callable[[str, bool], bool], *,
                joiners: Collection[str], lowercase: bool, longest: int = 5) -> int:
    """Where the run of listed entries (``listed(entry, first)``, one to ``longest`` words each,
    the longest first; a joiner such as "và" between two) from ``tokens[start]`` ends, before
    ``stop``; ``lowercase``: every entry written in lowercase."""
    j = start
    while j < stop and (tokens[j].islower() or not lowercase):
        joined = int(tokens[j] in joiners and j > start)  # "thương mại và chế biến"
        n = next((n for n in range(longest, 0, -1) if j + joined + n <= stop
                  and (not lowercase or tokens[j + joined + n - 1].islower())
                  and listed(" ".join(tokens[j + joined:j + joined + n]).lower(), j == start)), 0)
        if not n:
            break
        j += joined + n
    return j


class NameRules:
    """Patterns from the word lists, and the questions asked of a run of capitalized words."""

    def __init__(self, resources: EntityResources) -> None:
        self.res = resources
        self.title = re.compile(rf"(?<!\w)(?:(?:{_alternation(resources.title_prefixes)})\s+)?"
                                rf"(?:{_alternation(resources.titles)})(?!\w)", re.IGNORECASE)
        formal = sorted(resources.honorifics - resources.address_terms)
        self.honorific_tail = re.compile(rf"(?<!\w)((?i:{_alternation(formal)})|{_alternation(sorted(resources.address_terms))})\s+$")
        self.place_trigger_tail = re.compile(rf"(?<!\w)(?:{_alternation(resources.place_triggers)})\s+$")
        # "yêu cầu", "nhu cầu", "toàn cầu" are no bridges. Lowercase words only: "Công viên Tượng
        # đài", "Quảng trường Đỏ" are names of their own.
        self.facility_tail = re.compile(rf"(?<!\w)(?<![Yy]êu )(?<![Nn]hu )(?<![Tt]oàn )"
                                        rf"(?:{_alternation(resources.facility_words)})\s+$")
        # "nhà báo Darya Dugin" is a journalist, not a paper (nor "nhà đài": rare before a name)
        self.org_trigger_tail = re.compile(rf"(?<!\w)(?<!nhà )(?:{_alternation(resources.org_triggers)})\s+$",
                                           re.IGNORECASE)
        self.org_head = re.compile(rf"(?:{_alternation(resources.org_heads)})(?!\w)", re.IGNORECASE)
        self.org_head_tail = re.compile(rf"(?<!\w)(?:{_alternation(resources.org_heads)})\s+$", re.IGNORECASE)
        self._org_heads = {tuple(h.lower().split()) for h in resources.org_heads}
        self._org_head_lengths = sorted({len(h) for h in self._org_heads}, reverse=True)
        self._org_head_firsts = frozenset(h[0] for h in self._org_heads)
        fields: dict[str, list[tuple[str, ...]]] = {}
        for line in resources.joined_fields:  # lowercase tokens, "và" left out; longest first
            tokens = tuple(t.lower() for t in TOKEN.findall(line) if t.lower() != "và")
            fields.setdefault(tokens[0], []).append(tokens)
        self._fields_by_first = {first: sorted(set(f), key=lambda t: (-len(t), t)) for first, f in fields.items()}
        self.folded_company_fields = frozenset(fold(f) for f in resources.company_fields)  # as keys are
        self._company_descriptors = self.folded_company_fields | LEGAL_FORMS
        # the same fields in a title's gap ("Bộ trưởng Bộ Kế hoạch và Đầu tư Nguyễn Chí Dũng"), longest first
        joined = sorted({f for fs in fields.values() for f in fs}, key=lambda t: (-len(t), t))
        self._joined_fields_gap = re.compile("|".join(
            re.escape(f[0]) + "".join(rf"(?:\s+và\s+|\s*[,&–-]\s*|\s+){re.escape(t)}" for t in f[1:]) for f in joined),
            re.IGNORECASE) if joined else None
        # ("Quận ủy", "Huyện ủy": a party committee, a name of its own)
        self._admin_units = [re.compile(rf"^\s*{unit}(?!\w)(?!\s+[uủ]y\b)", re.IGNORECASE) for unit in resources.admin_units]
        self._unit_before = re.compile(rf"(?<!\w)(?:{_alternation(resources.admin_units)}) $")
        self._unit_at = re.compile(rf"\s*(?:{_alternation(resources.admin_units)}) ")
        # ... and inside a name, before its place: "Giám đốc Sở Y tế tỉnh Quảng Nam Nguyễn Văn An"
        self._inner_admin_unit = re.compile(rf"(?<=\s)(?:{_alternation(resources.admin_units)})\s+(?=[{UPPER}])")
        self._run = _run_pattern(resources.name_particles)
        self._org_words = frozenset(w.lower() for w in resources.org_words if not w.startswith("*"))
        self._org_word_endings = tuple(w[1:].lower() for w in resources.org_words if w.startswith("*"))
        self._reach = {id(self.honorific_tail): max(map(len, resources.honorifics), default=0),
                       id(self.place_trigger_tail): max(map(len, resources.place_triggers), default=0),
                       id(self.facility_tail): max(map(len, resources.facility_words), default=0),
                       id(self.org_trigger_tail): max(map(len, resources.org_triggers), default=0)}

    def tail_before(self, pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
        """``pattern.search(text[:end])`` for a tail pattern of listed words (``honorific_tail``,
        ``place_trigger_tail``, ``org_trigger_tail``: the words, spaces, the end): the same match,
        reading only the spaces before ``end`` and the longest listed word before them instead of
        the whole sentence before each run (the look-behind still sees the text before)."""
        space = end
        while space > 0 and text[space - 1].isspace():
            space -= 1
        if space == end:
            return None
        return pattern.search(text, max(0, space - self._reach[id(pattern)]), end)

    def honorific_before(self, text: str, end: int) -> re.Match[str] | None:
        """The honorific right before ``end`` ("ông", "chị", "em"), unless it ends a word with
        the syllable before it ("công cụ FedWatch", "nhỏ bé", "anh em"): group 1 is the word."""
        found = self.tail_before(self.honorific_tail, text, end)
        if found is None:
            return _SENTENCE_FIRST.fullmatch(text, 0, end) if text[:end].strip().lower() in self.res.address_terms else None
        if found.start() == 0:
            return found
        before = _LAST_SYLLABLE.search(text, max(0, found.start() - 12), found.start())
        if before is not None and f"{before.group(1)} {found.group(1)}".lower() in self.res.words:
            return None
        return found

    def org_trigger_before(self, text: str, end: int) -> re.Match[str] | None:
        """The organization word right before ``end`` ("hãng tin", "trường"), unless it ends a
        word with the syllable before it ("thị trường Mỹ", "thông báo Covid")."""
        found = self.tail_before(self.org_trigger_tail, text, end)
        if found is None or found.start() == 0:
            return found
        before = _LAST_SYLLABLE.search(text, max(0, found.start() - 12), found.start())
        if before is not None and f"{before.group(1)} {found.group(0).split()[0]}".lower() in self.res.words:
            return None
        return found

    def runs(self, text: str) -> list[Run]:
        """The runs of capitalized words of ``text`` (:func:`find_runs`), through the name
        particles of the word lists ("Erik ten Hag", "Van der Bellen"); a word capitalized only
        because it opens the sentence is left out (:meth:`sentence_opener`)."""
        runs = find_runs(text, self._run)
        if runs and runs[0].initial:
            second = runs[0].tokens[1].start if len(runs[0].tokens) > 1 else None
            head_next = second is not None and self.org_head.match(text, second) is not None \
                and self.org_extent(text, second) is not None  # (the regex first: most sentences have no head there)
            if self.sentence_opener(runs[0].words, head_next=head_next):
                runs[0] = Run(runs[0].tokens[1:], initial=False)  # "Theo PGS Nguyễn Thị Hoài An, ..."
        return runs

    def sentence_opener(self, words: Sequence[str], *, head_next: bool = False) -> bool:
        """Is the first of ``words`` (a run opening a sentence) a plain lowercase word, written
        capitalized only because it opens the sentence ("Theo", "Sau", "Còn", "Anh")? So when it is
        a one-syllable Vietnamese word (pyvi's list) or a function word (``name_breakers.txt``)
        that is no family name, title, honorific or organization's head, and the rest of the run
        starts a name on its own: a title, an organization, an acronym, a full Vietnamese name or
        a foreign name (:meth:`_before_a_foreign_name`) ("Theo PGS Nguyễn Thị Hoài An", "Sau Bộ Y
        tế", "Còn Nguyễn Văn A", "Theo VietinBank"). ``head_next``: an organization's name starts
        at the second word in the text, its head's own lowercase words outside the run ("Theo
        Trung| tâm Quản lý ..."; not "Thành Trung| tâm sự ...", where no name follows the head).
        A name that opens the sentence stays whole ("Nguyễn Văn A cho biết", "Lan Anh nói", "Văn
        Lâm bắt chính")."""
        if len(words) < 2:
            return False
        first, rest = words[0], words[1:]
        lower = first.lower()
        if (lower not in self.res.syllables and lower not in self.res.name_breakers) or first in self.res.local_bodies:
            return False  # (pyvi's syllables hold "ubnd", "hđnd": acronyms, never capitalized for the sentence)
        if lower in self.res.address_terms:
            return self.res.place_length(words, 0) < 2  # "Anh Thông cho biết" (the honorific is read
            # back from the sentence's start, see honorific_before); not "Anh Quốc"
        if fold(first) in self.res.surname_first or lower in self.res.honorifics or self._leading_title(words)[0] \
                or self.org_head_at(words, 0) or self.res.known_org_length(words, 0, (3, 2, 1)):
            return False
        full_name = self.res.full_vietnamese_name(" ".join(rest))
        if self.res.place_length(words, 0):
            return full_name  # "Anh Nguyễn Văn A": the address term, not England
        return full_name or head_next or bool(self._leading_title(rest)[0] or self.org_head_at(rest, 0) or is_acronym(rest[0])
                                 or self.res.known_org_length(rest, 0, (3, 2, 1))
                                 or self._before_a_foreign_name(lower, rest[0]))

    def _short_country_before_a_foreign_name(self, words: Sequence[str], i: int) -> int:
        """1 for a country's short name that is also a given name ("Nhật") before a foreign full
        name (two words or more, none with a Vietnamese mark): the title's country ("Thủ tướng
        Nhật Taro Yamada"), not the name's first word ("ca sĩ Nhật Minh")."""
        rest = words[i + 1:]
        return int(len(rest) >= 2 and fold(words[i]) in self.res.country_short_names
                   and not any(has_vietnamese_mark(w.lower()) for w in rest))

    def _kingdom_before_a_foreign_name(self, words: Sequence[str], i: int) -> int:
        """How many words from ``words[i]`` are "Vương Quốc" and a country before a foreign full
        name (two words or more, none with a Vietnamese mark): the title's kingdom ("Thủ tướng
        Vương Quốc Anh Rishi Sunak"), not a Vietnamese name "Vương Quốc Anh" run on; or 0."""
        if fold(" ".join(words[i:i + 2])) != KINGDOM:
            return 0
        n = self.res.place_length(words, i + 2)
        rest = words[i + 2 + n:]
        return 2 + n if n and len(rest) >= 2 and not any(has_vietnamese_mark(w.lower()) for w in rest) else 0

    def _before_a_foreign_name(self, first: str, second: str) -> bool:
        """A sentence's first word that is plainly Vietnamese (a function word, or written with a
        Vietnamese mark) before a word that is no Vietnamese syllable: "Theo VietinBank", "Với
        Mövenpick Resort", "Còn Vietnam Airlines". Not a word without marks that may be a name's
        ("Man United", "Thanh Nien Corp")."""
        return second.lower() not in self.res.syllables \
            and (first in self.res.name_breakers or has_vietnamese_mark(first))

    # -- the words of a run ----------------------------------------------------------------
    def strip_leading(self, words: Sequence[str]) -> tuple[int, str]:
        """How many leading words are a title/honorific, a place or an organization; and the title."""
        return self._strip_leading(tuple(words))

    @lru_cache(maxsize=4096)  # noqa: B019 - a run of words recurs across a cluster's sentences ("Marco Reus")
    def _strip_leading(self, words: tuple[str, ...]) -> tuple[int, str]:
        i, title = self._leading_title(words)
        head = self.org_head_at(words, i)
        if head and i + head == len(words) and title.lower() in self.res.honorifics:
            head = 0  # "Ông Hội": a person whose name is a head word, nothing after it
        if head:  # organization head: strip through its last place word ("Bộ Quốc Phòng Nga")
            last_place = None
            for k in range(i + head, len(words)):
                if self.res.place_length(words, k):
                    last_place = k + self.res.place_length(words, k)
            if last_place is None:
                return len(words), title
            i = last_place
        while i < len(words):
            n = self.res.place_length(words, i) or self.res.known_org_length(words, i, (3, 2, 1)) \
                or (1 if is_acronym(words[i]) else 0) or self._short_country_before_a_foreign_name(words, i) \
                or self._kingdom_before_a_foreign_name(words, i)
            if not n or (n == 1 and words[i][1:].islower() and given_name_beside(words, i, self.res, before=False)):
                break  # "ca sĩ Mỹ Linh": the name's first word, not the title's country
            i += n  # "Nga Vladimir Putin", "Lầu Năm Góc Peter Cook", "UBND TP Lê Văn A": qualifiers before the name
        return i, title

    def opens_an_org_name(self, words: Sequence[str], k: int) -> bool:
        """Is ``words[k]`` the first word of an organization's name made of it and listed
        organization words right after it ("FPT Software", "Malaysia Airlines", "TC Motor") rather
        than a qualifier ("Hàn Quốc Korean Air", "Chủ tịch HĐQT Hòa Phát Group", "Ngân hàng
        Malaysia Maybank", "Indonesia Lion Air")? An acronym that is no common word's (not "HĐQT",
        "TP": ``common_acronyms.txt``), or a word of five letters or more written without a
        Vietnamese mark (the name as its own language writes it), before a word of
        ``org_words.txt`` itself (not one read by its ending, "Maybank")."""
        if k + 1 >= len(words) or words[k + 1].lower() not in self._org_words:
            return False
        word = words[k]
        if is_acronym(word):
            return not self.res.common_acronym(word)
        return len(word) >= 5 and word.isalpha() and is_capitalized(word) and not has_vietnamese_mark(word.lower())

    def names_a_club(self, words: Sequence[str], k: int, n: int) -> bool:
        """Is the place of ``n`` words at ``words[k]`` a club's name, the rest of the run being
        club words ("Hà Nội FC", "Manchester United")?"""
        return k + n < len(words) and all(w.lower() in self.res.club_words for w in words[k + n:])

    def _leading_title(self, words: Sequence[str]) -> tuple[int, str]:
        """(how many words, lowercase title) of a title or honorific starting the run."""
        m = self.title.match(" ".join(w.lower() for w in words))
        if m:
            return len(m.group(0).split()), m.group(0).lower()
        if words and words[0].lower() in self.res.honorifics and words[0].lower() not in self.res.address_terms \
                and self.res.place_length(words, 0) < 2:
            return 1, words[0].lower()  # not "Bà Rịa - Vũng Tàu": a place
        return 0, ""

    def org_word_end(self, words: Sequence[str], i: int) -> int:
        """Where an organization named by an organization word ends in ``words[i:]`` ("Saigontourist
        Group", "VietinBank"): the index after its last such word, or 0 when there is none."""
        for k in range(len(words) - 1, i - 1, -1):
            word = words[k].lower()
            if word in self._org_words or (word.endswith(self._org_word_endings) and is_capitalized(words[k])):
                return k + 1
        return 0

    def org_head_at(self, words: Sequence[str], i: int) -> int:
        """How many words from ``words[i]`` are an organization's head word ("Bộ", "Ủy ban"), or 0."""
        if i >= len(words) or words[i].lower() not in self._org_head_firsts:
            return 0
        for n in self._org_head_lengths:
            if i + n <= len(words) and tuple(w.lower() for w in words[i:i + n]) in self._org_heads:
                return n
        return 0

    def ends_mid_word(self, text: str, end: int, last_token: str) -> bool:
        """Does the name's last syllable start a word that runs on in lowercase ("Bộ trưởng Tài
        chính", "lãnh đạo Công an", "Pháp lý")? Not when the lowercase part starts a word of its
        own with what follows ("ông Thành công bố": "công bố")."""
        if not (text[end:end + 1] == " " and text[end + 1:end + 2].islower()):
            return False  # the common case, decided without tokenizing
        following: list[re.Match[str]] = []
        for m in TOKEN.finditer(text, end, min(len(text), end + 40)):
            if text[(following[-1].end() if following else end):m.start()] != " ":
                break
            following.append(m)
        tokens = [last_token] + [m.group(0) for m in following]
        tail = self.res.word_tail(tokens, 0)
        after = tokens[1:3]
        overlapping = tail == 1 and len(after) == 2 and after[1][:1].islower() \
            and " ".join(after).lower() in self.res.words
        return bool(tail) and not overlapping

    def org_extent(self, text: str, start: int, head: int | None = None) -> int | None:
        """End offset of an organization name starting at ``start``: capitalized words, a lowercase
        syllable only inside the name ("Bộ Quốc phòng Nga", "Hội đồng Bảo an Liên Hợp Quốc"); a place
        ends it ("Bộ Quốc phòng Nga tới ..."). ``head``: how many words are its head word (found
        from the org heads when not given); None when there is no name after the head."""
        words = list(islice(TOKEN.finditer(text, start), _ORG_WINDOW))
        if head is None:
            head = self.org_head_at([w.group(0) for w in words[:4]], 0)
            if not head:
                return None
        end = words[head - 1].end() if head else start
        last_good = end
        k = head
        prev_cap = False
        tokens = [w.group(0) for w in words]
        while k < len(words):
            separator = text[words[k - 1].end():words[k].start()] if k else " "
            if separator != " " and not (separator == "&" and is_acronym(tokens[k - 1]) and is_acronym(tokens[k])):
                break  # ("Bộ GD&ĐT" is one name)
            fields = self._joined_fields(text, words, tokens, k) if k >= head else 0
            if fields:  # "Kế hoạch và Đầu tư", "Văn hóa, Thể thao và Du lịch"
                last_good = words[k + fields - 1].end()
                k += fields
                prev_cap = False
                continue
            token = tokens[k]
            if is_capitalized(token):
                known = next((m for m in (3, 2) if self.res.key(" ".join(tokens[k:k + m])) in self.res.known_orgs), 0)
                if known:  # "Hội đồng Bảo an Liên hợp quốc"
                    last_good = words[min(k + known, len(words)) - 1].end()
                    break
                n = self.res.place_length(tokens, k)
                tail = self.res.word_tail(tokens, k)
                if n == 1 and k > head and given_name_beside(tokens, k, self.res):
                    n = 0  # "công ty Hoàng Anh Gia Lai": a given name inside the name, not England
                if n and not (n == 1 and tail):  # "Ủy ban Pháp luật": a word, not France
                    last_good = words[k + n - 1].end()
                    break
                if self._person_after(text, start, words, k, head):  # "Sở Y tế Nguyễn Văn An": the person
                    return last_good if k > head else end  # "Chủ tịch Quốc hội Vương Đình Huệ": the head alone
                if tail and all(text[words[j - 1].end():words[j].start()] == " " for j in range(k + 1, k + 1 + tail)):
                    last_good = words[k + tail].end()  # "Trung tâm Chỉ huy", "Diễn đàn Kinh tế"
                    k += tail + 1
                    prev_cap = False
                    continue
                prev_cap = True
                last_good = words[k].end()
            elif k > head and (placed := self._unit_and_place(text, words, tokens, k)):
                last_good = words[k + placed - 1].end()  # "Sở Y tế tỉnh Quảng Nam": a local office's place ends it
                break
            elif token == "và" and self._company_fields_joined(tokens, k, head):
                k += 1  # "Công ty CP Đầu tư và Công nghiệp Tân Tạo"
                continue
            elif lowercase := self._lowercase_fields(text, words, tokens, k, head):
                k += lowercase  # "Công ty TNHH xuất nhập khẩu Thiên Mã"
                prev_cap = False
                continue
            elif prev_cap and token not in self.res.name_breakers:
                prev_cap = False  # a lowercase syllable inside the name only if a capitalized word follows
            else:
                break
            k += 1
        return last_good if last_good > end else None

    def after_admin_unit(self, text: str, at: int) -> bool:
        """Does a lowercase administrative unit stand right before ``at`` ("tỉnh |Quảng Nam")?"""
        return self.admin_unit_before(text, at) is not None

    def admin_unit_before(self, text: str, at: int) -> int | None:
        """Where the lowercase administrative unit right before ``at`` starts, if one stands there."""
        found = self._unit_before.search(text, max(0, at - 12), at)
        return found.start() if found else None

    def admin_unit_at(self, text: str, at: int) -> bool:
        """Does a lowercase administrative unit (and a space) start at ``at``, after spaces
        ("Tòa án Nhân dân| huyện Gia Lâm")?"""
        return self._unit_at.match(text, at) is not None

    def _unit_and_place(self, text: str, words: Sequence[re.Match[str]], tokens: list[str], k: int) -> int:
        """How many tokens from ``tokens[k]`` are a lowercase administrative unit and the place
        after it ("tỉnh Quảng Nam", "thành phố Móng Cái"); 0 if none. The place is a known one
        (its words may be joined by a dash: "Bà Rịa - Vũng Tàu"), or up to three capitalized words
        with single spaces that end there or before a full name (a commune is rarely listed;
        "... huyện Nghĩa Hành Nguyễn Văn A": the person)."""
        size = self.res.unit_length(tokens, k)
        if not size:
            return 0
        start = k + size
        n = self.res.place_length(tokens, start)
        separators: Collection[str] = _PLACE_SEPARATORS  # "tỉnh Bà Rịa - Vũng Tàu"
        if not n:
            separators = (" ",)
            while start + n < len(tokens) and n < 3 and is_capitalized(tokens[start + n]) \
                    and not (n and self._full_name_at(tokens, start + n)):
                n += 1
            if (start + n < len(tokens) and is_capitalized(tokens[start + n])
                    and not self._full_name_at(tokens, start + n)) or start + n >= _ORG_WINDOW:
                n = 0  # a longer run of capitals (or one the window cuts): not a place's name
        end = start + n
        if n and all(text[words[j - 1].end():words[j].start()] == " " for j in range(k + 1, start + 1)) \
                and all(text[words[j - 1].end():words[j].start()] in separators for j in range(start + 1, end)):
            return end - k
        return 0

    def _full_name_at(self, tokens: Sequence[str], k: int) -> bool:
        """Does a Vietnamese full name start at ``tokens[k]``, capitalized words to the run's end?"""
        run = list(takewhile(is_capitalized, tokens[k:k + 5]))
        return self.res.full_vietnamese_name(" ".join(run))

    def _company_fields(self, tokens: Sequence[str], start: int, stop: int) -> bool:
        """Do some of ``tokens[start:stop]`` (1-3, ending at ``stop``) name a listed business field?"""
        return any(start <= stop - n and " ".join(tokens[stop - n:stop]).lower() in self.res.company_fields
                   for n in (1, 2, 3))

    def _company_fields_joined(self, tokens: Sequence[str], k: int, head: int) -> bool:
        """Is the "và" at ``tokens[k]`` between two business fields of a company's name
        (``company_fields.txt``: "Công ty CP Đầu tư và Công nghiệp Tân Tạo")?"""
        if fold(" ".join(tokens[:head])) not in COMPANY_HEADS or k + 1 >= len(tokens) \
                or not is_capitalized(tokens[k + 1]) or not self._company_fields(tokens, head, k):
            return False
        return any(" ".join(tokens[k + 1:k + 1 + n]).lower() in self.res.company_fields for n in (1, 2, 3))

    def _lowercase_fields(self, text: str, words: Sequence[re.Match[str]], tokens: list[str], k: int, head: int) -> int:
        """How many lowercase tokens from ``tokens[k]`` are business fields or a legal form inside a
        company's name (``company_fields.txt``, :data:`LEGAL_FORMS`; two joined by "và"), before
        the capitalized word that goes on with it: "Công ty TNHH xuất nhập khẩu Thiên Mã", "Công ty
        TNHH Thương mại và Chế biến thực phẩm Phú An Sinh"; 0 if none. Only while every word since
        the head describes the company too: after its own name a field is what it does ("Công ty
        Deloitte tư vấn Bộ Tài chính", "Tập đoàn Vingroup đầu tư Hà Nội"). Not right after the
        head: "công ty xây dựng Hà Nội" is a company of that city."""
        if k <= head or not tokens[k].islower() or fold(" ".join(tokens[:head])) not in COMPANY_HEADS \
                or self._descriptors(tokens, head, k, lowercase=False) != k:
            return 0
        j = self._descriptors(tokens, k, len(tokens), lowercase=True)
        if j == k or j >= len(tokens) or not is_capitalized(tokens[j]) \
                or any(text[words[i - 1].end():words[i].start()] != " " for i in range(k, j + 1)):
            return 0
        return j - k

    def _descriptors(self, tokens: Sequence[str], start: int, stop: int, *, lowercase: bool) -> int:
        """Where the run of business fields and legal forms (one to three words each, "và" between
        two) from ``tokens[start]`` ends, before ``stop``; ``lowercase``: written in lowercase."""
        return _listed_run(tokens, start, stop, lambda entry, first: fold(entry) in self._company_descriptors,
                           joiners=("và",), lowercase=lowercase, longest=3)

    def body_fields_end(self, text: str, name: str, at: int) -> int:
        """Where the lowercase fields that end a public body's name go on to, the name ``name``
        ending at ``at`` in ``text`` ("Cơ quan Cảnh sát| điều tra", "Trung tâm Quản lý| giao
        thông công cộng", "Cục Cảnh sát| điều tra tội phạm về ma túy"; ``body_fields.txt``), with
        a place right after them ("... công cộng Hà Nội") or a unit and its place (a local office:
        "... thị trường tỉnh Lạng Sơn"); 0 when no field follows. An action ("điều tra") only
        after a field or a force ("Cảnh sát"). Not after a name that ends in a place ("Bộ Quốc
        phòng Mỹ| điều tra": what it does), nor when the last field runs on into a word ("thương
        mại điện| tử" is no "điện"), nor before a unit whose place is not read."""
        name_words = name.split()
        if any(self.res.place_length(name_words, k) == len(name_words) - k for k in range(1, len(name_words))):
            return 0
        words = list(islice(_SYLLABLE.finditer(text, at), _ORG_WINDOW))  # ("điều tra-Công an": two)
        if not words or text[at:words[0].start()] != " ":
            return 0
        tokens = [w.group(0) for w in words]
        joined = next((i for i in range(1, len(words)) if text[words[i - 1].end():words[i].start()] not in _FIELD_SEPARATORS),
                      len(words))  # "đường bộ - đường sắt", "tội phạm về tham nhũng, kinh tế, buôn lậu"
        forced = " ".join(name_words[-2:]).lower() in self.res.body_forces or name_words[-1].lower() in self.res.body_forces
        j = _listed_run(tokens, 0, joined, lambda entry, first: entry in self.res.body_fields
                        or (entry in self.res.body_actions and (forced or not first)),
                        joiners=BODY_FIELD_JOINERS, lowercase=True)
        if not j:
            return 0
        if j < len(tokens) and text[words[j - 1].end():words[j].start()] == " " and tokens[j].islower() \
                and f"{tokens[j - 1]} {tokens[j]}".lower() in self.res.words:
            return 0
        place = self._unit_and_place(text, words, tokens, j)
        if not place and self.res.unit_length(tokens, j):
            return 0
        if not place and (n := self.res.place_length(tokens, j)) \
                and all(text[words[i - 1].end():words[i].start()] in _PLACE_SEPARATORS for i in range(j, j + n)):
            place = n
        return words[j + place - 1].end()

    def _joined_fields(self, text: str, words: Sequence[re.Match[str]], tokens: list[str], k: int) -> int:
        """How many tokens from ``tokens[k]`` are listed fields joined by "và" (``joined_fields.txt``:
        "Kế hoạch và Đầu tư", "Văn hóa, Thể thao và Du lịch"; "và" left out or written "&", ","
        or "-" too), the longest; 0 when none starts there."""
        for fields in self._fields_by_first.get(tokens[k].lower(), ()):
            j = k
            for n, field in enumerate(fields):
                if j < len(tokens) and tokens[j] == "và" and n:
                    j += 1
                if j >= len(tokens) or tokens[j].lower() != field \
                        or (j > k and text[words[j - 1].end():words[j].start()] not in _FIELD_SEPARATORS):
                    break
                j += 1
            else:
                return j - k
        return 0

    def _person_after(self, text: str, start: int, words: Sequence[re.Match[str]], k: int, head: int) -> bool:
        """Does a plain Vietnamese full name (family name first, 3-4 syllables, capitalized words
        to the end of the run) start at ``words[k]``, in an organization's name starting at
        ``start`` whose head is ``head`` words long? It is a person after the organization when the
        organization has a name of its own before it ("Sở Y tế Nguyễn Văn An"), or when its head
        is a whole name ("Liên Hợp Quốc", "Quốc hội") and a title stands before it ("Chủ tịch
        Quốc hội Vương Đình Huệ"); right after a head that needs a name it is the organization's
        name ("Trường THPT Nguyễn Thị Minh Khai", "Đại học Tôn Đức Thắng"), and after a place
        word it is a place ("TP Hồ Chí Minh")."""
        if fold(words[k].group(0)) not in self.res.surname_first:
            return False
        n = 0
        while k + n < len(words) and is_capitalized(words[k + n].group(0)) \
                and (n == 0 or text[words[k + n - 1].end():words[k + n].start()] == " "):
            n += 1
        if n not in (3, 4) or len(fold(" ".join(w.group(0) for w in words[k:k + n])).split()) not in (3, 4) \
                or any(is_acronym(w.group(0)) for w in words[k:k + n]) \
                or self.res.word_tail([w.group(0) for w in words[k + n - 1:k + n + 3]], 0):
            return False  # "Trung tâm Chất lượng Nông Lâm Thủy sản": no name ends inside a word
        if self.tail_before(self.place_trigger_tail, text, words[k].start()):
            return False
        if k > head:
            return True
        found = self.title_before(text, start)
        whole = self.res.key(" ".join(w.group(0) for w in words[:head])) in self.res.known_orgs
        # "Phó Chủ tịch Thường trực Quốc hội Trần Thanh Mẫn": a rank between title and head
        return whole or (found is not None and text[found.end:start].strip().lower() in _TITLE_RANKS)

    # -- titles and roles around a name ----------------------------------------------------
    def title_before(self, sentence: str, start: int, *, lone: bool = False) -> Token | None:
        """The last title in the same clause before ``start`` with only a qualifier between
        (lowercase title and its offsets). Before a lone name, a title right after an
        organization's head word is a word of that organization's name ("Bộ Tư lệnh Miền",
        "Bộ tư lệnh Vùng 2"), not a person's title; a full name there is a person's
        ("Văn phòng Tổng thống Ashraf Ghani")."""
        before = sentence[:start]
        ends = _clause_cuts(sentence)
        # The last cut before ``start``: the cuts of the prefix are those of the sentence that
        # end by ``start`` (a run starts with a letter, which no cut contains).
        k = bisect_right(ends, start) - 1
        seg_start = ends[k] if k >= 0 else 0
        segment = before[seg_start:]
        best = None
        for m in self.title.finditer(segment):
            if lone and self.org_head_tail.search(segment, 0, m.start()):
                continue
            if self.qualifier_gap(segment[m.end():]):
                best = Token(m.group(0).lower(), seg_start + m.start(), seg_start + m.end())
        return best

    def qualifier_gap(self, gap: str) -> bool:
        """Only an organization or place between a title and a name ("Thứ trưởng Bộ Ngoại giao Nga ...")."""
        for admin_unit in self._admin_units:
            gap = admin_unit.sub("", gap)  # "Chủ tịch tỉnh Nguyễn Văn A"
        if " " in gap:
            gap = self._inner_admin_unit.sub("", gap)
        if self._joined_fields_gap is not None and ("và" in gap or "&" in gap or "-" in gap):
            gap = self._joined_fields_gap.sub("Fields", gap)  # "Bộ Kế hoạch và Đầu tư": one name's fields
        words = gap.split()
        if len(words) > MAX_TITLE_GAP_WORDS:
            return False
        previous = ""
        for w in words:
            if is_capitalized(w):
                previous = w
            elif previous and w.lower() not in self.res.name_breakers:
                previous = ""  # second syllable of a capitalized word: "Ngoại giao"
            else:
                return False  # "CEO Nasser Al Khater thì World Cup ...": a function word ends the title's reach
        return True

    def appositive_role(self, sentence: str, name_start: int, name_end: int) -> str:
        """'ROLE, ông NAME' or 'ông NAME, ROLE ...' (the role starts with a title)."""
        return self._role_after(sentence[name_end:]) or self._role_before_honorific(sentence[:name_start])

    def _role_after(self, after: str) -> str:
        """'NAME, ROLE ...': the clause after the comma, through its last capitalized word."""
        if not after.startswith(","):
            return ""
        rest = after[1:]
        m = self.title.match(rest.lstrip())
        if not m:
            return ""
        segment = rest[len(rest) - len(rest.lstrip()):]
        if self._titled_name_opens(segment):
            return ""  # "anh Khương, GS.TS Trịnh Hồng Sơn, Giám đốc ...": the next person's title
        cut = PUNCT_CUT.search(segment)
        segment = segment[:cut.start()] if cut else segment
        words = segment.split()[:MAX_ROLE_WORDS]
        last_cap = max((k for k, w in enumerate(words) if is_capitalized(w)), default=-1)
        if last_cap >= 0:
            last_cap += self.res.word_tail(words, last_cap)  # "Trung tâm Quản lý", not "Quản"
        keep = max(last_cap + 1, len(m.group(0).split()))
        return " ".join(words[:keep])

    def _titled_name_opens(self, segment: str) -> bool:
        """Does ``segment`` open with titles (acronyms joined by dots or spaces: "GS.TS", "PGS")
        and then a Vietnamese full name?"""
        tokens = TOKEN.findall(_CLAUSE_END.split(segment, maxsplit=1)[0])
        k = 0
        while k < len(tokens) and is_acronym(tokens[k]):
            k += 1
        return k > 0 and self._full_name_at(tokens, k)

    def _role_before_honorific(self, before: str) -> str:
        """'ROLE, ông NAME': the clause before the comma, from its first title."""
        honorific = self.honorific_before(before, len(before))
        if not honorific:
            return ""
        head = before[:honorific.start()].rstrip()
        if not head.endswith(","):
            return ""
        head = head[:-1]
        cuts = list(PUNCT_CUT.finditer(head))
        segment = head[cuts[-1].end() if cuts else 0:]
        if _SETTING_OPENS.match(segment):
            return ""
        for m in self.title.finditer(segment):
            if _OFFICE_OF_SOMETHING.search(segment, 0, m.start()) or _ACTS_ON.search(segment, m.end()):
                continue
            candidacy = CANDIDACY.search(segment, 0, m.start())
            start = candidacy.start() if candidacy else m.start()
            return " ".join(segment[start:].split()[:MAX_ROLE_WORDS])
        return ""
