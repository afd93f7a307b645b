"""Stories that span years: events in time order with date labels, sentences a reader can take
alone, no fact twice, and a timeline that keeps unknown years apart (fixtures invented for the
tests: tests/fixtures/story, four articles without publication dates about three happenings)."""
import re
from datetime import date

import pytest

from conftest import EXAMPLE, FIXTURES

from tomtat import Options
from tomtat.core.errors import OptionsError, Problems
from tomtat.story.events import ClusterDates
from tomtat.story.summarizer import Summarizer
from tomtat.story.timeline import TimelineBuilder
from tomtat.summarize.trim import with_end_mark
from tomtat.vi.dates import DateFinder, parse_published
from tomtat.vi.time_context import past_year_floor
from tomtat.vi.openers import Openers

STORY = FIXTURES / "story"
OPENERS = Openers.default()
END_MARKS = (".", "!", "?", "…", ".”", "!”", "?”", ".\"")


def _summary(path=STORY, **options):
    return Summarizer(Options(**options)).summarize([path])


def _leans(text: str) -> bool:
    return OPENERS.match(text) is not None or OPENERS.needs_predecessor(text, anchored=False)


def check_readable(summary) -> None:
    """No event opens with a sentence that leans on missing context; a leaning sentence elsewhere
    comes right after its source predecessor; every sentence ends with its end mark."""
    for event in summary.events:
        first = summary.sentences[event.sentences[0]]
        assert not _leans(first.text), (event.label, first.text)
    for k, s in enumerate(summary.sentences):
        assert s.text.endswith(END_MARKS), s.text
        if k and _leans(s.text):
            before = summary.sentences[k - 1]
            assert (before.article_id, before.sentence_index) == (s.article_id, s.sentence_index - 1), s.text


@pytest.mark.parametrize("length", [None, 4])
def test_story_sentences_stand_alone_and_end_with_their_mark(length):
    check_readable(_summary(sentences=length))


@pytest.mark.parametrize("length", [None, 4])
def test_each_happening_appears_once_with_its_date(length):
    summary = _summary(sentences=length)
    labels = [e.label for e in summary.events]
    for day, articles in (("5/10", {"tin-a", "tin-b"}), ("14/3", {"tin-c"}), ("20/6", {"tin-d"})):
        hits = [e for e in summary.events if e.label.startswith(day + " ")]
        assert len(hits) == 1, (day, labels)
        assert set(hits[0].articles) <= articles
    flood = next(e for e in summary.events if e.label.startswith("14/3"))
    assert flood.label == "14/3 (năm chưa rõ, không trước năm 2019)" and flood.precision == "range" and flood.year_from == 2019
    bridge = next(e for e in summary.events if e.label.startswith("5/10"))
    assert bridge.label == "5/10 (năm chưa rõ)" and bridge.date == "--10-05" and bridge.precision == "unknown"


def test_the_bridge_opening_is_told_once_though_two_outlets_tell_it():
    summary = _summary()
    told = [s.text for s in summary.sentences if "5/10" in s.text]
    assert len(told) == 1, told


def test_events_contract_and_story_text():
    summary = _summary()
    data = summary.to_dict()
    positions = [k for e in data["events"] for k in e["sentences"]]
    assert positions == list(range(len(data["sentences"])))  # every sentence once, in reading order
    for e in data["events"]:
        assert set(e) >= {"label", "date", "precision", "sentences"}
        assert e["precision"] in ("day", "month", "year", "range", "unknown")
    paragraphs = summary.story_text().split("\n\n")
    assert [p.split(": ")[0] for p in paragraphs] == [e.label for e in summary.events]
    assert summary.text == " ".join(s.text for s in summary.sentences)  # the flat text, whatever the layout


def test_a_summary_with_no_date_has_no_empty_label():
    """One undated event and nothing dated: no label, so the story text opens with the news, not ": "."""
    articles = [{"id": "a", "title": "Làng nghề đèn lồng vào mùa",
                 "text": "Làng nghề đèn lồng ở ngoại thành đang vào mùa cao điểm. Mỗi ngày các xưởng làm hàng nghìn chiếc đèn. "
                         "Giá đèn năm nay tăng nhẹ so với năm ngoái do giá nguyên liệu tăng."}]
    summary = Summarizer(Options(ratio=1.0), story=False).summarize(articles)
    assert [e.label for e in summary.events] == [""]
    assert not summary.story_text().startswith(":") and summary.story_text().startswith("Làng nghề")


def test_flat_layout_is_one_paragraph_and_bad_layout_is_an_error():
    flat = _summary(layout="flat")
    assert flat.events == () and flat.story_text() == flat.text
    with pytest.raises(OptionsError):
        Options(layout="columns")


def test_known_years_come_first_in_date_order():
    summary = _summary(path=EXAMPLE)
    dated = [e.date for e in summary.events if e.precision in ("day", "month", "year")]
    assert dated == sorted(dated) and any(e.label == "12/3/2024" for e in summary.events)


def test_built_in_example_states_no_fact_twice():
    summarizer = Summarizer()
    cluster = summarizer.build_cluster(summarizer.read([EXAMPLE], Problems()))
    dates = ClusterDates.build(cluster)
    summary = summarizer.summarize([EXAMPLE])
    index = {(s.article_id, s.index): k for k, s in enumerate(cluster.sentences)}
    chosen = [index[(s.article_id, s.sentence_index)] for s in summary.sentences]
    for a, i in enumerate(chosen):
        for j in chosen[a + 1:]:
            wi, wj = dates.own[i], dates.own[j]
            if wi is None or wj is None or wi.precision != "day" or (wi.month, wi.day) != (wj.month, wj.day):
                continue
            assert cluster.similarity_rows([i], [j])[0, 0] < 0.3, (cluster.sentences[i].text, cluster.sentences[j].text)
    assert sum("68" in s.text and "12/3" in s.text for s in summary.sentences) == 1


def test_timeline_never_orders_two_stories_unknown_years_as_one():
    summarizer = Summarizer()
    cluster = summarizer.build_cluster(summarizer.read([STORY], Problems()))
    timeline = TimelineBuilder().build(cluster.articles, cluster.sentences, cluster.duplicate_of)
    unknown = [e for e in timeline.events if e.date.year is None]
    scopes = [e.scope for e in unknown]
    blocks = [s for k, s in enumerate(scopes) if k == 0 or s != scopes[k - 1]]
    assert len(blocks) == len(set(blocks)), blocks  # each story's dates together, never interleaved
    assert set(blocks) == {("tin-a", "tin-b"), ("tin-c",), ("tin-d",)}
    for e in unknown:
        assert {s.article_id for s in e.sources} <= set(e.scope)
    assert not any("2012" in e.sentence for e in timeline.events)  # "từng xảy ra vào năm 2012": background
    assert any("2012" in e.sentence for e in timeline.background)
    rendered = timeline.render()
    assert "Year unknown, as told in tin-c, written in 2019 or later:" in rendered


def test_publication_dates_as_outlets_write_them():
    assert parse_published("10:15 ngày 20 tháng 05 năm 2016") == date(2016, 5, 20)
    assert parse_published("Thứ tư, 25 Tháng năm 2016, 09:24 GMT+7") == date(2016, 5, 25)
    assert parse_published("20/05/16 11:15") == date(2016, 5, 20)
    assert parse_published("5/20/2016 11:40:52 PM") == date(2016, 5, 20)
    assert parse_published("Cập nhật: 7: 25' (GMT+7) - 19 / 5 / 2016") == date(2016, 5, 19)
    assert parse_published("23/05 17:02") is None  # no year: not guessed


def test_relative_times_resolve_against_the_anchor_or_stay_unresolved():
    finder = DateFinder()
    anchor = date(2024, 9, 10)
    (tonight,) = finder.find("Tối qua, mưa lớn gây ngập nhiều tuyến phố.", anchor)
    assert tonight.value == "2024-09-09"
    (morning,) = finder.find("Sáng nay, giá xăng giảm nhẹ.")
    assert not morning.resolved
    (same,) = finder.find("Cùng ngày, tỉnh khởi công tuyến đường mới.", anchor)
    assert same.kind == "same_time" and not same.resolved  # the day before it in the text decides


