"""People, organizations and places, with variant spellings merged (sentences invented for the tests)."""
from tomtat.story.entities import EntityExtractor, fold
from tomtat.core.model import Article
from tomtat.summarize.split import SentenceSplitter


def _entities(*texts: str):
    splitter = SentenceSplitter.default()
    sentences = [s for i, t in enumerate(texts) for s in splitter.split(Article(id=f"a{i}", text=t))]
    return EntityExtractor().extract(sentences)


def _people(entities):
    return {e.name: e for e in entities if e.type == "PER"}


def _find(entities, variant):
    hits = [e for e in entities if variant in e.variants]
    assert len(hits) == 1, (variant, [(e.name, e.variants) for e in entities])
    return hits[0]


def test_victor_viktor_is_one_person_with_role():
    es = _entities(
        "Đoàn khách tới hôm qua, gồm cả Phó giám đốc Trung tâm Điều phối Quốc gia Nga, ông Victor Kalganov.",
        "Đoàn do ông Viktor Kalganov, Phó Giám đốc Trung tâm Điều phối Nga dẫn đầu. Ông Kalganov không trả lời báo chí.",
    )
    person = _find(es, "Victor Kalganov")
    assert person.type == "PER"
    assert {"Victor Kalganov", "Viktor Kalganov", "Kalganov"} <= set(person.variants)
    assert person.mentions == 3 and person.articles == ("a0", "a1")
    assert person.role == "Phó giám đốc Trung tâm Điều phối Quốc gia Nga"


def test_sergey_sergei_with_and_without_title():
    es = _entities("Ngoại trưởng Nga Sergey Lavrov đã tới Hà Nội sáng nay.",
                   "Ông Sergei Lavrov nói hai bên cần đối thoại. Lavrov cũng gặp các nhà báo.")
    person = _find(es, "Sergey Lavrov")
    assert {"Sergey Lavrov", "Sergei Lavrov", "Lavrov"} <= set(person.variants)
    assert person.role == "Ngoại trưởng Nga"
    assert len([e for e in es if e.type == "PER"]) == 1


def test_moscow_moskva_is_one_place():
    es = _entities("Đoàn công tác đã tới Moscow hôm thứ hai.", "Tại Moskva, hai bên ký kết văn kiện.",
                   "Sau đó đoàn rời Mát-xcơ-va.")
    place = _find(es, "Moscow")
    assert place.type == "LOC" and {"Moscow", "Moskva", "Mát-xcơ-va"} <= set(place.variants)
    assert place.mentions == 3


def test_kim_jong_un_spellings_and_titled_family_name():
    es = _entities("Nhà lãnh đạo Triều Tiên Kim Jong-un đã tới nhà ga.",
                   "Chủ tịch Kim Jong Un được chào đón. Chủ tịch Kim jong-un nói ngắn gọn.",
                   "Em gái ông là bà Kim Yo Jong cũng có mặt. Chủ tịch Kim sau đó rời đi, còn bà Kim ở lại.")
    leader = _find(es, "Kim Jong-un")
    assert {"Kim Jong-un", "Kim Jong Un", "Kim jong-un"} <= set(leader.variants)
    assert leader.mentions == 4  # three full names and "Chủ tịch Kim"
    sister = _find(es, "Kim Yo Jong")
    assert sister is not leader and sister.mentions == 2  # "bà Kim Yo Jong" and "bà Kim"


def test_lone_first_name_is_not_merged_with_another_person():
    es = _entities("Ông Victor Kalganov dẫn đầu phái đoàn.", "Tiến sĩ Victor nhận định tình hình còn phức tạp.")
    people = _people(es)
    assert "Victor Kalganov" in people and "Victor" in people


def test_title_words_and_organizations_are_not_people():
    es = _entities("Thứ trưởng Bộ Ngoại giao Nga Sergey Ryabkov phát biểu tại Hội đồng Bảo an Liên Hợp Quốc.",
                   "Thứ trưởng Ngoại giao Nga Sergey Ryabkov cũng trả lời hãng tin Interfax.")
    people = _people(es)
    assert set(people) == {"Sergey Ryabkov"}, people
    assert people["Sergey Ryabkov"].role == "Thứ trưởng Bộ Ngoại giao Nga"
    orgs = {e.name for e in es if e.type == "ORG"}
    assert "Bộ Ngoại giao Nga" in orgs and "Interfax" in orgs


def test_vietnamese_name_after_a_provincial_title():
    people = _people(_entities("Chủ tịch tỉnh Nguyễn Văn Bình nói sẽ hỗ trợ nông dân."))
    assert "Nguyễn Văn Bình" in people


def test_fold_variants():
    assert fold("Viktor") == fold("Victor")
    assert fold("Sergey") == fold("Sergei")
    assert fold("Kim Jong-un") == fold("Kim Jong Un") == fold("Kim jong-un")
    assert fold("Nguyễn") != fold("Nguyên")


def test_family_name_first_full_name_without_title():
    people = _people(_entities("Theo anh Trần Quốc Hưng, mô hình này đã giúp nông dân tăng thu nhập.",
                               "Sau đó Trần Quốc Hưng trở về quê nhà ở Vĩnh Long."))
    assert people["Trần Quốc Hưng"].mentions == 2


def test_names_end_at_word_boundaries():
    ents = _entities(
        "Ông Nguyễn Văn Bình, Phó giám đốc Trung tâm Chỉ huy quốc phòng, đã tới Hà Nội.",
        "Diễn đàn Kinh tế phương Đông khai mạc hôm nay.",
        "Nghiên cứu được đăng trên tạp chí Y tế Dự phòng Mỹ năm ngoái.",
        "Hội đồng Bảo an Liên hợp quốc họp khẩn.",
        "Công ty Tân Thành cho Tổng công ty Sông Đà thuê máy.",
    )
    orgs = {e.name for e in ents if e.type == "ORG"}
    assert {"Trung tâm Chỉ huy", "Diễn đàn Kinh tế", "Y tế Dự phòng Mỹ",
            "Hội đồng Bảo an Liên hợp quốc"} <= orgs, orgs
    assert not any(o.endswith((" Chỉ", " Kinh", " cho Tổng")) for o in orgs), orgs
    person = _find(ents, "Nguyễn Văn Bình")
    assert person.role and person.role.endswith("Chỉ huy"), person.role


def test_a_capitalized_word_is_not_a_name_or_a_country():
    ents = _entities(
        "Bộ trưởng Tài chính cho biết ngân sách đã cân đối.",
        "Một lãnh đạo Công an quận cho hay vụ việc đang được điều tra.",
        "Pháp lý của dự án chưa hoàn thiện.",
        "Ông Thành công bố kết quả kiểm tra vào chiều qua.",
    )
    names = {(e.type, e.name) for e in ents}
    assert not {("PER", "Tài"), ("PER", "Công"), ("LOC", "Pháp")} & names, names
    assert ("PER", "Thành") in names, names  # "công bố" is the word here, not "Thành công"


def _types(entities):
    return {(e.name, e.type) for e in entities}


def test_initials_join_the_one_name_they_spell_out():
    es = _entities("Bộ Giáo dục đã ban hành hướng dẫn mới cho năm học.",
                   "Theo Bộ GD, các trường phải công khai học phí; Cục QLCL sẽ kiểm tra việc này.",
                   "Cục Quản lý Chất lượng cho biết đã lập đoàn kiểm tra. Đại diện BGD cũng có mặt.")
    ministry = _find(es, "Bộ GD")
    assert ministry.name == "Bộ Giáo dục" and ministry.mentions == 3  # "BGD" too; the written-out name shown
    assert _find(es, "Cục QLCL") is _find(es, "Cục Quản lý Chất lượng")
    two = _entities("Bộ Giáo dục và Bộ Giao dịch cùng họp.", "Theo Bộ GD, cuộc họp kéo dài hai giờ.")
    assert _find(two, "Bộ GD") is not _find(two, "Bộ Giáo dục")  # two names it spells: it stays apart
    banks = _entities("Ngân hàng Nhà nước (NHNN) và Ngân hàng Nông nghiệp đã ký thỏa thuận hợp tác.",
                      "NHNN cho biết sẽ hỗ trợ vốn cho nông dân.")
    assert _find(banks, "NHNN") is _find(banks, "Ngân hàng Nhà nước")  # its own name, not the other bank
    assert _find(banks, "NHNN") is not _find(banks, "Ngân hàng Nông nghiệp")


def test_an_association_is_an_organization_and_a_pronoun_no_place():
    es = _entities("Bà Lê Thị Hoa, Chủ tịch Hội Nông dân huyện, đã đến thăm các hộ trồng cam ở Hội An.",
                   "Hội viên được tập huấn ở thành phố Hội An. Đây là lần đầu hội tổ chức tập huấn ở TP. Đây cũng là dịp gặp gỡ.")
    types = _types(es)
    assert ("Hội Nông dân", "ORG") in types and ("Hội An", "LOC") in types
    assert not any(n in ("Hội", "Đây") for n, _ in types), types


def test_clubs_and_cities_named_bare_are_found():
    es = _entities("Chelsea thắng Arsenal 2-0 trong trận giao hữu tại Miami.",
                   "Chủ tịch Barca cho biết đội sẽ sang Miami tập huấn.")
    types = _types(es)
    assert {("Chelsea", "ORG"), ("Arsenal", "ORG"), ("Miami", "LOC"), ("Barca", "ORG")} <= types
    assert not any(t == "PER" for _, t in types)  # not "Barca" after "Chủ tịch"


def test_a_vietnamese_given_name_alone_counts_for_its_one_full_name():
    es = _entities("Anh Trần Nguyễn An Khương, 28 tuổi, đạp xe xuyên Việt.",
                   "Khương cho biết sẽ đi tiếp. Trên đường, Khương gặp nhiều người tốt bụng.",
                   "Đoàn đi ngang Địa Trung Hải. Bùi Văn Hải và Lê Văn Hùng đi cùng. Hùng kể lại chuyến đi.")
    people = _people(es)
    assert people["Trần Nguyễn An Khương"].mentions == 3  # a given name that is no word of its own
    assert people["Bùi Văn Hải"].mentions == 1  # not the "Hải" of "Địa Trung Hải": only a name written alone
    assert people["Lê Văn Hùng"].mentions == 1  # "Hùng" is a word too: not counted alone


def test_a_rank_between_title_and_organization_leaves_the_person_out_of_its_name():
    types = _types(_entities("Phó Chủ tịch Thường trực Quốc hội Trần Thanh Mẫn phát biểu tại hội nghị."))
    assert types == {("Quốc hội", "ORG"), ("Trần Thanh Mẫn", "PER")}


def test_streets_and_bridges_named_after_people_are_places():
    es = _entities("Xe tải chạy trên đường Trần Văn Khánh rồi rẽ qua cầu Lê Văn Tám vào trạm thu phí Phạm Hữu Lộc.",
                   "Tỉnh đã yêu cầu Nguyễn Văn Hòa nộp phạt trước ngày cuối tháng.",
                   "Yêu cầu Lê Thị Hằng nộp phạt là đúng. Đoàn ghé Công viên Tượng đài trước khi về.")
    types = _types(es)
    assert {("Trần Văn Khánh", "LOC"), ("Lê Văn Tám", "LOC"), ("Phạm Hữu Lộc", "LOC")} <= types
    assert {("Nguyễn Văn Hòa", "PER"), ("Lê Thị Hằng", "PER")} <= types  # "yêu cầu" is no bridge
    assert not any(n == "Tượng" for n, _ in types)  # "Công viên Tượng đài" is a name of its own
    assert not any(t == "PER" and n in ("Trần Văn Khánh", "Lê Văn Tám", "Phạm Hữu Lộc") for n, t in types)


