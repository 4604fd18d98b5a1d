"""Office address, office type and branches."""
import pytest
from extractor_helpers import field, page, site, value


@pytest.mark.parametrize("body, address", [
    ("<p>地址：天津北辰区刘安庄工业园兴安路6号</p><p>邮编：300000</p>", "天津北辰区刘安庄工业园兴安路6号"),
    ("<p>公司地址：杭州市西湖区文三路90号东部软件园1号楼 电话：0571-85369138</p>",
     "杭州市西湖区文三路90号东部软件园1号楼"),
    ("<p>本店位于南关三老中医院对过，欢迎光临。</p>", "南关三老中医院对过"),
    ("<p>Address: 2877 Hilton Rd, Ferndale, MI 48220</p>", "2877 Hilton Rd, Ferndale, MI 48220"),
    ("<h3>Our Address</h3><p>Makka Homes Bhagyoday Nagar,\n Kondhwa khurd Pune 411048.</p>",
     "Makka Homes Bhagyoday Nagar, Kondhwa khurd Pune 411048."),
    ("<p>📍 2877 Hilton Rd, Ferndale, MI 48220</p>", "2877 Hilton Rd, Ferndale, MI 48220"),
    ("<p>地址：深圳市福田区深南中路6011号恒福大厦18楼1806室 总机：0755-83456701 传真：0755-83456709</p>",
     "深圳市福田区深南中路6011号恒福大厦18楼1806室"),
    ("<p>Address: 14 King Street, Leeds LS1 2HL | Tel: 0113 496 0000</p>", "14 King Street, Leeds LS1 2HL"),
    # an address broken after its road: the next line opens with the house number
    ("<div>河北省石家庄市桥西区新石北路<br />399号振新工业园E座B区304</div>",
     "河北省石家庄市桥西区新石北路399号振新工业园E座B区304"),
    # an unlabelled address line ending with its building's name
    ("<p>上海凯萨琳娜设计咨询有限公司</p><p>上海市闸北恒丰路299号隆宇国际商务大厦</p>",
     "上海市闸北恒丰路299号隆宇国际商务大厦"),
    # an unlabelled line (an icon for its label) with a space before 号, a side and a second floor
    ("<p>深圳市拓维模型技术有限公司</p><p>深圳市宝安区福永街道凤凰社区兴业二路201 号第二层北、第三层</p>",
     "深圳市宝安区福永街道凤凰社区兴业二路201 号第二层北、第三层"),
])
def test_office_address(body, address):
    assert value(body, "office_address", "contact") == address


def test_contact_page_address_beats_footer():
    result = site(page("<p>门店地址：江苏省徐州市丰县林果路6-7号</p>", "contact"),
                  page("<footer><p>地址：江苏省徐州市丰县林果路6-3号</p></footer>", "home"))
    assert result.fields["office_address"].value == "江苏省徐州市丰县林果路6-7号"
    assert "conflict" in result.fields["office_address"].flags


def test_project_addresses_on_case_pages_are_not_the_office():
    cases = "".join(f"<h5>Project {i}</h5><p>Address: {i} Park Road, Pune 4110{i:02d}</p>"
                    for i in range(6))
    result = site(page(cases, "cases"), page("<p>Hello</p>", "home"))
    assert "office_address" not in result.fields


@pytest.mark.parametrize("body", [
    # what a page prints where the address was left out: the form's next field, a phone, the menu,
    # the ICP line, a masked value, a list of locations, a sentence
    "<p>Address: Message:</p>",
    "<h4>Our Address</h4><p>Call Us, +91 7337836586</p>",
    "<p>公司地址</p><p>关于我们, 服务支持, 联系我们</p>",
    "<p>地址：******** 备案号：晋ICP备*****号</p>",
    "<h4>Our Locations</h4><p>Bangalore | Mangalore | Kasaragod</p>",
    "<p>Back office: intercom at the front entry so staff can screen visitors.</p>",
])
def test_no_address_where_the_page_prints_none(body):
    assert value(body, "office_address", "contact") is None


