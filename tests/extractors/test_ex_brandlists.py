"""Brands read from the page's structure and sentences (brandlists.py), beyond the built-in table."""
import pytest
from extractor_helpers import page, site, value

from prospect_intel.core.captioned import ATTRIBUTE_ANCHORS, HEADING_ANCHORS, file_name
from prospect_intel.core.document import parse_page
from prospect_intel.extractors.keywords import brands as words


def _logos(names, item_class="brand-item", src="img/brands"):
    return "".join(f'<div class="{item_class}"><img src="{src}/{n.lower()}.svg" alt="{n}"></div>'
                   for n in names)


def _brands(body, role="home"):
    return sorted(value(body, "brands", role) or [])


# --- the structure: lists of sibling items with their captions (core/captioned.py) -------------------

def captioned_lists(body):
    return parse_page(page(body, "home")).lists


def test_a_logo_wall_is_one_list_with_its_attribute_words_and_heading():
    [found] = captioned_lists('<h2>Our Brand Partners</h2><section class="brands-bar">'
                              f'{_logos(["Texecom", "Videx", "Pyronix"])}</section>')
    assert found.names == ("Texecom", "Videx", "Pyronix")
    assert found.images and "brands-bar" in found.attributes and found.heading == "Our Brand Partners"


def test_one_alt_text_on_logos_of_different_files_gives_way_to_the_files_names():
    """A copy-paste slip (alt "Microsoft" on the Sophos, Teltonika and Ring logos): the file names
    the logo; an alt text repeated on one file (a carousel's second round) stands."""
    wall = "".join(f'<div class="brand-item"><img src="img/brands/{src}" alt="{alt}"></div>' for src, alt in [
        ("dahua.png", "Dahua"), ("microsoft.png", "Microsoft"), ("sophos-logo.png", "Microsoft"),
        ("teltonika_1.webp", "Microsoft"), ("ring.svg?v=2", "Microsoft"), ("dahua.png", "Dahua")])
    [found] = captioned_lists(f'<section class="brands-bar">{wall}</section>')
    assert found.names == ("Dahua", "microsoft", "sophos", "teltonika", "ring")


@pytest.mark.parametrize("src, name", [
    ("images/brands/zkteco.png", "zkteco"), ("/assets/cp-plus-logo.webp?x=1", "cp plus"),
    ("img/Texecom_Logo_300x100.png", "Texecom"), ("logo1.png", ""), ("img/IMG_2041.jpg", ""),
    ("data:image/png;base64,iVBORw0KGgo=", ""), ("img/brand-3.png", ""),
])
def test_the_name_a_logos_file_carries(src, name):
    assert file_name(src) == name


def test_logos_on_cards_are_a_list_and_products_on_cards_are_not():
    """A logo on a card with a short line under it repeats with its card; a card that describes a
    product is a product's, not a name in a list."""
    cards = "".join(f'<div class="card"><div class="wrap"><img src="{n}.png" alt="{n}"></div><p>{line}</p></div>'
                    for n, line in [("Texecom", "Alarms"), ("Videx", "Door entry"), ("Pyronix", "Alarms")])
    [found] = captioned_lists(f'<section class="brands">{cards}</section>')
    assert found.names == ("Texecom", "Videx", "Pyronix") and found.images
    products = "".join(f'<div class="card"><div class="wrap"><img src="{n}.png" alt="{n}"></div>'
                       f'<p>Face and palm terminal with card reader, for up to 3,000 users.</p></div>'
                       for n in ("SpeedFace V5L", "ProFace X", "FaceDepot 7B"))
    assert captioned_lists(f'<section class="brands">{products}</section>') == ()


def test_two_items_are_not_a_list_and_navigation_is_left_out():
    assert captioned_lists('<nav><ul class="brands"><li>Texecom</li><li>Videx</li><li>Pyronix</li></ul></nav>'
                           '<ul class="brands"><li>Texecom</li><li>Videx</li></ul>') == ()


