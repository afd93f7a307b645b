"""A titled office holder dates a text: the year floor of an undated story (invented sentences)."""
import pytest

from tomtat.vi.office_terms import OfficeTerms
from tomtat.vi.time_context import label_year_floor, past_year_floor

ROWS = (
    "Tổng thống | Donald Trump; Trump | 2017 | 2021",
    "Tổng thống | Donald Trump; Trump | 2025 |",
    "Tổng thống | Joe Biden; Biden | 2021 | 2025",
    "Chủ tịch; Chủ tịch nước | Tập Cận Bình | 2013 |",
    "Bộ trưởng Quốc phòng | Lloyd Austin; Austin | 2021 | 2025",
    "Chủ tịch nước; Chủ tịch | Nguyễn Văn Bình | 2018 | 2021",
    "Thủ tướng | Justin Trudeau; Trudeau | 2015 | 2025",
    "Tổng thư ký NATO; Tổng thư ký | Jens Stoltenberg; Stoltenberg | 2014 | 2024",
)


@pytest.fixture(scope="module")
def offices():
    return OfficeTerms.from_rows(ROWS)


@pytest.mark.parametrize("text, year", [
    ("Tổng thống Mỹ Joe Biden phát biểu tại buổi họp báo.", 2021),
    ("Tổng thống Biden và Tổng thống Trump đều có mặt.", 2021),  # the latest start of the two
    ("Bộ trưởng Quốc phòng Mỹ Lloyd Austin đến Hà Nội.", 2021),
    ("Hôm qua, Chủ tịch nước Tập Cận Bình tiếp đoàn.", 2013),
    ("Chủ tịch Tập Cận Bình tiếp đoàn.", 2013),
    ("Phát biểu của cựu Tổng thống Trump gây tranh cãi.", 2021),  # former: after his first term
    ("Thủ tướng Biden phát biểu.", None),  # not an office the list gives him
    ("Phó Tổng thống Joe Biden thăm Kiev.", None),  # a deputy's office
    ("Cựu ứng cử viên Tổng thống Joe Biden nói.", None),  # a candidate, not yet the holder
    ("Ông Trump và ông Biden gặp nhau.", None),  # no title: a businessman may be named so
    ("Tổng thống đắc cử Joe Biden nói.", None),  # elect: before the term
    ("Trợ lý Bộ trưởng Quốc phòng Austin nói.", 2021),
    ("Tổng thống Bidenko nhậm chức.", None),  # the name must end there
    ("Tân Tổng thống Mỹ Joe Biden sẽ nhậm chức ngày 20/1.", None),  # before the inauguration
    ("Quyền Bộ trưởng Quốc phòng Lloyd Austin ký.", None),  # acting, often the year before
    ("Thủ tướng Canada Pierre Trudeau qua đời.", None),  # a short name after a given name: another man
    ("Thủ tướng Canada Justin Trudeau phát biểu.", 2015),
    ("Thủ tướng Canada Trudeau phát biểu.", 2015),
    ("Chủ tịch QH Nguyễn Văn Bình phát biểu.", None),  # another body's head
    ("Chủ tịch UBND tỉnh Nguyễn Văn Bình.", None),
    ("Tổng thư ký NATO Jens Stoltenberg nói.", 2014),  # the body in the title
    ("Giữ nguyên Bộ trưởng Quốc phòng Lloyd Austin.", 2021),  # "giữ nguyên" is not "nguyên" (former)
    ("Nguyên Chủ tịch nước Nguyễn Văn Bình về thăm quê.", 2021),
    ("Văn phòng Tổng thống\nBiden và các cố vấn họp.", None),  # a line break between is not a title
])
def test_a_titled_holder_puts_the_text_at_or_after_the_term(offices, text, year):
    assert offices.year_floor(text) == year


def test_the_shipped_list_reads_and_bounds_a_label_only():
    assert OfficeTerms.default().year_floor("Ngoại trưởng Mỹ Mike Pompeo tới Bình Nhưỡng.") == 2018
    text = "Năm 2015, hai nước ký hiệp định. Tổng thống Mỹ Joe Biden nói hôm qua."
    assert past_year_floor(text) == 2015  # the years written: what gives a day its year
    assert label_year_floor(past_year_floor(text), [text]) == 2021  # a label's floor: the latest evidence
    assert label_year_floor(2023, ["Năm 2023, Tổng thống Mỹ Joe Biden đã nói."]) == 2023
    assert label_year_floor(None, ["Ông Trump nói.", "Tổng thống Mỹ Joe Biden đã nói."]) == 2021
    assert label_year_floor(None, ["Hai nước dự kiến ký hiệp định vào năm 2030."]) is None


def test_a_malformed_row_is_named():
    with pytest.raises(ValueError, match="office_terms.txt.*Tổng thống"):
        OfficeTerms.from_rows(("Tổng thống | Joe Biden | hai nghìn |",))
