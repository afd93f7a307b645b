"""Scraped junk is removed, with a reason; article text that looks like junk is kept."""
import pytest

from tomtat.ingest.clean import clean_article

BODY = [
    "Sáng 14/3, UBND tỉnh Hà Lam đã khánh thành cầu Sông Lam Mới với tổng vốn đầu tư 1.250 tỷ đồng.",
    "Cây cầu dài 1,8 km nối huyện Tân Lộc với thành phố Hà Lam, rút ngắn quãng đường khoảng 25 km.",
    "Chủ tịch UBND tỉnh Trần Văn Khải đề nghị hoàn thiện đường dẫn hai đầu cầu trước ngày 30/6.",
]
# Other stories' headlines and teasers that a scraper glued after the article.
RELATED = [
    "Giá vàng miếng tăng mạnh phiên cuối tuần",
    "Giá vàng trong nước sáng nay tăng thêm 300.000 đồng mỗi lượng theo đà thế giới.",
    "Đội tuyển bóng chuyền nữ giành vé vào bán kết châu Á",
    "Các cô gái đã thắng đối thủ 3-1 sau hơn hai giờ thi đấu căng thẳng tại nhà thi đấu.",
    "Mưa lớn gây ngập nhiều tuyến phố ở miền Trung",
    "Lượng mưa đo được trong đêm qua vượt 200 mm ở nhiều trạm quan trắc ven biển.",
]


def clean(lines, title=""):
    return clean_article("\n".join(lines), title=title)


def reasons(removed):
    return {r.text: r.reason for r in removed}


def test_byline_and_related_list_after_the_article_are_removed():
    text, removed = clean(BODY + ["Minh Thu (lược dịch)"] + RELATED + ["Đang cập nhật dữ liệu !"])
    assert text == "\n".join(BODY)
    got = reasons(removed)
    assert got["Minh Thu (lược dịch)"] == "byline"
    assert got["Đang cập nhật dữ liệu !"] == "widget text"
    assert all(got[line] == "related headlines" for line in RELATED)


@pytest.mark.parametrize("caption", [
    "Toàn cảnh cầu Sông Lam Mới nhìn từ trên cao. Ảnh: Hà Lam",
    "Lễ cắt băng khánh thành sáng 14/3. Ảnh: N.H",
    "Người dân đi bộ trên cầu trong ngày đầu thông xe (Ảnh: Thanh Hà).",
    "Đoàn xe đầu tiên qua cầu. ẢNH: HOÀNG LONG",
    "Ảnh: Báo Hà Lam",
    "Lãnh đạo tỉnh cắt băng tại lễ khánh thành ngày 14/3. YONHAP/ TTXVN |",
])
def test_photo_captions_are_removed(caption):
    text, removed = clean([BODY[0], caption, BODY[1], BODY[2]])
    assert text == "\n".join(BODY)
    assert reasons(removed)[caption] == "photo caption"


@pytest.mark.parametrize("credit", [
    "Lan Anh", "V.Dũng", "T.H", "Thực hiện : Lê Nam", "Tin, ảnh: Mạc Hoa", "Theo Reuters", "Theo: Bloomberg",
    "Minh Hà/Báo Hà Lam", "PHẠM AN ghi", "Thanh Hương (tổng hợp)",
])
def test_closing_credit_lines_are_removed(credit):
    text, removed = clean(BODY + [credit])
    assert text == "\n".join(BODY)
    assert reasons(removed) == {credit: "byline"}


def test_two_credit_lines_at_the_end_are_both_removed():
    text, removed = clean(BODY + ["Bắc Hà", "Theo Reuters"])
    assert text == "\n".join(BODY)
    assert set(reasons(removed)) == {"Bắc Hà", "Theo Reuters"}


@pytest.mark.parametrize("prefix", ["(Tổ Quốc) - ", "(Báo Hà Lam) – ", "VOV.VN - ", "HÀ LAM - "])
def test_source_prefix_is_removed(prefix):
    text, removed = clean([prefix + BODY[0], BODY[1]])
    assert text == "\n".join(BODY[:2])
    assert reasons(removed) == {prefix.strip(): "source prefix"}


@pytest.mark.parametrize("widget", [
    "Đang cập nhật dữ liệu !", "Xem thêm: Giá vàng hôm nay", "Tin liên quan", "Chia sẻ", "(Nguồn: Giaca.com)",
    "_____________", "Mời độc giả xem thêm video:", "Lên đầu trang",
])
def test_widget_lines_are_removed(widget):
    text, removed = clean([BODY[0], widget, BODY[1]])
    assert text == "\n".join(BODY[:2])
    assert reasons(removed) == {widget: "widget text"}


def test_inline_photo_note_is_removed_but_the_sentence_stays():
    text, removed = clean(["Người dân vui mừng khi cầu thông xe (ảnh minh họa) vào sáng nay.", BODY[1]])
    assert text.startswith("Người dân vui mừng khi cầu thông xe vào sáng nay.")
    assert reasons(removed) == {"(ảnh minh họa)": "photo note"}


