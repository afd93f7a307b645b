"""Invented hard inputs (our own text): a very long article and a cluster of many articles."""
from __future__ import annotations

PLACES = ("Hà Giang", "Cần Thơ", "Đà Nẵng", "Quy Nhơn", "Vinh", "Huế", "Buôn Ma Thuột", "Cà Mau", "Lạng Sơn", "Nha Trang")
THINGS = ("thành phố", "người dân", "dự án", "cầu mới", "mùa mưa", "hội đồng", "nhà máy", "con đường",
          "trường học", "bệnh viện", "cánh đồng", "bến cảng", "khu chợ", "công viên")
VERBS = ("khởi công", "hoàn thành", "tạm dừng", "mở rộng", "sửa chữa", "kiểm tra")


def long_article(megabytes: float) -> dict[str, str]:
    """One article of about ``megabytes`` of UTF-8, sentences varied so nothing collapses as a duplicate."""
    parts, size, k = [], 0, 0
    while size < megabytes * 2**20:
        a, b, c = THINGS[k % 14], THINGS[(k * 5 + 3) % 14], THINGS[(k * 11 + 7) % 14]
        sentence = (f"Năm {1990 + k % 35}, {a} ở {PLACES[k % 10]} số {k} đã bàn về {b} cùng {c} "
                    f"trong phiên họp thứ {k % 97}.")
        parts.append(sentence + ("\n\n" if k % 6 == 5 else " "))
        size += len(sentence.encode("utf-8")) + 1
        k += 1
    return {"title": "Một bài rất dài", "text": "".join(parts)}


STORIES = (
    ("Hà Giang", "khánh thành cây cầu treo bắc qua sông Lô", "cầu dài {n} mét, nối hai xã vùng cao", "học sinh không còn phải lội suối tới trường"),
    ("Cần Thơ", "mở tuyến xe buýt đường thủy đầu tiên", "mỗi ngày có {n} chuyến chạy dọc sông Hậu", "tiểu thương chợ nổi mong bán được nhiều hàng hơn"),
    ("Đà Nẵng", "thử nghiệm đèn giao thông thông minh", "{n} nút giao đã lắp cảm biến đếm xe", "tài xế phàn nàn về thời gian chờ giảm rõ rệt"),
    ("Quy Nhơn", "đón đoàn tàu du lịch quốc tế", "tàu chở {n} hành khách cập cảng từ sáng sớm", "các nhà hàng hải sản ven biển tăng thêm nhân viên"),
    ("Vinh", "khởi công bệnh viện nhi", "bệnh viện có {n} giường và khu điều trị ung bướu", "phụ huynh bớt cảnh đưa con ra Hà Nội chữa bệnh"),
    ("Huế", "trùng tu cổng thành cổ", "các nghệ nhân thay {n} viên ngói men theo lối xưa", "du khách vẫn được tham quan một phần di tích"),
    ("Buôn Ma Thuột", "tổ chức lễ hội cà phê", "{n} gian hàng giới thiệu hạt cà phê đặc sản", "nông dân ký được nhiều hợp đồng xuất khẩu"),
    ("Cà Mau", "trồng mới rừng ngập mặn", "tình nguyện viên trồng {n} cây đước ven biển", "rừng sẽ chắn sóng và giữ đất cho làng chài"),
    ("Lạng Sơn", "thông quan hàng nông sản qua cửa khẩu", "{n} xe vải thiều được xuất đi trong một ngày", "giá vải tại vườn nhích lên vài nghìn đồng"),
    ("Nha Trang", "cấm xe máy vào khu phố đi bộ", "khu phố dài {n} mét mở cửa từ chiều thứ sáu", "các cửa hàng lưu niệm đông khách hơn hẳn"),
)


def many_articles(count: int) -> list[dict[str, str]]:
    """``count`` short articles on ten local stories, each story retold by several outlets."""
    articles = []
    for k in range(count):
        place, event, fact, effect = STORIES[k % 10]
        outlet = k // 10
        fact = fact.format(n=100 + 10 * (k % 10) + outlet)
        sentences = [
            f"Ngày {1 + k % 10}/{1 + k % 10}, {place} đã {event} sau nhiều tháng chuẩn bị.",
            f"Theo ban quản lý, {fact}.",
            f"Người dân cho biết {effect}.",
        ]
        if outlet % 2:
            sentences.reverse()
        articles.append({"id": f"bai-{k:02d}", "title": f"{place} {event}", "text": " ".join(sentences)})
    return articles