def test_the_pages_own_plant_gives_the_office_type_without_an_address():
    result = site(page("<p>地址：********</p>", "contact"), page("<p>公司厂区占地面积30000平方米。</p>", "about"))
    assert "office_address" not in result.fields
    assert (result.fields["office_type"].value, result.fields["office_type"].confidence) == ("factory", "low")


def test_a_postal_address_is_not_the_office():
    body = "<p>Postal Address: P.O. Box 58324-00200, Nairobi</p><p>Office Address: The Crescent, Westlands, Nairobi</p>"
    assert value(body, "office_address", "contact") == "The Crescent, Westlands, Nairobi"
    postal = field("<p>Postal Address: P.O. Box 58324-00200, Nairobi</p>", "office_address", "contact")
    assert postal.confidence == "low"


def test_email_is_not_an_address():
    assert value("<h3>Our Address</h3><p>info@example.com</p>", "office_address", "contact") is None


@pytest.mark.parametrize("address, kind", [
    ("杭州市西湖区文三路90号华星时代广场A座1501室", "office_tower"),
    ("深圳市南山区科技园高新南一道中科大厦12楼", "industrial_park"),
    ("上海市徐汇区漕溪北路88号圣爱大厦2008室", "office_tower"),
    ("成都市龙泉驿区蜀王大道北段中海御湖世家东区28栋304号", "residential"),
    ("北京市朝阳区望京花园小区5号楼2单元301室", "residential"),
    ("苏州吴中经济开发区澄湖东路8号4幢", "industrial_park"),
    ("宝兴县灵关工业集中区柏椿树汉白玉产业园", "industrial_park"),
    ("东莞市长安镇上沙村第三工业区厂房A栋", "industrial_park"),
    ("佛山市南海区狮山镇某某路工厂厂房", "factory"),
    ("合肥市庐阳区某某商城一楼门面12号", "shop_street"),
    ("深圳市宝安区西乡街道碧海花园商铺12号", "shop_street"),  # the unit's designation, not the compound
    ("湖北省武汉市江岸区汉黄路888号岱家山科技创业城9号楼9楼", "industrial_park"),  # a park by another name
    ("成都市高新区天府软件园C区6栋", "industrial_park"),
    ("太原市府西街169号华宇国际精品商厦A座", "office_tower"),  # a commercial building's tower block
    ("上海市闵行区虹梅南路4999弄A1栋园区", "industrial_park"),  # 园区 on its own: a park
])
def test_office_type_from_chinese_address(address, kind):
    assert value(f"<p>地址：{address}</p>", "office_type", "contact") == kind


