"""Reading articles: formats, encodings, and bad input that is named, never a traceback."""
import codecs
import json

import pytest

import tomtat
from conftest import run_cli
from tomtat.core.errors import DecodeError, EmptyInputError, InputError, Problems
from tomtat.ingest import read_inputs
from tomtat.ingest.decode import decode_bytes

TITLE = "Hà Lam khánh thành cầu Sông Lam Mới"
BODY = ("Sáng 14/3, UBND tỉnh Hà Lam đã khánh thành cầu Sông Lam Mới với tổng vốn đầu tư 1.250 tỷ đồng. "
        "Cây cầu dài 1,8 km nối huyện Tân Lộc với thành phố Hà Lam, rút ngắn quãng đường khoảng 25 km.\n"
        "Chủ tịch UBND tỉnh Trần Văn Khải đề nghị hoàn thiện đường dẫn hai đầu cầu trước ngày 30/6. "
        "Người dân hai bờ sông đã chờ đợi cây cầu này suốt nhiều năm qua.")
OTHER = ("Ngày 2/5, tỉnh Hà Lam khởi công tuyến đường ven biển dài 42 km đi qua ba huyện phía đông. "
         "Dự án có tổng vốn hơn 3.100 tỷ đồng, dự kiến hoàn thành trong năm 2027.")


