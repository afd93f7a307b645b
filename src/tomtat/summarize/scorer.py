"""The learned sentence scorer: a small boosted-tree model over :mod:`tomtat.summarize.features`
(the same tree format carries the coverage selector's concept model, :mod:`tomtat.summarize.concepts`).

The model file (``resources/scorer.json``) is written by ``training/train_scorer.py`` from
AbMuSu train and the ViMs training part; it is plain JSON (feature names, trees as flat arrays) so the package needs no
pickle and no scikit-learn at run time, and predicting is a few numpy
lookups per feature (:class:`_PrefixForest`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from tomtat.summarize.cluster import Cluster
from tomtat.core.errors import ModelError
from tomtat.summarize.features import feature_matrix

MODEL_RESOURCE = "scorer.json"


@dataclass(frozen=True)
class Tree:
    feature: np.ndarray  # int, -1 at leaves
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    depth: int

    def predict(self, x: np.ndarray) -> np.ndarray:
        node = np.zeros(len(x), dtype=np.int64)
        rows = np.arange(len(x))
        for _ in range(self.depth):
            feature = self.feature[node]
            inner = feature >= 0
            go_left = x[rows, np.where(inner, feature, 0)] <= self.threshold[node]
            node = np.where(inner, np.where(go_left, self.left[node], self.right[node]), node)
        return self.value[node]


@dataclass(frozen=True)
class _Forest:
    """All trees in flat arrays, one numpy step per tree level for the whole forest instead of
    one per tree. Node ids are global (tree offset + node); a leaf points to itself on both
    sides, so a walk of ``depth`` steps ends on every row's leaf with no per-step test for
    leaves (about twice as fast as testing for leaves at every step)."""

    feature: np.ndarray  # per global node; 0 at leaves
    threshold: np.ndarray
    children: np.ndarray  # global ids: node 2k's left child at 2k, right at 2k + 1
    value: np.ndarray
    roots: np.ndarray  # global id of each tree's root
    depth: int

    @classmethod
    def stack(cls, trees: tuple[Tree, ...]) -> "_Forest":
        offsets = np.cumsum([0] + [len(t.feature) for t in trees])[:-1]
        feature, threshold, left, right, value = [], [], [], [], []
        for offset, tree in zip(offsets, trees):
            own = offset + np.arange(len(tree.feature))
            leaf = tree.feature < 0
            feature.append(np.where(leaf, 0, tree.feature))
            threshold.append(tree.threshold)
            left.append(np.where(leaf, own, offset + tree.left))
            right.append(np.where(leaf, own, offset + tree.right))
            value.append(tree.value)
        children = np.column_stack([np.concatenate(left), np.concatenate(right)]).ravel()
        return cls(np.concatenate(feature), np.concatenate(threshold), children, np.concatenate(value),
                   offsets.astype(np.int64), max(t.depth for t in trees))

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Sum over trees of each row's leaf value."""
        # Flat takes on 1-D arrays are ~2x faster than 2-D fancy indexing and np.where.
        flat = np.ascontiguousarray(x).ravel()
        row_start = (np.arange(len(x)) * x.shape[1])[None, :]
        node = np.repeat(self.roots[:, None], len(x), axis=1)
        for _ in range(self.depth):
            go_right = ~(flat.take(row_start + self.feature.take(node)) <= self.threshold.take(node))
            node = self.children.take(2 * node + go_right)
        return self.value.take(node).sum(axis=0)


def _tree_problem(tree: Tree, n_features: int) -> str:
    """What makes ``tree`` unusable, or "": every array as long as the node list, each test on a
    known feature with a finite threshold, each child after its parent and inside the tree."""
    size = len(tree.feature)
    if not size or any(len(a) != size for a in (tree.threshold, tree.left, tree.right, tree.value)):
        return "node arrays of different lengths"
    inner = np.flatnonzero(tree.feature >= 0)
    if (tree.feature[inner] >= n_features).any():
        return f"a test on feature {int(tree.feature[inner].max())}, past the model's {n_features}"
    if not np.isfinite(tree.threshold[inner]).all():
        return "a threshold that is not a number"
    for children in (tree.left[inner], tree.right[inner]):
        if ((children <= inner) | (children >= size)).any():
            return "a child that is not a later node of the tree"
    return ""


