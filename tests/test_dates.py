"""Every date form of the issue, with and without a publication date to anchor it."""
from datetime import date

import pytest

from tomtat.vi.dates import DateFinder, article_anchor, parse_published

ANCHOR = date(2024, 9, 10)  # a Tuesday

# (sentence, expected text, value without anchor, precision without anchor, value with anchor, precision with anchor)
CASES = [
    ("Hội nghị khai mạc ngày 31/5/2018 tại Hà Nội.", "31/5/2018", "2018-05-31", "day", "2018-05-31", "day"),
    ("Vụ việc xảy ra 31-5-2018 ở ngoại ô.", "31-5-2018", "2018-05-31", "day", "2018-05-31", "day"),
    ("Thứ bảy, 7/9/2024, đoàn công tác lên đường.", "Thứ bảy, 7/9/2024", "2024-09-07", "day", "2024-09-07", "day"),
    ("Lễ ký kết diễn ra ngày 7 tháng 9 năm 2024.", "ngày 7 tháng 9 năm 2024", "2024-09-07", "day", "2024-09-07", "day"),
    ("Bộ trưởng hôm 12-12 tuyên bố sẽ đối thoại.", "hôm 12-12", "--12-12", "day-month", "2023-12-12", "day"),
    ("Chuyến thăm kết thúc ngày 27/7 theo kế hoạch.", "ngày 27/7", "--07-27", "day-month", "2024-07-27", "day"),
    ("Phái đoàn rời đi sáng 13/12.", "sáng 13/12", "--12-13", "day-month", "2023-12-13", "day"),
    ("Cuộc họp bắt đầu lúc 15h30 ngày 12/3.", "15h30 ngày 12/3", "--03-12", "day-month", "2024-03-12", "day"),
    ("Diễn đàn dự kiến diễn ra vào tháng 9 tới.", "tháng 9 tới", "--09", "month-only", "2024-09", "month"),
    ("Dự án được khởi công năm 2008.", "năm 2008", "2008", "year", "2008", "year"),
    ("Thủ tướng phát biểu hôm qua tại diễn đàn.", "hôm qua", None, "unresolved", "2024-09-09", "day"),
    ("Đoàn đại biểu đã tới thăm tuần trước.", "tuần trước", None, "unresolved", "2024-09-02", "week"),
    ("Tháng trước, hai bên đã ký biên bản.", "Tháng trước", None, "unresolved", "2024-08", "month"),
    ("Sản lượng năm ngoái tăng mạnh.", "năm ngoái", None, "unresolved", "2023", "year"),
    ("Tàu cập cảng 3 ngày trước.", "3 ngày trước", None, "unresolved", "2024-09-07", "day"),
    ("Hiệp định được ký vào cuối năm ngoái.", "cuối năm ngoái", None, "unresolved", "2023", "year"),
    ("Chiều qua (29/8), đoàn đã về đến Huế.", "Chiều qua (29/8)", "--08-29", "day-month", "2024-08-29", "day"),
    ("Hôm nay (3.9) trời mưa to.", "Hôm nay (3.9)", "--09-03", "day-month", "2024-09-03", "day"),
    ("Giá điện tăng từ tháng 1.2015 đến nay.", "tháng 1.2015", "2015-01", "month", "2015-01", "month"),
    # a weekday of the publication's week, the last one or the next one: that day
    ("Đoàn đến nơi vào tối thứ bảy tuần qua.", "tối thứ bảy tuần qua", None, "unresolved", "2024-09-07", "day"),
    ("Thứ ba tuần trước, hai bên đã họp.", "Thứ ba tuần trước", None, "unresolved", "2024-09-03", "day"),
    ("Thứ Hai vừa qua, hai bên đã ký kết.", "Thứ Hai vừa qua", None, "unresolved", "2024-09-09", "day"),
    ("Hội chợ mở cửa vào chủ nhật tuần này.", "vào chủ nhật tuần này", None, "unresolved", "2024-09-15", "day"),
    ("Đội tuyển lên đường hôm thứ 6 tuần tới.", "hôm thứ 6 tuần tới", None, "unresolved", "2024-09-20", "day"),
]


