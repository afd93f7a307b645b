"""What a date in a sentence says about time: is it a plan, a restated past, the sentence's
main date; what years a text speaks of as past; which articles have a date to count from."""
from __future__ import annotations

import re
from typing import Any, Iterable, Sequence

from tomtat.vi.dates import DAY, DAY_MONTH, MONTH, UNRESOLVED, WEEK, YEAR, DateFinder, DateMention, article_anchor
from tomtat.vi.office_terms import OfficeTerms

# How precise a date is (higher wins when an event's sources disagree in precision).
PRECISION_RANK = {DAY: 6, WEEK: 5, "day-month": 4, MONTH: 3, "month-only": 2, YEAR: 1, UNRESOLVED: 0}

# "It has happened before": with only a year or month to it, such a sentence is background.
_BACKGROUND = re.compile(r"(?<!\w)(?:từng|trước đây|kể từ|trước kia|hồi đó)(?!\w)", re.IGNORECASE)
# A film or a book set in a time, the year shortly after it: "Phim ... lấy bối cảnh Paris năm 1916".
_SET_IN = re.compile(r"(?<!\w)lấy bối cảnh(?!\w)[^.;!?,]{0,40}$", re.IGNORECASE)
_PLAN_TAIL = re.compile(r"(?<!\w)(?:tới|sắp tới|sau)$", re.IGNORECASE)
_PLAN_BEFORE = re.compile(r"(?<!\w)((?<!hơn )(?<!như )(?<!với )(?<!vượt )(?<!ngoài )dự kiến|sẽ|kế hoạch|mục tiêu|đến|tới)"
                          r"(?!\w)[^,.;]{0,25}$", re.IGNORECASE)
# After "đến"/"tới" a date: the clause tells it as done ("đã", "vừa", "được"), with no "sẽ" first.
_DONE_AFTER = re.compile(r"(?:(?!\bsẽ\b)[^.;!?]){0,60}?(?<!\w)(?:đã|vừa|được)(?!\w)", re.IGNORECASE)
# The longest text _PLAN_BEFORE matches (8 + 25 characters): it is searched only that far back
# from the date, and one more for a "$" that matches before a final newline, not from the
# sentence's start (the look-behind still sees what comes before).
_PLAN_BEFORE_REACH = 33
# "sẽ" or "dự kiến" earlier in the date's clause, with no "đã"/"vừa" after it ("Ban tổ chức sẽ
# tiến hành trao giải cho các cá nhân của CLB vào ngày 2/9"): the day is planned, however far
# back the verb is ("nhanh hơn dự kiến", "chậm so với dự kiến" are what was expected, not a
# plan; "sẽ trả nợ nhưng đến ngày 2/9 vẫn không trả": "nhưng" ends the plan). On the training
# parts it made 19 more days plans, all 19 plans by a reading.
_PLAN_IN_CLAUSE = re.compile(r"(?<!\w)(?:[Ss]ẽ|SẼ|(?<!hơn )(?<!như )(?<!với )(?<!vượt )(?<!ngoài )(?:[Dd]ự kiến|DỰ KIẾN))(?!\w)"
                             r"(?:(?!(?<!\w)(?:đã|vừa|nhưng|song|tuy nhiên)(?!\w))[^,.;:!?“”\"])*$")
_PLAN_IN_CLAUSE_REACH = 120
# "ngày 13/6 tới", "các ngày 3/6 - 26/6 sắp tới" (the range's end may follow the date found);
# not "từ ngày 4/7 tới nay" (until now).
_PLAN_AFTER = re.compile(r"\s*(?:[-–]\s*\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\s*)?(?:sắp tới|tới)(?!\w)"
                         r"(?!\s*(?:nay|giờ|bây giờ)(?!\w))", re.IGNORECASE)


# "Hướng tới kỷ niệm 10 năm ... (1-8-2014 – 01-8-2024)", "chào mừng kỷ niệm 77 năm Quốc khánh
# (2/9/1945 - 2/9/2022)": the anniversary's day is ahead of what is told (a hand check read
# "1/8/2024:" over a ceremony of 2022); up to its bracket's end or a comma ("..., sáng 14/5,"
# is the day told).
_ANNIVERSARY_AHEAD = re.compile(r"(?<!\w)(?:hướng tới|tiến tới|chào mừng)\s+(?:lễ\s+)?kỷ niệm(?!\w)[^.;!?),]*$", re.IGNORECASE)
_ANNIVERSARY_AHEAD_REACH = 150


