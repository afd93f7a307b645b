"""tomtat vs. sumy's LexRank on AbMuSu, measured in the same run.

    PYTHONPATH=src python benchmarks/abmusu.py                  # validation and train
    PYTHONPATH=src python benchmarks/abmusu.py --split validation --ablation

Both systems get the same input path: reading, cleaning and sentence splitting by tomtat
(timed for both), the same syllable budget and the same length rule. sumy's LexRank sees
pyvi words (the official metric's tokenizer) and rates every sentence; the best-rated
sentences are taken in rating order while they fit the budget. Scores: the official AbMuSu
protocol (tomtat.evaluate). tomtat runs as `tomtat batch` does (summary only, no timeline or
entities); "tomtat unsup." is the unsupervised ranker (``--ranker unsupervised``, redundancy
0.35 as it was tuned), to show what the learned scorer costs and buys. Time is wall-clock
per cluster, whole pipeline, the fastest of ``--repeat`` passes (each system timed in turn,
so a burst of load hits one pass, not one system); peak memory is
tracemalloc's peak over the split, in a second pass (tracemalloc slows Python down).
The data is read from ../shared by path; without it the script says so and exits 0.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "abmusu"


def _articles(documents: list[dict[str, Any]]):
    from tomtat.core.errors import Problems
    from tomtat.ingest import build_articles, raw_from_mapping

    raws = [raw_from_mapping(d, source=f"single_documents[{i}]") for i, d in enumerate(documents)]
    return build_articles(raws, Problems(strict=False))


def tomtat_system(options=None, **parts: Any) -> Callable[[list[dict[str, Any]]], str]:
    from tomtat.core.options import Options
    from tomtat.story.summarizer import Summarizer

    summarizer = Summarizer(options or Options(), story=False, **parts)  # the summary only, as `tomtat batch`
    return lambda docs: summarizer.summarize_articles(_articles(docs)).text


def tomtat_with_ranker(ranker) -> Callable[[list[dict[str, Any]]], str]:
    from tomtat.core.options import Options
    from tomtat.story.summarizer import Summarizer

    summarizer = Summarizer(Options(), ranker=ranker, story=False)
    return lambda docs: summarizer.summarize_articles(_articles(docs)).text


def sumy_lexrank_system() -> Callable[[list[dict[str, Any]]], str]:
    import numpy as np
    from pyvi import ViTokenizer
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.summarizers.lex_rank import LexRankSummarizer

    from tomtat.summarize.budget import syllable_budget
    from tomtat.core.options import Options
    from tomtat.story.summarizer import Summarizer

    class PyviWords:
        def to_words(self, text: str) -> list[str]:
            return [w for w in ViTokenizer.tokenize(text).split() if any(ch.isalnum() for ch in w)]

    words = PyviWords()
    options = Options()
    splitter = Summarizer(options)
    lexrank = LexRankSummarizer()

    def run(docs: list[dict[str, Any]]) -> str:
        cluster = splitter.build_cluster(_articles(docs))
        indices = [i for i, s in enumerate(cluster.sentences) if s.selectable]
        if not indices:
            return ""
        document = ObjectDocumentModel([Paragraph([Sentence(cluster.sentences[i].text, words) for i in indices])])
        # LexRankSummarizer.__call__ up to the ratings (it only returns the top sentences).
        sentence_words = [lexrank._to_words_set(s) for s in document.sentences]
        tf = lexrank._compute_tf(sentence_words)
        idf = lexrank._compute_idf(sentence_words)
        matrix = lexrank._create_matrix(sentence_words, lexrank.threshold, tf, idf)
        ratings = np.asarray(lexrank.power_method(matrix, lexrank.epsilon))
        budget = syllable_budget(options, cluster.total_syllables)
        chosen, used = [], 0
        for k in np.argsort(-ratings, kind="stable"):
            length = int(cluster.lengths[indices[k]])
            if used + length <= budget * 1.1 or not chosen:
                chosen.append(indices[k])
                used += length
            if used >= budget:
                break
        return " ".join(cluster.sentences[i].text for i in sorted(chosen))

    return run


def load(split: str) -> tuple[list[list[dict[str, Any]]], list[str]]:
    lines = [json.loads(line) for line in (DATA / f"{split}.jsonl").open(encoding="utf-8") if line.strip()]
    return [line["single_documents"] for line in lines], [line["summary"] for line in lines]


def measure(system: Callable, clusters, references, *, memory: bool = True) -> dict[str, float]:
    from tomtat.evaluation.rouge import compute

    system(clusters[0])  # warm-up: imports, pyvi's model
    start = time.perf_counter()
    predictions = [system(docs) for docs in clusters]
    elapsed = time.perf_counter() - start
    scores = compute(predictions=predictions, references=references)
    row = {"r1": scores["rouge-1"]["f"], "r2": scores["rouge-2"]["f"], "r2p": scores["rouge-2"]["p"],
           "r2r": scores["rouge-2"]["r"], "rl": scores["rouge-l"]["f"], "ms": 1000 * elapsed / len(clusters)}
    if memory:
        tracemalloc.start()
        for docs in clusters:
            system(docs)
        row["peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return row


HEADER = f"{'split':<11}{'system':<18}{'R1 F1':>8}{'R2 F1':>8}{'R2 P':>8}{'R2 R':>8}{'RL F1':>8}{'ms/cl':>9}{'peak MB':>9}"


def fmt(split: str, name: str, row: dict[str, float]) -> str:
    peak = f"{row['peak_mb']:>9.1f}" if "peak_mb" in row else f"{'':>9}"
    return (f"{split:<11}{name:<18}{row['r1']:>8.4f}{row['r2']:>8.4f}{row['r2p']:>8.4f}{row['r2r']:>8.4f}"
            f"{row['rl']:>8.4f}{row['ms']:>9.1f}{peak}")


def large_article_seconds(megabytes: float = 5.0) -> tuple[float, float, int]:
    """Seconds to summarize one invented article of ``megabytes`` (tests/hard_inputs.py), as
    `tomtat summarize` prints it (summary only) and as ``--json`` (with timeline and entities)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from hard_inputs import long_article

    from tomtat.story.summarizer import Summarizer

    article = long_article(megabytes)
    start = time.perf_counter()
    result = Summarizer(story=False).summarize([article])
    plain = time.perf_counter() - start
    start = time.perf_counter()
    Summarizer(story=True).summarize([article])
    return plain, time.perf_counter() - start, len(result.sentences)


