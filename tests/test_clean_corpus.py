"""Cleaning on real scraped input (../shared, read by path; skipped when absent)."""
import json

import pytest

import tomtat
from conftest import SHARED, need_abmusu
from tomtat.core.errors import Problems
from tomtat.ingest import read_inputs
from tomtat.ingest.readers import build_article, raw_from_mapping

SEED = SHARED / "examples" / "seed-cluster"


def seed_articles():
    if not SEED.exists():
        pytest.skip(f"seed cluster not found at {SEED} (../shared is absent)")
    return read_inputs([SEED], Problems())


def test_seed_junk_is_removed_with_reasons_and_text_is_kept():
    articles = {a.id[:3]: a for a in seed_articles()}
    raw = {p.name[:3]: p.read_text(encoding="utf-8") for p in SEED.iterdir()}
    reasons = {k: [r.reason for r in a.removed] for k, a in articles.items()}
    assert reasons["001"].count("related headlines") >= 8
    assert "widget text" in reasons["001"] and "byline" in reasons["001"]
    assert "photo caption" in reasons["000"]
    assert "source prefix" in reasons["003"]
    for key, article in articles.items():
        for r in article.removed:
            assert r.text not in article.text
        # Most of each article survives (001 loses its glued list, about half its size).
        assert len(article.text) > 0.4 * len(raw[key])
    assert "Đang cập nhật" not in articles["001"].text


def test_seed_summary_contains_no_removed_text():
    articles = seed_articles()
    result = tomtat.summarize([SEED], tomtat.Options(ratio=0.3))
    removed = [r.text for a in articles for r in a.removed if len(r.text) > 15]
    for sentence in result.sentences:
        for junk in removed:
            assert junk not in sentence.text and sentence.text not in junk
    assert [(a, b) for a, b, _ in result.duplicates] == [(articles[1].id, articles[0].id)]


def test_abmusu_cleaning_removes_little_and_never_a_whole_article():
    path = need_abmusu() / "validation.jsonl"
    raw_chars = removed_chars = 0
    for number, line in enumerate(path.open(encoding="utf-8"), start=1):
        for doc in json.loads(line)["single_documents"]:
            article = build_article(raw_from_mapping(doc, source=f"validation:{number}"), article_id="a")
            lost = sum(len(r.text) for r in article.removed)
            raw_chars += len(doc["raw_text"])
            removed_chars += lost
            assert article.text.strip(), f"validation:{number}: all text removed"
            assert lost < 0.25 * len(doc["raw_text"]), f"validation:{number}: {lost} chars removed"
    assert removed_chars < 0.02 * raw_chars