def test_vietnamese_provinces_are_places_not_people():
    es = _entities("Ông Nguyễn Văn An, Giám đốc Sở Du lịch ở Đà Nẵng, cho biết khách tới Khánh Hòa và Cà Mau tăng mạnh.",
                   "Lượng khách về TP Hồ Chí Minh và TPHCM đều tăng trong tháng 6.",
                   "Bà Lê Thị Mai, Giám đốc Sở Du lịch Đà Nẵng, cho biết khách quốc tế đã quay lại.")
    types = _types(es)
    assert {("Đà Nẵng", "LOC"), ("Khánh Hòa", "LOC"), ("Cà Mau", "LOC")} <= types
    assert ("Nguyễn Văn An", "PER") in types and not any(t == "PER" and n in ("Đà Nẵng", "Khánh Hòa") for n, t in types)
    assert _find(es, "TPHCM").type == "LOC" and {"TP Hồ Chí Minh", "TPHCM"} <= set(_find(es, "TPHCM").variants)


def test_a_place_name_inside_a_longer_vietnamese_name_is_not_the_place():
    es = _entities("Chánh án Nguyễn Hòa Bình và bà Trương Mỹ Hoa dự lễ khai trương khu Phú Mỹ Hưng.",
                   "Du khách đổ về bãi biển Mỹ Khê. Tổng thống Mỹ Joe Biden gửi lời chúc tới Hà Nội.",
                   "Tập đoàn Liên Thái Bình Dương mở văn phòng ở Thái Bình.")
    types = _types(es)
    assert ("Hòa Bình", "LOC") not in types and ("Nguyễn Hòa Bình", "PER") in types
    assert _find(es, "Mỹ").mentions == 1  # the president's country only: not Mỹ Hoa, Phú Mỹ Hưng, Mỹ Khê
    assert _find(es, "Joe Biden").role == "Tổng thống Mỹ"
    assert ("Tập đoàn Liên Thái Bình Dương", "ORG") in types and ("Thái Bình", "LOC") in types


def test_a_title_inside_an_organization_name_makes_no_person():
    """"Tư lệnh" of "Bộ Tư lệnh Miền" is a word of the command's name: "Miền" is no person."""
    es = _entities("Đoàn cán bộ của Bộ Tư lệnh Miền đã về thăm bà con vùng lũ.",
                   "Lữ đoàn 170 thuộc Bộ tư lệnh Vùng 4 Hải quân tổ chức hội thao.",
                   "Văn phòng Tổng thống Petro Ivanenko ra thông báo sáng nay.")
    people = _people(es)
    assert not {"Miền", "Vùng"} & set(people), people
    assert _find(es, "Bộ Tư lệnh Miền").type == "ORG"
    assert "Petro Ivanenko" in people  # a full name after "Văn phòng Tổng thống" is still a person


def test_an_organization_after_a_title_is_the_employer_not_the_person():
    es = _entities("Ông Đỗ Văn Khải, Phó Tổng Giám đốc Mekotravel Group, cho biết lượng khách tăng.",
                   "Tổng giám đốc Vietsky Air Lê Thị Hạnh nói hãng sẽ mở thêm đường bay.",
                   "Chủ tịch SaoMaiBank cho biết lãi suất sẽ giảm.",
                   "Người phát ngôn Taliban Abdul Karim bác bỏ thông tin này.",
                   "Bà Phạm Thị Lan, Giám đốc Công ty TNHH Hồng Phát, và Chủ tịch Quốc hội Vương Văn Hải dự lễ.")
    people = _people(es)
    assert set(people) == {"Đỗ Văn Khải", "Lê Thị Hạnh", "Abdul Karim", "Phạm Thị Lan", "Vương Văn Hải"}, people
    orgs = {e.name for e in es if e.type == "ORG"}
    assert {"Mekotravel Group", "Vietsky Air", "SaoMaiBank", "Taliban", "Công ty TNHH Hồng Phát"} <= orgs, orgs
    assert people["Lê Thị Hạnh"].role == "Tổng giám đốc Vietsky Air"
    assert people["Đỗ Văn Khải"].role == "Phó Tổng Giám đốc Mekotravel Group"


def test_a_country_in_a_title_stays_out_of_the_name():
    es = _entities("Bộ trưởng Quốc phòng Ba Lan Tomasz Wielicki phát biểu tại hội nghị.",
                   "Ngoại trưởng Hàn Quốc Kang Min-ji và Tổng thống Nga Pavel Sorokin đã điện đàm.",
                   "Thủ tướng Ý Marco Bellini gặp Tổng thống Áo Franz Huber. Ý kiến của hai bên còn khác nhau.",
                   "Áo dài được trình diễn tại lễ hội.")
    people = _people(es)
    assert set(people) == {"Tomasz Wielicki", "Kang Min-ji", "Pavel Sorokin", "Marco Bellini", "Franz Huber"}, people
    assert people["Tomasz Wielicki"].role == "Bộ trưởng Quốc phòng Ba Lan"
    assert people["Franz Huber"].role == "Tổng thống Áo"
    places = {e.name: e.mentions for e in es if e.type == "LOC"}
    assert places.get("Ba Lan") == 1 and places.get("Ý") == 1 and places.get("Áo") == 1, places


def test_a_name_before_a_lowercase_word_and_a_capitalized_one_is_kept():
    """"Ông Hoàng tiếp Giám đốc ...": "Hoàng tiếp" is no word, so "Hoàng" is the name; "Ngoại
    giao" and "Tỉnh ủy" are words (pyvi writes the latter "tỉnh uỷ"), so they are no names."""
    es = _entities("Ông Hoàng tiếp Giám đốc Sở Y tế tại trụ sở.",
                   "Bà Mai là Phó Chủ tịch Hội Nông dân xã.",
                   "Thứ trưởng Ngoại giao Nga Sergey Ryabkov nói. Bí thư Tỉnh ủy cho biết tỉnh đã chuẩn bị.",
                   "Ban Thường vụ Huyện ủy họp sáng nay.")
    people = _people(es)
    assert {"Hoàng", "Mai"} <= set(people), people
    assert not {"Ngoại", "Tỉnh", "Huyện"} & set(people), people


def test_foreign_names_with_particles_and_shorter_forms_are_one_person():
    es = _entities("Ông Pieter van der Molen thắng cử. Bà Ana de Souza chúc mừng ông.",
                   "Ông Van der Molen nói sẽ đoàn kết đất nước.")
    person = _find(es, "Pieter van der Molen")
    assert {"Pieter van der Molen", "Van der Molen"} <= set(person.variants) and person.mentions == 2
    assert "Ana de Souza" in _people(es)


def test_a_short_name_inside_an_organization_name_is_not_the_person():
    es = _entities("Ông Lê Minh Phát là giám đốc. Ông Minh Phát nói công ty sẽ trả nợ.",
                   "Công ty Minh Phát đang nợ ngân hàng 20 tỷ đồng.")
    person = _find(es, "Lê Minh Phát")
    assert person.mentions == 2 and set(person.variants) == {"Lê Minh Phát", "Minh Phát"}


def test_academic_title_abbreviations_are_titles_not_organizations():
    es = _entities("PGS. TS Lê Văn Khoa cho biết dịch đã được kiểm soát. TS Khoa nói thêm về vắc xin.")
    assert _find(es, "Lê Văn Khoa").mentions == 2
    assert not [e for e in es if e.type == "ORG"], es


def test_job_title_abbreviations_and_words_are_titles_not_organizations():
    """"HLV", "BS", "Luật sư", "Tổng biên tập" stand before a name as "Giáo sư" does ("HLV Lò Văn
    Kha", "BS. Trần Thu Hà"), and an abbreviation alone is no organization ("Là một HLV")."""
    es = _entities("HLV Miroslav Dvorak hài lòng với trận hòa. Là một HLV, ông muốn thắng.",
                   "BS. Trần Thu Hà khám cho các cháu. Luật sư Đặng Minh Tiến và Tổng biên tập Hồ Quang Vinh phát biểu.",
                   "Sau trận, HLV Dvorak rời sân.")
    people = _people(es)
    assert {"Miroslav Dvorak", "Trần Thu Hà", "Đặng Minh Tiến", "Hồ Quang Vinh"} <= set(people), people
    assert people["Miroslav Dvorak"].mentions == 2 and people["Đặng Minh Tiến"].role == "Luật sư"
    assert not {e.name for e in es if e.type == "ORG"} & {"HLV", "BS"}, es


def test_a_capitalized_word_opening_the_sentence_is_not_part_of_a_name():
    es = _entities("Theo PGS Lưu Thị Hồng Nhạn, số ca bệnh đã giảm.",
                   "Sau Bộ Giao thông, Trần Quốc Toản cho biết sẽ kiểm tra. Còn Đinh Văn Tới thì vắng mặt.",
                   "Nguyễn Văn Sáu cho biết nước đã rút. Lan Chi nói thêm.")
    people = _people(es)
    assert {"Lưu Thị Hồng Nhạn", "Trần Quốc Toản", "Đinh Văn Tới", "Nguyễn Văn Sáu"} <= set(people), people
    assert people["Lưu Thị Hồng Nhạn"].role == "PGS"
    orgs = {e.name for e in es if e.type == "ORG"}
    assert "Bộ Giao thông" in orgs and not any(o.startswith("Sau ") for o in orgs), orgs


def test_an_organization_ends_before_the_full_name_after_it():
    es = _entities("Giám đốc Sở Y tế Nguyễn Văn Tâm cho biết bệnh viện đã đủ thuốc.",
                   "Chủ tịch Quốc hội Vương Đình Lộc chủ trì phiên họp. Thứ trưởng Bộ Công Thương Lương Văn Đông cũng dự.",
                   "Học sinh Trường THPT Nguyễn Thị Minh Khai và Trung tâm Kiểm định Nông Lâm Thủy sản vùng 2 góp sức.")
    orgs = {e.name for e in es if e.type == "ORG"}
    assert {"Sở Y tế", "Quốc hội", "Bộ Công Thương"} <= orgs, orgs
    assert not any(o.endswith(("Tâm", "Lộc", "Đông")) for o in orgs), orgs
    assert {"Trường THPT Nguyễn Thị Minh Khai", "Trung tâm Kiểm định Nông Lâm Thủy sản"} <= orgs, orgs
    people = _people(es)
    assert {"Nguyễn Văn Tâm", "Vương Đình Lộc", "Lương Văn Đông"} <= set(people), people
    assert people["Nguyễn Văn Tâm"].role == "Giám đốc Sở Y tế"


