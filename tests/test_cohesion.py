"""Cohesion inside an event: a sentence that introduces a person ("Thứ trưởng Bộ Y tế Trần Văn
Hoàng") comes before one that names them short ("Ông Hoàng"), moving with what leans on it,
never across events (tomtat.story.cohesion, applied by story_events). Fixtures invented for
the tests: a provincial hospital's new ward and the people at its opening."""
import pytest

from conftest import cluster_of

from tomtat import Options
from tomtat.story.cohesion import Naming, PersonReferences, introductions_first, late_introductions
from tomtat.story.events import ClusterDates, story_events
from tomtat.story.summarizer import Summarizer

PEOPLE = PersonReferences()
SUMMARIZER = Summarizer(story=False)

WARD = {"title": "Bệnh viện tỉnh khánh thành khu điều trị mới", "text": "\n".join([
    "Bệnh viện đa khoa tỉnh vừa khánh thành khu điều trị mới với hai trăm giường bệnh.",
    "Khu điều trị được xây dựng trong hai năm bằng vốn ngân sách của tỉnh.",
    "Ông Hoàng cho biết bệnh viện sẽ mở thêm khoa ung bướu ngay trong năm nay.",
    "Các bác sĩ trẻ sẽ được cử đi học ở Hà Nội trước khi khoa mới đi vào hoạt động."])}
VISIT = {"title": "Thứ trưởng thăm bệnh viện tỉnh", "text": "\n".join([
    "Buổi lễ có đông đủ cán bộ, nhân viên và bệnh nhân của bệnh viện tham dự.",
    "Nhiều phần quà đã được trao cho các bệnh nhân có hoàn cảnh khó khăn.",
    "Thứ trưởng Bộ Y tế Trần Văn Hoàng đã đến dự lễ khánh thành và thăm hỏi các bệnh nhân.",
    "Ông này cũng đề nghị tỉnh sớm tuyển thêm bác sĩ cho khu điều trị mới."])}
LEDE = {"title": "Tỉnh sẽ có khoa ung bướu", "text": "\n".join([
    "Ông Hoàng khẳng định tỉnh sẽ có khoa ung bướu đầu tiên trong năm nay.",
    "Khoa mới sẽ giúp người bệnh không phải lên tuyến trên để điều trị."])}
TWO = {"title": "Lễ cắt băng khu điều trị mới", "text": "\n".join([
    "Buổi lễ được tổ chức trang trọng tại sân trước của khu điều trị mới.",
    "Người dân quanh bệnh viện cũng đến xem buổi lễ từ rất sớm.",
    "Ông Hoàng và bà Mai cùng cắt băng khánh thành tòa nhà mười tầng.",
    "Thứ trưởng Trần Văn Hoàng và Giám đốc Sở Y tế Lê Thị Mai đã trồng cây lưu niệm trong sân.",
    "Ông Hoàng đã tiếp Giám đốc Sở Y tế Lê Thị Mai tại phòng họp của bệnh viện.",
    "Thứ trưởng Trần Văn Hoàng cảm ơn bà Mai về sự phối hợp trong suốt hai năm xây dựng."])}
NURSE = {"title": "Nữ điều dưỡng phát hiện đám cháy", "text": "\n".join([
    "Đám cháy nhỏ ở kho thuốc đã được dập tắt sau mười phút.",
    "Không có ai bị thương trong vụ cháy.",
    "Chị Lan kể lại buổi sáng hôm đó với các phóng viên có mặt ở bệnh viện.",
    "Nguyễn Thị Lan, điều dưỡng khoa nội, là người đầu tiên phát hiện khói trong kho thuốc."])}
SIGNED = {"title": "Ký quyết định thành lập khoa", "text": "Ngày 10/3/2024, ông Hoàng đã ký quyết định thành lập "
          "khoa ung bướu tại bệnh viện đa khoa tỉnh."}
OPENED = {"title": "Khánh thành khoa ung bướu", "text": "Ngày 25/3/2024, Thứ trưởng Bộ Y tế Trần Văn Hoàng đã cắt "
          "băng khánh thành khoa ung bướu của bệnh viện đa khoa tỉnh."}


