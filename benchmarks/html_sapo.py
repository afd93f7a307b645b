"""What reading a page's sapo from its meta description is worth, on pages made from the corpora.

    PYTHONPATH=src python benchmarks/html_sapo.py [--corpora abmusu-validation vims-heldout]

Each article of a cluster is written as a plain news page (headline, the sapo as the first
paragraph where the article has one, the body's paragraphs) and read back through tomtat's
HTML reader (trafilatura), then summarized at 200 syllables and scored as in
``benchmarks/corpora.py``. Four kinds of page:

- ``sapo, description = sapo``: the page shows its sapo and its meta description repeats it
  (what most Vietnamese outlets do); the reader takes that paragraph for the lead.
- ``sapo, no description``: the same page without the meta tag: the sapo is the body's
  first paragraph, unmarked (the ``+lead-in-body`` layout).
- ``no sapo, description = first paragraph (160 chars)``: a site without sapos whose pages
  describe themselves by their first paragraph, cut short: the rule's mistake case, the
  first body paragraph taken for a sapo.
- ``no sapo, no description``: the body alone (the ``+no-lead`` layout).

Without ../shared the script says so and exits 0.
"""
from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import FIXED, SHARED, available, bootstrap, load, per_cluster_scores

KINDS = ("sapo, description = sapo", "sapo, no description",
         "no sapo, description = first paragraph (160 chars)", "no sapo, no description")


def page(document: dict[str, Any], kind: str) -> str:
    title = (document.get("title") or "").strip()
    sapo = (document.get("anchor_text") or "").strip() if kind.startswith("sapo") else ""
    paragraphs = [p.strip() for p in (document.get("raw_text") or "").split("\n") if p.strip()]
    if kind == KINDS[0]:
        description = sapo
    elif kind == KINDS[2]:
        description = paragraphs[0][:160] if paragraphs else ""
    else:
        description = ""
    meta = f'<meta name="description" content="{html.escape(description)}">' if description else ""
    shown = f'<h2 class="sapo">{html.escape(sapo)}</h2>' if sapo else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)}</title>{meta}'
            f'</head><body><nav><a href="/">Trang chủ</a></nav><article><h1>{html.escape(title)}</h1>{shown}{body}'
            f'</article><footer><p>Bản quyền thuộc về tòa soạn.</p></footer></body></html>')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", nargs="+", default=["abmusu-validation", "vims-heldout"])
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args(argv)
    if not available(args.shared):
        print(f"skipped: AbMuSu/ViMs data not found under {args.shared} (../shared is absent)")
        return 0
    from tomtat.core.errors import Problems
    from tomtat.core.options import Options
    from tomtat.ingest import build_articles
    from tomtat.ingest.readers import parse_text
    from tomtat.story.summarizer import Summarizer

    summarizer = Summarizer(Options(syllables=FIXED), story=False)
    cache: dict[str, str] = {}
    for corpus in args.corpora:
        clusters = load(corpus, args.shared)
        for kind in KINDS:
            predictions, leads, articles = [], 0, 0
            for documents, _ in clusters:
                problems = Problems(strict=False)
                raws = [raw for k, d in enumerate(documents)
                        for raw in parse_text(page(d, kind), f"page{k}.html", ".html", problems)]
                read = build_articles(raws, problems)
                leads += sum(bool(a.lead) for a in read)
                articles += len(read)
                predictions.append(summarizer.summarize_articles(read).text)
            r2 = per_cluster_scores(predictions, [refs for _, refs in clusters], cache)["rouge-2"]
            low, high = bootstrap(r2)
            print(f"{corpus:<20} {kind:<52} R2 {r2.mean():.4f} [{low:.4f}, {high:.4f}]  "
                  f"lead read on {leads}/{articles} pages", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
