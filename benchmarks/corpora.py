"""tomtat against a plain centroid baseline and sumy LexRank, on AbMuSu and ViMs, in one run.

    PYTHONPATH=src python benchmarks/corpora.py                      # AbMuSu validation + ViMs held-out, two layouts
    PYTHONPATH=src python benchmarks/corpora.py --json out.json --corpora abmusu-validation vims-heldout+no-lead

Corpora (read by path from ../shared; without it the script says so and exits 0):
``abmusu-validation`` (100 clusters, one reference), ``vims-heldout`` (the ViMs dev clusters at
file positions not divisible by 3: 100 clusters, two references, a cluster scores the mean
over both, as ``tomtat eval`` does with ``refs``). ``abmusu-train`` and ``vims-train``
(positions 0, 3, 6, ...) are what tomtat is trained and tuned on; they can be benchmarked too
but are not held out. Each part also comes in two other layouts, by a suffix to its name:
``+lead-in-body`` (the sapo, ``anchor_text``, as the body's first paragraph, the way a scraped
page or a pasted text carries it; with the given layout, the default run) and ``+no-lead``
(no sapo at all).

Systems, every one fed the same sentences: reading, cleaning and sentence splitting are
tomtat's (``_articles`` + ``Summarizer.build_cluster``, timed for every system) and nothing
else of tomtat is used by the peers. ``tomtat`` runs as ``tomtat batch`` does (summary only)
at its default length and at a fixed 200 syllables. ``centroid+lead`` is written below in
plain numpy (TF-IDF centroid + a lead bonus + MMR, its two weights tuned on the training
parts). ``sumy LexRank`` rates the same sentences (pyvi words). The peers fill the budget
with the same rule as tomtat's selector: add the next best sentence while the total stays
within budget x 1.1, or when it brings the total closer to the budget than stopping short.

Scores: the official AbMuSu protocol (``tomtat.evaluate``), ROUGE-2 F1 with a 95% bootstrap
interval (clusters resampled, seed 0, 1000 resamples); lengths in syllables (median over
clusters; a ViMs cluster's reference length is the mean of its two); time is wall-clock per
cluster of the whole process (reading included) on one core, the fastest of ``--repeat``
interleaved passes. The speed ratio to sumy LexRank is given from those fastest passes and,
steadier on a shared machine, cluster by cluster: tomtat (200 syllables) and LexRank run back
to back on each cluster, ``--repeat`` rounds, and the ratio of their summed times.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXED = 200  # syllables, the equal-length comparison
Cluster = tuple[list[dict[str, Any]], list[str]]  # (documents, references)


LEAD_IN_BODY = "+lead-in-body"  # a part's name with this suffix: the part as a scraped page gives it


def lead_in_body(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same articles with no separate lead: the sapo (``anchor_text``) opens the body as its
    first paragraph, the way a scraped page or a pasted text carries it."""
    out = []
    for document in documents:
        lead = (document.get("anchor_text") or "").strip()
        body = document.get("raw_text") or ""
        out.append({**document, "anchor_text": "", "raw_text": f"{lead}\n\n{body}" if lead else body})
    return out


NO_LEAD = "+no-lead"  # ... and with this one: the part with no sapo at all (a site that shows none)


