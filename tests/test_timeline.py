"""Events in date order with all their sources; undated ones apart (fixtures invented for the tests)."""
import json

from conftest import FIXTURES, run_cli

from tomtat import Options
from tomtat.core.errors import Problems
from tomtat.story.summarizer import Summarizer
from tomtat.story.timeline import TimelineBuilder

CLUSTER = FIXTURES / "timeline"


def _timeline(*paths):
    summarizer = Summarizer()
    cluster = summarizer.build_cluster(summarizer.read(paths or [CLUSTER], Problems()))
    return TimelineBuilder().build(cluster.articles, cluster.sentences, cluster.duplicate_of)


def test_same_story_from_two_outlets_is_one_event_with_two_sources():
    timeline = _timeline()
    arrivals = [e for e in timeline.events if e.date.value == "--12-12"]
    assert len(arrivals) == 1
    assert {s.article_id for s in arrivals[0].sources} == {"bao-x", "bao-y"}
    assert arrivals[0].date.precision == "day-month" and arrivals[0].date.year is None


def test_dates_in_order_and_no_year_made_up_without_a_publication_date():
    timeline = _timeline()
    keys = [e.date.sort_key() for e in timeline.events]
    assert keys == sorted(keys)
    for event in timeline.events:
        for source in event.sources:
            if source.article_id in ("bao-x", "bao-y") and event.date.kind != "year":
                assert event.date.year is None, event


def test_publication_date_anchors_relative_dates():
    timeline = _timeline()
    by_value = {e.date.value: e for e in timeline.events}
    assert "2024-03-19" in by_value  # "Hôm qua" in an article published 2024-03-20
    assert by_value["2024-03-19"].sources[0].article_id == "bao-z"
    assert by_value["2024-03-11"].date.precision == "week"  # "Tuần trước": the Monday of last week
    assert timeline.anchors["bao-z"].startswith("2024-03-20")
    assert timeline.anchors["bao-x"] is None


def test_date_line_left_by_the_scraper_anchors(tmp_path):
    (tmp_path / "a.txt").write_text("Thứ bảy, 7/9/2024 08:00 (GMT+7)\n\nHôm qua, đoàn khách đã tới thăm cánh đồng.\n",
                                    encoding="utf-8")
    timeline = _timeline(tmp_path)
    assert [e.date.value for e in timeline.events] == ["2024-09-06"]


def test_unresolvable_relative_dates_are_listed_apart(tmp_path):
    (tmp_path / "a.txt").write_text("Hôm qua, đoàn khách đã tới thăm cánh đồng lúa của xã.\n", encoding="utf-8")
    timeline = _timeline(tmp_path)
    assert timeline.events == ()
    assert [e.date.text for e in timeline.undated] == ["Hôm qua"]


def test_cli_timeline_and_json_fields():
    code, out, err = run_cli("timeline", str(CLUSTER), "--json")
    assert code == 0, err
    data = json.loads(out)
    event = next(e for e in data["events"] if e["date"] == "--12-12")
    assert event["precision"] == "day-month" and event["year_known"] is False
    assert event["articles"] == ["bao-x", "bao-y"]
    code, out, err = run_cli("timeline", str(CLUSTER))
    assert code == 0 and "(year unknown)" in out


def test_summary_json_has_timeline_and_entities_and_chronological_order():
    result = Summarizer(Options(order="chronological", sentences=4)).summarize([CLUSTER])
    data = result.to_dict()
    assert data["order"] == "chronological"
    assert data["timeline"]["events"] and data["entities"]
    assert any(e["name"] == "Viktor Somsak" for e in data["entities"])


def test_cli_entities_and_bad_path():
    code, out, err = run_cli("entities", str(CLUSTER), "--json")
    assert code == 0, err
    names = {e["name"]: e for e in json.loads(out)}
    assert names["Sergey Phoumi"]["articles"] == ["bao-y", "bao-z"]
    code, out, err = run_cli("timeline", "/no/such/dir")
    assert code != 0 and "/no/such/dir" in err and "Traceback" not in err


def test_chronological_order_follows_event_dates_not_source_order():
    articles = [
        {"id": "a", "text": "Ngày 5/3/2020, nhà máy thứ hai của công ty khánh thành ở Bình Dương. "
                            "Ngày 1/2/2019, công ty ký hợp đồng thuê đất với tỉnh Bình Dương."},
        {"id": "b", "text": "Năm 2017, công ty được thành lập tại Hà Nội với ba nhân viên."},
    ]
    result = Summarizer(Options(order="chronological", ratio=1.0, redundancy=0.0)).summarize(articles)
    years = [s.text.split(",")[0] for s in result.sentences]
    assert years == ["Năm 2017", "Ngày 1/2/2019", "Ngày 5/3/2020"], years
    source = Summarizer(Options(order="source", ratio=1.0, redundancy=0.0)).summarize(articles)
    assert [s.text.split(",")[0] for s in source.sentences] != years


def test_stories_of_unknown_year_naming_a_common_day_share_one_day_order(tmp_path):
    # the charges of 20/8 told by one outlet, which also recalls the crash of 12/8 that the
    # other reports: one year's news, listed in day order across the two stories; without the
    # common day, a week apart, they may be years apart and stay story by story
    for recalled, expected in (("Vụ tai nạn xảy ra chiều 12/8. ", ["--08-12", "--08-12", "--08-20"]),
                               ("", ["--08-20", "--08-12"])):
        (tmp_path / "a.txt").write_text(
            f"Ngày 20/8, cơ quan điều tra khởi tố người lái xe tải. {recalled}", encoding="utf-8")
        (tmp_path / "b.txt").write_text(
            "Chiều 12/8, một chiếc xe khách lao xuống vực trên đèo.", encoding="utf-8")
        timeline = _timeline(tmp_path / "a.txt", tmp_path / "b.txt")
        assert [e.date.value for e in timeline.events] == expected, [e.date.value for e in timeline.events]
