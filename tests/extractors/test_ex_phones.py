"""Phone and fax numbers: shapes, labels, normalisation and traps (ICP ids, product codes)."""
import pytest
from extractor_helpers import page, site, value

from prospect_intel.extractors.phones import key_of

ZH = [
    ("<p>电话：0571-85369138</p>", ["0571-85369138"]),
    ("<p>电话：(0571)85369138</p>", ["0571-85369138"]),
    ("<p>联系电话：022-26545775</p>", ["022-26545775"]),
    ("<p>服务热线：400-843-5559</p>", ["400-843-5559"]),
    ("<p>全国统一热线 4008435559</p>", ["400-843-5559"]),
    ("<p>手机：13023091972</p>", ["13023091972"]),
    ("<p>手机：130 2309 1972</p>", ["13023091972"]),
    ("<p>13023091972</p>", ["13023091972"]),
    ("<p>总机：0571-85369138转801</p>", ["0571-85369138-801"]),
    ("<p>电话：0571-85369138-8001</p>", ["0571-85369138-8001"]),
    ("<p>手机：13655215448 / 13365296110 电话：0516-89225110</p>",
     ["13655215448", "13365296110", "0516-89225110"]),
    ("<p><span>13655215448/13365296110</span><span>0516-89225110</span></p>",
     ["13655215448", "13365296110", "0516-89225110"]),
    ("<p>电话：０５７１－８５３６９１３８</p>", ["0571-85369138"]),
    ("<p>电话：+86 571 8536 9138</p>", ["0571-85369138"]),
    ("<p>电话：0571-85369138</p><p>电话：0571 85369138</p>", ["0571-85369138"]),
    # extensions after a spaced number, country code without "+", a trunk 0 after +86
    ("<p>电话：(0755) 2876 1234-801</p>", ["0755-28761234-801"]),
    ("<p>电话：(0755) 2876 1234 转 801</p>", ["0755-28761234-801"]),
    ("<p>电话：86-755-28761234</p>", ["0755-28761234"]),
    ("<p>电话：+86-0755-28761234</p>", ["0755-28761234"]),
    ("<p>电话：0086 755 2876 1234</p>", ["0755-28761234"]),
    ("<p>手机：86-13912345678</p>", ["13912345678"]),
    # a local number listed after a landline shares its area code
    ("<p>电话：0571-88886666、88886667</p>", ["0571-88886666", "0571-88886667"]),
    ("<p>电话：021-52831677 / 52831678</p>", ["021-52831677", "021-52831678"]),
    ("<p>电话：0571-88886666 手机：13912345678</p>", ["0571-88886666", "13912345678"]),
    # a hyphen after a contact person's name separates; after a code or a number it joins
    ("<p>手机：杨女士-18280349423 马先生-18302809651</p>", ["18280349423", "18302809651"]),
    # a trunk 0 printed before a mobile (which has none) is dropped, not read as an area code
    ("<p>手机：(0)18957513988 (0)13706856251</p>", ["18957513988", "13706856251"]),
    # a foreign number with its country code in brackets keeps it
    ("<p>美国热线：(+1)828-4904420</p>", ["+1 828-490-4420"]),
    # a landline one digit short for its area code (Shenzhen numbers have eight) is a typo
    ("<p>电话：0755-22968428</p><p>服务电话：0755-2296816</p>", ["0755-22968428"]),
]


@pytest.mark.parametrize("body, expected", ZH, ids=[z[0][3:30] for z in ZH])
def test_chinese_phones(body, expected):
    assert value("<h1>联系我们</h1>" + body, "phone_numbers", "contact") == expected


