"""Reference clients from case pages and client lists."""
import pytest
from extractor_helpers import page, site

from prospect_intel.extractors.names import clean_name, is_notable, name_key, sector_of


def clients(*pages):
    found = site(*pages).fields.get("reference_clients")
    return [] if found is None else [c["name"] for c in found.value]


def test_case_titles_chinese():
    body = (
        "<ul>"
        + "".join(
            f"<li><a href='c{i}.html'>{n}</a></li>"
            for i, n in enumerate(
                ["杭州市第一人民医院门禁系统工程", "中国银行杭州分行一卡通项目", "浙江大学紫金港校区门禁", "更多案例"]
            )
        )
        + "</ul>"
    )
    # entry links are project titles: printed whole (LABELLING: "project titles count"), the
    # organisation name alone only where no project words follow it
    assert clients(page(body, "cases")) == ["杭州市第一人民医院门禁系统工程", "中国银行杭州分行一卡通项目",
                                            "浙江大学紫金港校区门禁"]


def test_a_case_grid_of_images_over_their_names_in_a_definition_list():
    items = "".join(f"<dl><dt><a href=''><img src='case_{i}.png' alt=''></a></dt><dd>{n}</dd></dl>"
                    for i, n in enumerate(["中南财经政法大学", "武汉市育才高中", "中南财经政法大学", "武汉市育才高中"]))
    assert clients(page(f"<div class='case_box'>{items}</div>", "cases")) == ["中南财经政法大学", "武汉市育才高中"]


def test_case_cards_english_dedupe_and_people():
    cards = "".join(f"<div class='card'><h5 class='card-title'>{t}</h5><p>Client Name: Mr. X</p></div>"
                    for t in ["Shubham Park", "Prabhi Apartment (Duplex)", "Prabhi Apartment (Flat)",
                              "Volkswagen Pune West", "Unknown Project", "Marquardt India Pvt. Ltd."])
    assert clients(page(cards, "cases")) == ["Shubham Park", "Prabhi Apartment (Duplex)",
                                             "Volkswagen Pune West", "Marquardt India Pvt. Ltd."]


def test_logo_alts():
    body = "".join(f"<img src='l{i}.png' alt='{n}'>" for i, n in enumerate(
        ["Acme Bank", "City Hospital", "Springfield University"]))
    assert clients(page(body, "cases")) == ["Acme Bank", "City Hospital", "Springfield University"]


def test_placeholder_alts_and_service_headings_are_not_clients():
    logos = "".join(f"<img src='c{i}.png' alt='Client {i}'>" for i in range(1, 9))
    headings = "".join(f"<h3>{t}</h3>" for t in ["Industrial Electrical Installation",
                                                 "Power Factor Correction Projects",
                                                 "Commercial Solar Energy Solution"])
    assert clients(page(logos + headings, "cases")) == []


def test_site_logo_and_navigation_are_not_clients():
    nav = "<nav><ul><li><a href='a.html'>Acme Bank Branch</a></li></nav>"
    body = "<a href='index.html'><img src='logo.png' alt='Amperigo'></a>" + nav + \
        "".join(f"<img src='x{i}.png' alt='{n}'>" for i, n in enumerate(["Acme Bank", "Beta Hotel"]))
    assert clients(page(body, "cases")) == ["Acme Bank", "Beta Hotel"]


def test_prose_list_english():
    body = ("<p>We are the go-to locksmith for the <span>Royal Oak</span>, <span>Ferndale</span>, "
            "and <span>Hazel Park</span> Police Stations.</p>")
    assert clients(page(body, "home")) == ["Royal Oak Police Station", "Ferndale Police Station",
                                           "Hazel Park Police Station"]


def test_prose_list_chinese():
    body = "<p>主要客户有：杭州市公安局、中国工商银行、浙江大学、万科地产集团等。</p>"
    assert clients(page(body, "about")) == ["杭州市公安局", "中国工商银行", "浙江大学", "万科地产集团"]


@pytest.mark.parametrize("body, names", [
    ("<p>Our clients include Tata Motors, Infosys, Apollo Hospital and Wipro.</p>",
     ["Tata Motors", "Infosys", "Apollo Hospital", "Wipro"]),
    # the list ends where the sentence's verb starts
    ("<p>Key customers such as the Ministry of Health, Safaricom and KCB Bank trust our team.</p>",
     ["Ministry of Health", "Safaricom", "KCB Bank"]),
    # kinds of client in lower case are no names
    ("<p>Our clients include local businesses, national chains and schools.</p>", []),
    # a list line's first name starts after the sentence's subject and verb
    ("<p>公司客户包括中国银行、工商银行、万达广场等。</p>", ["中国银行", "工商银行", "万达广场"]),
])
def test_a_sentence_naming_the_clients(body, names):
    assert clients(page(body, "home")) == names


