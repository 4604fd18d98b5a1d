import lxml.html
import pytest
from extractor_helpers import page, site

from prospect_intel.core.document import parse_page
from prospect_intel.core.models import PageDoc
from prospect_intel.core.structured import as_text, extract_items, loads_lenient, organizations


def tree(body: str, head: str = ""):
    return lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


@pytest.mark.parametrize("raw", [
    '{"@type": "Organization", "name": "Acme"}',
    '{"@type": "Organization", "name": "Acme",}',
    '{"@type": "Organization", "name": "Acme"};',
    '<!-- {"@type": "Organization", "name": "Acme"} -->',
    '{"@type": "Organization",\n "name": "Acme",\n}\n;',
    '/* cms */ {"@type": "Organization", "name": "Acme"}',
    '{"@type": "Organization", "name": "Ac\tme"}',
], ids=["clean", "trailing-comma", "semicolon", "html-comment", "comma-and-semicolon",
        "js-comment", "control-char"])
def test_lenient_json(raw):
    data = loads_lenient(raw)
    data = data[0] if isinstance(data, list) else data
    assert data["name"].replace("\t", "") == "Acme"


def test_hopeless_json_is_none():
    assert loads_lenient("{not json at all") is None


def test_two_objects_pasted_together():
    data = loads_lenient('{"@type": "Organization", "name": "A"} {"@type": "Person", "name": "B"}')
    assert [d["name"] for d in data] == ["A", "B"]


def test_jsonld_graph_and_types():
    head = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
            '{"@type": "WebSite", "name": "x"}, {"@type": ["LocalBusiness", "Locksmith"], '
            '"name": "EZ", "telephone": "+1 248-798-4366",}]}</script>')
    orgs = organizations(extract_items(tree("", head)))
    assert [o["name"] for o in orgs] == ["EZ"]
    assert orgs[0]["@type"] == ("LocalBusiness", "Locksmith")


def test_microdata_organization():
    body = ('<div itemscope itemtype="https://schema.org/Organization">'
            '<span itemprop="name">Acme Ltd</span><span itemprop="telephone">0571-85369138</span>'
            '<div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">'
            '<span itemprop="streetAddress">1 Main St</span></div>'
            '<meta itemprop="foundingDate" content="2009-03-01"></div>')
    orgs = organizations(extract_items(tree(body)))
    assert orgs[0]["name"] == "Acme Ltd"
    assert orgs[0]["foundingDate"] == "2009-03-01"
    assert orgs[0]["telephone"] == "0571-85369138"


def test_rdfa_organization():
    body = ('<div vocab="https://schema.org/" typeof="Organization">'
            '<span property="name">RDFa Co</span><span property="telephone">400-843-5559</span></div>')
    orgs = organizations(extract_items(tree(body)))
    assert orgs[0]["name"] == "RDFa Co"


def test_as_text_address():
    assert as_text({"@type": "PostalAddress", "streetAddress": "1 Main St",
                    "addressLocality": "Ferndale", "postalCode": "48220"}) == \
        "1 Main St, Ferndale, 48220"


def test_structured_data_feeds_fields():
    head = ('<script type="application/ld+json">{"@type": "Organization", "name": "Acme Security",'
            ' "numberOfEmployees": {"@type": "QuantitativeValue", "value": 45},'
            ' "address": {"streetAddress": "88 Tower Rd Suite 300", "addressLocality": "X"},}'
            '</script>')
    found = site(page("<p>hello</p>", "home", head=head)).fields
    assert found["company_name"].value == "Acme Security"
    assert found["company_name"].method == "schema.org"
    assert found["headcount"].value == 45
    assert found["office_address"].value.startswith("88 Tower Rd")


def test_broken_jsonld_does_not_break_the_site():
    head = '<script type="application/ld+json">{"@type": "Organization", "name": </script>'
    result = site(page("<p>公司成立于2009年。</p>", head=head))
    assert result.fields["founded_year"].value == 2009


def _ld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


def test_html_comment_inside_the_object():
    raw = '{"@context":"https://schema.org", <!-- seo plugin --> "@type":"Organization", "name":"Acme"}'
    assert loads_lenient(raw)["name"] == "Acme"


@pytest.mark.parametrize("data, year", [
    ('{"@type": "Organization", "name": "Acme", "foundingDate": "2009"}', 2009),
    ('{"@type": "LocalBusiness", "name": "Acme", "foundingDate": "1998-03-01"}', 1998),
    ('{"@type": "Organization", "name": "某某科技有限公司", "foundingDate": "2012-06"}', 2012),
])
def test_founding_date_gives_founded_year(data, year):
    found = site(page("<p>hello</p>", "home", head=_ld(data))).fields["founded_year"]
    assert (found.value, found.confidence, found.method) == (year, "high", "schema.org")


