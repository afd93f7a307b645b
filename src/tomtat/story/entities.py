"""People, organizations and places of a cluster, with name variants merged.

Rules, not a model: underthesea's NER misses or splits many names in news text (measured in
``benchmarks/timeline.py``). Three steps, each in its own module:

1. names as language knowledge (``tomtat.vi.names``): folded keys that merge spellings
   (Victor/Viktor, Moscow/Moskva) and the word lists (titles, honorifics, places, ...);
2. mentions (``tomtat.story.mentions``): typed names sentence by sentence, found on runs of
   capitalized words (``tomtat.story.name_rules``);
3. entities (here): mentions merged by key; a lone family name ("Putin", "Chủ tịch Kim")
   joins the one full name it can stand for, and untitled later mentions of a known name
   ("Kalganov" at a sentence start) are counted too.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Collection, Iterable, Mapping, Sequence

from tomtat.core.model import Sentence
from tomtat.story.abbreviations import defined_before
from tomtat.story.mentions import (LOCATION, ORGANIZATION, PERSON, Evidence, Mention, MentionFinder,
                                    language_or_pronoun, place_inside_a_name)
from tomtat.story.name_rules import BODY_FIELD_JOINERS, COMPANY_HEADS, LEGAL_FORMS, Run
from tomtat.vi.letters import without_marks
from tomtat.vi.names import EntityResources, fold, fold_token, key_starts, may_start

__all__ = ["LOCATION", "ORGANIZATION", "PERSON", "Entity", "EntityExtractor", "EntityResources", "Evidence",
           "Mention", "fold", "fold_token"]

# an entity's mentions keyed by (type, folded name)
Group = tuple[str, str]
Groups = dict[Group, list[Mention]]
SentenceOf = Mapping[tuple[str, int], Sentence]  # a sentence by (article id, sentence index)


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


_SPELLING = 0.85  # how alike (difflib's ratio) two spellings of one foreign family name are at least
_SPELLING_SAME_GIVEN = 0.7  # ... when the given names are the same ("Antoni Macherevich", "Antoni Macierewicz")
_GIVEN_SPELLING = 0.75  # ... of its given names ("Darya", "Daria")
_LONE_SPELLING = 0.9  # ... of a family name written alone and a full name's ("Mourrinho", "Mourinho")
_SPELLING_MIN_LETTERS = 5
# A world region ("Đông Nam Á", "Châu Âu") ranks as if named half as often: the story's own places,
# people and organizations first (a hand check found regions pushing the story's pollster out).
_REGION_WEIGHT = 0.5


def _spelt_alike(a: str, b: str, at_least: float, *, either_sex: bool = False) -> bool:
    """Two spellings of one foreign name: different, five letters or more, at least ``at_least``
    alike, and (unless ``either_sex``: the given names already tell one person, "Darya Dugin" and
    "Daria Dugina") not a man's and a woman's form of a Slavic family name ("Zelensky" /
    "Zelenska", "Dugin" / "Dugina", "Ivanov" / "Ivanova")."""
    if a == b or len(a) < _SPELLING_MIN_LETTERS or len(b) < _SPELLING_MIN_LETTERS:
        return False
    short, long = sorted((a, b), key=len)
    if not either_sex and (long == short + "a" or (short[:-1] == long[:-1] and "a" in (short[-1], long[-1])
                                                   and short[-1] in "aiy" and long[-1] in "aiy")):
        return False
    matcher = difflib.SequenceMatcher(None, a, b)  # the cheap upper bounds first: most pairs are far apart
    return matcher.real_quick_ratio() >= at_least and matcher.quick_ratio() >= at_least and matcher.ratio() >= at_least


def _begun_by_all(key: str, keys: Iterable[str]) -> bool:
    """Does every key of ``keys`` begin ``key``, word-wise ("sở gtvt" and "sở gtvt cà mau" begin
    "sở gtvt cà mau"), with at least one shorter?"""
    return all(key == k or key.startswith(k + " ") for k in keys) and any(k != key for k in keys)


def _one_name(keys: Collection[str]) -> Collection[str]:
    """``keys``, or only the longest when the others are its first words ("đảng tự do" and
    "đảng tự do áo": one name written short and in full)."""
    longest = max(keys, key=len)
    return {longest} if _begun_by_all(longest, keys) else keys


def _join_sole_owners(groups: Groups, owners: Mapping[Group, Collection[Group]],
                      may_join: Callable[[list[Mention]], bool] | None = None) -> None:
    """Each group of ``owners`` (in their order) joins its owner when it has exactly one, both
    are still there and ``may_join`` (if given) accepts its mentions; with two owners it stays
    apart. The one step of every "joins the one X" rule below."""
    for member, its_owners in owners.items():
        if len(its_owners) != 1:
            continue
        (owner,) = its_owners
        mentions = groups.get(member)
        if mentions and owner in groups and (may_join is None or may_join(mentions)):
            groups[owner].extend(groups.pop(member))


def _initials_in(name: str) -> bool:
    """Does ``name`` hold initials: a word of two or more capitals ("GD", "UBND", "HĐND"), one
    of three or more when it is the whole name ("HN" alone may be many names)? A word with a
    tone mark is a headline's capitals ("BỘ"), not initials; "Ư", "Đ" are letters ("NHTƯ")."""
    words = name.split()
    return any(_is_initials(w) and len(w) >= (2 if len(words) > 1 else 3) for w in words)


def _is_initials(word: str) -> bool:
    letters = _letters(word)
    return letters.isupper() and letters.isalpha() and not any(c in _TONES for c in unicodedata.normalize("NFD", letters))


def _letters(word: str) -> str:
    return word.replace("&", "").replace("-", "")  # "GD&ĐT", "NN-PTNT": the initials of fields joined by "và"


_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below: "NHTƯ" has none, "BỘ" has one


def _initial(word: str) -> str:
    return without_marks(word[:1]).upper()  # "Đ" too is "D" then, as in the initials compared


_LINKS = frozenset({"và", "&", "-", "–"})  # words between the fields of a name ("Lao động - Thương binh và Xã hội")