@pytest.mark.parametrize("body, names", [
    # the names between 与 / 为 and 等, which what follows calls organisations the company worked
    # with or for: each as printed, a project title and a name without a suffix included
    ("<p>公司已与华东电网苏州供电局、苏州地铁3号线二期工程、吴中城投、星湖科技有限公司等多家单位建立了长期合作。</p>",
     ["华东电网苏州供电局", "苏州地铁3号线二期工程", "吴中城投", "星湖科技有限公司"]),
    ("<p>先后为南京鼓楼医院、江苏银行、东南大学等单位提供门禁系统。</p>", ["南京鼓楼医院", "江苏银行", "东南大学"]),
    # kinds of client, countries, short category words: no names
    ("<p>为国内各大航运公司、印度、希腊、俄罗斯等国际航运公司提供修船服务。</p>", []),
    ("<p>为广大食品、乳品、水产、果蔬等企业提供冷链物流。</p>", []),
    # research with universities (产学研) is no client work
    ("<p>公司秉承产学研相结合的思路，目前与华北理工大学、燕山大学等院校展开合作。</p>", []),
    # 参与 (takes part in) is a verb, not the preposition: what follows is a list of kinds of work
    ("<p>先后参与多项城市建设、交通运输、园林绿化等信息化项目，赢得客户的信赖。</p>", []),
])
def test_a_chinese_sentence_naming_partners_before_deng(body, names):
    assert clients(page(body, "about")) == names


@pytest.mark.parametrize("body, names", [
    # a relation, then names in capitals, one of which holds an organisation word or is well known
    ("<p>We have worked with Tesco, Network Rail, Leeds City Council and the NHS.</p>",
     ["Tesco", "Network Rail", "Leeds City Council", "NHS"]),
    ("<p>Trusted by Barclays, Sainsbury's and the University of Leeds.</p>",
     ["Barclays", "Sainsbury's", "University of Leeds"]),
    ("<p>Some of our clients: Safaricom, KCB Bank, Nairobi Hospital.</p>",
     ["Safaricom", "KCB Bank", "Nairobi Hospital"]),
    ("<p>We have partnered with leading organisations including Emirates NBD, Dubai Municipality and Etisalat.</p>",
     ["Emirates NBD", "Dubai Municipality", "Etisalat"]),
    ("<p>We are proud to have served organisations such as Network Rail, Leeds City Council and Yorkshire Water.</p>",
     ["Network Rail", "Leeds City Council", "Yorkshire Water"]),
    ("<p>Recent projects include installations for Marks & Spencer, Aldi and Leeds Beckett University.</p>",
     ["Marks & Spencer", "Aldi", "Leeds Beckett University"]),
    # makers it carries, places it serves, people, and a list that does not start right after the verb
    ("<p>We work with brands like Hikvision, Dahua and Axis.</p>", []),
    ("<p>We have worked with Leeds City Council, Hikvision and Dahua.</p>", ["Leeds City Council"]),
    ("<p>We have served Leeds, York and Hull since 1998.</p>", []),
    ("<p>We have worked with John, Mary and Steve for years.</p>", []),
    ("<p>We've worked with every major vehicle brand, including Ford, GM, Chrysler, Toyota and Honda.</p>", []),
])
def test_an_english_sentence_naming_those_it_worked_with(body, names):
    assert clients(page(body, "about")) == names


