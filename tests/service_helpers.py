"""Small Vietnamese articles written for these tests, and a real server on a free loopback port."""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

BAI_1 = """Đà Nẵng mở tuyến xe buýt nối sân bay với bãi biển

Sáng 5/6, thành phố Đà Nẵng đưa vào hoạt động tuyến xe buýt số 12 nối sân bay quốc tế với bãi biển Mỹ Khê.
Tuyến dài 14 km, có 18 điểm dừng và chạy từ 6 giờ sáng đến 21 giờ mỗi ngày.
Giá vé một lượt là 10.000 đồng, học sinh và người cao tuổi được giảm một nửa.
Theo Sở Giao thông vận tải, tuyến mới giúp du khách đi từ sân bay ra biển mà không cần gọi taxi.
Trong tháng đầu, mỗi ngày có khoảng 2.000 lượt khách đi tuyến này."""

BAI_2 = """Xe buýt sân bay – biển Mỹ Khê đông khách ngay tuần đầu

Tuyến xe buýt số 12 của Đà Nẵng, khai trương ngày 5/6, đã chở hơn 15.000 lượt khách trong tuần đầu tiên.
Nhiều du khách cho biết họ tiết kiệm được chi phí đi lại nhờ giá vé chỉ 10.000 đồng.
Ông Trần Minh, phó giám đốc Sở Giao thông vận tải, nói thành phố sẽ tăng thêm xe vào giờ cao điểm.
Đà Nẵng dự kiến mở thêm hai tuyến buýt ven biển trước cuối năm."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(app) -> Iterator[str]:
    """Run ``app`` under uvicorn on 127.0.0.1 in a thread; yield its base URL; stop it after."""
    import uvicorn

    port = free_port()
    from tomtat.apps.service.server import uvicorn_config

    server = uvicorn.Server(uvicorn_config(app, app.state.config, port=port))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 180  # start-up waits for the worker processes to load the model
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def spin(seconds: float) -> float:
    """Busy CPU work for ``seconds`` (a stand-in for a summary that takes too long)."""
    end = time.monotonic() + seconds
    count = 0.0
    while time.monotonic() < end:
        count += 1
    return count


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a live process, from /proc (0 when it is gone)."""
    import os

    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_gone(pid: int) -> bool:
    """True when ``pid`` no longer runs (absent, or a zombie waiting to be reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")