def test_a_year_named_as_past_bounds_the_writing_year_a_plan_does_not():
    assert past_year_floor("Trong năm 2019 đã có 300 hộ được di dời. Đến năm 2030 tỉnh sẽ di dời hết.") == 2019
    assert past_year_floor("Tỉnh đặt mục tiêu đến năm 2030 phủ xanh đồi trọc.") is None
    # when a contract ends is no past either
    assert past_year_floor("Năm 2019, trạm bắt đầu thu phí. Thời gian thu phí kết thúc vào tháng 4/2028.") == 2019
    # nor the day of an anniversary looked forward to, after the year told
    assert past_year_floor("Năm 2022, hướng tới kỷ niệm 10 năm thành lập câu lạc bộ (1-8-2014 – 01-8-2024), "
                           "các thành viên tiếp tục hoạt động.") == 2022
    # a span counts by its first year: a term's end is ahead of the writing ("nhiệm kỳ" runs on)
    assert past_year_floor("Đại hội Đảng bộ nhiệm kỳ năm 2020 - 2025 đã bầu ra Ban Chấp hành mới.") == 2020
    # nor a birth year: true of the news, but no bound an editor can use
    assert past_year_floor("Tài xế Trần Văn T. (sinh năm 2000) dương tính với ma túy.") is None
    assert past_year_floor("Nghi phạm (sinh năm 1995) bị bắt. Bà sinh ngày 3/5/1990 tại Huế.") is None
    assert past_year_floor("Ông A sinh vào năm 1960 tại Huế.") is None
    assert past_year_floor("Ông A, sinh năm 1960, năm 2021 được bổ nhiệm.") == 2021
    for other in ("Kỳ thi tuyển sinh năm 2023 kết thúc.", "Số học sinh năm 2022 tăng.", "Chi phí phát sinh năm 2022 lớn.",
                  "Dịp Giáng sinh năm 2023 đông khách.", "Ông hy sinh năm 1968 tại Quảng Trị."):
        assert past_year_floor(other) is not None, other  # "sinh" in another word
    assert past_year_floor("Tháng 5/2021, cô sinh con gái đầu lòng.") == 2021
    # nor a target to reach
    assert past_year_floor("Năm 2019 nóng kỷ lục. Thế giới cần đạt phát thải ròng bằng 0 vào năm 2050.") == 2019


def test_relative_openers_need_a_date_to_count_from():
    text = "Hồi tháng trước, ủy ban tỉnh đã phê duyệt đề án mở rộng bến xe."
    assert OPENERS.needs_predecessor(text, anchored=False)
    assert not OPENERS.needs_predecessor(text, anchored=True)
    assert OPENERS.needs_predecessor("Cùng thời điểm diễn ra hội chợ, thành phố mở thêm hai bãi đỗ xe.", anchored=True)
    assert OPENERS.needs_predecessor("Tuy nhiên, cùng ngày thành phố mở thêm hai bãi đỗ xe miễn phí.")


def test_end_mark_is_added_for_presentation_only(tmp_path):
    assert with_end_mark("“Chúng tôi sẽ hoàn thành đúng hẹn”, ông Tín nói") == "“Chúng tôi sẽ hoàn thành đúng hẹn”, ông Tín nói."
    assert with_end_mark("Giá vé là 8.000 đồng.") == "Giá vé là 8.000 đồng."
    (tmp_path / "tin.txt").write_text(
        "Nhà máy nước Bình An nâng công suất lên 300.000 mét khối mỗi ngày từ tháng này\n"
        "Công ty cấp nước cho biết khoảng 40.000 hộ dân ở phía tây thành phố sẽ có nước sạch ổn định hơn\n"
        "Giá nước sinh hoạt giữ nguyên mức cũ đến hết năm, theo quyết định của ủy ban thành phố\n", encoding="utf-8")
    summary = Summarizer(Options(sentences=3)).summarize([tmp_path / "tin.txt"])
    assert summary.sentences
    for s in summary.sentences:
        assert s.text.endswith(".") and not s.source_text.endswith(".")
    whole = Summarizer(Options(sentences=3, trim=False)).summarize([tmp_path / "tin.txt"])
    assert all(s.text == s.source_text for s in whole.sentences)  # untrimmed: the source as it is


def _cluster_and_dates():
    summarizer = Summarizer()
    cluster = summarizer.build_cluster(summarizer.read([STORY], Problems()))
    return cluster, ClusterDates.build(cluster)


def test_event_selector_adds_a_happening_the_inner_choice_left_out_and_drops_a_day_told_twice():
    import numpy as np

    from tomtat.story.event_select import EventSelector

    cluster, dates = _cluster_and_dates()
    openings = [i for i, s in enumerate(cluster.sentences) if "5/10" in s.text]
    assert {cluster.sentences[i].article_id for i in openings} == {"tin-a", "tin-b"}

    def bridge_only(view, scores, budget, *, max_sentences=None):
        """An inner selector that sees only the bridge story (and ignores what is hidden)."""
        picked = [i for i, s in enumerate(view.sentences) if s.selectable and s.article_id in ("tin-a", "tin-b")
                  and s.kind != "heading"]
        return picked[:4]

    scores = np.linspace(1.0, 0.0, len(cluster.sentences))
    chosen = EventSelector(bridge_only, dates, OPENERS)(cluster, scores, 200)
    articles = {cluster.sentences[i].article_id for i in chosen}
    assert {"tin-c", "tin-d"} <= articles  # the flood and the festival, each kept once
    assert len([i for i in chosen if i in openings]) == 1  # the opening told once, not by both outlets
    for i in chosen:
        assert not _leans(cluster.sentences[i].text) or i - 1 in chosen


def test_chronological_order_keeps_each_articles_unknown_year_together():
    summary = _summary(order="chronological")
    assert summary.events == () and summary.order == "chronological"
    # Known years first (tin-c's "năm 2019" and what follows it), then each article's days of
    # unknown year together.
    articles = [s.article_id for s in summary.sentences if not re.search(r"\b(?:19|20)\d\d\b", s.text)]
    blocks = [a for k, a in enumerate(articles) if k == 0 or a != articles[k - 1]]
    assert len(blocks) == len(set(blocks)), articles
    assert "2019" in summary.sentences[0].text


def test_chronological_order_never_interleaves_two_articles_unknown_years():
    from tomtat.summarize.order import order_sentences
    from tomtat.vi.dates import DateMention

    cluster, _ = _cluster_and_dates()
    first = {}
    for i, s in enumerate(cluster.sentences):
        if s.selectable and s.article_id in ("tin-c", "tin-d"):
            first.setdefault(s.article_id, []).append(i)
    c1, c2, d1 = first["tin-c"][0], first["tin-c"][1], first["tin-d"][0]

    def day(month: int) -> DateMention:
        return DateMention(text=f"1/{month}", start=0, end=3, kind="day_month", precision="day-month", month=month, day=1)

    dates = {(cluster.sentences[c1].article_id, cluster.sentences[c1].index): day(3),
             (cluster.sentences[c2].article_id, cluster.sentences[c2].index): day(9),
             (cluster.sentences[d1].article_id, cluster.sentences[d1].index): day(6)}
    ordered, how = order_sentences(cluster, [d1, c2, c1], [0.0, 0.0, 0.0], "chronological", dates)
    assert how == "chronological" and ordered == [c1, c2, d1]  # not 1/3, 1/6, 1/9 as if one year


