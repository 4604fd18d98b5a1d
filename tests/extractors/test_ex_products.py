"""Brands (keywords/brands.py) and access-control tiers."""
import pytest
from extractor_helpers import page, site, value


@pytest.mark.parametrize("body, brands", [
    ("<p>代理品牌：海康威视、大华、ZKTeco</p>", ["Hikvision", "Dahua", "ZKTeco"]),
    ("<p>We install HID, Honeywell and Lenel systems.</p>", ["Honeywell", "Lenel", "HID"]),
    ("<p>Bosch Rexroth hydraulics</p>", ["Bosch Rexroth"]),
    ("<p>可适应不同的输送线，如博世力士乐输送线</p>", ["Bosch Rexroth"]),
    ("<p>中控指纹考勤机、中控门禁</p>", ["ZKTeco"]),
    ("<p>温度测控系统作为集中控制的主机，设中控室与中控台。</p>", None),
    ("<p>霍尼韦尔门禁</p>", ["Honeywell"]),
    # the trade's makers beyond access control: alarms, fire, intercoms, gates, radios
    ("<p>Paradox and Visonic alarm panels, Notifier fire panels, Akuvox door stations.</p>",
     ["Paradox", "Visonic", "Notifier", "Akuvox"]),
    ("<p>FAAC and BFT gate motors; Motorola and Hytera two-way radios.</p>",
     ["FAAC", "BFT", "Motorola Solutions", "Hytera"]),
    # a place or a heading in capitals that shares a maker's word is none
    ("<p>Offices in Centurion, Gauteng. HOW IT CAME TOGETHER.</p>", None),
    ("<p>狄耐克可视对讲、天地伟业监控、青鸟消防报警主机</p>", ["DNAKE", "Tiandy", "青鸟消防"]),
    # a common word in lower case, a model code, a former name: no maker
    ("<p>A simplex link; the paradox of choice; a kidde pool.</p>", None),
    ("<p>低荧光白沥青BFT-1等系列产品</p>", None),
    ("<p>Cameras from Hanwha (formerly Samsung) and Axis.</p>", ["Hanwha", "Axis"]),
    # another company of the same name, a compound word, a person's past employers
    ("<p>2nd floor, Idea cowork, next to Axis Bank, Sector 17, Chandigarh</p>", None),
    ("<p>5-Axis adjustment bracket for every dome camera.</p>", None),
    ("<p>His background includes successful tenures at industry leaders like Honeywell and Hikvision.</p>",
     None),
])
def test_brands(body, brands):
    found = value(body, "brands", "products")
    assert (sorted(found) if found else None) == (sorted(brands) if brands else None)


def test_brand_needs_word_boundary_and_case():
    assert value("<p>We hide cables; axis of rotation; a hid door.</p>", "brands", "products") is None


@pytest.mark.parametrize("body", [
    "<p>Cat6 cabling, patch panel dressing and Fluke testing.</p>",
    "<p>Every link verified with Fluke DTX certification reports.</p>",
    "<p>Cable is certified on a Fluke DSX, not tested by plugging it in.</p>",
    "<p>Link certification using advanced Fluke cable analyzers.</p>",
])
def test_an_instrument_the_installer_tests_with_is_no_brand_it_carries(body):
    assert value(body, "brands", "products") is None


def test_a_test_instrument_maker_in_a_brand_list_is_carried():
    assert value("<p>We distribute Yokogawa, Fluke and KROHNE instruments.</p>", "brands", "products") \
        == ["Yokogawa", "KROHNE", "Fluke"]


def test_brands_in_blog_articles_do_not_count():
    result = site(page("<p>Security systems</p>", "home"),
                  page("<p>Honeywell vs Hikvision: which is better?</p>", "other",
                       url="http://example.com/blog/compare.html"))
    assert "brands" not in result.fields