@pytest.mark.parametrize("sentence,found,value,precision,anchored_value,anchored_precision", CASES)
def test_each_form_with_and_without_anchor(sentence, found, value, precision, anchored_value, anchored_precision):
    finder = DateFinder()
    bare = finder.find(sentence)
    assert [m.text for m in bare] == [found]
    assert (bare[0].value, bare[0].precision) == (value, precision)
    anchored = finder.find(sentence, ANCHOR)
    assert (anchored[0].value, anchored[0].precision) == (anchored_value, anchored_precision)


def test_no_year_is_invented_without_an_anchor():
    explicit_year = {"full", "weekday_full", "full_words", "iso", "year", "month_year"}
    for sentence, *_ in CASES:
        for m in DateFinder().find(sentence):
            if m.kind not in explicit_year:
                assert m.year is None and not m.anchored, m


def test_day_month_after_the_anchor_is_last_year():
    # published 3 January: "ngày 28/12" is last December, not next
    (m,) = DateFinder().find("Sự kiện diễn ra ngày 28/12.", date(2024, 1, 3))
    assert m.value == "2023-12-28"
    (m,) = DateFinder().find("Sự kiện diễn ra ngày 2/1.", date(2024, 1, 3))
    assert m.value == "2024-01-02"


def test_month_words_and_past_months():
    (m,) = DateFinder().find("Hồi tháng Ba, hai bên đã gặp nhau.", date(2019, 4, 24))
    assert (m.value, m.precision) == ("2019-03", "month")
    (m,) = DateFinder().find("Hồi tháng 11 vừa qua, hai bên đã gặp nhau.", date(2019, 4, 24))
    assert m.value == "2018-11"


def test_numbers_that_are_not_dates():
    finder = DateFinder()
    for text in ("Khoảng 2/3 tổng số lao động đã về nước.", "Có 12.000 người tham gia.",
                 "Tỷ số là 3-1 nghiêng về đội khách.", "Giá tăng 1.5 lần trong 2 tuần qua.",
                 "Ngày 31/2 không tồn tại.", "Phe đa số chiếm (2/3) số ghế.", "Lương tháng 5.000.000 đồng.",
                 "Khoản chi này chiếm đến 1/4 ngân sách của xã.", "Hàng nhập chiếm tới 3/4 thị phần.",
                 "Số ca mắc tăng lên đến 1/3 so với tuần trước."):
        assert [m.text for m in finder.find(text) if m.resolved] == [], text


def test_a_street_or_revolution_named_after_a_date_is_no_date():
    finder = DateFinder()
    for text in ("Cơ sở trên đường 8 tháng 3 bị kiểm tra.", "Nhà ở đường Cách mạng tháng Tám, quận 3.",
                 "Cửa hàng ở phố 3 tháng 2 đóng cửa.", "Lễ kỷ niệm Cách mạng Tháng Tám được tổ chức."):
        assert finder.find(text, ANCHOR) == [], text
    assert [m.text for m in finder.find("Ngày 8 tháng 3, chị em được tặng hoa. Từ tháng 3, giá tăng.", ANCHOR)] \
        == ["Ngày 8 tháng 3", "tháng 3"]
    # a reviewer's counter-examples: a date after the same words that names no street
    for text, found in (("Công an thành phố ngày 12/3 cho biết.", "ngày 12/3"), ("Người dân xuống đường hôm 5/6.", "hôm 5/6"),
                        ("Dân số thành phố năm 2016 tăng.", "năm 2016"), ("Giá đường năm 2023 tăng.", "năm 2023"),
                        ("Thành phố tháng 3 đón nhiều khách.", "tháng 3")):
        assert [m.text for m in finder.find(text, ANCHOR)] == [found], text