def ablation(clusters, references) -> list[str]:
    """Validation R2 of the default system, and with one feature group or one step taken away.

    A feature group is taken away by retraining the scorer on train without it (same seed and
    settings as ``training/train_scorer.py``), so each row is what that group adds.
    """
    sys.path.insert(0, str(ROOT / "training"))
    from train_scorer import DEFAULTS, fit, training_rows

    from tomtat.summarize.features import FEATURE_NAMES
    from tomtat.core.options import Options
    from tomtat.summarize.scorer import LearnedRanker

    groups = {
        "position": ("position_inverse_sqrt", "position_relative", "position_from_end", "first_in_paragraph",
                     "paragraph_index"),
        "lead paragraph": ("lead", "lead_similarity"),
        "title": ("title_similarity",),
        "centroid": ("centroid",),
        "support from other articles": ("support",),
        "length": ("length_log",),
        "numbers, dates, names, quotes": ("numbers", "dates", "capitals", "quote"),
        "openers, questions": ("opener", "question_or_colon"),
        "informativeness (idf)": ("informativeness",),
        "cluster context": ("duplicate_article", "article_share", "articles_log", "cluster_syllables_log"),
    }
    x, y, _ = training_rows(DATA.parents[1], "train")
    default = measure(tomtat_system(), clusters, references, memory=False)["r2"]
    out = [f"  {'default (learned scorer, all features)':<44} R2 F1 {default:.4f}"]
    for name, removed in groups.items():
        keep = tuple(f for f in FEATURE_NAMES if f not in removed)
        columns = [FEATURE_NAMES.index(f) for f in keep]
        model, _ = fit(x[:, columns], y, seed=0, features=keep, **DEFAULTS)
        row = measure(tomtat_with_ranker(LearnedRanker(model)), clusters, references, memory=False)
        out.append(f"  {'- ' + name:<44} R2 F1 {row['r2']:.4f} ({row['r2'] - default:+.4f})")
        print(out[-1], flush=True)
    from tomtat.summarize.select import MMRSelector
    from tomtat.vi.openers import Openers

    default_budget = Options().auto_reference_syllables
    steps = {
        "unsupervised ranker instead of learned": (Options(ranker="unsupervised"), {}),
        "redundancy 0.5 instead of 0.4": (Options(redundancy=0.5), {}),
        "no MMR (top score first; cut-offs kept)": (Options(redundancy=0.0), {}),
        "no bigram-containment rule": (Options(), {"selector": MMRSelector(
            containment_threshold=1.01, openers=Openers.default())}),
        "no trimming (--no-trim)": (Options(trim=False), {}),
        "no dangling-opener handling": (Options(), {"openers": None}),
        f"budget 310 instead of {default_budget} syllables": (Options(auto_reference_syllables=310), {}),
    }
    for name, (options, parts) in steps.items():
        row = measure(tomtat_system(options, **parts), clusters, references, memory=False)
        out.append(f"  {'- ' + name:<44} R2 F1 {row['r2']:.4f} ({row['r2'] - default:+.4f})")
        print(out[-1], flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("validation", "train", "both"), default="both")
    parser.add_argument("--ablation", action="store_true", help="effect of each ranker feature on validation R2")
    parser.add_argument("--no-sumy", action="store_true", help="skip the sumy LexRank peer")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per system, interleaved; the fastest counts")
    args = parser.parse_args(argv)
    if not (DATA / "validation.jsonl").exists():
        print(f"skipped: AbMuSu data not found at {DATA} (../shared is absent)")
        return 0
    splits = ["validation", "train"] if args.split == "both" else [args.split]
    from tomtat.core.options import Options

    print(HEADER)
    for split in splits:
        clusters, references = load(split)
        systems = {"tomtat": tomtat_system(),
                   "tomtat unsup.": tomtat_system(Options(ranker="unsupervised", redundancy=0.35))}
        if not args.no_sumy:
            systems["sumy LexRank"] = sumy_lexrank_system()
        rows = {name: measure(system, clusters, references) for name, system in systems.items()}
        # A shared machine's noise is larger than the differences: time every system
        # again, interleaved, and keep each one's fastest pass (as timeit does).
        for _ in range(args.repeat - 1):
            for name, system in systems.items():
                start = time.perf_counter()
                for docs in clusters:
                    system(docs)
                rows[name]["ms"] = min(rows[name]["ms"], 1000 * (time.perf_counter() - start) / len(clusters))
        for name, row in rows.items():
            print(fmt(split, name, row), flush=True)
        ours, unsupervised = rows["tomtat"], rows["tomtat unsup."]
        print(f"{split:<11}cost: the learned scorer takes {ours['ms'] / unsupervised['ms']:.2f}x the unsupervised "
              f"ranker's time per cluster", flush=True)
        if "sumy LexRank" in rows:
            print(f"{split:<11}speed: tomtat is {rows['sumy LexRank']['ms'] / ours['ms']:.1f}x faster per cluster than "
                  f"sumy LexRank", flush=True)
    plain, story, sentences = large_article_seconds()
    print(f"5 MB invented article: summary {plain:.1f} s ({sentences} sentences); with timeline and entities {story:.1f} s",
          flush=True)
    if args.ablation:
        clusters, references = load("validation")
        print("ablation (validation; each row: the default without one feature group or step):", flush=True)
        ablation(clusters, references)
    return 0


if __name__ == "__main__":
    sys.exit(main())
