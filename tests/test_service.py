"""The HTTP API: answers, limits and errors (each a 4xx JSON naming the field), never a server path."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from service_helpers import BAI_1, BAI_2
from tomtat import __version__
from tomtat.apps.service import ServiceConfig, create_app

TWO = [{"id": "bai-1", "text": BAI_1}, {"id": "bai-2", "text": BAI_2}]


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(ServiceConfig(max_body_bytes=50_000, max_articles=3, max_article_chars=2_000,
                                               max_clusters=2)))


def error_of(response, status: int, field: str | None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["field"] == field, body
    assert body["message"] and body["code"] and "Traceback" not in body["message"]
    return body


def test_summarize_json_articles_with_offsets_into_their_text(client):
    response = client.post("/summarize", json={"articles": TWO, "options": {"sentences": 2}})
    assert response.status_code == 200, response.text
    result = response.json()
    assert len(result["sentences"]) == 2
    texts = {a["id"]: a["text"] for a in result["articles"]}
    assert set(texts) == {"bai-1", "bai-2"}
    for s in result["sentences"]:
        assert texts[s["article_id"]][s["start"]:s["end"]] == s["source_text"]
    assert all(a["path"] is None for a in result["articles"])


def test_a_copy_is_marked_duplicate(client):
    copy = BAI_1.replace("Sáng 5/6", "Sáng ngày 5/6")
    result = client.post("/summarize", json={"articles": [TWO[0], {"id": "copy", "text": copy}]}).json()
    assert {"article": "copy", "duplicate_of": "bai-1"}.items() <= result["duplicates"][0].items()


def test_uploaded_files_are_read_from_memory_and_only_their_base_name_is_kept(client):
    html = "<html><body><article>" + "".join(f"<p>{line}</p>" for line in BAI_2.split("\n")) + "</article></body></html>"
    files = [("files", ("../../etc/bai-1.txt", BAI_1.encode())), ("files", ("C:\\x\\bai-2.html", html.encode()))]
    response = client.post("/summarize/files", files=files, data={"options": json.dumps({"sentences": 2})})
    assert response.status_code == 200, response.text
    ids = [a["id"] for a in response.json()["articles"]]
    assert ids == ["bai-1", "bai-2"]
    assert "etc" not in response.text and "C:" not in response.text


def test_nothing_in_a_request_names_a_server_path(client):
    error_of(client.post("/summarize", json={"articles": [{"text": BAI_1, "path": "/etc/passwd"}]}),
             422, "articles.0.path")
    error_of(client.post("/summarize", json={"articles": ["/etc/passwd"]}), 422, "articles.0")
    response = client.post("/summarize/files", files=[("files", ("/etc/passwd", b"root:x:0:0"))])
    assert response.status_code == 422 and "root" not in response.text


@pytest.mark.parametrize("body, field", [
    ({"articles": []}, "articles"),
    ({"articles": [{"text": "   "}]}, "articles.0.text"),
    ({"articles": [{"title": "Chỉ có tiêu đề"}]}, "articles.0.text"),
    ({"articles": [{"text": "The mayor opened a new bus line to the beach on Monday morning."}]}, "articles.0.text"),
    ({"articles": [{"text": BAI_1 * 5}]}, "articles.0.text"),
    ({"articles": TWO * 2}, "articles"),
    ({"articles": [{"text": 12}]}, "articles.0.text"),
    ({"articles": TWO, "options": {"colour": "red"}}, "options.colour"),
    ({"articles": TWO, "options": {"sentences": "three"}}, "options.sentences"),
    ({"articles": TWO, "options": {"sentences": 2, "ratio": 0.1}}, "options.ratio"),
    ({"articles": TWO, "options": {"order": "random"}}, "options.order"),
    ({"articles": TWO, "extra": 1}, "extra"),
    ({}, "articles"),
])
def test_bad_requests_get_a_4xx_naming_the_field(client, body, field):
    error_of(client.post("/summarize", json=body), 422, field)


def test_invalid_json_and_too_large_bodies(client):
    error_of(client.post("/summarize", content=b'{"articles": [', headers={"content-type": "application/json"}),
             400, "body")
    body = error_of(client.post("/summarize", content=b"x" * 60_000, headers={"content-type": "application/json"}),
                    413, "body")
    assert "50000" in body["message"]


def test_file_upload_errors_name_the_file(client):
    error_of(client.post("/summarize/files", files=[("files", ("a.pdf", b"%PDF-1.4"))]), 422, "files.0")
    error_of(client.post("/summarize/files", files=[("files", ("a.txt", b""))]), 422, "files.0")
    error_of(client.post("/summarize/files", files=[("files", ("a.txt", BAI_1.encode()))], data={"options": "{x"}),
             400, "options")
    error_of(client.post("/summarize/files", files=[("files", ("a.txt", BAI_1.encode()))],
                         data={"options": '{"bogus": 1}'}), 422, "options.bogus")


def test_batch_reports_a_bad_cluster_in_place(client):
    body = {"clusters": [{"id": "ok", "articles": TWO}, {"id": "bad", "articles": [{"text": ""}]}],
            "options": {"sentences": 1}}
    response = client.post("/batch", json=body)
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["id"] for r in results] == ["ok", "bad"]
    assert len(results[0]["summary"]["sentences"]) == 1
    assert results[1]["error"]["field"] == "clusters.1.articles.0.text"
    error_of(client.post("/batch", json={"clusters": [{"articles": TWO}] * 3}), 422, "clusters")


BRIDGE = [
    {"id": "cau-1", "text": "Quảng Nam khởi công cầu mới qua sông Thu Bồn\n\n"
     "Ngày 12/3/2024, tỉnh Quảng Nam khởi công cầu Giao Thủy mới qua sông Thu Bồn.\n"
     "Cây cầu dài 600 mét, có bốn làn xe và dự kiến hoàn thành trong hai năm.\n"
     "Ông Nguyễn Văn An, chủ tịch UBND tỉnh Quảng Nam, cho biết cầu sẽ giúp nông sản đi nhanh hơn."},
    {"id": "cau-2", "text": "Cầu Giao Thủy mới đã thi công xong phần móng\n\n"
     "Ngày 20/4/2024, nhà thầu báo cáo đã làm xong phần móng của cầu Giao Thủy mới tại Quảng Nam.\n"
     "Theo ông Nguyễn Văn An, tỉnh sẽ bố trí thêm vốn để cầu thông xe sớm.\n"
     "Người dân hai bên sông mong cây cầu sớm hoàn thành để đi lại thuận tiện hơn."},
]


def test_timeline_lists_the_dated_events_in_order_with_their_sources(client):
    response = client.post("/timeline", json={"articles": BRIDGE})
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"articles", "timeline"}
    texts = {a["id"]: a["text"] for a in body["articles"]}
    events = body["timeline"]["events"]
    assert [(e["date"], e["articles"]) for e in events] == [("2024-03-12", ["cau-1"]), ("2024-04-20", ["cau-2"])]
    for event in events:
        source = event["sources"][0]
        assert texts[source["article_id"]][source["start"]:source["end"]] == source["text"]
        assert source["date_text"] in source["text"]


def test_entities_name_the_people_and_places_with_their_articles(client):
    response = client.post("/entities", json={"articles": BRIDGE})
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"articles", "entities"}
    found = {e["name"]: e for e in body["entities"]}
    assert found["Nguyễn Văn An"]["type"] == "PER" and found["Nguyễn Văn An"]["articles"] == ["cau-1", "cau-2"]
    assert "chủ tịch" in found["Nguyễn Văn An"]["role"]
    assert found["Quảng Nam"]["type"] == "LOC"


def test_health_version_page_and_openapi(client):
    assert client.get("/health").json() == {"status": "ok"}
    version = client.get("/version").json()
    assert version["version"] == __version__ and version["limits"]["max_articles"] == 3
    page = client.get("/")
    assert page.status_code == 200 and "Tóm tắt" in page.text
    assert client.get("/static/app.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/summarize", "/summarize/files", "/batch", "/timeline", "/entities", "/health", "/version"} <= set(paths)
    error_of(client.get("/no-such-thing"), 404, None)


def test_config_from_environment_and_bad_values():
    from tomtat.core.errors import OptionsError

    config = ServiceConfig.from_env({"TOMTAT_MAX_ARTICLES": "7"}, timeout_seconds=3.0)
    assert config.max_articles == 7 and config.timeout_seconds == 3.0
    with pytest.raises(OptionsError) as info:
        ServiceConfig.from_env({"TOMTAT_MAX_ARTICLES": "many"})
    assert info.value.field_name == "max_articles"
    with pytest.raises(OptionsError):
        ServiceConfig(max_body_bytes=0)