# ---- the other direction: real article text that looks like junk is kept ----

def test_subheadings_followed_by_paragraphs_are_kept():
    lines = [
        "Người lao động tham gia bảo hiểm xã hội được hưởng nhiều chế độ theo Luật Bảo hiểm xã hội.",
        "Lương hưu",
        "Mức lương hưu hằng tháng được tính theo số năm đóng bảo hiểm của người lao động.",
        "Tiền ốm đau",
        "Người lao động nghỉ ốm được hưởng 75% mức lương đóng bảo hiểm của tháng liền kề.",
        "Tiền thai sản",
        "Lao động nữ sinh con được trợ cấp một lần bằng hai lần mức lương cơ sở.",
        "Trợ cấp tuất",
        "Thân nhân được nhận trợ cấp tuất hằng tháng bằng một nửa mức lương cơ sở.",
    ]
    text, removed = clean(lines)
    assert text == "\n".join(lines) and removed == ()


def test_name_line_inside_the_article_is_kept():
    lines = [BODY[0], "Nguyễn Văn An", "Anh An là kỹ sư trẻ nhất của công trường, phụ trách phần móng cầu.", BODY[1]]
    text, removed = clean(lines)
    assert text == "\n".join(lines) and removed == ()


@pytest.mark.parametrize("sentence", [
    "Bức ảnh chụp cây cầu lúc hoàng hôn được chia sẻ hàng nghìn lần trên mạng xã hội.",
    "Theo ông Khải, hình ảnh cây cầu đã trở thành biểu tượng mới của tỉnh.",
    "Chia sẻ với phóng viên, anh Tuấn cho biết gia đình anh đã chờ cây cầu này hơn mười năm.",
    "Nguồn vốn của dự án đến từ ngân sách trung ương và ngân sách tỉnh, theo Sở Tài chính.",
    "Mỹ - Trung Quốc đều cử đại diện tới dự lễ khánh thành cùng nhiều tổ chức quốc tế khác.",
    "Trần Hải - Mai Linh là cặp vận động viên khiêu vũ đã biểu diễn trong đêm khánh thành.",
])
def test_sentences_mentioning_photos_or_sharing_are_kept(sentence):
    text, removed = clean([sentence, BODY[1], BODY[2]])
    assert text.split("\n")[0] == sentence and removed == ()


def test_a_closing_sentence_or_question_is_not_a_byline():
    for last in ["Xin cảm ơn ông!", "Người dân hai bờ nói gì?", "Phong độ của đội chủ nhà:"]:
        text, removed = clean(BODY + [last])
        assert text.endswith(last) and removed == ()


def test_a_short_unrelated_section_run_without_byline_is_kept():
    # Sections on other matters, but only two of them and no byline before: kept (cutting
    # article text is worse than keeping a teaser).
    lines = BODY + RELATED[:4]
    text, removed = clean(lines)
    assert text == "\n".join(lines) and removed == ()


def test_a_long_unrelated_list_without_byline_is_removed():
    text, removed = clean(BODY + RELATED + ["Lúa mùa được mùa lớn ở đồng bằng", "Nông dân các tỉnh phía nam thu hoạch sớm, năng suất đạt bảy tấn một héc-ta."])
    assert text == "\n".join(BODY)
    assert set(reasons(removed).values()) == {"related headlines"}


def test_related_lines_that_continue_the_story_are_kept():
    # Short headline-like lines followed by paragraphs on the same story: sections, not teasers.
    lines = BODY + [
        "Cầu Sông Lam Mới có làn riêng cho xe máy",
        "Cầu Sông Lam Mới có làn riêng cho xe máy và người đi bộ ở hai bên thành cầu.",
        "Đường dẫn hai đầu cầu Sông Lam Mới hoàn thiện trước 30/6",
        "Chủ tịch UBND tỉnh Trần Văn Khải yêu cầu đường dẫn hai đầu cầu hoàn thiện trước 30/6.",
    ]
    text, removed = clean(lines)
    assert text == "\n".join(lines) and removed == ()


def test_a_paragraph_with_a_photo_credit_keeps_its_sentences():
    paragraph = ("Váy lụa màu kem là lựa chọn được nhiều người yêu thích trong mùa thu. Thiết kế dáng suông "
                 "giúp người mặc thoải mái khi đi làm.")
    text, removed = clean([BODY[0], paragraph + " Ảnh: Hà Linh.", BODY[1]])
    assert text == "\n".join([BODY[0], paragraph, BODY[1]])
    assert reasons(removed) == {"Ảnh: Hà Linh.": "photo credit"}


def test_a_one_sentence_caption_with_an_initial_is_removed_whole():
    caption = "Lực lượng cứu hộ tìm kiếm ông D. mất tích tại cầu Sông Lam. Ảnh: N.H"
    text, removed = clean([BODY[0], caption, BODY[1]])
    assert text == "\n".join(BODY[:2]) and reasons(removed) == {caption: "photo caption"}