# A year a strategy's horizon or a target looks to: "tầm nhìn (đến) năm 2030" (a strategy's
# name, whatever follows it: "... đã được phê duyệt"), and "mục tiêu" or "phấn đấu" however far
# back in the sentence, with nothing told as done in between ("thực hiện mục tiêu đưa Việt Nam
# trở thành ..., thu nhập trung bình cao vào năm 2030"). Not "Sau nhiều năm phấn đấu, anh giành
# ... vào năm 2019", "Mục tiêu này đã được hoàn thành vào năm 2018", "vượt mục tiêu ... năm 2020".
_TARGET_YEAR = re.compile(
    r"(?<!\w)(?:tầm nhìn\s+(?:(?:đến|tới)\s+)?(?:năm\s+)?"
    r"|(?<!đã )(?<!vừa )(?<!vượt )(?<!đạt )(?<!hoàn thành )(?:mục tiêu|phấn đấu)(?!\s*,)(?!\w)"
    r"(?:(?!(?<!\w)(?:đã|vừa|được|đạt|hoàn thành|vượt)(?!\w))[^.;!?])*?(?<!\w)(?:vào|đến|tới|trước)\s+(?:năm\s+)?)$",
    re.IGNORECASE)
_TARGET_YEAR_REACH = 300
# A year after "sẽ" or "dự kiến" earlier in the sentence, past commas, with nothing told as done
# or turned in between: "... dự kiến sẽ có phần 2, lên sóng vào năm 2024" (a hand check's label
# "năm 2024" opened a story of 2022). A day or month keeps the clause rule above ("sẽ trả nợ nhưng
# đến ngày 2/9 vẫn không trả").
_PLANNED_YEAR = re.compile(r"(?<!\w)(?:sẽ|(?<!hơn )(?<!như )(?<!với )(?<!vượt )(?<!ngoài )dự kiến)(?!\w)"
                           r"(?:(?!(?<!\w)(?:đã|vừa|được|đạt|vượt|nhưng|song|tuy nhiên|trong khi)(?!\w))[^.;!?])*$",
                           re.IGNORECASE)  # not "cao hơn dự kiến, cả năm 2023 ...": what was expected
_PLANNED_YEAR_REACH = 200
_DONE_SOON = re.compile(r"\s*,?\s*(?:[^\s,.;]+\s+){0,3}?(?:đã|vừa)(?!\w)", re.IGNORECASE)  # "..., năm 2021 đã hoàn thành"


def is_plan(text: str, mention: DateMention) -> bool:
    """A date the sentence looks forward to ("vào tháng 9 tới", "dự kiến ... ngày 25/4",
    "đến năm 2030", "vào ngày 13/6 tới"): the time of a plan, less telling than a time that is
    past. "Đến"/"tới" a date with what followed told as done ("Đến năm 2017, tỉnh đã vươn lên
    ...") is a time past."""
    if _PLAN_TAIL.search(mention.text) or _PLAN_AFTER.match(text, mention.end) \
            or _plan_in_clause(text, max(0, mention.start - _PLAN_IN_CLAUSE_REACH), mention.start):
        return True
    if mention.precision == YEAR and (_TARGET_YEAR.search(text, max(0, mention.start - _TARGET_YEAR_REACH), mention.start)
                                      or (_PLANNED_YEAR.search(text, max(0, mention.start - _PLANNED_YEAR_REACH), mention.start)
                                          and not _DONE_SOON.match(text, mention.end))):
        return True
    window = max(0, mention.start - _ANNIVERSARY_AHEAD_REACH)
    preceding = text[window:mention.start]
    if ("ỷ niệm" in preceding or "Ỷ NIỆM" in preceding) and _ANNIVERSARY_AHEAD.search(text, window, mention.start):
        return True  # a substring test spares the regex on nearly every date
    before = _PLAN_BEFORE.search(text, max(0, mention.start - _PLAN_BEFORE_REACH - 1), mention.start)
    if before is None:
        return False
    return not (before.group(1).lower() in ("đến", "tới") and _DONE_AFTER.match(text, mention.end))