def test_hospitals_are_organizations_and_court_and_party_address_mark_people():
    """"Bệnh viện" heads an organization ("Bệnh viện Hữu Nghị Lào Cai", not a person "Hữu Nghị");
    "bị cáo", "bị can" and "đồng chí" stand before a name as "ông" does, so the lone name later
    joins the full one ("bị cáo Quý" is "Trương Văn Quý")."""
    es = _entities("Bị cáo Trương Văn Quý khai đã nhận tiền. Bị can Lò Thị Mai vắng mặt.",
                   "Sau phiên tòa, bị cáo Quý được đưa về trại giam. Ông được đưa tới Bệnh viện Hữu Nghị Lào Cai.",
                   "Tại buổi lễ, đồng chí Đinh Văn Khoa trao huy hiệu.")
    people = _people(es)
    assert {"Trương Văn Quý", "Lò Thị Mai", "Đinh Văn Khoa"} <= set(people), people
    assert people["Trương Văn Quý"].mentions == 2, people["Trương Văn Quý"]
    assert "Hữu Nghị" not in people and "Quý" not in people, people
    assert any(e.name.startswith("Bệnh viện Hữu Nghị") for e in es if e.type == "ORG"), es


def test_trade_roles_before_a_foreign_name_make_a_person_but_players_positions_do_not():
    es = _entities("Kỳ thủ Arkady Volin thắng ván thứ sáu. Doanh nhân Petra Lund mua lại công ty.",
                   "Trung vệ Liverpool chấn thương; cầu thủ Benfica được gọi thay.")
    people = _people(es)
    assert {"Arkady Volin", "Petra Lund"} <= set(people), people
    assert people["Petra Lund"].role == "Doanh nhân"
    assert not {"Liverpool", "Benfica"} & set(people), people  # a club after a position is no person


def test_common_acronyms_and_roman_numerals_are_no_organizations():
    """"USD", "GPLX", "SN" and a congress's "XIII" name no organization; "NATO" still does, and
    "HCM" and "VN" are places."""
    es = _entities("Giá vàng tăng 20 USD. Tài xế không có GPLX, SN 1990, đã bị bắt.",
                   "Đại hội XIII của Đảng họp. NATO họp tại Brussels.", "Khách đến HCM và VN tăng.")
    orgs = {e.name for e in es if e.type == "ORG"}
    assert "NATO" in orgs and not {"USD", "GPLX", "SN", "XIII", "HCM", "VN"} & orgs, orgs
    assert {"HCM", "VN"} <= {e.name for e in es if e.type == "LOC"}, es



def test_a_bare_brand_joins_the_one_organization_named_by_its_kind_and_it():
    es = _entities("Tập đoàn ZXQ vừa công bố kết quả kinh doanh quý ba.",
                   "Theo ZXQ, doanh thu tăng mạnh. Cổ phiếu ZXQ cũng tăng giá.")
    org = _find(es, "ZXQ")
    assert org.type == "ORG" and {"Tập đoàn ZXQ", "ZXQ"} <= set(org.variants) and org.mentions == 3


def test_a_bare_name_stays_apart_from_a_part_or_from_two_kinds():
    es = _entities("Văn phòng VNX vừa gửi báo cáo. VNX họp sáng nay.")
    assert "Văn phòng VNX" not in _find(es, "VNX").variants  # a part of the organization is not it
    es = _entities("Công ty ZXQ và Quỹ ZXQ cùng ký thỏa thuận. ZXQ cho biết sẽ mở rộng.")
    assert _find(es, "ZXQ").variants == ("ZXQ",)  # which of the two: not known


def test_a_plain_word_opening_a_sentence_is_not_part_of_a_foreign_name_after_it():
    es = _entities("Theo QuixBank, lãi suất sẽ giảm trong tháng tới.",
                   "Còn Zebra Airlines phải hủy ba chuyến bay vì thời tiết xấu.")
    names = {e.name for e in es}
    assert {"QuixBank", "Zebra Airlines"} <= names and not any(n.startswith(("Theo ", "Còn ")) for n in names), names
    es = _entities("Man Zebra Airlines mở thêm đường bay mới.")  # no mark, no function word: may be the name's
    assert [e.name for e in es] == ["Man Zebra Airlines"]


def test_nhat_after_a_title_is_the_country_not_a_person_and_alone_no_place():
    es = _entities("Thủ tướng Nhật Taro Yamada tới Hà Nội. Thủ tướng Nhật gọi đó là chuyến thăm lịch sử.",
                   "Ca sĩ Nhật Minh hát mở màn. Bà Minh Nhật cho biết sẽ tới. Bà Nhật nói thêm.")
    assert not any(e.type == "PER" and e.name == "Nhật" for e in es), [(e.name, e.type) for e in es]
    assert not any(e.type == "LOC" and e.name == "Nhật" for e in es)  # a given name as often as Japan
    people = _people(es)
    assert "Taro Yamada" in people and "Nhật Minh" in people and people["Minh Nhật"].mentions == 2, people


def test_a_name_written_without_its_marks_joins_the_one_written_with_them():
    es = _entities("Mưa lớn gây sạt lở ở huyện Kon Plông, tỉnh Kon Tum.",
                   "Đường vào huyện Kon Plong vẫn bị chia cắt sau ba ngày.")
    place = _find(es, "Kon Plông")
    assert {"Kon Plông", "Kon Plong"} <= set(place.variants) and place.mentions == 2
    es = _entities("Đoàn công tác về tỉnh Hà Nam.", "Lũ dâng cao ở huyện Hạ Nam.", "Nước rút chậm ở huyện Ha Nam.")
    places = {e.name for e in es if e.type == "LOC"}
    assert {"Hà Nam", "Hạ Nam", "Ha Nam"} <= places, places  # two readings: the bare spelling stays apart


def test_a_function_word_after_a_place_word_is_no_place():
    es = _entities("Xe chạy về trung tâm TP. Khi đến giữa cầu, tài xế dừng lại.")
    assert not any(e.name == "Khi" for e in es), [e.name for e in es]


def test_common_abbreviations_and_words_in_capitals_are_no_organization():
    es = _entities("Theo BCTC quý hai, doanh thu của ZXQ tăng mạnh. ZXQ cho biết sẽ mở rộng.",
                   "Giá vé VÀO cửa tăng gấp đôi, theo thông báo của ZXQ.")
    orgs = {e.name for e in es if e.type == "ORG"}
    assert "ZXQ" in orgs and not orgs & {"BCTC", "VÀO"}, orgs


def test_an_untitled_full_name_sharing_a_family_name_is_another_person():
    entities = _entities(
        "Tỷ phú Sarah Winslow từng được xem là nữ doanh nhân trẻ nhất nước Mỹ.",
        "Ông Robert Winslow, cha của cô, là một kỹ sư về hưu.",
        "Năm ngoái, Sarah Winslow mất gần hết tài sản sau một cuộc điều tra.",
        "Sarah Winslow cho biết sẽ kháng cáo.")
    people = {e.name: e.mentions for e in entities if e.type == "PER"}
    assert people.get("Sarah Winslow") == 3 and people.get("Robert Winslow") == 1, people


def test_a_one_word_name_is_the_type_most_of_its_own_evidence_says():
    entities = _entities(
        "Với cương vị chủ tịch Veltrix, bà quyết định mọi việc.",
        "Nhiều nhà đầu tư rót vốn vào công ty Veltrix từ năm 2014.",
        "Cổ phiếu của tập đoàn Veltrix mất giá mạnh.",
        "Veltrix chưa đưa ra bình luận.")
    types = {e.name: (e.type, e.mentions) for e in entities}
    assert types.get("Veltrix") == ("ORG", 4), types


def test_a_journalist_is_no_paper_and_a_country_after_a_company_word_is_no_company():
    entities = _entities("Nhà báo Tran Colbert viết bài cho nhiều tạp chí.",
                         "Theo nhà báo Tran Colbert, các công ty Nhật đã rút vốn.")
    types = {e.name: e.type for e in entities}
    assert types.get("Tran Colbert") == "PER" and "Nhật" not in types, types


def test_a_countrys_short_name_beside_a_given_name_is_part_of_the_name():
    entities = _entities("Ca sĩ Mỹ Linh hát Quốc ca trước Tổng thống Mỹ Joe Biden.",
                         "Á hậu Phương Anh chia sẻ bằng tiếng Anh.",
                         "Mỹ Linh cho biết cô rất vui.",
                         "Người Mỹ đánh giá cao màn trình diễn.",
                         "Anh Tuấn kể lại chuyến đi sang Anh.")
    types = {e.name: (e.type, e.mentions) for e in entities}
    assert types.get("Mỹ Linh") == ("PER", 2) and types.get("Phương Anh", ("",))[0] == "PER", types
    assert types.get("Mỹ") == ("LOC", 2) and types.get("Joe Biden", ("",))[0] == "PER", types
    assert types.get("Anh") == ("LOC", 1), types  # "sang Anh"; not "Phương Anh", "Anh Tuấn", "tiếng Anh"


def test_a_countrys_short_name_beside_a_given_name_inside_a_company_name_does_not_end_it():
    entities = _entities("Công ty Lâm Anh Gia Lai vừa công bố báo cáo.", "Bệnh viện Đa khoa Hồng Đức Nam mở cửa.",
                         "Bộ Ngoại giao Anh cho biết.")
    found = {e.name: e.type for e in entities}
    assert found.get("Công ty Lâm Anh Gia Lai") == "ORG" and "Công ty Lâm Anh" not in found, found
    assert found.get("Bệnh viện Đa khoa Hồng Đức Nam") == "ORG", found
    assert found.get("Bộ Ngoại giao Anh") == "ORG", found  # no given name before it: the country ends the name


def test_the_city_is_shown_as_written_and_is_no_person():
    entities = _entities("Giá xăng tại TP.HCM tăng.", "Đàn bò của TP. Hồ Chí Minh giảm.",
                         "Chủ tịch Hồ Chí Minh đọc bản Tuyên ngôn Độc lập.")
    found = {e.name: (e.type, e.mentions) for e in entities}
    assert found.get("TP.HCM", found.get("TP. Hồ Chí Minh")) == ("LOC", 2), found
    assert found.get("Hồ Chí Minh") == ("PER", 1), found


def test_a_tournament_in_capitals_is_no_organization_and_an_airlines_code_is_its_name():
    entities = _entities("Các cầu thủ nghỉ ngơi trước thềm EURO 2016.",
                         "Máy bay của VNA hạ cánh an toàn.", "Đại diện Vietnam Airlines cho biết thiệt hại là 20.000 USD.")
    found = {e.name: (e.type, e.mentions) for e in entities}
    assert "EURO" not in found and found.get("Vietnam Airlines") == ("ORG", 2), found


def test_entertainment_titles_name_a_person_and_a_function_word_ends_a_titles_reach():
    entities = _entities("Tài tử Will Smith lên sân khấu.", "Will Smith sau đó đã xin lỗi.",
                         "Minh tinh Hollywood Angelina Jolie có mặt.",
                         "Theo CEO Nasser Al Khater thì World Cup năm nay bán được nhiều vé.")
    found = {e.name: (e.type, e.mentions) for e in entities}
    assert found.get("Will Smith") == ("PER", 2), found
    assert found.get("Hollywood", ("",))[0] == "LOC" and found.get("Angelina Jolie", ("",))[0] == "PER", found
    assert "World Cup" not in found, found