@pytest.mark.parametrize("text, found", [
    ("Báo cáo 6 tháng năm 2022 cho thấy doanh thu tăng.", [("năm 2022", "2022")]),  # six months of 2022
    ("Sau vài tháng năm 2021, cửa hàng đóng cửa.", [("năm 2021", "2021")]),
    ("Các tháng năm 2020 đều lỗ.", [("năm 2020", "2020")]),
    ("Từ tháng Năm 2022, giá xăng tăng.", [("tháng Năm 2022", "2022-05")]),  # May, and its year
    ("Vào tháng năm năm 2019, hai bên đã gặp nhau.", [("tháng năm năm 2019", "2019-05")]),
    ("Hồi tháng Mười Hai 2018, giá tăng.", [("tháng Mười Hai 2018", "2018-12")]),
    ("Cuộc Tổng khởi nghĩa tháng Tám năm 1945 thắng lợi.", [("năm 1945", "1945")]),  # a named uprising
    ("Cuộc khởi nghĩa tháng 3/1930 bị đàn áp.", [("tháng 3/1930", "1930-03")]),  # one dated by its number
    ("Hôm 15 tháng Năm 2019, đoàn đến.", [("tháng Năm 2019", "2019-05")]),  # a day before it, not a count
    ("Tối 13 tháng Sáu 2019, trận đấu diễn ra.", [("tháng Sáu 2019", "2019-06")]),  # only "năm" is ambiguous
])
def test_a_month_word_is_a_month_with_its_year_unless_months_are_counted(text, found):
    assert [(m.text, m.value) for m in DateFinder().find(text)] == found


@pytest.mark.parametrize("text, found, until", [
    ("Ông bị cáo buộc trốn thuế trong thời gian từ năm 2007 - 2009.", "năm 2007 - 2009", 2009),
    ("Các bị can hoạt động từ năm 2015 đến năm 2017.", "năm 2015 đến năm 2017", 2017),
    ("Giai đoạn năm 2016–2020 tỉnh tăng trưởng nhanh.", "năm 2016–2020", 2020),
    ("Dự án triển khai từ năm 2016 đến nay.", "năm 2016", None),  # no second year: the year alone
    ("Số liệu năm 2009 - 2007 bị ghi ngược.", "năm 2009", None),  # not a span: its first year alone
    ("Từ tháng 3 năm 2015 đến năm 2017, ông giữ chức giám đốc.", "năm 2017", None),  # the start taken: the end alone
    ("Năm 2019 tới 2020 triệu người được tiêm vắc xin.", "Năm 2019", None),  # a count, not a year
])
def test_a_span_of_years_is_read_as_the_period(text, found, until):
    mention = DateFinder().find(text, ANCHOR)[-1]
    assert (mention.text, mention.value, mention.until, mention.to_dict()["until"]) == (found, found[4:8], until, until)


def test_a_hyphen_glued_span_of_years_stays_no_date():
    # "năm 2007-2008" was never read as a date; a span did not change that ("Tương tự như cuộc
    # khủng hoảng năm 2007-2008, ...": a comparison, which a label would misread)
    assert DateFinder().find("Tương tự như cuộc khủng hoảng năm 2007-2008, giá tăng.", ANCHOR) == []


def test_durations_are_not_points_in_time():
    assert DateFinder().find("Đây là lần thứ ba trong vòng 1 tuần qua.", ANCHOR) == []


def test_anchor_from_published_or_a_date_line():
    assert article_anchor("2024-03-12T08:00:00+07:00", "Nội dung.") == (date(2024, 3, 12), "published")
    text = "Thứ bảy, 7/9/2024 08:00 (GMT+7)\nHôm qua, đoàn công tác đã tới nơi."
    assert article_anchor(None, text) == (date(2024, 9, 7), "date line")
    assert article_anchor(None, "Hôm qua, đoàn công tác đã tới nơi vào ngày 1/2/2020 như dự kiến.") == (None, "")
    assert parse_published("12/3/2024") == date(2024, 3, 12)  # order.py still relies on it


def test_the_en_us_date_time_form_is_read_month_first_and_no_other():
    # "M/d/yyyy h:mm:ss AM" is how .NET and Excel write en-US dates; sites here write day first
    assert parse_published("6/1/2016 8:39:40 AM") == date(2016, 6, 1)
    assert parse_published("6/3/2016 2:23:47 PM") == date(2016, 6, 3)
    assert parse_published("5/20/2016 11:40:52 PM") == date(2016, 5, 20)
    assert parse_published("01/06/2016 08:38 AM") == date(2016, 6, 1)  # no seconds: day first
    assert parse_published("Thứ ba, 6/1/2016 8:39 AM") == date(2016, 1, 6)
    assert parse_published("25/05/2016 10:11:12 PM") == date(2016, 5, 25)  # only day first makes sense


def test_a_sentence_starting_with_a_date_is_not_a_date_line():
    from tomtat.vi.dates import is_date_line

    assert is_date_line("Thứ bảy, 7/9/2024 08:00 (GMT+7)")
    assert is_date_line("12/03/2024 15:30")
    assert not is_date_line("Ngày 5/3/2020, nhà máy khánh thành ở Bình Dương.")


