"""A titled office holder dates a text: the year floor of an undated story (invented sentences)."""
import pytest

from tomtat.vi.office_terms import OfficeTerms
from tomtat.vi.time_context import past_year_floor

ROWS = (
    "Tổng thống | Donald Trump; Trump | 2017 | 2021",
    "Tổng thống | Donald Trump; Trump | 2025 |",
    "Tổng thống | Joe Biden; Biden | 2021 | 2025",
    "Chủ tịch; Chủ tịch nước | Tập Cận Bình | 2013 |",
    "Bộ trưởng Quốc phòng | Lloyd Austin; Austin | 2021 | 2025",
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
])
def test_a_titled_holder_puts_the_text_at_or_after_the_term(offices, text, year):
    assert offices.year_floor(text) == year


def test_the_shipped_list_reads_and_dates_past_year_floor():
    assert OfficeTerms.default().year_floor("Ngoại trưởng Mỹ Mike Pompeo tới Bình Nhưỡng.") == 2018
    # Beside the years a text writes, the latest evidence wins.
    assert past_year_floor("Năm 2015, hai nước ký hiệp định. Tổng thống Mỹ Joe Biden nói hôm qua.") == 2021
    assert past_year_floor("Năm 2023, Tổng thống Mỹ Joe Biden đã nói.") == 2023
    assert past_year_floor("Hai nước dự kiến ký hiệp định vào năm 2030.") is None


def test_a_malformed_row_is_named():
    with pytest.raises(ValueError, match="office_terms.txt.*Tổng thống"):
        OfficeTerms.from_rows(("Tổng thống | Joe Biden | hai nghìn |",))