def test_an_item_holding_blocks_is_a_card_not_a_name():
    cards = "".join(f"<li><h3>{n}</h3><p>About {n}</p></li>" for n in ("Texecom", "Videx", "Pyronix"))
    found = captioned_lists(f'<ul class="brands">{cards}</ul>')
    assert not any("About" in name for lst in found for name in lst.names)


def test_only_parts_marked_by_a_caption_word_are_read():
    items = "".join(f"<li>{n}</li>" for n in ("Texecom", "Videx", "Pyronix"))
    assert captioned_lists(f'<ul class="grid">{items}</ul>') == ()
    assert len(captioned_lists(f'<ul class="Partner-Grid">{items}</ul>')) == 0  # class names are lower case
    assert len(captioned_lists(f'<ul id="vendor-list">{items}</ul>')) == 1
    assert len(captioned_lists(f'<div><div><h2>Our Partners</h2></div><ul>{items}</ul></div>')) == 1


def test_an_accessible_name_captions_a_list_in_any_case():
    items = "".join(f"<li>{n}</li>" for n in ("Texecom", "Videx", "Pyronix"))
    [found] = captioned_lists(f'<div aria-label="Our approved-installer Partners"><ul>{items}</ul></div>')
    assert "partners" in found.attributes
    assert captioned_lists(f'<div aria-label="Our accreditations"><ul>{items}</ul></div>') == ()


def test_every_caption_word_of_the_extractors_is_one_the_page_parse_reads():
    for word in words.LIST_ATTRIBUTE_WORDS:
        assert any(anchor in word for anchor in ATTRIBUTE_ANCHORS), word
    for word in (*words.LIST_HEADING_WORDS, *words.LIST_CLIENT_WORDS):
        assert any(anchor in word for anchor in HEADING_ANCHORS) or word in words.LIST_CLIENT_WORDS, word


# --- what a caption says ----------------------------------------------------------------------------

def test_a_strip_of_makers_and_accreditations_gives_the_makers_without_the_standing_words():
    strip = _logos(["SSAIB Certificated", "UKAS accredited", "Fire Industry Association — F-Gas",
                    "SafeContractor Approved", "Private Security Authority — licence 13183",
                    "Pyronix approved installer", "Hikvision authorised partner", "Paxton registered installer",
                    "Texecom Premier Partner"], item_class="accred")
    body = f'<div class="accreds-strip" aria-label="Our accreditations and approved-installer partners">{strip}</div>'
    assert _brands(body) == ["Hikvision", "Paxton", "Pyronix", "Texecom"]


def test_a_logo_wall_captioned_as_brands_by_its_markup_names_unknown_brands():
    body = f'<div class="brands-panel">{_logos(["Cooper Safety Fire Systems", "C-TEC", "Zeta Alarm Systems"])}</div>'
    assert _brands(body) == ["C-TEC", "Cooper Safety Fire Systems", "Zeta Alarm Systems"]


def test_a_wall_of_makers_is_the_lines_carried_whatever_its_caption_says():
    wall = _logos(["Honeywell", "Axis", "HID", "Milestone", "Genetec", "AJAX"], item_class="trust-logo")
    body = f'<section class="trust-section"><p>Trusted by industry leaders globally</p>{wall}</section>'
    # "Milestone" and "AJAX": brands of the table printed without their company word (Systems)
    assert _brands(body) == ["AJAX", "Axis", "Genetec", "HID", "Honeywell", "Milestone"]


def test_a_text_list_under_a_brands_heading_counts_when_it_holds_a_known_brand():
    items = "".join(f"<li>{n}</li>" for n in ("August", "Yale", "Level Lock", "Ultraloq"))
    assert _brands(f"<h3>Brands We Install</h3><ul>{items}</ul>") == ["August", "Level Lock", "Ultraloq", "Yale"]