EN = [
    ("<p>Call (586) 339-5370</p>", ["+1 586-339-5370"]),
    ("<p>Phone: (586) 339\u20115370</p>", ["+1 586-339-5370"]),
    ("<p>Toll Free: 1-800-778-3173</p><p>(800) 778-3173</p>", ["+1 800-778-3173"]),
    ("<p>Tel: +44 20 7946 0958</p>", ["+44 20 7946 0958"]),
    ("<p>+91 9921736594</p>", ["+91 99217 36594"]),
    ("<p>Phone: +254 756790487 / 0715087630</p>", ["+254 756 790487", "+254 715 087630"]),
    ("<p>Tel: 08033764496</p>", ["08033764496"]),
    ("<p>Office: 555-867-5309 ext. 12</p>", ["+1 555-867-5309 ext. 12"]),
]


@pytest.mark.parametrize("body, expected", EN, ids=[e[0][3:30] for e in EN])
def test_english_phones(body, expected):
    assert value(body, "phone_numbers", "contact", url="http://example.com/contact") == expected


TRAPS = [
    "<p>津ICP备09010752号</p>",
    "<p>蜀ICP备2024055828号</p>",
    "<p>鲁公网安备 37132202190007号</p>",
    "<p>邮编：300000</p>",
    "<p>QQ：425327065</p>",
    "<p>型号：DS-K1T671M-3XF</p>",
    "<p>产品编号：2019-0001-2345</p>",
    "<p>Copyright © 2016-2021 某公司</p>",
    "<p>薪资 10000-15000 发布日期 2016-10-19</p>",
    "<p>成都400电话办理</p>",
    "<p>统一社会信用代码：91330109MA27Y8XB1K</p>",
    "<p>开户账号：3301040160005432123</p>",
    "<p>Licensed MS 15005726, LA F609</p>",
    "<p>Model No. 800-555-1234-A</p>",
    "<p>邮编：518000、518001</p>",
]


@pytest.mark.parametrize("body, expected", [
    # a registration number under a label that holds "number" is no phone
    ("<p>Tel: 01952 403696</p><ul><li><span>Company Number</span> <span>11340591</span></li></ul>",
     ["01952 403696"]),
    ("<p>Tel: 01952 403696</p><p>Company No. 11340591 · VAT No. 294334108</p>", ["01952 403696"]),
    # a number with a trunk 0 is no North American one (the default region of an English site
    # with no country code in sight): kept as printed, not cut to "+1 0289622"
    ("<p>Tel: 028 9622 3008</p>", ["028 9622 3008"]),
    # ... nor is its end: "345 6696" of 033 345 6696 is no "+1 3456696"
    ("<p>Office Phone: 033 345 6696</p>", ["033 345 6696"]),
    # the country the pages name reads a trunk-0 number as its own
    ("<p>Office: 12 Long St, Pietermaritzburg, South Africa</p><p>Tel: 033 345 6696</p>", ["+27 33 345 6696"]),
    ("<p>Office: 4 Carr Rd, Nairobi, Kenya</p><p>Tel: 0715 087630</p>", ["+254 715 087630"]),
    # "New Mexico" names a US state, not Mexico
    ("<p>Albuquerque, New Mexico</p><p>Call (505) 555-0142</p>", ["+1 505-555-0142"]),
    # a one-digit area code in brackets is set apart like a longer one: a landline by its shape
    ("<p>Quezon City, Philippines</p><p>(02)8740-8399</p>", ["+63 2 8740 8399"]),
    # a number listed after a number on an unlabelled line reads like it
    ("<p>Vijayawada, India</p><p>0866-2523197, 9440753197</p>", ["+91 866 252 3197", "+91 94407 53197"]),
    ("<p>Reg. No. 1234567, 9440753197</p>", None),
    # numbers stacked under one label, one a line, read like the first
    ("<p>Accra, Ghana</p><p>Contact</p><p>0540130082</p><p>0532116548</p>", ["+233 54 013 0082", "+233 53 211 6548"]),
    # a template's number counting up, whole or in parts, is no phone
    ("<p>Telephone: 01234 567 890</p>", None),
    ("<p>Call us: 123-456-7890</p>", None),
])
def test_site_of_unknown_country(body, expected):
    assert value(body, "phone_numbers", "contact", url="http://www.example.com/contact.html") == expected


