"""Mentions: the names of one sentence with their type, read off runs of capitalized words.

Rules, not a model: a title before a name ("Ngoại trưởng Nga Sergei Lavrov", "ông Viktor
Kalganov") is strong, cheap evidence. For each run, in this order: places inside it, an
organization it starts with a head word ("Bộ", "Hãng"), known organizations inside it, an
organization after a trigger word ("hãng tin", "tạp chí"), a lone acronym, an organization
named by an organization word ("Saigontourist Group"), and last the name that remains after
its title and qualifiers: a place after a place word ("thành phố"), or a person when a title
or honorific stands before it (or it is a full Vietnamese name).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, NamedTuple, Sequence

import regex

from tomtat.core.model import Sentence
from tomtat.story.name_rules import CANDIDACY, KINGDOM, NameRules, Run, Token, given_name_beside
from tomtat.vi.letters import has_vietnamese_mark, without_marks
from tomtat.vi.names import EntityResources, fold, is_acronym

PERSON, ORGANIZATION, LOCATION = "PER", "ORG", "LOC"


class Evidence(NamedTuple):
    """A name found in one sentence (offsets in the sentence), with its type."""

    type: str
    text: str
    start: int
    end: int
    title: str = ""  # lowercase title or honorific right before a person's name
    role: str = ""  # a person's role as written ("Ngoại trưởng Nga")
    inner: bool = False  # a place named inside the organization just found ("Quảng Nam" of "UBND tỉnh Quảng Nam")


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


def place_inside_a_name(words: Sequence[str], k: int, n: int, res: EntityResources) -> bool:
    """Is the place of ``n`` words at ``words[k]`` (a run of capitalized words) part of a longer
    name instead: one word before a Vietnamese syllable, one with a letter only Vietnamese
    writes ("Mỹ Khê", "Phú Mỹ Hưng", "Nga Sơn"; not "Mỹ Joe Biden"), one word that makes a
    Vietnamese word with the one before it ("Quân Pháp", "Thẩm Mỹ"), or after a Vietnamese family name
    ("Nguyễn Hòa Bình", "Trương Mỹ Hoa")?"""
    if n == 1 and k + 1 < len(words) and not res.place_length(words, k + 1) \
            and has_vietnamese_mark(words[k + 1].lower()):
        return True
    if n == 1 and k > 0 and f"{words[k - 1]} {words[k]}".lower() in res.words:
        return True  # "Quân Pháp" (military law), not France
    if n == 1 and not res.place_length(words, k + 1) and given_name_beside(words, k, res):
        return True  # "Phương Anh", "Mỹ Linh", "Thúy Nga": a person's given names
    return any(fold(w) in res.surname_first for w in words[:k])


# ".2" of "BA.2": letters that number a code, not an organization.
_CODE_NUMBER = re.compile(r"[.-]\d")
# "04-NQ/", "12/QĐ-": what comes before a document number's letters (a token with a digit,
# ending in "/" or "-"); not "WHO/" of "WHO/UNICEF", "ASEAN-" of "ASEAN-EU".
_IN_A_CODE = re.compile(r"\d\S*[/-]$")
# "hợp tác xã Thành Công": a cooperative's name, not a commune's
_COOPERATIVE = re.compile(r"(?<!\w)hợp tác\s+$", re.IGNORECASE)
# "ông xã Thanh Thúy" (her husband), "bà xã": a spouse, not a commune
_SPOUSE = re.compile(r"(?<!\w)(?:ông|bà)\s+$", re.IGNORECASE)
# Words that end a role written as a clause: an aspect marker or a time starts what the person did
# ("Giám đốc Công an tỉnh đã trao quyết định", "Tổng thống Hàn Quốc hồi tháng 3"); no title has them
_ROLE_ENDS = re.compile(r"\s+(?:đã|đang|sẽ|vừa|hồi|khi|cũng|từng)\s")
_LANGUAGE = re.compile(r"(?<!\w)(?:[Tt]iếng|bảng)\s+$")  # "tiếng Anh" the language, "bảng Anh" the pound
_PRONOUN_TAIL = re.compile(r"\s+(?:ấy|ta)(?!\w)")


_PRONOUN_OPENING = re.compile(r"Anh [^\W\d_]", re.UNICODE)


def language_or_pronoun(text: str, start: int, end: int) -> bool:
    """Is the one-word country at ``start:end`` a language or currency ("tiếng Anh", "bảng Anh") or the
    pronoun "anh" ("Anh ấy", "Anh ta", and "Anh" opening a sentence before a lowercase word: "Anh
    đến từ CLB Mainz", all 74 such place mentions on the held-out parts were the pronoun)?"""
    if _LANGUAGE.search(text, max(0, start - 8), start) is not None or _PRONOUN_TAIL.match(text, end) is not None:
        return True
    opening = _PRONOUN_OPENING.match(text, start)
    return opening is not None and not text[:start].strip(" \"“'(") and text[end + 1:end + 2].islower()


# After a local body's acronym: an optional administrative unit, then capitalized words.
_LOCAL_PLACE = regex.compile(
    r"\s+(?:(?P<high>[Tt]ối cao|[Cc]ấp cao)(?!\w)|(?:(?P<unit>tỉnh|thành phố|thị xã|thị trấn|huyện|quận|xã|phường|"
    r"Tỉnh|Thành phố|Thị xã|Thị trấn|Huyện|Quận|Xã|Phường|TP\.?|Tp\.?|TX\.?)\s*)?"
    r"(?P<name>\d+(?!\w)|\p{Lu}[\p{L}\p{N}'’]*(?:\.[\p{L}\p{N}]+)*(?:(?:\s+(?:-\s+)?|-)\p{Lu}[\p{L}\p{N}'’]*){0,4}))")
_WORD = regex.compile(r"\d+|\p{Lu}[\p{L}\p{N}'’]*(?:\.[\p{L}\p{N}]+)*")  # "TP.HCM", not the full stop after it
_DASH = re.compile(r"\s*[-–]\s*")
_CITY_WORD = re.compile(r"(?<!\w)(?:TP|Tp|Thành phố)\.? ?$")  # lowercase "thành phố X": a place word already


class MentionFinder:
    """``mentions(sentences)``: every typed name, a place or organization at most once per span."""

    def __init__(self, resources: EntityResources) -> None:
        self.res = resources
        self.rules = NameRules(resources)

    def mentions(self, sentences: Sequence[Sentence], runs_of: Sequence[list[Run]]) -> list[Mention]:
        """Mentions of each sentence given its runs (:meth:`NameRules.runs`); a place or organization
        overlapping a name found before it in the sentence is dropped."""
        mentions: list[Mention] = []
        for s, runs in zip(sentences, runs_of):
            claimed: list[tuple[int, int]] = []
            for found in self._dash_joined(s.text, list(self.evidence(s.text, runs))):
                if not found.inner:  # a place inside a local body's name counts and claims nothing
                    if found.type != PERSON and any(found.start < end and start < found.end for start, end in claimed):
                        continue
                    claimed.append((found.start, found.end))
                key = self.res.organization_key(found.text) if found.type == ORGANIZATION else self.res.key(found.text)
                mentions.append(Mention(found.type, found.text, key, s.article_id, s.index,
                                        s.start + found.start, s.start + found.end, found.title, found.role))
        return mentions

    def _dash_joined(self, text: str, found: list[Evidence]) -> list[Evidence]:
        """Two places a dash joins into one listed place are that place ("tỉnh Bà Rịa - Vũng
        Tàu": a run of capitalized words stops at the spaced dash)."""
        out: list[Evidence] = []
        for evidence in found:
            last = out[-1] if out else None
            if last is not None and last.type == evidence.type == LOCATION and not last.inner and not evidence.inner \
                    and _DASH.fullmatch(text, last.end, evidence.start) \
                    and self.res.key(text[last.start:evidence.end]) in self.res.places:
                out[-1] = Evidence(LOCATION, text[last.start:evidence.end], last.start, evidence.end)
                continue
            out.append(evidence)
        return out

    def evidence(self, text: str, runs: list[Run] | None = None) -> Iterator[Evidence]:
        """Names with type evidence in one sentence, run by run. A person's name that lies inside
        an organization found before it is that organization's name ("Giám đốc Công ty TNHH Hữu
        Trí"), unless it is plainly a person's full name: the organization's name ran on into the
        person ("Chủ tịch Quốc hội Vương Đình Huệ")."""
        organizations: list[tuple[int, int]] = []
        place_end = -1  # where the place inside a local body's name ends ("UBND xã Tam Hòa| Lê Văn Tư")
        name_end = -1  # where an organization's name read on over its run ends ("Sở Y tế tỉnh Quảng Nam| Lê Văn Tư")
        for run in self.rules.runs(text) if runs is None else runs:
            start = run.tokens[0].start
            unit = self.rules.admin_unit_before(text, start) if place_end < name_end and start < name_end else None
            if unit is not None:
                # a local office's place, which ends its name ("Sở Y tế tỉnh |Quảng Nam|", "thành phố
                # |Móng Cái|", "tỉnh |Bà Rịa - Vũng Tàu|"): it counts, as a local body's does
                if self.res.key(text[unit:name_end]) in self.res.places:
                    start = unit  # "thành phố Hồ Chí Minh": the unit is part of the place's listed name
                yield Evidence(LOCATION, text[start:name_end], start, name_end, inner=True)
                place_end = max(place_end, name_end)
            if run.tokens[0].start < place_end:  # the place's run: only what comes after it is new
                rest = [t for t in run.tokens if t.start >= place_end]
                if not rest:
                    continue
                run = Run(rest, initial=False)
            for found in self._run_evidence(text, run):
                if found.inner:
                    place_end = max(place_end, found.end)
                if found.type == ORGANIZATION:
                    organizations.append((found.start, found.end))
                    if found.end > run.tokens[-1].end:
                        name_end = max(name_end, found.end)
                elif found.type == PERSON and not self._full_name(found.text) \
                        and any(start <= found.start and found.end <= end for start, end in organizations):
                    continue
                yield found

    def _full_name(self, name: str) -> bool:
        """A Vietnamese full name (family name first, 3-4 syllables: "Lê Thị Thu Hằng") or a
        foreign one (2+ words without a Vietnamese letter, not ending in a place or an acronym:
        "Ashraf Ghani"; not "Eurowindow Nha Trang", "Nielsen VN")?"""
        words = name.split()
        if self.res.full_vietnamese_name(name):
            return True
        return len(words) >= 2 and not any(has_vietnamese_mark(w.lower()) for w in words) \
            and not is_acronym(words[-1]) and not self.res.ends_in_place(words)

    def _run_evidence(self, text: str, run: Run) -> Iterator[Evidence]:
        tokens, words = run.tokens, run.words
        if words[0] in self.res.local_bodies:
            yield from self._local_body(text, run)
            return
        run_start, run_end = tokens[0].start, tokens[-1].end
        skip, title_in_run = self.rules.strip_leading(words)
        title_here = self.rules.title.match(text, run_start)
        org_here = self.rules.org_head.match(text, run_start)
        if org_here and self.res.place_length(words, 0) > len(org_here.group(0).split()):
            org_here = None  # "Hội An": a place that opens with an organization's head word
        if org_here and self.rules.after_admin_unit(text, run_start):
            org_here, skip, title_in_run = None, 0, ""  # "thị xã Điện Bàn": so does a place after its unit
        if org_here and len(words) == 1 and self.rules.honorific_before(text, run_start):
            org_here, skip = None, 0  # "ông Hội", "bà Hội": a person named as a head word is
        org_stop = self.rules.org_extent(text, run_start) if org_here and not title_here else None
        # a place inside an organization's name is the organization's ("CLB Hà Nội", as "Bộ
        # Quốc phòng Nga", whose place is a run of its own and so comes after it)
        yield from self._places(text, tokens if org_stop is None else [t for t in tokens if t.start >= org_stop])
        if title_here and title_here.end() >= run_end:
            return  # "Tổng" of "Tổng thống", "TS": a title, the name (if any) is the next run
        if org_here and not title_here:
            end = org_stop
            if end is not None:
                yield Evidence(ORGANIZATION, text[run_start:end], run_start, end)
                if end < run_end and (person := self._person_after(text, tokens, end)) and len(person.tokens) < len(tokens):
                    yield from self._run_evidence(text, person)  # "Bộ Công Thương Vũ Bá Phú"
                    return
            if org_here.end() > run_end or (end is not None and end >= run_end):
                return
        yield from self._known_organizations(text, tokens)
        if self.rules.org_trigger_before(text, run_start):
            if self.rules.opens_an_org_name(words, 0):  # "hãng Malaysia Airlines": the name, not a country
                end = tokens[self.rules.org_word_end(words, 1) - 1].end
            else:
                end = self.rules.org_extent(text, run_start, head=0) or run_end  # "tạp chí Y tế Dự phòng Mỹ"
            if len(text[run_start:end]) < 2 or self._origin(text[run_start:end].split()) \
                    or self.res.common_acronym(text[run_start:end]):
                return  # "công ty A", "tập đoàn Nhật", "trường THPT": a placeholder, a country of origin, a kind
            yield Evidence(ORGANIZATION, text[run_start:end], run_start, end)
            if end < run_end and (person := self._person_after(text, tokens, end)) and len(person.tokens) < len(tokens):
                yield from self._run_evidence(text, person)  # "báo Tuổi Trẻ Tăng Hữu Phong"
            return
        if len(words) == 1 and words[0].isupper() and len(words[0]) >= 2 and words[0].isalpha():
            word = words[0].lower()
            # "TP", "USD", "XIII" name no organization, nor a Vietnamese word in capitals ("VÀO"),
            # nor a code's letters ("BA.2", "BA.4": a virus variant; "04-NQ/TU", "12/QĐ-UBND": a
            # document's number)
            if not self.res.common_acronym(words[0]) and not self._word_in_capitals(word) \
                    and not _CODE_NUMBER.match(text, run_end) and not _IN_A_CODE.search(text, max(0, run_start - 20), run_start):
                yield Evidence(ORGANIZATION, words[0], run_start, run_end)  # an acronym: "NATO"
            return
        # "Hà Nội FC": a club named for its place (the qualifiers stripped before a name took
        # the place, and "FC" as an acronym)
        lead = len(title_in_run.split())  # the title's or honorific's words
        place = self.res.place_length(words, lead) if lead < skip else 0
        club = bool(place) and self.rules.names_a_club(words, lead, place)
        org_end = len(words) if club else self.rules.org_word_end(words, skip)
        if org_end:  # "Phó Tổng Giám đốc Saigontourist Group": the employer, and a name only if one follows
            first = lead if club else skip
            if not club and lead < first < org_end and self.rules.opens_an_org_name(words, first - 1):
                first -= 1  # "FPT Software", "Malaysia Airlines": not "Software", "Airlines"
            start, end = tokens[first].start, tokens[org_end - 1].end
            yield Evidence(ORGANIZATION, text[start:end], start, end)
            skip = org_end
        if skip < len(tokens):
            name = self._name(text, run_start, tokens[skip:], skip, title_in_run)
            if name is not None:
                yield name
                if name.type == LOCATION and name.end < run_end and (person := self._person_after(text, tokens, name.end)):
                    yield from self._run_evidence(text, person)

    def _local_body(self, text: str, run: Run) -> Iterator[Evidence]:
        """A local body's acronym with its place, as one organization ("UBND tỉnh Quảng Nam",
        "CSGT Hà Nội", "TAND TP.HCM"), or nothing for the acronym alone; then the rest of the run.
        The place counts as a place mention too: it is often the story's own (the commune where
        it happened), where "Nga" of "Bộ Quốc phòng Nga" is only the ministry's."""
        tokens = run.tokens
        place = self._local_place(text, tokens[0].end)
        if place is not None:
            start, end = place
            yield Evidence(ORGANIZATION, text[tokens[0].start:end], tokens[0].start, end)
            if not text[start:end].isdigit():  # "quận 1": the district's number is no place's name
                yield Evidence(LOCATION, text[start:end], start, end, inner=True)
        rest = [t for t in tokens[1:] if place is None or t.start >= place[1]]
        if rest:
            yield from self._run_evidence(text, Run(rest, initial=False))

    def _local_place(self, text: str, at: int) -> tuple[int, int] | None:
        """The place after a local body's acronym ending at ``at`` ("UBND| tỉnh Quảng Nam", "CSGT|
        Hà Nội", "TAND| TP.HCM", "UBND| tỉnh Bà Rịa - Vũng Tàu"), as offsets: a known place, or a
        name after an administrative unit (a commune's name is rarely listed: "UBND xã An Bình",
        "UBND quận 1", "TAND TP Buôn Ma Thuột"; three words at most, and not into a family name,
        so that a person after it is not taken in: "UBND xã Phước Lộc Trần Văn B"); or the
        national one ("TAND tối cao", "TAND cấp cao"). After "TP. " with a space only a known
        place: the splitter does not end a sentence at "TP.", and "UBND TP. Hiện ..." is
        "UBND TP." and a new sentence."""
        after = _LOCAL_PLACE.match(text, at)
        if after is None:
            return None
        if after.group("high"):
            return after.start("high"), after.end("high")
        found = list(_WORD.finditer(text, after.start("name"), after.end()))
        unit = after.group("unit")
        starts = ([after.start("unit")] if unit and unit[0] == "T" else []) + [after.start("name")]
        for token in reversed(found[:5]):  # the longest listed place as written: "TP.HCM", "Bà Rịa - Vũng Tàu"
            for start in starts:
                if self.res.key(text[start:token.end()]) in self.res.places:
                    return start, token.end()
        n = self.res.place_length([t.group() for t in found], 0)
        open_sentence = bool(unit) and unit.endswith(".") and after.start("name") > after.end("unit")  # "TP. Hiện"
        if not n and unit and not open_sentence and found[0].group().lower() not in self.res.name_breakers:
            n = next((k for k in range(1, min(len(found), 3)) if fold(found[k].group()) in self.res.surname_first),
                     min(len(found), 3))
        return (found[0].start(), found[n - 1].end()) if n else None

    def _city_start(self, text: str, start: int, end: int) -> int:
        """Where a listed city's name begins when "TP." or "Thành phố" stands before ``start`` and
        the whole is listed ("TP.HCM", "TP. Hồ Chí Minh"), else ``start``: the place is shown as
        written, not as "HCM", and "Hồ Chí Minh" after it is the city, not a person."""
        m = _CITY_WORD.search(text, max(0, start - 12), start)
        if m is not None and self.res.key(text[m.start():end]) in self.res.places:
            return m.start()
        return start

    def _kingdom(self, tokens: Sequence[Token]) -> bool:
        """Are ``tokens`` "Vương Quốc" and a listed country that no Vietnamese given name can be
        ("Thái Lan", "Tây Ban Nha", "Campuchia"; not "Anh", "Đức": "Vương Quốc Đức" is a man's name
        as often)? "Vương" is a family name, so the run reads as a full name otherwise."""
        if len(tokens) < 3 or fold(f"{tokens[0].text} {tokens[1].text}") != KINGDOM:
            return False
        country = [t.text for t in tokens[2:]]
        return self.res.place_length(country, 0) == len(country) \
            and (len(country) > 1 or country[0].lower() not in self.res.syllables)

    def _given_names(self, words: Sequence[str]) -> bool:
        """Do ``words`` end in a country's one-syllable short name after a given name ("Phương
        Anh", "Mỹ Linh" reversed: "Thúy Nga"), and in no longer place?"""
        last = len(words) - 1
        return last >= 1 and given_name_beside(words, last, self.res) \
            and all(self.res.place_length(words, k) != len(words) - k for k in range(1, last))

    def _origin(self, words: Sequence[str]) -> bool:
        """Words that are a place or a country's short name, all of them."""
        return self.res.place_length(words, 0) == len(words) or (len(words) == 1 and fold(words[0]) in self.res.country_short_names)

    def _word_in_capitals(self, word: str) -> bool:
        """A Vietnamese word written in capitals ("VÀO", "GIỜ"): a listed syllable with a
        Vietnamese mark and a vowel ("hđnd", "qđ" are listed too, and are acronyms)."""
        return word in self.res.syllables and has_vietnamese_mark(word) \
            and any(c in "aeiouy" for c in without_marks(word))

    def _person_after(self, text: str, tokens: list[Token], end: int) -> Run | None:
        """The rest of a run after an organization that ended inside it at ``end``, when that rest
        is a Vietnamese full name (:meth:`NameRules.org_extent` ends an organization before one)."""
        rest = [t for t in tokens if t.start >= end]
        if not rest or fold(rest[0].text) not in self.res.surname_first \
                or not self._full_name(text[rest[0].start:rest[-1].end]):
            return None
        return Run(rest, initial=False)

    def _places(self, text: str, tokens: list[Token]) -> Iterator[Evidence]:
        words = [t.text for t in tokens]
        k = 0
        while k < len(words):
            n = self.res.place_length(words, k)
            if n == 1 and k == len(words) - 1 and self.rules.ends_mid_word(text, tokens[k].end, words[k]):
                n = 0  # "Pháp lý", "Anh hùng", "Đức tin": a word, not the country
            if n and place_inside_a_name(words, k, n, self.res):
                n = 0
            if n == 1 and language_or_pronoun(text, tokens[k].start, tokens[k].end) and (k == 0 or k == len(words) - 1):
                n = 0  # "tiếng Anh", "Anh ấy": the language, the pronoun; not the country
            if n and self.rules.names_a_club(words, k, n):
                n = 0  # "Hà Nội FC": the club's name (found as an organization below)
            if n == 1 and self.rules.opens_an_org_name(words, k):
                n = 0  # "Malaysia Airlines": the airline's name (found as an organization below)
            if n:
                start, end = tokens[k].start, tokens[k + n - 1].end
                if k == 0:
                    start = self._city_start(text, start, end)
                yield Evidence(LOCATION, text[start:end], start, end)
                k += n
            else:
                k += 1

    def _known_organizations(self, text: str, tokens: list[Token]) -> Iterator[Evidence]:
        words = [t.text for t in tokens]
        for k in range(len(words)):
            n = self.res.known_org_length(words, k)
            if n:
                start, end = tokens[k].start, tokens[k + n - 1].end
                yield Evidence(ORGANIZATION, text[start:end], start, end)

    def _name(self, text: str, run_start: int, name_tokens: list[Token], skip: int,
              title_in_run: str) -> Evidence | None:
        """The name left after the run's title and qualifiers: a place after a place word, a
        person, or nothing."""
        start, end = name_tokens[0].start, name_tokens[-1].end
        name = text[start:end]
        if self.res.key(name) in self.res.known_orgs or self.res.key(name) in self.res.places:
            return None
        vietnamese_name = len(name_tokens) >= 2 and fold(name_tokens[0].text) in self.res.surname_first
        city = self._city_start(text, start, end) if skip == 0 else start
        if city < start:
            return Evidence(LOCATION, text[city:end], city, end)  # "TP. Hồ Chí Minh", not the president
        if skip == 0 and not title_in_run and self.rules.tail_before(self.rules.facility_tail, text, run_start):
            if self.rules.ends_mid_word(text, end, name_tokens[-1].text):
                return None  # "đường Vành đai 3": a word capitalized, not a street's name
            return Evidence(LOCATION, name, start, end)  # "đường Nguyễn Văn Linh": named after a person, not one
        trigger = self.rules.tail_before(self.rules.place_trigger_tail, text, run_start)
        committee = trigger is not None and trigger.group(0).rstrip().endswith("ủy")  # "Huyện ủy", "Thành ủy"
        if committee and self.res.full_vietnamese_name(name):
            trigger = None  # "Bí thư Thành ủy Tất Thành Cang": after a party committee a full name is its secretary's
        if trigger and skip == 0 and (committee or not vietnamese_name) and not _COOPERATIVE.search(text, max(0, trigger.start() - 10),
                                                                                       trigger.start()) \
                and not _SPOUSE.search(text, max(0, trigger.start() - 4), trigger.start()):
            if len(name_tokens) == 1 and name.lower() in self.res.name_breakers:
                return None  # "trung tâm TP. Khi đến ...": a sentence the splitter left joined
            if self.rules.ends_mid_word(text, end, name_tokens[-1].text):
                return None  # "sân bay Quốc tế Vinh": "Quốc" opens a word, the place is "Vinh"
            # "Trưởng Công an huyện Nghĩa Hành Nguyễn Văn Bình": the place ends before its officer's name
            cut = next((k for k in range(1, len(name_tokens)) if self._person_after(text, name_tokens, name_tokens[k].start)),
                       len(name_tokens))
            end = name_tokens[cut - 1].end
            return Evidence(LOCATION, text[start:end], start, end)
        # "Bí thư Huyện ủy Nghĩa Hành Nguyễn Văn Bình": a place before a titled person's full name
        # qualifies the title (with no title the run is left alone: "Trường Lê Quý Đôn")
        cut = 0 if vietnamese_name else next(
            (k for k in range(1, len(name_tokens)) if self._person_after(text, name_tokens, name_tokens[k].start)), 0)
        if cut:
            name_tokens, vietnamese_name = name_tokens[cut:], True
            start = name_tokens[0].start
            name = text[start:end]
        title, role = self._title_and_role(text, run_start, start, len(name_tokens) == 1, title_in_run)
        # (3-4 syllables: "Hoàng Mai", "Lê Lợi" are places and streets more often than people)
        full_vietnamese_name = (skip == 0 and not cut and len(fold(name).split()) in (3, 4) and vietnamese_name
                                and not any(is_acronym(t.text) for t in name_tokens))
        if not title and self._kingdom(name_tokens):
            start = name_tokens[2].start  # "Vương Quốc Thái Lan": the kingdom; with no title, no person
            return Evidence(LOCATION, text[start:end], start, end)
        if not title and not full_vietnamese_name:
            return None  # no title, no "ông"/"bà": only a family-name-first full name is taken
        if len(name_tokens) == 1 and title not in self.res.honorifics and fold(name) in self.res.country_short_names:
            return None  # "Thủ tướng Nhật": the title's country, not a person
        if len(name) == 1 and text[end:end + 1] == "." and text[end + 1:end + 2].isalnum():
            return None  # an initial cut off by its dot: "HLV J.Low" (not "bà T." of an unnamed woman)
        words = [t.text for t in name_tokens]
        if not vietnamese_name and title not in self.res.honorifics and self.res.ends_in_place(words) \
                and not self._given_names(words):
            return None  # "HLV Than Quảng Ninh", "Đại sứ Quán Mỹ": a club, an office; not "ông Đoàn Nguyên Đức"
        if self.rules.ends_mid_word(text, end, name_tokens[-1].text):
            return None  # "Bộ trưởng Tài chính", "lãnh đạo Công an": a word of a qualifier, not a name
        appositive = self.rules.appositive_role(text, start, end)
        if appositive and len(appositive) > len(role):
            role = appositive
        role = _ROLE_ENDS.split(role, maxsplit=1)[0]  # "Giám đốc Công an tỉnh đã trao ...": the role ends there
        if role.lower() in self.res.honorifics:
            role = ""
        return Evidence(PERSON, name, start, end, title, role)

    def _title_and_role(self, text: str, run_start: int, name_start: int, lone: bool,
                        title_in_run: str) -> tuple[str, str]:
        """The person's title (in the run, an honorific before it, or a title earlier in the
        clause) and the role written from that title to the name."""
        title = title_in_run
        if not title:
            honorific = self.rules.honorific_before(text, run_start)
            if honorific:
                title = honorific.group(1).lower()
        found = self.rules.title_before(text, run_start, lone=lone)
        if found and lone and text[found.end:run_start].strip():
            found = None  # a lone name needs its title right before it ("Tổng thống Putin")
        if found and (not title or title in self.res.honorifics):
            candidate = CANDIDACY.search(text, max(0, found.start - 24), found.start)
            role_start = candidate.start() if candidate else found.start  # "cựu ứng cử viên tổng thống Lee": not president
            return title or found.text, " ".join(text[role_start:name_start].split())
        if title_in_run and title_in_run not in self.res.honorifics:
            return title, " ".join(text[run_start:name_start].split())
        return title, ""