def test_month_of_this_or_last_year():
    (m,) = DateFinder().find("Cuộc bầu cử diễn ra vào tháng 3 năm nay.", ANCHOR)
    assert (m.value, m.precision) == ("2024-03", "month")
    (m,) = DateFinder().find("Cuộc bầu cử diễn ra vào tháng 3 năm ngoái.", ANCHOR)
    assert m.value == "2023-03"
    (m,) = DateFinder().find("Cuộc bầu cử diễn ra vào tháng 3 năm nay.")
    assert (m.value, m.precision, m.year) == ("--03", "month-only", None)


def test_a_finder_answers_again_from_memory_and_travels_without_it():
    import pickle
    from datetime import date

    finder = DateFinder()
    first = finder.find("Sáng 12/3, tuyến buýt mới chạy.", date(2024, 3, 13))
    again = finder.find("Sáng 12/3, tuyến buýt mới chạy.", date(2024, 3, 13))
    assert first == again and first is not again  # a caller may change its list
    assert finder.find("Sáng 12/3, tuyến buýt mới chạy.", date(2025, 3, 13))[0].year == 2025  # the anchor counts
    copy = pickle.loads(pickle.dumps(finder))
    assert "_recent" not in copy.__dict__ and copy.find("Sáng 12/3, tuyến buýt mới chạy.", date(2024, 3, 13)) == first


def test_year_chunks_are_the_chunks_that_hold_a_year():
    import re

    from tomtat.vi.time_context import _chunks_with_a_year

    text = "Năm 2019 dự án khởi công. Giá tăng\nđến 2030 và 2031 sẽ xong! 12345 đồng? Cuối 2020"
    expected = [c for c in re.findall(r"[^.!?\n]+", text) if re.search(r"(?<!\d)\d{4}(?!\d)", c)]
    assert list(_chunks_with_a_year(text)) == expected == ["Năm 2019 dự án khởi công", "đến 2030 và 2031 sẽ xong",
                                                            " Cuối 2020"]


def test_a_case_folded_word_the_tables_do_not_know_is_no_date_not_a_crash():
    # "ı" (dotless i) matches "i" case-insensitively, but "kıa" and "maı" are not in the tables.
    from tomtat.vi.time_context import past_year_floor

    finder = DateFinder()
    for text in ("Cùng SÁNG MAı, K 2024-03-12 đoàn tới.", "Hôm kıa trời mưa to.", "Tối qUA và sáng MAİ."):
        finder.find(text, date(2024, 3, 13))
        past_year_floor(text + " Năm 2019 đã xong.")


@pytest.mark.parametrize("sentence,found,value", [
    ("HÔM QUA, ĐOÀN CÔNG TÁC ĐẾN NƠI.", "HÔM QUA", "2024-09-09"),
    ("Lễ Ký Kết Diễn Ra Ngày 7 Tháng 9 Năm 2024.", "Ngày 7 Tháng 9 Năm 2024", "2024-09-07"),
    ("THỨ BẢY, 7/9/2024, đoàn lên đường.", "THỨ BẢY, 7/9/2024", "2024-09-07"),
])
def test_upper_case_dates_alike_whether_or_not_lower_casing_keeps_the_length(sentence, found, value):
    """Dates are searched in the lower-cased text; a text whose lower-casing changes its
    length ("İ" becomes two characters) is searched case-blind instead, with the same result
    and offsets into the text as given."""
    finder = DateFinder()
    for text in (sentence, "İ " + sentence):
        mentions = finder.find(text, ANCHOR)
        assert [(m.text, m.value) for m in mentions] == [(found, value)]
        assert text[mentions[0].start:mentions[0].end] == found


@pytest.mark.parametrize("seed", range(5))
def test_the_plan_remembered_by_bits_is_the_plan_of_the_word_set(seed):
    import random

    from tomtat.vi import dates
    rng = random.Random(seed)
    for _ in range(200):
        words = frozenset(rng.sample(dates.NEEDED_WORDS, rng.randint(0, 8)))
        has_digit = rng.random() < 0.5
        has_separator = has_digit and rng.random() < 0.5
        expected = [kind for kind, _, needs, needs_digit, needs_separator in dates._PLAN
                    if (has_digit or not needs_digit) and (has_separator or not needs_separator)
                    and all(group & words for group in needs)]
        looked_for = words & set(dates._words_for(has_digit, has_separator))
        bits = sum(dates._WORD_BIT[w] for w in looked_for)
        assert [kind for kind, _ in dates._patterns_for(has_digit, has_separator, bits)] == expected


