"""Hard input: a 5 MB article and a 60-article cluster (our own invented text).

How long they take is measured in benchmarks/abmusu.py, not asserted here.
"""
from __future__ import annotations

import pytest

import json

from conftest import run_cli
from hard_inputs import STORIES, long_article, many_articles

import tomtat
from tomtat.story.summarizer import Summarizer
from tomtat.vi.text import count_syllables


@pytest.mark.slow
def test_five_megabyte_article_is_summarized_within_its_budget():
    article = long_article(5.0)
    assert len(article["text"].encode("utf-8")) >= 5 * 2**20
    result = Summarizer(story=False).summarize([article])
    assert result.sentences
    length = sum(count_syllables(s.text) for s in result.sentences)
    assert length <= result.budget_syllables * 1.1 + 40
    text = article["text"]
    for s in result.sentences:  # provenance points at the very sentence, deep inside the article
        assert s.text in text


def test_sixty_article_cluster_covers_its_stories_once_each():
    articles = many_articles(60)
    result = tomtat.summarize(articles)
    assert len(result.articles) == 60
    # Outlets' copies are found, and only within a story (story = article number mod 10).
    assert result.duplicates
    for article, original, _ in result.duplicates:
        assert int(article[-2:]) % 10 == int(original[-2:]) % 10
    texts = [s.text for s in result.sentences]
    assert len(texts) == len(set(texts))
    places = {place for place, *_ in STORIES if any(place in t for t in texts)}
    assert len(places) >= 6, places
    # The event sentence of one story is never told twice (outlets differ only in numbers).
    for place, event, *_ in STORIES:
        assert sum(event in t for t in texts) <= 1


def test_sixty_article_cluster_on_the_command_line(tmp_path):
    for article in many_articles(60):
        (tmp_path / f"{article['id']}.json").write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")
    code, out, err = run_cli("summarize", str(tmp_path), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert len(data["articles"]) == 60 and data["sentences"]
