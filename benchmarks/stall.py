"""Stall test of the HTTP service: do limit-size requests slow ordinary ones, and does their CPU stop?

    python benchmarks/stall.py                          # starts `tomtat serve` on a free 127.0.0.1 port
    python benchmarks/stall.py --heavy 4 --duration 30 --timeout-seconds 10
    python benchmarks/stall.py --src ../other/src       # serve another source tree (e.g. before a change)

Three phases against one server on loopback:
1. idle: --normal clients post a small two-article cluster again and again (--duration s);
2. load: the same, while --heavy clients post limit-size requests (inside every default limit,
   slow enough to hit --timeout-seconds) again and again;
3. after: from the last limit-size answer, the server's CPU (its process and all its children,
   from /proc) is sampled every 0.25 s until a 1 s window uses under 5% of a core.

Reports p50/p99 of ordinary requests idle and under load, their ratio, the statuses of both
kinds, and the seconds until the CPU is idle. Exit 1 when the bars of issue 15 are missed
(p99 under load > 2x idle p99, CPU busy more than 5 s after the last timeout, any 5xx among
ordinary requests). Timings are only meaningful on a quiet machine; say when it was not.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import PAYLOAD, check_loopback, free_port, percentile

ROOT = Path(__file__).resolve().parents[1]

# Our own invented sentences, repeated and varied to the size limits.
SENTENCES = ("Ngày {k}/6, hội đồng thành phố họp bàn kế hoạch sửa đường ven sông số {n}.",
             "Người dân khu phố {n} góp ý về giờ thi công và lối đi tạm cho học sinh.",
             "Ban quản lý dự án cho biết đợt {k} sẽ hoàn thành trước mùa mưa năm nay.")


def limit_size_body(articles: int, chars: int) -> dict:
    out = []
    for k in range(articles):
        parts, size, n = [], 0, 0
        while size < chars - 200:
            sentence = SENTENCES[n % 3].format(k=k + 1, n=n)
            parts.append(sentence)
            size += len(sentence) + 1
            n += 1
        out.append({"id": f"big-{k}", "title": f"Bản tin dài {k}", "text": " ".join(parts)})
    return {"articles": out}


def tree_cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) of ``pid`` and all its descendants now alive."""
    tick = os.sysconf("SC_CLK_TCK")
    total, todo, seen = 0.0, [pid], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in os.listdir(f"/proc/{current}/task"):  # children of every thread, not only the main one
                todo.extend(int(c) for c in Path(f"/proc/{current}/task/{task}/children").read_text().split())
        except OSError:
            continue
    return total


def run_clients(url: str, count: int, payload: dict, stop: threading.Event, out: list, statuses: dict,
                timeout: float) -> list[threading.Thread]:
    import httpx

    def client() -> None:
        with httpx.Client(timeout=timeout) as http:
            while not stop.is_set():
                started = time.perf_counter()
                try:
                    response = http.post(url + "/summarize", json=payload)
                    code = response.status_code
                except httpx.HTTPError as exc:
                    code = type(exc).__name__
                else:
                    out.append((time.perf_counter() - started, time.monotonic()))
                statuses[code] = statuses.get(code, 0) + 1

    threads = [threading.Thread(target=client, daemon=True) for _ in range(count)]
    for thread in threads:
        thread.start()
    return threads


def phase(url: str, args: argparse.Namespace, heavy_body: dict | None) -> dict:
    stop = threading.Event()
    normal: list = []
    heavy: list = []
    normal_status: dict = {}
    heavy_status: dict = {}
    threads = run_clients(url, args.normal, PAYLOAD, stop, normal, normal_status, 120)
    if heavy_body is not None:
        threads += run_clients(url, args.heavy, heavy_body, stop, heavy, heavy_status, args.timeout_seconds + 60)
    time.sleep(args.duration)
    stop.set()
    for thread in threads:
        thread.join(timeout=args.timeout_seconds + 90)
    latencies = sorted(t for t, _ in normal)
    return {"normal_requests": len(latencies),
            "normal_p50_ms": round(percentile(latencies, 50) * 1000, 1),
            "normal_p99_ms": round(percentile(latencies, 99) * 1000, 1),
            "normal_status": {str(k): v for k, v in normal_status.items()},
            "heavy_status": {str(k): v for k, v in heavy_status.items()},
            "last_heavy_answer": max((at for _, at in heavy), default=None)}