def test_a_text_list_under_a_brands_heading_with_no_known_brand_is_not_taken():
    items = "".join(f"<li>{n}</li>" for n in ("Smart Lock Installation", "Keypad Locks", "Rekeying"))
    assert _brands(f"<h3>Brands We Install</h3><ul>{items}</ul>") == []


def test_a_text_list_captioned_only_by_a_heading_is_not_an_unknown_logo_wall():
    """Images captioned by a heading alone need a known brand: the heading may be another section's."""
    body = f'<h2>Our Partners</h2><div class="grid">{_logos(["Oak Street Health", "CVS Health", "Leopardo"])}</div>'
    assert _brands(body) == []


def test_a_client_word_met_first_makes_the_wall_a_client_list():
    body = f'<div class="trust-logos partner-strip">{_logos(["Rotaract Club", "Bada Institute", "Hikvision"])}</div>'
    assert _brands(body) == []


def test_a_brand_word_nearest_the_list_wins_over_a_client_word_further_out():
    body = (f'<section class="trust-strip"><div class="ts-brands">'
            f'{_logos(["Crowcon", "INIM", "Honeywell"])}</div></section>')
    assert _brands(body) == ["Crowcon", "Honeywell", "INIM"]


def test_a_chinese_heading_captions_a_brand_list():
    items = "".join(f"<li>{n}</li>" for n in ("海康威视", "立林", "冠林"))
    assert _brands(f"<h3>合作品牌</h3><ul>{items}</ul>") == ["Hikvision", "冠林", "立林"]


# --- what an item must look like ----------------------------------------------------------------------

@pytest.mark.parametrize("names, expected", [
    (["Brand 1", "Brand 2", "Brand 3"], []),  # template placeholders
    (["Partner 1.1", "Partner 1.2", "Logo"], []),
    (["Samsung — authorised partner", "Ajax — authorised partner", "INIM | fire"], ["Ajax", "INIM", "Samsung"]),
    (["Texecom logo", "Videx logo", "Pyronix Logo"], ["Pyronix", "Texecom", "Videx"]),
])
def test_placeholders_taglines_and_the_word_logo(names, expected):
    assert _brands(f'<div class="brands">{_logos(names)}</div>') == expected


def test_model_numbers_and_phrases_in_a_brand_list_are_not_brands():
    items = "".join(f"<li>{n}</li>" for n in ("Hikvision", "DS-K1T671M", "10+", "All major brands serviced",
                                              "Silent Knight"))
    assert _brands(f'<ul class="brand-products">{items}</ul>') == ["Hikvision", "Silent Knight"]


def test_the_sites_own_name_in_its_brand_wall_is_not_a_carried_brand():
    body = f'<div class="brands">{_logos(["Acme Secure", "Texecom", "Videx"])}</div>'
    pages = [page(body, "home", title="Acme Secure"), page("<p>x</p>", "about", title="Acme Secure | About")]
    assert sorted(site(*pages).fields["brands"].value) == ["Texecom", "Videx"]


