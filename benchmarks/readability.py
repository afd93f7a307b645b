"""Readable summaries on AbMuSu: dangling openers and cut sentences, before and after, with ROUGE.

    PYTHONPATH=src python benchmarks/readability.py                    # validation
    PYTHONPATH=src python benchmarks/readability.py --split train --examples 5
    PYTHONPATH=src python benchmarks/readability.py --corpus vims      # ViMs dev (publication dates)

For every summary sentence it checks the text as given to the reader:

* dangling: the sentence opens with an opener from ``resources/dangling_openers.txt``
  (a connective such as "Tuy nhiên," or a reference such as "Ông này", "Theo đó,", "Cùng
  ngày,", or -- when its article has no publication date -- a relative time such as "Hôm
  qua,") and the sentence before it in the summary is not its predecessor in the source article
  (not a connective that tells the fact came earlier, "Trước đó,", kept after another sentence);
* cut: it starts in lower case or ends on ":", ";", "," or a dash (``tomtat.trim.is_cut``);
* repeats: pairs of summary sentences where half or more of the shorter one's syllable
  bigrams are in the other (the same fact told twice, in the same or nearly the same words).

Rows: *before* is the summarizer with trimming, opener handling and events off (what it did
before issue 3's readability work); *trim only* and *openers only* turn on one part each;
*no events* is the default without issue 12's event-aware selection and story layout; *after*
is the default; *no redundancy* is the default without MMR or the duplicate-sentence cut-off. ROUGE-2 F1 is the official protocol (``tomtat.evaluate.compute``); ms/cl is
the summarizer's wall-clock time per cluster after reading (rows run in the same process,
so compare them to each other, not across machines). The data
is read from ../shared by path; without it the script says so and exits 0.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "abmusu"
VIMS = ROOT.parent / "shared" / "data" / "vims" / "dev.jsonl"


def _articles(documents: list[dict[str, Any]]):
    from tomtat.core.errors import Problems
    from tomtat.ingest import build_articles, raw_from_mapping

    raws = [raw_from_mapping(d, source=f"single_documents[{i}]") for i, d in enumerate(documents)]
    return build_articles(raws, Problems(strict=False))


def load(split: str) -> tuple[list[list[dict[str, Any]]], list[Any]]:
    path = VIMS if split == "vims" else DATA / f"{split}.jsonl"
    lines = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    # ViMs has two references a cluster: scored as their mean
    return [line["single_documents"] for line in lines], [line.get("summaries") or line["summary"] for line in lines]


def systems() -> dict[str, Any]:
    from tomtat.core.options import Options
    from tomtat.story.summarizer import Summarizer
    from tomtat.summarize.select import MMRSelector
    from tomtat.vi.openers import Openers

    return {
        "before": Summarizer(Options(trim=False, layout="flat"), openers=None, story=False, event_selection=False),
        "trim only": Summarizer(Options(), openers=None, story=False),
        "openers only": Summarizer(Options(trim=False), story=False),
        # issue 3's readability work without issue 12's events (flat, no event-aware selection)
        "no events": Summarizer(Options(layout="flat"), story=False, event_selection=False),
        "after": Summarizer(Options(), story=False),
        # the same without redundancy control, so the repeats column has something to compare to
        # (the selector is configured, not the options: a Summarizer refuses options its parts would ignore)
        "no redundancy": Summarizer(Options(), story=False, event_selection=False,
                                    selector=MMRSelector(redundancy=0.0, duplicate_threshold=1.0,
                                                         containment_threshold=1.01, openers=Openers.default())),
    }


def dangling(summary, openers) -> list[bool]:
    """For each sentence: does it open with an opener without its predecessor right before it?"""
    from tomtat.vi.time_context import anchored_articles

    anchored = anchored_articles(summary.articles)
    out = []
    previous = None
    for k, s in enumerate(summary.sentences):
        follows = previous is not None and previous == (s.article_id, s.sentence_index - 1)
        needs = openers.needs_predecessor(s.text, anchored=anchored[s.article_id])
        leans = openers.leans_back(s.text, anchored=anchored[s.article_id])
        # "Trước đó," after another summary sentence is kept on purpose: it tells the order.
        told_earlier = k > 0 and openers.tells_earlier(s.text) and not needs
        out.append(leans and not follows and not told_earlier)
        previous = (s.article_id, s.sentence_index)
    return out


def repeats(summary, examples: list[str] | None = None) -> int:
    """Pairs of summary sentences whose shorter one has >= half its syllable bigrams in the other."""
    from tomtat.vi.text import bigram_set, syllables

    sets = [bigram_set([w.lower() for w in syllables(s.text)]) for s in summary.sentences]
    found = 0
    for i in range(len(sets)):
        for j in range(i + 1, len(sets)):
            small = min(len(sets[i]), len(sets[j]))
            if small and len(sets[i] & sets[j]) >= 0.5 * small:
                found += 1
                if examples is not None:
                    examples.append(f"{summary.sentences[i].text[:90]} || {summary.sentences[j].text[:90]}")
    return found


def measure(summarizer, clusters, references, openers, examples: int = 0) -> dict[str, float]:
    from tomtat.evaluation.rouge import compute
    from tomtat.vi.openers import is_cut

    texts, total, hanging, cut, trimmed, syllables, repeated = [], 0, 0, 0, 0, 0, 0
    repeat_examples: list[str] = []
    shown, seconds = 0, 0.0
    for docs in clusters:
        articles = _articles(docs)
        start = time.perf_counter()
        summary = summarizer.summarize_articles(articles)
        seconds += time.perf_counter() - start
        texts.append(summary.text)
        flags = dangling(summary, openers)
        repeated += repeats(summary, repeat_examples)
        for s, flag in zip(summary.sentences, flags):
            total += 1
            hanging += flag
            cut += is_cut(s.text)
            trimmed += s.text != s.source_text
            syllables += len(s.text.split())
            if flag and shown < examples:
                print(f"    dangling: {s.text[:110]}")
                shown += 1
    for example in repeat_examples[:examples]:
        print(f"    repeat: {example}")
    scores = compute(predictions=texts, references=references)
    return {"repeats": repeated, "sentences": total, "dangling": hanging, "cut": cut, "trimmed": trimmed,
            "syllables": syllables / len(clusters), "ms": 1000 * seconds / len(clusters),
            "r2": scores["rouge-2"]["f"], "r1": scores["rouge-1"]["f"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("validation", "train"), default="validation")
    parser.add_argument("--corpus", choices=("abmusu", "vims"), default="abmusu",
                        help="vims: ViMs dev (../shared/data/vims/dev.jsonl) instead of an AbMuSu split")
    parser.add_argument("--examples", type=int, default=0, metavar="N",
                        help="print up to N dangling sentences per row")
    args = parser.parse_args(argv)
    if args.corpus == "vims":
        args.split = "vims"
    if not (VIMS if args.split == "vims" else DATA / f"{args.split}.jsonl").exists():
        print(f"skipped: {args.split} data not found under {DATA.parent} (../shared is absent)")
        return 0
    from tomtat.vi.openers import Openers

    openers = Openers.default()
    clusters, references = load(args.split)
    print(f"{args.split}: {len(clusters)} clusters")
    print(f"{'system':<14}{'sentences':>10}{'dangling':>10}{'share':>8}{'cut':>6}{'trimmed':>9}"
          f"{'syl/sum':>9}{'repeats':>8}{'R1 F1':>8}{'R2 F1':>8}{'ms/cl':>8}")
    for name, summarizer in systems().items():
        row = measure(summarizer, clusters, references, openers, args.examples)
        n = max(row["sentences"], 1)
        print(f"{name:<14}{row['sentences']:>10}{row['dangling']:>10}{row['dangling'] / n:>8.1%}{row['cut']:>6}"
              f"{row['trimmed']:>9}{row['syllables']:>9.1f}{row['repeats']:>8}{row['r1']:>8.4f}{row['r2']:>8.4f}{row['ms']:>8.1f}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
