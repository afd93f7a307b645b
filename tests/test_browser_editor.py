"""What an editor does on the page, in headless Debian chromium: follow a sentence to its source (desktop
and phone), see the result, give outlet/date/link, read it in English, paste several articles, export."""
from __future__ import annotations

import re

import pytest

from service_helpers import BAI_1, BAI_2
from test_browser import SCREENSHOTS, base_url, browser  # noqa: F401  (module fixtures)

expect = pytest.importorskip("playwright.sync_api", reason="playwright not installed").expect
# A real browser. The bar of the page (a chosen sentence keeps its source marked and in view, desktop and
# phone; the result is focused) runs in every `make test`; the rest is slow: CI and `make test-all`.

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE)
OTHER_STORY = """Giá cà phê xuất khẩu tăng cao nhất trong mười năm

Tuần qua, giá cà phê Robusta xuất khẩu tại cảng Sài Gòn lên mức cao nhất trong mười năm.
Các doanh nghiệp ở Đắk Lắk cho biết nông dân giữ hàng chờ giá tăng thêm.
Hiệp hội Cà phê dự báo sản lượng niên vụ tới giảm khoảng 10% do hạn hán kéo dài."""


def summarize_two(page, base_url, *, outlet=None):  # noqa: F811
    page.goto(base_url + "/")
    boxes = page.locator(".article-box")
    boxes.nth(0).locator("textarea").fill(BAI_1)
    boxes.nth(1).locator("textarea").fill(BAI_2)
    if outlet:
        boxes.nth(0).locator("input[name=outlet]").fill(outlet)
        boxes.nth(0).locator("input[name=published]").fill("2024-06-05")
        boxes.nth(0).locator("input[name=url]").fill("https://example.org/xe-buyt-12")
    page.locator("#go").click()
    page.wait_for_selector("#summary .sent", timeout=60_000)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_chosen_sentence_keeps_its_source_marked_and_in_view(browser, base_url, device):  # noqa: F811
    context = browser.new_context(**(DESKTOP if device == "desktop" else PHONE))
    page = context.new_page()
    try:
        summarize_two(page, base_url)
        # The result is brought into view and focused.
        expect(page.locator("#result-h")).to_be_focused()
        expect(page.locator("#result-h")).to_be_in_viewport()
        sentences = page.locator("#summary .sent")
        assert sentences.count() >= 2
        for n in (sentences.count() - 1, 0):  # choose one sentence, then another
            sentence = sentences.nth(n)
            if device == "phone":
                sentence.tap()
            else:
                sentence.click()
            index = sentence.get_attribute("data-sent")
            source = page.locator(f"#src-{index}")
            expect(source).to_be_in_viewport()
            page.wait_for_timeout(900)  # after the smooth scroll has ended, the mark is still there
            expect(source).to_have_class(re.compile(r"\bselected\b"))
            expect(source).to_be_in_viewport()
            assert page.locator(".source .used.selected").count() == 1
            assert page.locator("#summary .sent.selected").count() == 1
        if device == "phone":
            # Only one sentence is marked: the first tapped one has no sticky hover colour left.
            first_tapped = sentences.nth(sentences.count() - 1)
            colour = first_tapped.evaluate("n => getComputedStyle(n).backgroundColor")
            assert colour in ("rgba(0, 0, 0, 0)", "transparent"), colour
            assert page.locator(".hovered").count() == 0  # a tap is not a mouse: no preview mark
            # The remove button sits beside the box label, not over the text.
            box = page.locator(".article-box").first
            button, area = box.locator(".remove").bounding_box(), box.locator("textarea").bounding_box()
            assert button["y"] + button["height"] <= area["y"] or button["x"] >= area["x"] + area["width"]
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"selected-{device}.png"))
    finally:
        context.close()


@pytest.mark.slow
def test_enter_on_a_focused_sentence_does_what_a_click_does(browser, base_url):  # noqa: F811
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    try:
        summarize_two(page, base_url)
        sentence = page.locator("#summary .sent").last
        sentence.focus()
        page.keyboard.press("Enter")
        source = page.locator(f"#src-{sentence.get_attribute('data-sent')}")
        expect(source).to_have_class(re.compile(r"\bselected\b"))
        expect(source).to_be_in_viewport()
        # From the article back to the summary: another marked sentence leads to its summary sentence.
        other = page.locator("#summary .sent").first
        page.locator(f"#src-{other.get_attribute('data-sent')}").click()
        expect(other).to_be_focused()
        expect(other).to_be_in_viewport()
        expect(other).to_have_class(re.compile(r"\bselected\b"))
    finally:
        context.close()


