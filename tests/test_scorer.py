"""The learned scorer: its model file, its features, and the ranker built on them."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from conftest import ROOT, cluster_of, need_abmusu

from tomtat.core.errors import ModelError
from tomtat.summarize.features import FEATURE_NAMES, compute_features, feature_matrix
from tomtat.summarize.rankers import get_ranker
from tomtat.summarize.scorer import LearnedRanker, ScorerModel, Tree, _Forest, _PrefixForest

ARTICLES = [
    {"id": "a", "title": "Hà Nội mở tuyến buýt điện mới",
     "text": "Hà Nội vừa mở tuyến buýt điện nối trung tâm với sân bay Nội Bài. "
             "Tuyến dài 35 km, mỗi ngày có 120 chuyến. Tuy nhiên, giá vé chưa được công bố. "
             "Ông Trần Văn Nam, giám đốc công ty vận tải, nói: \"Chúng tôi sẽ tăng chuyến vào giờ cao điểm.\""},
    {"id": "b", "title": "Buýt điện ra sân bay Nội Bài",
     "text": "Sáng 3/6, tuyến buýt điện đầu tiên ra sân bay Nội Bài bắt đầu chạy. "
             "Mỗi ngày tuyến có 120 chuyến, xe chạy từ 5 giờ sáng. Hành khách khen xe sạch và êm."},
]


def _cluster():
    return cluster_of(ARTICLES)


def test_every_feature_is_finite_and_one_per_sentence():
    cluster = _cluster()
    values = compute_features(cluster)
    assert set(values) == set(FEATURE_NAMES)
    for name, column in values.items():
        assert column.shape == (len(cluster.sentences),), name
        assert np.isfinite(column).all(), name
    x = feature_matrix(cluster)
    assert x.shape == (len(cluster.sentences), len(FEATURE_NAMES))
    opener = x[:, FEATURE_NAMES.index("opener")]
    starts = [s.text.startswith("Tuy nhiên") for s in cluster.sentences]
    assert list(opener.astype(bool)) == starts
    quote = x[:, FEATURE_NAMES.index("quote")]
    assert quote.any()


def test_a_hand_made_tree_predicts_by_its_splits():
    # One split on feature 1 at 0.5: left leaf 1.0, right leaf 3.0; init 0.5, learning rate 0.1.
    tree = Tree(np.array([1, -1, -1]), np.array([0.5, 0, 0]), np.array([1, -1, -1]), np.array([2, -1, -1]),
                np.array([0.0, 1.0, 3.0]), depth=1)
    model = ScorerModel(("a", "b"), 0.5, 0.1, (tree,), {})
    assert model.predict(np.array([[9.0, 0.2], [9.0, 0.7]])).tolist() == pytest.approx([0.6, 0.8])
    again = ScorerModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again.predict(np.array([[0.0, 0.2], [0.0, 0.9]])).tolist() == pytest.approx([0.6, 0.8])


def _random_tree(rng, depth, n_features, thresholds):
    """A random binary tree, not full: some branches stop early (as trained trees do)."""
    feature, threshold, left, right, value = [], [], [], [], []

    def grow(level):
        node = len(feature)
        feature.append(-1), threshold.append(0.0), left.append(-1), right.append(-1), value.append(rng.normal())
        if level < depth and (level == 0 or rng.random() < 0.8):
            feature[node] = int(rng.integers(n_features))
            threshold[node] = float(rng.choice(thresholds))
            left[node] = grow(level + 1)
            right[node] = grow(level + 1)
        return node

    grow(0)
    return Tree(np.array(feature), np.array(threshold), np.array(left), np.array(right), np.array(value), depth)


@pytest.mark.parametrize("depth", [1, 3, 4])
def test_the_prefix_tables_give_the_walks_sums_bit_for_bit(depth):
    rng = np.random.default_rng(depth)
    thresholds = np.round(rng.random(12), 2)  # shared thresholds: ties between tests and with values
    trees = tuple(_random_tree(rng, depth, 4, thresholds) for _ in range(60))
    x = rng.random((200, 4)).round(2)
    x[::7, 1] = np.nan  # a missing value fails every test, as in the walk
    x[::5, 2] = thresholds[rng.integers(12, size=len(x[::5]))]  # on a threshold: passes
    walk = _Forest.stack(trees).predict(x)
    fast = _PrefixForest.stack(trees, 4)
    if depth > 3:  # more than 8 leaves: the tables do not apply, the walk serves
        assert fast is None and type(ScorerModel(("a", "b", "c", "d"), 0.0, 1.0, trees, {})._forest) is _Forest
    else:
        assert fast is not None and np.array_equal(fast.predict(x), walk)


def _chain(depth, right, thresholds):
    """A tree of ``depth`` tests leaning one way (depth + 1 leaves): the table path up to 7."""
    feature, threshold, left, right_, value = [], [], [], [], []
    for level in range(depth):
        node = len(feature)
        feature.append(level % 3), threshold.append(float(thresholds[level % len(thresholds)]))
        left.append(-1), right_.append(-1), value.append(0.0)
        leaf = node + 1
        feature.append(-1), threshold.append(0.0), left.append(-1), right_.append(-1), value.append(float(level + 1))
        nxt = node + 2
        left[node], right_[node] = (leaf, nxt) if right else (nxt, leaf)
    feature.append(-1), threshold.append(0.0), left.append(-1), right_.append(-1), value.append(-1.0)
    return Tree(np.array(feature), np.array(threshold), np.array(left), np.array(right_), np.array(value), depth)


def test_the_prefix_tables_agree_on_odd_trees_and_values():
    """A root that is a leaf, chains of seven tests leaning either way, infinities and -0.0."""
    leaf = Tree(np.array([-1]), np.array([0.0]), np.array([-1]), np.array([-1]), np.array([0.25]), 0)
    thresholds = [0.0, -0.0, 0.5, -np.inf, np.inf, 0.5, 1.0]
    trees = (leaf, _chain(7, True, thresholds), _chain(7, False, thresholds[::-1]), _chain(3, True, [0.5]))
    values = np.array([0.0, -0.0, 0.5, 0.49, 0.51, 1.0, np.inf, -np.inf, np.nan, 2.0])
    x = np.array(np.meshgrid(values, values, values)).reshape(3, -1).T
    fast = _PrefixForest.stack(trees, 3)
    assert fast is not None and np.array_equal(fast.predict(x), _Forest.stack(trees).predict(x))


@pytest.mark.parametrize("change, message", [
    (lambda t: t["feature"].__setitem__(0, 9), "feature 9"),
    (lambda t: t["threshold"].__setitem__(0, float("nan")), "not a number"),
    (lambda t: t["left"].__setitem__(0, 0), "later node"),
])
def test_a_model_file_with_a_broken_tree_is_refused(tmp_path, change, message):
    tree = {"depth": 1, "feature": [1, -1, -1], "threshold": [0.5, 0.0, 0.0], "left": [1, -1, -1],
            "right": [2, -1, -1], "value": [0.0, 1.0, 3.0]}
    change(tree)
    path = tmp_path / "scorer.json"
    path.write_text(json.dumps({"features": ["a", "b"], "init": 0.0, "learning_rate": 1.0, "trees": [tree]}),
                    encoding="utf-8")
    with pytest.raises(ModelError, match=f"tree 0: .*{message}"):
        ScorerModel.load(path)


def test_packaged_model_loads_and_is_the_default_ranker():
    model = ScorerModel.load()
    assert set(model.features) <= set(FEATURE_NAMES)
    assert model.trees and model.meta.get("seed") is not None
    ranker = get_ranker("default")
    assert isinstance(ranker, LearnedRanker)
    scores = ranker(_cluster())
    assert np.isfinite(scores).all() and scores.std() > 0


def test_a_bad_model_file_is_named(tmp_path):
    path = tmp_path / "scorer.json"
    path.write_text('{"features": ["centroid"]}', encoding="utf-8")
    with pytest.raises(ModelError, match="scorer.json"):
        ScorerModel.load(path)
    with pytest.raises(ModelError, match="cannot read"):
        ScorerModel.load(tmp_path / "missing.json")


@pytest.mark.slow
def test_training_script_reproduces_the_committed_model(tmp_path):
    need_abmusu()
    import sklearn

    committed = json.loads((ROOT / "src" / "tomtat" / "resources" / "scorer.json").read_text(encoding="utf-8"))
    if committed["meta"]["scikit_learn"] != sklearn.__version__:
        pytest.skip(f"model trained with scikit-learn {committed['meta']['scikit_learn']}, here {sklearn.__version__}")
    out = tmp_path / "scorer.json"
    proc = subprocess.run([sys.executable, str(ROOT / "training" / "train_scorer.py"), "--shared", str(ROOT.parent / "shared"),
                           "--out", str(out)], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(out.read_text(encoding="utf-8")) == committed


def test_training_script_without_data_says_where_it_looked(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "training" / "train_scorer.py"), "--shared", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "train.jsonl not found" in proc.stderr