# A document named with its date ("Thông tư số 36/2014/TT-NHNN ngày 20/11/2014", "Nghị quyết số
# 21-NQ/TW, ngày 7/5/2021", "Công văn 6577/QLD-MP ban hành ngày 13/4/2015") or the day a rule
# applies from ("có hiệu lực từ ngày 1/1/2021", "kể từ ngày 30/4/2015"): the date of the text
# cited, not of what the sentence tells.
_DOCUMENTS = ("thông tư|nghị định|quyết định|nghị quyết|chỉ thị|công văn|văn bản|thông báo|công điện|tờ trình|pháp lệnh"
              "|chương trình hành động")
_CITED_DOCUMENT = re.compile(
    rf"(?<!\w)(?:{_DOCUMENTS})(?:\s+(?:số\s+)?[^\s,.;]*\d[^\s,;]*?)?,?(?:\s+(?:ban hành|ký))?\s+(?:ngày\s+)?$",
    re.IGNORECASE)
# ... or a newspaper's issue ("Xem Báo Người Lao Động từ số ra ngày 22-8", a series' note).
_RULE_START = re.compile(r"(?<!\w)(?:hiệu lực(?:\s+thi hành)?(?:\s+(?:kể\s+)?từ)?|áp dụng(?:\s+(?:kể\s+)?từ)?|kể từ"
                         r"|số\s+(?:báo\s+)?ra)\s+(?:ngày\s+)?$", re.IGNORECASE)
# "Trước đó, ngày 6/8/2009, ...", "Chỉ cách đây chưa đầy một năm, ngày 21/11/2021, ...", "Gần
# đây nhất, ngày 1/6/2022, ...": a day told as what came before the news.
_LOOKING_BACK = re.compile(r"\W*(?:trước đó|trước đây|(?:chỉ\s+)?cách đây|gần đây nhất)(?!\w)", re.IGNORECASE)
_LOOKING_BACK_REACH = 60  # characters from the sentence's start to the date


# "cô gái sinh năm 1988", "sinh ngày 12/3/1980": a person's birth, not the time of what is told.
_BIRTH = re.compile(r"(?<!\w)sinh(?:\s+(?:ngày|năm|vào))?\s*$", re.IGNORECASE)
_BIRTH_REACH = 20  # characters before the date
# "công ty mà cô sáng lập vào năm 2003", "giải do báo Thể thao và Văn hóa sáng lập từ năm 2020",
# "Ra đời năm 2013, GHTK ...": when a company or an award began, told in a clause beside what
# the sentence tells (a year only: a founding day can be news). "Công ty được thành lập năm
# 2015." tells the founding itself, and keeps its year.
_FOUNDED = re.compile(r"(?:(?<!\w)(?:mà|do)(?:\s+[^\s,.;:]+){1,8}\s+|^\W*)(?:thành lập|sáng lập|ra đời)"
                      r"(?:\s+(?:vào|từ))?(?:\s+năm)?\s*$", re.IGNORECASE)
_FOUNDED_REACH = 50
# "tăng 18% so với cùng kỳ năm 2021", "từ mức 52,3 điểm trong tháng 4", "cao hơn đỉnh dịch các năm
# 2018, 2019" (a hand check read "năm 2018:" over a count of this year's cases): what a figure is
# compared with, not when the fact happened. Not "more than" a figure ("nhiều hơn 100 ca trong năm
# 2022", "tăng hơn 8% trong năm 2022": the fact's own time).
_COMPARED = re.compile(r"(?<!\w)(?:so với|từ mức|từ con số|(?:cao|thấp|nhiều|ít|lớn|nhỏ|mạnh|nhanh|chậm|đắt|rẻ|tốt|kém)"
                       r" hơn(?: cả)?(?!\s+(?:\d|khoảng|gần|trên|dưới|một|hai|ba)))"
                       r"(?:\s+(?:\d+(?:[.,]\d+)*|[^\s,.;]+)){0,4}\s*$",
                       re.IGNORECASE)  # up to four words (a figure may hold its "," or ".") before the date