@pytest.mark.parametrize("address, kind", [
    ("Suite 400, 100 Main Street, Boston, MA 02110", "office_tower"),
    ("12th Floor, Trade Centre Tower, Nairobi", "office_tower"),
    ("Building 7917, Oraifi Industrial Dist, Al Jubail", "industrial_park"),
    ("Plot No. 7313/2, Road No. 73-C, G.I.D.C., Sachin Dist. Surat 394230", "industrial_park"),  # a state estate
    ("Unnao Market, Uttar Pradesh - 209801", "shop_street"),
    ("22 Lajpat Rai Bazaar, Delhi 110006", "shop_street"),
    ("Flat 3, Sunrise Apartments, MG Road, Pune", "residential"),
    ("Flat 3, 12 Rose Gardens, London", "residential"),
    ("12 Oak Close, Reading", "residential"),
    ("Apartment 12, 40 Elm Street, Boston, MA 02116", "residential"),
    ("Apt 5B, 200 Park Avenue, New York, NY 10166", "residential"),
    ("Suite 4, 2nd Floor, Tower House, Leeds LS1 2AB", "office_tower"),
    ("3rd Floor, 1 Canal Street, Manchester M1 3HE", "office_tower"),
    ("Kew Gardens Business Centre, Richmond TW9 3AB", "office_tower"),
    ("Unit 2, Riverside Plaza, Leeds LS1 4AP", "office_tower"),
    # a numbered unit with no office cue: a unit of a business or industrial estate (low confidence)
    ("Unit H8, Halesfield 19, Telford, Shropshire, TF7 4QT", "industrial_park"),
    ("Unit 3, Aire Court, Leeds LS10 1AB", "industrial_park"),
    # the unit's own designation names the premises, whatever the building is called
    ("Shri Krishna Villa, Shop No.2, Plot No.B-595, Sec-3, Kharghar, Navi Mumbai 410210", "shop_street"),
    ("Suite 12, Rose Villa, 3 High Street, Bath BA1 1AA", "office_tower"),
    ("1st Floor, Shed No. 7, Shyam Estate, Khatraj Road, Kalol, Gandhinagar", "industrial_park"),
    # a commerce park, Punjab's industrial focal points, an industrial layout; an office building's chambers
    ("22 Commerce Park, Frome BA11 2RY", "industrial_park"),
    ("A-23, Phase 2, Industrial Focal Point, Mohali 160055", "industrial_park"),
    ("No. 45, Peenya Industrial Layout, Bangalore 560058", "industrial_park"),
    ("B-12, Kakkanad Industrial Complex, Kochi 682030", "industrial_park"),
    ("201, Shivam Chambers, S.V. Road, Goregaon West, Mumbai 400062", "office_tower"),
    # unsure: unknown
    ("14 Apartment Road, York YO1 7HH", "unknown"),
    ("3 Gardens Road, Leeds LS2 9JT", "unknown"),
])
def test_office_type_from_english_address(address, kind):
    assert value(f"<p>Address: {address}</p>", "office_type", "contact") == kind


def test_shop_label_means_shop_street():
    assert value("<p>门店地址：江苏省徐州市丰县林果路6-7号</p>", "office_type", "contact") == \
        "shop_street"


def test_storefront_site_means_shop_street():
    body = "<h2>Visit Our Storefront</h2><p>Address: 2877 Hilton Rd, Ferndale, MI 48220</p>"
    assert value(body, "office_type", "contact") == "shop_street"


def test_a_list_of_offices_gives_its_first_as_the_office_at_low_confidence():
    offices = [("北京", "北京市朝阳区来广营西路望京诚盈中心A座6层"), ("上海", "上海市浦东新区张江路88号"),
               ("广州", "广州市天河区天河路208号"), ("西安", "西安市高新区锦业路1号")]
    body = "".join(f"<p>{city}赞同</p><p>电话：010-64731133</p><p>地址：{where}</p>" for city, where in offices)
    found = site(page(body, "about")).fields["office_address"]
    assert (found.value, found.confidence) == (offices[0][1], "low")


def test_addresses_on_the_cases_page_are_projects_not_the_office():
    body = "<p>项目地址：杭州市西湖区文三路90号</p><p>地址：杭州市滨江区江南大道100号</p>"
    assert "office_address" not in site(page(body, "cases")).fields


def test_village_address_of_a_workshop_site_is_a_factory():
    result = site(page("<p>地址：杭州萧山区义桥镇联三村</p>", "contact"),
                  page("<p>公司拥有十万级净化车间1000平方米。</p>", "about"))
    assert result.fields["office_type"].value == "factory"


def test_village_address_of_a_site_without_workshops_is_residential():
    result = site(page("<p>地址：河北省保定市容城县高小王村</p>", "contact"),
                  page("<p>公司专业生产各类拉链。</p>", "about"))
    assert result.fields["office_type"].value == "residential"


