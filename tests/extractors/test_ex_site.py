"""The dispatcher: absence reasons, conflicts, cross-checks, failures, footers, parse-once."""
import dataclasses

import pytest
from extractor_helpers import DAY, page, site

from prospect_intel.extractors import SiteEvidence, extract_site
from prospect_intel.extractors import site as site_module
from prospect_intel.extractors.site import SITE_FIELDS


def test_every_contract_field_is_either_found_or_explained():
    result = site(page("<p>公司成立于2009年。</p>", "about"))
    assert isinstance(result, SiteEvidence)
    assert set(result.fields) | set(result.absence) == set(SITE_FIELDS)
    assert not set(result.fields) & set(result.absence)
    assert set(result.absence.values()) <= {"not_stated", "page_not_found", "extraction_failed"}


def test_absence_reasons():
    result = site(page("<p>公司成立于2009年。</p>", "about"), page("<p>你好</p>", "contact"))
    assert result.absence["headcount"] == "not_stated"          # about page kept, silent
    assert result.absence["reference_clients"] == "page_not_found"  # no cases page
    assert result.absence["phone_numbers"] == "not_stated"      # contact page kept, no number


def test_empty_site():
    result = extract_site([], crawled_at=DAY)
    assert result.fields == {}
    assert set(result.absence) == set(SITE_FIELDS)


def test_unparsable_page_does_not_crash():
    result = site(dataclasses.replace(page("", "about"), html="\x00\x01<<<"))
    assert "founded_year" not in result.fields


def test_failing_extractor_is_recorded(monkeypatch):
    def broken(pages, ctx):
        raise ValueError("boom")

    extractors = tuple((broken, names) if names == ("headcount",) else (fn, names)
                       for fn, names in site_module.EXTRACTORS)
    monkeypatch.setattr(site_module, "EXTRACTORS", extractors)
    result = site(page("<p>公司成立于2009年，员工50人。</p>", "about"))
    assert result.absence["headcount"] == "extraction_failed"
    assert "boom" in result.notes["headcount"][0]
    assert result.fields["founded_year"].value == 2009


def test_conflict_keeps_candidates_and_flags():
    result = site(page("<p>公司拥有员工50人。</p>", "about"),
                  page("<p>我们的团队有员工20人。</p>", "other", url="http://www.example.cn/jobs.html"))
    chosen = result.fields["headcount"]
    assert chosen.value == 50
    assert "conflict" in chosen.flags and chosen.confidence == "medium"
    assert {c.value for c in result.candidates["headcount"]} == {50, 20}
    assert "disagree" in result.notes["headcount"][0]


def test_agreeing_pages_are_not_a_conflict():
    result = site(page("<p>公司成立于2009年。</p>", "about"), page("<p>成立于2009年</p>", "home"))
    assert "conflict" not in result.fields["founded_year"].flags


def test_footer_and_header_count():
    body = ("<header><p>服务热线：400-843-5559</p></header><p>欢迎</p>"
            "<footer><p>版权所有 某某科技有限公司 津ICP备09010752号 地址：天津北辰区刘安庄工业园兴安路6号</p>"
            "</footer>")
    result = site(page(body, "home"))
    assert result.fields["phone_numbers"].value == ["400-843-5559"]
    assert result.fields["office_address"].value == "天津北辰区刘安庄工业园兴安路6号"


def test_every_page_is_read():
    result = site(page("<p>公司简介</p>", "about"),
                  page("<p>注册资本：人民币1000万元</p>", "other", url="http://www.example.cn/x.html"))
    assert result.fields["registered_capital_cny"].value == 10_000_000


def test_evidence_has_provenance():
    result = site(page("<p>第一句。公司成立于2009年，专业门禁。</p>", "about"))
    found = result.fields["founded_year"]
    assert found.source_url == "http://www.example.cn/about.html"
    assert "成立于2009年" in found.snippet
    assert found.method


def test_stale_flag_from_old_copyright():
    result = site(page("<p>公司成立于2009年。</p><p>Copyright © 2012-2016 某公司</p>", "about"))
    assert "stale" in result.fields["founded_year"].flags