def no_lead(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same articles without their sapo: the body alone."""
    return [{**document, "anchor_text": ""} for document in documents]


_LAYOUT_CHANGES = {LEAD_IN_BODY: lead_in_body, NO_LEAD: no_lead}
LAYOUTS = ("", *_LAYOUT_CHANGES)  # name suffixes: as given, sapo in the body, no sapo


def load(name: str, shared: Path = SHARED) -> list[Cluster]:
    """One corpus part by name (see the module docstring)."""
    for suffix, change in _LAYOUT_CHANGES.items():
        if name.endswith(suffix):
            return [(change(documents), references) for documents, references in load(name[:-len(suffix)], shared)]
    if name.startswith("abmusu-"):
        path = shared / "data" / "abmusu" / f"{name.split('-', 1)[1]}.jsonl"
        lines = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        return [(line["single_documents"], [line["summary"]]) for line in lines]
    if name in ("vims-train", "vims-heldout"):
        path = shared / "data" / "vims" / "dev.jsonl"
        lines = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        keep = (lambda p: p % 3 == 0) if name == "vims-train" else (lambda p: p % 3 != 0)
        return [(line["single_documents"], list(line["summaries"])) for p, line in enumerate(lines) if keep(p)]
    raise ValueError(f"unknown corpus {name!r}")


def available(shared: Path = SHARED) -> bool:
    return (shared / "data" / "abmusu" / "validation.jsonl").exists() and (shared / "data" / "vims" / "dev.jsonl").exists()


def _articles(documents: list[dict[str, Any]]):
    from tomtat.core.errors import Problems
    from tomtat.ingest import build_articles as _build_all, raw_from_mapping

    raws = [raw_from_mapping(d, source=f"single_documents[{i}]") for i, d in enumerate(documents)]
    return _build_all(raws, Problems(strict=False))


def tomtat_system(options=None, **parts: Any) -> Callable[[list[dict[str, Any]]], str]:
    from tomtat.core.options import Options
    from tomtat.story.summarizer import Summarizer

    summarizer = Summarizer(options or Options(), story=False, **parts)  # the summary only, as `tomtat batch`
    return lambda docs: summarizer.summarize_articles(_articles(docs)).text


def _shared_sentences(docs: list[dict[str, Any]], splitter) -> tuple[list[str], list[int], list[int]]:
    """The selectable sentences as tomtat splits them: texts, syllable counts, positions in their article."""
    cluster = splitter.build_cluster(_articles(docs))
    texts: list[str] = []
    lengths: list[int] = []
    position: list[int] = []
    seen: dict[str, int] = {}
    for sentence, length in zip(cluster.sentences, cluster.lengths):
        if not sentence.selectable:
            continue
        texts.append(sentence.text)
        lengths.append(int(length))
        position.append(seen.get(sentence.article_id, 0))
        seen[sentence.article_id] = position[-1] + 1
    return texts, lengths, position


def fill(order, lengths: list[int], budget: int) -> list[int]:
    """Take sentences in ``order`` while they fit budget x 1.1 or bring the total closer to the budget."""
    chosen: list[int] = []
    used = 0
    for k in order:
        total = used + lengths[k]
        if total <= budget * 1.1 or abs(total - budget) < abs(budget - used) or not chosen:
            chosen.append(int(k))
            used = total
        if used >= budget:
            break
    return chosen


# --- the plain baseline: TF-IDF centroid + lead bonus + MMR (no tomtat code) ------------------
_WORD = re.compile(r"\w+")


def centroid_baseline(budget: int = FIXED, *, lead: float = 0.05, redundancy: float = 0.2):
    """Score = cosine with the cluster's TF-IDF centroid (syllable unigrams + bigrams, idf over
    sentences) + ``lead`` / (1 + position in the article); MMR picks under the budget."""
    from tomtat.story.summarizer import Summarizer

    splitter = Summarizer(story=False)

    def run(docs: list[dict[str, Any]]) -> str:
        texts, lengths, position = _shared_sentences(docs, splitter)
        if not texts:
            return ""
        grams = []
        for text in texts:
            words = _WORD.findall(text.lower())
            grams.append(words + [a + " " + b for a, b in zip(words, words[1:])])
        vocabulary: dict[str, int] = {}
        rows, cols = [], []
        for i, g in enumerate(grams):
            for term in g:
                rows.append(i)
                cols.append(vocabulary.setdefault(term, len(vocabulary)))
        tf = np.zeros((len(texts), len(vocabulary)))
        np.add.at(tf, (rows, cols), 1.0)
        idf = np.log((1 + len(texts)) / (1 + (tf > 0).sum(axis=0))) + 1.0
        vectors = tf * idf
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        centroid = vectors.mean(axis=0)
        centroid /= max(float(np.linalg.norm(centroid)), 1e-12)
        score = vectors @ centroid + lead / (1.0 + np.asarray(position, dtype=float))
        similarity = vectors @ vectors.T
        size = np.asarray(lengths)
        open_ = size >= 8  # no fragments (tomtat's selector skips sentences under 12 syllables)
        if not open_.any():
            open_[:] = True
        chosen: list[int] = []
        used = 0
        while used < budget:
            seen = similarity[:, chosen].max(axis=1) if chosen else 0.0
            fits = open_ & ((used + size <= budget * 1.1) | (np.abs(used + size - budget) < budget - used))
            value = np.where(fits if chosen or fits.any() else open_, (1 - redundancy) * score - redundancy * seen, -np.inf)
            best = int(np.argmax(value))
            if not np.isfinite(value[best]):
                break
            chosen.append(best)
            used += int(size[best])
            open_[best] = False
        return " ".join(texts[i] for i in sorted(chosen))

    return run


def tune_baseline(shared: Path = SHARED) -> tuple[float, float]:
    """The baseline's two weights, chosen on the training parts (AbMuSu train, ViMs training
    part) at the fixed length: the pair whose worse corpus scores best (R2 F1)."""
    parts = {name: load(name, shared) for name in ("abmusu-train", "vims-train")}
    cache: dict[str, str] = {}
    best: tuple[float, float, float] = (-1.0, 0.0, 0.0)
    for lead in (0.0, 0.05, 0.1, 0.2):
        for redundancy in (0.2, 0.4, 0.6):
            system = centroid_baseline(FIXED, lead=lead, redundancy=redundancy)
            worst = min(float(per_cluster_scores([system(d) for d, _ in c], [r for _, r in c], cache)["rouge-2"].mean())
                        for c in parts.values())
            print(f"baseline lead {lead} redundancy {redundancy}: worst training-part R2 {worst:.4f}", flush=True)
            best = max(best, (worst, lead, redundancy))
    return best[1], best[2]


def sumy_lexrank(budget: int = FIXED):
    from pyvi import ViTokenizer
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.summarizers.lex_rank import LexRankSummarizer

    from tomtat.story.summarizer import Summarizer

    class PyviWords:
        def to_words(self, text: str) -> list[str]:
            return [w for w in ViTokenizer.tokenize(text).split() if any(ch.isalnum() for ch in w)]

    words, splitter, lexrank = PyviWords(), Summarizer(story=False), LexRankSummarizer()

    def run(docs: list[dict[str, Any]]) -> str:
        texts, lengths, _ = _shared_sentences(docs, splitter)
        if not texts:
            return ""
        document = ObjectDocumentModel([Paragraph([Sentence(t, words) for t in texts])])
        # LexRankSummarizer.__call__ up to the ratings (it only returns the top sentences).
        sentence_words = [lexrank._to_words_set(s) for s in document.sentences]
        tf, idf = lexrank._compute_tf(sentence_words), lexrank._compute_idf(sentence_words)
        matrix = lexrank._create_matrix(sentence_words, lexrank.threshold, tf, idf)
        ratings = np.asarray(lexrank.power_method(matrix, lexrank.epsilon))
        return " ".join(texts[i] for i in sorted(fill(np.argsort(-ratings, kind="stable"), lengths, budget)))

    return run


# --- scoring -----------------------------------------------------------------------------------
def per_cluster_scores(predictions: list[str], references: list[list[str]], cache: dict[str, str]) -> dict[str, np.ndarray]:
    """ROUGE-1/2/L F1 of each cluster (official protocol; mean over a cluster's references)."""
    from tomtat.evaluation.rouge import prepare, score_pair

    out = {m: np.zeros(len(predictions)) for m in ("rouge-1", "rouge-2", "rouge-l")}
    for k, (prediction, refs) in enumerate(zip(predictions, references)):
        hyp = prepare(prediction)
        for ref in refs:
            if ref not in cache:
                cache[ref] = prepare(ref)
            pair = score_pair(hyp, cache[ref])
            for m in out:
                out[m][k] += pair[m]["f"] / len(refs)
    return out


def bootstrap(values: np.ndarray, resamples: int = 1000, seed: int = 0) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, len(values), size=(resamples, len(values)))].mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def measure(system: Callable, clusters: list[Cluster], cache: dict[str, str]) -> dict[str, Any]:
    from tomtat.vi.text import count_syllables

    system(clusters[0][0])  # warm-up: imports, pyvi's model
    start = time.perf_counter()
    predictions = [system(docs) for docs, _ in clusters]
    elapsed = time.perf_counter() - start
    scores = per_cluster_scores(predictions, [refs for _, refs in clusters], cache)
    low, high = bootstrap(scores["rouge-2"])
    return {"r1": float(scores["rouge-1"].mean()), "r2": float(scores["rouge-2"].mean()), "r2_low": low,
            "r2_high": high, "rl": float(scores["rouge-l"].mean()), "ms": 1000 * elapsed / len(clusters),
            "median_syllables": statistics.median(count_syllables(p) for p in predictions),
            "per_cluster_r2": scores["rouge-2"].round(5).tolist()}