# --- sentences --------------------------------------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("<p>We use premium brands like CP Plus, Hikvision, and Dahua to ensure performance.</p>",
     ["CP Plus", "Dahua", "Hikvision"]),
    ("<p>Partnering with industry leaders such as Belden, Axis and Honeywell.</p>",
     ["Axis", "Belden", "Honeywell"]),
    # a clause, not a list: "Schneider Electric, GHTE delivers"
    ("<p>An authorized dealer for Schneider Electric, GHTE delivers UPS systems.</p>", ["Schneider Electric"]),
    # a list of names with no brand word in the sentence is not a brand list
    ("<p>Offices in Leeds, York and Hull; we fit Hikvision cameras.</p>", ["Hikvision"]),
    # a list that cut a table brand short ("Software" of "Software House") adds nothing
    ("<p>Certified partner for Lenel, OnGuard, Software House C•CURE.</p>", ["Lenel", "Software House"]),
    # ... but the first word of a table brand whose whole name the site never prints is a brand
    # of its own ("Matrix": an Indian maker, not "Matrix Comsec" cut short)
    ("<p>Distribution of premium security brands like Hikvision, Matrix, Realtime and Dahua.</p>",
     ["Dahua", "Hikvision", "Matrix", "Realtime"]),
    # the word "brands" opening the list names them, known to the table or not
    ("<p>Premium brands (CommScope, Panduit, Corning) for every rack.</p>", ["CommScope", "Corning", "Panduit"]),
    ("<p>We install brands such as KeyScan, Aurora and Mobotix.</p>", ["Aurora", "Keyscan", "Mobotix"]),
    # ... but not as examples of what it serves: keys for all major brands (Ford, Chevy, Honda)
    ("<p>We program transponder keys for all major brands (Ford, Chevy, Honda, Toyota).</p>", []),
])
def test_brand_lists_in_sentences(body, expected):
    assert _brands(body) == expected


def test_the_line_after_a_brands_caption():
    body = "<h4>BRANDS:</h4><p>PolyCab, Havells, KEI, Bosch</p>"
    assert _brands(body, "products") == ["Bosch", "Havells", "KEI", "PolyCab"]


@pytest.mark.parametrize("body, brand", [
    ("<p>As the sole distributor for RELIABILITY POWER SYSTEMS in the MENA region.</p>",
     "RELIABILITY POWER SYSTEMS"),
    ("<p>As a proud dealership of Vantex, one of the leading manufacturers.</p>", "Vantex"),
    ("<p>We are an authorised installer of Texecom alarms.</p>", "Texecom"),
    ("<p>本公司是立林授权经销商，提供楼宇对讲。</p>", "立林"),
    # the product word and 的 between the maker and 授权 are not its name
    ("<p>本公司是锐盾门禁的授权经销商。</p>", "锐盾"),
    # the maker before a partner level
    ("<p>We are a Sentrex Gold Partner.</p>", "Sentrex"),
])
def test_the_brand_a_company_is_appointed_for(body, brand):
    assert _brands(body) == [brand]


def test_two_makers_a_company_is_appointed_for():
    assert _brands("<p>Authorized distributor for Voltaro and Keymatic in Kenya.</p>") == ["Keymatic", "Voltaro"]


@pytest.mark.parametrize("body, expected", [
    # a caption with its verb, then the names; the verb, the names, then 等 and 品牌
    ("<p>代理品牌：森特斯、沃尔塔、凯马</p>", ["凯马", "森特斯", "沃尔塔"]),
    ("<p>主营品牌有森特斯、沃尔塔。</p>", ["森特斯", "沃尔塔"]),
    ("<p>公司代理销售森特斯、沃尔塔等品牌门禁产品。</p>", ["森特斯", "沃尔塔"]),
    # kinds of product, a phrase after the caption: no names
    ("<p>公司代理销售门禁、监控等品牌产品。</p>", []),
    ("<p>代理品牌：欢迎来电咨询</p>", []),
])
def test_a_chinese_line_naming_the_brands_it_deals_in(body, expected):
    assert _brands(body) == expected


def test_the_brands_we_carry_caption_opens_a_list():
    assert _brands("<p>Brands we carry: Sentrex, Voltaro, Keymatic.</p>") == ["Keymatic", "Sentrex", "Voltaro"]


def test_a_logo_wall_headed_brands_in_the_word_counts_without_a_table_brand():
    items = "".join(f"<li><img src='{n}.png' alt='{n}'></li>" for n in ("Sentrex", "Voltaro", "Keymatic"))
    assert _brands(f"<div><h2>Our Brands</h2><ul>{items}</ul></div>") == ["Keymatic", "Sentrex", "Voltaro"]
    assert _brands(f"<div><h2>Our Partners</h2><ul>{items}</ul></div>") == []