@pytest.mark.parametrize("employees, expected", [
    ('45', 45), ('"45"', 45), ('{"@type": "QuantitativeValue", "value": 45}', 45),
    ('{"@type": "QuantitativeValue", "minValue": 10, "maxValue": 50}', [10, 50]),
    ('"10-50"', [10, 50]), ('"50+"', [50, None]),
])
def test_number_of_employees(employees, expected):
    data = f'{{"@type": "Organization", "name": "Acme", "numberOfEmployees": {employees}}}'
    assert site(page("<p>hello</p>", "home", head=_ld(data))).fields["headcount"].value == expected


def test_telephone_and_fax_from_jsonld():
    data = ('{"@type": "LocalBusiness", "name": "Acme", "telephone": "+1 313-555-0142",'
            ' "faxNumber": "+1 313-555-0143"}')
    fields = site(page("<p>hello</p>", "contact", url="http://example.com/contact",
                       head=_ld(data))).fields
    assert fields["phone_numbers"].value == ["+1 313-555-0142"]
    assert fields["fax_numbers"].value == ["+1 313-555-0143"]
    assert "schema.org" in fields["phone_numbers"].method


def test_chinese_telephone_from_jsonld():
    data = '{"@type": "Organization", "name": "某某公司", "telephone": ["0755-28761234", "400-843-5559"]}'
    fields = site(page("<p>你好</p>", "contact", head=_ld(data))).fields
    assert fields["phone_numbers"].value == ["0755-28761234", "400-843-5559"]


MICRODATA = ('<div itemscope itemtype="https://schema.org/LocalBusiness">'
             '<span itemprop="name">Motor City Locks</span>'
             '<div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">'
             '<span itemprop="streetAddress">100 Main St</span><span itemprop="addressLocality">'
             'Detroit</span><span itemprop="addressRegion">MI</span></div>'
             '<span itemprop="telephone">+1 313-555-0142</span></div>')
RDFA = ('<div vocab="https://schema.org/" typeof="LocalBusiness"><span property="name">Motor City'
        ' Locks</span><span property="telephone">+1 313-555-0142</span><span property="address" '
        'typeof="PostalAddress"><span property="streetAddress">42 Main St</span><span '
        'property="addressLocality">Detroit</span></span></div>')


@pytest.mark.parametrize("body, address", [
    (MICRODATA, "100 Main St, Detroit, MI"), (RDFA, "42 Main St, Detroit"),
    ('<div itemscope itemtype="https://schema.org/Organization"><span itemprop="name">A</span>'
     '<div itemprop="address">深圳市南山区科技园<br>科技大厦8楼</div></div>', "深圳市南山区科技园 科技大厦8楼"),
], ids=["microdata", "rdfa", "microdata-text"])
def test_nested_address_parts_are_joined(body, address):
    fields = site(page(body, "contact", url="http://example.com/contact")).fields
    assert fields["office_address"].value == address


@pytest.mark.parametrize("body", [MICRODATA, RDFA], ids=["microdata", "rdfa"])
def test_marked_up_phone_is_not_merged_with_the_next_field(body):
    fields = site(page(body, "contact", url="http://example.com/contact")).fields
    assert fields["phone_numbers"].value == ["+1 313-555-0142"]


def test_tel_link_property():
    body = ('<div itemscope itemtype="https://schema.org/Organization"><span itemprop="name">A</span>'
            '<a itemprop="telephone" href="tel:+13135550142">Call us</a></div>')
    assert organizations(extract_items(tree(body)))[0]["telephone"] == "+13135550142"


@pytest.mark.parametrize("html, kind", [
    ('<script type="application/LD+JSON">{"@type": "Organization", "name": "Acme"}</script>', "ld+json"),
    ("<div ItemScope itemtype='https://schema.org/Organization'><span itemprop=name>Acme</span></div>",
     "itemscope"),
    ('<div vocab="https://schema.org/" TypeOf="Organization"><span property="name">Acme</span></div>',
     "typeof"),
])
def test_markers_in_any_case_lead_to_the_items(html, kind, monkeypatch):
    from prospect_intel.core import document
    seen = []
    real = document.extract_items
    monkeypatch.setattr(document, "extract_items", lambda tree, markers: seen.append(set(markers))
                        or real(tree, markers))
    parsed = parse_page(PageDoc("https://acme.example/", "home", f"<html><body>{html}</body></html>"))
    assert seen == [{kind}] and parsed.items[0]["name"] == "Acme"


def test_pages_without_markers_skip_the_scans(monkeypatch):
    from prospect_intel.core import document

    def scan(tree):
        raise AssertionError("scanned a page without structured-data markers")

    monkeypatch.setattr(document, "extract_items", scan)
    assert site(page("<p>公司成立于2009年。</p>")).fields["founded_year"].value == 2009
