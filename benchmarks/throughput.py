"""Batch throughput: clusters/s and MB of text/s, 1 and 2 workers, local engine and Ray.

    PYTHONPATH=src python benchmarks/throughput.py [--clusters 5100] [--engines local,ray] [--workers 1,2]

Input: AbMuSu train+validation (300 clusters) repeated, each copy with its own id, to at
least ``--clusters`` lines. Every run writes a fresh output (no resume) and includes the
pool's start-up. Peak memory is each worker's max resident set (ru_maxrss), the largest
worker reported. Ratios (2 workers vs 1) are measured in the same run; note the machine's
load (printed) when reading them. Skips with a reason when the data is absent.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from tomtat.apps.batch import run_batch
from tomtat.core.options import Options

ROOT = Path(__file__).resolve().parents[1]


def build_input(data: Path, clusters: int, path: Path) -> tuple[int, float]:
    base = [json.loads(l) for split in ("train", "validation")
            for l in (data / f"{split}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    text_bytes = 0
    count = 0
    with path.open("w", encoding="utf-8") as out:
        while count < clusters:
            for cluster in base:
                if count >= clusters:
                    break
                line = {"id": f"r{count}", "single_documents": cluster["single_documents"]}
                text_bytes += sum(len(((d.get("title") or "") + (d.get("anchor_text") or "") +
                                       (d.get("raw_text") or "")).encode("utf-8")) for d in cluster["single_documents"])
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
                count += 1
    return count, text_bytes / 1e6


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--clusters", type=int, default=5100)
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--chunk-size", type=int, default=8)
    args = parser.parse_args()
    data = args.shared / "data" / "abmusu"
    if not (data / "train.jsonl").exists():
        print(f"skipped: AbMuSu data not found at {data}")
        return 0
    engines = [e for e in args.engines.split(",") if e]
    if "ray" in engines and importlib.util.find_spec("ray") is None:
        print("ray: skipped (not installed; pip install 'tomtat[ray]')")
        engines.remove("ray")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        count, megabytes = build_input(data, args.clusters, src)
        print(f"input: {count} clusters, {megabytes:.1f} MB of text; load average {os.getloadavg()}")
        results = {}
        for engine in engines:
            for workers in [int(w) for w in args.workers.split(",")]:
                out = Path(tmp) / f"out-{engine}-{workers}.jsonl"
                load = os.getloadavg()[0]
                start = time.perf_counter()
                report = run_batch(src, out, Options(), progress=False, engine=engine, workers=workers,
                                   chunk_size=args.chunk_size, resume=False)
                elapsed = time.perf_counter() - start
                lines = sum(1 for _ in out.open(encoding="utf-8"))
                assert lines == count, f"{engine}/{workers}: {lines} lines for {count} clusters"
                row = {"seconds": round(elapsed, 1), "clusters_per_s": round(count / elapsed, 1),
                       "mb_per_s": round(megabytes / elapsed, 3),
                       "peak_mb_per_worker": round(max(report.peak_mb.values()), 1),
                       "workers_seen": len(report.peak_mb), "failed": report.failed, "load_before": round(load, 2)}
                results[(engine, workers)] = row
                print(f"{engine} x{workers}: {row}", flush=True)
            if (engine, 1) in results and (engine, 2) in results:
                ratio = results[(engine, 1)]["seconds"] / results[(engine, 2)]["seconds"]
                print(f"{engine}: 2 workers / 1 worker throughput = {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