def test_company_own_name_is_not_a_brand():
    result = site(page("<p>Honeywell Electrical Services installs lights.</p>", "home",
                       title="Honeywell Electrical Services"),
                  page("<p>x</p>", "about", title="Honeywell Electrical Services | About"))
    assert "brands" not in result.fields


@pytest.mark.parametrize("body, tiers", [
    ("<p>联网门禁控制器、TCP/IP门禁</p>", ["domestic_mid_networked"]),
    ("<p>考勤门禁一体机、密码门禁</p>", ["domestic_low_standalone"]),
    ("<p>HID access control readers and Lenel access control</p>", ["foreign_high_end"]),
])
def test_tiers(body, tiers):
    assert value(body, "product_tiers", "products") == tiers


@pytest.mark.parametrize("body, tiers", [
    # "domestic" and "foreign" are said of the maker: an English site's generic product lines do
    # not say whose they are, its brands do
    ("<p>Networked access control for every building, and standalone keypads and keypad entry for a "
     "single door.</p>", None),
    ("<p>Networked access control from Paxton Net2 and standalone keypads such as the Paxton Compact.</p>",
     ["foreign_high_end"]),
    ("<p>ZKTeco networked access control controllers and standalone keypads.</p>", ["domestic_mid_networked"]),
    # ... but an attendance-and-access terminal (考勤门禁一体机) is the standalone tier whoever makes it,
    # on a site that deals in access control
    ("<p>Access control systems and biometric attendance machines for offices.</p>", ["domestic_low_standalone"]),
    ("<p>Biometric attendance machines and CCTV for factories.</p>", None),
])
def test_an_english_sites_product_lines_take_their_tier_from_brands(body, tiers):
    assert value(body, "product_tiers", "products") == tiers


_FAR = ("<p>We fit intruder alarms, CCTV and fire alarms for homes, shops and offices across the county, "
        "and service every system we fit.</p><p>We also fit access control.</p>")


@pytest.mark.parametrize("body, tiers", [
    # a maker of access control above all gives its tier wherever a site that deals in access
    # control names it
    ("<p>PAXTON REGISTERED INSTALLER</p>" + _FAR, ["foreign_high_end"]),
    ("<p>HID readers</p>" + _FAR.replace("access control", "card access"), ["foreign_high_end"]),
    ("<p>Authorised partner: ZKTeco. Access control and CCTV.</p>", ["domestic_mid_networked"]),
    ("<p>Authorised partner: ZKTeco. CCTV and alarms.</p>", None),  # a site that names no access control
    # a maker of everything gives its tier only beside access-control words
    ("<p>HIKVISION VASP PARTNER</p>" + _FAR, None),
    ("<p>Hikvision access control terminals</p>", ["domestic_mid_networked"]),
])
def test_a_makers_tier_needs_access_control_words_unless_it_makes_access_control(body, tiers):
    assert value(body, "product_tiers", "products") == tiers


def test_a_logo_walls_access_control_maker_gives_its_tier():
    # the alt texts of a wall captioned for brands are no page text: the wall is read for them
    wall = ('<div class="brand-logos">' + "".join(f'<img src="b/{i}.png" alt="{n}">' for i, n in
                                                  enumerate(["Paxton", "Hikvision", "Pyronix"])) + "</div>")
    assert value(_FAR + wall, "product_tiers", "products") == ["foreign_high_end"]


def test_two_tiers_and_main_tier():
    body = "<p>联网门禁控制器、门禁管理系统、网络门禁；另有考勤门禁一体机</p>"
    result = site(page(body, "products"))
    assert set(result.fields["product_tiers"].value) == {"domestic_mid_networked",
                                                          "domestic_low_standalone"}
    assert result.fields["main_product_tier"].value == "domestic_mid_networked"


def test_brand_key_maps_printed_names_to_one_brand():
    from prospect_intel.extractors.products import brand_key
    assert brand_key("中控智慧（ZKTeco）") == brand_key("中控") == "zkteco"
    assert brand_key("HID Global") == brand_key("HID") == "hid"
    assert brand_key("Some Local Brand") == "some local brand"