@pytest.mark.parametrize("text, cited, back, plan", [
    ("Ngân hàng thoái vốn để tuân thủ Thông tư số 12/2014/TT-NHNN ngày 3/3/2014 của Ngân hàng Nhà nước.", True, False, False),
    ("Công văn 4411/BYT-MT ban hành ngày 9/9/2015 ghi rõ mức phạt.", True, False, False),
    ("Huyện triển khai Nghị quyết số 21-NQ/TW, ngày 7/5/2021 về công tác dân vận.", True, False, False),
    ("Luật sửa đổi có hiệu lực từ ngày 1/1/2021.", True, False, False),
    ("Đây là mức thấp nhất kể từ ngày 14/7.", True, False, False),
    ("Sáng 18/5, UBND tỉnh vừa ban hành Quyết định số 77/QĐ-UBND ngày 18/5/2016 về việc lập đoàn kiểm tra.", False, False, False),
    ("Bộ đã có văn bản ngày 13/5/2016 gửi các sở.", False, False, False),
    ("Trước đó, ngày 6/8/2009, Bộ đã có tờ trình gửi Thủ tướng.", False, True, False),
    ("Trước đó vào khoảng 15 giờ ngày 4/7, nạn nhân bị tấn công.", False, True, False),
    ("Đội tuyển sẽ ra sân trong trận mở màn của giải đấu châu lục vào ngày 13/6 tới.", False, False, True),
    ("Các trận đấu diễn ra trong các ngày 3/6 - 26/6 sắp tới.", False, False, True),
    ("Từ ngày 4/7 tới nay, vụ án chưa có tiến triển.", False, False, False),
    ("(*) Xem Báo Người Lao Động từ số ra ngày 22-8.", True, False, False),
    ("Bị cáo Trần Văn Bình (sinh ngày 12/3/1980) bị tuyên phạt 5 năm tù.", True, False, False),  # a birth
    ("Ngày 5/6, bé trai được sinh ra tại bệnh viện.", False, False, False),  # the birth is the news
    ("Trường tổ chức lễ kỷ niệm 30 năm thành lập (5/3/1994).", False, False, False),  # no later year: kept
    ("Tỉnh trao Huy hiệu Đảng đợt 2-9-2022 cho 40 đảng viên.", True, False, False),  # a round named by its day
])
def test_a_date_is_read_as_cited_told_as_earlier_or_planned(text, cited, back, plan):
    """Dates that are real but not the day of the sentence's own fact (a cited document, a rule's
    start), or not the news (told as what came before), or not yet past (a schedule)."""
    from tomtat.vi.time_context import is_cited, is_plan, looks_back

    mentions = [m for m in DateFinder().find(text) if m.precision in ("day", "day-month")]
    assert mentions, text
    m = mentions[-1]
    assert (is_cited(text, m), looks_back(text, m), is_plan(text, m)) == (cited, back, plan)


@pytest.mark.parametrize("text, plan, background", [
    # a year after "sẽ" or "dự kiến" earlier in the sentence, past a comma (a hand check found
    # "năm 2024" opening a story of 2022), and a film's setting
    ("Bộ phim dự kiến sẽ có phần 2, lên sóng vào năm 2024.", True, False),
    ("Mỹ sẽ giúp Việt Nam bằng cách cung cấp 45,7 triệu USD từ tài khóa năm 2014.", True, False),
    ("Công ty dự kiến mở rộng sản xuất nhưng đến năm 2020 vẫn chưa làm được.", False, False),  # turned: done
    ("Tỉnh sẽ tiếp tục đầu tư, năm 2021 đã hoàn thành 12 công trình.", False, False),  # told as done
    ("Phim kể về chân dung họa sĩ Amedeo Modigliani, lấy bối cảnh Paris năm 1916.", False, True),
    ("Trong bối cảnh kinh tế khó khăn, năm 2022 công ty vẫn có lãi.", False, False),  # a context, not a setting
    # what was expected, told as done, or a setting's comma passed (a review's cases)
    ("Lượng khách tăng cao hơn dự kiến, cả năm 2023 tỉnh đón 12 triệu lượt khách.", False, False),
    ("Dự án dự kiến hoàn thành vào năm 2020, được khởi công từ năm 2018.", False, False),
    ("Lấy bối cảnh tại Hà Nội, phim ra mắt năm 2023 đã gây sốt.", False, False),
    ("Từ năm 2019 đến năm nay, công ty đã đóng góp 200.000 cây xanh.", False, True),  # until this year
])
def test_a_planned_year_and_a_storys_setting_are_no_time_of_the_news(text, plan, background):
    from tomtat.vi.time_context import is_background, is_plan

    m = [m for m in DateFinder().find(text) if m.precision == "year" and m.year is not None][-1]
    assert (is_plan(text, m), is_background(text, m)) == (plan, background)


NEWS_BODY = ("Sáng 18/5, đoàn kiểm tra của tỉnh đã đến nhà máy xử lý rác ở xã Hòa Phú sau nhiều phản ánh của người dân "
             "về mùi hôi.\nĐoàn yêu cầu nhà máy dừng tiếp nhận rác mới cho đến khi khắc phục xong hệ thống lọc khí.\n"
             "Theo Quyết định số 12/2014/QĐ-UBND ngày 3/3/2014 của UBND tỉnh, nhà máy phải xử lý hết rác trong ngày.\n"
             "Trước đó, ngày 2/4/2015, nhà máy đã bị phạt vì để nước rỉ rác chảy ra kênh.\n"
             "Lãnh đạo nhà máy cam kết hoàn thành việc sửa chữa trước ngày 20/6 tới.")


def _dates_of(articles):
    from conftest import cluster_of

    cluster = cluster_of(articles)
    return cluster, ClusterDates.build(cluster)


def test_the_main_day_is_the_news_not_a_cited_document_an_earlier_day_or_a_deadline():
    """Three outlets repeat the old decision's date, the earlier fine and the deadline; only one
    sentence names the news day: it is the main day, and the undated sentence is told under it."""
    articles = [{"title": f"Đoàn kiểm tra nhà máy rác Hòa Phú ({k})", "text": NEWS_BODY, "source": f"Báo {k}",
                 "published": "2016-05-19"} for k in "ABC"]
    cluster, dates = _dates_of(articles)
    [(main, _)] = dates.main.values()
    assert (main.year, main.month, main.day) == (2016, 5, 18)
    cited = next(i for i, s in enumerate(cluster.sentences) if "Quyết định số" in s.text)
    assert dates.own[cited] is None  # the decision's date is not when this sentence's fact happens
    undated = next(i for i, s in enumerate(cluster.sentences) if s.text.startswith("Đoàn yêu cầu"))
    assert dates.told[undated] == main


def test_a_day_told_as_earlier_is_the_main_day_when_the_story_names_no_other():
    text = ("Trước đó, ngày 2/4/2015, nhà máy xử lý rác ở xã Hòa Phú đã bị phạt vì để nước rỉ rác chảy ra kênh.\n"
            "Người dân trong xã vẫn phản ánh mùi hôi từ nhà máy vào buổi tối.")
    cluster, dates = _dates_of([{"title": "Nhà máy rác Hòa Phú", "text": text}])
    [(main, _)] = dates.main.values()
    assert (main.year, main.month, main.day) == (2015, 4, 2)
    # ... but it is not when the story's undated sentences happen: they come after it
    assert dates.told[1] is None


@pytest.mark.parametrize("opener", ["Chỉ cách đây chưa đầy một năm,", "Gần đây nhất,", "Trước đây,"])
def test_a_day_recalled_as_before_the_news_does_not_date_the_undated_news(opener):
    """A report of a conference (undated) that recalls an earlier one: the recalled day is not
    the conference's (a hand check read "21/11/2021:" over a conference of August 2022)."""
    text = (f"Hội nghị nhằm bàn các giải pháp xây dựng văn hóa học đường trong năm học mới.\n"
            f"{opener} ngày 21/11/2021, Bộ cũng đã tổ chức một hội nghị về văn hóa học đường.")
    cluster, dates = _dates_of([{"title": "Hội nghị văn hóa học đường", "text": text}])
    from tomtat.vi.time_context import looks_back
    recalled = cluster.sentences[-1]
    assert looks_back(recalled.text, DateFinder().find(recalled.text)[0])
    assert dates.own[-1] is not None and dates.told[0] is None


def test_a_time_after_its_articles_date_is_a_schedule_not_the_time_of_the_sentence():
    """Published 20 May: "vào tháng 6" is the coming June, which has not happened; the sentence
    is told under the story's day, not under June (nor, as before, under June of last year)."""
    text = ("Sáng 19/5, tiền vệ đã cùng bạn gái tới nghỉ ở Miami sau khi kết thúc mùa giải.\n"
            "Anh tận hưởng kỳ nghỉ ngắn trước khi trở lại đội tuyển tham dự giải đấu diễn ra tại Pháp vào tháng 6.")
    cluster, dates = _dates_of([{"title": "Tiền vệ đi nghỉ ở Miami", "text": text, "published": "2016-05-20"}])
    [(main, _)] = dates.main.values()
    assert (main.year, main.month, main.day) == (2016, 5, 19)
    assert dates.own[1] is None and dates.told[1] == main