@pytest.mark.parametrize("name, sector, notable", [
    ("杭州市公安局", "government", True),
    ("中国工商银行杭州分行", "bank", True),
    ("杭州市第一人民医院", "hospital", True),
    ("浙江大学", "school", True),
    ("万科城市花园小区", "real_estate", True),
    ("杭州某某电子有限公司", "enterprise", False),
    ("City Hospital", "hospital", True),
    ("Royal Oak Police Station", "government", True),
    ("Trimurti Housing Society", "real_estate", False),
    ("Barista Coffee", "enterprise", False),
    ("Marrakesh", "other", False),
    ("Leeds City Council", "government", True),
    ("Kent County Council", "government", True),
    ("NHS Leeds Teaching Hospitals", "hospital", True),
    ("Ministry of Defence", "government", True),
    ("West Yorkshire Police", "government", True),
    ("University of Leeds", "school", True),
    ("Yorkshire Bank", "bank", True),
    ("Joe's Cafe", "enterprise", False),
    ("Leeds Parish Church", "other", False),
    ("深圳市公安局", "government", True),
    ("腾讯", "enterprise", True),
    ("南方电网", "enterprise", True),
    ("杭州万科城市花园", "real_estate", True),
])
def test_sector_and_notable(name, sector, notable):
    assert sector_of(name) == sector
    assert is_notable(name) is notable


@pytest.mark.parametrize("text", ["Client 1", "Mr. Anwar Shaikh", "Read more", "更多", "彩色印刷",
                                  "This project was completed on time.", "Gallery"])
def test_clean_name_rejects(text):
    assert clean_name(text, "en") is None


def test_name_key():
    assert name_key("Agent Jacks (Bar and Restaurant)") == name_key("agent jacks")


@pytest.mark.parametrize("text, name", [
    ("·桂城金桂花园小区门禁系统改造工程2019-03-12", "桂城金桂花园小区"),
    ("布吉某住宅小区单元门禁改造（36个单元，2024年）", "布吉某住宅小区"),
    ("台北市政府某局處辦公大樓門禁管制工程", "台北市政府某局處"),
    ("Campus-wide access upgrade – Pennine Valley University", "Pennine Valley University"),
    ("IPAS Development Foundation – Pune Office", "IPAS Development Foundation – Pune Office"),
    # a firm's head noun after its proper name is no activity (APFC Panel Installation is one)
    ("Cleargate Seemless Solutions logo", "Cleargate Seemless Solutions"),
    ("Prime Engineering", "Prime Engineering"),
    # what the company did there, after a dash
    ("Summit Bank — secured by ISE", "Summit Bank"),
    # a name that only looks like a pronoun
    ("Our Lady of Lourdes Hospital", "Our Lady of Lourdes Hospital"),
    ("US Bank", "US Bank"),
])
def test_clean_name_from_project_titles(text, name):
    assert clean_name(text) == name


@pytest.mark.parametrize(
    "text",
    ["智慧医院", "商业写字楼", "周边地区的政府", "成都某公司诚邀您莅临2026安防博览会", "APFC Panel Installation",
     # a kind of client in title case
     "Banking Sector", "Healthcare Facilities", "Residential Complexes",
     # the site speaking to its reader
     "Email Us", "Join Our Team", "Your Security Partner"],
)
def test_generic_categories_are_not_clients(text):
    assert clean_name(text) is None


def test_case_table_first_column():
    rows = "".join(
        f"<tr><td>{n}</td><td>门禁系统</td><td>2019-03-12</td></tr>"
        for n in ["桂城金桂花园小区门禁系统改造工程", "南海区某小学校园监控安装工程", "狮山镇某五金厂指纹考勤门禁工程"]
    )
    body = f"<table><tr><td>工程名称</td><td>工程类型</td><td>日期</td></tr>{rows}</table>"
    assert clients(page(body, "cases")) == ["桂城金桂花园小区", "南海区某小学", "狮山镇某五金厂"]


def test_a_chinese_table_of_project_names_gives_each_columns_titles():
    """A grid of projects done, a column each district: the titles as printed where one in four
    names an organisation (医院, 公安厅, 中心); a column of product specs is no list of them."""
    rows = [("山西大医院", "山西省公安厅", "2400×1800×1800 粉末冶金烧结炉"),
            ("恒大绿洲", "凯宾斯基酒店", "2100×950×750 台车焙烧炉"),
            ("丽景苑", "山西省体育中心", "2000×800×1000 连续式喷漆烘干炉"),
            ("紫荆假日", "汾河西岸", "1800×1200×800 全纤维台车式电阻炉")]
    body = "<table>" + "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows) + "</table>"
    assert sorted(clients(page(body, "cases"))) == sorted(
        ["山西大医院", "恒大绿洲", "丽景苑", "紫荆假日", "山西省公安厅", "凯宾斯基酒店", "山西省体育中心", "汾河西岸"])