_COMPARED_REACH = 60  # characters before the date
# "chia cổ tức năm 2015 bằng tiền mặt", "lợi nhuận năm 2021 đạt ...": the period a figure is
# of (a fiscal year), not when the news happened (a letter of 19/5/2016 about 2015's dividend).
_FIGURE_PERIOD = re.compile(r"(?<!\w)(?:cổ tức|lợi nhuận|doanh thu|ngân sách|niên độ|năm tài chính|quyết toán|"
                            r"thu ngân sách|lãi|lỗ|tăng trưởng|GDP)(?:\s+(?:của\s+)?năm)?\s*$", re.IGNORECASE)
_FIGURE_PERIOD_REACH = 30
# "8 tháng đầu năm 2022", "6 tháng cuối năm 2015", "quý II năm 2016": the period a statement
# covers, not when it was made (a hand check read "năm 2022:" over a session of 25/8 reviewing
# the first eight months).
_PERIOD_OF_YEAR = re.compile(r"(?<!\w)(?:(?:\d+|mấy|những)\s+tháng\s+(?:đầu|cuối)|quý\s+[IV1-4]+)\s*$", re.IGNORECASE)
_PERIOD_OF_YEAR_REACH = 25
# "Huy hiệu Đảng đợt 2-9-2022": a round named by its day, not the day told (the badges of that
# round were given on 30-31/8).
_NAMED_ROUND = re.compile(r"(?<!\w)đợt\s*$", re.IGNORECASE)
_NAMED_ROUND_REACH = 6
# "8 tháng đầu năm 2022": a review of the year's first months, given in their last month or the
# one after, so a day of those months told beside it is of that year.
_FIRST_MONTHS_OF = re.compile(r"(?<!\w)(\d{1,2})\s+tháng\s+đầu\s+năm\s+(\d{4})(?!\d)")
# "Điều 219 Bộ luật Hình sự năm 2015", "Luật Đất đai năm 2013": the year a law is named by (a
# hand check read "năm 2015:" over a verdict of 30/8); an award's for works too ("Giải Báo chí
# Quốc gia năm 2015", judged in June 2016; not a tournament's, "Giải U23 châu Á năm 2018", held
# that year).
# The law's own name is capitalized ("Luật Đất đai"), which tells it from "luật sửa đổi được
# thông qua năm 2015", where the year is the news.
_LAW_NAME = re.compile(r"(?<!\w)(?:Bộ luật|Luật|Hiến pháp|Giải thưởng|Giải(?= (?:Báo chí|Văn học|Âm nhạc|Mỹ thuật|Sách)))((?:\s+[^\s,.;:()]+){0,5}?)\s*$")
_LAW_NAME_REACH = 60
# Syllables that end a law's name: what is told of it ("Luật Đất đai được thông qua năm 2013",
# "có hiệu lực"); not "thông", "hành" ("Luật Giao thông", "Luật Thi hành án").
_NOT_IN_A_LAWS_NAME = frozenset({"được", "có", "đã", "đang", "sẽ", "qua", "hiệu", "là", "và"})
# "kỷ niệm 30 năm thành lập (5/3/1994 - 5/3/2024)": the anniversary's origin, not the day told.
_ANNIVERSARY = re.compile(r"(?<!\w)kỷ niệm\s+(\d{1,3})\s+năm(?!\w)", re.IGNORECASE)
_ANNIVERSARY_REACH = 100

# The words that, ending within ``reach`` characters before a date, make it cited: (words,
# reach, for a year only).
_CITING_WORDS = ((_BIRTH, _BIRTH_REACH, False), (_FOUNDED, _FOUNDED_REACH, True), (_COMPARED, _COMPARED_REACH, False),
                 (_FIGURE_PERIOD, _FIGURE_PERIOD_REACH, True), (_PERIOD_OF_YEAR, _PERIOD_OF_YEAR_REACH, True),
                 (_NAMED_ROUND, _NAMED_ROUND_REACH, False))

