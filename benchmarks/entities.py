"""People and organizations found by the entity rules on AbMuSu validation and ViMs held-out, and
how a change of the rules changes them: dump the mentions with one tree, dump them with another,
compare.

    PYTHONPATH=<old tree>/src python benchmarks/entities.py dump --out before.jsonl
    PYTHONPATH=src python benchmarks/entities.py dump --out after.jsonl
    PYTHONPATH=src python benchmarks/entities.py compare before.jsonl after.jsonl [--sample 20 --seed 0]

``dump`` writes one line per person or organization mention (cluster, type, article, offsets,
the entity's key and displayed name, the sentence) of every cluster, as
``EntityExtractor.named`` groups them (an older tree without it: its ``_groups``). ``compare``
counts, type by type, the entities of each dump (a cluster's person or organization, by key)
that are the same in both (same key, same mentions), gone, new or changed (same key, other
mentions), the mentions that left or joined one, and prints a seeded sample of the entities
that changed (all types together),
each with where its mentions went (or came from) and one sentence, for reading by hand. The
dumps hold corpus text: write them outside the project. Corpora are read by path from
../shared (``benchmarks/corpora.py``'s ``load``); without them the script says so and exits 0.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from corpora import SHARED, _articles, available, load

CORPORA = ("abmusu-validation", "vims-heldout")
TYPES = ("PER", "ORG")
Entity = tuple[str, str, str]  # (cluster, type, key)
Span = tuple[str, str, str, int, int]  # (cluster, type, article, start, end)


def dump(out: Path, shared: Path) -> int:
    from tomtat.story.entities import EntityExtractor
    from tomtat.story.summarizer import Summarizer

    summarizer = Summarizer()
    extractor = EntityExtractor()
    n = 0
    with out.open("w", encoding="utf-8") as target:
        for corpus in CORPORA:
            for c, (documents, _) in enumerate(load(corpus, shared)):
                cluster = summarizer.build_cluster(_articles(documents))
                sentences = {(s.article_id, s.index): s for s in cluster.sentences}
                names = {(e.type, e.variants): e.name for e in extractor.extract(cluster.sentences)}
                for etype, key, mentions in _named(extractor, cluster.sentences):
                    name = names.get((etype, tuple(sorted({m.text for m in mentions}))), key)
                    for m in mentions:
                        s = sentences[(m.article_id, m.sentence_index)]
                        target.write(json.dumps({
                            "cluster": f"{corpus}/{c}", "type": etype, "article": m.article_id,
                            "start": m.start, "end": m.end,
                            "key": key, "name": name, "text": m.text, "role": m.role,
                            "sentence": s.text, "at": m.start - s.start}, ensure_ascii=False) + "\n")
                        n += 1
    print(f"{n} person and organization mentions written to {out}")
    return 0


def _named(extractor: Any, sentences: Any) -> list[tuple[str, str, Any]]:
    if hasattr(extractor, "named"):
        return [(t, key, ms) for t in TYPES for key, ms in extractor.named(sentences, t).items()]
    return [(t, key, ms) for (t, key), ms in extractor._groups(sentences).items() if t in TYPES and ms]


def _read(path: Path) -> tuple[dict[Entity, set[Span]], dict[Span, dict[str, Any]]]:
    entities: dict[Entity, set[Span]] = defaultdict(set)
    mentions: dict[Span, dict[str, Any]] = {}
    for line in path.open(encoding="utf-8"):
        m = json.loads(line)
        span = (m["cluster"], m.get("type", "PER"), m["article"], m["start"], m["end"])
        entities[(m["cluster"], m.get("type", "PER"), m["key"])].add(span)
        mentions[span] = m
    return entities, mentions


def _where(spans: set[Span], mentions: dict[Span, dict[str, Any]]) -> str:
    """Which entity (person or organization) of the other dump holds these spans ("-" for none)."""
    held: dict[str, int] = defaultdict(int)
    for span in spans:
        held[mentions[span]["name"] if span in mentions else "-"] += 1
    return ", ".join(f"{name} ({k})" for name, k in sorted(held.items(), key=lambda x: -x[1]))


def _context(m: dict[str, Any], width: int = 70) -> str:
    s, at = m["sentence"], m["at"]
    return " ".join(s[max(0, at - width):at + len(m["text"]) + width].split())


def compare(before_path: Path, after_path: Path, sample: int, seed: int) -> int:
    before, before_mentions = _read(before_path)
    after, after_mentions = _read(after_path)
    pool: list[tuple[str, Entity]] = []
    for etype in TYPES:
        b = {e: spans for e, spans in before.items() if e[1] == etype}
        a = {e: spans for e, spans in after.items() if e[1] == etype}
        same = {e for e in b if a.get(e) == b[e]}
        gone = sorted(set(b) - set(a))
        new = sorted(set(a) - set(b))
        changed = sorted(e for e in set(b) & set(a) if b[e] != a[e])
        b_mentions = {span: m for span, m in before_mentions.items() if span[1] == etype}
        a_mentions = {span: m for span, m in after_mentions.items() if span[1] == etype}
        left = sum(1 for span, m in b_mentions.items() if span not in a_mentions or a_mentions[span]["key"] != m["key"])
        joined = sum(1 for span, m in a_mentions.items() if span not in b_mentions or b_mentions[span]["key"] != m["key"])
        for corpus in CORPORA:
            counts = [sum(1 for cluster, _, _ in d if cluster.startswith(corpus + "/")) for d in (b, a)]
            print(f"{corpus}: {etype} entities {counts[0]} -> {counts[1]}")
        print(f"{etype} entities: {len(b)} -> {len(a)}; the same {len(same)}, gone {len(gone)}, new {len(new)}, "
              f"changed {len(changed)} (same key, other mentions)")
        print(f"{etype} mentions: {len(b_mentions)} -> {len(a_mentions)}; {left} left an entity, {joined} joined one")
        pool += [("gone", e) for e in gone] + [("new", e) for e in new] + [("changed", e) for e in changed]
    for kind, entity in random.Random(seed).sample(pool, min(sample, len(pool))):
        print(f"\n[{kind}] {entity[0]} {entity[1]} {entity[2]!r}")
        if kind != "new":
            spans = before[entity]
            first = before_mentions[min(spans)]
            print(f"  before: {first['name']!r}, {len(spans)} mentions; now held by: {_where(spans, after_mentions)}")
        if kind != "gone":
            spans = after[entity]
            first = after_mentions[min(spans)]
            print(f"  after: {first['name']!r}, {len(spans)} mentions; before held by: {_where(spans, before_mentions)}")
        print(f"  e.g. {_context(first)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (default: ../shared)")
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump", help="write the person and organization mentions of both corpora")
    dumping.add_argument("--out", type=Path, required=True)
    comparing = commands.add_parser("compare", help="compare two dumps")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    comparing.add_argument("--sample", type=int, default=20, help="changed entities to print (default 20)")
    comparing.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.command == "compare":
        return compare(args.before, args.after, args.sample, args.seed)
    if not available(args.shared):
        print(f"skipped: the corpora are not under {args.shared} (../shared is absent)")
        return 0
    return dump(args.out, args.shared)


if __name__ == "__main__":
    sys.exit(main())