@pytest.mark.parametrize("header, cells, names", [
    # a column headed as project or client names: every cell a name, suffix or not
    ("<thead><tr><th>工程名称</th><th>层数</th><th>建筑面积(m2)</th></tr></thead>",
     [("上海枫景家园-地下车库", "地下1层", "0.23万"), ("北京首都机场停机楼", "2层", "40万平米"),
      ("珠江帝景", "35层", "5.46万"), ("华标涛景湾E栋", "35层", "2.7万")],
     ["上海枫景家园-地下车库", "北京首都机场停机楼", "珠江帝景", "华标涛景湾E栋"]),
    ("<tr><td>Project</td><td>Year</td></tr>",
     [("Riverside Wharf Phase 2", "2021"), ("Elm Grove Care Home", "2022"), ("Harbour Point", "2023")],
     ["Riverside Wharf Phase 2", "Elm Grove Care Home", "Harbour Point"]),
    # other columns of the same table are not names; nor a column headed otherwise
    ("<tr><th>工程类型</th><th>层数</th></tr>", [("地下车库", "地下1层"), ("停机楼", "2层"), ("住宅", "35层")], []),
])
def test_a_column_headed_as_names_gives_every_cell(header, cells, names):
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in cells)
    assert clients(page(f"<table>{header}<tbody>{rows}</tbody></table>", "cases")) == names


def test_separated_client_line():
    body = "<p>成都市武侯区政务服务中心 · 四川某大学望江校区 · 成都市第五人民医院 · 天府软件园某企业总部</p>"
    assert clients(page(body, "home")) == ["成都市武侯区政务服务中心", "四川某大学望江校区", "成都市第五人民医院",
                                           "天府软件园某企业总部"]


def test_english_bullet_lists_need_organisation_words():
    items = "".join(f"<li>{t}</li>" for t in ["Excellent Customer Support", "Modern Engineering Practices",
                                                "Reliable Power Systems"])
    assert clients(page(f"<ul>{items}</ul>", "cases")) == []
    items = "".join(f"<li>{t}</li>" for t in ["Pennine Valley University", "Irwell Vale Borough Council",
                                                "Holt & Barrow Solicitors"])
    assert clients(page(f"<ul>{items}</ul>", "cases")) == ["Pennine Valley University",
                                                            "Irwell Vale Borough Council",
                                                            "Holt & Barrow Solicitors"]


def test_well_known_logo_alts_without_a_suffix():
    body = "".join(f'<img src="l{i}.png" alt="{n}">' for i, n in enumerate(["腾讯", "华为", "深圳市公安局"]))
    assert clients(page(body, "cases")) == ["腾讯", "华为", "深圳市公安局"]


def test_well_known_names_in_a_prose_list():
    body = "<p>主要客户有：南方电网、腾讯、深圳市公安局等。</p>"
    assert clients(page(body, "about")) == ["南方电网", "腾讯", "深圳市公安局"]


def test_unknown_short_names_still_need_a_suffix():
    body = "<p>主要客户有：某某、张三、深圳市公安局等。</p>"
    assert clients(page(body, "about")) == ["深圳市公安局"]


@pytest.mark.parametrize("markup", [
    "<ul>{}</ul>".format("".join(f"<li>{n}</li>" for n in
                                 ["NHS Leeds Teaching Hospitals", "Joe's Cafe", "Leeds City Council"])),
    "".join(f'<img src="l{i}.png" alt="{n}">' for i, n in
            enumerate(["NHS Leeds Teaching Hospitals", "Joe's Cafe", "Leeds City Council"])),
], ids=["list", "logos"])
def test_english_public_bodies_and_small_businesses(markup):
    found = site(page(markup, "cases", url="http://www.example.co.uk/clients")).fields["reference_clients"]
    assert [(c["name"], c["sector"], c["notable"]) for c in found.value] == [
        ("NHS Leeds Teaching Hospitals", "hospital", True), ("Joe's Cafe", "enterprise", False),
        ("Leeds City Council", "government", True)]


def _wall(css, names):
    return f'<div class="{css}">' + "".join(f'<img src="c/{i}.png" alt="{n}">' for i, n in enumerate(names)) + "</div>"


def _clients(body, role="home"):
    return sorted(clients(page(body, role)))


def test_a_logo_wall_headed_over_a_line_break_is_read_by_its_words():
    # "Leaders<br>Who Trust": the heading's words stay apart ("LeadersWho" hid "who trust")
    body = ("<div><span>Featured Clients</span><h2>Industry Leaders<br>Who Trust Northgate</h2></div>"
            + _wall("cli-grid", ["Harbourside Bakery", "Millbrook Dental", "Castlegate Motors"]))
    assert _clients(body, "other") == ["Castlegate Motors", "Harbourside Bakery", "Millbrook Dental"]