# "vừa ban hành Quyết định số 123/QĐ-UBND ngày 20/5/2016": issuing the document is the fact told.
_ISSUED = re.compile(r"(?<!\w)(?:ban hành|ký|ra|gửi|có|phát hành)\s+$", re.IGNORECASE)


def is_cited(text: str, mention: DateMention) -> bool:
    """The date of a cited document, of when a rule applies, of a person's birth, of what a
    figure is compared with, of the period a statement covers or of a round named by its day:
    not the time of the sentence's fact."""
    for words_before, reach, years_only in _CITING_WORDS:
        if (not years_only or mention.precision == YEAR) and _ends_before(words_before, reach, text, mention):
            return True
    if mention.year is not None and _is_anniversary_origin(text, mention.start, mention.year):
        return True
    if mention.precision == YEAR and _names_a_law(text, mention.start):
        return True
    window = max(0, mention.start - 80)
    if _RULE_START.search(text, window, mention.start):
        return True
    cited = _CITED_DOCUMENT.search(text, window, mention.start)
    return cited is not None and not _ISSUED.search(text, max(0, cited.start() - 20), cited.start())


def _plan_in_clause(text: str, start: int, end: int) -> bool:
    # Most windows hold neither word: a substring test ("ẽ" of "sẽ", "ự kiến") spares the
    # regex, which has no literal prefix to scan for.
    window = text[start:end]
    return ("ẽ" in window or "Ẽ" in window or "ự kiến" in window or "Ự KIẾN" in window) \
        and _PLAN_IN_CLAUSE.search(text, start, end) is not None  # the regex's spellings hold these


def _ends_before(words: re.Pattern[str], reach: int, text: str, mention: DateMention) -> bool:
    """Do ``words`` end right before the date, within ``reach`` characters?"""
    return words.search(text, max(0, mention.start - reach), mention.start) is not None


def names_an_occasion(text: str, mention: DateMention) -> bool:
    """A round named by its day ("Huy hiệu Đảng đợt 2-9-2022"): not the day told, but one near it."""
    return _ends_before(_NAMED_ROUND, _NAMED_ROUND_REACH, text, mention)


def months_reviewed(text: str) -> Iterable[tuple[int, int]]:
    """(month, year) for each month a review of a year's first months ("8 tháng đầu năm 2022")
    covers, and the month after it, when such a review is given."""
    if "tháng đầu" not in text:  # a substring test spares the regex on nearly every sentence
        return
    for found in _FIRST_MONTHS_OF.finditer(text):
        months, year = int(found.group(1)), int(found.group(2))
        if 1 <= months <= 12:
            yield from ((month, year) for month in range(1, min(months + 1, 12) + 1))


def _names_a_law(text: str, start: int) -> bool:
    """Is the year at ``start`` part of a law's name ("Bộ luật Hình sự năm 2015", "Hiến pháp năm 2013")?"""
    law = _LAW_NAME.search(text, max(0, start - _LAW_NAME_REACH), start)
    if law is None:
        return False
    name = law.group(1).split()
    return not name or (name[0][0].isupper() and not any(w.lower() in _NOT_IN_A_LAWS_NAME for w in name))


def _is_anniversary_origin(text: str, start: int, year: int) -> bool:
    """Is the year at ``start`` the origin of an anniversary named before it ("kỷ niệm 30 năm")
    that the sentence also dates (another written year at least that many years later)?"""
    for found in _ANNIVERSARY.finditer(text, max(0, start - _ANNIVERSARY_REACH), start):
        later = year + int(found.group(1)) - 1
        if any(int(y) >= later for y in _WRITTEN_YEAR.findall(text)):
            return True
    return False


def looks_back(text: str, mention: DateMention) -> bool:
    """A date the sentence gives as earlier than the news ("Trước đó, ngày 6/8/2009, ..."): a
    real time of what it tells, but not the day of the story's own happening."""
    return mention.start <= _LOOKING_BACK_REACH and _LOOKING_BACK.match(text) is not None


