import json

import pytest

from conftest import run_cli
from tomtat.core.errors import OptionsError
from tomtat.story.group import Grouper, bcubed, group_articles, rank_stories, Story
from tomtat.ingest.readers import article_from_mapping
from tomtat.core.options import GroupOptions

# Three invented events, three articles each (our own sentences), plus a near-copy of one.
EVENTS = {
    "bao": [
        ("Bão Sao Mai đổ bộ vào Quảng Trị", "Cơn bão Sao Mai đã đổ bộ vào tỉnh Quảng Trị chiều thứ Ba với sức gió cấp 11. "
         "Hơn 4.200 hộ dân ở huyện Hải Lăng được sơ tán tới nơi an toàn. Nhiều cây xanh bị quật đổ trên quốc lộ 1A."),
        ("Quảng Trị sơ tán dân tránh bão Sao Mai", "Chính quyền Quảng Trị đã sơ tán 4.200 hộ dân huyện Hải Lăng trước khi bão Sao Mai vào bờ. "
         "Gió mạnh cấp 11 làm đổ cây xanh dọc quốc lộ 1A. Ngành điện lực đang khắc phục sự cố."),
        ("Bão Sao Mai gây mất điện diện rộng", "Sau khi bão Sao Mai đổ bộ, nhiều xã ở Hải Lăng, Quảng Trị bị mất điện. "
         "Điện lực Quảng Trị huy động 300 công nhân khắc phục sự cố lưới điện. Gió cấp 11 đã quật đổ hàng trăm cây xanh."),
    ],
    "bong_da": [
        ("Câu lạc bộ Sông Lam thắng ngược Bình Minh", "Sông Lam đã thắng ngược Bình Minh 3-2 ở vòng 14 giải hạng Nhất trên sân Vinh. "
         "Tiền đạo Hoàng Vũ ghi cú đúp trong hiệp hai. Huấn luyện viên Phan Tùng khen ngợi tinh thần các cầu thủ trẻ."),
        ("Hoàng Vũ lập cú đúp giúp Sông Lam thắng 3-2", "Hoàng Vũ ghi hai bàn trong hiệp hai giúp Sông Lam lội ngược dòng trước Bình Minh. "
         "Trận đấu vòng 14 trên sân Vinh có hơn 12.000 khán giả. Phan Tùng nói đội bóng đã chơi đúng kế hoạch."),
        ("Sông Lam vươn lên thứ ba sau trận thắng Bình Minh", "Chiến thắng 3-2 trước Bình Minh ở vòng 14 đưa Sông Lam lên thứ ba giải hạng Nhất. "
         "Cú đúp của Hoàng Vũ trên sân Vinh là điểm nhấn. Huấn luyện viên Phan Tùng chưa nghĩ tới chức vô địch."),
    ],
    "gao": [
        ("Giá gạo xuất khẩu tăng lên 640 USD một tấn", "Giá gạo xuất khẩu 5% tấm của Việt Nam tăng lên 640 USD một tấn trong tuần này. "
         "Hiệp hội Lương thực cho biết nhu cầu từ Philippines và Indonesia tăng mạnh. Nông dân Đồng Tháp phấn khởi vì lúa được giá."),
        ("Philippines tăng mua, gạo Việt lên giá", "Nhu cầu từ Philippines đẩy giá gạo 5% tấm lên 640 USD một tấn. "
         "Hiệp hội Lương thực dự báo xuất khẩu gạo năm nay đạt 7,5 triệu tấn. Thương lái ở Đồng Tháp thu mua lúa với giá cao."),
        ("Nông dân Đồng Tháp được mùa được giá lúa", "Giá lúa tại Đồng Tháp tăng theo giá gạo xuất khẩu 640 USD một tấn. "
         "Indonesia và Philippines tăng nhập khẩu gạo Việt Nam. Hiệp hội Lương thực khuyến cáo doanh nghiệp giữ hợp đồng đã ký."),
    ],
}


def pile():
    articles, gold = [], []
    for event, items in EVENTS.items():
        for k, (title, text) in enumerate(items):
            articles.append(article_from_mapping({"title": title, "text": text}, article_id=f"{event}-{k}"))
            gold.append(event)
    title, text = EVENTS["gao"][0]
    copy = article_from_mapping({"title": title, "text": text.replace("trong tuần này", "tuần qua")},
                                article_id="gao-copy")
    articles.append(copy)
    gold.append("gao")
    # interleave, as a crawler would deliver them
    order = [0, 3, 6, 1, 9, 4, 7, 2, 5, 8]
    return [articles[i] for i in order], [gold[i] for i in order]


def test_groups_invented_events_and_finds_the_copy():
    articles, gold = pile()
    labels = Grouper().labels(articles)
    assert bcubed(list(labels), gold) == (1.0, 1.0, 1.0)
    stories = group_articles(articles)
    assert [s.size for s in stories] == [4, 3, 3]
    gao = stories[0]
    assert {a.id for a in gao.articles} == {"gao-0", "gao-1", "gao-2", "gao-copy"}
    assert [(d.article, d.duplicate_of) for d in gao.duplicates] == [("gao-copy", "gao-0")]
    assert gao.label in {a.title for a in gao.articles}
    assert all(not s.duplicates for s in stories[1:])


def test_a_high_threshold_splits_every_article():
    articles, _ = pile()
    labels = Grouper(GroupOptions(threshold=0.99, duplicate_threshold=0.99)).labels(articles)
    assert len(set(labels)) == len(articles) - 1  # only the near-copy still joins its original


