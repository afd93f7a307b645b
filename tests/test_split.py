from tomtat.core.model import Article
from tomtat.summarize.split import SentenceSplitter


def split(text):
    return SentenceSplitter.default().split_text(text)


def test_abbreviations_and_numbers_do_not_split():
    text = ("Tại TP.HCM, GS.TS. Nguyễn Văn An nói giá tăng 5,66% lên 12.000 đồng. "
            "Đội U.23 thắng ở Q.1 ngày 1/6. Mr. Smith cũng đến.")
    assert split(text) == [
        "Tại TP.HCM, GS.TS. Nguyễn Văn An nói giá tăng 5,66% lên 12.000 đồng.",
        "Đội U.23 thắng ở Q.1 ngày 1/6.",
        "Mr. Smith cũng đến.",
    ]


def test_a_plate_number_written_with_a_space_after_its_dot_goes_on():
    assert split("Xe taxi BKS: 29A – 504. 82 dừng giữa cầu. Ô tô biển số 51F-373. 98 chạy tiếp. "
                 "Xe BKS 29A. 50482 quay đầu. Năm 2015. 82 người đến.") == [
        "Xe taxi BKS: 29A – 504. 82 dừng giữa cầu.", "Ô tô biển số 51F-373. 98 chạy tiếp.",
        "Xe BKS 29A. 50482 quay đầu.", "Năm 2015.", "82 người đến."]


def test_quotes_ellipses_and_glued_sentences():
    text = "\"Chúng tôi sẽ làm.\" Ông nói vậy... và đi. Hết rồi... Sau đó là kinh tế.Triều Tiên phụ thuộc."
    assert split(text) == ["\"Chúng tôi sẽ làm.\"", "Ông nói vậy... và đi.", "Hết rồi...",
                           "Sau đó là kinh tế.", "Triều Tiên phụ thuộc."]


def test_headings_and_run_on_lines():
    text = "Tiêu đề ngắn\nHãng KCNA thông báo sáng 24/4 rằng, Chủ tịch\nKim Jong-un đã tới Nga. Xong!"
    sentences = SentenceSplitter.default().split(Article(id="a", text=text))
    assert [s.kind for s in sentences] == ["heading", "body", "body"]
    assert sentences[1].text == "Hãng KCNA thông báo sáng 24/4 rằng, Chủ tịch Kim Jong-un đã tới Nga."


def test_offsets_point_into_the_text():
    text = "Câu một ở đây.  Câu hai ở đây!\n\nĐoạn hai, câu ba?"
    sentences = SentenceSplitter.default().split(Article(id="a", text=text))
    assert len(sentences) == 3
    for s in sentences:
        assert text[s.start:s.end].replace("\n", " ") == s.text
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_a_heading_ending_in_a_run_on_word_is_not_glued_to_the_capitalized_line_after_it():
    text = ("Bản đồ nhiệt trong hiệp một\nĐội chủ nhà tập trung bóng bổng vào cánh trái.\n"
            "HẾT HIỆP MỘT\nPhổ điểm môn tiếng Anh\nĐiểm trung bình môn này tăng nhẹ.\n"
            "Đoàn đã gặp ông\nNguyễn Văn Bình tại trụ sở ủy ban.")
    sentences = SentenceSplitter.default().split(Article(id="a", text=text))
    assert [(s.kind, s.text) for s in sentences] == [
        ("heading", "Bản đồ nhiệt trong hiệp một"), ("body", "Đội chủ nhà tập trung bóng bổng vào cánh trái."),
        ("heading", "HẾT HIỆP MỘT"), ("heading", "Phổ điểm môn tiếng Anh"),
        ("body", "Điểm trung bình môn này tăng nhẹ."), ("body", "Đoàn đã gặp ông Nguyễn Văn Bình tại trụ sở ủy ban.")]


def test_the_token_before_a_dot_is_read_back_to_the_last_space():
    from tomtat.summarize.split import _token_start
    block = "Theo TS.\u00a0Nguyễn và GS. A. ông\tX. “TP. HCM."
    for k, ch in enumerate(block):
        if ch == ".":
            start = _token_start(block, k)
            assert not any(c.isspace() for c in block[start:k + 1])
            assert start == 0 or block[start - 1].isspace()


def test_initials_before_the_bracket_that_says_who_it_is_go_on():
    assert split("Người dân phát hiện bà T.T.T.T. (38 tuổi, quê Vĩnh Long) nằm bất tỉnh. "
                 "Ông N.D.H. (SN 1975) bị phạt 7,5 triệu đồng. Anh gia nhập M.U. Sau đó anh ra sân.") == [
        "Người dân phát hiện bà T.T.T.T. (38 tuổi, quê Vĩnh Long) nằm bất tỉnh.",
        "Ông N.D.H. (SN 1975) bị phạt 7,5 triệu đồng.", "Anh gia nhập M.U.", "Sau đó anh ra sân."]


def test_a_bracketed_sentence_after_initials_is_a_sentence_of_its_own():
    assert split("Kẻ gây án là N.V.A. (Trước đó, hắn từng bị bắt.) Cơ quan điều tra đã vào cuộc. "
                 "Bà N.T.Á. (ngụ quận 5) bị thương nhẹ.") == [
        "Kẻ gây án là N.V.A.", "(Trước đó, hắn từng bị bắt.)", "Cơ quan điều tra đã vào cuộc.",
        "Bà N.T.Á. (ngụ quận 5) bị thương nhẹ."]