@pytest.mark.parametrize("address, about, kind", [
    ("河南省新密市青屏大街88号", "<p>公司厂区占地面积30000平方米，拥有现代化生产车间。</p>", "factory"),
    ("Plot 14, Ring Road, Rajkot 360002", "<p>Our factory in Rajkot runs two shifts.</p>", "factory"),
    # a factory as a product's market says nothing of the premises
    ("Plot 14, Ring Road, Rajkot 360002", "<p>We automate every kind of factory floor.</p>", "unknown"),
    # the address's own cue wins over the plant the pages describe
    ("深圳市南山区科技园南区8栋3楼", "<p>公司拥有厂房5000平方米。</p>", "industrial_park"),
    # a label spaced out to line up with longer ones ("厂　房：")
    ("河南省新密市青屏大街88号", "<p>员工人数：120人</p><p>厂\u3000\u3000房：5000平方米</p>", "factory"),
])
def test_an_address_without_premises_words_takes_the_plant_the_site_describes(address, about, kind):
    result = site(page(f"<p>地址：{address}</p>", "contact"), page(about, "about"))
    assert result.fields["office_type"].value == kind


def test_address_without_cue_is_unknown_low():
    found = site(page("<p>Address: 925 Isaac Phillips Way, Newmarket, ON</p>", "contact"))
    assert found.fields["office_type"].value == "unknown"
    assert found.fields["office_type"].confidence == "low"


def test_branches_chinese():
    body = "<p>2016.08 天津分公司成立</p><p>2016.09 杭州分公司成立</p><p>全国12家分公司</p>"
    assert value(body, "branches", "about") == ["天津分公司", "杭州分公司"]


@pytest.mark.parametrize("body, found", [
    ("<p>Three showrooms in the east, plus regional offices in Riyadh and Jeddah.</p>", ["Riyadh", "Jeddah"]),
    # a "Branches" heading over place names, one a line, up to the first line that is none
    ("<p>Our services are available across the Kingdom.</p><h4>Branches</h4><p>Jeddah</p><p>Khobar</p>"
     "<p>Send a Message</p>", ["Jeddah", "Khobar"]),
    # ... a menu's items are none: the site prints their words in lower case
    ("<p>Contact us about web development and access control.</p>"
     "<ul><li>Our Branches</li><li>Web Development</li><li>Contact Us</li><li>Access Control</li></ul>", None),
    # an "Our Locations" heading, its places on one line between bars
    ("<p>Get in touch with our team.</p><h4>Our Locations</h4><p>Bangalore | Mangalore | Kasaragod</p>"
     "<h4>Call Us</h4>", ["Bangalore", "Mangalore", "Kasaragod"]),
    # places written with their region, up to the next item's label ("Phone", printed nowhere in
    # lower case)
    ("<p>Address: 12 Mill Road, York YO1 7HH</p><h4>Our Locations</h4><p>Leeds, Yorkshire</p>"
     "<p>Hull, Yorkshire</p><h4>Phone</h4><p>+44 1904 123456</p>", ["Leeds, Yorkshire", "Hull, Yorkshire"]),
])
def test_branches_listed_in_english(body, found):
    assert value(body, "branches", "contact") == found


@pytest.mark.parametrize("body, address, found", [
    # a list of locations: the first is the head office's address, the others its branches
    ("<h4>Locations</h4><p>Pickering, Ontario</p><p>Edmonton, Alberta</p><h4>Phone</h4><p>+1 (780) 884-7685</p>",
     "Pickering, Ontario", ["Edmonton, Alberta"]),
    # 青屏办事处 in the address is the subdistrict the office is in, not a branch office
    ("<p>地址:河南省新密市青屏办事处辖区</p><p>电话：0371-69821234</p>", "河南省新密市青屏办事处辖区", None),
])
def test_the_head_offices_place_is_no_branch(body, address, found):
    fields = site(page(body, "contact")).fields
    assert fields["office_address"].value == address
    assert (fields["branches"].value if "branches" in fields else None) == found