def paired_speed(ours: Callable, peer: Callable, clusters: list[Cluster], rounds: int) -> dict[str, float]:
    """The peer's time over ours with the two run back to back on each cluster (the order
    alternating), ``rounds`` times over the corpus: both see the machine as it is at that
    moment, so a shared machine's bursts of load move this ratio far less than the ratio of
    two passes timed a minute apart. ``ratio``: all rounds pooled; ``low``/``high``: the
    rounds' extremes."""
    per_round = []
    for k in range(rounds):
        spent = {"ours": 0.0, "peer": 0.0}
        for c, (docs, _) in enumerate(clusters):
            pair = [("ours", ours), ("peer", peer)]
            for name, system in pair if (c + k) % 2 == 0 else pair[::-1]:
                start = time.perf_counter()
                system(docs)
                spent[name] += time.perf_counter() - start
        per_round.append((spent["peer"], spent["ours"]))
    ratios = [peer / ours for peer, ours in per_round]
    return {"ratio": sum(p for p, _ in per_round) / sum(o for _, o in per_round), "low": min(ratios), "high": max(ratios)}


def reference_length(clusters: list[Cluster]) -> float:
    from tomtat.vi.text import count_syllables

    return statistics.median(statistics.mean(count_syllables(r) for r in refs) for _, refs in clusters)