def test_headcount_implausible_in_residential_flat_with_one_phone():
    result = site(page("<p>公司拥有员工80人。</p>", "about"),
                  page("<p>地址：成都市龙泉驿区某某花园小区28栋304号</p><p>电话：18080455670</p>", "contact"))
    headcount = result.fields["headcount"]
    assert "implausible" in headcount.flags
    assert any("residential" in n for n in result.notes["headcount"])
    assert any("one phone line" in n for n in result.notes["headcount"])
    assert "implausible" in headcount.method


def test_plausible_headcount_is_not_flagged():
    result = site(page("<p>公司拥有员工80人。</p>", "about"),
                  page("<p>地址：杭州市西湖区文三路90号华星大厦15楼</p><p>电话：0571-85369138</p>"
                       "<p>手机：13023091972</p><p>销售部：0571-85369139</p>", "contact"))
    assert "implausible" not in result.fields["headcount"].flags


def test_own_factory_in_an_office_tower_is_implausible():
    result = site(page("<p>我们是门禁生产厂家，拥有自有工厂和生产线，研发生产门禁控制器。</p>", "about"),
                  page("<p>地址：杭州市西湖区文三路90号华星大厦1501室</p>", "contact"))
    assert "implausible" in result.fields["business_model"].flags
    assert "factory" in result.notes["business_model"][0]


def test_many_staff_few_clients_is_implausible():
    result = site(page("<p>公司现有员工120人。</p>", "about"),
                  page("<ul><li>杭州市第一人民医院</li><li>更多</li></ul>", "cases"),
                  page("<p>电话：0571-85369138</p><p>电话：0571-85369139</p>", "contact"))
    assert any("reference clients" in n for n in result.notes["headcount"])


@pytest.mark.parametrize("role", ["home", "about", "products", "cases", "contact", "other"])
def test_roles_are_accepted(role):
    assert isinstance(site(page("<p>x</p>", role)), SiteEvidence)


OWN_FACTORY = ["<p>公司拥有自己的工厂。</p>", "<p>我们有自己的生产厂房。</p>", "<p>公司拥有自己的工廠和生產線。</p>",
               "<p>We have our own manufacturing facility.</p>",
               "<p>All panels are built in our own factory in Leeds.</p>"]
OFFICES = [("<p>地址：杭州市西湖区文三路90号华星大厦1501室</p>", "an office tower"),
           ("<p>地址：成都市龙泉驿区某某花园小区28栋304号</p>", "residential compound")]


@pytest.mark.parametrize("claim", OWN_FACTORY, ids=[c[3:20] for c in OWN_FACTORY])
@pytest.mark.parametrize("address, where", OFFICES, ids=["tower", "flat"])
def test_own_factory_claim_against_the_address(claim, address, where):
    result = site(page(claim + "<p>专业生产门禁控制器，研发生产一体。</p>", "about"), page(address, "contact"))
    assert "implausible" in result.fields["business_model"].flags
    note = result.notes["business_model"][0]
    assert "claims its own factory" in note and where in note


@pytest.mark.parametrize("body", [
    "<p>公司拥有自己的工厂。</p>",
    "<p>We have our own manufacturing facility.</p>",
])
def test_own_factory_in_an_industrial_park_is_fine(body):
    result = site(page(body + "<p>专业生产门禁控制器。</p>", "about"),
                  page("<p>地址：深圳市宝安区福永工业园A栋</p>", "contact"))
    assert "implausible" not in result.fields["business_model"].flags


def test_no_factory_claim_no_flag():
    result = site(page("<p>我们是门禁产品代理商，经销各品牌门禁。</p>", "about"),
                  page("<p>地址：杭州市西湖区文三路90号华星大厦1501室</p>", "contact"))
    assert "implausible" not in result.fields["business_model"].flags


def test_a_value_a_cross_check_doubts_is_never_high():
    result = site(page("<p>公司拥有员工80人。</p>", "about"),
                  page("<p>地址：成都市龙泉驿区某某花园小区28栋304号</p><p>电话：18080455670</p>", "contact"))
    headcount = result.fields["headcount"]
    assert "implausible" in headcount.flags and headcount.confidence == "medium"