@pytest.mark.slow
def test_outlet_date_and_link_are_used_for_citations_and_the_timeline(browser, base_url):  # noqa: F811
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    try:
        summarize_two(page, base_url, outlet="Báo Đà Nẵng")
        cites = page.locator("#summary a.src-link").all_inner_texts()
        assert "Báo Đà Nẵng" in cites and not any(c.startswith("[bai") for c in cites)
        first = page.locator(".source").first
        assert "Báo Đà Nẵng" in first.locator(".meta").inner_text()
        assert first.locator(".meta a").get_attribute("href") == "https://example.org/xe-buyt-12"
        # "Sáng 5/6" in an article published 2024-06-05 is dated with its year.
        expect(page.locator("#timeline-panel")).to_be_visible()
        assert "5/6/2024" in page.locator("#timeline").inner_text()
        # A timeline entry leads back to its source sentence.
        page.locator("#timeline button").first.click()
        expect(page.locator(".source .focus")).to_be_in_viewport()
        chip = page.locator("#entities button.chip").first
        assert re.search(r"\d+ lần", chip.inner_text())
        chip.click()
        expect(page.locator(".source .focus")).to_be_in_viewport()
        page.screenshot(path=str(SCREENSHOTS / "outlet-timeline.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.slow
def test_english_page_shows_no_vietnamese_messages_and_no_field_names(browser, base_url):  # noqa: F811
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    try:
        page.goto(base_url + "/")
        page.locator("#lang").click()
        page.locator("#go").click()
        error = page.locator("#error")
        expect(error).to_be_visible()
        page.locator(".article-box textarea").first.type("x")
        expect(error).to_be_hidden()  # the empty-input error goes once text is typed
        assert page.title() == "Summarize a news cluster — tomtat"
        page.locator(".article-box textarea").first.fill("This is plainly an English text with no Vietnamese at all.")
        page.locator("#go").click()
        expect(error).to_be_visible(timeout=30_000)
        shown = [error.inner_text(), page.locator("#status").inner_text(), page.title()]
        assert "Article 1" in shown[0] and "Vietnamese" in shown[0]
        for text in shown:
            assert not VIETNAMESE.search(text), text
            assert not re.search(r"articles\.\d|min_vietnamese_share|\bfield\b|E\d{3}", text), text
        assert page.title() == "Error — tomtat"
        page.locator(".article-box textarea").first.fill(BAI_1)
        expect(error).to_be_hidden()  # a service error is about the text as sent: editing clears it
        page.locator(".article-box textarea").nth(1).fill(BAI_2)
        page.locator("#go").click()
        page.wait_for_selector("#summary .sent", timeout=60_000)
        for text in (page.locator("#status").inner_text(), page.title(), page.locator("#result-h").inner_text(),
                     page.locator(".source .meta").first.inner_text()):
            assert not VIETNAMESE.search(text), text
        assert page.title().startswith("Summarized") and page.locator("#status").inner_text().startswith("Done")
        page.screenshot(path=str(SCREENSHOTS / "english.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.slow
def test_several_articles_pasted_into_one_box_are_split(browser, base_url):  # noqa: F811
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    try:
        page.goto(base_url + "/")
        pasted = f"{BAI_1}\n---\n{BAI_2}\n---\n{OTHER_STORY}"
        page.locator(".article-box textarea").first.evaluate(
            """(node, text) => { const data = new DataTransfer(); data.setData("text/plain", text);
                 node.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true })); }""",
            pasted)
        expect(page.locator("#split-note")).to_be_visible()
        assert "3" in page.locator("#split-note").inner_text()
        filled = [t for t in page.locator(".article-box textarea").evaluate_all("ns => ns.map(n => n.value)") if t]
        assert len(filled) == 3 and filled[0].startswith("Đà Nẵng mở tuyến") and filled[2].startswith("Giá cà phê")
        # Each box has its own accessible name.
        for n in (1, 2, 3):
            assert page.get_by_label(f"Bài {n}", exact=True).count() == 1
        page.locator("#go").click()
        page.wait_for_selector("#summary .sent", timeout=60_000)
        # The coffee article is another story: the editor is warned, naming it.
        expect(page.locator("#unrelated")).to_be_visible()
        assert "Bài 3" in page.locator("#unrelated").inner_text()
        headline = page.locator("#headline .text").inner_text()
        assert headline in (BAI_1.split("\n")[0], BAI_2.split("\n")[0], OTHER_STORY.split("\n")[0])
    finally:
        context.close()


@pytest.mark.slow
def test_markdown_export_and_events(browser, base_url):  # noqa: F811
    context = browser.new_context(**DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()

    def add_events(route):  # the summary shape issue 12 adds; the page must render it
        response = route.fetch()
        body = response.json()
        body["events"] = [{"label": "ngày 5/6", "date": None, "precision": "day", "sentences": [0]},
                          {"label": "tuần đầu", "date": None, "precision": "unknown",
                           "sentences": list(range(1, len(body["sentences"])))}]
        first = body["articles"][0]["id"]
        body["abbreviations"] = [{"short": "XB", "full": "xe buýt", "article_id": first, "start": 0, "end": 5},
                                 {"short": "UBND", "full": "Ủy ban nhân dân", "article_id": None}]
        route.fulfill(response=response, json=body)

    try:
        page.route("**/summarize", add_events)
        summarize_two(page, base_url, outlet="Báo Đà Nẵng")
        labels = page.locator("#summary .event-label").all_inner_texts()
        assert labels == ["ngày 5/6", "tuần đầu"]
        assert page.locator("#summary .summary-para").count() == 2
        notes = page.locator("#abbreviations")
        expect(notes).to_be_visible()
        assert notes.locator(".chip").all_inner_texts() == ["XB: xe buýt", "UBND: Ủy ban nhân dân"]
        notes.locator("button.chip").click()  # the sourced one opens its definition in the article
        expect(page.locator(".body .focus")).to_have_count(1)
        page.locator("#copy-md").click()
        expect(page.locator("#status")).to_contain_text("Markdown")
        markdown = page.evaluate("navigator.clipboard.readText()")
        assert "**ngày 5/6:**" in markdown and "## Nguồn" in markdown
        assert "*Viết tắt: XB: xe buýt; UBND: Ủy ban nhân dân*" in markdown
        assert "(https://example.org/xe-buyt-12) — Báo Đà Nẵng, 2024-06-05" in markdown
        page.locator("#result").screenshot(path=str(SCREENSHOTS / "events.png"))
    finally:
        context.close()


def _contrast(page, selector):
    return page.locator(selector).first.evaluate("""node => {
        const rgb = (c) => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
        const lum = (c) => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                             return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        let bg = node, colour = "rgba(0, 0, 0, 0)";
        while (bg && (colour = getComputedStyle(bg).backgroundColor) === "rgba(0, 0, 0, 0)") bg = bg.parentElement;
        const [a, b] = [lum(getComputedStyle(node).color), lum(bg ? colour : "rgb(255,255,255)")];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }""")


@pytest.mark.slow
def test_text_contrast_is_at_least_4_5(browser, base_url):  # noqa: F811
    page = browser.new_page()
    try:
        page.goto(base_url + "/")
        for selector in ("header small", ".hint", "#drop", ".box-meta label", ".remove", ".box-label"):
            assert _contrast(page, selector) >= 4.5, selector
    finally:
        page.close()


@pytest.mark.slow
def test_a_pasted_box_keeps_its_outlet_beside_dropped_files(browser, base_url):  # noqa: F811
    page = browser.new_page()
    try:
        page.goto(base_url + "/")
        box = page.locator(".article-box").first
        box.locator("textarea").fill(BAI_1)
        box.locator("input[name=outlet]").fill("Báo Đà Nẵng")
        page.set_input_files("#file-input", files=[{"name": "bai-hai.txt", "mimeType": "text/plain",
                                                    "buffer": BAI_2.encode()}])
        page.locator("#go").click()
        page.wait_for_selector("#summary .sent", timeout=60_000)
        assert "Báo Đà Nẵng" in page.locator(".source").first.locator(".meta").inner_text()
        assert page.locator(".source h3").first.inner_text() == BAI_1.split("\n")[0]
    finally:
        page.close()


@pytest.mark.slow
def test_the_page_works_under_a_strict_content_security_policy(browser, base_url):  # noqa: F811
    """No inline script or style: the page runs with only its own files allowed."""
    policy = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
              "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    page = browser.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)

    def with_policy(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": policy})

    try:
        page.route(base_url + "/", with_policy)
        page.goto(base_url + "/")
        page.locator(".article-box textarea").nth(0).fill(BAI_1)
        page.locator(".article-box textarea").nth(1).fill(BAI_2)
        page.locator("#go").click()
        page.wait_for_selector("#summary .sent", timeout=60_000)
        page.locator("#summary .sent").first.click()
        assert page.locator(".source .used.selected").count() == 1
        assert page.locator("header").evaluate("n => getComputedStyle(n).borderBottomStyle") == "solid"  # CSS applied
        assert violations == []
    finally:
        page.close()


@pytest.mark.slow
def test_a_box_marked_as_opening_with_its_sapo_sends_that_paragraph_as_the_sapo(browser, base_url):  # noqa: F811
    """Ticked, the first paragraph after the headline goes as the article's sapo (anchor_text),
    the rest as its text; an unticked box is sent as it is."""
    page = browser.new_page()
    sent: list[dict] = []

    def record(route):
        sent.append(route.request.post_data_json)
        route.continue_()

    try:
        page.route("**/summarize", record)
        page.goto(base_url + "/")
        boxes = page.locator(".article-box")
        boxes.nth(0).locator("textarea").fill(BAI_1)
        boxes.nth(0).locator("input[name=sapo]").check()
        boxes.nth(1).locator("textarea").fill(BAI_2)
        page.locator("#go").click()
        page.wait_for_selector("#summary .sent", timeout=60_000)
        first, second = sent[-1]["articles"]
        lines = [line for line in BAI_1.split("\n") if line.strip()]
        assert first["title"] == lines[0] and first["anchor_text"] == lines[1]
        assert lines[1] not in first["text"] and lines[2] in first["text"]
        assert "anchor_text" not in second and second["title"] == BAI_2.split("\n")[0]
    finally:
        page.close()
