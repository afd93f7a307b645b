"""People named short before they are introduced, in the default story summaries: with the
cohesion pass (``tomtat.story.cohesion``) off and on.

    PYTHONPATH=src python benchmarks/cohesion.py                       # AbMuSu validation + ViMs held-out
    PYTHONPATH=src python benchmarks/cohesion.py --corpora vims-train --examples 5

Each cluster is summarized as ``tomtat summarize`` / ``tomtat batch`` do (default options, the
story layout, ``story=False`` as in batch) twice: ``Options(introductions_first=False)``
(*before*: events in the lede-first order alone) and the default (*after*). For each summary it
reads how each sentence names each person (``PersonReferences``, the pass's own reading) and
counts the summaries where a person is named short before a later sentence names them more
fully ("ông Kim ..." then "Chủ tịch Kim Jong-un ..."):

* *in an event*: both in one event (what the pass can change; an earlier event's naming counts
  as known);
* *in the summary*: anywhere in the summary's reading order (also across events, which the
  pass never reorders: events are in date order).

and the summaries with an event opened by a thing named by its kind alone ("Dự án tọa lạc tại
...", ``Openers.names_by_kind``) where another of the event's sentences is not.

It also checks that the pass changes only the order: the same sentences (article, index) and
the same events (their sets of sentences) with the pass off and on. Corpora are read by path
from ../shared (``benchmarks/corpora.py``'s ``load``); without them the script says so and
exits 0.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from corpora import SHARED, _articles, load

_FILES = {"abmusu-validation": ("abmusu", "validation.jsonl"), "abmusu-train": ("abmusu", "train.jsonl"),
          "vims-heldout": ("vims", "dev.jsonl"), "vims-train": ("vims", "dev.jsonl")}


def late_counts(summary: Any, people: Any) -> tuple[set[str], set[str]]:
    """(people introduced late inside one event, people introduced late anywhere in the summary)."""
    from tomtat.core.model import Sentence
    from tomtat.story.cohesion import late_introductions

    sentences = [Sentence(s.article_id, s.sentence_index, 0, s.start, s.end, s.source_text) for s in summary.sentences]
    namings = people.namings(sentences)
    anywhere = late_introductions(namings)
    in_event: set[str] = set()
    known: dict[str, Any] = {}
    for event in summary.events:
        in_event |= late_introductions([namings[k] for k in event.sentences], known)
        for k in event.sentences:
            for person, naming in namings[k].items():
                known[person] = naming.join(known.get(person))
    return in_event, anywhere


def kind_opening(summary: Any, openers: Any) -> bool:
    """Does an event open with a thing named by its kind alone while another of its sentences
    names none so?"""
    for event in summary.events:
        by_kind = [openers.names_by_kind(summary.sentences[k].source_text) for k in event.sentences]
        if len(by_kind) > 1 and by_kind[0] and not all(by_kind):
            return True
    return False


def _key(summary: Any) -> list[tuple[str, int]]:
    return [(s.article_id, s.sentence_index) for s in summary.sentences]


def _events(summary: Any) -> list[frozenset[tuple[str, int]]]:
    order = _key(summary)
    return [frozenset(order[k] for k in e.sentences) for e in summary.events]


def measure(corpus: str, shared: Path, examples: int) -> dict[str, Any]:
    from tomtat.core.options import Options
    from tomtat.story.cohesion import PersonReferences
    from tomtat.story.summarizer import Summarizer
    from tomtat.vi.openers import Openers

    before = Summarizer(Options(introductions_first=False), story=False)
    after = Summarizer(Options(), story=False)
    people = PersonReferences()
    openers = Openers.default()
    row = {"clusters": 0, "event_before": 0, "event_after": 0, "summary_before": 0, "summary_after": 0,
           "kind_before": 0, "kind_after": 0,
           "reordered": 0, "same_sentences": 0, "same_events": 0, "ms_before": 0.0, "ms_after": 0.0}
    shown = 0
    for documents, _ in load(corpus, shared):
        articles = _articles(documents)
        start = time.perf_counter()
        old = before.summarize_articles(articles)
        middle = time.perf_counter()
        new = after.summarize_articles(articles)
        row["ms_before"] += 1000 * (middle - start)
        row["ms_after"] += 1000 * (time.perf_counter() - middle)
        row["clusters"] += 1
        for name, summary in (("before", old), ("after", new)):
            in_event, anywhere = late_counts(summary, people)
            row[f"event_{name}"] += bool(in_event)
            row[f"summary_{name}"] += bool(anywhere)
            row[f"kind_{name}"] += kind_opening(summary, openers)
        row["same_sentences"] += sorted(_key(old)) == sorted(_key(new))
        row["same_events"] += _events(old) == _events(new)
        if _key(old) != _key(new):
            row["reordered"] += 1
            if shown < examples:
                shown += 1
                print(f"--- {corpus}, cluster {row['clusters'] - 1}\nbefore:\n{old.story_text(sources=False)}\n"
                      f"after:\n{new.story_text(sources=False)}\n")
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", nargs="+", default=["abmusu-validation", "vims-heldout"], choices=sorted(_FILES))
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (default: ../shared)")
    parser.add_argument("--examples", type=int, default=0, help="print this many reordered summaries per corpus")
    args = parser.parse_args(argv)
    rows = {}
    for corpus in args.corpora:
        folder, name = _FILES[corpus]
        if not (args.shared / "data" / folder / name).exists():
            print(f"skipped {corpus}: {args.shared / 'data' / folder / name} not found (../shared is absent)")
            continue
        rows[corpus] = measure(corpus, args.shared, args.examples)
    if not rows:
        return 0
    print("| corpus | summaries | short before intro, in an event: before -> after | in the summary: before -> after "
          "| event opened by a kind alone: before -> after | reordered | same sentences | same events "
          "| ms/cluster before / after |")
    print("|---|---|---|---|---|---|---|---|---|")
    for corpus, r in rows.items():
        n = r["clusters"]
        print(f"| {corpus} | {n} | {r['event_before']} -> {r['event_after']} | {r['summary_before']} -> "
              f"{r['summary_after']} | {r['kind_before']} -> {r['kind_after']} | {r['reordered']} | {r['same_sentences']}/{n} | {r['same_events']}/{n} | "
              f"{r['ms_before'] / n:.0f} / {r['ms_after'] / n:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