def test_without_a_separator_the_separator_forms_words_are_not_looked_for():
    from tomtat.vi import dates
    assert "/" not in dates._words_for(True, False) and "/" in dates._words_for(True, True)
    assert "tháng" in dates._words_for(False, False)


def test_a_plan_word_is_looked_for_as_far_back_as_the_pattern_can_reach():
    from re import _parser  # type: ignore[attr-defined]

    from tomtat.vi import time_context
    pattern = time_context._PLAN_BEFORE
    assert _parser.parse(pattern.pattern, pattern.flags).getwidth()[1] == time_context._PLAN_BEFORE_REACH
    finder = DateFinder()
    # "kế hoạch" (8) and up to 25 characters before the date: the longest match, a newline before
    # the date ("$" matches before it), or one character too many
    for gap in ("x" * 23, "x" * 24, "x" * 22 + "\n", "x" * 23 + "\n", "x" * 10):
        text = f"Theo kế hoạch {gap} 12/3/2024 khởi công."
        mention = next(m for m in finder.find(text) if m.day == 12)
        expected = pattern.search(text[:mention.start]) is not None  # the whole sentence before the date
        assert time_context.is_plan(text, mention) is expected, repr(gap)
    assert time_context.is_plan("Theo kế hoạch " + "x" * 23 + " 12/3/2024 khởi công.",
                                next(iter(finder.find("Theo kế hoạch " + "x" * 23 + " 12/3/2024 khởi công."))))


@pytest.mark.parametrize("text", ["", "\n", "a", "a\n\nb\n \nc\nd", "\n\n  \nx\n", "x\ny\n", " \t\n"])
def test_the_first_lines_looked_at_for_a_date_line_are_the_first_non_blank_ones(text):
    from tomtat.vi.dates import _first_lines
    for count in (1, 3):
        assert _first_lines(text, count) == [line for line in text.split("\n") if line.strip()][:count]


@pytest.mark.parametrize("text, compared", [
    ("Xuất khẩu tháng 7 đạt 2,1 tỷ USD, tăng 18% so với cùng kỳ năm 2021.", True),
    ("Chỉ số giảm xuống 50,1 điểm từ mức 52,3 điểm trong tháng 4.", True),
    ("Giá vàng sáng 22/8 giữ nguyên so với cuối ngày 20/8.", True),
    ("Năm 2021, xuất khẩu đạt 2,1 tỷ USD.", False),
    # the period a figure is of: a fiscal year, not when the news happened
    ("Bộ đề nghị ngân hàng chia cổ tức năm 2015 bằng tiền mặt.", True),
    ("Lợi nhuận năm 2021 của công ty đạt 500 tỷ đồng.", True),
    ("Công ty được thành lập năm 2015.", False),
    ("Số ca mắc mới trong tuần đã cao hơn đỉnh dịch các năm 2018, 2019.", True),
    ("Giá lúa hiện thấp hơn cả năm 2020.", True),
    ("Sau hơn một tháng, ngày 12/3 công trình được khởi công.", False),  # "more than", no comparison
    ("Cả nước ghi nhận nhiều hơn 100 ca mắc trong năm 2022.", False),  # more than a figure: the fact's time
    ("Kim ngạch xuất khẩu tăng hơn 8% trong năm 2022.", False),
])
def test_what_a_figure_is_compared_with_is_not_the_time_of_the_fact(text, compared):
    from tomtat.vi.time_context import is_cited
    last = DateFinder().find(text)[-1]
    assert is_cited(text, last) is compared