@pytest.mark.parametrize("body, found", [
    # a line opening with a branch's place and kind, the name as printed
    ("<h3>Branch Offices</h3><p>Hyderabad Branch: 12 MG Road, Hyderabad</p><p>Chennai Branch: 5 Anna Salai</p>",
     ["Hyderabad Branch", "Chennai Branch"]),
    ("<p>Leeds Regional Office</p><p>22 Queen St, Leeds LS1 2AB</p>", ["Leeds Regional Office"]),
    ("<p>New Delhi Branch – Connaught Place</p>", ["New Delhi Branch"]),
    # a showroom or a service hub of the company's own
    ("<p>Al Jubail Showroom</p><p>+966 56 683 5669</p>", ["Al Jubail Showroom"]),
    ("<p>Pontypridd Service Hub</p><p>Unit 33 Albion Industrial Estate</p>", ["Pontypridd Service Hub"]),
    ("<p>Riyadh Central Region Office: King Fahd Road</p>", ["Riyadh Central Region Office"]),
    # the head office, a form's choice, words the site prints in lower case
    ("<p>Head Office: 1 King St, Leeds</p><p>Select Branch</p>", None),
    ("<p>Visit your nearest branch.</p><p>Nearest Branch: use the finder</p>", None),
    ("<p>Call the service centre today.</p><p>Service Centre: 0113 496 0000</p>", None),
])
def test_a_line_naming_a_branch(body, found):
    assert value(body, "branches", "contact") == found


def _office_list(offices, role="about"):
    body = "".join(f"<p>{name}</p><p>电话：010-6473113{i}</p><p>地址：{where}</p>"
                   for i, (name, where) in enumerate(offices))
    return site(page(body, role)).fields


_OFFICES = [("北京赞同", "北京市朝阳区来广营西路望京诚盈中心A座6层"), ("上海赞同", "上海市浦东新区张江路88号"),
            ("广州赞同", "广州市天河区天河路208号"), ("西安赞同", "西安市高新区锦业路1号")]


def test_office_blocks_after_the_first_are_branches():
    assert _office_list(_OFFICES)["branches"].value == ["上海赞同", "广州赞同", "西安赞同"]


def test_office_blocks_keep_out_the_head_office_and_the_cases_page():
    headed = [_OFFICES[0], ("公司总部", "北京市朝阳区来广营西路1号"), *_OFFICES[1:]]
    assert _office_list(headed)["branches"].value == ["上海赞同", "广州赞同", "西安赞同"]
    assert "branches" not in _office_list(_OFFICES, "cases")
    assert "branches" not in _office_list(_OFFICES[:2])


def test_branches_english():
    body = "<p>With offices in Vicksburg, Natchez, and Vidalia, we're never far away.</p>"
    assert value(body, "branches", "about") == ["Vicksburg", "Natchez", "Vidalia"]


def test_branch_names_drop_verbs_and_company_prefix():
    body = "<p>公司在宁波设有分公司，在温州设有办事处。</p><p>宁波分公司：宁波市某路1号</p><p>温州办事处：温州市某路2号</p>"  # noqa: E501
    assert value(body, "branches", "contact") == ["宁波分公司", "温州办事处"]


def test_traditional_chinese_floor_address_is_an_office():
    assert value("<p>地址：台北市中山區南京東路二段100號8樓之3</p>", "office_type", "contact") == \
        "office_tower"


@pytest.mark.parametrize("body, address", [
    ("<h4>Head office</h4><p>Northgate Access Systems Ltd</p><p>Suite 4.02, Canal View House</p>"
     "<p>112 Whitworth Street West</p><p>Manchester M1 5WZ</p><p>Main office: 0161 496 0732</p>",
     "Suite 4.02, Canal View House, 112 Whitworth Street West, Manchester M1 5WZ"),
    # the address starting on its heading's line
    ("<p>sales@timetag.co.za</p><p>Head Office 21 Aurora Drive,</p><p>1st Floor , Liberty Life Building</p>"
     "<p>Umhlanga Ridge, 4301.</p>", "21 Aurora Drive, 1st Floor , Liberty Life Building, Umhlanga Ridge, 4301."),
    # a street line with its postcode on the line after, under no address heading
    ("<p>Caerphilly HQ</p><p>Unit A1 Ayjay House, 23 Greenway</p><p>Bedwas, Caerphilly · CF83 8DW · UK</p>"
     "<p>Main office · management</p>", "Unit A1 Ayjay House, 23 Greenway, Bedwas, Caerphilly · CF83 8DW · UK"),
])
def test_heading_then_address_lines(body, address):
    assert value(body, "office_address", "contact", url="http://example.co.uk/contact") == address