def _spelled_out(short: Sequence[str], full: Sequence[str]) -> bool:
    """Is ``full`` (words) ``short`` (words) with each word of capitals written out as the
    words it is the initials of ("Bộ GD" / "Bộ Giáo dục", "VPĐD" / "Văn phòng Đại diện")?
    Other words must be the same but for marks and case; "và" and dashes between the full name's
    fields do not count ("Bộ GD&ĐT" / "Bộ Giáo dục và Đào tạo")."""
    full = [w.rstrip(",") for w in full if w not in _LINKS]

    def match(i: int, j: int) -> bool:
        if i == len(short):
            return j == len(full)
        word = short[i]
        if j < len(full) and without_marks(word.lower()) == without_marks(full[j].lower()) and match(i + 1, j + 1):
            return True
        letters = without_marks(_letters(word))
        n = len(letters)
        return (_is_initials(word) and n >= 2 and j + n <= len(full)
                and "".join(_initial(w) for w in full[j:j + n]) == letters and match(i + 1, j + n))
    return len(full) > len(short) and match(0, 0)


# what opens the brackets of a short name: " (", " (gọi tắt là ", " (sau đây gọi là ", " (viết tắt: "
_BRACKET_OPENING = re.compile(r" \((?:(?:sau đây |dưới đây )?(?:gọi|viết)(?: tắt)?(?: là|:)? )?", re.IGNORECASE)
# ... or its stock ticker, maybe after a short name: "(HoSE: KDC)", "(mã chứng khoán: TCM)", "(Tân Tạo, mã ITA)"
_TICKER_OPENING = re.compile(r" \((?:[^(),]{1,40}, )?(?:[Mm]ã(?: chứng khoán| cổ phiếu| CK)?|HoSE|HOSE|HNX|UPCoM|UPCOM)"
                             r"(?: ?: ?| )(?=[A-Z0-9]{3}\))")


# Words before a name that make it a place's or a building's ("TP Hồ Chí Minh", "xã Lê Minh
# Xuân", "Bệnh viện Bạch Mai"), not a person's
_NAMED_AFTER = frozenset({"tp", "tp.", "phố", "xã", "phường", "huyện", "quận", "tỉnh", "đường", "viện", "trường", "trấn"})


def _ends_with_another(role: str, key: str, written_by: Mapping[str, str]) -> bool:
    """Does ``role`` end with another person's full name, or hold one before "và"/"lẫn" ("Á hậu
    Thảo Nhi và Á hậu Thủy Tiên")? The title is then that person's."""
    words = role.replace(",", " ").split()
    for end in range(len(words), 1, -1):
        if end < len(words) and words[end] not in ("và", "lẫn"):
            continue
        for start in range(max(0, end - 4), end - 1):
            other = written_by.get(" ".join(words[start:end]))
            if other is not None and other != key and (start == 0 or words[start - 1].lower() not in _NAMED_AFTER):
                return True
    return False


def _dominant(owners: Sequence[Any], mentions: Any) -> Any:
    """The one owner, or the owner written at least twice as often as any other: a family name
    two people share is the main one's ("Holmes" of Elizabeth Holmes, 31 mentions, not of her
    father, 2; "Trump" of Donald, not Ivanka); between two as often written, nobody's."""
    if len(owners) < 2:
        return owners[0] if owners else None
    ranked = sorted(owners, key=lambda o: -len(mentions.get(o, ())))
    first, second = (len(mentions.get(o, ())) for o in ranked[:2])
    return ranked[0] if first >= 2 * second and first > 0 else None


class _Spans:
    """Where the mentions found so far lie, article by article: is an offset inside one?"""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for m in mentions:
            spans[m.article_id].append((m.start, m.end))
        self._starts: dict[str, list[int]] = {}
        self._ends: dict[str, list[int]] = {}
        for article_id, found in spans.items():
            merged: list[list[int]] = []
            for start, end in sorted(found):
                if merged and start <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], end)
                else:
                    merged.append([start, end])
            self._starts[article_id] = [start for start, _ in merged]
            self._ends[article_id] = [end for _, end in merged]

    def inside(self, article_id: str, offset: int) -> bool:
        """Is ``offset`` inside a mention (after its first character)?"""
        starts = self._starts.get(article_id)
        if not starts:
            return False
        k = bisect_right(starts, offset) - 1
        return k >= 0 and starts[k] < offset < self._ends[article_id][k]