def test_a_shared_family_name_goes_to_the_person_written_most():
    entities = _entities("Ông Donald Trump phát biểu tại cuộc mít tinh.", "Ông Donald Trump cảm ơn cử tri.",
                         "Mr Trump cười.", "Ivanka Trump đứng cạnh cha.", "Trump rời đi sau đó.")
    people = {e.name: e.mentions for e in entities if e.type == "PER"}
    assert people.get("Donald Trump") == 4 and people.get("Ivanka Trump") == 1, people


def test_a_company_word_before_a_letter_makes_no_company():
    entities = _entities("Bà Thủy làm việc tại công ty A từ tháng 6/2014.")
    assert not [e for e in entities if e.type == "ORG"], [(e.name, e.type) for e in entities]


def test_a_language_is_no_place():
    entities = _entities("Cô nói tiếng Anh rất giỏi.", "Cô từng du học ở Anh.", "Anh ấy không nói tiếng Nga.")
    found = {e.name: (e.type, e.mentions) for e in entities}
    assert found.get("Anh") == ("LOC", 1) and "Nga" not in found, found


def test_the_pronoun_anh_is_no_place():
    entities = _entities("Anh ấy sẽ sang Anh vào tuần tới.", "\"Anh ta luôn nghĩ mình đúng\", cô nói.")
    assert {e.name: (e.type, e.mentions) for e in entities}.get("Anh") == ("LOC", 1)


def test_an_umlaut_and_its_spellings_are_one_name_and_the_pound_is_no_place():
    from tomtat.vi.names import fold

    assert fold("Jürgen Klopp") == fold("Juergen Klopp") == fold("Jurgen Klopp")
    assert fold("Joachim Löw") == fold("Joachim Loew") and fold("Nguyễn Huệ") != fold("Nguyễn Hu")
    entities = _entities("HLV Juergen Klopp hài lòng.", "Ông Jurgen Klopp nói thêm về bản hợp đồng 4,7 triệu bảng Anh.")
    found = {e.name: (e.type, e.mentions) for e in entities}
    assert list(found.values()) == [("PER", 2)] and "Anh" not in found, found  # one Klopp, either spelling


def test_a_club_named_for_its_place_is_an_organization_and_the_place_elsewhere_a_place():
    entities = _entities("Tiền vệ Lê Văn Tâm sẽ khoác áo CLB Hà Nội theo dạng cho mượn.",
                         "Hà Nội FC đã đánh bại Hải Phòng FC với tỉ số 2-0.",
                         "Ngân hàng lớn nhất Nhật Bản cũng tham gia, cùng hãng hàng không Hàn Quốc Korean Air.",
                         "Trận đấu diễn ra tại Hà Nội.")
    found = {e.name: (e.type, e.mentions) for e in entities}
    assert found.get("CLB Hà Nội") == ("ORG", 1) and found.get("Hà Nội FC") == ("ORG", 1), found
    assert found.get("Hải Phòng FC") == ("ORG", 1) and found.get("Hà Nội") == ("LOC", 1), found
    assert found.get("Korean Air") == ("ORG", 1) and found.get("Hàn Quốc") == ("LOC", 1), found  # not a club word


def test_an_organization_without_its_place_joins_the_one_with_it():
    entities = _entities("Theo Sở Giao thông Cà Mau, cây cầu bị sập do gãy cọc.",
                         "Sở Giao thông đề xuất lập tổ điều tra.", "Sở Giao thông cũng kiểm tra các cầu khác.")
    found = {e.name: (e.type, e.mentions) for e in entities}
    assert found.get("Sở Giao thông Cà Mau") == ("ORG", 3), found
    two = _entities("Sở Giao thông Nghệ An và Sở Giao thông Quảng Bình phối hợp.", "Sở Giao thông cho biết thêm.")
    assert {e.name: e.mentions for e in two if e.type == "ORG"} == {
        "Sở Giao thông": 1, "Sở Giao thông Nghệ An": 1, "Sở Giao thông Quảng Bình": 1}


def test_leaders_of_a_club_or_a_commune_name_no_person():
    entities = _entities("Tiền đạo này đã bí mật gặp lãnh đạo Real Madrid.", "Real Madrid chưa lên tiếng.",
                         "Lãnh đạo Chiềng Khương cho biết nước đã rút.")
    assert not [e.name for e in entities if e.type == "PER"], [(e.name, e.type) for e in entities]


def test_an_untitled_foreign_name_whose_family_name_is_written_alone_is_a_person_but_not_a_clubs():
    entities = _entities("Liverpool đã ký hợp đồng với Loris Karius.", "Karius sẽ mặc áo số 1.",
                         "Trước đó Karius chơi cho Mainz.",
                         "Real Madrid muốn có Lewandowski.", "Tuy nhiên Madrid chưa trả giá.", "Madrid sẽ chờ thêm.",
                         "Crystal Palace thua trận.", "Palace xếp thứ 15.", "Palace cần điểm.")
    people = {e.name: e.mentions for e in entities if e.type == "PER"}
    assert people.get("Loris Karius") == 3, people
    assert "Real Madrid" not in people and "Crystal Palace" not in people, people


def test_anh_opening_a_sentence_before_a_lowercase_word_is_he():
    entities = _entities("Anh đến từ CLB Mainz và sẽ ở lại 5 năm.", "“Anh sẽ trở lại,” cô nói.",
                         "Thủ tướng Anh cho biết sẽ hỗ trợ.", "Anh Tuấn kể lại chuyến đi.")
    found = {e.name: (e.type, e.mentions) for e in entities}
    assert found.get("Anh") == ("LOC", 1), found  # the Prime Minister's country only


def test_a_short_name_in_brackets_after_a_full_one_is_the_same_organization_but_not_a_unit_of_it():
    entities = _entities("Tổ chức Y tế Thế giới (WHO) cảnh báo dịch bệnh lây lan.", "WHO khuyến cáo người dân tiêm vắc xin.",
                         "Bộ Công an (Tổng cục Cảnh sát) đã vào cuộc điều tra.", "Tổng cục Cảnh sát cho biết thêm.")
    found = {e.name: e.mentions for e in entities if e.type == "ORG"}
    assert found.get("WHO") == 3 and "Tổ chức Y tế Thế giới" not in found, found
    assert found.get("Tổng cục Cảnh sát") == 2 and found.get("Bộ Công an") == 1, found


def test_a_common_word_opening_a_sentence_is_no_family_name_by_the_e_spelling_fold():
    from tomtat.vi.names import fold

    assert fold("Choe") != fold("Cho") and fold("Hue") != fold("Hu")
    found = {e.name: e.type for e in _entities("Cho Việt Nam vay thêm 1 tỷ USD.")}
    assert found == {"Việt Nam": "LOC"}, found


def test_a_short_given_name_joins_the_one_longer_it_begins_and_juve_is_juventus():
    """"Dani Alves" and "Daniel Alves" are one player, "Juve" is Juventus; with two longer
    given names it could begin ("Alex" of "Alexander" and "Alexandra"), a short one stays apart."""
    es = _entities("Dani Alves sẽ chính thức trở thành cầu thủ của Juve vào ngày 5/6 tới. Alves đã 33 tuổi.",
                   "Ban lãnh đạo Juventus xác nhận đang đàm phán với Daniel Alves. Alves chưa lên tiếng.")
    player = _find(es, "Dani Alves")
    assert {"Dani Alves", "Daniel Alves"} <= set(player.variants) and player.mentions == 4
    assert _find(es, "Juve") is _find(es, "Juventus")
    es = _entities("Alex Smith cùng Alexander Smith và Alexandra Smith đến Hà Nội ngày 3/5. Smith cho biết.",
                   "Smith đã về nước.")
    assert _find(es, "Alex Smith") is not _find(es, "Alexander Smith")


def test_a_codes_letters_and_acronyms_of_common_words_are_no_organizations():
    """"BA.2" is a virus variant, "BHYT" health insurance, "ATGT" traffic safety, "BTC" an
    organizing committee, "TU" and "UBND" of "04-NQ/TU", "12/QĐ-UBND" a document's number: a
    lone acronym of a common thing names no organization ("WHO" does)."""
    es = _entities("Biến thể phụ BA.2 chiếm khoảng 30%, còn lại là BA.4 và BA.5, theo WHO.",
                   "BTC giải đấu nhắc người dân mang thẻ BHYT và giữ trật tự ATGT.",
                   "Tỉnh ủy thực hiện Nghị quyết số 04-NQ/TU và Quyết định số 12/QĐ-UBND.",
                   "Người dân có thể xin giấy phép lái xe quốc tế (IDP) làm bằng vật liệu PET.")
    assert {(e.name, e.type) for e in es} == {("WHO", "ORG")}


def test_acronyms_the_glossary_reads_as_common_words_are_no_organizations():
    """A hand check found "TNGT" (a traffic accident) and "ATTP" (food safety) listed as
    organizations; so would be a coach ("HLV") or a final round ("VCK")."""
    es = _entities("Năm nay số vụ TNGT giảm mạnh. Các vụ TNGT chủ yếu do say rượu.",
                   "Đoàn kiểm tra ATTP làm việc với 12 cơ sở; vi phạm ATTP bị phạt nặng.",
                   "HLV đội tuyển chốt danh sách dự VCK; VCK diễn ra vào tháng 6, theo FIFA.")
    assert {(e.name, e.type) for e in es if e.type == "ORG"} == {("FIFA", "ORG")}, es


def test_a_commune_or_ward_is_a_place_even_after_a_title_and_a_word_it_opens_is_none():
    """"xã Thăng Phước" after "Chủ tịch UBND" is the commune, not the chairman (a hand check
    found it listed as a person, 6 mentions); "Quốc" of "sân bay Quốc tế Vinh" is no place."""
    es = _entities("Chiều 29-8, ông Lê Thanh Luận, Chủ tịch UBND xã Thăng Phước, cho biết.",
                   "Các cháu ra sông ở xã Thăng Phước để chơi. Máy bay hạ cánh xuống sân bay Quốc tế Vinh.")
    types = _types(es)
    assert ("Thăng Phước", "LOC") in types and ("Lê Thanh Luận", "PER") in types
    assert "Quốc" not in {name for name, _ in types}
    assert _find(es, "Thăng Phước").mentions == 2


def test_address_terms_mark_a_person_in_lowercase_or_first_in_the_sentence_only():
    """"em Cao Lâm", "anh Tuấn", "Anh Thông cho biết" are people (a hand check found two boys
    of 33 mentions each missing); "Diễn viên Anh Tú" is a name, "Cảnh sát Anh" and "Anh Quốc"
    England, "công cụ FedWatch" a tool."""
    es = _entities("Hai em Cao Lâm và Bo Tý đã cứu 5 học sinh. Theo anh Tuấn, cháu Cao Lâm rất dũng cảm.",
                   "Anh Thông cho biết trâu bị mất. Diễn viên Anh Tú vừa đăng ảnh. Cảnh sát Anh cho biết.",
                   "Dẫn đầu là Anh Quốc. Theo công cụ FedWatch của CME, khả năng là 70%.")
    types = _types(es)
    assert {("Cao Lâm", "PER"), ("Tuấn", "PER"), ("Thông", "PER"), ("Anh Tú", "PER")} <= types
    assert _find(es, "Cao Lâm").mentions == 2
    england = _find(es, "Anh")
    assert england.type == "LOC" and england is _find(es, "Anh Quốc") and england.mentions == 2
    assert not {name for name, _ in types} & {"Quốc", "FedWatch", "Tú"}