@pytest.mark.parametrize("body, address", [
    # the next contact item's label, with no colon, ends the address under its heading
    ("<h4>Address</h4><p>263 Oak Ave, Randburg, Gauteng</p><p>Directions</p><p>Contact Us</p>",
     "263 Oak Ave, Randburg, Gauteng"),
    ("<h4>Our Address</h4><p>Ehsa Street, Al Malaz, Riyadh</p><p>Phone</p><p>+966 56 444 4319</p><p>E-mail</p>",
     "Ehsa Street, Al Malaz, Riyadh"),
    # nothing but other items' labels under the heading: no address
    ("<h4>Address</h4><p>Follow us</p><p>Contact form</p><p>Name</p><p>Email</p>", None),
    ("<h4>Address</h4><p>Name: Emmanuel Ratisai</p><p>Phone Numbers</p>", None),
])
def test_an_address_under_its_heading_ends_at_the_next_items_label(body, address):
    assert value(body, "office_address", "contact", url="http://example.co.ke/contact") == address


@pytest.mark.parametrize("body, address", [
    # a labelled address broken after a comma goes on to its postcode
    ("<p>Registered Office: 1st Floor, Shed No. 7,<br>Shyam Estate, Khatraj Road,<br>Kalol, Gujarat 382721</p>"
     "<p>Phone: +91 98250 12345</p>", "1st Floor, Shed No. 7, Shyam Estate, Khatraj Road, Kalol, Gujarat 382721"),
    ("<p>Address: 14 King Street,<br>Leeds LS1 2HL</p><p>Tel: 0113 496 0000</p>", "14 King Street, Leeds LS1 2HL"),
])
def test_a_labelled_address_broken_after_a_comma_goes_on(body, address):
    assert value(body, "office_address", "contact", url="http://example.co.uk/contact") == address


def test_site_run_from_a_home_office_is_residential():
    result = site(page("<p>We run the business from our home office in Leeds.</p>", "about",
                       url="http://www.example.co.uk/about"),
                  page("<p>Address: 5 Elm Grove, Leeds LS6 2AA</p>", "contact",
                       url="http://www.example.co.uk/contact"))
    found = result.fields["office_type"]
    assert (found.value, found.confidence) == ("residential", "low") and "home" in found.method


def test_home_office_words_do_not_count_on_chinese_sites():
    result = site(page("<p>our home office</p><p>地址：杭州市西湖区文三路90号</p>", "contact"))
    assert result.fields["office_type"].value == "unknown"


def test_traditional_branch_names_as_printed():
    assert value("<p>台中辦事處正式成立，服務中部地區客戶。</p>", "branches", "about") == ["台中辦事處"]


@pytest.mark.parametrize("body, found", [
    # the name stops at the company it belongs to, or at a particle that ends the clause before it
    ("<p>济南鲁明集团新能源有限公司西安分公司负责西北市场。</p>", ["西安分公司"]),
    ("<p>公司是具有独立法人及自立经营权的全资分公司。</p>", None),
    ("<p>某电力有限公司下属子公司曾是我们的客户。</p>", None),
    ("<p>我们不设任何分公司。</p>", None),
    ("<p>裁撤了一个连续亏损三年的分公司。</p>", None),
    # the verb and a count before the name; a conjunction between two names
    ("<p>下设杭州分公司、温州办事处和宁波办事处。</p>", ["杭州分公司", "温州办事处", "宁波办事处"]),
    ("<p>公司陆续设立若干分公司。</p>", None),
])
def test_a_branch_name_is_a_name(body, found):
    assert value(body, "branches", "about") == found