@pytest.mark.parametrize("text, cited", [
    ("Hai bị cáo bị xử theo Điều 219 Bộ luật Hình sự năm 2015 về tội vi phạm quy định.", True),
    ("Theo Hiến pháp năm 2013, quyền này được bảo đảm.", True),
    ("Luật sửa đổi được Quốc hội thông qua năm 2015.", False),  # the law's passing is the news
    ("Luật Đất đai được Quốc hội thông qua năm 2013.", False),
    ("Hội đồng sơ khảo Giải Báo chí Quốc gia năm 2015 đã chọn 143 tác phẩm.", True),  # an award's name
    ("Giải thưởng Sách Quốc gia năm 2020 vinh danh 30 cuốn sách.", True),
    # a founding told beside the sentence's fact is background to it; told alone, it is the fact
    ("Forbes định giá lại Theranos, công ty mà cô sáng lập vào năm 2003 tại California.", True),
    ("Giải thưởng thường niên do báo Thể thao và Văn hóa sáng lập từ năm 2020 trao cho 5 tác phẩm.", True),
    ("Ra đời năm 2013, công ty định vị mình là công ty công nghệ.", True),
    ("Công ty được thành lập năm 2015 tại Hà Nội.", False),
    ("Giải U23 châu Á năm 2018 diễn ra tại Thường Châu.", False),  # a tournament's year is when it is held
])
def test_the_year_a_law_or_award_is_named_by_or_a_founding_beside_the_fact_is_not_its_time(text, cited):
    from tomtat.vi.time_context import is_cited
    (year,) = DateFinder().find(text)
    assert is_cited(text, year) is cited


@pytest.mark.parametrize("text, plan", [
    ("Đến năm 2017, thành phố đã vươn lên vị trí thứ 9 trên bảng xếp hạng.", False),
    ("Tính đến cuối tháng 7/2022, khối lượng trái phiếu được mua lại là 86 nghìn tỷ đồng.", False),
    ("Đến năm 2030, thành phố sẽ trở thành trung tâm tài chính của khu vực.", True),
    ("Đến năm 2030, thành phố sẽ được công nhận là đô thị loại một.", True),  # "sẽ" before "được"
    ("Dự kiến đến năm 2025, dự án đã hoàn thành phần móng.", True),
    # "sẽ" / "dự kiến" however far back in the date's clause, unless "đã"/"vừa" comes between
    ("Ban tổ chức sẽ tiến hành trao giải thưởng cho tập thể và các cá nhân của câu lạc bộ vào ngày 2/9.", True),
    ("Bộ sẽ xử lý nghiêm các cá nhân sai phạm trong vụ việc đã xảy ra tại bến xe vào ngày 2/9.", False),
    ("Công ty sẽ bồi thường cho các hộ dân, sau khi sự cố xảy ra tại khu công nghiệp vào ngày 2/9.", False),
    ("Dự án hoàn thành sớm hơn dự kiến và được bàn giao cho thành phố vào ngày 2/9.", False),
    ("Dự án chậm so với dự kiến và được bàn giao ngày 2/9.", False),
    ("Bị cáo hứa sẽ trả hết tiền cho các bị hại nhưng bị bắt vào ngày 2/9 khi chưa trả đồng nào.", False),
    ("CÔNG TRÌNH SẼ ĐƯỢC KHÁNH THÀNH TRONG DỊP LỄ LỚN CỦA TỈNH VÀO NGÀY 2/9.", True),
    # an anniversary looked forward to: its day is ahead of what is told (a hand check read
    # "1/8/2024:" over a ceremony of 2022, and "19/5/2022:" over a rally of 14/5)
    ("Hướng tới kỷ niệm 10 năm thành lập câu lạc bộ (1-8-2014 – 01-8-2024), các thành viên tiếp tục hoạt động.", True),
    ("Chào mừng kỷ niệm 132 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2022), sáng 14/5, tỉnh tổ chức mít tinh.", True),
    # the year a strategy or a target looks to, however far back its noun, even before "đã"
    ("Chiến lược phát triển giao thông, tầm nhìn đến năm 2030 đã được phê duyệt từ năm 2012.", True),
    ("Đề án góp phần thực hiện mục tiêu đưa tỉnh trở thành trung tâm công nghiệp, dịch vụ của "
     "cả vùng vào năm 2030.", True),
    ("Tỉnh phấn đấu trong những năm tới, với sự chung tay của doanh nghiệp, xóa hộ nghèo trước năm 2025.", True),
    ("Năm 2030, dân số thành phố đạt 10 triệu người, theo số liệu của cục thống kê.", False),
    ("Sau nhiều năm phấn đấu, anh giành huy chương vàng đầu tiên vào năm 2019.", False),
    ("Với tầm nhìn xa, ông đã thành lập công ty vào năm 1995.", False),
    ("Mục tiêu này đã được hoàn thành vào năm 2018, sớm hai năm so với kế hoạch.", False),
    ("Công ty đã vượt mục tiêu doanh thu đề ra cho cả giai đoạn vào năm 2020.", False),
])
def test_up_to_a_date_told_as_done_is_a_time_past(text, plan):
    from tomtat.vi.time_context import is_plan
    mention = DateFinder().find(text)[0]
    assert is_plan(text, mention) is plan


