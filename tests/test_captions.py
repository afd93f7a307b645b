"""A photo caption is never an article's title, whichever way the article comes in."""
from __future__ import annotations

import pytest

from tomtat.ingest.captions import is_photo_caption
from tomtat.ingest.readers import RawArticle, build_article, split_title

BODY = ("Sáng 2/9, hàng nghìn người dân đã đến quảng trường để xem lễ diễu hành.\n"
        "Ban tổ chức cho biết buổi lễ kéo dài hai giờ và kết thúc lúc 10 giờ.")


@pytest.mark.parametrize("line", [
    "Ông Lê An (phải) trao bằng khen cho đại diện nhà trường tại Huế ngày 4/3. XINHUA/ TTXVN |",
    "Chủ tịch tỉnh (giữa) cắt băng khánh thành cây cầu mới",
    "Các đại biểu dự hội thảo (thứ hai từ trái) tại Cần Thơ",
    "Người dân xếp hàng mua vé tàu. Ảnh: Ngọc Lan",
    "Đoàn xe cứu trợ lên đường (Ảnh: TTXVN)",
    "Bộ trưởng hai nước hội đàm tại thủ đô ngày 12/5. AFP",
    "Lực lượng cứu hộ làm việc tại hiện trường. REUTERS/TTXVN",
])
def test_captions_are_recognised(line):
    assert is_photo_caption(line)


@pytest.mark.parametrize("line", [
    "Hà Nội mở thêm ba tuyến xe buýt điện",
    "Vì sao giá vàng tăng mạnh trong tuần qua?",
    "Bộ trưởng trả lời phỏng vấn Reuters",
    "Mưa lớn ở miền Trung, AFP đưa tin",
    "Bên trái là núi, bên phải là biển",
])
def test_headlines_are_not_captions(line):
    assert not is_photo_caption(line)


def test_text_file_title_skips_a_leading_caption():
    caption = "Ông Lê An (phải) trao bằng khen tại Huế ngày 4/3. XINHUA/ TTXVN |"
    title, body = split_title(f"{caption}\nLễ tuyên dương học sinh giỏi ở Huế\n{BODY}")
    assert title == "Lễ tuyên dương học sinh giỏi ở Huế"
    assert caption in body  # kept for cleaning, which records its removal
    title, body = split_title(f"{caption}\n{BODY}")
    assert title == "" and body.startswith(caption)


def test_a_caption_given_as_title_is_dropped_and_recorded():
    caption = "Người dân xếp hàng mua vé tàu. Ảnh: Ngọc Lan"
    article = build_article(RawArticle(text=BODY, title=caption), article_id="a")
    assert article.title == ""
    assert caption not in article.text
    assert any(r.text == caption and "caption" in r.reason for r in article.removed)
    kept = build_article(RawArticle(text=BODY, title="Lễ diễu hành mừng Quốc khánh"), article_id="b")
    assert kept.title == "Lễ diễu hành mừng Quốc khánh"


def test_cli_json_title_is_not_the_caption(tmp_path):
    from conftest import run_cli
    import json

    (tmp_path / "bai.txt").write_text("Chủ tịch tỉnh (giữa) cắt băng khánh thành cây cầu mới. Ảnh: Minh Hà\n" + BODY)
    code, out, err = run_cli("summarize", str(tmp_path), "--json")
    assert code == 0, err
    assert json.loads(out)["articles"][0]["title"] == ""
