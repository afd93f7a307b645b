"""Near-duplicate articles: two outlets' versions of one story are paired, different stories are not."""
import itertools

import pytest

from conftest import SHARED
from tomtat.summarize.dedup import ArticleDeduplicator, containment, shingles
from tomtat.core.errors import Problems
from tomtat.ingest import read_inputs
from tomtat.core.model import Article
from tomtat.vi.text import syllables

# Invented story: a bridge in an invented province; two outlets retell it in their own words
# but share the quotes, names and figures.
OUTLET_A = Article(id="bao-a", title="Khánh thành cầu Sông Lam Mới sau 18 tháng thi công", text=(
    "Sáng 14/3, UBND tỉnh Hà Lam đã khánh thành cầu Sông Lam Mới với tổng vốn đầu tư 1.250 tỷ đồng. "
    "Cây cầu dài 1,8 km nối huyện Tân Lộc với thành phố Hà Lam, rút ngắn quãng đường đi lại khoảng 25 km.\n"
    "Phát biểu tại buổi lễ, Chủ tịch UBND tỉnh Hà Lam Trần Văn Khải cho biết \"cây cầu là mong mỏi của "
    "hàng chục nghìn người dân hai bờ suốt nhiều năm qua\". Ông Khải đề nghị chủ đầu tư tiếp tục hoàn thiện "
    "đường dẫn hai đầu cầu trước ngày 30/6.\n"
    "Theo Ban quản lý dự án giao thông tỉnh, cầu được thiết kế cho phép xe tải trọng lớn lưu thông và có "
    "làn riêng cho xe máy, người đi bộ."))
OUTLET_B = Article(id="bao-b", title="Hà Lam thông xe cầu 1.250 tỷ đồng", text=(
    "Cầu Sông Lam Mới, công trình có tổng vốn đầu tư 1.250 tỷ đồng, chính thức được khánh thành vào sáng "
    "14/3 sau 18 tháng thi công.\n"
    "Với chiều dài 1,8 km, cây cầu nối huyện Tân Lộc với thành phố Hà Lam, giúp người dân bớt khoảng 25 km "
    "đường vòng qua quốc lộ.\n"
    "Ông Trần Văn Khải, Chủ tịch UBND tỉnh Hà Lam, khẳng định \"cây cầu là mong mỏi của hàng chục nghìn "
    "người dân hai bờ suốt nhiều năm qua\" và yêu cầu hoàn thiện đường dẫn hai đầu cầu trước ngày 30/6."))
# A different story in the same province, with the same place names and some of the same words.
OTHER = Article(id="bao-c", title="Hà Lam khởi công đường ven biển", text=(
    "Ngày 2/5, UBND tỉnh Hà Lam khởi công tuyến đường ven biển dài 42 km đi qua ba huyện phía đông tỉnh. "
    "Dự án có tổng vốn đầu tư hơn 3.100 tỷ đồng, dự kiến hoàn thành trong năm 2027.\n"
    "Chủ tịch UBND tỉnh Trần Văn Khải yêu cầu các nhà thầu bảo đảm chất lượng, tiến độ và an toàn lao động. "
    "Tỉnh cũng đã hoàn thành giải phóng mặt bằng cho 80% diện tích của dự án.\n"
    "Tuyến đường được kỳ vọng mở ra không gian phát triển du lịch và thủy sản cho huyện Tân Lộc."))


def test_two_versions_of_one_story_are_duplicates_and_a_different_story_is_not():
    found = ArticleDeduplicator().find([OUTLET_A, OTHER, OUTLET_B])
    assert set(found) == {"bao-b"}
    assert found["bao-b"][0] == "bao-a"


def test_scores_are_symmetric_and_separate_the_pairs():
    sim = ArticleDeduplicator().similarity([OUTLET_A, OUTLET_B, OTHER])
    assert sim[0, 1] == sim[1, 0]
    assert sim[0, 1] > 2 * max(sim[0, 2], sim[1, 2])


def test_single_article_and_empty_text():
    assert ArticleDeduplicator().find([OUTLET_A]) == {}
    assert containment(shingles(""), shingles(OUTLET_A.text)) == 0.0


def test_a_chain_points_to_the_first_article():
    copy = Article(id="bao-d", title=OUTLET_B.title, text=OUTLET_B.text)
    found = ArticleDeduplicator().find([OUTLET_A, OUTLET_B, copy])
    assert found["bao-b"][0] == "bao-a" and found["bao-d"][0] == "bao-a"


