"""What the page shows an editor beside the summary: outlet/date/url kept, headline, different-story check."""
from __future__ import annotations

from fastapi.testclient import TestClient

from service_helpers import BAI_1, BAI_2
from tomtat.apps.service import create_app

OTHER_STORY = """Giá cà phê xuất khẩu tăng cao nhất trong mười năm

Tuần qua, giá cà phê Robusta xuất khẩu tại cảng Sài Gòn lên mức cao nhất trong mười năm.
Các doanh nghiệp ở Đắk Lắk cho biết nông dân giữ hàng chờ giá tăng thêm.
Hiệp hội Cà phê dự báo sản lượng niên vụ tới giảm khoảng 10% do hạn hán kéo dài."""


def summarize(articles):
    response = TestClient(create_app()).post("/summarize", json={"articles": articles})
    assert response.status_code == 200, response.text
    return response.json()


def test_outlet_date_and_url_are_kept_and_the_headline_is_a_given_title():
    result = summarize([
        {"id": "bai-1", "title": "Đà Nẵng mở tuyến xe buýt nối sân bay với bãi biển", "text": BAI_1.split("\n", 2)[2],
         "source": "Báo Đà Nẵng", "published": "2024-06-05", "url": "https://example.org/xe-buyt"},
        {"id": "bai-2", "text": BAI_2},
    ])
    first = result["articles"][0]
    assert (first["source"], first["published"], first["url"]) == ("Báo Đà Nẵng", "2024-06-05",
                                                                   "https://example.org/xe-buyt")
    assert result["headline"] == "Đà Nẵng mở tuyến xe buýt nối sân bay với bãi biển"
    assert result["cohesion"]["unrelated"] == []


def test_an_article_about_something_else_is_its_own_story():
    result = summarize([{"id": "bai-1", "text": BAI_1}, {"id": "bai-2", "text": BAI_2},
                        {"id": "ca-phe", "text": OTHER_STORY}])
    cohesion = result["cohesion"]
    assert cohesion["unrelated"] == ["ca-phe"]
    assert cohesion["similarity"]["ca-phe"] < cohesion["threshold"] <= cohesion["similarity"]["bai-1"]