def wait_cpu_idle(pid: int, since: float, limit: float = 60.0) -> float | None:
    """Seconds from ``since`` until a 1 s window of the server's CPU use is under 5% of a core."""
    samples: list[tuple[float, float]] = []
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        now = time.monotonic()
        samples.append((now, tree_cpu_seconds(pid)))
        older = [s for s in samples if now - s[0] >= 1.0]
        if older and (samples[-1][1] - older[-1][1]) / (now - older[-1][0]) < 0.05:
            return round(max(0.0, older[-1][0] - since), 2)  # idle from the start of that window on
        time.sleep(0.25)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--normal", type=int, default=2, help="clients sending ordinary requests (default 2)")
    parser.add_argument("--heavy", type=int, default=4, help="clients sending limit-size requests (default 4)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per phase (default 30)")
    parser.add_argument("--timeout-seconds", type=float, default=10.0, help="the server's request timeout")
    parser.add_argument("--articles", type=int, default=15, help="articles in a limit-size request")
    parser.add_argument("--chars", type=int, default=100_000, help="characters per article (limit 100,000)")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="source tree to serve")
    parser.add_argument("--output", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    if not (1 <= args.normal <= 16 and 1 <= args.heavy <= 16 and 0 < args.duration <= 300):
        parser.error("bounds: 1-16 clients of each kind, up to 300 s a phase")
    heavy_body = limit_size_body(args.articles, min(args.chars, 100_000))
    size = len(json.dumps(heavy_body, ensure_ascii=False).encode())
    if size > 2_000_000:
        parser.error(f"a limit-size request would be {size} bytes, over max_body_bytes; use fewer --articles")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    check_loopback(url)
    env = {**os.environ, "PYTHONPATH": str(args.src.resolve())}
    server = subprocess.Popen([sys.executable, "-m", "tomtat.apps.cli", "serve", "--port", str(port),
                               "--timeout-seconds", str(args.timeout_seconds)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import httpx

        deadline = time.monotonic() + 300
        while True:
            try:
                if httpx.get(url + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                sys.exit("stall: the server did not start")
            time.sleep(0.3)
        httpx.post(url + "/summarize", json=PAYLOAD, timeout=60)  # warm
        idle = phase(url, args, None)
        load = phase(url, args, heavy_body)
        since = load["last_heavy_answer"] or time.monotonic()
        cpu_idle_after = wait_cpu_idle(server.pid, since)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
    ratio = load["normal_p99_ms"] / idle["normal_p99_ms"] if idle["normal_p99_ms"] else float("nan")
    result = {"src": str(args.src), "limit_size_request_bytes": size, "timeout_seconds": args.timeout_seconds,
              "idle": idle, "load": load, "p99_ratio_load_over_idle": round(ratio, 2),
              "cpu_idle_after_last_heavy_answer_s": cpu_idle_after, "load_average": os.getloadavg(),
              "cores": os.cpu_count()}
    print(json.dumps(result, indent=2))
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(result, indent=2) + "\n")
    bad_normal = sum(v for k, v in load["normal_status"].items() if k != "200")
    ok = ratio <= 2.0 and cpu_idle_after is not None and cpu_idle_after <= 5.0 and not bad_normal
    print(f"stall: normal p50/p99 idle {idle['normal_p50_ms']}/{idle['normal_p99_ms']} ms, under load "
          f"{load['normal_p50_ms']}/{load['normal_p99_ms']} ms (x{ratio:.2f}); CPU idle {cpu_idle_after} s after the "
          f"last limit-size answer; {'bars met' if ok else 'BARS MISSED'}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