@pytest.mark.parametrize("body", TRAPS, ids=[t[3:22] for t in TRAPS])
def test_not_a_phone(body):
    assert value(body, "phone_numbers", "contact") is None


@pytest.mark.parametrize("body, phones, faxes", [
    ("<p>电话：022-26545775</p><p>传真：022-26545775</p>", ["022-26545775"], ["022-26545775"]),
    ("<p>电话/传真：0571-85369138</p>", ["0571-85369138"], ["0571-85369138"]),
    ("<p>电话：15822426955</p><p>022-26551913</p><p>传真: 022-26551913</p>",
     ["15822426955", "022-26551913"], ["022-26551913"]),
    ("<p>Tel: (601) 636-6955 Fax: (601) 636-6956</p>", ["+1 601-636-6955"], ["+1 601-636-6956"]),
    # a label on its own line above the number
    ("<p>电话：027-82796479</p><p>传真：</p><p>027-82796480</p>", ["027-82796479"], ["027-82796480"]),
    ("<p>Office Phone</p><p>033 345 6696</p><p>Fax Lines</p><p>086 600 5040</p>",
     ["033 345 6696"], ["086 600 5040"]),
])
def test_fax_numbers(body, phones, faxes):
    result = site(page(body, "contact", url="http://example.com/contact"))
    assert result.fields["phone_numbers"].value == phones
    assert result.fields["fax_numbers"].value == faxes


def test_fax_only_is_not_a_phone():
    result = site(page("<p>传真：0571-85369138</p>", "contact"))
    assert "phone_numbers" not in result.fields
    assert result.fields["fax_numbers"].value == ["0571-85369138"]


def test_labelled_contact_page_phone_is_high():
    result = site(page("<p>电话：0571-85369138</p>", "contact"))
    assert result.fields["phone_numbers"].confidence == "high"


def test_unconfirmed_number_is_medium():
    result = site(page("<p>欢迎来电：13954429788、15863861835</p>", "home"),
                  page("<p>电话：13954429788</p>", "about"))
    assert result.fields["phone_numbers"].confidence == "medium"


@pytest.mark.parametrize("a, b", [
    ("1-800-778-3173", "(800) 778-3173"),
    ("+1 800-778-3173", "800.778.3173"),
    ("0571-85369138", "+86 571 8536 9138"),
    ("08033764496", "+234 803 376 4496"),
    ("+254 756790487", "0756 790 487"),
    ("0571-85369138转801", "0571-85369138"),
    ("86-755-28761234", "0755-28761234"),
    ("+86-0755-28761234", "0755 2876 1234"),
    ("(+88) 09606 993300", "09606 99 33 00"),  # the country code in brackets
    ("1-877-AXSETR1", "877-297-3871"),  # a vanity number: letters on the keypad
    ("555-123-4567 x12", "555-123-4567"),  # an extension
])
def test_comparison_keys(a, b):
    assert key_of(a) == key_of(b)


def test_comparison_keys_differ():
    assert key_of("13023091972") != key_of("13023091973")


def test_branch_office_numbers_are_not_the_company_lines():
    body = ("<p>总机：0755-83456701</p><p>分支机构</p>"
            "<p>广州办事处：广州市天河区天河北路233号 电话：020-38765432</p>")
    assert value(body, "phone_numbers", "contact") == ["0755-83456701"]


def test_branch_heading_above_the_number():
    body = ("<p>Tel: 0161 496 0732</p><h4>Leeds office</h4><p>Unit 3, Aire Court, Leeds LS10 1AB</p>"
            "<p>Tel: 0113 496 0155</p>")
    result = site(page(body, "contact", url="http://www.example.co.uk/contact"))
    assert result.fields["phone_numbers"].value == ["+44 161 496 0732"]