def _arrange(articles, starts, *, cohesion=True, by_kind=False):
    """story_events on the sentences opening with ``starts`` (in that reading order): the new
    order (as those openings) and the events' sentence sets; with ``by_kind``, a thing named by
    its kind alone does not open its event."""
    cluster = cluster_of(articles)
    ordered = [next(i for i, s in enumerate(cluster.sentences) if s.text.startswith(start)) for start in starts]
    namings = PEOPLE.namings([cluster.sentences[i] for i in ordered]) if cohesion else None
    names_by_kind = (lambda i: SUMMARIZER.openers.names_by_kind(cluster.sentences[i].text)) if by_kind else None
    order, events = story_events(cluster, ordered, ClusterDates.build(cluster), SUMMARIZER.leans(cluster), namings,
                                 by_kind=names_by_kind)
    opening = {i: start for i, start in zip(ordered, starts)}
    return [opening[i] for i in order], [[opening[order[k]] for k in e.sentences] for e in events]


def test_the_introducing_sentence_moves_before_the_short_naming():
    order, events = _arrange([WARD, VISIT], ["Ông Hoàng cho", "Thứ trưởng Bộ"])
    assert order == ["Thứ trưởng Bộ", "Ông Hoàng cho"] and len(events) == 1
    assert _arrange([WARD, VISIT], ["Ông Hoàng cho", "Thứ trưởng Bộ"], cohesion=False)[0] == ["Ông Hoàng cho",
                                                                                               "Thứ trưởng Bộ"]


def test_no_move_when_the_short_naming_comes_after_the_introduction():
    order, _ = _arrange([WARD, VISIT], ["Thứ trưởng Bộ", "Ông Hoàng cho", "Các bác sĩ"])
    assert order == ["Thứ trưởng Bộ", "Ông Hoàng cho", "Các bác sĩ"]


def test_the_introduction_moves_with_the_sentence_that_leans_on_it():
    order, _ = _arrange([WARD, VISIT], ["Ông Hoàng cho", "Các bác sĩ", "Thứ trưởng Bộ", "Ông này cũng"])
    assert order == ["Thứ trưởng Bộ", "Ông này cũng", "Ông Hoàng cho", "Các bác sĩ"]


def test_the_lede_stays_first_unless_it_names_the_person_short():
    order, _ = _arrange([WARD, VISIT], ["Khu điều trị", "Ông Hoàng cho", "Thứ trưởng Bộ"])
    assert order == ["Khu điều trị", "Thứ trưởng Bộ", "Ông Hoàng cho"]
    # the lede itself says "Ông Hoàng": the introduction goes before it
    order, _ = _arrange([VISIT, LEDE], ["Thứ trưởng Bộ", "Ông Hoàng khẳng"])
    assert _arrange([VISIT, LEDE], ["Thứ trưởng Bộ", "Ông Hoàng khẳng"], cohesion=False)[0] == ["Ông Hoàng khẳng",
                                                                                                "Thứ trưởng Bộ"]
    assert order == ["Thứ trưởng Bộ", "Ông Hoàng khẳng"]


def test_no_move_across_events():
    """10/3 and 25/3 are two events in date order: the short naming of the first stays first."""
    for starts in (["Ngày 10/3/2024", "Ngày 25/3/2024"], ["Ngày 25/3/2024", "Ngày 10/3/2024"]):
        order, events = _arrange([SIGNED, OPENED], starts)
        assert order == ["Ngày 10/3/2024", "Ngày 25/3/2024"]
        assert events == [["Ngày 10/3/2024"], ["Ngày 25/3/2024"]]


def test_a_sentence_introducing_two_people_moves_before_both_short_namings():
    order, _ = _arrange([TWO], ["Ông Hoàng và", "Thứ trưởng Trần Văn Hoàng và"])
    assert order == ["Thứ trưởng Trần Văn Hoàng và", "Ông Hoàng và"]


def test_two_people_each_introduced_in_the_others_sentence_stay_as_they_are():
    """Moving either sentence would name the other person short before their introduction."""
    order, _ = _arrange([TWO], ["Ông Hoàng đã", "Thứ trưởng Trần Văn Hoàng cảm"])
    assert order == ["Ông Hoàng đã", "Thứ trưởng Trần Văn Hoàng cảm"]


def test_anh_and_chi_name_a_person_short_too():
    order, _ = _arrange([NURSE], ["Chị Lan kể", "Nguyễn Thị Lan,"])
    assert order == ["Nguyễn Thị Lan,", "Chị Lan kể"]