_LOWEST_BIT = np.array([(v & -v).bit_length() - 1 if v else 0 for v in range(256)], dtype=np.int64)


@dataclass(frozen=True)
class _PrefixForest:
    """The forest for trees of at most 8 leaves (the trained models' depth 3), about 2-3x faster
    than walking it (QuickScorer's idea, Lucchese et al. 2015, in numpy). Number each tree's
    leaves left to right: a row's leaf is the leftmost one that no failed test rules out, and a
    failed test rules out its left subtree's leaves. A row fails exactly the tests on a feature
    whose threshold is below its value, so with each feature's tests sorted by threshold the
    failed ones are a prefix, and the AND of their masks per tree is stored per distinct
    threshold: a row costs one ``searchsorted`` and one table row per feature. Bit-identical to
    the walk (the same leaf values, summed in the same order). The shipped scorer's tables take
    ~1.3 MB, and 1.5 MB of leaf values."""

    thresholds: tuple[np.ndarray | None, ...]  # per model feature: its tests' distinct thresholds, sorted
    alive: tuple[np.ndarray | None, ...]  # per feature: (thresholds + 1) x trees, uint8 leaf masks
    value: np.ndarray  # (trees x 256): the value of the leaf each surviving mask exits at
    trees: int

    @classmethod
    def stack(cls, trees: tuple[Tree, ...], n_features: int) -> "_PrefixForest | None":
        """None when some tree has more than 8 leaves."""
        tests: list[tuple[int, float, int, int]] = []  # (feature, threshold, tree, mask if failed)
        value = np.zeros((len(trees), 256))
        for k, tree in enumerate(trees):
            leaves: list[int] = []
            stack: list[tuple[int, bool]] = [(0, False)]
            left_span: dict[int, int] = {}  # test node -> first leaf of its left subtree
            steps = 0
            while stack:  # in-order walk: leaves left to right
                steps += 1
                if steps > 2 * len(tree.feature):
                    return None  # not a tree (a node is its own descendant): the walk copes
                node, left_done = stack.pop()
                if tree.feature[node] < 0:
                    leaves.append(node)
                elif not left_done:
                    left_span[node] = len(leaves)
                    stack += [(node, True), (int(tree.left[node]), False)]
                else:
                    first = left_span[node]
                    mask = 255 ^ ((1 << len(leaves)) - (1 << first))
                    tests.append((int(tree.feature[node]), float(tree.threshold[node]), k, mask))
                    stack.append((int(tree.right[node]), False))
            if len(leaves) > 8:
                return None
            value[k] = tree.value[np.asarray(leaves)[np.minimum(_LOWEST_BIT, len(leaves) - 1)]]
        thresholds: list[np.ndarray | None] = []
        alive: list[np.ndarray | None] = []
        for f in range(n_features):
            own = sorted((t, k, mask) for feature, t, k, mask in tests if feature == f)
            if not own:
                thresholds.append(None)
                alive.append(None)
                continue
            table = np.full((len(own) + 1, len(trees)), 255, dtype=np.uint8)
            table[np.arange(1, len(own) + 1), [k for _, k, _ in own]] = [mask for _, _, mask in own]
            table = np.bitwise_and.accumulate(table, axis=0)
            # Tests sharing a threshold are failed together: keep the row after the last of them
            # (a value never falls between equal thresholds).
            distinct, last = np.unique(np.array([t for t, _, _ in own])[::-1], return_index=True)
            keep = len(own) - last  # row after the last test of each distinct threshold
            thresholds.append(distinct)
            alive.append(np.ascontiguousarray(table[np.concatenate([[0], keep])]))
        return cls(tuple(thresholds), tuple(alive), value.ravel(), len(trees))

    def predict(self, x: np.ndarray) -> np.ndarray:
        alive = np.full((len(x), self.trees), 255, dtype=np.uint8)
        for f, (thresholds, table) in enumerate(zip(self.thresholds, self.alive)):
            if thresholds is not None and table is not None:
                # Failed tests: threshold below the value (x <= t passes; NaN fails them all).
                alive &= table.take(np.searchsorted(thresholds, x[:, f], side="left"), axis=0)
        leaf = alive.T.astype(np.int64, order="C")
        leaf += (np.arange(self.trees) * 256)[:, None]
        return self.value.take(leaf).sum(axis=0)  # trees x rows summed over trees, as the walk