# A day right before a verb of reporting is the report's day, not the fact's: "AFP dẫn nguồn tin
# từ cảnh sát ngày 30.5 cho biết Pulido bị bắt cóc ... ngày 28.5", "Trang Sputnik ngày 31/5 đưa
# tin, ..." (a hand check read the kidnapping after the rescue, under 30/5).
_REPORTED_AFTER = re.compile(r"\s*,?\s*(?:(?:vừa|đã|mới)\s+)?(?:cho biết|cho hay|đưa tin|thông báo|tiết lộ|xác nhận|"
                             r"công bố|dẫn lời|trích lời)(?!\w)", re.IGNORECASE)


def is_report_day(text: str, mention: DateMention) -> bool:
    """Is ``mention`` the day a source reported on, right before its verb ("... ngày 30.5 cho biết")?"""
    return _REPORTED_AFTER.match(text, mention.end) is not None


def best_mention(text: str, mentions: Sequence[DateMention], *, fact_day_first: bool = False) -> DateMention:
    """The date a sentence is told under: a past time before a planned one, then the most
    precise, then the first. With ``fact_day_first`` (the story's events), of equals the
    fact's day before the day a source reported it on (:func:`is_report_day`; a report day
    still beats a year alone)."""
    return max(mentions, key=lambda m: (not is_plan(text, m), PRECISION_RANK[m.precision],
                                        not (fact_day_first and is_report_day(text, m)), -m.start))


def is_background(text: str, mention: DateMention) -> bool:
    """Only a year or a month, and words that say it happened before, or that it runs until now
    ("từ năm 2019 đến nay": a running total, not a new event)."""
    if mention.precision in (DAY, WEEK, DAY_MONTH):
        return False
    return _BACKGROUND.search(text) is not None or runs_until_now(text, mention) \
        or _SET_IN.search(text, max(0, mention.start - 60), mention.start) is not None


def runs_until_now(text: str, mention: DateMention) -> bool:
    """Is ``mention`` the start of a time that runs until now ("từ năm 2019 đến nay")?"""
    return _UNTIL_NOW.match(text, mention.end) is not None


# "từ năm 2019 đến nay, công ty đã đóng góp tổng cộng ...": a hand check read "năm 2019" as the
# label of that total.
_UNTIL_NOW = re.compile(r"\s*,?\s*(?:cho\s+)?(?:đến|tới)\s+(?:nay|hiện nay|bây giờ|thời điểm này|năm nay)(?!\w)", re.IGNORECASE)


# Words that make a named year a plan or a deadline, not a time already past.
_FUTURE_CHUNK = re.compile(r"(?<!\w)(?:sẽ|dự kiến|dự báo|kế hoạch|mục tiêu|lộ trình|phấn đấu|tầm nhìn|cần đạt|phải đạt)(?!\w)",
                           re.IGNORECASE)  # "thế giới cần đạt phát thải ròng bằng 0 vào năm 2050": a target
# "Năm 2022, hướng tới kỷ niệm 10 năm ... (2014 - 2024)": the years after it are the anniversary's,
# ahead ("chào mừng kỷ niệm" is most often of the year told, and stays evidence of it).
_ANNIVERSARY_FAR_AHEAD = re.compile(r"(?<!\w)(?:hướng|tiến) tới\s+(?:lễ\s+)?kỷ niệm(?!\w)", re.IGNORECASE)
_FUTURE_BEFORE = re.compile(r"(?<!\w)(?:đến|tới|trước|sau|giai đoạn|hết|cuối|(?:kết thúc|hết hạn|đáo hạn)(?:\s+vào)?)\s*$",
                            re.IGNORECASE)  # "kết thúc vào tháng 4/2028": when a toll contract ends
# A birth year ("sinh năm 2000", "sinh vào năm 1960", "sinh ngày 3/5/1990"): true of the news but
# no bound an editor can use (a hand check read "không trước năm 2000" of a driver's birth as
# noise). Not "sinh" in another word: "tuyển sinh", "học sinh", "phát sinh", "Giáng sinh", ...
_BORN_BEFORE = re.compile(r"(?<!\w)(?<!học )(?<!tuyển )(?<!phát )(?<!hy )(?<!thí )(?<![Gg]iáng )(?<!vệ )(?<!sản )"
                          r"(?<!tái )(?<!hồi )(?<!song )(?<!khai )(?<!cứu )(?:[Ss]inh|năm sinh)(?:\s+vào)?"
                          r"(?:\s+(?:năm|ngày|tháng))?\s*$")