BANK = {"title": "Ngân hàng bán cổ phần", "text": "\n".join([
    "Theo Hoalinhbank, ngân hàng sẽ bán bớt cổ phần tại công ty chứng khoán trong tháng tới.",
    "Ngân hàng TMCP Hoa Linh (Hoalinhbank) vừa thông báo kế hoạch thoái vốn tại công ty chứng khoán.",
    "Ngân hàng Nhà nước (NHNN) đã chấp thuận kế hoạch thoái vốn của ngân hàng này.",
    "Quy định của Ngân hàng Nhà nước Việt Nam cũng yêu cầu ngân hàng báo cáo kết quả bán cổ phần."])}


def test_an_organization_is_introduced_where_its_short_form_is_given():
    """Where a sentence gives the short form in brackets, not where a name is written longer."""
    order, _ = _arrange([BANK], ["Theo Hoalinhbank", "Ngân hàng TMCP"])
    assert order == ["Ngân hàng TMCP", "Theo Hoalinhbank"]
    order, _ = _arrange([BANK], ["Ngân hàng Nhà nước (NHNN)", "Quy định của"])
    assert order == ["Ngân hàng Nhà nước (NHNN)", "Quy định của"]
    order, _ = _arrange([BANK], ["Quy định của", "Ngân hàng Nhà nước (NHNN)"])
    assert order == ["Quy định của", "Ngân hàng Nhà nước (NHNN)"]  # no short form used before it


def test_how_fully_a_sentence_names_a_person():
    """"Ông Hoàng" is the one "Trần Văn Hoàng" the summary names; alone it is only "Hoàng"."""
    cluster = cluster_of([WARD, VISIT])
    pair = [next(s for s in cluster.sentences if s.text.startswith(t)) for t in ("Ông Hoàng cho", "Thứ trưởng Bộ")]
    short, full = PEOPLE.namings(pair)
    assert short.keys() == full.keys() == {"trần văn hoàng"}
    assert PEOPLE.namings(pair[:1])[0].keys() == {"hoàng"}
    assert short["trần văn hoàng"] == Naming(1, False, True) and full["trần văn hoàng"] == Naming(3, True, False)
    assert full["trần văn hoàng"].fuller_than(short["trần văn hoàng"])
    assert not short["trần văn hoàng"].fuller_than(full["trần văn hoàng"])


@pytest.mark.parametrize("later, earlier, fuller", [
    (Naming(3, True), Naming(1, False, True), True),  # "Chủ tịch Kim Jong-un" after "ông Kim"
    (Naming(1, True), Naming(1, False, True), True),  # "Tổng thống Putin" after "ông Putin"
    (Naming(2, False), Naming(1, False), True),  # "Sergei Shoigu" after a bare "Shoigu"
    (Naming(2, True), Naming(2, False), False),  # a title before a bare name as long: not always a person
    (Naming(2, False), Naming(1, True), False),  # "Vladimir Putin" after "Tổng thống Putin"
    (Naming(1, False, True), Naming(1, False, True), False),
])
def test_which_naming_introduces_a_person(later, earlier, fuller):
    assert later.fuller_than(earlier) is fuller


def test_chains_move_whole_and_known_people_need_no_introduction():
    short, full = Naming(1, False, True), Naming(3, True)
    namings = [{"p": short}, {}, {"p": full}, {}]
    # the full naming is the second sentence of a chain: the whole chain moves
    assert introductions_first([[0], [1, 2], [3]], namings) == [[1, 2], [0], [3]]
    # introduced in an earlier event: the short naming is no longer short
    assert introductions_first([[0], [1, 2], [3]], namings, {"p": full}) == [[0], [1, 2], [3]]
    # the full naming inside the short one's own chain: nothing can move
    assert introductions_first([[0, 1, 2], [3]], namings) == [[0, 1, 2], [3]]
    assert late_introductions([namings[k] for k in (0, 1, 2, 3)]) == {"p"}
    assert late_introductions([namings[k] for k in (2, 0)]) == set()


def test_the_summarizer_reorders_only():
    """End to end: the same sentences and events with the pass on and off, the introduction first."""
    options = Options(ratio=1.0)
    on = Summarizer(options, story=False).summarize([WARD, VISIT])
    off = Summarizer(options.replace(introductions_first=False), story=False).summarize([WARD, VISIT])
    key = lambda summary: [(s.article_id, s.sentence_index) for s in summary.sentences]  # noqa: E731
    assert sorted(key(on)) == sorted(key(off)) and len(on.events) == len(off.events) == 1
    texts = [s.source_text for s in on.sentences]
    assert any(t.startswith("Ông Hoàng cho") for t in texts)
    short = next(k for k, t in enumerate(texts) if t.startswith("Ông Hoàng cho"))
    full = next(k for k, t in enumerate(texts) if t.startswith("Thứ trưởng Bộ"))
    assert full < short
    old = [s.source_text for s in off.sentences]
    assert old.index(texts[short]) < old.index(texts[full])  # the pass is what put it first