def cp1258(text):
    """Encode like Windows does: precomposed letters where the code page has them, else base + tone mark."""
    import unicodedata
    out = b""
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            tone = next(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", decomposed.replace(tone, ""))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return out


def read(*paths, strict=False):
    problems = Problems(strict=strict)
    return read_inputs(list(paths), problems), problems


def warned(problems):
    return "\n".join(str(w) for w in problems.warnings)


# ---- formats ----

def test_txt_first_short_line_without_final_punctuation_is_the_title(tmp_path):
    (tmp_path / "a.txt").write_text(f"{TITLE}\n{BODY}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")  # first line is a sentence: no title
    a, b = read(tmp_path)[0]
    assert a.title == TITLE and a.text == BODY
    assert b.title == "" and b.text == BODY


def test_a_publication_date_that_cannot_be_read_is_named_and_the_article_kept(tmp_path):
    lines = [{"id": "cau", "title": TITLE, "text": BODY, "published": "13/13/2016 10:00"},
             {"id": "duong", "title": "Khởi công đường ven biển", "text": OTHER, "published": "2026-05-02"}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    articles, problems = read(tmp_path / "a.jsonl")
    assert [a.id for a in articles] == ["cau", "duong"]
    assert len(problems.warnings) == 1
    assert "field 'published': (article cau) '13/13/2016 10:00' is no date" in warned(problems)
    with pytest.raises(InputError, match="published"):  # --strict: any bad input is fatal
        read(tmp_path / "a.jsonl", strict=True)


def test_json_fields_are_read(tmp_path):
    item = {"title": TITLE, "raw_text": BODY, "anchor_text": "Cầu mới rút ngắn đường đi 25 km.",
            "published": "2023-03-14", "source": "Báo Hà Lam", "url": "https://example.org/cau"}
    (tmp_path / "a.json").write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
    [article], problems = read(tmp_path / "a.json")
    assert (article.title, article.published, article.source, article.url) == \
        (TITLE, "2023-03-14", "Báo Hà Lam", "https://example.org/cau")
    assert article.lead == "Cầu mới rút ngắn đường đi 25 km." and article.text.endswith(BODY.split("\n")[1])
    assert not problems.warnings


def test_old_tone_marks_and_decomposed_text_are_normalized_at_the_door():
    import unicodedata
    text = unicodedata.normalize("NFD", "Hoà bình và thuỷ lợi là hai vấn đề quý giá được bàn tại hội nghị hôm nay.")
    [article], _ = read({"title": "Thuỷ điện", "text": text})
    assert article.text == "Hòa bình và thủy lợi là hai vấn đề quý giá được bàn tại hội nghị hôm nay."
    assert article.title == "Thủy điện"


def test_html_main_text_is_extracted_without_nav_and_footer(tmp_path):
    paragraphs = [BODY.split("\n")[0], BODY.split("\n")[1],
                  "Theo thiết kế, cầu có bốn làn xe cơ giới và hai làn riêng cho xe máy, người đi bộ ở hai bên.",
                  "Ban quản lý dự án cho biết công trình hoàn thành sớm hơn kế hoạch hai tháng nhờ thời tiết thuận lợi."]
    html = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{TITLE} - Báo Hà Lam</title></head>
<body>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li><li><a href="/the-thao">Thể thao</a></li>
<li><a href="/kinh-te">Kinh tế</a></li></ul></nav>
<article><h1>{TITLE}</h1>
{''.join(f'<p>{p}</p>' for p in paragraphs)}
</article>
<aside><h3>Đọc nhiều</h3><ul><li><a href="/x">Giá vàng hôm nay tăng mạnh</a></li><li><a href="/y">Thời tiết cuối tuần</a></li></ul></aside>
<footer><p>© 2023 Báo Hà Lam. Giấy phép số 123/GP-BTTTT. Liên hệ quảng cáo: 0123 456 789.</p></footer>
</body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    [article], problems = read(tmp_path / "page.html")
    for p in paragraphs:
        assert p in article.text
    for junk in ("Trang chủ", "Thể thao", "Giấy phép", "Giá vàng hôm nay"):
        assert junk not in article.text
    assert TITLE in article.title


SAPO = "Cây cầu 1.250 tỷ đồng nối huyện Tân Lộc với thành phố Hà Lam, rút ngắn quãng đường 25 km cho người dân."
PARAGRAPHS = [BODY.split("\n")[0], BODY.split("\n")[1],
              "Theo thiết kế, cầu có bốn làn xe cơ giới và hai làn riêng cho xe máy, người đi bộ ở hai bên."]


def news_page(description: str | None) -> str:
    meta = f'<meta name="description" content="{description}">' if description is not None else ""
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{TITLE}</title>{meta}</head>
<body><nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a></nav>
<article><h1>{TITLE}</h1><h2 class="sapo">{SAPO}</h2>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</article>
<footer><p>© 2023 Báo Hà Lam. Giấy phép số 123/GP-BTTTT.</p></footer></body></html>"""


def test_a_page_whose_description_is_its_first_paragraph_gives_that_paragraph_as_the_sapo(tmp_path):
    """The sapo is read as the lead, as a corpus's sapo field is."""
    (tmp_path / "page.html").write_text(news_page(SAPO), encoding="utf-8")
    [article], _ = read(tmp_path / "page.html")
    assert article.lead == SAPO and article.text.startswith(SAPO) and article.text.count(SAPO) == 1
    from tomtat.summarize.split import SentenceSplitter
    kinds = [(s.kind, s.text) for s in SentenceSplitter.default().split(article)]
    assert kinds[0] == ("lead", SAPO) and all(kind == "body" for kind, _ in kinds[1:])


@pytest.mark.parametrize("description", [None, TITLE, "Báo Hà Lam: tin tức thời sự, kinh tế, thể thao mới nhất mỗi ngày.",
                                         SAPO[:70] + "..."])
def test_a_page_whose_description_is_not_one_of_its_paragraphs_has_no_sapo(tmp_path, description):
    """No description, the headline again, a site-wide blurb, or a paragraph cut short (a site
    without sapos often describes a page by its first paragraph, cut): nothing is taken for the sapo."""
    (tmp_path / "page.html").write_text(news_page(description), encoding="utf-8")
    [article], _ = read(tmp_path / "page.html")
    assert article.lead == "" and SAPO in article.text and PARAGRAPHS[0] in article.text


def write_txt(tmp_path, name="bai.txt", paragraphs=(SAPO, *PARAGRAPHS)):
    (tmp_path / name).write_text(TITLE + "\n" + "\n".join(paragraphs) + "\n", encoding="utf-8")
    return tmp_path / name


def test_first_paragraph_as_lead_marks_the_first_paragraph_and_keeps_the_text(tmp_path):
    from tomtat.ingest import first_paragraph_as_lead
    from tomtat.summarize.split import SentenceSplitter

    [article], _ = read(write_txt(tmp_path))
    assert article.lead == ""
    marked = first_paragraph_as_lead(article)
    assert marked.lead == SAPO and marked.text == article.text
    kinds = [(s.kind, s.text) for s in SentenceSplitter.default().split(marked)]
    assert kinds[0] == ("lead", SAPO) and all(kind == "body" for kind, _ in kinds[1:])


def test_first_paragraph_as_lead_leaves_a_given_sapo_and_a_lone_paragraph_alone(tmp_path):
    from tomtat.ingest import first_paragraph_as_lead

    (tmp_path / "page.html").write_text(news_page(SAPO), encoding="utf-8")
    [page], _ = read(tmp_path / "page.html")
    assert first_paragraph_as_lead(page) == page  # its sapo came from the page
    [lone], _ = read(write_txt(tmp_path, "lone.txt", paragraphs=(PARAGRAPHS[0],)))
    assert first_paragraph_as_lead(lone) == lone  # nothing would be left after it


def test_cli_first_paragraph_sapo_flag_reads_the_first_paragraph_as_the_sapo(tmp_path):
    path = write_txt(tmp_path)
    code, out, err = run_cli("summarize", str(path), "--json", "--first-paragraph-sapo", "--sentences", "2")
    assert code == 0, err
    assert json.loads(out)["articles"][0]["lead"] == SAPO
    code, out, err = run_cli("summarize", str(path), "--json", "--sentences", "2")
    assert code == 0, err
    assert json.loads(out)["articles"][0]["lead"] == ""


def test_html_without_article_text_is_named(tmp_path):
    (tmp_path / "empty.html").write_text("<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>")
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    articles, problems = read(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert "empty.html" in warned(problems)


# ---- encodings ----

def test_windows_1258_file_is_decoded(tmp_path):
    # Windows-1258 writes tones as combining marks: encode the decomposed text the way Windows would.
    data = cp1258(f"{TITLE}\n{BODY}")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    (tmp_path / "cu.txt").write_bytes(data)
    [article], problems = read(tmp_path / "cu.txt")
    assert article.title == TITLE and article.text == BODY
    assert "Windows-1258" in warned(problems) and "cu.txt" in warned(problems)


def test_utf16_and_utf8_bom_files_are_decoded(tmp_path):
    (tmp_path / "u16.txt").write_bytes(codecs.BOM_UTF16_LE + f"{TITLE}\n{BODY}".encode("utf-16-le"))
    (tmp_path / "u8.txt").write_bytes(codecs.BOM_UTF8 + f"{TITLE}\n{BODY}".encode())
    articles, problems = read(tmp_path)
    assert [(a.title, a.text) for a in articles] == [(TITLE, BODY)] * 2
    assert not problems.warnings


def test_undecodable_bytes_are_rejected_by_name():
    data = "Ceci n'est pas du vietnamien, c'est écrit en Latin-1 à la française.".encode("latin-1") * 3
    with pytest.raises(DecodeError, match="not UTF-8") as info:
        decode_bytes(data, source="latin.txt")
    assert "latin.txt" in str(info.value)


# ---- bad input through the API ----

def test_binary_file_is_named_and_others_are_kept(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    articles, problems = read(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert "photo.txt" in warned(problems) and "binary" in warned(problems)
    with pytest.raises(InputError, match="photo.txt"):
        read(tmp_path, strict=True)


def test_jsonl_bad_line_is_named_and_other_lines_are_kept(tmp_path):
    lines = [json.dumps({"title": "Cầu mới", "text": BODY}, ensure_ascii=False), "{\"title\": \"hỏng\", \"text\": ",
             json.dumps({"title": "Đường ven biển", "text": OTHER}, ensure_ascii=False),
             json.dumps({"title": "Không có nội dung"}, ensure_ascii=False)]
    (tmp_path / "cum.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems = read(tmp_path / "cum.jsonl")
    assert [a.title for a in articles] == ["Cầu mới", "Đường ven biển"]
    text = warned(problems)
    assert "cum.jsonl:2" in text and "invalid JSON" in text
    assert "cum.jsonl:4" in text and "text" in text


@pytest.mark.parametrize("field,value", [("title", ["một", "hai"]), ("text", 42), ("published", {"y": 2023}),
                                         ("url", True)])
def test_wrong_field_type_names_the_field(tmp_path, field, value):
    item = {"title": TITLE, "text": BODY, field: value}
    (tmp_path / "bad.json").write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(EmptyInputError) as info:
        read(tmp_path / "bad.json")
    message = str(info.value)
    assert "bad.json" in message and field in message and "must be a string" in message


def test_api_mapping_with_wrong_type_names_the_field():
    with pytest.raises(InputError, match="text"):
        tomtat.summarize([{"title": TITLE, "text": ["không", "phải", "chuỗi"]}], tomtat.Options(strict=True))


def test_cluster_of_one_article_is_summarized():
    result = tomtat.summarize({"title": TITLE, "text": BODY}, tomtat.Options(sentences=2))
    assert len(result.sentences) == 2 and result.duplicates == ()
    for s in result.sentences:
        assert BODY[s.start:s.end].replace("\n", " ") == s.text


def test_duplicates_are_listed_in_the_result():
    copy = {"id": "ban-sao", "title": TITLE, "text": BODY.replace("Sáng 14/3", "Sáng thứ Ba 14/3")}
    result = tomtat.summarize([{"id": "goc", "title": TITLE, "text": BODY}, copy,
                               {"id": "khac", "title": "Đường ven biển", "text": OTHER}])
    assert [(a, b) for a, b, _ in result.duplicates] == [("ban-sao", "goc")]
    assert {a.id: a.duplicate_of for a in result.articles} == {"goc": None, "ban-sao": "goc", "khac": None}


# ---- bad input through the CLI: a message naming the file, never a traceback ----

def cli_fails(*args):
    code, out, err = run_cli("summarize", *args)
    assert code != 0 and "Traceback" not in err, err
    return err


def test_cli_nonexistent_path():
    assert "/no/such/bai.txt" in cli_fails("/no/such/bai.txt")


def test_cli_empty_folder_and_empty_file(tmp_path):
    assert str(tmp_path) in cli_fails(str(tmp_path))
    (tmp_path / "trong.txt").write_text("   \n\n")
    err = cli_fails(str(tmp_path / "trong.txt"))
    assert "trong.txt" in err and "empty" in err


def test_cli_binary_and_malformed_json_are_named(tmp_path):
    (tmp_path / "anh.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "hong.json").write_text("{\"title\": \"Cầu\", \"text\": \"thiếu ngoặc\"", encoding="utf-8")
    err = cli_fails(str(tmp_path))
    assert "anh.txt" in err and "hong.json" in err and "invalid JSON" in err


def test_cli_good_beside_bad_warns_and_strict_fails(tmp_path):
    (tmp_path / "a.txt").write_text(f"{TITLE}\n{BODY}", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": OTHER}, ensure_ascii=False) + "\nnot json\n", encoding="utf-8")
    code, out, err = run_cli("summarize", str(tmp_path), "--json")
    assert code == 0, err
    assert "b.jsonl:2" in err and "warning" in err
    assert {a["id"] for a in json.loads(out)["articles"]} == {"a", "b"}
    err = cli_fails(str(tmp_path), "--strict")
    assert "b.jsonl:2" in err


def test_cli_windows_1258_file(tmp_path):
    (tmp_path / "cu.txt").write_bytes(cp1258(f"{TITLE}\n{BODY}"))
    code, out, err = run_cli("summarize", str(tmp_path / "cu.txt"), "--json", "--with-text")
    assert code == 0, err
    assert json.loads(out)["articles"][0]["text"] == BODY and "Windows-1258" in err


def test_cli_wrong_field_type(tmp_path):
    (tmp_path / "sai.json").write_text(json.dumps({"title": 5.5, "text": BODY}), encoding="utf-8")
    err = cli_fails(str(tmp_path / "sai.json"))
    assert "sai.json" in err and "title" in err