def test_seed_cluster_pairs_only_000_and_001():
    seed = SHARED / "examples" / "seed-cluster"
    if not seed.exists():
        pytest.skip(f"seed cluster not found at {seed} (../shared is absent)")
    articles = read_inputs([seed], Problems())
    dedup = ArticleDeduplicator()
    sim = dedup.similarity(articles)
    flagged = {(articles[i].id[:3], articles[j].id[:3])
               for i, j in itertools.combinations(range(len(articles)), 2) if sim[i, j] >= dedup.threshold}
    assert flagged == {("000", "001")}
    assert dedup.find(articles) == {articles[1].id: (articles[0].id, pytest.approx(sim[0, 1]))}


def two_article_cluster(text_a: str, text_b: str):
    """The cluster of two articles ("a", "b") as the summarizer builds it, and its sentence texts."""
    from tomtat.core.options import Options
    from tomtat.story.summarizer import Summarizer

    cluster = Summarizer(Options(), story=False).build_cluster([Article(id="a", text=text_a), Article(id="b", text=text_b)])
    return cluster, [s.text for s in cluster.sentences]


def test_a_short_sentence_told_again_inside_a_long_one_is_not_chosen_twice():
    """Cosine alone lets the short restatement through; bigram containment stops it."""
    import numpy as np

    from tomtat.summarize.select import MMRSelector

    cluster, texts = two_article_cluster(
        "Tối 18/8, tổ tuần tra kiểm soát trên cao tốc Bắc Lam đã dừng một xe tải chở gạch, phát hiện tài xế "
        "không có giấy phép lái xe, chở quá tải 60% và dương tính với ma túy đá cùng heroin theo kết quả test nhanh. "
        "Đội cảnh sát giao thông số 3 đang hoàn tất hồ sơ xử lý vụ việc theo quy định.",
        "Công an tỉnh Bắc Lam cho biết một buổi học về an toàn giao thông sẽ được tổ chức cho học sinh vào tháng 9. "
        "Kết quả test nhanh cho thấy tài xế dương tính với ma túy đá cùng heroin.")
    scores = np.linspace(0.3, 0.1, len(texts))
    first = next(i for i, t in enumerate(texts) if t.startswith("Tối 18/8"))
    again = next(i for i, t in enumerate(texts) if t.startswith("Kết quả test"))
    scores[first], scores[again] = 1.0, 0.9
    without = MMRSelector(containment_threshold=1.01)(cluster, scores, 10_000, max_sentences=2)
    assert set(without) == {first, again}  # the cosine cut-off alone lets it through
    chosen = MMRSelector()(cluster, scores, 10_000, max_sentences=2)
    assert first in chosen and again not in chosen and len(chosen) == 2


@pytest.mark.parametrize("dense_cells", [4_000_000, 0])  # the dense (cluster) and sparse (pile) products
def test_shared_shingles_equal_pairwise_set_intersections(monkeypatch, dense_cells):
    """The one near-duplicate implementation is pinned to the plain definition: for each pair,
    the shingle sets' intersection (exactly), its containment and its Jaccard."""
    from tomtat.summarize import dedup

    monkeypatch.setattr(dedup, "_DENSE_CELLS", dense_cells)
    copy = Article(id="bao-d", title=OUTLET_B.title, text=OUTLET_B.text.replace("14/3", "mười bốn tháng ba"))
    short = Article(id="bao-e", title="", text="Cầu Sông Lam Mới")
    articles = [OUTLET_A, OUTLET_B, OTHER, copy, short, Article(id="bao-f", title="", text="")]
    for size in (3, 4):
        sets = [shingles(f"{a.title}\n{a.text}", size) for a in articles]
        overlap = dedup.shingle_overlap([syllables(f"{a.title}\n{a.text}") for a in articles], size)
        assert list(overlap.sizes) == [len(s) for s in sets]
        got = {(int(i), int(j)): (shared, c, jac) for i, j, shared, c, jac in
               zip(overlap.first, overlap.second, overlap.shared, overlap.containment(), overlap.jaccard())}
        expected = {(i, j): (len(sets[i] & sets[j]), containment(sets[i], sets[j]),
                             len(sets[i] & sets[j]) / len(sets[i] | sets[j]))
                    for i, j in itertools.combinations(range(len(sets)), 2) if sets[i] & sets[j]}
        assert got == expected
    def score(a, b):
        return containment(shingles(f"{a.title}\n{a.text}"), shingles(f"{b.title}\n{b.text}"))

    # the copy of B matches B best and is chained to B's original
    assert ArticleDeduplicator().find(articles) == {"bao-b": ("bao-a", pytest.approx(score(OUTLET_A, OUTLET_B))),
                                                    "bao-d": ("bao-a", pytest.approx(score(OUTLET_B, copy)))}


