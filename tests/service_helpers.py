"""Small Vietnamese articles written for these tests, and a real server on a free loopback port."""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
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
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