def test_a_foreign_given_name_alone_is_the_one_full_name_it_begins_and_an_initial_no_listed_name():
    """"Yamato" is Yamato Tanooka, "bé Yana" Yana Kleshova (a hand check found the girl at the
    centre missing); "Tiến sĩ Victor", titled as the full name never is, stays apart; "chị B."
    is a person without a name to list."""
    es = _entities("Ông Yamato Tanooka đã được tìm thấy. Bé Yamato khỏe mạnh. Cảnh sát cho biết Yamato đã ăn.",
                   "Bé Yana Kleshova đã bật khóc. Mẹ của bé Yana kể lại.",
                   "Chị B. cho biết chị B. không biết gì.")
    assert _find(es, "Yamato").name == "Yamato Tanooka" and _find(es, "Yamato").mentions == 3
    assert _find(es, "Yana").name == "Yana Kleshova" and _find(es, "Yana").mentions == 2
    assert "B" not in {e.name for e in es}


def test_the_stock_exchange_and_its_acronym_are_one():
    es = _entities("Sở Giao dịch Chứng khoán TP.HCM vừa đưa cổ phiếu vào diện cảnh báo.",
                   "Theo HoSE, cổ phiếu sẽ bị cảnh báo. HOSE cũng đã nhắc nhở công ty.")
    exchange = _find(es, "HoSE")
    assert exchange is _find(es, "Sở Giao dịch Chứng khoán TP.HCM") and exchange.mentions == 3


def test_an_acronym_after_a_slash_is_an_organization_unless_a_document_number_precedes():
    es = _entities("Theo WHO/UNICEF, tỷ lệ tiêm chủng tăng. Tỉnh thực hiện Nghị quyết số 04-NQ/TU.")
    assert {("WHO", "ORG"), ("UNICEF", "ORG")} <= _types(es) and "TU" not in {e.name for e in es}


def test_places_that_open_with_an_address_term_and_a_cooperatives_name_are_no_people_or_communes():
    es = _entities("Cô Tô là huyện đảo của tỉnh. Anh Sơn là huyện miền núi.",
                   "Giám đốc hợp tác xã Thành Công cho biết lúa đã chín.")
    types = _types(es)
    assert {("Cô Tô", "LOC"), ("Anh Sơn", "LOC")} <= types
    assert not {name for name, _ in types} & {"Tô", "Sơn", "Thành Công"}


def test_a_local_body_is_named_with_its_place_and_not_alone():
    # "UBND" alone says "the committee": which one? With its unit and place it is one body.
    es = _entities("UBND tỉnh Quảng Nam đã họp với các sở ngành. Theo UBND, dự án sẽ khởi công trong tháng tới.",
                   "Chủ tịch UBND xã Tam Hòa Lê Văn Tư cho biết người dân đồng tình. TAND TP Buôn Ma Thuột đã xét xử vụ án.",
                   "Lực lượng CSGT đã có mặt tại hiện trường. CSGT Hà Nội xử phạt 20 trường hợp. BHXH Việt Nam cho biết.")
    types = _types(es)
    assert {("UBND tỉnh Quảng Nam", "ORG"), ("UBND xã Tam Hòa", "ORG"), ("TAND TP Buôn Ma Thuột", "ORG"),
            ("CSGT Hà Nội", "ORG"), ("BHXH Việt Nam", "ORG"), ("Quảng Nam", "LOC"), ("Hà Nội", "LOC"),
            ("Lê Văn Tư", "PER")} <= types, types
    assert not any(name in ("UBND", "CSGT", "TAND", "BHXH") for name, _ in types), types
    es = _entities("UBND quận 1 và TAND tối cao đã trả lời. UBND tỉnh Bà Rịa - Vũng Tàu họp với TAND TP.HCM.",
                   "Hồ sơ đã được trình UBND TP. Ông Nguyễn Văn Hùng cho biết sẽ trả lời trong tuần.")
    types = _types(es)
    assert {("UBND quận 1", "ORG"), ("TAND tối cao", "ORG"), ("UBND tỉnh Bà Rịa - Vũng Tàu", "ORG"),
            ("TAND TP.HCM", "ORG"), ("Nguyễn Văn Hùng", "PER")} <= types, types
    assert not any(name.startswith("UBND TP. Ông") or name == "Ông" for name, _ in types), types


def test_two_outlets_spellings_of_one_foreign_name_are_one_person_a_wifes_form_is_not():
    es = _entities("Thủ tướng Milo Dukanovic tuyên bố từ chức. Ông Milo Djukanovic cho biết sẽ tái tranh cử.",
                   "HLV Jose Mourinho ký hợp đồng mới. Theo HLV Mourrinho, đội bóng cần thêm thời gian.",
                   "Bà Daria Dugina thiệt mạng. Cô Darya Dugin là con gái của ông Aleksandr Dugin.",
                   "Tổng thống Vladimir Zelensky phát biểu. Đệ nhất phu nhân Olena Zelenska thăm Mỹ. Bà Zelenska nói.")
    people = _people(es)
    assert {"Milo Dukanovic", "Milo Djukanovic"} <= set(_find(es, "Milo Dukanovic").variants)
    assert "Mourrinho" in _find(es, "Jose Mourinho").variants
    es2 = _entities("Bộ trưởng Antoni Macierewicz cho biết. Ông Antoni Macherevich nói thêm. Theo ông Macherevich, "
                    "một tiểu đoàn là đủ.")
    assert {"Antoni Macierewicz", "Antoni Macherevich", "Macherevich"} <= set(_find(es2, "Macherevich").variants)
    assert {"Daria Dugina", "Darya Dugin"} <= set(_find(es, "Daria Dugina").variants)
    assert "Aleksandr Dugin" not in _find(es, "Daria Dugina").variants
    assert "Olena Zelenska" not in _find(es, "Vladimir Zelensky").variants
    assert "Zelenska" not in _find(es, "Vladimir Zelensky").variants, people


def test_a_region_after_a_title_qualifies_it_as_a_country_does():
    es = _entities("Hoa hậu Đông Nam Á 2012 Lê Thị Diệu Hân kiện chủ nhà ra tòa.",
                   "Sau phiên xử, Hoa hậu Đông Nam Á 2012 cho biết sẽ kháng cáo. Hoa hậu Diệu Hân nói cô buồn.")
    person = _find(es, "Lê Thị Diệu Hân")
    assert person.type == "PER" and "Diệu Hân" in person.variants
    assert _find(es, "Đông Nam Á").type == "LOC"
    assert not any(e.type == "PER" and "Đông Nam Á" in e.name for e in es)


def test_an_organization_written_short_joins_the_one_name_it_begins():
    es = _entities("Hội đồng Giáo sư Nhà nước vừa công bố danh sách. Theo Hội đồng Giáo sư Nhà nước, năm nay có 400 ứng viên.",
                   "Danh sách do Hội đồng Giáo sư công bố gồm nhiều nhà khoa học trẻ.")
    council = _find(es, "Hội đồng Giáo sư")
    assert council.name == "Hội đồng Giáo sư Nhà nước" and council.mentions == 3
    # two ways to go on: two organizations, the short one apart
    es = _entities("Sở Văn hóa Hà Nam và Sở Văn hóa Nam Định cùng tổ chức lễ hội.", "Sở Văn hóa cho biết lễ hội kéo dài ba ngày.")
    assert {e.name for e in es if e.type == "ORG"} == {"Sở Văn hóa Hà Nam", "Sở Văn hóa Nam Định", "Sở Văn hóa"}


def test_a_short_organization_does_not_join_a_name_written_once_or_run_into_a_person():
    es = _entities("Giám đốc Sở Tư pháp Cao Thanh Sơn chủ trì hội nghị.",
                   "Sở Tư pháp đã tham mưu cho UBND tỉnh. Sở Tư pháp sẽ báo cáo kết quả.")
    assert _find(es, "Sở Tư pháp").name == "Sở Tư pháp"
    es = _entities("Bộ Công an Tô Lâm chủ trì. Bộ Công an Tô Lâm phát biểu.", "Bộ Công an cho biết. Ông Tô Lâm nói.")
    assert _find(es, "Bộ Công an").name == "Bộ Công an"
    es = _entities("Bộ Y tế PGS Trần Văn Thuấn cho biết. Theo Bộ Y tế PGS Trần Văn Thuấn, dịch giảm.", "Bộ Y tế khuyến cáo.")
    assert _find(es, "Bộ Y tế").name == "Bộ Y tế"  # a title starts the rest
    # a local body cut at its unit is no short name of the central one
    es = _entities("Tòa án Nhân dân Tối cao vừa ra án lệ. Tòa án Nhân dân Tối cao cho biết.",
                   "Vụ án được Tòa án Nhân dân huyện Gia Lâm xét xử.")
    assert _find(es, "Tòa án Nhân dân Tối cao").mentions == 2


def test_a_bare_vietnamese_company_name_is_the_company_of_that_name():
    es = _entities("Công ty Tân Tạo vừa công bố kết quả kinh doanh.", "HoSE yêu cầu công ty Tân Tạo giải trình. Tân Tạo sẽ tái cơ cấu.")
    company = _find(es, "Tân Tạo")
    assert company.type == "ORG" and "Công ty Tân Tạo" in company.variants and company.mentions == 3
    # a name read as a person's after an office title is the company's too
    es = _entities("Ngày 23/5, Công ty Khang Điền ký hợp tác với Coteccons.",
                   "Phó Tổng giám đốc Khang Điền cho biết dự án sẽ khởi công. Dự án của Khang Điền rộng 50 ha.")
    company = _find(es, "Công ty Khang Điền")
    assert company.type == "ORG" and not any(e.type == "PER" and e.name == "Khang Điền" for e in es)
    # ... but not someone called "ông" by it
    es = _entities("Công ty Minh Long vừa khánh thành nhà máy.", "Ông Minh Long cho biết nhà máy có 200 công nhân.")
    assert any(e.type == "PER" for e in es if "Minh Long" in e.variants)


def test_a_short_name_given_as_called_for_short_is_the_same_organization():
    es = _entities("Công ty TNHH Xuất nhập khẩu Thủy sản Thiên Mã (gọi tắt là Công ty Thiên Mã) nợ 900 tỷ đồng.",
                   "Năm 2011, Công ty Thiên Mã ngừng hoạt động. Công ty Thiên Mã còn nợ thuế.")
    company = _find(es, "Công ty Thiên Mã")
    assert "Công ty TNHH Xuất nhập khẩu Thủy sản Thiên Mã" in company.variants and company.mentions == 4


def test_a_name_cut_to_its_initial_joins_the_one_full_name_it_begins():
    es = _entities("Công an đã tạm giữ Phạm Văn T. (SN 2005) và Nguyễn Thành L. để điều tra.",
                   "Hai nghi phạm Phạm Văn Trang và Nguyễn Thành Long cùng 17 tuổi.")
    people = _people(es)
    assert set(people) == {"Phạm Văn Trang", "Nguyễn Thành Long"}
    assert "Phạm Văn T" in people["Phạm Văn Trang"].variants
    es = _entities("Công an đã bắt Nguyễn Văn T. (30 tuổi). Ông T. bị tạm giữ.", "Nguyễn Văn Tuấn bị bắt hôm qua.")
    assert _find(es, "Nguyễn Văn Tuấn").mentions == 3  # the lone "T." too
    # two full names it may stand for: it stays apart
    es = _entities("Anh Nguyễn Văn T. bị thương.", "Anh Nguyễn Văn Tuấn và anh Nguyễn Văn Tâm đã đưa anh đi cấp cứu.")
    assert "Nguyễn Văn T" in _people(es)


