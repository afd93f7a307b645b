"""The page in a real browser: headless Debian chromium driven by Playwright (never Playwright's own download)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from service_helpers import BAI_1, BAI_2, running_server

pytestmark = pytest.mark.slow

CHROMIUM = Path(os.environ.get("TOMTAT_CHROMIUM", "/usr/bin/chromium"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(os.environ.get("TOMTAT_SCREENSHOTS", Path(__file__).resolve().parents[1] / "build" / "screenshots"))


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"chromium not found at {CHROMIUM}: run scripts/setup-browser.sh (installs Debian chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed: scripts/setup.sh --test")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def base_url():
    from tomtat.apps.service import create_app

    with running_server(create_app()) as url:
        yield url


def test_paste_two_articles_summarize_and_follow_a_source(browser, base_url):
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    try:
        page.goto(base_url + "/")
        assert page.locator("h1").inner_text().startswith("Tóm tắt")
        boxes = page.locator(".article-box textarea")
        assert boxes.count() == 2
        boxes.nth(0).fill(BAI_1)
        boxes.nth(1).fill(BAI_2)
        page.locator("#length-value").fill("60")
        page.locator("#go").click()
        page.wait_for_selector("#summary .sent", timeout=60_000)
        sentences = page.locator("#summary .sent")
        assert 1 <= sentences.count() <= 4
        assert page.locator("#error").is_hidden()
        # Every summary sentence comes from a pasted article, and its source span holds that text.
        first_text = sentences.nth(0).evaluate("n => n.firstChild.textContent")
        assert first_text in BAI_1 or first_text in BAI_2
        link = page.locator("#summary .sent a.src-link").first
        href = link.get_attribute("href")
        assert href and href.startswith("#src-")
        link.click()
        source = page.locator(href)
        assert source.inner_text() == first_text
        assert "selected" in (source.get_attribute("class") or "")
        # Hovering another sentence previews its own source sentence; the chosen one stays marked.
        last = sentences.nth(sentences.count() - 1)
        last.hover()
        last_id = last.locator("a.src-link").get_attribute("href")
        assert "hovered" in (page.locator(last_id).get_attribute("class") or "")
        assert "selected" in (source.get_attribute("class") or "")
        # People and places come grouped by type, each a chip.
        if page.locator("#entities-panel").is_visible():
            assert page.locator("#entities .chip").count() >= 1
        # The two articles are shown as sources, titled by their first lines.
        headings = page.locator(".source h3").all_inner_texts()
        assert page.locator(".article-box textarea").nth(1).get_attribute("id") != boxes.nth(0).get_attribute("id")
        assert len(headings) == 2 and any("Đà Nẵng mở tuyến" in h for h in headings)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "summary.png"), full_page=True)
    finally:
        page.close()


def test_empty_input_shows_an_error(browser, base_url):
    page = browser.new_page()
    try:
        page.goto(base_url + "/")
        page.locator("#go").click()
        error = page.locator("#error")
        error.wait_for(state="visible", timeout=10_000)
        assert "ít nhất một bài" in error.inner_text()
        assert page.locator("#result").is_hidden()
        page.locator("#lang").click()  # the English toggle translates the page and the message
        assert page.locator("h1").inner_text().startswith("Summarize")
        assert "at least one article" in error.inner_text()
    finally:
        page.close()


def test_server_error_is_shown_in_vietnamese(browser, base_url):
    page = browser.new_page()
    try:
        page.goto(base_url + "/")
        page.locator(".article-box textarea").first.fill("This is plainly an English text with no Vietnamese at all.")
        page.locator("#go").click()
        error = page.locator("#error")
        error.wait_for(state="visible", timeout=30_000)
        assert "Bài 1" in error.inner_text() and "không giống tiếng Việt" in error.inner_text()
        assert "articles.0.text" not in error.inner_text() and "min_vietnamese_share" not in error.inner_text()
        assert page.locator("#status").inner_text() == "" and page.locator("#go").is_enabled()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "error.png"))
    finally:
        page.close()


def test_dropped_files_are_summarized(browser, base_url):
    page = browser.new_page()
    try:
        page.goto(base_url + "/")
        html = "<html><body><article><h1>Tuyến buýt số 12</h1>" + "".join(
            f"<p>{line}</p>" for line in BAI_2.split("\n")[1:] if line) + "</article></body></html>"
        page.set_input_files("#file-input", files=[
            {"name": "bai-mot.txt", "mimeType": "text/plain", "buffer": BAI_1.encode()},
            {"name": "bai-hai.html", "mimeType": "text/html", "buffer": html.encode()},
        ])
        assert page.locator("#files li").count() == 2
        page.locator("#go").click()
        page.wait_for_selector("#summary .sent", timeout=60_000)
        headings = page.locator(".source h3").all_inner_texts()
        assert len(headings) == 2 and "Tuyến buýt số 12" in headings[1]
    finally:
        page.close()


def test_timeline_and_entities_panels_show_when_the_answer_has_them(browser, base_url):
    """The lead wires the timeline/entities modules later; the page shows whatever the summary carries."""
    page = browser.new_page()

    def add_parts(route):
        response = route.fetch()
        body = response.json()
        body["timeline"] = [{"date": "2024-06-05", "text": "Khai trương tuyến buýt số 12"}]  # an older shape
        body["entities"] = {"people": [{"name": "Trần Minh"}], "places": [{"name": "Đà Nẵng"}]}
        route.fulfill(response=response, json=body)

    try:
        page.route("**/summarize", add_parts)
        page.goto(base_url + "/")
        page.locator(".article-box textarea").nth(0).fill(BAI_1)
        page.locator(".article-box textarea").nth(1).fill(BAI_2)
        page.locator("#go").click()
        page.wait_for_selector("#summary .sent", timeout=60_000)
        assert page.locator("#timeline-panel").is_visible()
        assert "5/6/2024" in page.locator("#timeline").inner_text()
        assert "Trần Minh" in page.locator("#entities").inner_text()
        assert "Đà Nẵng" in page.locator("#entities").inner_text()
        assert "Người:" in page.locator("#entities").inner_text()
        assert page.locator("#entities-panel h2").inner_text() == "Người, địa danh và tổ chức"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.locator("#result").screenshot(path=str(SCREENSHOTS / "panels.png"))
    finally:
        page.close()