@pytest.mark.parametrize("selector", ["coverage", "mmr"])
def test_one_precise_figure_told_by_two_outlets_in_other_words_is_chosen_once(selector):
    """Two paraphrases share few bigrams but the figure "4,91%": one fact, told once."""

    from tomtat.core.options import Options
    from tomtat.summarize.select import make_selector

    cluster, texts = two_article_cluster(
        "Ngân hàng Hà Lam sẽ giảm tỷ lệ sở hữu tại công ty chứng khoán con từ 10,39% xuống 4,91% trong quý tới. "
        "Công ty chứng khoán này có trụ sở tại quận 3 và hơn 200 nhân viên.",
        "Đợt bán đấu giá gần 17 triệu cổ phần giúp bên bán chỉ còn nắm 4,91% vốn điều lệ sau giao dịch. "
        "Giá khởi điểm được công bố vào tuần sau.")
    (one, other), scores = _ranked(texts, "Ngân hàng Hà Lam", "Đợt bán")
    chosen = make_selector(Options(selector=selector), None, learned_scores=False)(cluster, scores, 10_000,
                                                                                   max_sentences=2)
    assert one in chosen and other not in chosen and len(chosen) == 2


def _ranked(texts: list[str], *starts: str):
    """The sentences starting so (in that order) and scores ranking them first, in that order."""
    import numpy as np

    found = [next(i for i, t in enumerate(texts) if t.startswith(start)) for start in starts]
    scores = np.full(len(texts), -3.0)
    scores[found] = -0.1 * np.arange(1, len(found) + 1)
    return found, scores


def test_exact_figures_are_decimals_and_grouped_numbers_not_names():
    from tomtat.vi.text import exact_figures

    assert exact_figures("từ 10,39% xuống 4,91% vốn, với 2.254.484 phiếu") == {"10,39", "4,91", "2.254.484"}
    assert exact_figures("chung cư 727, chuyến bay VN 227, năm 2016, ngày 20/5/2016, lúc 14h40") == set()


@pytest.mark.parametrize("selector", ["coverage", "mmr"])
def test_one_counted_fact_of_one_name_told_by_two_outlets_is_chosen_once_and_other_facts_stay(selector):
    """Two leads in their own words: the counted thing "18 tháng tù", the name "Lê Na" and a
    few bigrams in common make them one fact; a sentence that shares the count but no name stays."""

    from tomtat.core.options import Options
    from tomtat.summarize.select import make_selector

    cluster, texts = two_article_cluster(
        "Ca sĩ Lê Na đã bị tòa án thành phố kết án 18 tháng tù treo hôm thứ Hai vì một bài đăng trên mạng. "
        "Phiên tòa kéo dài gần hai giờ đồng hồ.",
        "Báo Tin Nhanh đưa tin, tòa án vừa kết án 18 tháng tù treo đối với nữ ca sĩ Lê Na. "
        "Một bị cáo khác trong vụ trộm xe máy cũng nhận 18 tháng tù giam.")
    (first, again, other), scores = _ranked(texts, "Ca sĩ Lê Na", "Báo Tin Nhanh", "Một bị cáo")
    on = make_selector(Options(selector=selector, same_fact_containment=0.2), None, learned_scores=False)
    chosen = on(cluster, scores, 10_000, max_sentences=3)
    assert first in chosen and again not in chosen and other in chosen
    off = make_selector(Options(selector=selector), None, learned_scores=False)  # the default: off
    assert again in off(cluster, scores, 10_000, max_sentences=3)  # the plain containment lets it through


def test_counted_things_and_inner_capitals():
    from tomtat.vi.text import counted_things, inner_capitals

    assert counted_things("Bé Na (4 tuổi) và anh 29 tuổi, thứ 29 của NATO, lúc 17 giờ 30 chiều") == \
        {"4 tuổi", "29 tuổi", "29 của", "17 giờ", "30 chiều", "29", "17", "30"}  # a number of 2+ digits alone too
    assert counted_things("ngày 31-5, lúc 17h30, 4,91%, chuyến VN227, U19 Việt Nam, năm 2016") == set()
    assert inner_capitals("Ông Putin gặp Tổng thống Lula. Hôm qua ở Hà Nội") == {"putin", "tổng", "lula", "hà", "nội"}
