import lxml.html
import pytest

from extractors.structured import as_text, extract_items, loads_lenient, organizations

from extractor_helpers import page, site


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
