"""Stories that span years: time expressions resolved, and summaries before/after, on ViMs and AbMuSu.

    PYTHONPATH=src python benchmarks/story.py resolve [--sample 30]       # ViMs dev: time expressions
    PYTHONPATH=<tree>/src python benchmarks/story.py dump --corpus vims --out before.jsonl
    PYTHONPATH=src python benchmarks/story.py compare before.jsonl after.jsonl --corpus vims

``resolve`` counts, over every sentence of the ViMs dev articles with each article's
publication date as anchor, the date expressions found and the share resolved (per form:
full, partial, relative), and prints a random sample of resolved partial and relative ones
(sentence, publication date, value) for a reader to check by hand.

``dump`` summarizes every cluster with whatever ``tomtat`` is importable (so an older tree
can be measured with this script) and writes one summary a line. ``compare`` reads two
dumps and measures each summary with the current code:

* dangling: a sentence that opens with an opener from ``resources/dangling_openers.txt``
  ("Tuy nhiên,", "Ông này", "Cùng ngày,") or, when its article has no publication date, a
  relative time ("Hôm qua,", "Hồi tháng trước,"), without its source predecessor right
  before it;
* repeats: pairs of sentences where half of the shorter one's syllable bigrams are in the
  other; same-day repeats: pairs from two articles whose own dates name the same day and
  whose TF-IDF cosine (over the cluster) is 0.3 or more (one fact told by two outlets);
* no end mark: sentences that do not end with ".", "!", "?" or "…" (before a closing quote);
* ROUGE-2 F1 by the official protocol (pyvi then rouge 1.0.1; ViMs: mean over its two
  references), each with a 95% bootstrap interval over clusters, and the paired bootstrap
  interval of the difference (after - before), 2,000 resamples.

Data is read from ../shared by path; without it the script says so and exits 0.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
CORPORA = {"abmusu": SHARED / "abmusu" / "validation.jsonl", "vims": SHARED / "vims" / "dev.jsonl"}


def _load(corpus: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in CORPORA[corpus].open(encoding="utf-8") if line.strip()]


def _references(record: dict[str, Any]) -> list[str]:
    return record["summaries"] if "summaries" in record else [record["summary"]]


def _articles(documents: list[dict[str, Any]]):
    try:  # the layered tree
        from tomtat.core.errors import Problems
        from tomtat.ingest import build_articles, raw_from_mapping
    except ImportError:  # a tree from before the layout move, to measure "before" with this script
        from tomtat.errors import Problems  # type: ignore[no-redef]
        from tomtat.ingest.readers import _build_all as build_articles, raw_from_mapping  # type: ignore[no-redef]

    raws = [raw_from_mapping(d, source=f"single_documents[{i}]") for i, d in enumerate(documents)]
    return build_articles(raws, Problems(strict=False))


def resolve(sample: int, seed: int) -> int:
    from tomtat.vi.dates import DAY, DAY_MONTH, DateFinder, article_anchor

    summarizer = Summarizer_()
    finder = DateFinder()
    found: Counter[str] = Counter()
    resolved: Counter[str] = Counter()
    anchored = articles = 0
    pool: list[str] = []
    for record in _load("vims"):
        for article in _articles(record["single_documents"]):
            articles += 1
            anchor, _ = article_anchor(article.published, f"{article.title}\n{article.text}")
            anchored += anchor is not None
            last_day: tuple[int, Any] | None = None
            for sentence in summarizer.splitter.split(article):  # type: ignore[union-attr]
                for m in finder.find(sentence.text, anchor):
                    if m.kind == "same_time":  # "cùng ngày": the day named just before, as the timeline does
                        value = last_day[1] if last_day and sentence.index - last_day[0] <= 2 else None
                        form, ok = "same-time", value is not None
                    elif m.form == "full" or (m.year is not None and not m.anchored):
                        form, ok, value = "explicit", True, m.value
                    else:  # the year or the whole date must come from the publication date
                        form, ok, value = m.form, m.year is not None, m.value
                    found[form] += 1
                    resolved[form] += ok
                    if ok and form != "explicit":
                        pool.append(f"[{anchor}] '{m.text}' -> {value} | {sentence.text[:160]}")
                    if m.precision in (DAY, DAY_MONTH):
                        last_day = (sentence.index, m.value)
    print(f"ViMs dev: {articles} articles, {anchored} with a publication date the reader parses")
    print("  (resolved: a year known; 'explicit' dates carry their own, the others need the publication date")
    print("   or, for 'cùng ngày', the day named just before)")
    for form in ("explicit", "partial", "relative", "same-time"):
        n = found[form]
        print(f"  {form:<10} found {n:>6}  resolved {resolved[form]:>6}  ({resolved[form] / max(n, 1):.1%})")
    needing = [f for f in found if f != "explicit"]
    total, done = sum(found[f] for f in needing), sum(resolved[f] for f in needing)
    print(f"  needing the anchor or context: {total}, resolved {done} ({done / max(total, 1):.1%})")
    random.Random(seed).shuffle(pool)
    print(f"\nA sample of {min(sample, len(pool))} dates resolved against the publication date or context "
          f"(seed {seed}), to read by hand:")
    for k, line in enumerate(pool[:sample], 1):
        print(f"  {k:>2}. {line}")
    return 0


def Summarizer_():
    from tomtat.story.summarizer import Summarizer

    return Summarizer()


def dump(corpus: str, out: Path) -> int:
    try:
        from tomtat.core.options import Options
        from tomtat.story.summarizer import Summarizer
    except ImportError:  # a tree from before the layout move
        from tomtat.options import Options  # type: ignore[no-redef]
        from tomtat.pipeline import Summarizer  # type: ignore[no-redef]

    summarizer = Summarizer(Options(), story=False)
    with out.open("w", encoding="utf-8") as f:
        for record in _load(corpus):
            summary = summarizer.summarize_articles(_articles(record["single_documents"]))
            f.write(json.dumps({"text": summary.text, "sentences": [
                {"article_id": s.article_id, "sentence_index": s.sentence_index, "text": s.text}
                for s in summary.sentences]}, ensure_ascii=False) + "\n")
    print(f"wrote {out}")
    return 0


def _measure(records: list[dict[str, Any]], summaries: list[dict[str, Any]]) -> dict[str, Any]:
    from tomtat.evaluation.rouge import prepare, score_pair
    from tomtat.story.events import ClusterDates
    from tomtat.story.summarizer import Summarizer
    from tomtat.summarize.trim import with_end_mark
    from tomtat.vi.time_context import anchored_articles
    from tomtat.vi.openers import Openers
    from tomtat.vi.text import bigram_set, syllables

    openers = Openers.default()
    summarizer = Summarizer()
    row: Counter[str] = Counter()
    r2: list[float] = []
    for record, summary in zip(records, summaries):
        cluster = summarizer.build_cluster(_articles(record["single_documents"]))
        anchored = anchored_articles(cluster.articles)
        dates = ClusterDates.build(cluster)
        where = {(s.article_id, s.index): k for k, s in enumerate(cluster.sentences)}
        sentences = summary["sentences"]
        previous = None
        for s in sentences:
            key = (s["article_id"], s["sentence_index"])
            follows = previous == (key[0], key[1] - 1)
            leans = openers.leans_back(s["text"], anchored=anchored.get(key[0], False))
            row["sentences"] += 1
            row["dangling"] += leans and not follows
            row["relative"] += (openers.relative_time_opener(s["text"]) is not None and not anchored.get(key[0], False)
                                and not follows)
            row["no end mark"] += with_end_mark(s["text"]) != s["text"].rstrip()
            row["syllables"] += len(s["text"].split())
            previous = key
        sets = [bigram_set([w.lower() for w in syllables(s["text"])]) for s in sentences]
        idx = [where.get((s["article_id"], s["sentence_index"]), -1) for s in sentences]
        sim = cluster.similarity_rows([i for i in idx if i >= 0]) if any(i >= 0 for i in idx) else None
        known = [i for i in idx if i >= 0]
        for a in range(len(sentences)):
            for b in range(a + 1, len(sentences)):
                small = min(len(sets[a]), len(sets[b]))
                row["repeats"] += bool(small and len(sets[a] & sets[b]) >= 0.5 * small)
                i, j = idx[a], idx[b]
                if i < 0 or j < 0 or sentences[a]["article_id"] == sentences[b]["article_id"] or sim is None:
                    continue
                di, dj = dates.own[i], dates.own[j]
                if di is None or dj is None or di.precision != "day" or dj.precision != "day":
                    continue
                same = ((di.month, di.day) == (dj.month, dj.day) and None in (di.year, dj.year)) or di == dj
                row["same-day repeats"] += bool(same and sim[known.index(i), j] >= 0.3)
        hyp = prepare(summary["text"])
        refs = _references(record)
        r2.append(sum(score_pair(hyp, prepare(r))["rouge-2"]["f"] for r in refs) / len(refs))
    return {"counts": row, "r2": r2}


def _interval(values: list[float], seed: int = 0, rounds: int = 2000) -> tuple[float, float]:
    rng = random.Random(seed)
    n = len(values)
    means = sorted(sum(values[rng.randrange(n)] for _ in range(n)) / n for _ in range(rounds))
    return means[int(0.025 * rounds)], means[int(0.975 * rounds) - 1]


def compare(before: Path, after: Path, corpus: str) -> int:
    records = _load(corpus)
    rows = {}
    for name, path in (("before", before), ("after", after)):
        summaries = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        if len(summaries) != len(records):
            print(f"{path}: {len(summaries)} summaries for {len(records)} clusters")
            return 2
        rows[name] = _measure(records, summaries)
    print(f"{corpus}: {len(records)} clusters")
    print(f"{'system':<8}{'sentences':>10}{'syl/sum':>9}{'dangling':>9}{'relative':>9}{'repeats':>8}"
          f"{'same-day':>9}{'no end':>7}{'R2 F1':>8}  95% interval")
    for name, row in rows.items():
        c, r2 = row["counts"], row["r2"]
        low, high = _interval(r2)
        print(f"{name:<8}{c['sentences']:>10}{c['syllables'] / len(records):>9.1f}{c['dangling']:>9}{c['relative']:>9}"
              f"{c['repeats']:>8}{c['same-day repeats']:>9}{c['no end mark']:>7}{sum(r2) / len(r2):>8.4f}"
              f"  [{low:.4f}, {high:.4f}]")
    diff = [a - b for a, b in zip(rows["after"]["r2"], rows["before"]["r2"])]
    low, high = _interval(diff)
    print(f"R2 after - before: {sum(diff) / len(diff):+.4f}, paired 95% interval [{low:+.4f}, {high:+.4f}]")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("resolve")
    p.add_argument("--sample", type=int, default=30)
    p.add_argument("--seed", type=int, default=12)
    p = sub.add_parser("dump")
    p.add_argument("--corpus", choices=CORPORA, required=True)
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("compare")
    p.add_argument("before", type=Path)
    p.add_argument("after", type=Path)
    p.add_argument("--corpus", choices=CORPORA, required=True)
    args = parser.parse_args(argv)
    needed = "vims" if args.command == "resolve" else args.corpus
    if not CORPORA[needed].exists():
        print(f"skipped: {CORPORA[needed]} not found (../shared is absent)")
        return 0
    if args.command == "resolve":
        return resolve(args.sample, args.seed)
    if args.command == "dump":
        return dump(args.corpus, args.out)
    return compare(args.before, args.after, args.corpus)


if __name__ == "__main__":
    sys.exit(main())