def test_a_logo_wall_the_markup_names_for_clients_counts_on_any_page():
    body = _wall("clients-track clients-carousel", ["Queens Quarter Housing", "KME Steelworks", "Ramada Belfast"])
    assert _clients(body, "home") == ["KME Steelworks", "Queens Quarter Housing", "Ramada Belfast"]


@pytest.mark.parametrize("css", ["trust-badges-container", "reviews-strip", "gallery"])
def test_badges_reviews_and_plain_galleries_are_not_client_walls(css):
    body = _wall(css, ["ALOA Security Professionals Association", "Google Reviews", "SAFE Technicians"])
    assert _clients(body) == []


def test_a_logo_wall_headed_our_clients_counts_when_its_markup_names_no_brands():
    body = "<h2>Our Clients</h2>" + _wall("testimonial-slider owl-carousel", ["Asada Pvt Ltd", "Harmony School",
                                                                          "TCI Express"])
    assert _clients(body, "home") == ["Asada Pvt Ltd", "Harmony School", "TCI Express"]


@pytest.mark.parametrize("heading, css", [
    ("What Our Clients Say", "testimonial-slider"),  # their photos, not logos
    ("Our Clients", "brands-track"),  # the markup says brands
    ("Our Services", "testimonial-slider"),
])
def test_walls_the_heading_does_not_name_for_clients(heading, css):
    body = f"<h2>{heading}</h2>" + _wall(css, ["Priya Sharma", "Rahul Verma", "Anita Desai"])
    assert _clients(body, "home") == []


def test_wall_items_styled_apart_by_a_second_class_are_one_list():
    names = ["Hawai Ventures", "Torobo Limited", "Transworld Wholesalers Limited"]
    cards = "".join(f'<div class="client-logo-card logo-{n.split()[0].lower()}"><img src="c/{i}.png" alt="{n} logo">'
                    f"</div>" for i, n in enumerate(names))
    assert _clients(f'<div class="client-logo-grid">{cards}</div>', "home") == sorted(names)


def test_a_client_wall_of_makers_is_the_lines_the_company_carries():
    body = "<h2>Our Trusted Brands</h2>" + _wall("clients-grid", ["Samsung", "Hikvision", "Dahua", "Cisco", "Bosch"])
    assert _clients(body, "home") == []


def test_the_sites_own_name_a_caption_adds_to_a_client_is_dropped():
    alts = [f"{n} — GDC Fire &amp; Security" for n in ("Allen Fleming Chartered", "Applegreen", "Ramada Hotel")]
    pages = [page(_wall("clients-grid", alts), "cases", title="Projects | GDC Fire &amp; Security NI"),
             page("<p>Fire and security in Belfast.</p>", "about", title="About Us | GDC Fire &amp; Security NI")]
    assert sorted(clients(*pages)) == ["Allen Fleming Chartered", "Applegreen", "Ramada Hotel"]


PROJECT_CARDS = ("Harbour View Apartments", "Millbrook Primary School", "Castlegate Dental Practice")


@pytest.mark.parametrize("caption", [" — Northgate Fire &amp; Security", " — Northgate Fire &amp; Security project"])
def test_project_cards_a_script_opens_give_their_titles(caption):
    # <a> cards without an href (a script opens them) point nowhere, not home: their titles and
    # photo captions are read, the site's own name (and the word "project" after it) left out
    cards = "".join(f"<a class='pcard is-locked' data-href='/project-{i}'><div><img src='p{i}.jpg' alt='{n}{caption}'>"
                    f"</div><div class='pcard__bar'><h3>{n}</h3></div></a>" for i, n in enumerate(PROJECT_CARDS))
    pages = [page(f"<div class='pgrid'>{cards}</div>", "cases", title="Projects | Northgate Fire &amp; Security NI"),
             page("<p>Fire and security in Belfast.</p>", "about", title="About | Northgate Fire &amp; Security NI")]
    assert sorted(clients(*pages)) == sorted(PROJECT_CARDS)


