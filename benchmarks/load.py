"""Load test of the HTTP service: N concurrent clients for T seconds against a server on loopback.

    python benchmarks/load.py                      # starts `tomtat serve` on a free 127.0.0.1 port; 32 clients, 60 s
    python benchmarks/load.py --clients 8 --duration 10
    python benchmarks/load.py --url http://127.0.0.1:8000   # an already running server (loopback only)

Every client posts the same small two-article cluster to /summarize, again and again, until the
time is up or --max-requests have been sent. Reports requests/s, p50/p95/p99 latency, status
counts, 5xx, and lost answers (a request with no complete answer: connection error, timeout, or
a body that is not the expected summary JSON). Bounded in count and time; it stops by itself.
Exit status 1 when there was any 5xx or lost answer.
"""
from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]

# Our own two short articles (written for this benchmark).
PAYLOAD = {
    "articles": [
        {"id": "bai-1", "title": "Cần Thơ khánh thành cầu đi bộ qua sông Hậu",
         "text": "Chiều 2/9, thành phố Cần Thơ khánh thành cây cầu đi bộ dài 180 mét bắc qua một nhánh sông Hậu. "
                 "Cầu được thắp sáng bằng đèn tiết kiệm điện và mở cửa từ 5 giờ sáng đến 23 giờ. "
                 "Công trình có tổng vốn 45 tỷ đồng, do ngân sách thành phố chi trả. "
                 "Người dân hai bên bờ cho biết quãng đường đi chợ ngắn hơn gần ba cây số."},
        {"id": "bai-2", "title": "Cầu đi bộ mới ở Cần Thơ thu hút du khách",
         "text": "Cây cầu đi bộ mới khánh thành ở Cần Thơ đã đón hàng nghìn lượt khách trong dịp nghỉ lễ. "
                 "Nhiều du khách đến chụp ảnh khi cầu lên đèn vào buổi tối. "
                 "Ban quản lý cho biết sẽ bố trí thêm nhân viên giữ trật tự vào cuối tuần. "
                 "Thành phố dự kiến xây thêm một cầu tương tự vào năm sau."},
    ],
    "options": {"sentences": 2},
}


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(q / 100 * (len(sorted_values) - 1))))
    return sorted_values[index]


def check_loopback(url: str) -> None:
    host = urlparse(url).hostname or ""
    if host == "localhost":
        return
    try:
        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        pass
    sys.exit(f"load: refusing {url}: only loopback addresses (127.0.0.0/8, ::1, localhost) may be targeted")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int) -> subprocess.Popen:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.Popen([sys.executable, "-m", "tomtat.apps.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return proc


async def wait_ready(client, url: str, proc: subprocess.Popen | None, limit: float = 300.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            sys.exit(f"load: the server exited: {proc.stderr.read().decode(errors='replace') if proc.stderr else ''}")
        try:
            if (await client.get(url + "/health")).status_code == 200:
                return
        except Exception:  # not up yet
            pass
        await asyncio.sleep(0.2)
    sys.exit("load: the server did not become ready in time")


async def run(args: argparse.Namespace, url: str, proc: subprocess.Popen | None) -> dict:
    import httpx

    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    async with httpx.AsyncClient(timeout=args.timeout, limits=limits) as client:
        await wait_ready(client, url, proc)
        expected = (await client.post(url + "/summarize", json=PAYLOAD)).json().get("summary")
        latencies: list[float] = []
        statuses: dict[int, int] = {}
        lost: dict[str, int] = {}
        sent = 0
        stop_at = time.monotonic() + args.duration

        async def one_client() -> None:
            nonlocal sent
            while time.monotonic() < stop_at and sent < args.max_requests:
                sent += 1
                start = time.perf_counter()
                try:
                    response = await client.post(url + "/summarize", json=PAYLOAD)
                    body = response.json()
                except Exception as exc:  # no complete answer: counted, never hidden
                    lost[type(exc).__name__] = lost.get(type(exc).__name__, 0) + 1
                    continue
                latencies.append(time.perf_counter() - start)
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                if response.status_code == 200 and body.get("summary") != expected:
                    lost["wrong_answer"] = lost.get("wrong_answer", 0) + 1

        began = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(args.clients)))
        elapsed = time.perf_counter() - began
    latencies.sort()
    answered = len(latencies)
    return {
        "clients": args.clients, "duration_s": round(elapsed, 2), "requests_sent": sent, "answered": answered,
        "requests_per_s": round(answered / elapsed, 1) if elapsed else 0.0,
        "latency_ms": {f"p{q}": round(percentile(latencies, q) * 1000, 1) for q in (50, 95, 99)}
        | {"max": round(latencies[-1] * 1000, 1) if latencies else None},
        "status": {str(k): v for k, v in sorted(statuses.items())},
        "errors_5xx": sum(v for k, v in statuses.items() if k >= 500),
        "errors_4xx": sum(v for k, v in statuses.items() if 400 <= k < 500),
        "lost_answers": sum(lost.values()), "lost_by_kind": lost,
        "cores": os.cpu_count(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds (default %(default)s)")
    parser.add_argument("--max-requests", type=int, default=200_000, help="upper bound on requests sent")
    parser.add_argument("--timeout", type=float, default=60.0, help="per-request client timeout, seconds")
    parser.add_argument("--url", help="an already running server on loopback (default: start one)")
    parser.add_argument("--output", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    if not (1 <= args.clients <= 256 and 0 < args.duration <= 600 and 1 <= args.max_requests <= 1_000_000):
        parser.error("bounds: 1-256 clients, duration up to 600 s, 1-1,000,000 requests")
    proc = None
    if args.url:
        url = args.url.rstrip("/")
        check_loopback(url)
    else:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        proc = start_server(port)
    try:
        result = asyncio.run(run(args, url, proc))
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
    print(json.dumps(result, indent=2))
    print(f"{result['clients']} clients, {result['duration_s']} s: {result['requests_per_s']} requests/s, "
          f"p50 {result['latency_ms']['p50']} ms, p95 {result['latency_ms']['p95']} ms, "
          f"p99 {result['latency_ms']['p99']} ms; {result['errors_5xx']} 5xx, {result['lost_answers']} lost answers",
          file=sys.stderr)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(result, indent=2) + "\n")
    return 1 if result["errors_5xx"] or result["lost_answers"] else 0


if __name__ == "__main__":
    sys.exit(main())