def test_a_bare_month_just_after_the_anchor_is_this_years_unless_told_as_past():
    """"tháng 6" in a report of 20 May is the coming June (within the slack a day-month has);
    "tháng 9" then, or "hồi tháng 6", is last year's."""
    anchor = date(2016, 5, 20)
    (m,) = DateFinder().find("Giải đấu diễn ra tại Pháp vào tháng 6.", anchor)
    assert m.value == "2016-06"
    (m,) = DateFinder().find("Giải đấu diễn ra tại Pháp vào tháng 9.", anchor)
    assert m.value == "2015-09"
    (m,) = DateFinder().find("Hồi tháng 6, hai bên đã gặp nhau.", anchor)
    assert m.value == "2015-06"
    for past in ("Hồi đầu tháng 6, hai bên đã gặp nhau.", "Tháng 6 vừa rồi, giá tăng mạnh."):
        (m,) = DateFinder().find(past, anchor)
        assert m.value == "2015-06", past


def test_the_day_told_after_an_anniversary_looked_forward_to_is_no_plan():
    from tomtat.vi.time_context import is_plan
    text = "Chào mừng kỷ niệm 132 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2022), sáng 14/5, tỉnh tổ chức mít tinh."
    assert [is_plan(text, m) for m in DateFinder().find(text)] == [True, True, False]


def test_thousands_of_dates_in_one_text_are_all_found_once():
    text = " ".join(f"ngày {k % 28 + 1}/{k % 12 + 1}" for k in range(3000))
    found = DateFinder().find(text)
    assert len(found) == 3000 and all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_an_ordinal_before_a_week_is_no_weekday():
    """"lần thứ hai tuần này" is the second time this week: the week, not Monday."""
    (m,) = DateFinder().find("Đây là lần thứ hai tuần này nhà máy phải dừng hoạt động.", ANCHOR)
    assert (m.text, m.precision) == ("tuần này", "week")


def test_a_weekday_of_a_week_counted_from_another_time_is_no_day():
    """"thứ ba tuần trước đó" is the week before a day named earlier, "tuần trước nữa" the week
    before last; and "thứ ba tuần trước" without a word of time before it is still no "ba tuần
    trước", three weeks ago (a review's cases)."""
    finder = DateFinder()
    for sentence in ("Hôm thứ ba tuần trước đó, đoàn đã rời thành phố.", "Hôm thứ hai tuần trước nữa, họ đã họp.",
                     "Hai bên đã họp thứ ba tuần trước."):
        found = finder.find(sentence, ANCHOR)
        assert [(m.text, m.precision) for m in found] == [("tuần trước", "week")], (sentence, found)


@pytest.mark.parametrize("text, told", [
    # the day a source reported on, right before its verb, is not the fact's day when the fact has one
    ("Hãng tin quốc tế ngày 30/5 cho biết cầu thủ bị bắt cóc vào khoảng 23 giờ ngày 28/5 trên đường cao tốc.",
     "23 giờ ngày 28/5"),
    ("Cảnh sát ngày 30/5 thông báo đã bắt giữ ba nghi phạm.", "ngày 30/5"),  # no other day: the report's
    ("Bộ Y tế ngày 12/3 cho biết đến năm 2030 sẽ có thêm 20 bệnh viện.", "ngày 12/3"),  # a year alone does not win
])
def test_the_day_a_source_reported_on_gives_way_to_the_facts_own_day(text, told):
    from tomtat.vi.time_context import best_mention
    mentions = DateFinder().find(text, ANCHOR)
    best = best_mention(text, mentions, fact_day_first=True)
    assert text[best.start:best.end] == told
    # the timeline keeps its first most precise date (a birth date beside a report day is no fact's day)
    plain = best_mention(text, mentions)
    assert text[plain.start:plain.end] == text[mentions[0].start:mentions[0].end]