def test_an_event_opens_with_the_sentence_that_opens_an_articles_telling_of_it():
    """The outlet listed first told the detail; the other outlet's opening sentence, on the same
    day, leads the event, and the detail follows."""
    detail = ("Người dân xã Hòa Phú đã phản ánh mùi hôi từ bãi rác suốt nhiều tháng qua.\n"
              "Sáng 18/5, đoàn kiểm tra yêu cầu nhà máy xử lý rác dừng tiếp nhận rác mới cho đến khi sửa xong hệ thống lọc khí.")
    opening = ("Sáng 18/5, UBND tỉnh đã đình chỉ hoạt động của nhà máy xử lý rác Hòa Phú vì gây ô nhiễm kéo dài.\n"
               "Quyết định được đưa ra sau nhiều lần người dân khiếu nại lên chính quyền các cấp.")
    articles = [{"title": "Dân kêu mùi hôi bãi rác Hòa Phú", "text": detail, "source": "Báo A", "published": "2016-05-18"},
                {"title": "Đình chỉ nhà máy rác Hòa Phú", "text": opening, "source": "Báo B", "published": "2016-05-18"}]
    from conftest import cluster_of
    from tomtat.story.events import story_events

    cluster = cluster_of(articles)
    dates = ClusterDates.build(cluster)
    later = next(i for i, s in enumerate(cluster.sentences) if s.text.startswith("Sáng 18/5, đoàn"))
    first = next(i for i, s in enumerate(cluster.sentences) if s.text.startswith("Sáng 18/5, UBND"))
    order, events = story_events(cluster, [later, first], dates, lambda i: False)
    assert order == [first, later] and len(events) == 1


def test_a_year_another_outlet_writes_beats_one_guessed_from_the_article_date():
    """A look back published a year on writes "sáng 29/8" (read as this year's); the outlet that
    wrote "29/8/2015" in the same words says which year it was."""
    told = "một xe khách chở 30 người lao xuống vực ở đèo Hải Vân khiến 5 người thiệt mạng."
    articles = [{"title": "Một năm sau vụ tai nạn ở đèo Hải Vân", "text": f"Sáng 29/8, {told}", "published": "2016-09-05"},
                {"title": "Xe khách lao xuống vực ở đèo Hải Vân", "text": f"Sáng 29/8/2015, {told}",
                 "published": "2015-08-29"}]
    cluster, dates = _dates_of(articles)
    days = {s.article_id: dates.own[i] for i, s in enumerate(cluster.sentences) if "Hải Vân" in s.text and dates.own[i]}
    assert {(w.year, w.month, w.day) for w in days.values()} == {(2015, 8, 29)}
    assert len(days) == 2


def test_undated_sentences_are_labelled_only_beside_dated_ones():
    undated = ("Nhà máy xử lý rác ở xã Hòa Phú gây mùi hôi cho hàng trăm hộ dân quanh khu vực. "
               "Người dân đề nghị chính quyền sớm di dời nhà máy ra xa khu dân cư.")
    dated = "Sáng 18/5/2016, đoàn kiểm tra của tỉnh đã đến làm việc với nhà máy xử lý rác ở xã Hòa Phú."
    alone = Summarizer(Options()).summarize([{"title": "Nhà máy rác Hòa Phú", "text": undated}])
    assert [e.label for e in alone.events] == [""] and alone.events[0].precision == "unknown"
    both = Summarizer(Options()).summarize([{"title": "Đoàn kiểm tra nhà máy rác", "text": dated},
                                            {"title": "Nhà máy rác Hòa Phú", "text": undated}])
    assert [e.label for e in both.events] == ["18/5/2016", "Chưa rõ thời điểm"]


def test_a_birth_year_is_not_the_time_of_the_fact():
    from tomtat.vi.time_context import is_cited

    text = "Cô gái sinh năm 1995 kết hôn năm 2012 tại Hà Nội."
    born, married = DateFinder().find(text)
    assert is_cited(text, born) and not is_cited(text, married)


def test_an_anniversarys_origin_is_not_the_time_of_the_fact():
    from tomtat.vi.time_context import is_cited

    text = "Sáng 4/3, trường tổ chức lễ kỷ niệm 30 năm thành lập (5/3/1994 - 5/3/2024)."
    ceremony, origin, anniversary = DateFinder().find(text)
    assert (is_cited(text, ceremony), is_cited(text, origin), is_cited(text, anniversary)) == (False, True, False)



def test_same_day_links_are_the_same_from_one_product_or_one_per_day(monkeypatch):
    from tomtat.story import events

    cluster, dates = _cluster_and_dates()
    guessed = [False] * len(dates.own)
    together = events._same_day_links(cluster, list(dates.own), list(guessed))
    monkeypatch.setattr(events, "_ONE_PRODUCT_ROWS", 1)  # too many rows for one product: one per day
    per_day = events._same_day_links(cluster, list(dates.own), list(guessed))
    assert together == per_day and together  # the fixture's two outlets tell one day alike


def _own_dates(tmp_path, text):
    (tmp_path / "tin.txt").write_text(text, encoding="utf-8")
    summarizer = Summarizer()
    cluster = summarizer.build_cluster(summarizer.read([tmp_path / "tin.txt"], Problems()))
    dates = ClusterDates.build(cluster)
    return {s.text: dates.own[i] for i, s in enumerate(cluster.sentences)}


def test_a_time_that_runs_until_now_is_no_event_of_its_first_year(tmp_path):
    # "từ năm 2019 đến nay" gives a running total, not news of 2019 (a hand check read the label
    # "năm 2019" over it); it is told under the story's day
    paths = _articles(tmp_path, "Ngày 26/8/2022, công ty ký kết hợp tác trồng rừng với bộ tài nguyên.\n\n"
                                "Được biết, từ năm 2019 đến nay, công ty đã đóng góp tổng cộng 230.000 cây xanh.")
    summary = Summarizer(Options(sentences=2)).summarize(paths)
    assert [e.label for e in summary.events] == ["26/8/2022"]
    # ... and not under an earlier year that the sentence before it names
    (tmp_path / "tin.txt").write_text("Kỷ lục trước đó được ghi nhận vào năm 2021 với 3.605 km2 rừng bị phá.\n"
                                      "Tính từ đầu năm 2022 đến nay, hơn 7.500 vụ cháy rừng đã được ghi nhận.",
                                      encoding="utf-8")
    summarizer = Summarizer()
    cluster = summarizer.build_cluster(summarizer.read([tmp_path / "tin.txt"], Problems()))
    dates = ClusterDates.build(cluster)
    told = {s.text[:4]: dates.told[i] for i, s in enumerate(cluster.sentences)}
    assert told["Kỷ l"].year == 2021 and (told["Tính"] is None or told["Tính"].year != 2021)


def test_a_day_takes_the_year_the_story_writes_with_its_month(tmp_path):
    own = _own_dates(tmp_path, "Mưa lớn kéo dài suốt tháng 8-2022 ở các tỉnh miền Trung.\n"
                              "Ngày 27/8, nước sông Trà Khúc dâng cao, hàng trăm hộ dân phải sơ tán.")
    day = own["Ngày 27/8, nước sông Trà Khúc dâng cao, hàng trăm hộ dân phải sơ tán."]
    assert (day.year, day.month, day.day) == (2022, 8, 27)


def test_a_month_written_with_two_years_leaves_the_day_unknown(tmp_path):
    own = _own_dates(tmp_path, "Lượng mưa tháng 8-2022 gấp đôi tháng 8/2021 ở các tỉnh miền Trung.\n"
                              "Ngày 27/8, nước sông Trà Khúc dâng cao, hàng trăm hộ dân phải sơ tán.")
    assert own["Ngày 27/8, nước sông Trà Khúc dâng cao, hàng trăm hộ dân phải sơ tán."].year is None


ROUND = "Sáng {day}, huyện tổ chức lễ trao Huy hiệu Đảng đợt 3-2-2023 cho 40 đảng viên."
REVIEW = "Ngày 25/8, hội đồng họp để đánh giá kết quả thực hiện chính sách trong 8 tháng đầu năm 2021 tại tỉnh Đắk Lắk."
AGAIN = "Ngày 25/10, hội đồng họp lần nữa tại tỉnh Gia Lai."


@pytest.mark.parametrize("text, sentence, year", [
    (ROUND.format(day="28-1"), ROUND.format(day="28-1"), 2023),  # the occasion its sentence names
    (ROUND.format(day="30-12"), ROUND.format(day="30-12"), None),  # no year puts 30/12 within a month of 3/2/2023
    (f"{REVIEW}\n{AGAIN}", REVIEW, 2021),  # a day of the months a review covers
    (f"{REVIEW}\n{AGAIN}", AGAIN, None),  # past the months reviewed
])
def test_a_day_takes_the_year_it_is_read_beside(tmp_path, text, sentence, year):
    assert _own_dates(tmp_path, text + "\nCác đại biểu đều có nhiều đóng góp cho địa phương.")[sentence].year == year