@pytest.mark.parametrize("label, client", [("Client:", "Harbourside Properties Ltd"), ("业主单位：", "南京鼓楼医院")])
def test_a_project_sheets_client_row_names_the_client(label, client):
    rows = [(label, client), ("Project Location:", "Rangoon Lane, Accra"), ("Service Provided:", "CCTV")]
    sheet = "<table>" + "".join(f"<tr><td>{key}</td><td>{value}</td></tr>" for key, value in rows) + "</table>"
    assert clients(page(f"<h2>Our Portfolio</h2>{sheet}", "cases")) == [client]


def test_links_to_the_sites_feed_and_sitemap_are_no_entries():
    footer = ('<p><span><a href="/sitemap.html" title="网站地图">网站地图</a> <a href="/rss.xml" title="RSS">RSS</a> '
              '<a href="/sitemap.xml" title="XML">XML</a></span></p>')
    assert clients(page(footer, "cases")) == []


COMPANIES = ["青岛XXX进出口有限公司", "正大食品企业（秦皇岛）有限公司", "江苏XXX家纺有限公司"]


def test_an_element_whose_class_holds_the_company_is_an_item():
    cards = "".join(f"<div class='case-card'><div class='case-date'>2026-06-0{i}</div>"
                    f"<div class='case-company'>{n}</div><div class='case-service'>验厂咨询</div></div>"
                    for i, n in enumerate(COMPANIES))
    assert clients(page(cards, "cases")) == COMPANIES


def test_entry_headings_give_project_titles_as_printed():
    # one title in four names an organisation: projects, not a range of services
    titles = ["国网绍兴电力自动化检定流水线", "辽宁电力单相电能表自动化检定系统",
              "浙江电力嘉兴基地自动化检定流水线系统整体建设", "杭州市第一人民医院门禁系统工程"]
    body = "".join(f"<div class='item'><h4><a href='/{city}/{i}.html'>{t}</a></h4><p>规模：120个表位</p></div>"
                   for i, (city, t) in enumerate(zip(["shaoxing", "liaoning", "jiaxing", "hangzhou"], titles)))
    assert clients(page(body, "cases")) == [*titles[:3], "杭州市第一人民医院"]


def test_a_title_the_cases_page_cuts_is_read_whole_where_another_page_prints_it():
    titles = ["五星小学防刻划环氧自流平案例", "四川兴德红油厂区环氧自流平案例", "遂宁东湖丽景耐磨地坪工程案例"]
    cases = _entries([t[:11] for t in titles])
    home = page("".join(f"<div class='title'><a href='/gcal/zxal/{80 + i}.html'>{t}</a></div>"
                        for i, t in enumerate(titles)), "home")
    assert clients(cases, home) == titles


def test_the_word_logo_after_a_client_name_is_dropped():
    body = _wall("client-logos", ["Bureau de Change Trade logo", "Hawai Ventures Logo", "Cleargate Freight logo"])
    assert _clients(body) == ["Bureau de Change Trade", "Cleargate Freight", "Hawai Ventures"]


def _entries(titles, *, more="", title_attr=False):
    """A cases page listing entries as image and title links to numbered detail pages."""
    cards = "".join(
        f"<li><a href='/shili/anli/{80 + i}.html'><img src='/i/{i}.jpg' alt='{t}'></a>"
        f"<p><a href='/shili/anli/{80 + i}.html'{f' title={chr(39)}{t}{chr(39)}' if title_attr else ''}>"
        f"{t[:10] if title_attr else t}</a>{more and f'<a href={chr(39)}/shili/anli/{80 + i}.html{chr(39)}>{more}</a>'}"
        f"</p></li>" for i, t in enumerate(titles))
    return page(f"<ul class='list'>{cards}</ul>", "cases", url="http://www.example.cn/shili/anli/index.html")


PROJECTS = ["清水河幼儿园室内空气治理", "万科五龙山别墅", "景福城", "奥迪车内空气治理"]


def test_the_entries_of_a_case_list_are_its_titles_as_printed():
    assert clients(_entries(PROJECTS)) == ["清水河幼儿园室内空气治理", "万科五龙山别墅", "景福城", "奥迪车内空气治理"]


