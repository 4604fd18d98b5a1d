"""Site evidence combined with a business-registry row (`scoring.registry.combine`), rule by rule.

Each `Case` is one rule: the site's and the registry's values of one fact, the rubric's
`[registry]` settings, and what the check and the evidence to score must then be. The texts are
pinned per state in both languages; the last tests score combined evidence with the default
rubric (the `no_longer_trading` knock-out, the registry's capital in financial strength).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import pytest

from prospect_intel.core.models import Evidence
from prospect_intel.scoring import RegistryCheck, RegistrySettings, bundled_rubric, combine, score
from prospect_intel.scoring.rubric import bundled_rubrics, parse_rubric
from prospect_intel.scoring.rubric_model import REGISTRY_USE, SCOPE_WORDS
from tests.scoring.conftest import AS_OF, SETTLED_A, make_evidence

SITE_URL = "http://www.example.cn/about.html"
ROW = "registry:qichacha_export.xlsx#row=4"
COLUMNS = {
    "registered_capital_cny": "注册资本", "founded_year": "成立日期", "insured_staff": "参保人数",
    "business_scope": "经营范围", "registry_status": "登记状态", "registry_id": "统一社会信用代码",
    "legal_representative": "法定代表人", "staff_band": "人员规模",
}
ABSENT = object()  # the field is not in the evidence to score


def site_ev(name: str, value: Any, confidence: str = "medium", flags: tuple[str, ...] = ()) -> Evidence:
    return Evidence(name, value, confidence, SITE_URL, str(value), "about page", flags)


def registry_ev(name: str, value: Any, printed: str = "") -> Evidence:
    return Evidence(name, value, "high", ROW, printed or str(value),
                    f"registry export (qichacha), row 4, column {COLUMNS[name]}")


def settings(use: dict | None = None, ratio: float = 10) -> RegistrySettings:
    return RegistrySettings(MappingProxyType({**REGISTRY_USE, **(use or {})}), ratio, SCOPE_WORDS)


def run(site: dict, registry: dict, **options) -> tuple[dict[str, Evidence], tuple[RegistryCheck, ...]]:
    """combine() over specs: a value, or (value, confidence, flags) for the site."""
    site_evidence = {n: site_ev(n, *(v if isinstance(v, tuple) else (v,))) for n, v in site.items()}
    registry_evidence = {n: registry_ev(n, v) for n, v in registry.items()}
    return combine(site_evidence, registry_evidence, settings(**options))


def check_of(checks: tuple[RegistryCheck, ...], name: str) -> RegistryCheck | None:
    return next((c for c in checks if c.field == name), None)


@dataclass(frozen=True)
class Case:
    id: str
    site: dict
    registry: dict
    field: str  # the fact checked
    state: str | None  # None: no check for it
    used: str = ""
    value: Any = ABSENT  # the scored evidence's value for `field`
    flags: tuple[str, ...] = ()
    method: str = ""  # a fragment of the scored evidence's method
    confidence: str = ""
    use: dict = field(default_factory=dict)
    ratio: float = 10


CAP, YEAR, STAFF, SELLS = "registered_capital_cny", "founded_year", "headcount", "sells_access_control"
ACTIVE = {"registry_status": "active"}

CASES = [
    # registered capital: agrees within 1 % of the registry's; the registry's is scored
    Case("capital/agrees-within-1-percent", {CAP: 5_040_000}, {CAP: 5_000_000}, CAP, "agrees", "registry", 5_000_000),
    Case("capital/over-1-percent-claims-more", {CAP: 5_060_000}, {CAP: 5_000_000}, CAP, "site_claims_more",
         "registry", 5_000_000, method="used over the site's claim: 506万"),
    Case("capital/site-claims-more-registry-used", {CAP: 50_000_000}, {CAP: 500_000}, CAP, "site_claims_more",
         "registry", 500_000, method=f"column 注册资本; used over the site's claim: 5000万 ({SITE_URL})"),
    Case("capital/site-claims-less", {CAP: 1_000_000}, {CAP: 5_000_000}, CAP, "site_claims_less", "registry",
         5_000_000),
    Case("capital/registry-only", {}, {CAP: 500_000}, CAP, "registry_only", "registry", 500_000),
    Case("capital/site-only", {CAP: 5_000_000}, ACTIVE, CAP, "site_only", "site", 5_000_000, method="about page"),
    Case("capital/use-site-flags-conflict", {CAP: 50_000_000}, {CAP: 500_000}, CAP, "site_claims_more", "site",
         50_000_000, ("conflict",), f"about page; the registry says 50万 ({ROW})", use={CAP: "site"}),
    Case("capital/use-site-agrees-no-flag", {CAP: 5_000_000}, {CAP: 5_000_000}, CAP, "agrees", "site", 5_000_000,
         use={CAP: "site"}),
    Case("capital/use-site-without-one-uses-registry", {}, {CAP: 500_000}, CAP, "registry_only", "registry",
         500_000, use={CAP: "site"}),
    Case("capital/reviewed-site-value-wins", {CAP: (50_000_000, "high", ("reviewed",))}, {CAP: 500_000}, CAP,
         "site_claims_more", "site", 50_000_000, ("reviewed",), "the registry says 50万"),
    # founding year: agrees when equal; an earlier year claims more years
    Case("founded/agrees", {YEAR: 2009}, {YEAR: 2009}, YEAR, "agrees", "registry", 2009),
    Case("founded/earlier-claims-more", {YEAR: 1998}, {YEAR: 2015}, YEAR, "site_claims_more", "registry", 2015,
         method="used over the site's claim: 1998"),
    Case("founded/later-claims-less", {YEAR: 2018}, {YEAR: 2015}, YEAR, "site_claims_less", "registry", 2015),
    Case("founded/use-site-flags-conflict", {YEAR: 1998}, {YEAR: 2015}, YEAR, "site_claims_more", "site", 1998,
         ("conflict",), f"the registry says 2015 ({ROW})", use={YEAR: "site"}),
    # headcount against insured staff: the site's is scored by default
    Case("headcount/range-contains-insured", {STAFF: [10, 50]}, {"insured_staff": 12}, STAFF, "agrees", "site",
         [10, 50]),
    Case("headcount/equals-insured", {STAFF: 12}, {"insured_staff": 12}, STAFF, "agrees", "site", 12),
    Case("headcount/open-range-contains-insured", {STAFF: [100, None]}, {"insured_staff": 150}, STAFF, "agrees",
         "site", [100, None]),
    Case("headcount/claims-more", {STAFF: 30}, {"insured_staff": 12}, STAFF, "site_claims_more", "site", 30),
    Case("headcount/claims-less", {STAFF: [5, 10]}, {"insured_staff": 12}, STAFF, "site_claims_less", "site",
         [5, 10]),
    Case("headcount/implausible-over-10x", {STAFF: 150}, {"insured_staff": 12}, STAFF, "site_claims_more", "site",
         150, ("implausible",), "about page; site claims 150 staff, the registry has 12 insured (more than 10×)"),
    Case("headcount/range-low-end-over-10x", {STAFF: [150, 200]}, {"insured_staff": 12}, STAFF,
         "site_claims_more", "site", [150, 200], ("implausible",), "site claims 150–200 staff"),
    Case("headcount/9x-not-implausible", {STAFF: 108}, {"insured_staff": 12}, STAFF, "site_claims_more", "site",
         108),
    Case("headcount/exactly-10x-not-implausible", {STAFF: 120}, {"insured_staff": 12}, STAFF,
         "site_claims_more", "site", 120),
    Case("headcount/no-insured-counts-as-one", {STAFF: 11}, {"insured_staff": 0}, STAFF, "site_claims_more",
         "site", 11, ("implausible",)),
    Case("headcount/no-insured-small-site-not-implausible", {STAFF: 5}, {"insured_staff": 0}, STAFF,
         "site_claims_more", "site", 5),
    Case("headcount/rubric-ratio", {STAFF: 40}, {"insured_staff": 12}, STAFF, "site_claims_more", "site", 40,
         ("implausible",), "(more than 3×)", ratio=3),
    Case("headcount/reviewed-not-flagged", {STAFF: (150, "high", ("reviewed",))}, {"insured_staff": 12}, STAFF,
         "site_claims_more", "site", 150, ("reviewed",)),
    Case("headcount/use-registry-scores-insured", {STAFF: 150}, {"insured_staff": 12}, STAFF, "site_claims_more",
         "registry", 12, (), f"insured staff (参保人数) used as the headcount; used over the site's claim: 150 staff "
         f"({SITE_URL})", "high", use={STAFF: "registry"}),
    Case("headcount/registry-only-not-filled", {}, {"insured_staff": 12}, STAFF, "registry_only", ""),
    Case("headcount/registry-only-filled-with-use-registry", {}, {"insured_staff": 12}, STAFF, "registry_only",
         "registry", 12, use={STAFF: "registry"}),
    Case("headcount/site-only", {STAFF: 25}, ACTIVE, STAFF, "site_only", "site", 25),
    # business scope: supports a site's true, never makes it
    Case("scope/supports-raises-low-confidence", {SELLS: (True, "low")}, {"business_scope": "安防工程；门禁系统销售"},
         SELLS, "scope_supports", "site", True, method=f"the registry's business scope names 门禁、安防 ({ROW})",
         confidence="medium"),
    Case("scope/supports-keeps-high-confidence", {SELLS: (True, "high")}, {"business_scope": "门禁系统销售"}, SELLS,
         "scope_supports", "site", True, confidence="high"),
    Case("scope/english-words-any-case", {SELLS: True}, {"business_scope": "Installation of Access Control"}, SELLS,
         "scope_supports", "site", True, method="names access control"),
    Case("scope/only-does-not-make-true", {}, {"business_scope": "门禁系统销售"}, SELLS, "scope_only", ""),
    Case("scope/only-leaves-false", {SELLS: False}, {"business_scope": "门禁系统销售"}, SELLS, "scope_only", "",
         False, method="about page"),
    Case("scope/without-words-no-check", {SELLS: (True, "low")}, {"business_scope": "软件开发；技术咨询"}, SELLS,
         None, value=True, confidence="low"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule(case: Case):
    merged, checks = run(case.site, case.registry, use=case.use, ratio=case.ratio)
    check = check_of(checks, case.field)
    assert (check and check.state, check and check.used) == (case.state, case.used if case.state else None)
    scored = merged.get(case.field)
    assert (scored.value if scored else ABSENT) == case.value
    if scored is None:
        return
    assert scored.flags == case.flags
    assert case.method in scored.method
    assert not case.confidence or scored.confidence == case.confidence


def test_registry_evidence_is_not_flagged_conflict_when_it_wins():
    merged, _ = run({CAP: 50_000_000, YEAR: 1998}, {CAP: 500_000, YEAR: 2015})
    assert merged[CAP].flags == merged[YEAR].flags == ()
    assert (merged[CAP].source_url, merged[CAP].snippet) == (ROW, "500000")


def test_without_registry_evidence_the_site_s_is_returned_unchanged():
    site = make_evidence(SETTLED_A)
    merged, checks = combine(site, {}, settings())
    assert checks == ()
    assert merged == site and merged is not site
    assert all(merged[name] is site[name] for name in site)


def test_registry_only_facts_are_added_as_they_are():
    registry = {n: registry_ev(n, v) for n, v in {
        "registry_status": "active", "registry_id": "91440300MA5XXXXX0X", "legal_representative": "张三",
        "staff_band": "少于50人", "business_scope": "软件开发"}.items()}
    merged, checks = combine(make_evidence(SETTLED_A), registry, settings())
    assert all(merged[name] is ev for name, ev in registry.items())
    assert [c.field for c in checks] == [STAFF]  # only the site's headcount, with no insured figure


def test_checks_come_in_a_fixed_order_and_to_json():
    _, checks = run({CAP: 5e7, STAFF: 150, SELLS: True},
                    {CAP: 5e5, YEAR: 2015, "insured_staff": 12, "business_scope": "门禁"})
    assert [c.field for c in checks] == [CAP, YEAR, STAFF, SELLS]
    assert checks[3].to_json() == {
        "field": SELLS, "state": "scope_supports", "site": True, "registry": ["门禁"], "used": "site",
        "text": "site: sells access control; registry: scope names 门禁; the scope supports the site",
        "text_zh": "网站：经营门禁；工商登记：经营范围含门禁；经营范围佐证网站所述",
    }


# -- texts: what a rep reads, per state, in English and Chinese --------------------------------

TEXTS = [
    ("agrees", {CAP: 5_000_000}, {CAP: 5_000_000}, CAP, {},
     "site: 5,000,000 CNY capital; registry: 5,000,000 CNY capital; they agree",
     "网站：注册资本500万元；工商登记：注册资本500万元；两者一致"),
    ("site_claims_more", {CAP: 50_000_000}, {CAP: 500_000}, CAP, {},
     "site: 50,000,000 CNY capital; registry: 500,000 CNY capital; scored on the registry's",
     "网站：注册资本5000万元；工商登记：注册资本50万元；按工商登记评分"),
    ("site_claims_less", {YEAR: 2018}, {YEAR: 2015}, YEAR, {"use": {YEAR: "site"}},
     "site: founded 2018; registry: founded 2015; scored on the site's",
     "网站：成立于2018年；工商登记：成立于2015年；按网站评分"),
    ("registry_only", {}, {"insured_staff": 12}, STAFF, {},
     "site: no headcount; registry: 12 insured; not used as the headcount",
     "网站：未载明人数；工商登记：参保12人；不作为公司人数"),
    ("site_only", {YEAR: 2009}, ACTIVE, YEAR, {},
     "site: founded 2009; registry: no founding year; scored on the site's",
     "网站：成立于2009年；工商登记：未载明成立年份；按网站评分"),
    ("site_claims_more-implausible", {STAFF: 200}, {"insured_staff": 12}, STAFF, {},
     "site: 200 staff; registry: 12 insured; scored on the site's; more than 10× the insured: flagged implausible",
     "网站：200人；工商登记：参保12人；按网站评分；超过参保人数的10倍，标记为存疑"),
    ("agrees-range", {STAFF: [10, None]}, {"insured_staff": 12}, STAFF, {},
     "site: more than 10 staff; registry: 12 insured; they agree",
     "网站：10人以上；工商登记：参保12人；两者一致"),
    ("site_claims_more-use-registry", {STAFF: [50, 99]}, {"insured_staff": 12}, STAFF, {"use": {STAFF: "registry"}},
     "site: 50–99 staff; registry: 12 insured; the insured figure is scored as the headcount",
     "网站：50至99人；工商登记：参保12人；以参保人数作为公司人数评分"),
    ("scope_supports", {SELLS: True}, {"business_scope": "安防工程；门禁系统销售"}, SELLS, {},
     "site: sells access control; registry: scope names 门禁, 安防; the scope supports the site",
     "网站：经营门禁；工商登记：经营范围含门禁、安防；经营范围佐证网站所述"),
    ("scope_only", {}, {"business_scope": "智能化系统集成"}, SELLS, {},
     "site: does not say it sells access control; registry: scope names 智能化; the scope alone does not make it so",
     "网站：未说明经营门禁；工商登记：经营范围含智能化；仅凭经营范围不能认定"),
    ("scope_only-false", {SELLS: False}, {"business_scope": "Security Systems installation"}, SELLS, {},
     "site: no access control found; registry: scope names security systems; the scope alone does not make it so",
     "网站：未见门禁；工商登记：经营范围含security systems；仅凭经营范围不能认定"),
]


@pytest.mark.parametrize("state, site, registry, name, options, text, text_zh", TEXTS, ids=[t[0] for t in TEXTS])
def test_text_in_both_languages(state, site, registry, name, options, text, text_zh):
    _, checks = run(site, registry, **options)
    check = check_of(checks, name)
    assert check is not None and check.state == state.split("-")[0]
    assert (check.text, check.text_zh) == (text, text_zh)


# -- scoring combined evidence with the default rubric -------------------------------------------

def scored_with_registry(site_spec: dict, registry: dict, rubric=None):
    rubric = rubric or bundled_rubric()
    evidence, _ = combine(make_evidence(site_spec), {n: registry_ev(n, v) for n, v in registry.items()},
                          rubric.registry)
    return score(evidence, rubric, as_of=AS_OF)


@pytest.mark.parametrize("status", ["deregistered", "revoked", "dissolved"])
def test_a_company_that_no_longer_trades_is_knocked_out_to_c(status):
    result = scored_with_registry(SETTLED_A, {"registry_status": status})
    assert (result.total, result.grade, result.grade_range) == (20, "C", ("C", "C"))
    assert [(k.name, k.reason, k.reason_zh) for k in result.knockouts] == [(
        "no_longer_trading",
        "the business registry says it no longer trades (deregistered, licence revoked or dissolved)",
        "工商登记显示已注销、吊销或解散")]
    assert result.knockouts[0].evidence[0].source_url == ROW


@pytest.mark.parametrize("status", ["active", "liquidation", "other"])
def test_a_trading_company_keeps_its_grade(status):
    result = scored_with_registry(SETTLED_A, {"registry_status": status})
    assert (result.grade, result.grade_range, result.knockouts, result.to_verify) == ("A", ("A", "A"), (), ())


def test_no_registry_row_leaves_the_grade_range_and_facts_to_verify_alone(scored):
    result = scored(SETTLED_A)  # registry_status unknown: not a knock-out risk to list
    assert (result.grade, result.grade_range, result.to_verify) == ("A", ("A", "A"), ())


def test_the_cctv_rubric_knocks_out_to_its_lowest_grade():
    rubric = bundled_rubric("cctv-installer-en")
    result = scored_with_registry({"business_model": "integrator", "headcount": 20}, {"registry_status": "dissolved"},
                                  rubric)
    assert (result.grade, [k.name for k in result.knockouts]) == ("D", ["no_longer_trading"])


def test_financial_strength_is_scored_on_the_registry_s_capital():
    site = {**SETTLED_A, "order_history": None, CAP: 50_000_000}
    site = {k: v for k, v in site.items() if v is not None}
    alone = score(make_evidence(site), bundled_rubric(), as_of=AS_OF)
    combined = scored_with_registry(site, {CAP: 500_000})
    before, after = (next(i for i in r.indicators if i.name == "financial_strength") for r in (alone, combined))
    assert (before.points, after.points) == (4, 2)
    assert [e.source_url for e in after.evidence] == [ROW]
    assert (combined.total, after.confidence) == (alone.total - 2, "high")


def test_an_implausible_headcount_is_scored_with_low_confidence():
    site = {**SETTLED_A, STAFF: 150, "business_model": "integrator",  # 16 points: A by the headcount's 4
            "main_product_tier": "foreign_high_end", "product_tiers": ["foreign_high_end"]}
    alone = score(make_evidence(site), bundled_rubric(), as_of=AS_OF)
    result = scored_with_registry(site, {"insured_staff": 12})
    headcount = next(i for i in result.indicators if i.name == "headcount")
    assert (headcount.points, headcount.confidence) == (4, "low")
    assert (alone.grade_range, result.grade, result.grade_range) == (("A", "A"), "A", ("B", "A"))


# -- the rubric's [registry] table --------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(bundled_rubrics()))
def test_bundled_rubrics_write_out_the_defaults(name):
    rubric = bundled_rubric(name)
    assert rubric.registry == RegistrySettings()
    assert dict(rubric.registry.use) == {CAP: "registry", YEAR: "registry", STAFF: "site"}
    assert "no_longer_trading" in [k.name for k in rubric.knockouts]


TINY = """
name = "tiny"
version = 1
grades = [{ grade = "A", min_total = 4 }, { grade = "B" }]
{registry}
[[indicators]]
name = "staff"
label = "staff"
[[indicators.levels]]
points = 4
when = "headcount >= 20"
"""


def test_a_rubric_without_the_table_gets_the_defaults():
    assert parse_rubric(TINY.replace("{registry}", "")).registry == RegistrySettings()


def test_a_partial_table_keeps_the_other_defaults():
    table = '[registry]\nuse = { headcount = "registry" }\nscope_words = ["门禁"]\n'
    settings_ = parse_rubric(TINY.replace("{registry}", table)).registry
    assert dict(settings_.use) == {CAP: "registry", YEAR: "registry", STAFF: "registry"}
    assert (settings_.implausible_ratio, settings_.scope_words) == (10, ("门禁",))