def test_a_day_recalled_in_another_sentence_lends_no_year(tmp_path):
    own = _own_dates(tmp_path, "Sáng 31/8, lãnh đạo tỉnh dâng hương tưởng niệm Chủ tịch Hồ Chí Minh tại đền thờ.\n"
                              "Tại buổi lễ, đại biểu ôn lại bản Tuyên ngôn độc lập được đọc ngày 2/9/1945.")
    assert own["Sáng 31/8, lãnh đạo tỉnh dâng hương tưởng niệm Chủ tịch Hồ Chí Minh tại đền thờ."].year is None


def test_an_event_label_reads_only_its_own_kind_of_date(tmp_path):
    # the second sentence leans on the first ("Ông này") and stays in its event, but its own
    # date is a month of a known year: it is not the event's day ("19/8–None/3" before)
    (tmp_path / "tin.txt").write_text(
        "Ngày 19/8, ông Trần Văn Bình được bầu làm chủ tịch hội nông dân xã.\n"
        "Ông này được bổ nhiệm làm phó chủ tịch vào tháng 3/2015.", encoding="utf-8")
    summary = Summarizer(Options(sentences=2)).summarize([tmp_path / "tin.txt"])
    assert [e.label for e in summary.events] == ["19/8 (năm chưa rõ, không trước năm 2015)"]


def _articles(folder, *texts: str) -> list:
    """Each text written as an article file of ``folder`` (a.txt, b.txt, ...)."""
    paths = []
    for name, text in zip("abcdefgh", texts):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        paths.append(folder / f"{name}.txt")
    return paths


def test_a_span_of_years_labels_its_event_as_the_period(tmp_path):
    # the years of the alleged acts are not an event of their first year ("năm 2007" before)
    paths = _articles(
        tmp_path,
        "Ngày 31/5/2016, tòa án Barcelona mở phiên xử cầu thủ Lionel Messi và cha anh về tội trốn thuế.\n\n"
        "Hai cha con bị cáo buộc trốn thuế hơn 4 triệu euro trong thời gian từ năm 2007 - 2009.")
    summary = Summarizer(Options(sentences=2)).summarize(paths)
    # (the trial is the news: the years of the acts, background to it, come after it)
    assert [(e.label, e.date, e.date_end) for e in summary.events] == [("31/5/2016", "2016-05-31", None),
                                                                       ("năm 2007–2009", "2007", "2009")]
    (period,) = [e for e in summary.to_dict()["timeline"]["events"] if e["date_text"] == "năm 2007 - 2009"]
    assert (period["date"], period["date_end"]) == ("2007", "2009")
    # a year that starts the span is another event, whatever the order of a set (a review found
    # "năm 2007" and "năm 2007–2009" in one event, its label and end changing with the hash seed)
    (tmp_path / "c.txt").write_text("Năm 2007, Messi ký hợp đồng quảng cáo đầu tiên với hãng Adidas.", encoding="utf-8")
    summary = Summarizer(Options(sentences=3)).summarize(paths + [tmp_path / "c.txt"])
    assert sorted((e.label, e.date_end) for e in summary.events if e.precision == "year") == [
        ("năm 2007", None), ("năm 2007–2009", "2009")]


def test_background_years_before_the_news_come_after_it_the_storys_steps_stay_in_order():
    from tomtat.core.model import Article

    # A hand check found five of 20 summaries opening with a side fact of years before ("năm 2008:
    # Hay khi ... giải nghệ"): the news first, then what it recalls; a step a few days before the
    # news (the money paid back on 12/5) is the story's, in its order.
    a = Article("a", "Ngày 24/5, tòa án tỉnh mở phiên xử ông Trần Văn Hùng về tội tham ô tài sản của công ty.\n\n"
                     "Năm 2010, ông Hùng được bầu làm giám đốc công ty xây dựng của tỉnh.\n\n"
                     "Ngày 12/5, gia đình ông Hùng đã nộp lại toàn bộ số tiền bị cáo buộc chiếm đoạt.",
                published="25/05/2016")
    summary = Summarizer(Options(sentences=3)).summarize_articles([a])
    assert [e.label for e in summary.events] == ["12/5/2016", "24/5/2016", "năm 2010"], summary.events


def test_an_office_holder_bounds_a_label_but_never_makes_or_erases_a_year(tmp_path):
    # An undated article writes 12/3/2019 and names a holder whose term starts later (the list
    # says 2021): the day told again without its year still takes 2019 from the text. A story
    # with no year written gets the holder's start as its label's floor, and no year.
    paths = _articles(
        tmp_path,
        "Ngày 12/3/2019, bộ ngoại giao công bố kế hoạch hợp tác mới với các đối tác trong khu vực.\n\n"
        "Sáng 12/3, Tổng thống Mỹ Joe Biden gửi thư chúc mừng tới hội nghị của các đối tác.",
        "Ngày 5/6, Tổng thống Mỹ Joe Biden tiếp đoàn đại biểu doanh nghiệp tại Nhà Trắng.\n\n"
        "Đoàn gồm đại diện của hai mươi công ty công nghệ và năng lượng lớn.")
    summary = Summarizer(Options(sentences=4)).summarize(paths)
    labels = [e.label for e in summary.events]
    assert "12/3/2019" in labels and not any(label.startswith("12/3 (") for label in labels), labels
    assert "5/6 (năm chưa rõ, không trước năm 2021)" in labels, labels


def test_two_outlets_ledes_of_one_day_are_one_fact_when_asked(tmp_path):
    import numpy as np

    from tomtat.story.event_select import EventSelector

    paths = _articles(
        tmp_path,
        "Ngày 31/5, huấn luyện viên Joachim Löw công bố danh sách 23 cầu thủ dự Euro.\n\n"
        "Tiền vệ Marco Reus vắng mặt vì chấn thương háng kéo dài từ tháng ba.\n\n"
        "Sau đó, ngày 31/5, đội tuyển chốt danh sách 23 cầu thủ sang Pháp.",
        "Chiều 31/5, đội tuyển Đức chốt danh sách 23 cầu thủ chính thức lên đường sang Pháp.\n\n"
        "Ba cầu thủ trẻ bị loại sau đợt tập huấn, trong đó có Julian Brandt.")
    summarizer = Summarizer()
    cluster = summarizer.build_cluster(summarizer.read(paths, Problems()))
    texts = [s.text for s in cluster.sentences]
    a_lede, a_third, b_lede = (next(i for i, t in enumerate(texts) if t.startswith(p)) for p in ("Ngày 31/5", "Sau đó", "Chiều 31/5"))
    scores = np.zeros(len(texts))
    scores[a_lede] = 1.0
    dates = ClusterDates.build(cluster)
    similarity = cluster.similarity_rows([a_lede, b_lede], [a_lede, b_lede])[0, 1]
    assert 0.15 <= similarity < Options().same_day_similarity  # worded apart: the same-day rule keeps both
    off = EventSelector(summarizer.selector, dates)
    on = EventSelector(summarizer.selector, dates, lede_repeat_similarity=0.15)
    assert off._repeats(cluster, scores, [a_lede, b_lede]) == set()
    assert on._repeats(cluster, scores, [a_lede, b_lede]) == {b_lede}  # the lower-scored lede goes
    # a third sentence of its article is no lede: the same-day rule alone judges it
    assert on._repeats(cluster, scores, [a_third, b_lede]) == off._repeats(cluster, scores, [a_third, b_lede])


def test_two_stories_naming_one_day_tell_one_event(tmp_path):
    # Two outlets, worded apart (no sentence pair similar enough to link them), name the same
    # day without its year: one event, labelled with the known floor; a day some apart stays apart.
    paths = _articles(
        tmp_path,
        "Ngày 26/8, Bộ Tài chính công bố báo cáo về thu ngân sách của cả nước.\n\n"
        "Theo báo cáo, nguồn thu từ thuế nhập khẩu giảm mạnh so với dự kiến ban đầu.",
        "Năm 2021, nhiều địa phương hụt thu vì dịch bệnh kéo dài.\n\n"
        "Hôm 26/8, cơ quan quản lý tài khóa đưa ra số liệu mới, cho thấy các khoản chi thường xuyên tăng.\n\n"
        "Ngày 30/8, các đại biểu quốc hội chất vấn bộ trưởng về những con số này.")
    summary = Summarizer(Options(sentences=4)).summarize(paths)
    labels = [e.label for e in summary.events]
    assert labels.count("26/8 (năm chưa rõ, không trước năm 2021)") == 1, labels
    assert not any(label.startswith("26/8 (năm chưa rõ)") for label in labels), labels
    assert any(label.startswith("30/8") for label in labels), labels