def test_a_case_card_linked_whole_gives_its_caption_not_its_description():
    cards = [("药店", "罗湖区人民药房监控安装", "东门附近的大药房新近开张，本公司为门店安装了监控系统，摄像头7个。"),
             ("仓库", "西丽物流仓库监控", "位于深圳市西丽的物流仓库，共有40个红外摄像头。"),
             ("超市", "南山万佳超市监控安装", "安装了一套远程监控，可远程查看门店的经营情况。")]
    body = "".join(f"<div class='zuopin-list'><figure><a href='jiankong/{140 + i}.html'><figure>"
                   f"<img src='{i}.jpg' alt='{alt}'></figure><figcaption>{title}<div><p>{text}</p></div>"
                   f"</figcaption></a></figure></div>" for i, (alt, title, text) in enumerate(cards))
    assert clients(page(body, "cases", url="http://www.example.cn/anli/index.html")) == \
        ["罗湖区人民药房监控安装", "西丽物流仓库监控", "南山万佳超市监控安装"]


def test_a_label_on_every_entry_is_the_lists_furniture():
    assert "查看详情" not in clients(_entries(PROJECTS, more="查看详情"))


def test_a_title_cut_short_is_read_whole_from_its_link():
    long = ["四川外国语学校悬浮地板篮球球场工程案例", "南充市物流园混泥土激光超平系统案例",
            "五星小学防刻划环氧自流平案例"]
    assert clients(_entries(long, title_attr=True)) == long


def test_entries_the_products_page_lists_too_are_products():
    products = page("<ul><li>不锈钢水表箱</li><li>复合材料水表箱</li><li>镀锌板立式水表箱</li></ul>", "products")
    assert clients(_entries(["不锈钢水表箱", "复合材料水表箱", "镀锌板立式水表箱"]), products) == []


def test_entries_that_name_no_organisation_are_a_range_of_services():
    assert clients(_entries(["彩色印刷", "精美名片制作", "绚丽宣传单制作"])) == []


def test_a_more_link_in_the_entry_pattern_is_not_a_title():
    assert clients(_entries([*PROJECTS, "更多案例"])) == PROJECTS


def test_a_list_of_projects_in_prose():
    body = "<p>以南京精装房为主，施工案例有：中海玄武公馆、恒大悦澜湾、悦见山、佳兆业城市广场等。</p>"
    assert clients(page(body, "about")) == ["中海玄武公馆", "恒大悦澜湾", "悦见山", "佳兆业城市广场"]


def test_an_organisation_named_inside_a_title_makes_the_list_a_client_list():
    titles = ["清水河幼儿园室内空气治理", "奥迪车内空气治理", "双流机场航站楼消杀作业", "电影院座椅除醛"]
    assert clients(_entries(titles)) == titles


def _logo_cards(names, extra=""):
    """A Chinese cases page of partner cards: each a logo whose alt is the name, and the name as a heading."""
    cards = "".join(f"<dl><dt><img src='/images/p{i}.jpg' alt='{n}'></dt><dd><h4>{n}</h4></dd></dl>"
                    for i, n in enumerate(names))
    return f"<div class='hezuo'>{cards}{extra}</div>"


PARTNERS = ["海底捞火锅", "盒马鲜生", "费列罗集团", "沃尔玛公司", "冰雪皇后"]


def test_a_chinese_logo_wall_on_the_cases_page_gives_its_names_without_a_suffix_each():
    assert clients(page(_logo_cards(PARTNERS), "cases")) == PARTNERS


def test_a_qr_code_among_the_logos_is_page_furniture():
    extra = "<dl><dt><img src='/images/ewm.jpg' alt='二维码'></dt></dl>"
    assert clients(page(_logo_cards(PARTNERS, extra), "cases")) == PARTNERS


def test_a_page_wrapped_in_one_form_still_has_its_lists():
    """ASP.NET WebForms pages put the whole body inside <form id="form1">."""
    assert clients(page(f"<form id='form1' method='post'>{_logo_cards(PARTNERS)}</form>", "cases")) == PARTNERS
    wall = _wall("client-logos", ["Queens Quarter Housing", "KME Steelworks", "Ramada Belfast"])
    assert _clients(f"<form id='form1'>{wall}</form>") == ["KME Steelworks", "Queens Quarter Housing", "Ramada Belfast"]


def test_a_list_inside_a_form_of_the_page_is_not_read():
    wall = _wall("client-logos", ["Queens Quarter Housing", "KME Steelworks", "Ramada Belfast"])
    assert _clients(f"<div class='search'><form action='/s'>{wall}</form></div>") == []


