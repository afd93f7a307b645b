"""What the summary's abbreviations stand for (sentences invented for the tests)."""
from tomtat.core.model import Article
from tomtat.story.abbreviations import Glossary

ARTICLES = [
    Article(id="a0", text="Bộ Nông nghiệp và Phát triển nông thôn (NN&PTNT) khuyến cáo người tiêu dùng (NTD) "
                          "không mua hàng trôi nổi."),
    Article(id="a1", text="Công an tỉnh đảm bảo TTATGT (trật tự an toàn giao thông) dịp lễ theo Nghị quyết "
                          "04-NQ/TU."),
]


def _explained(*sentences, meanings=None):
    glossary = Glossary(meanings) if meanings is not None else Glossary()
    return {a.short: a for a in glossary.explain(list(sentences), ARTICLES)}


def test_the_sources_own_definition_with_its_article_and_span():
    notes = _explained("Bộ NN&PTNT yêu cầu các tỉnh kiểm tra.", "NTD được khuyến cáo cẩn trọng.",
                       "Lực lượng chức năng đảm bảo TTATGT.")
    assert notes["NN&PTNT"].full == "Nông nghiệp và Phát triển nông thôn"  # "và" stands for "&"
    assert notes["NTD"].full == "người tiêu dùng" and notes["TTATGT"].full == "trật tự an toàn giao thông"
    for note in notes.values():
        article = next(a for a in ARTICLES if a.id == note.article_id)
        assert article.text[note.start:note.end] == note.full


def test_the_common_list_when_the_sources_say_nothing_and_nothing_when_neither_does():
    notes = _explained("UBND tỉnh họp với ABCX về dự án.")
    assert notes["UBND"].full == "Ủy ban nhân dân" and notes["UBND"].article_id is None
    assert "ABCX" not in notes


def test_no_note_for_what_the_summary_spells_out_codes_or_numerals():
    notes = _explained("Người tiêu dùng (NTD) được khuyến cáo cẩn trọng.", "Nghị quyết 04-NQ/TU khóa XIII, biến thể BA.2.")
    assert notes == {}


def test_a_definition_spells_without_tone_marks_and_parts_joined_by_a_dash():
    articles = [Article(id="b0", text="Ủy ban Kiểm tra (UBKT) Tỉnh ủy và Bộ Lao động - Thương binh và Xã hội "
                                      "(LĐ-TB&XH) cùng họp.")]
    notes = {a.short: a for a in Glossary().explain(["UBKT Tỉnh ủy đề nghị Bộ LĐ-TB&XH phối hợp."], articles)}
    assert notes["UBKT"].full == "Ủy ban Kiểm tra" and notes["UBKT"].article_id == "b0"
    assert notes["LĐ-TB&XH"].full == "Lao động - Thương binh và Xã hội"