@dataclass(frozen=True)
class ScorerModel:
    features: tuple[str, ...]
    init: float
    learning_rate: float
    trees: tuple[Tree, ...]
    meta: dict[str, Any]

    def predict(self, x: np.ndarray) -> np.ndarray:
        # Split thresholds were learned on float32 features (scikit-learn's trees); compare alike.
        x = np.asarray(x, dtype=np.float32).astype(np.float64)
        if not len(x) or not self.trees:
            return np.full(len(x), self.init)
        return self.init + self.learning_rate * self._forest.predict(x)

    def __post_init__(self) -> None:
        # The forest's tables are built with the model (~25 ms for the shipped scorer), not by
        # the first prediction: a service worker's first request does not pay for them.
        if self.trees:
            self._forest  # noqa: B018 (builds the cached property)

    @cached_property
    def _forest(self) -> "_PrefixForest | _Forest":
        return _PrefixForest.stack(self.trees, len(self.features)) or _Forest.stack(self.trees)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str = "model") -> "ScorerModel":
        try:
            trees = tuple(
                Tree(np.asarray(t["feature"], dtype=np.int64), np.asarray(t["threshold"], dtype=np.float64),
                     np.asarray(t["left"], dtype=np.int64), np.asarray(t["right"], dtype=np.int64),
                     np.asarray(t["value"], dtype=np.float64), int(t["depth"]))
                for t in data["trees"])
            features = tuple(data["features"])
            for k, tree in enumerate(trees):
                problem = _tree_problem(tree, len(features))
                if problem:
                    raise ModelError(f"{source}: tree {k}: {problem}")
            return cls(features, float(data["init"]), float(data["learning_rate"]), trees, dict(data.get("meta", {})))
        except (KeyError, TypeError, ValueError) as error:
            raise ModelError(f"{source}: not a tomtat scorer model ({error})") from None

    def to_dict(self) -> dict[str, Any]:
        return {"features": list(self.features), "init": self.init, "learning_rate": self.learning_rate,
                "meta": self.meta,
                "trees": [{"depth": t.depth, "feature": t.feature.tolist(),
                           "threshold": [round(float(v), 6) for v in t.threshold], "left": t.left.tolist(),
                           "right": t.right.tolist(), "value": [round(float(v), 6) for v in t.value]}
                          for t in self.trees]}

    @classmethod
    def load(cls, path: str | Path | None = None, *, resource: str = MODEL_RESOURCE) -> "ScorerModel":
        """The packaged model (``resource``), or one from ``path`` (e.g. a freshly trained one)."""
        if path is None:
            text = resources.files("tomtat").joinpath("resources").joinpath(resource).read_text(encoding="utf-8")
            return cls.from_dict(json.loads(text), source=resource)
        try:
            return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")), source=str(path))
        except (OSError, json.JSONDecodeError) as error:
            raise ModelError(f"{path}: cannot read the scorer model ({error})") from None


@dataclass(frozen=True)
class LearnedRanker:
    """Scores sentences with the trained model: its estimate of how much of each sentence the
    human summaries keep (see ``training/train_scorer.py``)."""

    model: ScorerModel

    @classmethod
    def default(cls) -> "LearnedRanker":
        return cls(ScorerModel.load())

    def __call__(self, cluster: Cluster) -> np.ndarray:
        if not cluster.sentences:
            return np.zeros(0)
        # Log of the predicted probability: the selector rescales scores to [0, 1], and on the
        # log scale the few likely sentences do not flatten the rest (val R2 0.344 -> 0.359).
        return np.log(np.clip(self.model.predict(feature_matrix(cluster, self.model.features)), 1e-3, None))