def test_descriptions_between_entry_titles_do_not_make_them_organisations():
    """Solution entries with a sentence under each: the hospitals the sentences name are no titles."""
    solutions = [
        ("医用耗材管理", "不仅管理到医院的库房，还能管理到二级使用科室的库存、消耗量，实现实时监控。"),
        ("远程会诊", "充分发挥大医院的医疗技术和医疗设备优势，与边远地区医疗机构连接。"),
        ("双向转诊", "建设基层首诊、分级诊疗的模式，最终实现小病在社区，大病进医院。"),
        ("区域影像", "提升乡镇卫生院、社区卫生服务中心医疗服务能力。")]
    entries = "".join(f"<li><a href='/solution{i}.html'>{t}</a><a href='/solution{i}.html'>{d}</a></li>"
                      for i, (t, d) in enumerate(solutions))
    assert clients(page(f"<ul>{entries}</ul>", "cases")) == []


SECTOR_PROSE = ("<p>We secure every boutique hotel, chain hotel and luxury resort, and the banking and "
                "financial sector: branch cameras, priority support and service reports.</p>")


def test_title_case_sectors_the_site_prints_in_lower_case_are_not_clients():
    cards = "".join(f"<div class='card'><h2>{t}</h2><p>Details.</p></div>"
                    for t in ["Boutique Hotel", "Chain Hotel", "Luxury Resort", "Banking & Financial",
                              "Priority Support"])
    assert clients(page(SECTOR_PROSE + cards, "cases")) == []


def test_names_with_a_word_never_printed_in_lower_case_stay_clients():
    cards = "".join(f"<div class='card'><h3>{t}</h3><p>Details.</p></div>"
                    for t in ["Getz Pharma", "Embassy of Germany", "Hilton Boutique Hotel", "IOBM Campus"])
    assert clients(page(SECTOR_PROSE + cards, "cases")) == ["Getz Pharma", "Embassy of Germany",
                                                            "Hilton Boutique Hotel", "IOBM Campus"]


def test_the_same_title_case_words_are_clients_where_the_site_never_uses_them_as_common_nouns():
    cards = "".join(f"<div class='card'><h2>{t}</h2><p>Details.</p></div>"
                    for t in ["Grand Resort", "Luxury Heights", "Crystal Bay"])
    assert clients(page("<p>Our recent installations.</p>" + cards, "cases")) == [
        "Grand Resort", "Luxury Heights", "Crystal Bay"]


def test_numbered_photos_of_each_entry_are_no_names():
    photos = "".join(f"<div class='slide'><img class='slide-img' src='p{i}{n}.jpg' alt='{name} {n}'></div>"
                     for i, name in enumerate(["Din Tai Fung Clark", "Golden Sky Warehouse CCTV"])
                     for n in (1, 2, 3))
    titles = "".join(f"<div class='work'><h3 class='work-title'>{t}</h3><p>CCTV and access control.</p></div>"
                     for t in ["Din Tai Fung Clark Ltd", "Golden Sky Warehouse Inc"])
    found = clients(page(photos + titles, "cases"))
    assert found == ["Din Tai Fung Clark Ltd", "Golden Sky Warehouse Inc"]


@pytest.mark.parametrize("body, names, url", [
    ('<section class="brands-section" aria-label="Trusted by Brands">'
     + _wall("brands-list", ["Airtel", "Tata Motors", "UCO Bank"]) + "</section>",
     ["Airtel", "Tata Motors", "UCO Bank"], "http://www.example.in/"),
    ("<div><h2>深受众多企业信赖</h2>" + _wall("partner-logos", ["中国银行", "万科集团", "华为技术有限公司"]) + "</div>",
     ["万科集团", "中国银行", "华为技术有限公司"], "http://www.example.cn/"),
    # "who trust" said of the company; each logo on a card with its sector's name under it
    ('<section><span class="eyb">Featured</span><h2 class="dmd">Industry Leaders Who Trust JREMD</h2>'
     '<div class="cli-grid">' + "".join(
         f'<div class="cli-card"><div class="cli-logo-wrap"><img src="images/{n.lower()}.png" alt="{n}"></div>'
         f'<div class="cli-type">{sector}</div></div>'
         for n, sector in [("Goldilocks", "Food & Beverage"), ("Vision Express", "Retail"), ("Mamou", "Dining")])
     + "</div></section>", ["Goldilocks", "Mamou", "Vision Express"], "http://www.example.ph/"),
])
def test_a_wall_captioned_trusted_by_in_words_is_clients_whatever_its_class_words(body, names, url):
    result = site(page(body, "home", url=url))
    assert sorted(c["name"] for c in result.fields["reference_clients"].value) == names
    assert "brands" not in result.fields
