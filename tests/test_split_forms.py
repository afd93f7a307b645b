"""Sentence splitting for every form Vietnamese news throws at it; offsets always point into the text."""
import pytest

from tomtat.core.model import Article
from tomtat.summarize.split import SentenceSplitter


@pytest.fixture(scope="module")
def splitter():
    return SentenceSplitter.default()


CASES = {
    "city and district abbreviations": (
        "Ông Nam sống ở Q.1, TP.HCM. Bà Lan ở TP. Hồ Chí Minh cũng đến.",
        ["Ông Nam sống ở Q.1, TP.HCM.", "Bà Lan ở TP. Hồ Chí Minh cũng đến."]),
    "academic titles": (
        "PGS.TS. Trần Văn Bình và GS. Lê An phát biểu. ThS. Hà trình bày sau.",
        ["PGS.TS. Trần Văn Bình và GS. Lê An phát biểu.", "ThS. Hà trình bày sau."]),
    "team and English titles": (
        "Đội U.23 Việt Nam thắng. Mr. Smith và Dr. Jones đến xem. Họ ở lại 3 ngày.",
        ["Đội U.23 Việt Nam thắng.", "Mr. Smith và Dr. Jones đến xem.", "Họ ở lại 3 ngày."]),
    "numbers, percentages, dates": (
        "Ngày 1/6, giá là 12.000 đồng, tăng 5,66%. Doanh thu đạt 1.250,5 tỷ đồng. Hạn chót là 12.3.2023. Hết.",
        ["Ngày 1/6, giá là 12.000 đồng, tăng 5,66%.", "Doanh thu đạt 1.250,5 tỷ đồng.",
         "Hạn chót là 12.3.2023.", "Hết."]),
    "sentence ending in a number": (
        "Số ca mắc mới hôm nay là 125. Con số này giảm so với hôm qua.",
        ["Số ca mắc mới hôm nay là 125.", "Con số này giảm so với hôm qua."]),
    "curly quote closes the sentence": (
        "Ông nói: “Chúng tôi sẽ làm hết sức.” Sau đó ông rời đi.",
        ["Ông nói: “Chúng tôi sẽ làm hết sức.”", "Sau đó ông rời đi."]),
    "question in quotes then period": (
        "Bà hỏi: “Tại sao lại thế?”. Không ai trả lời.",
        ["Bà hỏi: “Tại sao lại thế?”.", "Không ai trả lời."]),
    "quoted question inside a sentence": (
        "Bà hỏi \"Ai đó?\" rồi im lặng. Tiếp theo là gì?",
        ["Bà hỏi \"Ai đó?\" rồi im lặng.", "Tiếp theo là gì?"]),
    "sentence opening with a quote": (
        "Trận đấu kết thúc. “Chúng tôi đã cố gắng”, HLV nói.",
        ["Trận đấu kết thúc.", "“Chúng tôi đã cố gắng”, HLV nói."]),
    "ellipsis characters and dots": (
        "Trời mưa… Mọi người về nhà. Chờ mãi... rồi cũng đến. Hết...",
        ["Trời mưa…", "Mọi người về nhà.", "Chờ mãi... rồi cũng đến.", "Hết..."]),
    "initial of a name": (
        "Ông Kim Jong-un và ông V. Putin gặp nhau. Cuộc gặp kéo dài.",
        ["Ông Kim Jong-un và ông V. Putin gặp nhau.", "Cuộc gặp kéo dài."]),
    "web address": (
        "Trang vnexpress.net đưa tin. Theo đó, giá tăng.",
        ["Trang vnexpress.net đưa tin.", "Theo đó, giá tăng."]),
    "sentences glued by a scraper": (
        "Giá vàng tăng mạnh!Nhà đầu tư lo ngại. Kinh tế chậm lại.Triều Tiên phản ứng.",
        ["Giá vàng tăng mạnh!", "Nhà đầu tư lo ngại.", "Kinh tế chậm lại.", "Triều Tiên phản ứng."]),
    "list lines": (
        "Có ba điểm chính:\n- Thứ nhất, tăng lương.\n- Thứ hai, giảm thuế.\n1. Mở rộng đối tượng.\n2. Rút ngắn thời gian.",
        ["Có ba điểm chính:", "- Thứ nhất, tăng lương.", "- Thứ hai, giảm thuế.", "1. Mở rộng đối tượng.",
         "2. Rút ngắn thời gian."]),
    "one-letter Vietnamese word ends a sentence": (
        "Đoàn khách vừa trở về từ nước Ý. Chủ tịch tỉnh phát biểu. Ông Đ. Hùng cũng dự.",
        ["Đoàn khách vừa trở về từ nước Ý.", "Chủ tịch tỉnh phát biểu.", "Ông Đ. Hùng cũng dự."]),
    "punctuation alone is not a sentence": (
        "Giao tranh ác liệt.\n.\nTheo hãng tin, giao tranh tiếp diễn.",
        ["Giao tranh ác liệt.", "Theo hãng tin, giao tranh tiếp diễn."]),
    "time of day": (
        "Lúc 9h30 sáng nay, đoàn đến nơi. Đến 10h mới xong.",
        ["Lúc 9h30 sáng nay, đoàn đến nơi.", "Đến 10h mới xong."]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_split_forms(splitter, name):
    text, expected = CASES[name]
    assert splitter.split_text(text) == expected


def test_headings_are_their_own_unit_and_marked(splitter):
    text = "Lương hưu tăng từ tháng 7\nMức lương hưu tăng 12,5%. Người hưởng sẽ nhận từ ngày 1/7.\nTiền thai sản\nMức trợ cấp không đổi."
    sentences = splitter.split(Article(id="a", text=text))
    assert [(s.kind, s.text) for s in sentences] == [
        ("heading", "Lương hưu tăng từ tháng 7"), ("body", "Mức lương hưu tăng 12,5%."),
        ("body", "Người hưởng sẽ nhận từ ngày 1/7."), ("heading", "Tiền thai sản"), ("body", "Mức trợ cấp không đổi.")]
    assert not sentences[0].selectable


def test_a_line_that_only_closes_a_bracket_or_quote_is_a_label(splitter):
    text = ("Ông Lê Văn An (Phó vụ trưởng Vụ Ngân sách, Bộ Tài chính)\nĐội chủ nhà: Tuấn, Nam (Hòa 66'), Bình\n"
            "“Không dừng, không nghỉ”\nÔng An cho biết ngân sách tăng 5% (so với năm ngoái).\n“Chúng tôi sẽ làm,” ông nói.\n"
            "Ông nói: “Chúng tôi sẽ làm.”")
    kinds = [(s.kind, s.text[:12]) for s in splitter.split(Article(id="a", text=text))]
    assert kinds == [("heading", "Ông Lê Văn A"), ("heading", "Đội chủ nhà:"), ("heading", "“Không dừng,"),
                     ("body", "Ông An cho b"), ("body", "“Chúng tôi s"), ("body", "Ông nói: “Ch")]


@pytest.mark.parametrize("name", sorted(CASES))
def test_offsets_rebuild_every_sentence(splitter, name):
    text = "  " + CASES[name][0].replace("\n", "\n\n") + "\n"
    sentences = splitter.split(Article(id="a", text=text))
    assert [s.index for s in sentences] == list(range(len(sentences)))
    last_end = 0
    for s in sentences:
        assert text[s.start:s.end].replace("\n", " ") == s.text
        assert s.start >= last_end
        last_end = s.end
    # No letter or digit is left outside the sentences (only whitespace and stray marks).
    outside = list(text)
    for s in sentences:
        outside[s.start:s.end] = [" "] * (s.end - s.start)
    assert not any(c.isalnum() for c in outside)