@pytest.mark.parametrize("heading", ["Our Office", "Registered Office", "Corporate Office"])
def test_the_companys_own_office_heading_is_no_branch(heading):
    body = (f"<h4>{heading}</h4><p>1st Floor, Par Shopping Complex</p>"
            "<p>Kuzhikattussery, Kerala 680697 +91 9446363170, +91 9946667170</p>")
    result = site(page(body, "contact", url="http://www.example.in/contact"))
    assert result.fields["phone_numbers"].value == ["+91 94463 63170", "+91 99466 67170"]


def test_traditional_chinese_labels_and_taiwan_numbers():
    body = "<p>電話：(02)2521-3456</p><p>傳真：(02)2521-3458</p><p>行動電話：0912-345-678</p>"
    result = site(page(body, "contact", url="http://www.example.com.tw/contact.htm"))
    assert result.fields["phone_numbers"].value == ["+886 2 2521 3456", "+886 912 345 678"]
    assert result.fields["fax_numbers"].value == ["+886 2 2521 3458"]


@pytest.mark.parametrize("body, phones", [
    ("<p>Call 127.0.0.10 now, or 0755-22968428</p>", ["0755-22968428"]),  # an IPv4 address is no number
    ("<p>电话：192.168.100.200</p>", None),
])
def test_ip_addresses_are_not_phone_numbers(body, phones):
    assert value(body, "phone_numbers", "contact") == phones


def test_a_chinese_mobile_with_a_stray_plus_is_the_mobile():
    body = "<p>联系我们</p><p>CALL US TODAY +135 3083 9500</p><p>135 3083 9500 袁先生</p>"
    assert value(body, "phone_numbers", "contact") == ["13530839500"]


def test_a_north_american_number_on_a_chinese_site_keeps_its_grouping():
    body = "<p>咨询热线：1-416-330-3117</p><p>手机：138-2311-9181</p>"
    assert value(body, "phone_numbers", "contact") == ["+1 416-330-3117", "13823119181"]


def test_a_400_line_with_a_stray_plus_is_the_400_line():
    body = "<p>服务热线：4007676977 邮箱：jxds@example.cn</p><p>+4007676977</p>"
    assert value(body, "phone_numbers", "contact") == ["400-767-6977"]


@pytest.mark.parametrize("body, expected", [
    # the licensing council's contact block on a firm's terms page is the council's line
    ("<p>Please contact us at 07930 342593 within 14 days. If you are not satisfied with our response, "
     "escalate your complaint to our licensing authority: Lewes District Council, Licensing Team, Southover "
     "House, Lewes, BN7 1AB. Telephone: 01273 471600.</p>", ["+44 7930 342593"]),
    ("<p>电话：0571-85369138</p><p>如对服务不满意，可向杭州市消费者权益保护委员会投诉，电话：0571-85157000</p>",
     ["0571-85369138"]),
    # a body named before the company speaks again keeps the company's line
    ("<p>Approved by the Security Industry Authority. Call us on 0161 496 0000.</p>", ["+44 161 496 0000"]),
    # ... or heading its own block a line or two above the number (a privacy page's regulator)
    ("<p>Telephone: 0161 496 0000</p><p>Information Commissioner's Office (ICO) — UK Supervisory Authority</p>"
     "<p>Website: ico.org.uk</p><p>Helpline: 0303 123 1113</p>", ["+44 161 496 0000"]),
])
def test_another_organisations_contact_block_is_not_the_companys(body, expected):
    assert value(body, "phone_numbers", "contact", url="http://www.example.co.uk/contact") == expected


def test_a_numbered_companys_number_is_no_phone():
    body = ("<p>加拿大凯萨琳娜设计咨询有限公司</p><p>1373399 Ontario Inc.</p><p>68 Corporate Drive, Scarborough</p>"
            "<p>电话：021-56350215</p>")
    assert value(body, "phone_numbers", "contact") == ["021-56350215"]