def test_a_capitalized_word_after_a_street_word_and_ok_in_a_message_are_no_names():
    es = _entities("Thành phố đã tìm ra công thức để thực hiện đường Vành đai 3 trong năm nay.",
                   "Sau tin nhắn này, ông Lương nhắn lại “OK em”. Xe vẫn chạy trên đường Lê Lợi.")
    names = {e.name for e in es}
    assert "Vành" not in names and "OK" not in names and "Lê Lợi" in names


def test_a_ministry_named_by_fields_joined_with_va_is_read_whole():
    es = _entities("Bộ Kế hoạch và Đầu tư vừa công bố số liệu. Bộ Văn hóa, Thể thao và Du lịch đồng ý.",
                   "Theo Bộ Lao động - Thương binh và Xã hội, số lao động tăng. Bộ GD&ĐT ra đề thi.",
                   "Theo Bộ Giáo dục và Đào tạo, năm nay thi sớm. Tập đoàn Công nghiệp - Viễn thông Quân đội báo lãi.")
    names = {e.name for e in es if e.type == "ORG"}
    assert {"Bộ Kế hoạch và Đầu tư", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Lao động - Thương binh và Xã hội",
            "Tập đoàn Công nghiệp - Viễn thông Quân đội"} <= names
    assert "Bộ GD&ĐT" in _find(es, "Bộ Giáo dục và Đào tạo").variants  # its initials, "và" aside
    # "và" between two bodies, before a document or a body of a place: two names
    es = _entities("Bộ Công an và Quân đội đã phối hợp. Bộ Y tế và Hà Nội họp.",
                   "Theo Kết luận của Bộ Chính trị và Kế hoạch 81/KH, Bộ Nội vụ và Công an tỉnh Lâm Đồng đã họp.")
    names = {e.name for e in es if e.type == "ORG"}
    assert {"Bộ Công an", "Bộ Y tế", "Bộ Chính trị", "Bộ Nội vụ"} <= names
    assert not any(" và " in n for n in names)
    # a listed field may end in lowercase; its initials joined by "&" spell it
    es = _entities("Bộ Nông nghiệp và Phát triển nông thôn vừa có công văn.", "Theo Bộ NN&PTNT, cá chết do độc tố.",
                   "Bộ NN&PTNT cho biết sẽ kiểm tra.")
    ministry = _find(es, "Bộ NN&PTNT")
    assert ministry.name == "Bộ Nông nghiệp và Phát triển nông thôn" and ministry.mentions == 3
    # a person after the name ends it; fields not listed are two bodies ("Bộ Công an và Quốc phòng")
    es = _entities("Bộ trưởng Bộ Kế hoạch và Đầu tư Nguyễn Chí Dũng cho biết.", "Bộ Công an và Quốc phòng đã ký quy chế.",
                   "Bộ Y tế, Giáo dục và Đào tạo cùng họp.")
    names = {e.name for e in es}
    assert {"Bộ Kế hoạch và Đầu tư", "Nguyễn Chí Dũng", "Bộ Công an", "Bộ Y tế"} <= names
    assert _people(es)["Nguyễn Chí Dũng"].role == "Bộ trưởng Bộ Kế hoạch và Đầu tư"  # the title reaches over "và"
    assert not any(n.startswith("Bộ Công an và") or n.startswith("Bộ Y tế,") for n in names)


def test_a_region_is_read_whole_and_ranks_after_the_storys_own_names():
    es = _entities("Theo Công ty Nielsen, niềm tin tiêu dùng ở Đông Nam Á tăng. Đông Nam Á dẫn đầu thế giới.",
                   "Công ty Nielsen khảo sát người dùng Đông Nam Á. Miền Đông Nam Bộ có mưa.")
    names = [e.name for e in es]
    assert names.index("Công ty Nielsen") < names.index("Đông Nam Á")  # 2 mentions against a region's 3
    assert "Đông Nam Bộ" in names and "Nam Bộ" not in names


def test_an_acronym_defined_by_lowercase_words_or_a_board_is_no_organization():
    es = _entities("Người dùng thuốc lá làm nóng (TLLN) tăng nhanh. Bộ Y tế đề xuất cấm TLLN.",
                   "Tổ chức Y tế Thế giới (WHO) khuyến cáo. HĐQT của công ty đã họp. WHO nhắc lại.",
                   "Giải thưởng Hồ Chí Minh (GTHCM) được trao. Thuốc lá điện tử (TLĐT) bị cấm. TLĐT gây hại.")
    names = {e.name for e in es}
    assert "TLLN" not in names and "HĐQT" not in names and "TLĐT" not in names
    assert "WHO" in _find(es, "Tổ chức Y tế Thế giới").variants  # defined by a name: the organization
    es = _entities("Dự án Cảng Hàng không Quốc tế Long Thành (CHKQTLT) khởi công. CHKQTLT rộng 5.000 ha.")
    assert "CHKQTLT" in {e.name for e in es}  # its words capitalized: a name, kept


def test_the_two_last_syllables_of_a_full_name_are_that_person():
    es = _entities("Tiền đạo Nguyễn Công Phượng dính chấn thương.", "HLV lo lắng vì Công Phượng nghỉ thi đấu. Công Phượng sẽ về nước.")
    person = _find(es, "Nguyễn Công Phượng")
    assert person.mentions == 3 and "Công Phượng" in person.variants
    # not when they make a Vietnamese word
    es = _entities("Ông Nguyễn Thành Công phát biểu.", "Buổi lễ Thành Công tốt đẹp.")
    assert _find(es, "Nguyễn Thành Công").mentions == 1
    # ... nor inside a longer name
    es = _entities("Ông Lê Tân Sơn cho biết.", "Sân bay Tân Sơn Nhất quá tải. Tân Sơn Nhất cần mở rộng.")
    assert _find(es, "Lê Tân Sơn").mentions == 1


def test_a_role_ends_before_what_the_person_did_and_is_not_anothers_title():
    es = _entities("Đại tá Rah Lan Lâm, Giám đốc Công an tỉnh Gia Lai đã trao quyết định của Bộ trưởng Bộ Công an.",
                   "Theo ông Lee Chang-yang, Bộ trưởng Thương mại Hàn Quốc Ahn Duk-geun sẽ sang Mỹ. Ông Ahn Duk-geun phát biểu.")
    people = _people(es)
    assert people["Rah Lan Lâm"].role == "Giám đốc Công an tỉnh Gia Lai"
    assert people["Lee Chang-yang"].role != "Bộ trưởng Thương mại Hàn Quốc Ahn Duk-geun"
    assert people["Ahn Duk-geun"].role == "Bộ trưởng Thương mại Hàn Quốc"
    # a place named after a person ends a role as the place: the role stays
    es = _entities("Ông Huỳnh Công Luận, Phó chủ tịch UBND xã Lê Minh Xuân cho biết. Ông Lê Minh Xuân là tên một xã.")
    assert _people(es)["Huỳnh Công Luận"].role == "Phó chủ tịch UBND xã Lê Minh Xuân"


def test_a_setting_a_candidacy_or_a_speaker_before_the_name_is_not_the_persons_role():
    # "ROLE, ông NAME" only when the clause is a role: not a setting that names an office
    # (a hand check read "ngoại trưởng họp 2 ngày tại bản doanh Brussels" as Stoltenberg's role)
    es = _entities("Trong buổi họp báo trước hội nghị ngoại trưởng họp 2 ngày tại Brussels, ông Jens Stoltenberg xác nhận "
                   "kế hoạch. Tổng Thư ký NATO Jens Stoltenberg cho biết thêm.",
                   "Sau khi thất bại trong cuộc bầu cử Tổng thống Hàn Quốc hồi tháng 3, ông Lee Jae-myung trở lại quốc hội.",
                   "Đồng chí Nguyễn Xuân Thắng, Chủ tịch Hội đồng Lý luận Trung ương khẳng định, đồng chí Nguyễn Văn Cừ "
                   "đã có đóng góp lớn.")
    people = _people(es)
    assert people["Jens Stoltenberg"].role == "Tổng Thư ký NATO"
    assert "Tổng thống" not in (people["Lee Jae-myung"].role or "")
    assert "Chủ tịch" not in (people["Nguyễn Văn Cừ"].role or "")
    # ... while a role after a verb or after words that quote the person stays, and a candidacy
    # is told as one
    es = _entities("Thiếu tướng Rah Lan Lâm mong muốn Phó Giám đốc Công an tỉnh, ông Ksor Khắp phát huy năng lực.",
                   "Sputnik dẫn lời Phó Tổng giám đốc Tập đoàn Uralvagonzavod, ông Vyacheslav Khalitov cho biết.",
                   "Đảng Dân chủ bầu cựu ứng cử viên tổng thống Lee Jae-myung làm lãnh đạo mới.",
                   "Bốn quan chức đã tới, trong đó có Phó giám đốc Trung tâm Chỉ huy, ông Victor Kalganov.")
    people = _people(es)
    assert people["Ksor Khắp"].role == "Phó Giám đốc Công an tỉnh"
    assert people["Vyacheslav Khalitov"].role == "Phó Tổng giám đốc Tập đoàn Uralvagonzavod"
    assert people["Lee Jae-myung"].role == "cựu ứng cử viên tổng thống"
    assert people["Victor Kalganov"].role == "Phó giám đốc Trung tâm Chỉ huy"  # "trong đó có": among them
    # an office held ("Trên cương vị ..."), an organization named with a capitalized verb ("Đánh
    # giá"), and a candidacy as the whole role (a review's cases)
    es = _entities("Trên cương vị Chủ tịch UBND tỉnh, ông Nguyễn Văn Thắng đã chỉ đạo quyết liệt.",
                   "Cục trưởng Cục Thẩm định và Đánh giá tác động môi trường, ông Nguyễn Văn Tài cho biết thêm.",
                   "Ứng cử viên Tổng thống Mỹ, ông Donald Trump phát biểu tại Ohio.")
    people = _people(es)
    assert people["Nguyễn Văn Thắng"].role == "Chủ tịch UBND tỉnh"
    assert people["Nguyễn Văn Tài"].role.startswith("Cục trưởng Cục Thẩm định và Đánh giá")
    assert people["Donald Trump"].role.lower() == "ứng cử viên tổng thống mỹ"


def test_a_spouse_called_ong_xa_is_no_commune():
    es = _entities("Đức Thịnh là ông xã Thanh Thúy từ năm 2008.", "Người dân xã Thanh Thủy đi bầu cử.")
    assert ("Thanh Thúy", "LOC") not in _types(es) and ("Thanh Thủy", "LOC") in _types(es)


