"""People, organizations and places of a cluster, with name variants merged.

Rules, not a model: underthesea's NER misses or splits many names in news text (measured in
``benchmarks/timeline.py``), and a title before a name ("Ngoại trưởng Nga Sergei Lavrov",
"ông Viktor Kalganov") is strong, cheap evidence. Capitalized syllable runs are the
candidates; titles and honorifics make a run a person, word lists and trigger words ("thành
phố", "Bộ", "Hãng") make it a place or an organization. Variants of one name are merged
through a folded key (lowercase, '-' as space, Latin transliteration folds such as
Victor/Viktor and Sergey/Sergei, a variants file for Moscow/Moskva), and a lone family name
("Putin", "Chủ tịch Kim") joins the one full name it can stand for.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from tomtat.core.model import Sentence
from tomtat.vi.letters import UPPER
from tomtat.vi.resources import lines as resource_lines, vietnamese_words

PERSON, ORGANIZATION, LOCATION = "PER", "ORG", "LOC"

_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_PUNCT_CUT = re.compile(r"[,.;:!?\"“”()\[\]…]|\s[-–—]\s|^[-–—]\s")
_MAX_TITLE_GAP_WORDS = 7
_MAX_ROLE_WORDS = 14
_CONNECTORS = frozenset({"tại"})
_ADMIN_WORDS = frozenset({"tỉnh", "thành phố", "huyện", "quận", "xã", "phường"})
_NEXT_TWO = re.compile(r" ([^\W\d_]+) ([^\W\d_]+)")


def _compound_next(text: str, end: int) -> bool:
    """Is the name followed by a lowercase syllable and then a capitalized word ("Ngoại giao Nga")?"""
    m = _NEXT_TWO.match(text, end)
    return m is not None and m.group(1)[:1].islower() and m.group(2)[:1].isupper()
# never inside a name: "Công ty Tân Thành cho Tổng công ty", "Cục Miền Nam và Bộ Tư lệnh"
_FUNCTION_WORDS = frozenset(["và", "cho", "của", "với", "tại", "ở", "là", "có", "thì", "mà", "từ", "đến", "về", "theo", "do", "bởi", "trong", "ngoài", "sau", "trước", "khi", "đã", "sẽ", "đang", "được", "bị", "cùng", "hay", "hoặc", "như", "nhưng"])
_ORG_TRIGGERS = ("hãng tin", "hãng thông tấn", "hãng", "báo", "tờ", "kênh", "đài", "truyền hình", "tạp chí")


def _is_cap(token: str) -> bool:
    return token[:1].isupper()


def _is_name_token(token: str, previous_cap: bool) -> bool:
    """Capitalized, or a hyphenated lowercase part right after one ("Kim jong-un")."""
    return _is_cap(token) or (previous_cap and "-" in token and token[:1].isalpha())


_CAP_WORD = rf"[{UPPER}][^\W_]*(?:[-'’][^\W_]+)*"
_RUN = re.compile(rf"(?<![^\W_]){_CAP_WORD}(?: (?:{_CAP_WORD}|[^\W\d_]+(?:-[^\W_]+)+)(?![^\W_]))*")


def _is_acronym(token: str) -> bool:
    letters = [ch for ch in token if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def fold_token(token: str) -> str:
    """Lowercase; for plain Latin tokens also c→k, x→ks, final ey/y→ei/i (Victor/Viktor, Sergey/Sergei)."""
    t = token.lower()
    if t.isascii() and t.isalpha():
        t = t.replace("x", "ks").replace("c", "k")
        if t.endswith("ey"):
            t = t[:-2] + "ei"
        elif t.endswith("y") and len(t) > 3:
            t = t[:-1] + "i"
    return t


@lru_cache(maxsize=1 << 16)  # pure function of its argument; thread-safe for this use
def fold(name: str) -> str:
    name = unicodedata.normalize("NFC", name).replace("-", " ").replace("’", "'")
    return " ".join(fold_token(t) for t in name.split())


@dataclass(frozen=True)
class EntityResources:
    """Word lists the extractor reads (text files in ``tomtat/resources``)."""

    titles: tuple[str, ...]
    honorifics: frozenset[str]
    places: frozenset[str]  # folded
    org_heads: tuple[str, ...]
    known_orgs: frozenset[str]  # folded
    place_triggers: tuple[str, ...]
    surname_first: frozenset[str]  # folded
    variants: dict[str, str]  # folded variant -> folded canonical
    words: frozenset[str] = frozenset()  # lowercased multi-syllable Vietnamese words

    def word_tail(self, tokens: Sequence[str], k: int) -> int:
        """How many lowercase syllables after ``tokens[k]`` complete one word with it
        ("Chỉ" + "huy", "Kinh" + "tế"): a name never ends in the middle of a word."""
        for n in (3, 2, 1):
            tail = tokens[k + 1:k + 1 + n]
            if len(tail) == n and all(t[:1].islower() for t in tail) \
                    and " ".join(tokens[k:k + 1 + n]).lower() in self.words:
                return n
        return 0

    @classmethod
    def default(cls) -> "EntityResources":
        variants: dict[str, str] = {}
        for line in resource_lines("name_variants.txt"):
            names = [n.strip() for n in line.split("|") if n.strip()]
            for n in names:
                variants[fold(n)] = fold(names[0])
        return cls(
            titles=tuple(sorted(resource_lines("titles.txt"), key=len, reverse=True)),
            honorifics=frozenset(h.lower() for h in resource_lines("honorifics.txt")),
            places=frozenset(fold(p) for p in resource_lines("places.txt")),
            org_heads=tuple(sorted(resource_lines("org_heads.txt"), key=len, reverse=True)),
            known_orgs=frozenset(fold(o) for o in resource_lines("known_orgs.txt")),
            place_triggers=tuple(resource_lines("place_triggers.txt")),
            surname_first=frozenset(fold(s) for s in resource_lines("surname_first.txt")),
            variants=variants,
            words=vietnamese_words(),
        )

    def key(self, name: str) -> str:
        folded = fold(name)
        return self.variants.get(folded, folded)


@dataclass(frozen=True)
class Mention:
    type: str
    text: str
    key: str
    article_id: str
    sentence_index: int
    start: int  # offsets into the article text
    end: int
    title: str = ""  # lowercase title or honorific right before the name
    role: str = ""


@dataclass(frozen=True)
class Entity:
    name: str
    type: str
    variants: tuple[str, ...]
    role: str | None
    roles: tuple[str, ...]
    mentions: int
    articles: tuple[str, ...]
    mentions_by_article: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "variants": list(self.variants), "role": self.role,
                "roles": list(self.roles), "mentions": self.mentions, "articles": list(self.articles),
                "mentions_by_article": dict(self.mentions_by_article)}


@dataclass
class _Run:
    tokens: list[tuple[str, int, int]]  # (text, start, end) offsets in the sentence
    initial: bool


class EntityExtractor:
    """``extract(sentences)`` → entities sorted by mentions. Holds only its resources."""

    def __init__(self, resources: EntityResources | None = None) -> None:
        self.res = resources or EntityResources.default()
        titles = "|".join(re.escape(t) for t in self.res.titles)
        self._title_re = re.compile(rf"(?<!\w)(?:(?:phó|cựu|nguyên|tân)\s+)?(?:{titles})(?!\w)", re.IGNORECASE)
        self._honorific_tail = re.compile(rf"(?<!\w)({'|'.join(map(re.escape, sorted(self.res.honorifics)))})\s+$",
                                          re.IGNORECASE)
        triggers = "|".join(re.escape(t) for t in self.res.place_triggers)
        self._place_trigger_tail = re.compile(rf"(?<!\w)(?:{triggers})\s+$")
        self._org_heads = {tuple(h.lower().split()) for h in self.res.org_heads}
        self._org_head_lengths = sorted({len(h) for h in self._org_heads}, reverse=True)
        heads = "|".join(re.escape(h) for h in self.res.org_heads)
        self._org_head_re = re.compile(rf"(?:{heads})(?!\w)", re.IGNORECASE)
        self._org_trigger_tail = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, _ORG_TRIGGERS))})\s+$",
                                            re.IGNORECASE)

    # -- runs and their parts ---------------------------------------------------------------
    def runs(self, text: str) -> list[_Run]:
        """Maximal runs of capitalized words joined by single spaces (a hyphenated lowercase part
        may follow a capitalized word: "Kim jong-un")."""
        first = self._first_word_start(text)
        out: list[_Run] = []
        for m in _RUN.finditer(text):
            tokens = [(t.group(0), t.start(), t.end()) for t in _TOKEN.finditer(text, m.start(), m.end())]
            if tokens:
                out.append(_Run(tokens, initial=tokens[0][1] == first))
        return out

    @staticmethod
    def _first_word_start(text: str) -> int:
        m = _TOKEN.search(text)
        return m.start() if m else -1

    def _strip_leading(self, tokens: list[tuple[str, int, int]]) -> tuple[int, str]:
        """How many leading tokens are a title/honorific, a place or an organization; and the title."""
        i = 0
        title = ""
        words = [t[0] for t in tokens]
        lowered = " ".join(w.lower() for w in words)
        m = self._title_re.match(lowered)
        if m:
            i = len(m.group(0).split())
            title = m.group(0).lower()
        elif words and words[0].lower() in self.res.honorifics:
            i, title = 1, words[0].lower()
        # organization head: strip through its last place word ("Bộ Quốc Phòng Nga")
        head = self._org_head_at(words, i)
        if head:
            last_place = None
            for k in range(i + head, len(words)):
                if self._place_len(words, k):
                    last_place = k + self._place_len(words, k)
            if last_place is None:
                return len(words), title
            i = last_place
        while i < len(words):
            n = self._place_len(words, i) or (1 if _is_acronym(words[i]) else 0)
            if not n:
                break
            i += n  # "Nga Vladimir Putin", "UBND TP Lê Văn A": qualifiers before the name
        return i, title

    def _org_head_at(self, words: Sequence[str], i: int) -> int:
        for n in self._org_head_lengths:
            if i + n <= len(words) and tuple(w.lower() for w in words[i:i + n]) in self._org_heads:
                return n
        return 0

    def _place_len(self, words: Sequence[str], i: int) -> int:
        for n in (3, 2, 1):
            if i + n <= len(words) and self.res.key(" ".join(words[i:i + n])) in self.res.places:
                return n
        return 0

    def _ends_mid_word(self, text: str, end: int, last_token: str) -> bool:
        """Does the name's last syllable start a word that runs on in lowercase ("Bộ trưởng Tài
        chính", "lãnh đạo Công an", "Pháp lý")? Not when the lowercase part starts a word of its
        own with what follows ("ông Thành công bố": "công bố")."""
        if not (text[end:end + 1] == " " and text[end + 1:end + 2].islower()):
            return False  # the common case, decided without tokenizing
        following: list[re.Match[str]] = []
        for m in _TOKEN.finditer(text, end, min(len(text), end + 40)):
            if text[(following[-1].end() if following else end):m.start()] != " ":
                break
            following.append(m)
        tokens = [last_token] + [m.group(0) for m in following]
        tail = self.res.word_tail(tokens, 0)
        after = tokens[1:3]
        overlapping = tail == 1 and len(after) == 2 and after[1][:1].islower() \
            and " ".join(after).lower() in self.res.words
        return bool(tail) and not overlapping

    # -- pass 1: evidence ---------------------------------------------------------------------
    def _title_before(self, sentence: str, start: int) -> tuple[str, int, int] | None:
        """A title in the same clause before ``start``, only a qualifier between: (title, start, end)."""
        before = sentence[:start]
        cuts = list(_PUNCT_CUT.finditer(before))
        seg_start = cuts[-1].end() if cuts else 0
        segment = before[seg_start:]
        best = None
        for m in self._title_re.finditer(segment):
            if self._qualifier_gap(segment[m.end():]):
                best = (m.group(0).lower(), seg_start + m.start(), seg_start + m.end())
        return best

    def _qualifier_gap(self, gap: str) -> bool:
        """Only an organization or place between a title and a name ("Thứ trưởng Bộ Ngoại giao Nga ...")."""
        for admin in sorted(_ADMIN_WORDS, key=len, reverse=True):
            gap = re.sub(rf"^\s*{admin}(?!\w)", "", gap, flags=re.IGNORECASE)  # "Chủ tịch tỉnh Nguyễn Văn A"
        words = gap.split()
        if len(words) > _MAX_TITLE_GAP_WORDS:
            return False
        previous_cap = False
        for w in words:
            if _is_cap(w):
                previous_cap = True
            elif previous_cap and w.lower() not in _CONNECTORS:
                previous_cap = False  # second syllable of a capitalized word: "Ngoại giao"
            elif w.lower() in _CONNECTORS and previous_cap:
                previous_cap = False
            else:
                return False
        return True

    def _appositive_role(self, sentence: str, name_start: int, name_end: int) -> str:
        """'ROLE, ông NAME' or 'ông NAME, ROLE ...' (role starts with a title)."""
        after = sentence[name_end:]
        if after.startswith(","):
            rest = after[1:]
            m = self._title_re.match(rest.lstrip())
            if m:
                offset = len(rest) - len(rest.lstrip())
                segment = rest[offset:]
                cut = _PUNCT_CUT.search(segment)
                segment = segment[:cut.start()] if cut else segment
                words = segment.split()[:_MAX_ROLE_WORDS]
                last_cap = max((k for k, w in enumerate(words) if _is_cap(w)), default=-1)
                if last_cap >= 0:
                    last_cap += self.res.word_tail(words, last_cap)  # "Trung tâm Quản lý", not "Quản"
                keep = max(last_cap + 1, len(m.group(0).split()))
                return " ".join(words[:keep])
        before = sentence[:name_start]
        hon = self._honorific_tail.search(before)
        if hon:
            head = before[:hon.start()].rstrip()
            if head.endswith(","):
                head = head[:-1]
                cuts = list(_PUNCT_CUT.finditer(head))
                segment = head[cuts[-1].end() if cuts else 0:]
                m = next(self._title_re.finditer(segment), None)
                if m:
                    return " ".join(segment[m.start():].split()[:_MAX_ROLE_WORDS])
        return ""

    def _evidence(self, sentence: Sentence, runs: list[_Run] | None = None
                  ) -> Iterable[tuple[str, str, int, int, str, str]]:
        """(type, surface, start, end, title, role) for runs with type evidence; offsets in the sentence."""
        text = sentence.text
        for run in self.runs(text) if runs is None else runs:
            toks = run.tokens
            skip, title_in_run = self._strip_leading(toks)
            words = [t[0] for t in toks]
            # places inside the run
            k = 0
            while k < len(words):
                n = self._place_len(words, k)
                if n == 1 and k == len(words) - 1 and self._ends_mid_word(text, toks[k][2], words[k]):
                    n = 0  # "Pháp lý", "Anh hùng", "Đức tin": a word, not the country
                if n:
                    yield LOCATION, text[toks[k][1]:toks[k + n - 1][2]], toks[k][1], toks[k + n - 1][2], "", ""
                    k += n
                else:
                    k += 1
            title_here = self._title_re.match(text, toks[0][1])
            if title_here and title_here.end() > toks[-1][2]:
                continue  # "Tổng" of "Tổng thống": a title, the name (if any) is the next run
            org_here = self._org_head_re.match(text, toks[0][1])
            if org_here and not title_here:
                end_tok = self._org_extent(text, toks)
                if end_tok is not None:
                    yield ORGANIZATION, text[toks[0][1]:end_tok], toks[0][1], end_tok, "", ""
                if org_here.end() > toks[-1][2] or (end_tok is not None and end_tok >= toks[-1][2]):
                    continue
            for k in range(len(words)):
                for n in (2, 1):
                    if k + n <= len(words) and self.res.key(" ".join(words[k:k + n])) in self.res.known_orgs:
                        yield ORGANIZATION, text[toks[k][1]:toks[k + n - 1][2]], toks[k][1], toks[k + n - 1][2], "", ""
                        break
            if self._org_trigger_tail.search(text[:toks[0][1]]):
                end_tok = self._org_extent(text, toks, head=0) or toks[-1][2]  # "tạp chí Y tế Dự phòng Mỹ"
                yield ORGANIZATION, text[toks[0][1]:end_tok], toks[0][1], end_tok, "", ""
                continue
            if len(words) == 1 and words[0].isupper() and len(words[0]) >= 2 and words[0].isalpha():
                yield ORGANIZATION, words[0], toks[0][1], toks[0][2], "", ""
                continue
            if skip >= len(toks):
                continue
            name_toks = toks[skip:]
            name = text[name_toks[0][1]:name_toks[-1][2]]
            if self.res.key(name) in self.res.known_orgs or self.res.key(name) in self.res.places:
                continue
            start, end = name_toks[0][1], name_toks[-1][2]
            before = text[:toks[0][1]]
            vietnamese_name = len(name_toks) >= 2 and fold(name_toks[0][0]) in self.res.surname_first
            if self._place_trigger_tail.search(before) and skip == 0 and not vietnamese_name:
                yield LOCATION, name, start, end, "", ""
                continue
            title = title_in_run
            role = ""
            if not title:
                hon = self._honorific_tail.search(before)
                if hon:
                    title = hon.group(1).lower()
            found = self._title_before(text, toks[0][1])
            if found and len(name_toks) == 1 and text[found[2]:toks[0][1]].strip():
                found = None  # a lone name needs its title right before it ("Tổng thống Putin")
            if len(name_toks) == 1 and _compound_next(text, end):
                continue  # "Thứ trưởng Ngoại giao Nga ...": a capitalized word of a qualifier, not a name
            if found and (not title or title in self.res.honorifics):
                title = found[0] if not title else title
                role = " ".join(text[found[1]:start].split())
            elif title_in_run and title_in_run not in self.res.honorifics:
                role = " ".join(text[toks[0][1]:start].split())
            # (3-4 syllables: "Hoàng Mai", "Lê Lợi" are places and streets more often than people)
            if not title and not (skip == 0 and len(fold(name).split()) in (3, 4) and vietnamese_name
                                  and not any(_is_acronym(t[0]) for t in name_toks)):
                continue  # no title, no "ông"/"bà": only a family-name-first full name is taken
            if self._ends_mid_word(text, end, name_toks[-1][0]):
                continue  # "Bộ trưởng Tài chính", "lãnh đạo Công an": a word of a qualifier, not a name
            appositive = self._appositive_role(text, start, end)
            if appositive and len(appositive) > len(role):
                role = appositive
            if role.lower() in self.res.honorifics:
                role = ""
            yield PERSON, name, start, end, title, role

    def _org_extent(self, text: str, toks: list[tuple[str, int, int]], head: int | None = None) -> int | None:
        """End offset of an organization name starting at the run: capitalized words, a lowercase
        syllable only inside the name ("Bộ Quốc phòng Nga", "Hội đồng Bảo an Liên Hợp Quốc"); a place
        ends it ("Bộ Quốc phòng Nga tới ...")."""
        start = toks[0][1]
        words = list(_TOKEN.finditer(text, start))[:16]
        if head is None:
            head = self._org_head_at([w.group(0) for w in words[:4]], 0)
            if not head:
                return None
        end = words[head - 1].end() if head else start
        last_good = end
        k = head
        prev_cap = False
        tokens = [w.group(0) for w in words]
        while k < len(words):
            if k and text[words[k - 1].end():words[k].start()] != " ":
                break
            token = tokens[k]
            if _is_cap(token):
                known = next((m for m in (3, 2) if self.res.key(" ".join(tokens[k:k + m])) in self.res.known_orgs), 0)
                if known:  # "Hội đồng Bảo an Liên hợp quốc"
                    last_good = words[min(k + known, len(words)) - 1].end()
                    break
                n = self._place_len(tokens, k)
                tail = self.res.word_tail(tokens, k)
                if n and not (n == 1 and tail):  # "Ủy ban Pháp luật": a word, not France
                    last_good = words[k + n - 1].end()
                    break
                if tail and all(text[words[j - 1].end():words[j].start()] == " " for j in range(k + 1, k + 1 + tail)):
                    last_good = words[k + tail].end()  # "Trung tâm Chỉ huy", "Diễn đàn Kinh tế"
                    k += tail + 1
                    prev_cap = False
                    continue
                prev_cap = True
                last_good = words[k].end()
            elif prev_cap and token not in _FUNCTION_WORDS:
                prev_cap = False  # a lowercase syllable inside the name only if a capitalized word follows
            else:
                break
            k += 1
        return last_good if last_good > end else None

    # -- pass 2: merge and count ------------------------------------------------------------
    def extract(self, sentences: Sequence[Sentence]) -> list[Entity]:
        mentions: list[Mention] = []
        runs_of = [self.runs(s.text) for s in sentences]
        for s, runs in zip(sentences, runs_of):
            claimed: list[tuple[int, int]] = []
            for etype, surface, a, b, title, role in self._evidence(s, runs):
                if any(a < e and st < b for st, e in claimed) and etype != PERSON:
                    continue
                claimed.append((a, b))
                mentions.append(Mention(etype, surface, self.res.key(surface), s.article_id, s.index,
                                        s.start + a, s.start + b, title, role))
        # persons: full names (2+ tokens) are entities; lone names join the one they can stand for
        full: dict[str, list[Mention]] = defaultdict(list)
        lone: list[Mention] = []
        groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        for m in mentions:
            if m.type == PERSON:
                (full[m.key] if len(m.key.split()) > 1 else lone).append(m)
            else:
                groups[(m.type, m.key)].append(m)
        person_keys = list(full)
        titles_of = {k: {m.title for m in ms} for k, ms in full.items()}
        for m in lone:
            target = self._resolve_lone(m.key, m.title, person_keys, titles_of)
            groups[(PERSON, target or m.key)].append(m)
        for name_key, ms in full.items():
            groups[(PERSON, name_key)].extend(ms)
        # untitled later mentions of known names ("Kalganov", "Moskva" at a sentence start)
        aliases = self._aliases(groups)
        counted = {(m.article_id, m.start) for ms in groups.values() for m in ms}
        for s, runs in zip(sentences, runs_of):
            for run in runs:
                words = [t[0] for t in run.tokens]
                k = 0
                while k < len(words):
                    hit = None
                    for n in range(min(4, len(words) - k), 0, -1):
                        key = self.res.key(" ".join(words[k:k + n]))
                        if key in aliases:
                            hit = (n, aliases[key])
                            break
                    if hit is None:
                        k += 1
                        continue
                    n, group = hit
                    a, b = run.tokens[k][1], run.tokens[k + n - 1][2]
                    if (s.article_id, s.start + a) not in counted:
                        counted.add((s.article_id, s.start + a))
                        groups[group].append(Mention(group[0], s.text[a:b], group[1], s.article_id, s.index,
                                                     s.start + a, s.start + b))
                    k += n
        return self._entities(groups)

    def _resolve_lone(self, key: str, title: str, person_keys: list[str],
                      titles_of: dict[str, set[str]]) -> str | None:
        candidates = []
        for full_key in person_keys:
            parts = full_key.split()
            if parts[-1] == key or (parts[0] == key and parts[0] in self.res.surname_first):
                candidates.append(full_key)
        if len(candidates) == 1:
            return candidates[0]
        if title:
            titled = [c for c in candidates if title in titles_of[c]]
            if len(titled) == 1:
                return titled[0]
        return None

    def _aliases(self, groups: dict[tuple[str, str], list[Mention]]) -> dict[str, tuple[str, str]]:
        aliases: dict[str, tuple[str, str]] = {}
        last_names: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for group in groups:
            etype, key = group
            aliases.setdefault(key, group)
            parts = key.split()
            if etype == PERSON and len(parts) > 1 and parts[0] not in self.res.surname_first:
                last_names[parts[-1]].append(group)
        for last, owners in last_names.items():
            if len(owners) == 1 and last not in self.res.places:
                aliases.setdefault(last, owners[0])
        for variant, canonical in self.res.variants.items():
            for group in list(groups):
                if group[1] == canonical:
                    aliases.setdefault(variant, group)
        return aliases

    @staticmethod
    def _entities(groups: dict[tuple[str, str], list[Mention]]) -> list[Entity]:
        out = []
        for (etype, _key), ms in groups.items():
            if not ms:
                continue
            surfaces = Counter(m.text for m in ms)
            name = max(surfaces, key=lambda s: (len(fold(s).split()) if etype == PERSON else 0, surfaces[s], s))
            roles = [m.role for m in ms if m.role]
            role_counts = Counter(roles)
            by_article = Counter(m.article_id for m in ms)
            out.append(Entity(
                name=name, type=etype, variants=tuple(sorted(surfaces)),
                role=max(role_counts, key=lambda r: (len(r.split()), role_counts[r])) if roles else None,
                roles=tuple(dict.fromkeys(roles)), mentions=len(ms), articles=tuple(sorted(by_article)),
                mentions_by_article=dict(sorted(by_article.items())),
            ))
        out.sort(key=lambda e: (-e.mentions, e.type, e.name))
        return out
