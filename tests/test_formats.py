"""The CLI's text and Markdown renderers, with and without ``events`` (sentences grouped by date)."""
from __future__ import annotations

from tomtat.apps.commands.formats import paragraphs, render_markdown, render_text

SUMMARY = {
    "sentences": [
        {"text": "Cầu mới được khởi công ngày 3/2/2023.", "article_id": "a"},
        {"text": "Tháng 7/2024, cầu thông xe hai làn.", "article_id": "b"},
        {"text": "Cầu dài 1,2 km.", "article_id": "a"},
    ],
    "articles": [
        {"id": "a", "title": "Khởi công cầu mới", "source": "Báo Một", "url": "https://example.org/a",
         "published": "2023-02-03"},
        {"id": "b", "title": "Cầu mới thông xe", "source": None, "url": None, "published": None},
        {"id": "c", "title": "Bài không được dùng", "source": None, "url": None, "published": None},
    ],
}


def test_without_events_one_paragraph_with_marks_and_cited_sources_only():
    text = render_text(SUMMARY)
    body, sources = text.split("Sources:")
    assert body.strip() == ("Cầu mới được khởi công ngày 3/2/2023. [1] Tháng 7/2024, cầu thông xe hai làn. [2] "
                            "Cầu dài 1,2 km. [1]")
    assert "[1] Báo Một — Khởi công cầu mới — 2023-02-03 (https://example.org/a)" in sources
    assert "[2] Cầu mới thông xe" in sources and "[3]" not in sources


def test_events_become_paragraphs_opened_by_their_labels_and_no_sentence_is_lost():
    summary = {**SUMMARY, "events": [
        {"label": "tháng 2/2023", "date": "2023-02", "precision": "month", "sentences": [0]},
        {"label": "tháng 7/2024", "date": "2024-07", "precision": "month", "sentences": [1]},
    ]}
    assert paragraphs(summary) == [("tháng 2/2023", [0]), ("tháng 7/2024", [1]), (None, [2])]
    text = render_text(summary)
    assert text.startswith("tháng 2/2023: Cầu mới được khởi công ngày 3/2/2023. [1]\n\ntháng 7/2024: ")
    markdown = render_markdown(summary, headline="Cầu mới thông xe")
    assert markdown.startswith("# Cầu mới thông xe\n\n**tháng 2/2023:** Cầu mới")
    assert "Cầu dài 1,2 km. [1]" in markdown
    assert "- [1] [Khởi công cầu mới](https://example.org/a) — Báo Một, 2023-02-03" in markdown


def test_empty_events_fall_back_to_the_flat_paragraph():
    assert paragraphs({**SUMMARY, "events": []}) == [(None, [0, 1, 2])]


def test_the_abbreviations_come_after_the_summary_before_the_sources():
    summary = {"sentences": [{"text": "UBND tỉnh họp.", "article_id": "a"}], "articles": [{"id": "a", "title": "Tin"}],
               "abbreviations": [{"short": "UBND", "full": "Ủy ban nhân dân", "article_id": None}]}
    assert render_text(summary) == "UBND tỉnh họp. [1]\n\nViết tắt: UBND: Ủy ban nhân dân\n\nSources:\n[1] Tin\n"
    assert "*Viết tắt: UBND: Ủy ban nhân dân*\n\n## Sources" in render_markdown(summary)
    del summary["abbreviations"]
    assert "Viết tắt" not in render_text(summary)  # a summary saved before the field reads as before
