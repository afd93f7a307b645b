"""Selectors choose sentences under a syllable budget, never two that say the same thing."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from scipy import sparse

from tomtat.core.options import DEFAULTS, Options
from tomtat.summarize.cluster import Cluster
from tomtat.summarize.concepts import ConceptWeigher
from tomtat.summarize.order import predecessor
from tomtat.vi.time_context import anchored_articles
from tomtat.vi.openers import Openers
from tomtat.vi.text import counted_things, exact_figures, inner_capitals

def readability_constraints(cluster: Cluster, candidates: np.ndarray,
                            openers: Openers) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each candidate sentence: ``allowed`` (not one no summary takes,
    :attr:`Cluster.never_chosen`: cut mid-way, inside a quotation an earlier sentence opened, a
    line its article repeats as a template, a reporter's question to the person interviewed;
    and not leaning on a sentence that does not exist), ``waiting`` (it leans on its
    predecessor, so it may be taken only once ``before`` -- the predecessor's cluster index,
    else -1 -- is chosen).
    Falls back to allowing more when nothing would be left."""
    texts = [cluster.sentences[int(c)].text for c in candidates]
    allowed = ~cluster.never_chosen[candidates]
    if not allowed.any():
        allowed[:] = True
    anchored = anchored_articles(cluster.articles)  # "Hôm qua," reads only against a publication date
    needs = np.array([openers.needs_predecessor(t, anchored=anchored[cluster.sentences[int(c)].article_id])
                      for c, t in zip(candidates, texts)], dtype=bool)
    before = np.array([predecessor(cluster, int(c)) if n else -1 for c, n in zip(candidates, needs)], dtype=np.int64)
    orphan = needs & (before < 0)  # nothing before it in its article: never
    if (allowed & ~orphan).any():
        allowed &= ~orphan
    waiting = needs & (before >= 0)
    if not (allowed & ~waiting).any():
        waiting[:] = False  # only such sentences left: better them than nothing
    return allowed, waiting, before


def pool_candidates(cluster: Cluster, scores: np.ndarray, min_syllables: int, pool: int) -> np.ndarray:
    """The ``pool`` best-scored selectable sentences (cluster indexes), best first; only those
    of at least ``min_syllables`` while there are any. Ties are broken by position (stable)."""
    lengths = cluster.lengths
    selectable = np.array([s.selectable for s in cluster.sentences], dtype=bool)
    eligible = selectable & (lengths >= min_syllables)
    if not eligible.any():
        eligible = selectable & (lengths > 0)
    candidates = np.flatnonzero(eligible)
    return candidates[np.argsort(-scores[candidates], kind="stable")[:pool]]


