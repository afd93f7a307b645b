"""Dates and entities on the AbMuSu validation articles: what is found and resolved, per form,
the time the timeline and entity extraction add per cluster, and a check of underthesea's NER
against the rules on a sample of sentences.

    PYTHONPATH=src .venv/bin/python benchmarks/timeline.py [--clusters N] [--anchor YYYY-MM-DD] [--ner-sample N]

Reads ../shared/data/abmusu/validation.jsonl by path; exits 0 with a reason when it is absent.
AbMuSu articles carry no publication date, so relative dates stay unresolved unless ``--anchor``
gives one (to measure what the resolver does with an anchor).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from tomtat.vi.dates import DateFinder, article_anchor
from tomtat.story.entities import EntityExtractor, fold
from tomtat.ingest.readers import article_from_mapping
from tomtat.story.summarizer import Summarizer
from tomtat.vi.resources import vietnamese_words
from tomtat.story.timeline import TimelineBuilder

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "abmusu" / "validation.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clusters", type=int, default=0, help="only the first N clusters (0: all)")
    parser.add_argument("--anchor", type=date.fromisoformat, default=None,
                        help="pretend every article was published on this date")
    parser.add_argument("--ner-sample", type=int, default=200, help="sentences to check underthesea NER on (0: skip)")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: AbMuSu validation data not found at {DATA} (../shared is absent)")
        return 0
    clusters = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.clusters:
        clusters = clusters[:args.clusters]
    summarizer = Summarizer()
    finder = DateFinder()
    builder = TimelineBuilder()
    extractor = EntityExtractor()
    found: Counter[str] = Counter()
    resolved: Counter[str] = Counter()
    year_known: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    t_base = t_timeline = t_entities = 0.0
    n_articles = n_events = n_multi = n_undated = n_entities = 0
    ner_sentences = []
    words = vietnamese_words()
    shown: Counter[str] = Counter()
    cut: Counter[str] = Counter()
    for c_index, cluster_json in enumerate(clusters):
        articles = []
        for a_index, doc in enumerate(cluster_json["single_documents"]):
            values = dict(doc)
            if args.anchor:
                values["published"] = args.anchor.isoformat()
            articles.append(article_from_mapping(values, source=f"cluster {c_index}", article_id=f"d{a_index}"))
        n_articles += len(articles)
        start = time.perf_counter()
        cluster = summarizer.build_cluster(articles)
        t_base += time.perf_counter() - start
        start = time.perf_counter()
        timeline = builder.build(cluster.articles, cluster.sentences, cluster.duplicate_of)
        t_timeline += time.perf_counter() - start
        start = time.perf_counter()
        entities = extractor.extract(cluster.sentences)
        t_entities += time.perf_counter() - start
        n_events += len(timeline.events)
        n_multi += sum(1 for e in timeline.events if len({s.article_id for s in e.sources}) > 1)
        n_undated += len(timeline.undated)
        n_entities += len(entities)
        text = "\n".join(a.text for a in cluster.articles)
        for e in entities:
            for kind, name in [("names", e.name)] + [("roles", r) for r in e.roles]:
                shown[kind] += 1
                cut[kind] += _ends_inside_a_word(name, text, words)
        for a in cluster.articles:
            anchor, _ = article_anchor(a.published, a.text)
            for m in finder.find(a.text, anchor):
                found[m.form] += 1
                kinds[m.kind] += 1
                resolved[m.form] += m.resolved
                year_known[m.form] += m.year is not None
        if len(ner_sentences) < args.ner_sample:
            ner_sentences.extend(s for s in cluster.sentences[:3] if len(s.text) < 400)
    # the summarizer's own time for the same clusters, for the ratio
    start = time.perf_counter()
    base = Summarizer()
    for c_index, cluster_json in enumerate(clusters):
        base.summarize_articles([article_from_mapping(d, source=f"cluster {c_index}", article_id=f"d{i}")
                                 for i, d in enumerate(cluster_json["single_documents"])])
    t_full = time.perf_counter() - start
    n = len(clusters)
    print(f"AbMuSu validation: {n} clusters, {n_articles} articles"
          + (f", every article anchored at {args.anchor}" if args.anchor else ", no publication dates"))
    print(f"{'form':<10}{'found':>8}{'resolved':>10}{'year known':>12}")
    for form in ("full", "partial", "relative"):
        print(f"{form:<10}{found[form]:>8}{resolved[form]:>10}{year_known[form]:>12}")
    total = sum(found.values())
    print(f"{'all':<10}{total:>8}{sum(resolved.values()):>10}{sum(year_known.values()):>12}")
    print("by pattern: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    print(f"timeline: {n_events} dated events ({n_multi} reported by 2+ articles), {n_undated} undated; "
          f"{n_entities} entities")
    print(f"time per cluster: timeline {1000 * t_timeline / n:.1f} ms, entities {1000 * t_entities / n:.1f} ms "
          f"(cluster build {1000 * t_base / n:.1f} ms; whole summarize incl. both {1000 * t_full / n:.1f} ms, "
          f"so they are {100 * (t_timeline + t_entities) / t_full:.0f}% of it)")
    print(f"entity names ending inside a word somewhere in the text (upper bound, e.g. 'Sở Giao' of "
          f"'Sở Giao thông'): {cut['names']} of {shown['names']}; roles: {cut['roles']} of {shown['roles']}")
    if args.ner_sample and ner_sentences:
        _check_underthesea(ner_sentences[:args.ner_sample], extractor)
    return 0


def _ends_inside_a_word(name: str, text: str, words: frozenset[str]) -> bool:
    """Is the name followed somewhere by a lowercase syllable that makes one word with its last
    syllable? An upper bound: "Bộ Ngoại giao phối hợp" counts although "giao phối" is not meant."""
    last = name.split()[-1]
    return any(m.group(1)[:1].islower() and f"{last} {m.group(1)}".lower() in words
               for m in re.finditer(re.escape(name) + r" (\w+)", text))


def _check_underthesea(sentences, extractor: EntityExtractor) -> None:
    try:
        from underthesea import ner
    except ImportError:
        print("underthesea not installed: NER check skipped")
        return
    start = time.perf_counter()
    model_spans: set[tuple[int, str, str]] = set()
    for k, s in enumerate(sentences):
        current: list[str] = []
        label = ""
        for token, _pos, _chunk, tag in ner(s.text) + [("", "", "", "O")]:
            if tag.startswith("B-") or tag == "O" or (tag.startswith("I-") and tag[2:] != label):
                if current:
                    model_spans.add((k, label, fold(" ".join(current))))
                current, label = ([token], tag[2:]) if tag != "O" else ([], "")
            else:
                current.append(token)
    t_model = time.perf_counter() - start
    start = time.perf_counter()
    rule_spans: set[tuple[int, str, str]] = set()
    for k, s in enumerate(sentences):
        for etype, surface, *_ in extractor.finder.evidence(s.text):
            rule_spans.add((k, etype, fold(surface)))
    t_rules = time.perf_counter() - start
    for etype in ("PER", "LOC", "ORG"):
        m = {x for x in model_spans if x[1] == etype}
        r = {x for x in rule_spans if x[1] == etype}
        print(f"underthesea vs rules, {etype}: model {len(m)}, rules {len(r)}, both {len(m & r)}")
    print(f"underthesea ner: {1000 * t_model / len(sentences):.1f} ms/sentence; "
          f"rules (evidence pass): {1000 * t_rules / len(sentences):.2f} ms/sentence "
          f"({t_model / max(t_rules, 1e-9):.0f}x faster) on {len(sentences)} sentences")
    model_only = sorted({x[2] for x in model_spans - rule_spans if x[1] == "PER"})[:12]
    rules_only = sorted({x[2] for x in rule_spans - model_spans if x[1] == "PER"})[:12]
    print(f"PER only the model found (sample): {model_only}")
    print(f"PER only the rules found (sample): {rules_only}")


if __name__ == "__main__":
    sys.exit(main())