_JOINED = re.compile(r"\s*(?:,|và|hoặc|cho đến)?\s*", re.IGNORECASE)  # between two dates of one list
_CHUNK_ENDS = ".!?\n"  # a text is read in chunks between these
# Only a year written out in four digits is evidence; a chunk without one is skipped unread.
_WRITTEN_YEAR = re.compile(r"\d(?<!\d\d)\d{3}(?!\d)")  # the digit before the look-behind: a faster scan


_CHUNK_END = re.compile(f"[{re.escape(_CHUNK_ENDS)}]")


def _chunks_with_a_year(text: str) -> Iterable[str]:
    """The chunks (runs of text without ``_CHUNK_ENDS``) that hold a written year, found from
    the years: most of an article's chunks have none and are never cut out. Each search
    stops at the chunk or at the previous chunk's end, so a long text is read about once."""
    end = -1
    for year in _WRITTEN_YEAR.finditer(text):
        if year.start() < end:
            continue  # in the chunk just read
        start = max(text.rfind(mark, end + 1, year.start()) for mark in _CHUNK_ENDS) + 1 or end + 1
        found = _CHUNK_END.search(text, year.end())
        end = found.start() if found else len(text)
        yield text[start:end]


def past_year_floor(text: str, finder: DateFinder | None = None) -> int | None:
    """The latest year ``text`` speaks of as past (or present), or None: evidence that the
    text was written in that year or later. A year named as a plan or deadline ("đến năm
    2030", "dự kiến năm 2025") is no such evidence. Only years written out count; nothing
    is taken from an anchor."""
    finder = finder or DateFinder()
    latest: int | None = None
    for part in _chunks_with_a_year(text):
        # A date's year is one of the chunk's written years (4 digits): a chunk whose years
        # are all at most the latest found cannot raise it, and is not read for dates.
        if latest is not None and max(map(int, _WRITTEN_YEAR.findall(part))) <= latest:
            continue
        if _FUTURE_CHUNK.search(part):
            continue
        future_end = -1  # where the last date read as a plan ends
        ahead = _ANNIVERSARY_FAR_AHEAD.search(part) if "tới" in part else None
        for m in finder.find(part):
            if m.year is None or m.anchored or (ahead is not None and m.start > ahead.start()):
                continue
            if _BORN_BEFORE.search(part[max(0, m.start - 16):m.start]):
                continue
            if _FUTURE_BEFORE.search(part[:m.start].rstrip()[-20:]) \
                    or (future_end >= 0 and _JOINED.fullmatch(part, future_end, m.start)):
                future_end = m.end  # "4 tháng cuối năm 2022 và năm 2023": the second is a plan too
                continue
            # a span's first year, not its last (``until``): "nhiệm kỳ 2020 - 2025" is a term that
            # runs on, and its end is no year the text was written after
            latest = m.year if latest is None else max(latest, m.year)
    return latest


def label_year_floor(written: int | None, texts: Iterable[str]) -> int | None:
    """The floor a label shows ("năm chưa rõ, không trước năm 2021"): ``written``, the texts'
    :func:`past_year_floor`, or the first year in office of a holder they name by title
    ("Tổng thống Mỹ Joe Biden"; :mod:`tomtat.vi.office_terms`), whichever is later. Only for
    labels: the rules that give a day its year read the written years alone, so that a
    holder's start year, which a story does not write, never makes a year or erases one."""
    offices = OfficeTerms.default()
    texts = [texts] if isinstance(texts, str) else texts  # one text, not its characters
    floors = [y for y in (written, *(offices.year_floor(text) for text in texts)) if y is not None]
    return max(floors, default=None)


def anchored_articles(articles: Iterable[Any]) -> dict[str, bool]:
    """For each article (by id): has it a date that relative times count from?"""
    return {a.id: article_anchor(a.published, f"{a.title}\n{a.text}")[0] is not None for a in articles}