def test_a_short_name_in_brackets_after_a_name_written_short_and_in_full_is_that_organization():
    es = _entities("Ông Hofer, ứng cử viên của Đảng Tự do Áo (FPO), thua sát nút.",
                   "Ứng cử viên Norbert Hofer thuộc Đảng Tự do (FPÖ) có xu hướng bài Hồi giáo. FPÖ chưa bình luận.")
    party = _find(es, "FPÖ")
    assert {"Đảng Tự do Áo", "Đảng Tự do", "FPO"} <= set(party.variants) and party.mentions == 5
    # two different full names given it: it stays apart
    es = _entities("Đảng Tự do Áo (FPO) thua sát nút.", "Đảng Xanh (FPO) thắng. FPO chưa bình luận.")
    assert _find(es, "FPO").name == "FPO"


def test_a_province_named_by_two_places_and_a_dash_is_one_place():
    es = _entities("Ngày 31-5, TAND tỉnh Bà Rịa-Vũng Tàu đã xét xử bị cáo.",
                   "Công ty được tỉnh Bà Rịa - Vũng Tàu cho tạm ứng 50 tỉ đồng. Tỉnh Bà Rịa - Vũng Tàu đã đòi lại tiền.")
    places = {e.name: e.mentions for e in es if e.type == "LOC"}
    assert len(places) == 1 and list(places.values()) == [3]  # the court's place counts too
    assert "TAND tỉnh Bà Rịa-Vũng Tàu" in {e.name for e in es if e.type == "ORG"}
    # two places a dash sets side by side stay two
    es = _entities("Tuyến bay Hà Nội - Đà Nẵng mở lại.")
    assert {e.name for e in es if e.type == "LOC"} == {"Hà Nội", "Đà Nẵng"}


def test_a_company_name_with_two_business_fields_and_its_ticker_are_the_company():
    es = _entities("HoSE đưa cổ phiếu Công ty Cổ phần Đầu tư và Công nghiệp Tân Tạo (Tân Tạo, mã ITA) vào diện cảnh báo.",
                   "Cổ phiếu ITA giảm. Công ty Tân Tạo giải trình. Tập đoàn KIDO (HoSE: KDC) tăng vốn, KDC chia cổ tức.")
    company = _find(es, "Công ty Tân Tạo")
    assert {"Công ty Cổ phần Đầu tư và Công nghiệp Tân Tạo", "ITA"} <= set(company.variants) and company.mentions == 4
    assert "KDC" in _find(es, "Tập đoàn KIDO").variants
    # two companies joined by "và" stay two
    es = _entities("Công ty Dream Republic và Công ty Sheen Mega ký hợp đồng.")
    assert {e.name for e in es if e.type == "ORG"} == {"Công ty Dream Republic", "Công ty Sheen Mega"}


def test_a_name_cut_at_its_lowercase_words_joins_the_one_written_whole_once():
    es = _entities("Cục Kiểm soát dịch bệnh cho biết số ca mắc giảm. Cục Kiểm soát dịch bệnh đề nghị các tỉnh theo dõi.",
                   "Theo Bộ Y tế (Cục Kiểm soát Dịch bệnh), vắc xin đã về.")
    office = _find(es, "Cục Kiểm soát Dịch bệnh")
    assert office.name == "Cục Kiểm soát Dịch bệnh" and office.mentions == 3
    # not when the longer name is cut itself: a content word goes on after it
    es = _entities("Phòng Cảnh sát bắt giữ đang vào cuộc. Phòng Cảnh sát bắt giữ đã họp.",
                   "Phòng Cảnh sát Bắt giữ nhanh vụ việc.")
    assert _find(es, "Phòng Cảnh sát").mentions == 2
    # (a public body's lowercase fields are read by the mentions themselves: one body)
    es = _entities("Phòng Cảnh sát kinh tế vào cuộc. Phòng Cảnh sát kinh tế đã họp.",
                   "Phòng Cảnh sát Kinh tế điều tra vụ việc.")
    assert _find(es, "Phòng Cảnh sát kinh tế").mentions == 3
    # nor is a local office, whose unit and place come next, listed as the body written whole
    # (it is read with its fields and place; the short name written once goes with it, as "Sở
    # GTVT" with "Sở GTVT Cà Mau")
    es = _entities("Cục Quản lý thị trường tỉnh Lạng Sơn kiểm tra kho hàng. Cục Quản lý thị trường tỉnh Lạng Sơn phạt tiền.",
                   "Tổng cục trưởng cho biết Cục Quản lý Thị trường, đơn vị mới thành lập, sẽ kiểm tra.")
    assert _find(es, "Cục Quản lý Thị trường").name == "Cục Quản lý thị trường tỉnh Lạng Sơn"


def test_a_kingdom_written_in_capitals_is_its_country_unless_a_person_is_named():
    es = _entities("Vương Quốc Tây Ban Nha và Vương Quốc Thái Lan ký thỏa thuận.", "Bà Vương Quốc Thanh, giám đốc sở, phát biểu.",
                   "Vương Quốc Đức, 30 tuổi, trú tại huyện Gia Lâm, bị bắt.")
    assert {"Tây Ban Nha", "Thái Lan"} <= {e.name for e in es if e.type == "LOC"}
    assert set(_people(es)) == {"Vương Quốc Thanh", "Vương Quốc Đức"}  # "Đức" is a given name as often as Germany


def test_lowercase_business_fields_inside_a_company_name_stay_in_it():
    es = _entities("Ông Lâm, giám đốc Công ty TNHH vận tải và du lịch Hòa Phong Giang, bị bắt.",
                   "Công ty TNHH Thương mại và Sản xuất thực phẩm Bảo Lộc Xanh (gọi tắt là Công ty Bảo Lộc Xanh) bị phạt.",
                   "Công ty Bảo Lộc Xanh đã nộp phạt. Công ty TNHH Chế biến hải sản Minh Khoa mở rộng.")
    assert {"Công ty TNHH vận tải và du lịch Hòa Phong Giang", "Công ty TNHH Chế biến hải sản Minh Khoa"} \
        <= {e.name for e in es if e.type == "ORG"}
    company = _find(es, "Công ty Bảo Lộc Xanh")
    assert "Công ty TNHH Thương mại và Sản xuất thực phẩm Bảo Lộc Xanh" in company.variants and company.mentions == 3
    # right after "công ty" the fields describe a company of a place, and no name opens in lowercase
    es = _entities("Một Công ty xây dựng Hà Nội trúng thầu. Công ty cổ phần Đầu tư xây dựng và ứng dụng kỹ thuật mới nộp hồ sơ.")
    assert not [e.name for e in es if e.type == "ORG"]
    # after the company's own name a field is what it does
    es = _entities("Công ty Deloitte tư vấn Bộ Tài chính về thuế. Tập đoàn Vingroup đầu tư Hà Nội nhiều dự án.")
    assert {"Công ty Deloitte", "Bộ Tài chính", "Tập đoàn Vingroup", "Hà Nội"} <= {e.name for e in es}


def test_an_organization_named_with_a_place_spelled_two_ways_is_one():
    es = _entities("Sở Giao dịch Chứng khoán TP HCM (HoSE) ra quyết định.", "UBND TPHCM họp. UBND TP.HCM chỉ đạo.")
    assert _find(es, "HoSE").mentions == 2 and _find(es, "UBND TPHCM").mentions == 2


def test_a_local_office_is_named_with_its_unit_and_place():
    es = _entities("Giám đốc Sở Y tế tỉnh Quảng Nam Nguyễn Văn An cho biết dịch đã được khống chế.",
                   "Sở Y tế đã họp. Cơ quan CSĐT Công an thành phố Móng Cái cho hay. Trung tâm Y tế thành phố Phủ Lý mở cửa.")
    office = _find(es, "Sở Y tế tỉnh Quảng Nam")
    assert "Sở Y tế" in office.variants and office.mentions == 2
    assert _people(es)["Nguyễn Văn An"].role == "Giám đốc Sở Y tế tỉnh Quảng Nam"
    names = {e.name for e in es}
    assert {"Cơ quan CSĐT Công an thành phố Móng Cái", "Trung tâm Y tế thành phố Phủ Lý", "Quảng Nam", "Móng Cái"} <= names
    # the national body after a delegation is no local office
    es = _entities("Đoàn đại biểu Quốc hội tỉnh Bình Định tiếp xúc cử tri.")
    assert not any(e.name.startswith("Quốc hội tỉnh") for e in es)


def test_a_place_after_its_unit_ends_before_the_officer_named_after_it():
    es = _entities("Trưởng Công an huyện Nghĩa Hành Nguyễn Văn Bình cho biết.",
                   "Phát biểu tại buổi lễ, Bí thư Quận ủy quận Bình Tân Huỳnh Khắc Điệp cho biết.")
    types = _types(es)
    assert {("Nghĩa Hành", "LOC"), ("Nguyễn Văn Bình", "PER"), ("Bình Tân", "LOC")} <= types
    assert _people(es)["Huỳnh Khắc Điệp"].role == "Bí thư Quận ủy quận Bình Tân"  # "Quận ủy" is no unit
    # a party committee is named by its place; a full name after it is its secretary's
    es = _entities("Bí thư Huyện ủy Thọ Xuân phát biểu.", "Bí thư Huyện ủy Nghĩa Hành Nguyễn Văn Bình nói.")
    assert ("Thọ Xuân", "LOC") in _types(es) and _people(es)["Nguyễn Văn Bình"].role == "Bí thư Huyện ủy Nghĩa Hành"


def test_a_country_after_a_given_name_syllable_and_a_hospital_written_bv_are_no_country_or_person():
    es = _entities("Danh sách gồm Quang Tình, Hải Anh, Ngọc Mạnh và Oseni.", "Phó Giám đốc BV Việt Đức Trịnh Hồng Sơn nói.")
    types = _types(es)
    assert ("Anh", "LOC") not in types and ("Đức", "LOC") not in types and ("Việt Đức", "PER") not in types
    assert ("BV Việt Đức", "ORG") in types and _people(es)["Trịnh Hồng Sơn"].role == "Phó Giám đốc BV Việt Đức"


def test_a_provincial_office_is_one_with_or_without_its_unit_but_a_city_s_is_another():
    es = _entities("Cục Hải quan tỉnh Điện Biên cho biết.", "Cục Hải quan Điện Biên đã thu 20 tỷ đồng.",
                   "UBND TP Quảng Ngãi và UBND tỉnh Quảng Ngãi cùng họp.")
    assert _find(es, "Cục Hải quan Điện Biên").mentions == 2
    assert _find(es, "UBND TP Quảng Ngãi") != _find(es, "UBND tỉnh Quảng Ngãi")


def test_a_foreign_given_name_before_a_family_name_called_by_an_honorific_is_that_person():
    es = _entities("Nhà thiên văn học Venu Kalari ở Đài quan sát Gemini chia sẻ.", "Theo ông Kalari, sao nhỏ hơn dự đoán.")
    assert _find(es, "Kalari").name == "Venu Kalari"


def test_a_corporation_written_as_a_company_is_the_corporation():
    es = _entities("Tổng công ty Văn hóa Sài Gòn cho biết dự án chậm.", "Đại diện Công ty Văn hóa Sài Gòn nói.")
    assert _find(es, "Tổng công ty Văn hóa Sài Gòn").mentions == 2


