"""The coverage selector's concept model: its file, its features and when it is used."""
from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import numpy as np
import pytest

from conftest import ROOT, cluster_of, need_abmusu

from tomtat.core.errors import ModelError
from tomtat.core.options import Options
from tomtat.story.summarizer import Summarizer
from tomtat.summarize.concepts import CONCEPT_FEATURES, ConceptWeigher, concept_features
from tomtat.summarize.scorer import ScorerModel
from tomtat.summarize.select import CoverageSelector, make_selector, pool_candidates
from tomtat.vi.text import syllables

ARTICLES = [
    {"id": "a", "title": "Hà Nội mở tuyến buýt điện ra sân bay",
     "text": "Hà Nội vừa mở tuyến buýt điện nối trung tâm với sân bay Nội Bài, mỗi ngày 120 chuyến. "
             "Tuyến dài 35 km và dừng ở 14 điểm dọc đường Võ Nguyên Giáp. "
             "Hành khách khen xe sạch, điều hòa mát và tài xế lái êm."},
    {"id": "b", "title": "Buýt điện ra sân bay Nội Bài bắt đầu chạy",
     "text": "Sáng 3/6, tuyến buýt điện đầu tiên ra sân bay Nội Bài bắt đầu chạy với 120 chuyến mỗi ngày. "
             "Giá vé tuyến buýt điện này là 45.000 đồng một lượt, bằng xe buýt thường."},
    {"id": "c", "title": "Thêm tuyến buýt điện nối sân bay Nội Bài",
     "text": "Tuyến buýt điện nối sân bay Nội Bài với trung tâm Hà Nội đã chạy từ sáng 3/6. "
             "Một người bán nước ven đường nói quán đông khách hơn từ khi có bến mới."},
]


def _pool():
    summarizer = Summarizer(story=False)
    cluster = cluster_of(ARTICLES, summarizer)
    assert summarizer.ranker is not None
    scores = summarizer.ranker(cluster)
    candidates = pool_candidates(cluster, scores, 5, 60)
    concepts, columns = CoverageSelector._concepts(cluster, candidates)
    return cluster, scores, candidates, concepts, columns


def test_packaged_concept_model_is_the_default_and_weighs_every_concept():
    model = ScorerModel.load(resource="concept_scorer.json")
    assert set(model.features) <= set(CONCEPT_FEATURES) and model.trees
    selector = make_selector(Options(), None)
    assert isinstance(selector, CoverageSelector) and isinstance(selector.weigher, ConceptWeigher)
    cluster, scores, candidates, concepts, columns = _pool()
    x = concept_features(cluster, scores, candidates, concepts, columns)
    assert x.shape == (concepts.shape[1], len(CONCEPT_FEATURES)) and np.isfinite(x).all()
    weights = selector.weigher(cluster, scores, candidates, concepts, columns)
    assert weights.shape == (concepts.shape[1],) and (weights > 0).all() and weights.std() > 0


def test_a_bigram_every_outlet_leads_with_outweighs_a_one_off_detail():
    cluster, scores, candidates, concepts, columns = _pool()
    weights = ConceptWeigher.default()(cluster, scores, candidates, concepts, columns)
    names = cluster.vectors.feature_names()
    offset = len(cluster.vectors.vocabulary)
    weight = {names[offset + c]: w for c, w in zip(columns, weights)}
    assert weight["buýt điện"] > weight["người bán"]
    assert weight["nội bài"] > weight["điều hòa"]


def test_other_rankers_and_the_scores_option_weigh_by_scores():
    assert make_selector(Options(ranker="centroid"), None).weigher is None  # type: ignore[union-attr]
    assert make_selector(Options(coverage_weights="scores"), None).weigher is None  # type: ignore[union-attr]


def test_a_concept_model_with_unknown_features_is_refused():
    model = ScorerModel(("score_sum_t1", "no_such_feature"), 0.0, 0.1, (), {})
    with pytest.raises(ModelError, match="no_such_feature"):
        ConceptWeigher(model)


@pytest.mark.slow
def test_training_script_reproduces_the_committed_concept_model(tmp_path):
    need_abmusu()
    import sklearn

    committed = json.loads((ROOT / "src" / "tomtat" / "resources" / "concept_scorer.json").read_text(encoding="utf-8"))
    if committed["meta"]["scikit_learn"] != sklearn.__version__:
        pytest.skip(f"model trained with scikit-learn {committed['meta']['scikit_learn']}, here {sklearn.__version__}")
    out = tmp_path / "concept_scorer.json"
    proc = subprocess.run([sys.executable, str(ROOT / "training" / "train_concepts.py"), "--shared",
                           str(ROOT.parent / "shared"), "--out", str(out)], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(out.read_text(encoding="utf-8")) == committed


def test_concept_training_without_data_says_where_it_looked(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "training" / "train_concepts.py"), "--shared", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "train.jsonl not found" in proc.stderr


def test_a_summarizer_given_another_ranker_weighs_by_its_scores():
    from tomtat.summarize.rankers import CentroidPositionRanker

    summarizer = Summarizer(ranker=CentroidPositionRanker(), story=False)
    assert isinstance(summarizer.selector, CoverageSelector) and summarizer.selector.weigher is None
    assert isinstance(Summarizer(story=False).selector, CoverageSelector)
    assert Summarizer(story=False).selector.weigher is not None  # type: ignore[union-attr]


@pytest.mark.parametrize("dense_cells", [20_000_000, 0])  # the dense table, and the sorted pairs of a huge cluster
def test_bigram_spread_counts_articles_and_leaves_copies_out_of_the_outlets(monkeypatch, dense_cells):
    import importlib

    monkeypatch.setattr(importlib.import_module("tomtat.summarize.cluster"), "_DENSE_CELLS", dense_cells)
    cluster = cluster_of(ARTICLES)
    names = cluster.vectors.feature_names()[len(cluster.vectors.vocabulary):]
    # Pretend "c" is a copy of "a": it is still a report (reported_by) but not an outlet.
    spread = type(cluster.bigram_spread).of(dataclasses.replace(cluster, duplicate_of={"c": ("a", 0.9)}, memo={}))
    for column, bigram in enumerate(names):
        using = {s.article_id for s in cluster.sentences
                 if bigram in {f"{a} {b}" for a, b in zip(syllables(s.text), syllables(s.text)[1:])}}
        assert spread.reported_by[column] == len(using), bigram
        assert spread.articles_with[column] == len(using - {"c"}), bigram
    assert spread.outlets == 2 and spread.counted.tolist() == [0.0 if s.article_id == "c" else 1.0
                                                               for s in cluster.sentences]