def systems(no_sumy: bool = False) -> dict[str, Callable]:
    from tomtat.core.options import Options

    out = {"tomtat (default length)": tomtat_system(), f"tomtat ({FIXED} syl.)": tomtat_system(Options(syllables=FIXED)),
           f"centroid+lead ({FIXED} syl.)": centroid_baseline(FIXED)}
    if not no_sumy:
        out[f"sumy LexRank ({FIXED} syl.)"] = sumy_lexrank(FIXED)
    return out


def table(results: dict[str, dict[str, Any]]) -> str:
    lines = ["| corpus | system | R2 F1 [95% CI] | R1 F1 | RL F1 | median length (ref.) | ms/cluster |",
             "|---|---|---|---|---|---|---|"]
    for corpus, result in results.items():
        for name, row in result["systems"].items():
            lines.append(f"| {corpus} ({result['clusters']}) | {name} | {row['r2']:.4f} [{row['r2_low']:.4f}, "
                         f"{row['r2_high']:.4f}] | {row['r1']:.4f} | {row['rl']:.4f} | {row['median_syllables']:.0f} "
                         f"({result['reference_syllables']:.0f}) | {row['ms']:.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parts = ("abmusu-validation", "vims-heldout", "abmusu-train", "vims-train")
    parser.add_argument("--corpora", nargs="+", default=[p + v for v in ("", LEAD_IN_BODY) for p in parts[:2]],
                        choices=[p + v for p in parts for v in LAYOUTS])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (default: ../shared)")
    parser.add_argument("--no-sumy", action="store_true", help="skip the sumy LexRank peer")
    parser.add_argument("--repeat", type=int, default=2,
                        help="timed passes per system, interleaved; the fastest counts (a loaded machine)")
    parser.add_argument("--json", type=Path, help="also write the figures (and per-cluster R2) here")
    parser.add_argument("--tune-baseline", action="store_true",
                        help="only choose the baseline's two weights on the training parts, and print them")
    args = parser.parse_args(argv)
    if not available(args.shared):
        print(f"skipped: AbMuSu/ViMs data not found under {args.shared} (../shared is absent)")
        return 0
    if args.tune_baseline:
        lead, redundancy = tune_baseline(args.shared)
        print(f"chosen: lead {lead}, redundancy {redundancy}")
        return 0
    results: dict[str, dict[str, Any]] = {}
    cache: dict[str, str] = {}
    for corpus in args.corpora:
        clusters = load(corpus, args.shared)
        chosen = systems(args.no_sumy)
        rows = {name: measure(system, clusters, cache) for name, system in chosen.items()}
        # A shared machine's load comes in bursts: time every system again, interleaved, and
        # keep each one's fastest pass (as timeit does).
        for _ in range(args.repeat - 1):
            for name, system in chosen.items():
                start = time.perf_counter()
                for docs, _ in clusters:
                    system(docs)
                rows[name]["ms"] = min(rows[name]["ms"], 1000 * (time.perf_counter() - start) / len(clusters))
        results[corpus] = {"clusters": len(clusters), "reference_syllables": reference_length(clusters), "systems": rows}
        if not args.no_sumy:
            results[corpus]["paired_speed"] = paired_speed(chosen[f"tomtat ({FIXED} syl.)"],
                                                           chosen[f"sumy LexRank ({FIXED} syl.)"], clusters, args.repeat)
        for name, row in rows.items():
            print(f"{corpus:<31}{name:<28} R2 {row['r2']:.4f} [{row['r2_low']:.4f}, {row['r2_high']:.4f}] "
                  f"R1 {row['r1']:.4f} RL {row['rl']:.4f} len {row['median_syllables']:.0f} "
                  f"(ref {results[corpus]['reference_syllables']:.0f}) {row['ms']:.1f} ms", flush=True)
    print()
    print(table(results))
    print()
    for corpus, result in results.items():
        rows = result["systems"]
        ours, baseline = rows[f"tomtat ({FIXED} syl.)"], rows[f"centroid+lead ({FIXED} syl.)"]
        paired = np.asarray(ours["per_cluster_r2"]) - np.asarray(baseline["per_cluster_r2"])
        low, high = bootstrap(paired)
        line = (f"{corpus}: tomtat - centroid+lead at {FIXED} syllables: R2 {paired.mean():+.4f} "
                f"[{low:+.4f}, {high:+.4f}] (paired bootstrap)")
        lexrank = rows.get(f"sumy LexRank ({FIXED} syl.)")
        if lexrank:
            # Also per pass: the two systems timed back to back share the machine's state of the
            # moment, so the ratio within a pass moves less than either time does across passes.
            paired = result["paired_speed"]
            line += (f"; speed: tomtat is {lexrank['ms'] / ours['ms']:.1f}x faster than sumy LexRank "
                     f"(fastest passes), {paired['ratio']:.1f}x cluster by cluster "
                     f"(rounds {paired['low']:.1f}-{paired['high']:.1f}x)")
        print(line)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