def test_bcubed_by_hand():
    # predicted {a,b},{c}; gold {a},{b,c}: precision (1/2+1/2+1)/3, recall (1+1/2+1/2)/3
    p, r, f = bcubed([0, 0, 1], ["x", "y", "y"])
    assert p == pytest.approx(2 / 3) and r == pytest.approx(2 / 3) and f == pytest.approx(2 / 3)
    assert bcubed([5, 5, 5], [1, 1, 1]) == (1.0, 1.0, 1.0)
    with pytest.raises(ValueError):
        bcubed([1], [1, 2])


def test_rank_by_size_then_recency():
    a = article_from_mapping({"text": "Một câu.", "published": "2024-01-02"}, article_id="a")
    b = article_from_mapping({"text": "Hai câu.", "published": "2024-03-01"}, article_id="b")
    old = Story("x", "old", (a,), latest="2024-01-02")
    new = Story("y", "new", (b,), latest="2024-03-01")
    undated = Story("z", "undated", (a,))
    big = Story("w", "big", (a, b), latest="2023-01-01")
    assert [s.label for s in rank_stories([undated, old, new, big])] == ["big", "new", "old", "undated"]


def test_group_options_are_checked():
    with pytest.raises(OptionsError, match="threshold"):
        GroupOptions(threshold=2)
    with pytest.raises(OptionsError, match="nope"):
        GroupOptions.from_mapping({"nope": 1})


@pytest.mark.slow
def test_group_and_digest_cli(tmp_path):
    articles, _ = pile()
    for a in articles:
        (tmp_path / f"{a.id}.json").write_text(json.dumps({"title": a.title, "text": a.text}, ensure_ascii=False))
    out = tmp_path / "stories.jsonl"
    code, _, err = run_cli("group", str(tmp_path), "-o", str(out))
    assert code == 0, err
    stories = [json.loads(l) for l in out.read_text().splitlines()]
    assert [s["size"] for s in stories] == [4, 3, 3]
    assert stories[0]["duplicates"][0]["article"] == "gao-copy"
    digest = tmp_path / "digest.jsonl"
    code, _, err = run_cli("digest", str(tmp_path), "-o", str(digest), "--workers", "1", "--sentences", "2")
    assert code == 0, err
    lines = [json.loads(l) for l in digest.read_text().splitlines()]
    assert [l["rank"] for l in lines] == [1, 2, 3]
    for line in lines:
        ids = {a["id"] for a in line["articles"]}
        assert line["summary"] and all(s["article_id"] in ids for s in line["sentences"])
    md = tmp_path / "digest.md"
    code, _, err = run_cli("digest", str(tmp_path), "-o", str(md), "--workers", "1", "--no-progress")
    assert code == 0, err
    assert md.read_text().count("\n## ") == 3
    code, _, err = run_cli("group", str(tmp_path / "nothing-here"))
    assert code != 0 and "nothing-here" in err and "Traceback" not in err


@pytest.mark.slow
def test_abmusu_validation_regrouped_bcubed_at_least_095():
    """The bar: pool the validation articles, forget the stories, regroup (threshold from train)."""
    from conftest import need_abmusu
    from tomtat.core.errors import Problems
    from tomtat.ingest import build_articles, raw_from_mapping

    data = need_abmusu()
    raws, gold = [], []
    for number, line in enumerate((data / "validation.jsonl").read_text(encoding="utf-8").splitlines()):
        for k, doc in enumerate(json.loads(line)["single_documents"]):
            raws.append(raw_from_mapping({**doc, "id": f"c{number}-{k}"}, source="validation"))
            gold.append(number)
    articles = build_articles(raws, Problems())
    assert len(articles) == len(gold) == 304
    labels = Grouper().labels(articles)
    assert bcubed(list(labels), gold)[2] >= 0.95


class InProcessEngine:
    """Runs each chunk here, in order: the digest's resume logic without worker processes."""

    def map(self, job, chunks):
        from tomtat.apps.engine import worker_stats

        for key, payload in chunks:
            yield key, job.process(payload), worker_stats()


def test_digest_resumes_only_the_run_with_the_same_articles_and_options(tmp_path):
    from tomtat.apps.digest import run_digest
    from tomtat.core.errors import ResumeError
    from tomtat.core.options import Options

    folder = tmp_path / "pile"
    folder.mkdir()
    articles, _ = pile()
    for a in articles:
        (folder / f"{a.id}.json").write_text(json.dumps({"title": a.title, "text": a.text}, ensure_ascii=False))
    out = tmp_path / "digest.jsonl"

    def digest(options=None, group_options=None, resume=True):
        return run_digest([str(folder)], out, options or Options(sentences=2), group_options or GroupOptions(),
                          engine=InProcessEngine(), progress=False, resume=resume)

    assert digest().written == 3 and (tmp_path / "digest.jsonl.run.json").exists()
    again = digest()
    assert (again.skipped, again.written) == (3, 0)
    with pytest.raises(ResumeError, match=r"other options \(sentences was 2, now 3\)"):
        digest(Options(sentences=3))
    with pytest.raises(ResumeError, match=r"other group_options \(threshold was 0.1, now 0.2\)"):
        digest(group_options=GroupOptions(threshold=0.2))
    first = folder / "bao-0.json"
    first.write_text(first.read_text(encoding="utf-8").replace("4.200", "4.300"), encoding="utf-8")
    with pytest.raises(ResumeError, match="another input"):
        digest()
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3  # refused runs left the output as it was
    restarted = digest(resume=False)
    assert (restarted.skipped, restarted.written) == (0, 3)
    (tmp_path / "digest.jsonl.run.json").unlink()
    with pytest.raises(ResumeError, match="no run fingerprint"):
        digest()