def test_a_school_named_after_truong_is_an_organization_but_a_compound_word_is_no_trigger():
    es = _entities("Đám cháy thiêu rụi ký túc xá tại trường Pithakkiart Witthaya ở Thái Lan.",
                   "Hàng hóa vào thị trường Mỹ tăng. Theo thông báo Kết luận của tòa. Các trường THPT đều xây dựng tổ hợp.")
    types = _types(es)
    assert ("Pithakkiart Witthaya", "ORG") in types and ("Mỹ", "LOC") in types
    assert not any(name in ("Kết luận", "THPT") for name, _ in types)


def test_the_new_name_rules_leave_alone_what_they_were_not_meant_for():
    """Counter-examples a review found for this session's rules."""
    types = _types(_entities("Học sinh Trường Lê Quý Đôn đạt giải.", "Bí thư Huyện ủy Hàm Thuận Bắc cho biết.",
                             "Bí thư Huyện ủy Lý Sơn cho biết."))
    assert ("Lê Quý Đôn", "PER") not in types  # no title: the school's name, not a person
    assert {("Hàm Thuận Bắc", "LOC"), ("Lý Sơn", "LOC")} <= types  # a committee's district, not its secretary
    es = _entities("Công ty Thương mại Sài Gòn và Công ty Du lịch Sài Gòn cùng ký với Công ty Sài Gòn.",
                   "Công ty CP Sheen Mega nộp tiền. Công ty Sheen Mega xin gia hạn.")
    assert len({e.name for e in es if "Sài Gòn" in e.name}) == 3  # two trades are no one company
    assert _find(es, "Công ty CP Sheen Mega").mentions == 2
    es = _entities("Sở Y tế TP.HCM và Sở Y tế thành phố Hồ Chí Minh họp.", "Sở Y tế tỉnh Bà Rịa – Vũng Tàu dự.",
                   "Hội Nông dân xã Tân Phú tổ chức hội thi. Hội Nông dân đã trao giải.")
    assert _find(es, "Sở Y tế TP.HCM").mentions == 2
    assert _find(es, "Bà Rịa – Vũng Tàu").mentions == 1 and _find(es, "Hội Nông dân").mentions == 2


def test_the_next_persons_titles_after_a_comma_are_no_role_of_the_one_before():
    es = _entities("Trước hành động của anh Khương, GS.TS Trịnh Hồng Sơn, Giám đốc Trung tâm, đã cảm ơn.",
                   "Anh Trần Nguyễn An Khương đạp xe 2.000 km.", "Ông Nguyễn Văn An, GS ngành y, cho biết.")
    people = _people(es)
    assert people["Trần Nguyễn An Khương"].role is None and people["Nguyễn Văn An"].role == "GS"


def test_a_foreign_full_name_after_a_place_is_a_person_only_when_called_ong_or_ba():
    es = _entities("Đại sứ Nga tại Nhật Bản Mikhail Galuzin cho biết.", "Theo ông Galuzin, Nga ủng hộ đối thoại.")
    assert _find(es, "Galuzin").name == "Mikhail Galuzin"
    es = _entities("Hãng bia lớn nhất của Venezuela Empresas Polar phải đóng cửa.", "Hồi tháng 4, Polar dừng sản xuất. Polar nợ lương.")
    assert not any(e.type == "PER" and "Polar" in e.name for e in es)


def test_a_listed_place_that_opens_with_its_unit_inside_an_office_s_name_is_that_place():
    es = _entities("Sở Y tế thành phố Hồ Chí Minh họp khẩn.", "TP.HCM mưa lớn. Người dân TP.HCM vui mừng.")
    city = _find(es, "TP.HCM")
    assert city.mentions == 3 and city.name == "TP.HCM" and "thành phố Hồ Chí Minh" in city.variants
    assert not any(e.type == "LOC" and e.name == "Hồ Chí Minh" for e in es)


def test_a_public_body_is_read_through_its_lowercase_fields_when_every_mention_has_them():
    es = _entities("Cơ quan Cảnh sát điều tra Công an tỉnh Bình Định đã khởi tố vụ án.",
                   "Hôm qua, Cơ quan Cảnh sát điều tra cho biết sẽ mở rộng điều tra.",
                   "Trung tâm Quản lý giao thông công cộng Hà Nội tăng chuyến xe buýt. Ông Lâm nói "
                   "Trung tâm Quản lý giao thông công cộng sẽ đặt thêm trạm.")
    orgs = {e.name: e.mentions for e in es if e.type == "ORG"}
    assert orgs.get("Cơ quan Cảnh sát điều tra") == 2, orgs
    centre = _find(es, "Trung tâm Quản lý giao thông công cộng")
    assert centre.mentions == 2 and "Trung tâm Quản lý" not in centre.variants


def test_fields_are_no_part_of_a_name_some_mention_goes_on_without():
    es = _entities("Bộ Công an điều tra vụ việc từ tháng trước.", "Bộ Công an cho biết đã bắt ba người.",
                   "Sở Y tế giáo dục người dân về dịch bệnh.")  # one mention proves nothing
    orgs = {e.name for e in es if e.type == "ORG"}
    assert "Bộ Công an" in orgs and "Sở Y tế" in orgs, orgs
    assert not any("điều tra" in name or "giáo dục" in name for name in orgs), orgs


def test_fields_written_with_and_without_ve_are_one_body_and_a_local_office_keeps_its_place():
    es = _entities("Cục Cảnh sát điều tra tội phạm về ma túy đã bắt 5 người.",
                   "Cục Cảnh sát điều tra tội phạm ma túy cho biết đường dây đã bị triệt phá.",
                   "Cục Quản lý thị trường tỉnh Lạng Sơn kiểm tra 3 cửa hàng. Cục Quản lý thị trường "
                   "tỉnh Lạng Sơn đã xử phạt.")
    body = _find(es, "Cục Cảnh sát điều tra tội phạm về ma túy")
    assert body.mentions == 2 and "Cục Cảnh sát điều tra tội phạm ma túy" in body.variants
    office = _find(es, "Cục Quản lý thị trường tỉnh Lạng Sơn")
    assert office.mentions == 2


def test_an_organization_after_the_sentences_first_word_when_its_head_has_a_lowercase_word():
    es = _entities("Theo Trung tâm Điều phối Quốc gia, số ca hiến tạng tăng.")
    assert "Trung tâm Điều phối Quốc gia" in {e.name for e in es if e.type == "ORG"}, [(e.name, e.type) for e in es]


def test_a_kingdom_between_a_title_and_a_foreign_name_is_the_titles_country():
    es = _entities("Thủ tướng Vương Quốc Anh Rishi Sunak đã tới Kiev.", "Thủ tướng Anh Rishi Sunak gặp báo chí.",
                   "Đại sứ Vương quốc Anh Gareth Ward dự lễ.")
    people = _people(es)
    assert set(people) == {"Rishi Sunak", "Gareth Ward"}, people
    assert people["Rishi Sunak"].mentions == 2
    # a Vietnamese name "Vương Quốc Anh" after a title stays a man's
    assert set(_people(_entities("Giám đốc Vương Quốc Anh phát biểu tại hội nghị."))) == {"Vương Quốc Anh"}


def test_a_field_that_is_a_verb_as_often_goes_on_only_a_force_or_another_field():
    # a reviewer's counter-examples: what a body does is no part of its name
    es = _entities("Vụ việc do Bộ Công an và Bộ Tư pháp điều tra.", "Hồ sơ đã chuyển Bộ Tư pháp điều tra.",
                   "Bộ Quốc phòng Mỹ điều tra vụ việc. Bộ Quốc phòng Mỹ điều tra thêm.",
                   "Sở Y tế quản lý chặt. Sở Y tế quản lý thị trường thuốc.")
    orgs = {e.name: e.mentions for e in es if e.type == "ORG"}
    assert orgs == {"Bộ Công an": 1, "Bộ Tư pháp": 2, "Bộ Quốc phòng Mỹ": 2, "Sở Y tế": 2}, orgs
    es = _entities("Cục An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao vào cuộc.",
                   "Cục An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao cho biết.")
    assert _find(es, "Cục An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao").mentions == 2


def test_body_fields_stop_at_whole_words_and_take_a_dashed_place():
    es = _entities("Trung tâm Quản lý thương mại điện tử cho biết. Trung tâm Quản lý thương mại điện tử đề nghị.",
                   "Cục Quản lý thị trường tỉnh Bà Rịa - Vũng Tàu kiểm tra. Cục Quản lý thị trường tỉnh Bà Rịa - Vũng Tàu phạt.",
                   "Cục Cảnh sát quản lý hành chính và trật tự xã hội vào cuộc. Cục Cảnh sát quản lý hành chính về trật tự xã hội cho biết.")
    assert _find(es, "Trung tâm Quản lý thương mại điện tử").mentions == 2
    assert _find(es, "Cục Quản lý thị trường tỉnh Bà Rịa - Vũng Tàu").mentions == 2
    assert _find(es, "Cục Cảnh sát quản lý hành chính và trật tự xã hội").mentions == 2


def test_a_head_after_the_first_word_only_when_a_name_follows_it():
    rules = EntityExtractor().finder.rules
    assert rules.runs("Thành Trung tâm sự rằng anh đã về.")[0].words == ["Thành", "Trung"]
    assert rules.runs("Theo Trung tâm Điều phối, số ca tăng.")[0].words == ["Trung"]


def test_an_acronym_or_a_foreign_written_place_before_an_organization_word_is_its_name():
    """"FPT Software" and "Malaysia Airlines" are the company's and the airline's names, not
    "Software" and "Airlines" after a qualifier; a place written in Vietnamese before a foreign
    name ("Hàn Quốc Korean Air") still qualifies it, and stays a place."""
    es = _entities("Tổ hợp của FPT Software ở Quy Nhơn có tổng vốn 2.000 tỷ đồng.",
                   "Gia đình các nạn nhân kiện hãng hàng không Malaysia Airlines ra tòa.",
                   "Hãng hàng không Hàn Quốc Korean Air mở thêm đường bay mới.")
    names = _types(es)
    assert ("FPT Software", "ORG") in names and ("Malaysia Airlines", "ORG") in names, names
    assert not {("Software", "ORG"), ("Airlines", "ORG"), ("Malaysia", "LOC")} & names, names
    assert ("Korean Air", "ORG") in names and ("Hàn Quốc", "LOC") in names, names
    # only the word right before a listed organization word, and not a board's acronym: a review
    # found "HĐQT Hòa Phát Group" and "Malaysia Maybank" (a name read by its ending) taken in
    more = _types(_entities("Ông Trần Văn Long, Chủ tịch HĐQT Sông Hồng Group, cho biết kế hoạch năm nay.",
                            "Hãng hàng không Indonesia Lion Air bị phạt vì chậm chuyến.",
                            "Ngân hàng Malaysia Maybank mở chi nhánh ở Hà Nội.",
                            "Gia đình các nạn nhân đã kiện hãng Malaysia Airlines."))
    assert {("Sông Hồng Group", "ORG"), ("Lion Air", "ORG"), ("Indonesia", "LOC"), ("Maybank", "ORG"),
            ("Malaysia Airlines", "ORG")} <= more, more
    assert not {("HĐQT Sông Hồng Group", "ORG"), ("Indonesia Lion Air", "ORG"), ("Malaysia Maybank", "ORG")} & more, more
