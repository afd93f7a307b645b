"""Issue 15, the service side: nothing a client sends can stall the service or get a 500.

Each test is named after the case it guards. Timing is never asserted (benchmarks/stall.py
measures latency); these check states: a process gone, a status code, a header.
"""
from __future__ import annotations

import json
import re
import socket
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service_helpers import BAI_1, BAI_2, cpu_seconds, process_gone, running_server, spin
from tomtat.apps.service import ServiceConfig, create_app
from tomtat.apps.service.workers import ProcessWorkers, WorkTimeout

TWO = [{"id": "bai-1", "text": BAI_1}, {"id": "bai-2", "text": BAI_2}]
EDGE = [{"id": "a", "text": BAI_1, "published": "9999-12-31"},
        {"id": "b", "text": "Thứ sáu, 31/12/9999 08:00 (GMT+7)\n" + BAI_2}]
LINUX_PROC = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")


def limit_size_cluster(articles: int = 15, chars: int = 90_000) -> dict:
    """Inside every default limit (100k characters an article, 2 MB a body), and slow to summarize."""
    body = (BAI_1 + "\n") * (chars // (len(BAI_1) + 1))
    return {"articles": [{"id": f"big-{k}", "text": body.replace("5/6", f"{k + 1}/6")} for k in range(articles)]}


@pytest.fixture(scope="module")
def client():
    config = ServiceConfig(max_body_bytes=60_000, max_articles=3, max_article_chars=2_000, max_clusters=2,
                           workers=1, large_workers=1)
    with TestClient(create_app(config)) as test_client:
        yield test_client


def error_of(response, status: int, field: str | None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["field"] == field and body["message"] and "Traceback" not in response.text, body
    return body


@LINUX_PROC
def test_timeout_stops_work():
    """The process running work past its deadline is killed at once and replaced; the next call works."""
    pool = ProcessWorkers(1, name="tomtat-test-worker")
    try:
        assert pool.wait_ready()
        (busy,) = pool.pids()
        started = time.monotonic()
        with pytest.raises(WorkTimeout):
            pool.call(spin, (60.0,), timeout=0.5)
        assert time.monotonic() - started < 10
        assert process_gone(busy), "the timed-out worker is still running"
        assert pool.wait_ready() and pool.pids() != [busy] and pool.replaced == 1
        assert pool.call(spin, (0.01,), timeout=60) > 0
    finally:
        pool.close()


@pytest.mark.slow
@LINUX_PROC
def test_timeout_stops_work_of_a_limit_size_request():
    config = ServiceConfig(timeout_seconds=1.0, workers=1, large_workers=1)
    with TestClient(create_app(config)) as client:
        large = client.app.state.workers["large"]
        before = set(large.pids())
        error_of(client.post("/summarize", json=limit_size_cluster()), 503, "timeout_seconds")
        assert all(process_gone(pid) for pid in before), "the timed-out work is still running"
        assert large.replaced >= 1 and client.app.state.workers["ordinary"].replaced == 0
        assert large.wait_ready()
        idle = {pid: cpu_seconds(pid) for pid in large.pids()}
        time.sleep(1.0)
        used = sum(cpu_seconds(pid) - start for pid, start in idle.items())
        assert used < 0.3, f"workers used {used:.2f} s of CPU in 1 s while idle"


@pytest.mark.parametrize("field, value, status", [
    ("anchor_text", "Tin mới. " * 400, 422), ("raw_text", "Tin mới. " * 400, 422), ("text", "Tin mới. " * 400, 422),
    ("title", "Tiêu đề " * 200, 422), ("url", "http://x/" + "a" * 2100, 422), ("source", "Báo " * 100, 422),
    ("published", "2024-01-01" * 30, 422), ("id", "x" * 201, 422),
])
def test_every_text_field_has_a_limit(client, field, value, status):
    article = {"text": BAI_1, field: value}
    error_of(client.post("/summarize", json={"articles": [article]}), status, f"articles.0.{field}")


@pytest.mark.parametrize("endpoint", ["/summarize", "/timeline", "/entities"])
def test_year_9999_published_service(client, endpoint):
    response = client.post(endpoint, json={"articles": EDGE})
    assert response.status_code == 200, response.text


def test_year_9999_published_batch_keeps_every_cluster(client):
    response = client.post("/batch", json={"clusters": [{"id": "edge", "articles": EDGE}, {"id": "ok", "articles": TWO}]})
    assert response.status_code == 200, response.text
    assert [r["id"] for r in response.json()["results"]] == ["edge", "ok"]
    assert all(r["summary"] for r in response.json()["results"])


def test_bom_then_invalid_bytes_upload(client):
    files = [("files", ("good.txt", BAI_1.encode())), ("files", ("bom.txt", b"\xef\xbb\xbfTin \xff\xfe nay"))]
    body = error_of(client.post("/summarize/files", files=files), 422, "files.1")
    assert "bom.txt" in body["message"] and "BOM" in body["message"]


def test_json_upload_with_a_bad_item_names_it(client):
    items = json.dumps([{"text": BAI_1}, {"text": 5}]).encode()
    body = error_of(client.post("/summarize/files", files=[("files", ("list.json", items))]), 422, "files.0")
    assert "list.json[1]" in body["message"]


def test_emoji_only_article_service(client):
    error_of(client.post("/summarize", json={"articles": [{"text": "😀😀😀 🎉🎉 👍"}]}), 422, "articles.0.text")


def test_deeply_nested_json(client):
    body = b'{"articles": ' + b"[" * 20_000 + b"]" * 20_000 + b"}"
    error_of(client.post("/summarize", content=body, headers={"content-type": "application/json"}), 400, "body")
    error_of(client.post("/summarize/files", files=[("files", ("deep.json", b"[" * 20_000 + b"]" * 20_000))]),
             422, "files.0")
    error_of(client.post("/summarize/files", files=[("files", ("a.txt", BAI_1.encode()))],
                         data={"options": "[" * 20_000 + "]" * 20_000}), 400, "options")


def test_long_upload_name(client):
    error_of(client.post("/summarize/files", files=[("files", ("a" * 5_000 + ".txt", BAI_1.encode()))]), 400, "files")
    error_of(client.post("/summarize/files", files=[("files", ("a" * 300 + ".txt", BAI_1.encode()))]), 400, "files.0")


def test_page_security_headers(client):
    page = client.get("/")
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert page.headers["x-content-type-options"] == "nosniff" and page.headers["x-frame-options"] == "DENY"
    assert client.get("/static/app.js").headers["x-content-type-options"] == "nosniff"
    assert client.get("/health").headers["x-content-type-options"] == "nosniff"
    # the page loads only its own files: nothing inline for the policy to block
    html = page.text
    assert "<script>" not in html and "<style" not in html and " style=" not in html
    assert not re.search(r"\son[a-z]+\s*=", html), "an inline event handler would be blocked by the policy"


def _send_slowly(port: int, chunks: list[bytes], pause: float, limit: float) -> tuple[bytes, float]:
    """Send ``chunks`` with ``pause`` between them; return what the server answered and when it closed."""
    started = time.monotonic()
    answer = b""
    with socket.create_connection(("127.0.0.1", port), timeout=limit) as sock:
        sock.settimeout(pause)
        for chunk in chunks:
            try:
                sock.sendall(chunk)
            except OSError:
                break
            try:
                data = sock.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                break
            answer += data
            if not data:
                break
        sock.settimeout(max(0.1, limit - (time.monotonic() - started)))
        try:
            while data := sock.recv(65536):
                answer += data
        except OSError:
            pass
    return answer, time.monotonic() - started


@pytest.mark.slow
def test_slow_connections_get_a_read_timeout():
    config = ServiceConfig(read_timeout_seconds=1.0, workers=1, large_workers=1)
    with running_server(create_app(config)) as url:
        port = int(url.rsplit(":", 1)[1])
        head = b"POST /summarize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        # a request head trickled one byte at a time: closed without an answer
        answer, took = _send_slowly(port, [bytes([b]) for b in head], pause=0.3, limit=20)
        assert took < 10 and answer == b"", (took, answer)
        # a whole head, then a body trickled: 408 naming the body
        body = json.dumps({"articles": TWO}).encode()
        chunks = [head + f"Content-Length: {len(body)}\r\n\r\n".encode()] + [body[i:i + 1] for i in range(len(body))]
        answer, took = _send_slowly(port, chunks, pause=0.3, limit=30)
        assert took < 15 and b" 408 " in answer.split(b"\r\n", 1)[0] and b'"field": "body"' in answer, (took, answer[:200])
        # an idle connection is closed too
        answer, took = _send_slowly(port, [], pause=0.1, limit=20)
        assert took < 10 and answer == b""


@pytest.mark.slow
@LINUX_PROC
def test_normal_requests_succeed_during_limit_size_load():
    """Limit-size requests time out in their own lane while ordinary ones keep being answered."""
    import httpx

    # A generous timeout: on a busy machine an ordinary request must not time out for want of CPU.
    config = ServiceConfig(timeout_seconds=8.0, workers=1, large_workers=1)
    with running_server(create_app(config)) as url:
        statuses: list[int] = []

        def heavy() -> None:
            statuses.append(httpx.post(url + "/summarize", json=limit_size_cluster(), timeout=60).status_code)

        threads = [threading.Thread(target=heavy) for _ in range(3)]
        for thread in threads:
            thread.start()
        normal = []
        with httpx.Client(timeout=60) as http:
            while any(t.is_alive() for t in threads):
                normal.append(http.post(url + "/summarize", json={"articles": TWO, "options": {"sentences": 1}}))
        for thread in threads:
            thread.join()
        assert len(statuses) == 3 and set(statuses) <= {200, 503}, statuses
        assert normal and all(r.status_code == 200 for r in normal), [r.status_code for r in normal]


def test_a_worker_ended_twice_at_once_raises_nothing():
    # the pool's close() and a failed start's replace() can both end one worker; the second
    # close of its pipe then meets a descriptor already gone (seen once in CI as a thread's OSError)
    import multiprocessing
    import os

    from tomtat.apps.service.workers import _end, _Worker

    parent_end, child_end = multiprocessing.Pipe()
    process = multiprocessing.get_context("spawn").Process(target=time.sleep, args=(30,), daemon=True)
    process.start()
    worker = _Worker(process, parent_end)
    os.close(parent_end.fileno())  # as if another thread had closed it first
    _end(worker)
    assert not process.is_alive()
    child_end.close()
