"""Every value a label states is printed on one of the site's saved pages (LABELLING.md)."""
from __future__ import annotations

from prospect_intel.core.models import PageDoc
from prospect_intel.evaluation.goldsets import LabelledSite, load_realsites
from prospect_intel.evaluation.labelcheck import check, problems
from tests.conftest import REALSITES

# ../shared/realsites (read-only here) composes four values from what its pages print: a heading
# joined to its address, an "A, B and C Police Stations" list expanded, a name and its alias.
KNOWN_IN_REALSITES = {
    "berkley-security": ["branches 'Vicksburg, MS (Main Office)' is on no page"],
    "ez-locksmith-ferndale": ["reference_clients 'Royal Oak Police Station' is on no page",
                              "reference_clients 'Ferndale Police Station' is on no page"],
    "ibm-electrical-services-ng": ["company_name 'IBM Electrical Services (IBM Enterprise)' is on no page"],
}


def test_realsites_labels_are_printed_on_their_pages():
    assert check(load_realsites(REALSITES)) == KNOWN_IN_REALSITES


def _site(label: dict) -> LabelledSite:
    html = ("<html><body><p>公司成立于2009年，注册资本500万元。</p><p>电话：0571-8536 9138</p>"
            "<img alt='Hikvision logo'><p>地址：杭州市西湖区\n文三路100号</p></body></html>")
    return LabelledSite("s", label, (PageDoc("http://s.test/", "about", html),))


def test_a_value_the_pages_print_passes_whatever_the_spacing():
    assert problems(_site({"founded_text": "成立于2009年", "phone_numbers": ["0571-85369138"],
                           "product_brands": ["Hikvision"], "office_address": "杭州市西湖区文三路100号"})) == []


def test_a_value_no_page_prints_is_reported():
    found = problems(_site({"founded_text": "成立于2010年", "phone_numbers": ["0571-85369139"],
                            "product_brands": ["Dahua"], "headcount_text": None}))
    assert found == ["founded_text '成立于2010年' is on no page", "product_brands 'Dahua' is on no page",
                     "phone_numbers '0571-85369139' is on no page"]