@pytest.mark.parametrize("later, recalled, in_day_order", [
    ("14/8", "", True),  # two days apart: one year's news whatever they name
    ("20/8", "Vụ tai nạn xảy ra chiều 12/8 trên đèo. ", True),  # a week apart, naming a common day
    ("20/8", "", False),  # a week apart, nothing in common: may be years apart (the seed's 18/7 and 24/7)
    ("25/9", "Vụ tai nạn xảy ra chiều 12/8 trên đèo. ", False),  # too far apart
])
def test_stories_of_unknown_year_telling_one_years_news_share_one_day_order(tmp_path, later, recalled, in_day_order):
    # Two outlets worded apart (no link between them), neither with a year: the first reports a
    # charge of ``later``, the second the crash of 12/8.
    (tmp_path / "a.txt").write_text(
        f"Ngày {later}, cơ quan điều tra ra quyết định khởi tố bị can đối với người lái xe tải.\n\n"
        f"Ngày {later}, viện kiểm sát phê chuẩn lệnh bắt tạm giam người này. {recalled}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Chiều 12/8, một chiếc xe khách lao xuống vực trên đèo, làm nhiều hành khách bị thương.\n\n"
        "Chiều 12/8, lực lượng cứu hộ đưa các nạn nhân ra khỏi hiện trường.", encoding="utf-8")
    summary = Summarizer(Options(sentences=2)).summarize([tmp_path / "a.txt", tmp_path / "b.txt"])
    labels = [e.label.split(" ")[0] for e in summary.events]
    assert sorted(labels) == sorted(["12/8", later]), labels
    assert (labels == ["12/8", later]) == in_day_order, labels