# A software park by a province's coast (invented): two outlets, no dates.
PARK = {"title": "Tỉnh chấp thuận khu nghiên cứu phần mềm", "text": "\n".join([
    "Dự án do một công ty phần mềm trong nước làm chủ đầu tư.",
    "Tổng vốn đầu tư là 2.000 tỷ đồng, chia làm hai giai đoạn."])}
PARK_TOO = {"title": "Khu nghiên cứu phần mềm ven biển", "text": "\n".join([
    "Khu nghiên cứu phần mềm Quy Hòa sẽ được xây dựng trên khu đất rộng 15 ha ven biển.",
    "Người dân trong vùng được hỗ trợ học nghề lập trình miễn phí.",
    "Công trình dự kiến hoàn thành vào cuối năm 2027."])}
PARK_DAYS = {"title": "Khu nghiên cứu phần mềm khởi công", "text": "\n".join([
    "Ngày 10/3/2024, dự án được khởi công trên khu đất rộng 15 ha ven biển.",
    "Ngày 12/3/2024, Khu nghiên cứu phần mềm Quy Hòa đón đoàn khảo sát đầu tiên."])}


def test_a_thing_named_by_its_kind_alone_does_not_open_its_event():
    """"Dự án do ..." (which project?) goes after the sentence that names it."""
    order, events = _arrange([PARK, PARK_TOO], ["Dự án do", "Khu nghiên cứu", "Người dân"], by_kind=True)
    assert order == ["Khu nghiên cứu", "Dự án do", "Người dân"] and len(events) == 1
    assert _arrange([PARK, PARK_TOO], ["Dự án do", "Khu nghiên cứu", "Người dân"])[0] == [
        "Dự án do", "Khu nghiên cứu", "Người dân"]


def test_no_move_when_every_sentence_names_its_thing_by_kind():
    order, _ = _arrange([PARK, PARK_TOO], ["Dự án do", "Công trình dự kiến"], by_kind=True)
    assert order == ["Dự án do", "Công trình dự kiến"]


def test_no_move_past_a_sentence_of_another_day():
    order, events = _arrange([PARK_DAYS], ["Ngày 10/3/2024", "Ngày 12/3/2024"], by_kind=True)
    assert order == ["Ngày 10/3/2024", "Ngày 12/3/2024"]


def test_no_move_that_would_name_a_person_short_before_their_introduction():
    founder = {"title": "Nhà sáng lập khu nghiên cứu", "text": "\n".join([
        "Công ty của doanh nhân Trần Văn Hùng sẽ xây khu nghiên cứu phần mềm ở ven biển.",
        "Ông Hùng cho biết khu nghiên cứu sẽ tuyển 500 kỹ sư ngay năm đầu."])}
    order, _ = _arrange([founder], ["Công ty của", "Ông Hùng"], by_kind=True)
    assert order == ["Công ty của", "Ông Hùng"]


def test_two_things_named_by_kind_both_go_after_the_one_named():
    """"Dự án do ...", "Công trình dự kiến ...", then the park by its name: the name opens (a
    review found the second by-kind sentence left on top when only the first moved)."""
    order, _ = _arrange([PARK, PARK_TOO], ["Dự án do", "Công trình dự kiến", "Khu nghiên cứu"], by_kind=True)
    assert order == ["Khu nghiên cứu", "Dự án do", "Công trình dự kiến"]


def test_no_move_that_names_another_person_short_before_their_introduction():
    """One person introduced late either way is still a move that makes another late: the
    guard compares who, not how many (a review's case)."""
    pair = {"title": "Hai nhà sáng lập", "text": "\n".join([
        "Công ty sẽ hợp tác với bà Trần Thị Lan và ông Hùng trong dự án mới.",
        "Doanh nhân Nguyễn Văn Hùng cho biết bà Lan sẽ phụ trách khu nghiên cứu."])}
    order, _ = _arrange([pair], ["Công ty sẽ", "Doanh nhân"], by_kind=True)
    assert order == ["Công ty sẽ", "Doanh nhân"]