def start_constraints(cluster: Cluster, candidates: np.ndarray,
                      openers: Openers | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``open_``, ``waiting`` and ``before`` for a selection over ``candidates`` (see
    :func:`readability_constraints`); with no openers every candidate is open."""
    open_ = np.ones(len(candidates), dtype=bool)
    if openers is None:
        return open_, np.zeros(len(candidates), dtype=bool), np.full(len(candidates), -1, dtype=np.int64)
    allowed, waiting, before = readability_constraints(cluster, candidates, openers)
    return open_ & allowed, waiting, before


def fitting(open_: np.ndarray, lengths: np.ndarray, used: float, budget: int, limit: float, *, closest: bool,
            first: bool, max_sentences: int | None) -> np.ndarray:
    """Which candidates may be added now: with a sentence count, every open one; else those
    that fit in ``limit`` (or, with ``closest``, bring the total closer to the budget), and for
    the first sentence, when none fits, the best single one rather than nothing."""
    if max_sentences is not None:
        return open_.copy()
    fits = used + lengths <= limit
    if closest:
        fits |= np.abs(used + lengths - budget) < abs(budget - used)
    if first and not (fits & open_).any():
        return open_.copy()
    return fits


def bigram_presence(cluster: Cluster, candidates: np.ndarray):
    """candidates x features, 1.0 where the sentence has the syllable bigram (all features
    when the cluster has no bigram at all)."""
    if cluster.vectors.bigram_mask().any():
        return cluster.bigram_spread.present[candidates]
    present = cluster.vectors.matrix[candidates].copy()
    present.data[:] = 1.0
    return present


_DENSE_CELLS = 1_000_000  # pool x bigram cells up to which containment is computed densely (8 MB)


def containment_matrix(present: sparse.csr_matrix) -> np.ndarray:
    """containment[i, j]: the share of sentence i's syllable bigrams found in sentence j, from
    ``present`` (:func:`bigram_presence` of the candidates, or any of its column subsets that
    keeps every bigram they use). Cosine misses a short sentence told again inside a long
    one; this does not."""
    if present.shape[0] * present.shape[1] <= _DENSE_CELLS:  # a pool's rows: BLAS beats a sparse product
        dense = present.toarray()
        shared, size = dense @ dense.T, dense.sum(axis=1)  # counts: exact either way
    else:
        shared, size = (present @ present.T).toarray(), np.asarray(present.sum(axis=1)).ravel()
    size[size == 0] = 1.0
    return shared / size[:, None]


def repeat_matrix(cluster: Cluster, candidates: np.ndarray, present: sparse.csr_matrix,
                  fact_containment: float = DEFAULTS.same_fact_containment) -> np.ndarray:
    """What the containment rule compares with ``containment_threshold``: the bigram
    containment of :func:`containment_matrix` (from ``present``), and 1.0 for two candidates
    stating one precise figure (:func:`same_figure_matrix`) or one counted fact of one name
    (:func:`same_fact_matrix`)."""
    containment = containment_matrix(present)
    return np.maximum.reduce([containment, same_figure_matrix(cluster, candidates),
                              same_fact_matrix(cluster, candidates, containment, fact_containment)])


def same_fact_matrix(cluster: Cluster, candidates: np.ndarray, containment: np.ndarray,
                     fact_containment: float) -> np.ndarray:
    """1.0 where two candidates state one counted thing ("14 tháng tù", "29 tuổi", "12 bậc"),
    name one capitalized word in common and share at least ``fact_containment`` of the shorter
    one's bigrams: two outlets' leads told in their own words ("... kết án 14 tháng tù treo cựu
    Hoa hậu ..." and "Trang Sputnik đưa tin, tòa án ... kết án 14 tháng tù treo ..."), whose
    wrappers keep the plain containment low."""
    out = np.zeros((len(candidates), len(candidates)))
    if fact_containment >= 1.0:
        return out  # off: a pair sharing all its bigrams is the containment rule's already
    counted = [counted_things(cluster.sentences[int(c)].text) for c in candidates]
    holders = [k for k, found in enumerate(counted) if found]
    if len(holders) < 2:
        return out
    names = {k: inner_capitals(cluster.sentences[int(candidates[k])].text) for k in holders}
    shared = np.maximum(containment, containment.T)  # of the shorter sentence's bigrams
    for a, k in enumerate(holders):
        for j in holders[a + 1:]:
            if shared[k, j] >= fact_containment and counted[k] & counted[j] and names[k] & names[j]:
                out[k, j] = out[j, k] = 1.0
    return out


def same_figure_matrix(cluster: Cluster, candidates: np.ndarray) -> np.ndarray:
    """1.0 where two candidates state one precise figure ("4,91%", "2.254.484 phiếu"): one fact,
    told twice in other words (two outlets' paraphrases share few bigrams but the figure)."""
    figures = [exact_figures(cluster.sentences[int(c)].text) for c in candidates]
    out = np.zeros((len(candidates), len(candidates)))
    by_figure: dict[str, list[int]] = {}
    for k, found in enumerate(figures):
        for figure in found:
            by_figure.setdefault(figure, []).append(k)
    for members in by_figure.values():
        if len(members) > 1:
            out[np.ix_(members, members)] = 1.0
    np.fill_diagonal(out, 0.0)
    return out


class Selector(Protocol):
    def __call__(self, cluster: Cluster, scores: np.ndarray, budget: int, *, max_sentences: int | None = None) -> list[int]: ...


@dataclass(frozen=True)
class MMRSelector:
    """Maximal marginal relevance under a length budget.

    ``redundancy`` trades score for novelty; a candidate at or above ``duplicate_threshold``
    cosine to a chosen sentence is never taken (the same fact told twice), nor one that has
    ``containment_threshold`` of its syllable bigrams inside a chosen sentence or holds that
    share of a chosen one's (a short sentence told again inside a long one, which cosine
    misses), nor one stating a precise figure a chosen one states (:func:`same_figure_matrix`:
    two outlets' paraphrases of one fact). 0.5 was chosen on validation: over training seeds 0-4 it kept the mean ROUGE-2
    (0.3607 vs 0.3608 at 0.6) and left 1 such pair per 100 summaries instead of 5-8.

    Only the ``pool`` best-scored eligible sentences are considered, and their similarities
    are one sparse product of the pool with itself (at most pool x pool), so selection costs
    the same whatever the cluster's size.

    Length: sentences are added while they fit in ``budget * (1 + overshoot)``; once nothing
    fits, the summary stops. ROUGE F1 rewards matching the reference's length, so a last
    sentence that brings the total closer to the budget than stopping short is still taken
    when ``closest`` is set.

    Readability (with ``openers``): a sentence that leans on the one before it in its article
    ("Ông này", "Điều này", "Theo đó,"; see :class:`~tomtat.trim.Openers`) is eligible only
    once that predecessor is chosen (the pipeline then puts it right behind it); a sentence
    cut mid-way (``is_cut``: a list announced with ":", a lower-case start) is not taken
    while others are left.
    """

    redundancy: float = DEFAULTS.redundancy
    duplicate_threshold: float = DEFAULTS.duplicate_sentence_threshold
    overshoot: float = DEFAULTS.length_overshoot
    min_syllables: int = DEFAULTS.min_sentence_syllables
    max_syllables: int = DEFAULTS.long_sentence_syllables
    long_penalty: float = DEFAULTS.long_sentence_penalty
    containment_threshold: float = DEFAULTS.containment_threshold
    fact_containment: float = DEFAULTS.same_fact_containment
    pool: int = DEFAULTS.selection_pool
    closest: bool = True
    openers: Openers | None = None

    @classmethod
    def from_options(cls, options: Options, openers: Openers | None = None) -> MMRSelector:
        return cls(redundancy=options.redundancy, duplicate_threshold=options.duplicate_sentence_threshold,
                   overshoot=options.length_overshoot, min_syllables=options.min_sentence_syllables,
                   max_syllables=options.long_sentence_syllables, long_penalty=options.long_sentence_penalty,
                   containment_threshold=options.containment_threshold, pool=options.selection_pool, openers=openers,
                   fact_containment=options.same_fact_containment)

    def __call__(self, cluster: Cluster, scores: np.ndarray, budget: int, *, max_sentences: int | None = None) -> list[int]:
        lengths = cluster.lengths
        candidates = pool_candidates(cluster, scores, self.min_syllables, self.pool)
        if not len(candidates):
            return []
        cand_scores = scores[candidates]
        span = float(cand_scores.max() - cand_scores.min()) or 1.0
        normalized = (cand_scores - cand_scores.min()) / span
        normalized = normalized - self.long_penalty * (lengths[candidates] > self.max_syllables)
        cand_lengths = lengths[candidates]
        open_, waiting, before = start_constraints(cluster, candidates, self.openers)
        max_similarity = np.zeros(len(candidates))
        pool_rows = cluster.vectors.matrix[candidates]
        similarity = (pool_rows @ pool_rows.T).toarray()  # one product, not one per chosen sentence
        containment = repeat_matrix(cluster, candidates, bigram_presence(cluster, candidates), self.fact_containment)
        chosen: list[int] = []
        used = 0
        limit = budget * (1 + self.overshoot)
        while open_.any():
            if max_sentences is not None and len(chosen) >= max_sentences:
                break
            value = (1 - self.redundancy) * normalized - self.redundancy * max_similarity
            fits = fitting(open_, cand_lengths, used, budget, limit, closest=self.closest, first=not chosen,
                           max_sentences=max_sentences)
            value = np.where(open_ & fits & ~waiting, value, -np.inf)
            best = int(np.argmax(value))
            if not np.isfinite(value[best]):
                break
            chosen.append(int(candidates[best]))
            used += int(cand_lengths[best])
            open_[best] = False
            waiting &= before != candidates[best]
            max_similarity = np.maximum(max_similarity, similarity[best])
            open_ &= max_similarity < self.duplicate_threshold
            open_ &= np.maximum(containment[:, best], containment[best]) < self.containment_threshold
            if max_sentences is None and used >= budget:
                break
        return chosen


@dataclass(frozen=True)
class CoverageSelector:
    """Budgeted concept coverage: choose the sentences whose syllable bigrams, weighted by how
    strongly the ranker scores the sentences that use them, cover the most weight within the
    budget (Gillick & Favre's concepts, Lin & Bilmes's budgeted greedy).

    A bigram's weight is the sum, over the ``pool`` best sentences that contain it, of
    ``exp((score - best score) / temperature)`` (for the learned scorer's log-probabilities at
    temperature 1: each sentence's probability relative to the best one's), so a fact several
    good sentences share counts more, and a sentence repeating what is covered adds nothing:
    redundancy control comes with the objective. With a ``weigher`` (the default with the
    learned ranker: :class:`~tomtat.summarize.concepts.ConceptWeigher`) a bigram weighs instead
    the share of human summaries predicted to contain it. Greedy picks the best gain per
    syllable^``cost_exponent`` while it fits, then compares with the best single sentence:
    that keeps half of (1 - 1/e) of the optimum guaranteed. Solving the same objective exactly
    (``scipy.optimize.milp``) scored less than this greedy in the issue-11 rerun, at 100-300 ms
    a cluster, several times the whole pipeline. Readability constraints, the bigram-containment
    rule (``containment_threshold``) and the figure rule are those of :class:`MMRSelector`.
    """

    pool: int = DEFAULTS.coverage_pool
    min_syllables: int = DEFAULTS.min_sentence_syllables
    overshoot: float = DEFAULTS.length_overshoot
    cost_exponent: float = DEFAULTS.coverage_cost_exponent
    temperature: float = DEFAULTS.coverage_temperature
    containment_threshold: float = DEFAULTS.containment_threshold
    fact_containment: float = DEFAULTS.same_fact_containment
    closest: bool = True
    openers: Openers | None = None
    weigher: ConceptWeigher | None = None  # learned concept weights (else the scores' sum above)

    def __call__(self, cluster: Cluster, scores: np.ndarray, budget: int, *, max_sentences: int | None = None) -> list[int]:
        lengths = cluster.lengths
        candidates = pool_candidates(cluster, scores, self.min_syllables, self.pool)
        if not len(candidates):
            return []
        cand_scores = scores[candidates]
        open_, waiting, before = start_constraints(cluster, candidates, self.openers)
        concepts, columns = self._concepts(cluster, candidates)  # pool x concepts, 0/1
        # A short sentence told again inside a long one still adds a few new bigrams; the
        # containment rule of MMRSelector keeps such pairs out (repeats per 100 summaries 10 -> 1).
        containment = repeat_matrix(cluster, candidates, concepts, self.fact_containment)
        if self.weigher is not None and cluster.vectors.bigram_mask().any():
            weights = self.weigher(cluster, scores, candidates, concepts, columns)
        else:
            weights = np.asarray(concepts.T @ np.exp((cand_scores - cand_scores.max()) / self.temperature)).ravel()
        cand_lengths = lengths[candidates].astype(np.float64)
        picked = self._greedy(concepts, weights, cand_lengths, open_, waiting, before, candidates, budget,
                              max_sentences, containment)
        return [int(candidates[k]) for k in picked]

    @staticmethod
    def _concepts(cluster: Cluster, candidates: np.ndarray):
        """The pool's concepts (pool x concepts, 0/1) and their columns among the bigrams."""
        present = bigram_presence(cluster, candidates)
        columns = np.unique(present.indices)  # concepts in the pool only
        # The same as present[:, columns], renumbering the columns directly (scipy's column
        # slicing goes through two format conversions).
        concepts = sparse.csr_matrix((present.data, np.searchsorted(columns, present.indices), present.indptr),
                                     shape=(present.shape[0], len(columns)))
        return concepts, columns

    def _greedy(self, concepts, weights, lengths, open_, waiting, before, candidates, budget,
                max_sentences, containment) -> list[int]:
        covered = np.zeros(concepts.shape[1], dtype=bool)
        chosen: list[int] = []
        used = 0.0
        limit = budget * (1 + self.overshoot)
        while open_.any():
            if max_sentences is not None and len(chosen) >= max_sentences:
                break
            gain = np.asarray(concepts @ np.where(covered, 0.0, weights)).ravel()
            fits = fitting(open_, lengths, used, budget, limit, closest=self.closest, first=not chosen,
                           max_sentences=max_sentences)
            value = gain if max_sentences is not None else gain / np.maximum(lengths, 1.0) ** self.cost_exponent
            value = np.where(open_ & fits & ~waiting & (gain > 0), value, -np.inf)
            best = int(np.argmax(value))
            if not np.isfinite(value[best]):
                break
            chosen.append(best)
            used += lengths[best]
            open_[best] = False
            waiting &= before != candidates[best]
            row = slice(concepts.indptr[best], concepts.indptr[best + 1])  # the row, without scipy's indexing
            covered[concepts.indices[row][concepts.data[row] > 0]] = True
            open_ &= np.maximum(containment[:, best], containment[best]) < self.containment_threshold
            if max_sentences is None and used >= budget:
                break
        if max_sentences is None and chosen:
            # The guarantee: never worse than the best single sentence that fits.
            single = np.asarray(concepts @ weights).ravel()
            single = np.where(open_ | np.isin(np.arange(len(open_)), chosen), single, -np.inf)
            single = np.where((lengths <= limit) & ~waiting, single, -np.inf)
            best_single = int(np.argmax(single))
            if np.isfinite(single[best_single]) and single[best_single] > float(weights[covered].sum()):
                return [best_single]
        return chosen

    @classmethod
    def from_options(cls, options: Options, openers: Openers | None = None) -> CoverageSelector:
        return cls(pool=options.coverage_pool, min_syllables=options.min_sentence_syllables,
                   overshoot=options.length_overshoot, cost_exponent=options.coverage_cost_exponent,
                   temperature=options.coverage_temperature, containment_threshold=options.containment_threshold,
                   fact_containment=options.same_fact_containment,
                   openers=openers)


def make_selector(options: Options, openers: Openers | None, *, learned_scores: bool | None = None) -> Selector:
    """The selector ``options`` ask for (``selector``), with the summarizer's opener list.
    ``learned_scores``: are the scores the learned ranker's (default: as ``options.ranker`` says)."""
    if options.selector == "mmr":
        return MMRSelector.from_options(options, openers)
    selector = CoverageSelector.from_options(options, openers)
    # The concept model learned from the learned ranker's log-probabilities; other rankers'
    # scores mean something else, so their bigrams are weighed by the scores' sum.
    if learned_scores is None:
        learned_scores = options.ranker in ("default", "learned")
    if options.coverage_weights == "learned" and learned_scores:
        selector = dataclasses.replace(selector, weigher=ConceptWeigher.default())
    return selector