def test_a_day_takes_the_year_its_story_writes_with_that_day(tmp_path):
    # two copies of one report (one story, one year); one writes the day with its year, as a
    # plan of that day: the other's "Sáng 31/8" is of 2022 too
    body = ("Sáng 31/8, trạm cảnh sát giao thông kiểm tra nồng độ cồn của các tài xế tại bến xe khách "
            "phía nam thành phố, không phát hiện trường hợp nào vi phạm.\n\n")
    (tmp_path / "a.txt").write_text(body + "Các tổ tuần tra được tăng cường trên các tuyến cao tốc.", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        body + "Đúng 15 giờ ngày 31/8/2022, lực lượng giao thông toàn thành phố sẽ đồng loạt ra quân.", encoding="utf-8")
    summary = Summarizer(Options(sentences=1)).summarize([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert [s.text[:8] for s in summary.sentences] == ["Sáng 31/"]
    assert [e.label for e in summary.events] == ["31/8/2022"], [e.label for e in summary.events]


def test_a_dated_story_naming_only_old_days_tells_another_storys_news():
    from tomtat.core.model import Article

    # Both reports are of 2/6/2016; one names the interview's day ("hôm qua"), the other only an
    # older day it recalls ("hôm 4/5"): its undated sentences are the interview's news, not 4/5's.
    a = Article("a", "Bộ trưởng Quốc phòng Ba Lan hôm qua cho biết một tiểu đoàn là đủ để cầm chân đối phương.\n\n"
                     "Ông nói lực lượng này sẽ được bố trí gần biên giới phía đông.", published="02/06/2016")
    b = Article("b", "Ba Lan dự định bố trí một tiểu đoàn đồng minh trên lãnh thổ của mình, theo bộ trưởng quốc phòng.\n\n"
                     "Đáp lại, phía bên kia hôm 4/5 thông báo thành lập ba sư đoàn mới.", published="02/06/2016")
    summarizer = Summarizer()
    cluster = summarizer.build_cluster([a, b])
    dates = ClusterDates.build(cluster)
    first_of_b = next(i for i, s in enumerate(cluster.sentences) if s.article_id == "b")
    told = dates.told[first_of_b]
    assert (told.year, told.month, told.day) == (2016, 6, 1), told


def test_a_dated_report_naming_only_an_older_day_tells_its_own_day():
    from tomtat.core.model import Article

    # Both reports are of 24/5/2016 and name only a letter of 13/5 (eleven days before): what
    # they tell without a date of its own (the interview) is of the day they report, 24/5;
    # a report naming no day at all is of its own day too.
    a = Article("a", "Phó chủ tịch thành phố đã có văn bản hỏa tốc ngày 13/5 về quy định tầng hầm.\n\n"
                     "Giám đốc sở cho biết hướng dẫn cụ thể vẫn đang được bàn thảo.", published="24/05/2016")
    b = Article("b", "Văn bản ngày 13/5 yêu cầu mọi tòa nhà cao tầng có ít nhất ba tầng hầm.\n\n"
                     "Nhiều chủ đầu tư lo ngại chi phí xây dựng tăng cao.", published="24/05/2016")
    c = Article("c", "Một chuyên gia quy hoạch cho rằng thiếu chỗ đỗ xe là vấn đề lớn của đô thị.",
                published="25/05/2016")
    cluster = Summarizer().build_cluster([a, b, c])
    dates = ClusterDates.build(cluster)
    for article, day in (("a", 24), ("b", 24), ("c", 25)):
        last = max(i for i, s in enumerate(cluster.sentences) if s.article_id == article)
        told = dates.told[last]
        assert told is not None and (told.year, told.month, told.day) == (2016, 5, day), (article, told)
    first = next(i for i, s in enumerate(cluster.sentences) if s.article_id == "a")
    assert (dates.told[first].month, dates.told[first].day) == (5, 13)  # the letter keeps its own day


def test_an_undated_story_whose_most_named_day_is_years_older_tells_no_day_for_the_rest():
    from tomtat.core.model import Article

    # a ten-year review (the story speaks of 2022 as past) of a resolution of 12/3/2012: the
    # review's sentences are not of 12/3/2012, the resolution's sentence is
    a = Article("a", "Ngày 12/3/2012, tỉnh ủy ban hành Nghị quyết số 04 về công tác cán bộ.\n\n"
                     "Sau 10 năm thực hiện, đội ngũ cán bộ các cấp đã có chuyển biến tích cực.\n\n"
                     "Năm 2022, tỉnh đào tạo thêm 300 thạc sĩ và tiến sĩ.")
    cluster = Summarizer().build_cluster([a])
    dates = ClusterDates.build(cluster)
    resolution, review = (next(i for i, s in enumerate(cluster.sentences) if s.text.startswith(start))
                          for start in ("Ngày 12/3/2012", "Sau 10 năm"))
    assert (dates.told[resolution].year, dates.told[resolution].month) == (2012, 3)
    assert dates.told[review] is None, dates.told[review]


@pytest.mark.parametrize("first", [
    "Đội bóng phố Núi đã thắng ngược đội khách 3-2 vào cuối tuần trước trên sân nhà Pleiku.",
    "Đội bóng phố Núi đã thắng ngược đội khách 3-2 trong tuần qua trên sân nhà Pleiku.",
    "Đội bóng phố Núi đã thắng ngược đội khách 3-2 cuối tuần này trên sân nhà Pleiku.",
    # a review's case: the week still outranks an older year ("last weekend" is when the charge
    # was brought, 2012 when the case began), and leaves the sentence undated
    "Cuối tuần trước, cơ quan điều tra đã khởi tố thêm hai bị can trong vụ án xảy ra từ năm 2012.",
])
def test_a_week_is_no_day_to_label_a_happening_with(first):
    from tomtat.core.model import Article

    # A report of Wednesday 25/5/2016 on a match played "last weekend": the week's Monday (16/5 or
    # 23/5) is no day the match was played, so it dates nothing; the sentence is told under the
    # report's own day as a sentence with no date is.
    a = Article("a", f"{first}\n\nHuấn luyện viên trưởng khen ngợi tinh thần thi đấu của các cầu thủ trẻ.",
                published="25/05/2016")
    dates = ClusterDates.build(Summarizer().build_cluster([a]))
    assert dates.own[0] is None, dates.own[0]
    told = dates.told[0]
    assert told is not None and (told.year, told.month, told.day) == (2016, 5, 25), told


def test_a_report_day_that_gives_way_to_a_schedule_still_dates_its_sentence():
    from tomtat.core.model import Article

    # the fact's day would be the holiday (after the article: a schedule), so the report day tells it
    a = Article("a", "Bộ Lao động ngày 20/8 thông báo người lao động được nghỉ lễ từ ngày 1/9 đến hết ngày 4/9.",
                published="21/08/2022")
    dates = ClusterDates.build(Summarizer().build_cluster([a]))
    own = dates.own[0]
    assert own is not None and (own.year, own.month, own.day) == (2022, 8, 20), own


def test_a_year_in_a_story_whose_main_day_is_background_is_not_told_under_that_day():
    from tomtat.core.model import Article

    # A report of 23/5/2016 whose only day is an old one it recalls (1/12/2015, over five months
    # before): that day is background, so "Năm 2015, ..." stays a year, not "1/12/2015".
    a = Article("a", "Doanh nhân Trần Văn Hòa cam kết dành toàn bộ tài sản cho quỹ học bổng của tỉnh.\n\n"
                     "Năm 2015, một tạp chí kinh tế ước tính tài sản của ông khoảng 200 tỷ đồng.\n\n"
                     "Ngày 1/12/2015, một doanh nhân khác ở Hà Nội cũng đã công bố cam kết tương tự.",
                published="23/05/2016")
    cluster = Summarizer().build_cluster([a])
    dates = ClusterDates.build(cluster)
    year = next(i for i, s in enumerate(cluster.sentences) if s.text.startswith("Năm 2015"))
    told = dates.told[year]
    assert told is not None and (told.precision, told.year) == ("year", 2015), told


def test_a_dated_story_naming_no_day_at_all_tells_another_storys_news():
    from tomtat.core.model import Article

    a = Article("a", "Bộ trưởng Quốc phòng Ba Lan hôm qua cho biết một tiểu đoàn là đủ để cầm chân đối phương.",
                published="02/06/2016")
    b = Article("b", "Ba Lan dự định bố trí một tiểu đoàn đồng minh trên lãnh thổ của mình, theo bộ trưởng quốc phòng.",
                published="02/06/2016")
    cluster = Summarizer().build_cluster([a, b])
    dates = ClusterDates.build(cluster)
    told = dates.told[next(i for i, s in enumerate(cluster.sentences) if s.article_id == "b")]
    assert told is not None and (told.year, told.month, told.day) == (2016, 6, 1), told


@pytest.mark.parametrize("names", [("a.txt", "b.txt"), ("z.txt", "b.txt")])
def test_a_day_joins_another_storys_event_only_when_that_event_is_that_day_alone(tmp_path, names):
    # an event of unknown year spanning 24-26/8 keeps its days, whichever article comes first;
    # a floor above the written year keeps the days apart too
    (tmp_path / names[0]).write_text(
        "Ngày 24/8, hàng nghìn người dân đổ về quảng trường trung tâm để xem pháo hoa.\n\n"
        "Ngày 26/8, lực lượng chức năng dọn dẹp rác thải sau lễ hội kéo dài ba ngày.", encoding="utf-8")
    (tmp_path / names[1]).write_text(
        "Ngày 26/8/2022, sở du lịch công bố số liệu khách tham quan tăng gấp đôi năm trước.", encoding="utf-8")
    (tmp_path / "c.txt").write_text(
        "Năm 2023, thị trấn hoàn thành con đường ven biển mới.\n\n"
        "Hôm 26/8, một đoàn xe đạp diễu hành qua con đường này để kỷ niệm.", encoding="utf-8")
    summary = Summarizer(Options(sentences=5)).summarize(sorted(tmp_path.iterdir()))
    labels = [e.label for e in summary.events]
    assert "26/8/2022" in labels and any(label.startswith("24–26/8 (năm chưa rõ") for label in labels), labels
    assert any(label.startswith("26/8 (năm chưa rõ, không trước năm 2023)") for label in labels), labels


def test_two_outlets_telling_one_days_fact_without_a_date_of_its_own_is_told_once():
    """Neither sentence names its day; both are told under their report's day (31/5/2016)."""
    import numpy as np

    from tomtat.core.model import Article
    from tomtat.story.event_select import EventSelector

    summarizer = Summarizer()
    cluster = summarizer.build_cluster([
        Article(id="a", published="2016-05-31", text=(
            "Chiều 31/5, đội tuyển bóng đá Hà Lam công bố danh sách 23 cầu thủ dự giải châu lục. "
            "Tiền vệ Trần Văn Khải không có tên trong danh sách vì chấn thương háng chưa lành.")),
        Article(id="b", published="2016-05-31", text=(
            "Ban huấn luyện đội tuyển Hà Lam đã chốt danh sách chính thức cho giải châu lục vào chiều 31/5. "
            "Đáng tiếc nhất là tiền vệ Trần Văn Khải vắng mặt trong danh sách vì chấn thương háng."))])
    dates = ClusterDates.build(cluster)
    khai = [i for i, s in enumerate(cluster.sentences) if "Trần Văn Khải" in s.text]
    assert len(khai) == 2 and all(dates.own[i] is None for i in khai)
    assert cluster.similarity_rows([khai[0]], [khai[1]])[0, 0] >= Options().same_day_similarity

    def both(view, scores, budget, *, max_sentences=None):
        return [i for i in khai if view.sentences[i].kind != "heading"]

    scores = np.zeros(len(cluster.sentences))
    scores[khai[0]] = 1.0
    assert EventSelector(both, dates, OPENERS)(cluster, scores, 200) == [khai[0]]


def test_an_event_of_several_days_is_told_day_by_day_each_undated_chain_going_on_with_the_one_before():
    from tomtat.story.events import DAY, When, _in_day_order

    def day(d):
        return When(DAY, 2016, 5, d)

    own = [None, day(22), None, day(21), day(22), None]
    # chains (positions): an undated opening, a 22/5 report with its undated follow-up, a 21/5
    # report, another 22/5 one with its follow-up
    chains = [[0], [1], [2], [3], [4, 5]]
    assert _in_day_order(chains, own) == [[0], [3], [1], [2], [4, 5]]
    assert _in_day_order([[1], [2], [4, 5]], own) == [[1], [2], [4, 5]]  # one day: as it was


def test_the_period_a_statement_covers_is_no_time_of_it_and_a_plans_list_is_no_past_year():
    from tomtat.vi.time_context import is_cited

    for text, cited in (("Trong 8 tháng đầu năm 2022, tỉnh thu hút 20 dự án mới.", True),
                        ("Doanh thu quý II năm 2016 của công ty tăng mạnh.", True),
                        ("Năm 2022, tỉnh thu hút 20 dự án mới.", False)):
        (m,) = DateFinder().find(text)
        assert is_cited(text, m) is cited, text
    assert past_year_floor("Hội đồng bàn nhiệm vụ đến cuối năm 2022 và năm 2023 của tỉnh.") is None
    assert past_year_floor("Năm 2021 và năm 2022 tỉnh đã thu hút nhiều dự án.") == 2022


def test_a_day_without_its_year_in_a_dated_event_is_of_the_events_year():
    from tomtat.story.events import DAY, When, _in_day_order

    own = [When(DAY, 2022, 8, 27), When(DAY, None, 8, 28), When(DAY, 2022, 8, 26)]
    assert _in_day_order([[0], [1], [2]], own, 2022) == [[2], [0], [1]]


def test_a_sentence_after_a_background_year_is_told_under_the_storys_day():
    """In a report of May 2016, "ra mắt năm 2014" is background; "Mới đây, ..." right after it
    in the paragraph is not of 2014 (a hand check read "năm 2014:" over it). In an undated
    article the year is kept for what follows: its story may well be of that year."""
    text = ("Sáng 19/5, phần phim mới đã khởi chiếu tại nhiều thị trường châu Á.\n"
            "Phần phim trước ra mắt năm 2014 và thu về nhiều tiền. Mới đây, hãng phim đã hé lộ nội dung phần tiếp theo.")
    cluster, dates = _dates_of([{"title": "Phim mới khởi chiếu", "text": text, "published": "2016-05-20"}])
    [(main, _)] = dates.main.values()
    assert dates.own[1] is not None and dates.own[1].year == 2014
    assert dates.told[2] == main
    cluster, dates = _dates_of([{"title": "Phim mới khởi chiếu", "text": text}])
    assert dates.told[2] == dates.own[1]


def test_a_missing_happening_is_told_by_its_best_sentence_not_by_a_side_fact_dated_near_its_day():
    """Only a sentence dated on the happening's main day is preferred to a better-scored one: a
    day a few days off is often a side fact of the report ("tàu ngầm ... đã đến cảng" three days
    before the visit the report is about)."""
    import numpy as np

    from tomtat.core.model import Article
    from tomtat.story.event_select import EventSelector

    summarizer = Summarizer()
    cluster = summarizer.build_cluster([
        Article(id="bridge", text=(
            "Sáng 5/10, cầu Hòa Phong qua sông Trà Mi được đưa vào sử dụng sau ba năm xây dựng. "
            "Cây cầu dài 1,2 km với bốn làn xe, tổng vốn đầu tư khoảng 900 tỷ đồng.")),
        Article(id="visit", text=(
            "Ngày 27/7, Bộ trưởng Nông nghiệp Lê Văn An dẫn đầu đoàn công tác thăm tỉnh Trà Mi trong ba ngày. "
            "Ông An nhấn mạnh tỉnh cần ưu tiên hệ thống thủy lợi cho vùng trồng lúa ven sông. "
            "Hôm 24/7, một tàu hàng chở phân bón từ nước ngoài đã cập cảng Trà Mi sau nhiều tuần chậm trễ."))])
    dates = ClusterDates.build(cluster)
    assert len(dates.happenings()) == 2
    visit = [i for i, s in enumerate(cluster.sentences) if s.article_id == "visit"]
    opening, remark, side = visit

    def bridge_only(view, scores, budget, *, max_sentences=None):
        return [i for i, s in enumerate(view.sentences) if s.article_id == "bridge" and s.kind != "heading"][:1]

    scores = np.zeros(len(cluster.sentences))
    scores[[opening, remark, side]] = (-3.0, -1.0, -2.0)
    chosen = EventSelector(bridge_only, dates, OPENERS)(cluster, scores, 200)
    assert opening in chosen and side not in chosen  # the main day's sentence, though not the best scored
    # Without the main day's sentence, the best-scored one, not the side fact dated near the day.
    selector = EventSelector(bridge_only, dates, OPENERS)
    main = next(day for day, stories in dates.happenings() if ("visit",) in stories)
    assert selector._representative(cluster, scores, [main], {"visit"}, left_out={opening}) == remark


def test_an_event_of_dated_outlets_tells_every_outlets_news_before_any_outlets_details():
    """With dated articles an event is one day's happening told by several outlets: after the
    lede, sentences follow by how far into their article they come, so the incident another
    outlet tells second comes before the reactions the first outlet tells last. Without
    ``interleave`` each article's telling stays together."""
    first_outlet = ("Sáng 27/5, mái nhà của ông Lê Văn Tám ở xã Nghi Hòa bị tốc khi một máy bay hạ cánh.\n"
                    "Đoàn cán bộ xã đã đến kiểm tra hiện trường ngay trong buổi chiều.\n"
                    "Người dân quanh sân bay cho biết họ luôn lo sợ mỗi khi máy bay hạ cánh.\n"
                    "Ông Tám đã gửi đơn lên cảng vụ hàng không để đề nghị bồi thường.")
    second_outlet = ("Một chuyến bay bị nghi làm tốc mái nhà dân ở xã Nghi Hòa sáng 27/5.\n"
                     "Theo ông Tám, khoảng 200 viên ngói bị gió từ máy bay thổi bay khi cả nhà đang ngủ.\n"
                     "Cảng vụ hàng không cho biết đang xác minh chuyến bay.\n"
                     "Sân bay này mỗi ngày đón khoảng 40 chuyến bay.")
    articles = [{"title": "Máy bay làm tốc mái nhà dân", "text": first_outlet, "source": "Báo A", "published": "2016-05-27"},
                {"title": "Nghi máy bay thổi bay ngói nhà dân", "text": second_outlet, "source": "Báo B",
                 "published": "2016-05-27"}]
    from conftest import cluster_of
    from tomtat.story.events import story_events

    cluster = cluster_of(articles)
    dates = ClusterDates.build(cluster)

    def at(start):
        return next(i for i, s in enumerate(cluster.sentences) if s.text.startswith(start))

    lede, reaction, incident = at("Sáng 27/5, mái nhà"), at("Ông Tám đã gửi đơn"), at("Theo ông Tám")
    order, events = story_events(cluster, [lede, reaction, incident], dates, lambda i: False, interleave=True)
    assert order == [lede, incident, reaction] and len(events) == 1
    order, _ = story_events(cluster, [lede, reaction, incident], dates, lambda i: False)
    assert order == [lede, reaction, incident]


def test_the_lede_keeps_its_next_sentence_when_outlets_interleave():
    """The lede is moved first; the sentence after it in its article still follows it, not a
    shallower detail of a longer article."""
    long_outlet = "\n".join(["Sáng 27/5, mái nhà của ông Lê Văn Tám ở xã Nghi Hòa bị tốc khi một máy bay hạ cánh."]
                            + [f"Chi tiết thứ {k} của vụ việc được người dân xã Nghi Hòa kể lại cho phóng viên." for k in range(1, 12)])
    short_outlet = ("Một chuyến bay bị nghi làm tốc mái nhà dân ở xã Nghi Hòa sáng 27/5.\n"
                    "Theo ông Tám, khoảng 200 viên ngói bị gió từ máy bay thổi bay khi cả nhà đang ngủ.\n"
                    "Cảng vụ hàng không cho biết đang xác minh chuyến bay.\n"
                    "Sân bay này mỗi ngày đón khoảng 40 chuyến bay.")
    from conftest import cluster_of
    from tomtat.story.events import story_events

    cluster = cluster_of([{"title": "Máy bay làm tốc mái nhà dân", "text": short_outlet, "source": "Báo B",
                           "published": "2016-05-27"},
                          {"title": "Ngói bay vì máy bay", "text": long_outlet, "source": "Báo A", "published": "2016-05-27"}])
    dates = ClusterDates.build(cluster)

    def at(start):
        return next(i for i, s in enumerate(cluster.sentences) if s.text.startswith(start))

    lede, next_one, detail = at("Một chuyến bay bị nghi"), at("Theo ông Tám"), at("Chi tiết thứ 2 ")
    order, _ = story_events(cluster, [detail, lede, next_one], dates, lambda i: False, interleave=True)
    assert order == [lede, next_one, detail]


def test_a_reporters_question_is_not_chosen_even_when_it_carries_the_story(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Hà Nội yêu cầu ba tầng hầm\n\n"
        "Thưa ông, vì sao sở quy hoạch yêu cầu mọi tòa nhà cao tầng phải có tối thiểu ba tầng hầm để xe?\n\n"
        "Thành ủy đã có chỉ đạo chung về chỗ để xe trong các khu đô thị mới.\n\n"
        "Các chủ đầu tư phản đối vì chi phí mỗi tầng hầm gấp đôi một tầng nổi.", encoding="utf-8")
    for ranker in ("default", "lead"):  # the lead ranker puts the question first of all
        summary = Summarizer(Options(sentences=2, ranker=ranker)).summarize([tmp_path / "a.txt"])
        assert len(summary.sentences) == 2 and not any(s.text.startswith("Thưa") for s in summary.sentences), \
            (ranker, [s.text for s in summary.sentences])


def test_a_whole_day_counted_from_the_article_goes_where_the_label_shows_that_day():
    # "Hôm qua," under "31/5/2016" would be counted from the reader's day; the label says it.
    # Without a label (the flat layout) it stays: it is all that dates the sentence.
    article = {"title": "Đức chốt danh sách dự Euro", "published": "2016-06-01",
               "text": "Hôm qua, đội tuyển Đức công bố danh sách 23 cầu thủ dự Euro 2016 tại Pháp."}
    story = Summarizer(Options(sentences=1)).summarize([article])
    assert [e.label for e in story.events] == ["31/5/2016"]
    assert story.sentences[0].text == "Đội tuyển Đức công bố danh sách 23 cầu thủ dự Euro 2016 tại Pháp."
    assert [(r.text, r.reason) for r in story.sentences[0].removed] == [("Hôm qua,", "relative day")]
    flat = Summarizer(Options(sentences=1, layout="flat")).summarize([article])
    assert flat.sentences[0].text.startswith("Hôm qua, đội tuyển Đức")
    # ... and so it does under a label of another day, or with no article date to count from
    from datetime import date

    from tomtat.summarize.trim import Trimmed, without_the_days_word

    text = Trimmed(article["text"])
    assert without_the_days_word(text, date(2016, 5, 30), date(2016, 6, 1)) == text
    assert without_the_days_word(text, date(2016, 5, 31), None) == text
    assert without_the_days_word(text, date(2016, 5, 31), date(2016, 6, 1)).text.startswith("Đội tuyển Đức")
