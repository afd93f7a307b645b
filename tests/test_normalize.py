import unicodedata

import pytest

from tomtat.vi.normalize import _OLD_STYLE_NFD, _move_tone, fix_tone_placement, normalize_text


@pytest.mark.parametrize("old,new", [
    ("hoà", "hòa"), ("Hoà bình", "Hòa bình"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("tuỳ", "tùy"),
    ("Thuỵ", "Thụy"), ("HOÀ", "HÒA"), ("xoá", "xóa"),
])
def test_old_tone_placement_becomes_modern(old, new):
    assert fix_tone_placement(old) == new


@pytest.mark.parametrize("word", ["quý", "quỳ", "hoàng", "khuỳnh", "hoặc", "ngoặc", "hoằng", "ngoài", "khuỷu", "quà"])
def test_words_already_right_are_untouched(word):
    assert fix_tone_placement(word) == word


def test_nfc_and_mojibake_and_whitespace():
    decomposed = unicodedata.normalize("NFD", "Việt Nam")
    mojibake = "Viá»‡t Nam".encode().decode("utf-8")  # UTF-8 read as cp1252
    out = normalize_text(f"{decomposed}\u00a0\u00a0 và\u200b  {mojibake}\n\n\n\nhết")
    assert out == "Việt Nam và Việt Nam\n\nhết"
    assert unicodedata.is_normalized("NFC", out)


def test_curly_quotes_are_kept():
    assert normalize_text("“tất cả cơ hội”") == "“tất cả cơ hội”"


def test_stray_bullet_mark_opening_a_line_is_dropped():
    assert normalize_text("Tình hình chiến sự\n. Theo hãng tin, giao tranh tiếp diễn.\n...") == \
        "Tình hình chiến sự\nTheo hãng tin, giao tranh tiếp diễn.\n..."


def test_tone_placement_moves_only_inside_the_words_it_touches():
    # Several old-style words in one text, next to words that stay, punctuation and digits.
    text = "Hoà bình, khoẻ mạnh; thuỷ điện Hoàng Quý (hoà2) và HOÀ-THUỶ."
    assert fix_tone_placement(text) == "Hòa bình, khỏe mạnh; thủy điện Hoàng Quý (hoà2) và HÒA-THỦY."


def test_an_ampersand_is_unescaped_only_as_an_html_entity():
    assert normalize_text("Chi phí R&D và M&A tăng.") == "Chi phí R&D và M&A tăng."
    assert normalize_text("Chi phí R&amp;D tăng, &#273;ạt 5 tỷ.") == "Chi phí R&D tăng, đạt 5 tỷ."


def test_tone_placement_word_by_word_agrees_with_the_whole_text_pass_at_odd_edges():
    # A sign that decomposes to a mark ("≠" is "=" + U+0338) or a combining mark glued to a
    # word changes what the NFD pass sees; the word-by-word pass must see the same.
    for text in ("≠thuỷ", "∉thuỷ", "hoà\u1dca", "khoẻ\ufe27", "x ≠hoà thuỷ."):
        decomposed = unicodedata.normalize("NFD", text)
        whole = unicodedata.normalize("NFC", _OLD_STYLE_NFD.sub(_move_tone, decomposed))
        assert fix_tone_placement(text) == whole, text
    many = "hoà thuỷ khoẻ " * 300  # past the word-by-word limit: one pass, the same result
    assert fix_tone_placement(many) == "hòa thủy khỏe " * 300