class EntityExtractor:
    """``extract(sentences)`` → entities sorted by mentions. Holds only its resources."""

    def __init__(self, resources: EntityResources | None = None) -> None:
        self.res = resources or EntityResources.default()
        self.finder = MentionFinder(self.res)

    def extract(self, sentences: Sequence[Sentence]) -> list[Entity]:
        return self._entities(self._groups(sentences))

    def people(self, sentences: Sequence[Sentence]) -> dict[str, list[Mention]]:
        """Each person's mentions in ``sentences``, by the person's key: the same merging as
        :meth:`extract` (a lone name joins the one full name it can stand for, untitled later
        mentions of a known name count), so "ông Kim" and "Chủ tịch Kim Jong-un" are one person."""
        return self.named(sentences, PERSON)

    def named(self, sentences: Sequence[Sentence], etype: str) -> dict[str, list[Mention]]:
        """Each entity's mentions of type ``etype`` (PER, ORG, LOC) in ``sentences``, by key,
        merged as :meth:`extract` merges them."""
        return {key: ms for (t, key), ms in self.named_of_types(sentences, (etype,)).items()}

    def named_of_types(self, sentences: Sequence[Sentence], etypes: Collection[str]) -> dict[tuple[str, str], list[Mention]]:
        """:meth:`named` for several types at the cost of one, by (type, key)."""
        return {(t, key): ms for (t, key), ms in self._groups(sentences).items() if t in etypes and ms}

    def _groups(self, sentences: Sequence[Sentence]) -> Groups:
        runs_of = [self.finder.rules.runs(s.text) for s in sentences]
        sentence_of = {(s.article_id, s.index): s for s in sentences}  # a mention's sentence, for the rules that read around it
        mentions = self._with_lowercase_fields(self.finder.mentions(sentences, runs_of), sentence_of)
        groups = self._merge(mentions + self._family_members(sentences, runs_of, mentions))
        self._join_types(groups)
        self._count_aliases(sentences, runs_of, groups)
        self._join_kinds(groups)
        self._join_bracketed(groups, mentions, sentence_of)
        self._join_legal_names(groups)
        self._drop_common_terms(groups, sentence_of)
        self._join_prefixes(groups, sentence_of)
        self._join_unmarked(groups)
        self._join_initials(groups)
        return groups

    def _family_members(self, sentences: Sequence[Sentence], runs_of: Sequence[list[Run]],
                        mentions: list[Mention]) -> list[Mention]:
        """Untitled foreign full names that end with the family name of a person found
        ("Elizabeth Holmes" where "ông Christian Holmes" is titled), or with a foreign word the
        cluster writes alone at least twice, or once after a title or "ông"/"bà" ("Karius" beside
        "Loris Karius", "ông Kalari" beside "Venu Kalari"): persons too. Without them
        the lone "Holmes" of the story's main person went to the only titled Holmes, a father
        named twice (one ViMs cluster, 85 mentions). The given names must be foreign words (no
        Vietnamese mark, not a listed syllable, not all capitals, not a title or a place), one
        word at the run's start or after a title: "Hollywood Angelina Jolie", "Jung Myeong Seok"
        are not taken."""
        families = {m.key.split()[-1] for m in mentions if m.type == PERSON and len(m.key.split()) > 1
                    and m.key.isascii() and m.key.split()[0] not in self.res.surname_first}
        # ... or a family name the cluster writes alone at least twice (or once after a title),
        # as news names a person after the first mention ("Loris Karius" then "Karius", "Johnny Depp" then "Depp")
        alone = Counter(fold_token(run.words[0]) for runs in runs_of for run in runs
                        if len(run.words) == 1 and self._foreign_given_name(run.words[0]))
        # ... or once after a title or "ông"/"bà" ("ông Kalari" beside "Venu Kalari", "Đại sứ Galuzin")
        called = {m.key for m in mentions if m.type == PERSON and m.title and m.key in alone}
        written_alone = {word for word, count in alone.items() if count >= 2 or word in called} - families
        families |= written_alone
        if not families:
            return []
        found = {(m.article_id, m.start) for m in mentions}
        # "CEO Tesla Musk" where "Hãng Tesla" is found: the company, not a given name
        others = {w for m in mentions if m.type != PERSON for w in (m.key, m.key.split()[-1])}
        out: list[Mention] = []
        for s, runs in zip(sentences, runs_of):
            for run in runs:
                words = run.words
                for k in range(1, len(words)):
                    family = fold_token(words[k])
                    if family not in families or not self._foreign_given_name(words[k - 1]) \
                            or self.res.key(words[k - 1]) in others \
                            or (k >= 2 and not self.finder.rules.title.match(words[k - 2].lower())
                                and not (family in called and self.res.place_length(words, 0) == k - 1)):
                        continue  # one given name: the run's first word, after a title ("CEO"), or after a
                        # place when a title or "ông"/"bà" is said of the family name ("Nhật Bản Mikhail Galuzin")
                    if family in written_alone and (k < len(words) - 1 or fold_token(words[k - 1]) == family
                                                    or words[k - 1].lower() in self.res.name_starts_not_given):
                        continue  # the whole run ("Woo Young Woo"), two words, not a club's ("Real Madrid")
                    a, b = run.tokens[k - 1].start, run.tokens[k].end
                    if (s.article_id, s.start + a) in found:
                        continue
                    found.add((s.article_id, s.start + a))
                    text = s.text[a:b]
                    out.append(Mention(PERSON, text, self.res.key(text), s.article_id, s.index, s.start + a, s.start + b))
        return out

    def _foreign_given_name(self, word: str) -> bool:
        lower = word.lower()
        return word[:1].isupper() and word.isalpha() and not word.isupper() and lower.isascii() \
            and lower not in self.res.syllables and not self.finder.rules.title.match(lower) \
            and lower not in self.res.honorifics and not self.res.place_length([word], 0)

    @staticmethod
    def _join_types(groups: Groups) -> None:
        """A one-word name found both as a person and as an organization ("chủ tịch Theranos"
        once, "công ty Theranos" four times) is the type with more mentions found by their
        own evidence; a tie leaves both."""
        for key in [k for t, k in groups if t == PERSON and " " not in k]:
            person, organization = groups.get((PERSON, key), []), groups.get((ORGANIZATION, key), [])
            if person and organization and len(person) != len(organization):
                winner, loser = ((PERSON, key), (ORGANIZATION, key)) if len(person) > len(organization) \
                    else ((ORGANIZATION, key), (PERSON, key))
                groups[winner].extend(groups.pop(loser))

    def _join_unmarked(self, groups: Groups) -> None:
        """A name of two words or more written without Vietnamese marks ("Kon Plong", "Thanh
        Nien Corp") joins the one name of its type that the cluster writes with them and that
        reads the same without them ("Kon Plông")."""
        marked: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        for group, mentions in groups.items():
            if not group[1].isascii():
                for m in mentions:
                    marked[(group[0], self.res.key(without_marks(m.text)))].add(group)
        _join_sole_owners(groups, {g: marked[g] for g in groups if g[1].isascii() and len(g[1].split()) > 1
                                   and g in marked})

    def _join_kinds(self, groups: Groups) -> None:
        """A bare organization name ("FLC", "Reuters", "Tân Tạo") joins the one organization that
        is a kind word and that name ("Tập đoàn FLC", "Hãng tin Reuters", "Công ty Tân Tạo";
        ``org_kinds.txt``). Two such organizations ("Công ty X", "Quỹ X"): it stays. So does a
        name read as a person's ("Phó Tổng giám đốc Khang Điền" beside "Công ty Khang Điền"),
        unless it is a full Vietnamese name or someone is called "ông", "bà" by it."""
        longer: dict[str, set[str]] = defaultdict(set)
        for etype, key in groups:
            if etype != ORGANIZATION:
                continue
            for kind in self.res.org_kinds:
                bare = key[len(kind) + 1:]
                if key.startswith(kind + " ") and ((ORGANIZATION, bare) in groups or (PERSON, bare) in groups):
                    longer[bare].add(key)
                    break
        owners: dict[Group, set[Group]] = {}
        for bare, keys in longer.items():
            owners[(ORGANIZATION, bare)] = {(ORGANIZATION, k) for k in keys}
            person = groups.get((PERSON, bare))
            if person and not any(m.title in self.res.honorifics for m in person) \
                    and not any(self.res.full_vietnamese_name(m.text) for m in person):
                owners[(PERSON, bare)] = {(ORGANIZATION, k) for k in keys}
        _join_sole_owners(groups, owners)

    def _join_legal_names(self, groups: Groups) -> None:
        """A company's full legal name ("Công ty Cổ phần Đầu tư và Công nghiệp Tân Tạo") joins
        the one organization named by its kind and its own name ("Công ty Tân Tạo"): what is
        left of the full name after its kind, its legal form ("Cổ phần", "TNHH") and business
        fields (``company_fields.txt``) is that name. A corporation written as a company ("Công ty
        Văn hóa Sài Gòn" for "Tổng công ty Văn hóa Sài Gòn") is that corporation."""
        owners: dict[Group, tuple[Group, tuple[str, ...]]] = {}
        for etype, key in groups:
            if etype != ORGANIZATION:
                continue
            kind = next((k for k in COMPANY_HEADS if key.startswith(k + " ")), None)
            if kind is None:
                continue
            if kind == "công ty" and (ORGANIZATION, f"tổng {key}") in groups:
                owners[(ORGANIZATION, key)] = (ORGANIZATION, f"tổng {key}"), ()
                continue
            words = key[len(kind) + 1:].split()
            k = 0
            fields: list[str] = []
            while k < len(words):
                n = next((n for n in (3, 2, 1) if " ".join(words[k:k + n]) in LEGAL_FORMS), 0)
                field = next((n for n in (3, 2, 1) if " ".join(words[k:k + n]) in self.finder.rules.folded_company_fields), 0)
                if field and not n:
                    fields.append(" ".join(words[k:k + field]))
                if not (n or field) and words[k] != "và":
                    break
                k += n or field or 1
            if 0 < k < len(words):
                own = (ORGANIZATION, f"{kind} {' '.join(words[k:])}")
                if own in groups:
                    owners[(ORGANIZATION, key)] = own, tuple(fields)
        # "Công ty Du lịch Sài Gòn" and "Công ty Thương mại Sài Gòn" are two: neither is "Công ty
        # Sài Gòn" ("Công ty Cổ phần X" and "Công ty CP X" are one)
        fields_of: dict[Group, set[tuple[str, ...]]] = defaultdict(set)
        for own, its_fields in owners.values():
            fields_of[own].add(its_fields)
        _join_sole_owners(groups, {key: {own} for key, (own, _) in owners.items() if len(fields_of[own]) == 1})

    def _with_lowercase_fields(self, mentions: list[Mention], sentence_of: SentenceOf) -> list[Mention]:
        """``mentions``, with a public body's name read on through the lowercase fields that end
        it (:meth:`NameRules.body_fields_end`: "Cơ quan Cảnh sát| điều tra", "Trung tâm Quản lý|
        giao thông công cộng Hà Nội") when every mention of that name in the cluster, two or more,
        goes on with such fields: one mention proves nothing, as fields are also plain nouns and
        verbs. Each mention takes its own fields; the key leaves out the joiners ("tội phạm [về]
        ma túy", "hành chính và/về trật tự xã hội" are written both ways). Not a company (its
        lowercase fields are read where it is found), nor a listed organization."""
        by_key: dict[str, list[int]] = defaultdict(list)
        for i, m in enumerate(mentions):
            if m.type == ORGANIZATION and m.key not in self.res.known_orgs \
                    and not any(m.key.startswith(head + " ") for head in COMPANY_HEADS):
                by_key[m.key].append(i)
        extended = list(mentions)
        for indices in by_key.values():
            if len(indices) < 2:
                continue
            tails = []  # each mention's fields as written, with the space before them
            for i in indices:
                m = mentions[i]
                sentence = sentence_of[(m.article_id, m.sentence_index)]
                at = m.end - sentence.start
                end = self.finder.rules.body_fields_end(sentence.text, m.text, at)
                tails.append(sentence.text[at:end] if end else "")
            if all(tails):
                for i, fields in zip(indices, tails):
                    m = mentions[i]
                    key = self.res.organization_key(" ".join([m.text, *(w for w in fields.split() if w not in BODY_FIELD_JOINERS)]))
                    extended[i] = replace(m, text=m.text + fields, key=key, end=m.end + len(fields))
        return extended

    def _join_bracketed(self, groups: Groups, mentions: list[Mention], sentence_of: SentenceOf) -> None:
        """An organization's short name given in brackets right after its full one ("Tổ chức Y
        tế Thế giới (WHO)", "Ngân hàng TMCP Sài Gòn Công Thương (Saigonbank - SGB)", "Công ty
        TNHH Thủy sản Thiên Mã (gọi tắt là Công ty Thiên Mã)") is the same organization, when the
        cluster gives it to that one name only."""
        by_start = {(m.article_id, m.start): m for m in mentions if m.type == ORGANIZATION}
        owners: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            if m.type != ORGANIZATION:
                continue
            s = sentence_of[(m.article_id, m.sentence_index)]
            for pattern in (_BRACKET_OPENING, _TICKER_OPENING):
                opening = pattern.match(s.text, m.end - s.start)
                if opening is None:
                    continue
                short = by_start.get((m.article_id, m.end + len(opening.group(0))))
                if short is None or short.key == m.key or len(m.text.split()) < 2 \
                        or s.text[short.end - s.start:short.end - s.start + 1] not in (")", " ", ","):
                    continue  # "... Việt Nam - EU (EVFTA)": a one-word name is no full name
                if opening.group(0) == " (" and self.finder.rules.org_head_at(short.text.split(), 0):
                    continue  # "Bộ Công an (Tổng cục Cảnh sát)": a unit of it, not its short name
                owners[short.key].add(m.key)
        # "Đảng Tự do (FPÖ)" and "Đảng Tự do Áo (FPO)": one owner, written short and in full
        _join_sole_owners(groups, {(ORGANIZATION, short): {(ORGANIZATION, k) for k in _one_name(full)}
                                   for short, full in owners.items()})

    @staticmethod
    def _drop_common_terms(groups: Groups, sentence_of: SentenceOf) -> None:
        """An acronym the cluster defines by words in brackets after them that are no name, the
        first word lowercase or all after it ("thuốc lá làm nóng (TLLN)", "an ninh Tổ quốc
        (ANTQ)", "Thuốc lá điện tử (TLĐT)" opening a sentence), abbreviates a term, not an
        organization's name: it is no entity."""
        for group in [g for g in groups if g[0] == ORGANIZATION and " " not in g[1]]:
            for m in groups[group]:
                if not m.text.isupper():
                    continue
                s = sentence_of[(m.article_id, m.sentence_index)]
                full = defined_before(s.text, m.start - s.start, m.text)
                if full is not None and not (full[:1].isupper() and any(w[:1].isupper() for w in full.split()[1:])):
                    del groups[group]
                    break

    def _join_initials(self, groups: Groups) -> None:
        """An organization written with initials ("Bộ GD", "UBND", "BCA", "Cục QLCLNL") joins
        the one organization or place of the cluster whose name spells them out ("Bộ Giáo dục",
        "Ủy ban Nhân dân", "Bộ Công an"): news shortens names so without always giving the full
        one in brackets. With two such names it stays apart, and so does one that already holds
        a name its initials spell ("Ngân hàng Nhà nước (NHNN)" beside "Ngân hàng Nông nghiệp")."""
        written = {g: {m.text for m in ms} for g, ms in groups.items() if g[0] in (ORGANIZATION, LOCATION) and ms}
        owners: dict[Group, set[Group]] = {}
        for group, texts in written.items():
            shorts = [t.split() for t in texts if group[0] == ORGANIZATION and _initials_in(t)]
            if not shorts:
                continue
            spelling = {other for other, other_texts in written.items()
                        if any(_spelled_out(short, t.split()) for short in shorts for t in other_texts)}
            if spelling and group not in spelling:
                owners[group] = spelling
        _join_sole_owners(groups, owners)

    def _join_prefixes(self, groups: Groups, sentence_of: SentenceOf) -> None:
        """An organization written short, its name's first words, joins the one organization of
        the cluster whose name goes on from them: first with a place ("Sở GTVT" -> "Sở GTVT Cà
        Mau"), then with capitalized words written at least twice ("Hội đồng Giáo sư" -> "Hội
        đồng Giáo sư Nhà nước", "Sở Văn hóa" -> "Sở Văn hóa Thể thao TPHCM"): news shortens a
        name after its first mention, and the extractor stops a name at a lowercase word. Names
        that go on in two ways ("Sở GTVT Nghệ An", "Sở GTVT Quảng Bình") are two, and the short
        one stays apart; one that goes on only by lengthening another ("Sở Văn hóa Thể thao",
        "... TPHCM") joins the longest. The words that go on are no unit, title or person of
        their own ("Bộ Công an Tổng cục Cảnh sát", "Bộ Y tế PGS", "Bộ Công an Tô Lâm"), and a
        name written once is not trusted to go on ("Giám đốc Sở Tư pháp Cao Thanh Sơn"). A short
        name that is a local body cut at its unit ("Tòa án Nhân dân huyện Gia Lâm") joins no name
        going on with other words ("... Tối cao"); one going on with a place it may."""
        people = {k for t, k in groups if t == PERSON}
        for any_words in (False, True):
            longer: dict[str, list[str]] = defaultdict(list)
            for (etype, key), mentions in groups.items():
                if etype != ORGANIZATION or not mentions:
                    continue
                words = key.split()
                written = Counter(m.text for m in mentions).most_common(1)[0][0].split()
                for cut in range(1, len(words)):
                    rest = words[cut:]
                    if self._a_place(rest) or (
                            any_words and cut > 1 and self._goes_on(rest, written, cut, people)):
                        longer[" ".join(words[:cut]).rstrip(",")].append(key)  # "Bộ Văn hóa, Thể thao ..."
            owners = {}
            for short, its_longer in longer.items():
                longest = max(its_longer, key=len)
                if not _begun_by_all(longest, its_longer + [short]):
                    owners[(ORGANIZATION, short)] = [(ORGANIZATION, k) for k in its_longer]
                    continue
                rest = longest.split()[len(short.split()):]
                placed = any(self.res.place_length(rest, i) for i in range(len(rest)))
                if any_words and not placed and any(self._before_a_unit(m, sentence_of)
                                                    for m in groups.get((ORGANIZATION, short), ())):
                    continue  # "Tòa án Nhân dân huyện Gia Lâm" is no "Tòa án Nhân dân Tối cao"
                if not any_words or len(groups[(ORGANIZATION, longest)]) > 1 or placed \
                        or rest[0] == "và" \
                        or self._goes_on_in_lowercase(groups.get((ORGANIZATION, short), ()), groups[(ORGANIZATION, longest)],
                                                     rest, sentence_of):
                    owners[(ORGANIZATION, short)] = [(ORGANIZATION, longest)]  # ("và": "Bộ Giáo dục và Đào tạo")
            _join_sole_owners(groups, owners)

    def _goes_on_in_lowercase(self, mentions: Sequence[Mention], longer: Sequence[Mention], rest: list[str],
                              sentence_of: SentenceOf) -> bool:
        """Does every mention of a short name go on in its sentence with ``rest``, the other words of
        the longer name's key, in lowercase as the extractor does not read them ("Cục Quản lý| dược"
        of "Cục Quản lý Dược")? Then the longer name, written once, is what the short one says,
        unless a unit or a place comes next (a local office: "Cục Quản lý thị trường| tỉnh Lạng
        Sơn" is no "Cục Quản lý Thị trường") or the longer name is cut itself (a lowercase word
        that is no function word after it: "Phòng Cảnh sát Quản lý| hành chính ...")."""
        def after(m: Mention, n: int) -> list[str]:
            sentence = sentence_of[(m.article_id, m.sentence_index)]
            return sentence.text[m.end - sentence.start:].split()[:n]

        if not mentions:
            return False
        for m in mentions:
            words = after(m, len(rest) + 2)
            said, next_words = words[:len(rest)], words[len(rest):]
            if not said or not said[0][:1].islower() or self.res.key(" ".join(said).rstrip(",.;:)")) != " ".join(rest):
                return False
            if said[-1][-1:].isalpha() and next_words and (self.res.unit_length(next_words, 0)
                                                           or self.res.place_length(next_words, 0)):
                return False
        return not any((word := after(m, 1)) and word[0][:1].islower()
                       and word[0].rstrip(",.;:)") not in self.res.name_breakers for m in longer)

    def _a_place(self, words: list[str]) -> bool:
        """Are the key's ``words`` a known place ("cà mau"), or a place after its unit ("tỉnh quảng
        nam", "xã tân phú": a commune is rarely listed; up to three words, as the name reads it)?"""
        unit = self.res.unit_length(words, 0)
        if unit:
            return 0 < len(words) - unit <= 3 or 0 < self.res.place_length(words, unit) == len(words) - unit
        return self.res.place_length(words, 0) == len(words)

    def _before_a_unit(self, mention: Mention, sentence_of: SentenceOf) -> bool:
        """Is ``mention`` followed by a lowercase administrative unit ("... huyện Gia Lâm")?"""
        sentence = sentence_of[(mention.article_id, mention.sentence_index)]
        return self.finder.rules.admin_unit_at(sentence.text, mention.end - sentence.start)

    def _goes_on(self, rest: list[str], written: list[str], cut: int, people: Collection[str]) -> bool:
        """Do the key's words ``rest`` (from word ``cut`` of the name as ``written``) go on with an
        organization's name? They start capitalized ("Hội đồng Giáo sư Nhà nước"; not "Sở Công
        Thương số", "Công ty A sang Công ty B"), and no unit, title or person starts among them."""
        if len(written) != cut + len(rest) or not (written[cut][:1].isupper() or (
                written[cut] == "và" and cut + 1 < len(written) and written[cut + 1][:1].isupper())):
            return False  # ("Bộ Giáo dục" goes on as "Bộ Giáo dục và Đào tạo")
        return not (self.finder.rules.org_head_at(rest, 0) or self.finder.rules.title.match(" ".join(rest))
                    or any(" ".join(rest[k:]) in people or self.res.full_vietnamese_name(" ".join(written[cut + k:]))
                           for k in range(len(rest))))

    def _merge(self, mentions: list[Mention]) -> Groups:
        """Places and organizations by key; persons: full names (2+ words) are entities, a full
        name that ends one longer name joins it ("Van der Bellen", "Alexander Van der Bellen"),
        and a lone name joins the one full name it can stand for (else it stands alone)."""
        full: dict[str, list[Mention]] = defaultdict(list)
        lone: list[Mention] = []
        groups: Groups = defaultdict(list)
        for m in mentions:
            if m.type == PERSON:
                (full[m.key] if len(m.key.split()) > 1 else lone).append(m)
            else:
                groups[(m.type, m.key)].append(m)
        for short in sorted(full, key=lambda k: len(k.split())):
            longer = [k for k in full if k != short and k.endswith(" " + short)]
            if len(longer) == 1:
                full[longer[0]].extend(full.pop(short))
        self._join_short_given_names(full)
        initialled = self._join_initialled(full)  # a lone "T." is then "Tuấn"
        respelt = {**initialled, **self._join_spellings(full)}  # a lone "Macherevich" is then "Macierewicz"
        person_keys = list(full)
        titles_of = {k: {m.title for m in ms} for k, ms in full.items()}
        for m in lone:
            target = self._resolve_lone(respelt.get(m.key, m.key), m.title, person_keys, titles_of, full)
            groups[(PERSON, target or m.key)].append(m)
        for name_key, ms in full.items():
            groups[(PERSON, name_key)].extend(ms)
        return groups

    def _join_short_given_names(self, full: dict[str, list[Mention]]) -> None:
        """A foreign full name written with a short form of the given name ("Dani Alves") joins
        the one full name with the same family name whose given name it begins ("Daniel Alves";
        three letters at least, two fewer than the long one's: "Hyun Young" and "Hyung Young" are
        Korean given names, whose lone "Young" is no family name): two outlets' spellings of one
        person, so a lone "Alves" is his."""
        people = [k for k in full if k.isascii() and len(k.split()) == 2 and k.split()[0] not in self.res.surname_first]
        for short in people:
            given, family = short.split()
            longer = [k for k in people if k in full and k.split()[1] == family
                      and len(k.split()[0]) >= len(given) + 2 and len(given) >= 3 and k.split()[0].startswith(given)]
            if len(longer) == 1:
                full[longer[0]].extend(full.pop(short))

    @staticmethod
    def _join_initialled(full: dict[str, list[Mention]]) -> dict[str, str]:
        """A name whose last word is cut to its initial ("Đỗ Viết T.", as one outlet writes a
        victim or a suspect) joins the one full name of the cluster that it begins ("Đỗ Viết
        Tuấn", written by another outlet); with two such names it stays apart. Returns each
        initial so joined to the given name it now stands for."""
        spelt: dict[str, str] = {}
        for key in [k for k in full if len(k.split()[-1]) == 1]:
            *first, initial = key.split()
            longer = [k for k in full if k.split()[:-1] == first and len(k.split()) == len(first) + 1
                      and len(k.split()[-1]) > 1 and without_marks(k.split()[-1]).startswith(without_marks(initial))]
            if len(longer) == 1:
                full[longer[0]].extend(full.pop(key))
                spelt[initial] = longer[0].split()[-1]
        return spelt

    def _join_spellings(self, full: dict[str, list[Mention]]) -> dict[str, str]:
        """Two outlets' spellings of one foreign full name ("Milo Dukanovic" and "Milo
        Djukanovic", "Ralph Hasenhuttl" and "Hassenhuttl", "Kim Yo-jong" and "Kim Yeo-jong",
        "Darya Dugin" and "Daria Dugina"): word by word alike, the family names at least
        ``_SPELLING`` alike and not a man's and a woman's form of one name ("Zelensky" and
        "Zelenska" are two people). The less mentioned joins the more mentioned, when it is
        alike to that one name only (or clearly the most). Returns each family name so joined
        to the family name it now goes by."""
        respelt: dict[str, str] = {}
        split = {k: k.split() for k in full if k.isascii()}
        people = [k for k, words in split.items() if len(words) >= 2 and words[0] not in self.res.surname_first]
        for key in sorted(people, key=lambda k: len(full[k])):
            if key not in full:
                continue
            *given, family = split[key]
            alike = [k for k in people if k != key and k in full and len(split[k]) == len(split[key])
                     and all(a == b or _spelt_alike(a, b, _GIVEN_SPELLING) for a, b in zip(given, split[k][:-1]))
                     and (family == split[k][-1]
                          or _spelt_alike(family, split[k][-1], _SPELLING_SAME_GIVEN if given == split[k][:-1] else _SPELLING,
                                          either_sex=given != split[k][:-1]))]
            if len(alike) > 1:  # the most alike, when it is clearly so ("Buyuksara": "Buyuksarac", not "Byuyyuksarach")
                ratios = sorted(((difflib.SequenceMatcher(None, key, k).ratio(), k) for k in alike), reverse=True)
                alike = [ratios[0][1]] if ratios[0][0] - ratios[1][0] >= 0.05 else alike
            if len(alike) == 1 and len(full[alike[0]]) >= len(full[key]):
                full[alike[0]].extend(full.pop(key))
                if family != split[alike[0]][-1]:
                    respelt[family] = split[alike[0]][-1]
        return respelt

    def _resolve_lone(self, key: str, title: str, person_keys: list[str],
                      titles_of: dict[str, set[str]], counts: dict[str, list[Mention]] | None = None) -> str | None:
        candidates = []
        for full_key in person_keys:
            parts = full_key.split()
            if parts[-1] == key or (parts[0] == key and parts[0] in self.res.surname_first):
                candidates.append(full_key)
        if not candidates and key.isascii() and len(key) >= _SPELLING_MIN_LETTERS:
            # a foreign family name misspelt by one outlet ("Mourrinho" of "Jose Mourinho")
            candidates = [k for k in person_keys if k.isascii() and _spelt_alike(key, k.split()[-1], _LONE_SPELLING)]
            if len(candidates) > 1:
                return None
        if not candidates:
            # a foreign given name written alone, untitled or after "em", "bé" ("Maria" of "Maria
            # Sadaqat", "Yamato" of "Yamato Tanooka"): the one full name it begins, unless a title
            # the full name never has says it is someone else ("Tiến sĩ Victor")
            candidates = [k for k in person_keys if k.split()[0] == key and k.isascii() and key not in self.res.surname_first
                          and (not title or title in self.res.honorifics or title in titles_of[k])]
            if len(candidates) > 1:
                return None
        if len(candidates) == 1:
            return candidates[0]
        if title:
            titled = [c for c in candidates if title in titles_of[c]]
            if len(titled) == 1:
                return titled[0]
        return _dominant(candidates, counts) if counts is not None else None

    def _count_aliases(self, sentences: Sequence[Sentence], runs_of: Sequence[list[Run]], groups: Groups) -> None:
        """Add untitled later mentions of known names ("Kalganov", "Moskva" at a sentence start)
        to their groups: the longest alias (up to 4 words) at each place of each run; one or two
        words inside a name found already are that name's ("Thiên Mã" of "Công ty Thiên Mã")."""
        aliases, alone_only = self._aliases(groups)
        starts = key_starts(aliases, self.res.variants)  # the first words an alias can begin with
        counted = {(m.article_id, m.start) for ms in groups.values() for m in ms}
        covered = _Spans(m for ms in groups.values() for m in ms)
        in_places = _Spans(m for (etype, _), ms in groups.items() if etype == LOCATION for m in ms)
        for s, runs in zip(sentences, runs_of):
            for run in runs:
                words = run.words
                k = 0
                while k < len(words):
                    n, group = self._alias_at(words, k, aliases) if may_start(words, k, starts) else (0, None)
                    if group is None or (group[0] == LOCATION and (place_inside_a_name(words, k, n, self.res) or (
                            n == 1 and language_or_pronoun(s.text, run.tokens[k].start, run.tokens[k].end)))) \
                            or (n < len(words) and self.res.key(" ".join(words[k:k + n])) in alone_only):
                        k += 1
                        continue
                    a, b = run.tokens[k].start, run.tokens[k + n - 1].end
                    if k + n == len(words) and self.finder.rules.ends_mid_word(s.text, b, words[-1]):
                        k += n  # "Ý kiến", "Áo dài", "Văn phòng": a word, not the name
                        continue
                    # inside another name, only a full name counts: "Sở Y tế Nguyễn Văn An" took the person in
                    inside = (n < 3 and covered.inside(s.article_id, s.start + a)) \
                        or (group[0] == PERSON and in_places.inside(s.article_id, s.start + a))  # "TP. Hồ Chí Minh"
                    if (s.article_id, s.start + a) not in counted and not inside:
                        counted.add((s.article_id, s.start + a))
                        groups[group].append(Mention(group[0], s.text[a:b], group[1], s.article_id, s.index,
                                                     s.start + a, s.start + b))
                    k += n

    def _alias_at(self, words: list[str], k: int,
                  aliases: dict[str, tuple[str, str]]) -> tuple[int, tuple[str, str] | None]:
        for n in range(min(4, len(words) - k), 0, -1):
            group = aliases.get(self.res.key(" ".join(words[k:k + n])))
            if group is not None:
                return n, group
        return 0, None

    def _aliases(self, groups: Groups) -> tuple[dict[str, tuple[str, str]], set[str]]:
        """Key -> group for every group's own key and the full names it took in ("Van der
        Bellen" of "Alexander Van der Bellen"), a person's family name when only one person has
        it (a Vietnamese person's given name, when it is no word of its own, counted only where it
        is the whole run: not the "Hải" of "Địa Trung Hải"), and every listed spelling variant of
        a group's key. Also the aliases that count only alone."""
        aliases: dict[str, tuple[str, str]] = {}
        last_names: dict[str, list[tuple[str, str]]] = defaultdict(list)
        # A Vietnamese full name's given name, which news writes alone after the first mention
        # ("Khương cho biết"), when it is no word of its own ("Khương", "Tuấn"; not "Hùng",
        # "Nam", "Trung", which also head words and places)
        given_names: dict[str, list[tuple[str, str]]] = defaultdict(list)
        joined_given: set[str] = set()  # foreign given names written alone that joined a full name ("Yamato")
        for group, ms in groups.items():
            etype, key = group
            aliases.setdefault(key, group)
            parts = key.split()
            for m in ms:
                if m.key != key and len(m.key.split()) > 1:
                    aliases.setdefault(m.key, group)
                elif etype == PERSON and len(parts) > 1 and m.key == parts[0] and key.isascii():
                    joined_given.add(m.key)
                    aliases.setdefault(m.key, group)
            if etype == PERSON and len(parts) > 1 and parts[0] not in self.res.surname_first:
                last_names[parts[-1]].append(group)
            elif etype == PERSON and len(parts) in (3, 4) and parts[-1] not in self.res.syllables:
                given_names[parts[-1]].append(group)  # "Khương" of "Trần Nguyễn An Khương"
        # ... and the two last syllables of a full name of three or four, which news uses as the
        # name of the famous ("Công Phượng" of "Nguyễn Công Phượng", "Thư Bồi" of "Tần Thư Bồi"),
        # when they make no Vietnamese word ("Thành Công" of "Nguyễn Thành Công" is "thành công"),
        # counted only as the whole run (not "Tân Sơn" of "Tân Sơn Nhất")
        short_names: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for group in groups:
            parts = group[1].split()
            if group[0] == PERSON and len(parts) in (3, 4) and " ".join(parts[-2:]) not in self.res.words:
                short_names[" ".join(parts[-2:])].append(group)
        alone_only: set[str] = set(joined_given)
        for names, alone in ((last_names, False), (given_names, True), (short_names, True)):
            for last, owners in names.items():
                owner = _dominant(owners, groups)
                if owner is not None and last not in self.res.places and last not in self.res.country_short_names \
                        and last not in aliases:
                    aliases[last] = owner
                    if alone:
                        alone_only.add(last)
        first_of_key: dict[str, tuple[str, str]] = {}  # the first group with each key (a type's, in order)
        for group in groups:
            first_of_key.setdefault(group[1], group)
        for variant, canonical in self.res.variants.items():
            if canonical in first_of_key:
                aliases.setdefault(variant, first_of_key[canonical])
        return aliases, alone_only

    def _entities(self, groups: Groups) -> list[Entity]:
        # full names as written, by person: a role that ends with another's is that one's title
        # ("Bộ trưởng Thương mại Hàn Quốc Ahn Duk-geun" read before "và người đồng cấp Lee ...")
        written_by = {m.text: key for (etype, key), ms in groups.items() if etype == PERSON
                      for m in ms if len(m.text.split()) >= 2}
        out = []
        for (etype, key), ms in groups.items():
            if not ms or (etype == PERSON and len(key) == 1):
                continue  # "chị B." of an unnamed woman: a person, but no name to list
            surfaces = Counter(m.text for m in ms)
            # a person's fullest name; an organization's name that the others begin ("Sở GTVT Cà
            # Mau", which "Sở GTVT" joined), or that spells out the initials of another ("Bộ Giáo
            # dục" of "Bộ GD"); then the most written
            initials = [t.split() for t in surfaces if _initials_in(t)] if etype == ORGANIZATION else []
            spelled = {s for s in surfaces if any(_spelled_out(t, s.split()) for t in initials)} if initials else set()
            keys = {self.res.key(s) for s in surfaces if s not in spelled} if etype == ORGANIZATION else set()
            # (a place as written capitalized: not "thành phố Hồ Chí Minh" read inside an office's name)
            name = max(surfaces, key=lambda s: (etype != LOCATION or s[:1].isupper(),
                                                self._name_rank(s) if etype == PERSON else
                                                (int(etype == ORGANIZATION and _begun_by_all(self.res.key(s), keys)),
                                                 int(s in spelled)),
                                                surfaces[s], len(fold(s).split()), s))
            roles = [m.role for m in ms if m.role and not _ends_with_another(m.role, key, written_by)]
            role_counts = Counter(roles)
            by_article = Counter(m.article_id for m in ms)
            out.append(Entity(
                name=name, type=etype, variants=tuple(sorted(surfaces)),
                role=max(role_counts, key=lambda r: (len(r.split()), role_counts[r])) if roles else None,
                roles=tuple(dict.fromkeys(roles)), mentions=len(ms), articles=tuple(sorted(by_article)),
                mentions_by_article=dict(sorted(by_article.items())),
            ))
        out.sort(key=lambda e: (-e.mentions * (_REGION_WEIGHT if e.type == LOCATION and self.res.key(e.name) in self.res.regions
                                               else 1), e.type, e.name))
        return out

    def _name_rank(self, surface: str) -> tuple[int, int]:
        """How a person's surface ranks as the entity's name, before how often it is written: a
        full Vietnamese name ("Phan Thị Minh Trang"; not one cut to an initial), then any name of two words or more. Among
        those the most written wins, so "Shinzo Abe" (5) over "Nhật Shinzo Abe" (1), a title's
        country read into the name, and "Alexander Van der Bellen" (10) over "Van der Bellen" (8)."""
        words = fold(surface).split()
        return int(self.res.full_vietnamese_name(surface) and len(words[-1]) > 1), int(len(words) > 1)
