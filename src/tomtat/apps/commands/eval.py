from __future__ import annotations

import argparse
import json
from pathlib import Path

from tomtat.evaluation.rouge import evaluate_files, format_scores

HELP = "score predictions against gold summaries with the official AbMuSu ROUGE protocol"
EXAMPLES = """examples:
  tomtat eval summaries.jsonl gold.jsonl            ROUGE-1/2/L with the official protocol
  tomtat eval summaries.jsonl gold.jsonl --json
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("predictions", type=Path, metavar="PRED.jsonl", help='lines with "summary" (and "id")')
    parser.add_argument("gold", type=Path, metavar="GOLD.jsonl", help='lines with "summary" or "refs" (and "id")')
    parser.add_argument("--json", action="store_true", help="print scores as JSON")


def run(args: argparse.Namespace) -> int:
    scores = evaluate_files(args.predictions, args.gold)
    print(json.dumps(scores.to_dict(), indent=2) if args.json else format_scores(scores))
    return 0
