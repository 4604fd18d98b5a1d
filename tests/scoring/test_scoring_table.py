"""SPEC.md "The indicator table" row by row, with its boundaries, knock-outs and grade thresholds.

Each case starts from a prospect whose every indicator is settled (4+4+4+4+4 = 20, grade A) and
changes only what the row is about.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

MID, HIGH, LOW = "domestic_mid_networked", "foreign_high_end", "domestic_low_standalone"
REVIEWED = ("reviewed",)


@dataclass(frozen=True)
class Row:
    id: str
    indicator: str
    overrides: dict
    points: float
    condition: str  # a fragment of the matched condition's words
    state: str = "matched"
    evidence: tuple[str, ...] = field(default=())  # fields the indicator must say it used


def staff(total, sales=None, tech=None):
    """Headcount overrides; sales/tech None leaves the split unknown."""
    return {
        "headcount": total,
        "sales_staff": None if sales is None else (sales, "high", REVIEWED),
        "tech_staff": None if tech is None else (tech, "high", REVIEWED),
    }


ROWS = [
    # main product 主营产品
    Row("main-product/mid-networked-4", "main_product", {"main_product_tier": MID}, 4, "mid-range networked"),
    Row(
        "main-product/foreign-high-end-2",
        "main_product",
        {"main_product_tier": HIGH, "product_tiers": [HIGH]},
        2,
        "foreign high-end",
    ),
    Row(
        "main-product/low-standalone-1",
        "main_product",
        {"main_product_tier": LOW, "product_tiers": [LOW]},
        1,
        "low-end standalone",
    ),
    Row(
        "main-product/bonus-two-tiers-plus-2",
        "main_product",
        {"main_product_tier": MID, "product_tiers": [MID, HIGH]},
        6,
        "two or more different tiers",
    ),
    Row(
        "main-product/bonus-on-low-tier",
        "main_product",
        {"main_product_tier": LOW, "product_tiers": [LOW, HIGH, MID]},
        3,
        "two or more different tiers",
    ),
    Row(
        "main-product/same-tier-twice-no-bonus",
        "main_product",
        {"main_product_tier": MID, "product_tiers": [MID, MID]},
        4,
        "mid-range networked",
    ),
    # business model 经营模式
    Row("business-model/distributor-4", "business_model", {"business_model": "distributor"}, 4, "pure equipment sales"),
    Row(
        "business-model/mixed-3",
        "business_model",
        {"business_model": "mixed"},
        3,
        "sales and engineering projects both",
    ),
    Row(
        "business-model/integrator-2",
        "business_model",
        {"business_model": "integrator"},
        2,
        "mainly engineering projects",
    ),
    Row(
        "business-model/manufacturer-0-flagged", "business_model", {"business_model": "manufacturer"}, 0, "manufacturer"
    ),
    # headcount 公司人数
    Row(
        "headcount/25-with-5-and-6-4",
        "headcount",
        staff(25, 5, 6),
        4,
        "20 or more people",
        evidence=("headcount", "sales_staff", "tech_staff"),
    ),
    Row("headcount/20-with-4-and-4-4", "headcount", staff(20, 4, 4), 4, "20 or more people"),
    Row("headcount/19-with-4-and-4-3", "headcount", staff(19, 4, 4), 3, "10 to 19 people"),
    Row("headcount/10-with-2-and-2-3", "headcount", staff(10, 2, 2), 3, "10 to 19 people"),
    Row("headcount/9-with-2-and-2-2", "headcount", staff(9, 2, 2), 2, "fewer than 10 people"),
    Row("headcount/9-split-unknown-2", "headcount", staff(9), 2, "fewer than 10 people"),
    Row(
        "headcount/25-split-3-sales-drops-to-3",
        "headcount",
        staff(25, 3, 4),
        3,
        "20 or more people, but fewer than 4 sales",
        state="dropped",
    ),
    Row(
        "headcount/25-split-1-and-1-drops-to-2",
        "headcount",
        staff(25, 1, 1),
        2,
        "10 or more people, but fewer than 2 sales",
        state="dropped",
    ),
    Row(
        "headcount/15-split-1-tech-drops-to-2",
        "headcount",
        staff(15, 5, 1),
        2,
        "10 or more people, but fewer than 2",
        state="dropped",
    ),
    Row("headcount/25-split-unknown-scored-by-total", "headcount", staff(25), 4, "not confirmed", state="unconfirmed"),
    Row(
        "headcount/25-sales-known-tech-unknown", "headcount", staff(25, 6), 4, "tech_staff unknown", state="unconfirmed"
    ),
    Row("headcount/range-20-or-more", "headcount", staff([20, None], 4, 4), 4, "20 or more people"),
    Row("headcount/range-counts-its-min", "headcount", staff([10, 50], 4, 4), 3, "10 to 19 people"),
    # financial strength 公司资金实力
    Row(
        "finance/capital-1000000-4",
        "financial_strength",
        {"order_history": None, "registered_capital_cny": 1_000_000},
        4,
        "1,000,000 CNY or more",
        evidence=("registered_capital_cny",),
    ),
    Row(
        "finance/capital-999999-2",
        "financial_strength",
        {"order_history": None, "registered_capital_cny": 999_999},
        2,
        "under 1,000,000",
        evidence=("registered_capital_cny",),
    ),
    Row(
        "finance/orders-regular-no-arrears-4",
        "financial_strength",
        {"order_history": ("regular_no_arrears", "high", REVIEWED)},
        4,
        "no arrears",
    ),
    Row(
        "finance/orders-regular-with-arrears-2",
        "financial_strength",
        {"order_history": ("regular_with_arrears", "high", REVIEWED)},
        2,
        "with arrears",
    ),
    Row(
        "finance/orders-small-with-arrears-1",
        "financial_strength",
        {"order_history": ("small_with_arrears", "high", REVIEWED)},
        1,
        "under 10k",
    ),
    Row(
        "finance/order-history-beats-capital",
        "financial_strength",
        {"order_history": ("small_with_arrears", "high", REVIEWED), "registered_capital_cny": 5_000_000},
        1,
        "under 10k",
        evidence=("order_history",),
    ),
    # years in access control 经营门禁产品的年限
    Row("years/explicit-3-4", "years_in_access_control", {"years_in_access_control": 3}, 4, "3 years or more"),
    Row("years/explicit-2-2", "years_in_access_control", {"years_in_access_control": 2}, 2, "2 years or more"),
    Row("years/explicit-1-1", "years_in_access_control", {"years_in_access_control": 1}, 1, "under 2 years"),
    Row("years/explicit-0-1", "years_in_access_control", {"years_in_access_control": 0}, 1, "under 2 years"),
    Row(
        "years/explicit-beats-founding-year",
        "years_in_access_control",
        {"years_in_access_control": 1, "founded_year": 2000},
        1,
        "under 2 years",
        evidence=("years_in_access_control",),
    ),
    Row(
        "years/founded-2023-is-3-years-to-2026",
        "years_in_access_control",
        {"years_in_access_control": None, "founded_year": 2023},
        4,
        "3 years or more",
        evidence=("founded_year",),
    ),
    Row(
        "years/founded-2024-is-2-years",
        "years_in_access_control",
        {"years_in_access_control": None, "founded_year": 2024},
        2,
        "2 years or more",
    ),
    Row(
        "years/founded-2025-is-1-year",
        "years_in_access_control",
        {"years_in_access_control": None, "founded_year": 2025},
        1,
        "under 2 years",
    ),
    Row(
        "years/founding-year-beats-inferred-years",
        "years_in_access_control",
        {"years_in_access_control": (10, "low", ("inferred",)), "founded_year": 2024},
        2,
        "2 years or more",
        evidence=("founded_year",),
    ),
    Row(
        "years/inferred-years-as-last-resort",
        "years_in_access_control",
        {"years_in_access_control": (10, "low", ("inferred",))},
        4,
        "3 years or more",
        evidence=("years_in_access_control",),
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_indicator_row(with_base, row):
    result = with_base(row.overrides)
    indicator = result.indicator(row.indicator)
    assert indicator.points == row.points
    assert row.condition in indicator.condition
    assert indicator.state == row.state
    if row.evidence:
        assert [e.field for e in indicator.evidence] == list(row.evidence)


@dataclass(frozen=True)
class Total:
    id: str
    overrides: dict
    total: int
    grade: str


# Totals on both sides of each threshold (16分以上 A, 10分以上16分以下 B, 10分以下 C).
TOTALS = [
    Total("22-A-max", {"product_tiers": [MID, HIGH]}, 22, "A"),
    Total("16-A", {"headcount": 9, "order_history": ("regular_with_arrears", "high", REVIEWED)}, 16, "A"),
    Total("15-B", {"business_model": "mixed", "headcount": 9,
                   "order_history": ("regular_with_arrears", "high", REVIEWED)}, 15, "B"),
    Total("10-B", {"main_product_tier": LOW, "product_tiers": [LOW], "business_model": "integrator",
                   "headcount": 9, "order_history": ("small_with_arrears", "high", REVIEWED)}, 10, "B"),
    Total("9-C", {"main_product_tier": LOW, "product_tiers": [LOW], "business_model": "integrator",
                  "headcount": 9, "order_history": ("regular_with_arrears", "high", REVIEWED),
                  "years_in_access_control": 2}, 9, "C"),
]


@pytest.mark.parametrize("case", TOTALS, ids=[t.id for t in TOTALS])
def test_total_and_grade(with_base, case):
    result = with_base(case.overrides)
    assert (result.total, result.grade) == (case.total, case.grade)
    assert result.grade_range == (case.grade, case.grade)  # everything settled
    assert result.to_verify == ()


@pytest.mark.parametrize("total, grade", [
    (0, "C"), (9, "C"), (9.99, "C"), (10, "B"), (15, "B"), (15.99, "B"), (16, "A"), (22, "A"),
], ids=lambda v: str(v))
def test_grade_thresholds(default_rubric, total, grade):
    assert default_rubric.grade_for(total) == grade


@pytest.mark.parametrize("overrides, name", [
    ({"access_control_is_main": False}, "access_control_not_main"),
    ({"sells_access_control": False}, "no_access_control"),
    ({"sells_access_control": False, "access_control_is_main": False}, None),
], ids=["not-main-business", "does-not-sell-access-control", "both"])
def test_knockout_forces_c_regardless_of_points(with_base, overrides, name):
    result = with_base({**overrides, "product_tiers": [MID, HIGH]})
    assert result.total == 22
    assert result.grade == "C"
    assert result.grade_range == ("C", "C")
    assert result.knockout is not None
    if name:
        assert [k.name for k in result.knockouts] == [name]
    else:
        assert {k.name for k in result.knockouts} == {"access_control_not_main", "no_access_control"}
    assert result.to_json()["knockout"]["reason"] == result.knockout.reason
    assert result.knockout.evidence


def test_no_knockout_when_access_control_is_main(with_base):
    result = with_base({})
    assert result.knockout is None
    assert result.to_json()["knockout"] is None
    assert result.grade == "A"


def test_manufacturer_is_flagged_not_graded_as_dealer(with_base):
    result = with_base({"business_model": "manufacturer"})
    assert result.manufacturer
    assert result.flags == ("manufacturer",)
    assert result.indicator("business_model").points == 0
    assert result.total == 16 and result.grade == "A"
    assert result.to_verify[0].startswith("manufacturer (生产厂家)")
    assert result.to_json()["manufacturer"] is True


def test_dealer_is_not_flagged(with_base):
    assert not with_base({}).manufacturer


def test_order_history_missing_says_capital_was_used(with_base):
    result = with_base({"order_history": None, "registered_capital_cny": 5_000_000})
    indicator = result.indicator("financial_strength")
    assert [e.field for e in indicator.evidence] == ["registered_capital_cny"]
    assert any("order_history: no value" in note for note in indicator.notes)


def test_split_unknown_lowers_confidence(with_base):
    known = with_base(staff(25, 5, 5)).indicator("headcount")
    unknown = with_base(staff(25)).indicator("headcount")
    assert known.confidence == "high"
    assert unknown.confidence == "medium"
    assert any("confidence lowered" in note for note in unknown.notes)


@pytest.mark.parametrize("founded_confidence, expected", [("high", "medium"), ("medium", "low")])
def test_founding_year_is_a_weaker_proxy(with_base, founded_confidence, expected):
    result = with_base({"years_in_access_control": None, "founded_year": (2010, founded_confidence)})
    indicator = result.indicator("years_in_access_control")
    assert indicator.confidence == expected
    assert "years since founded_year 2010, to 2026" in indicator.evidence[0].derived


@pytest.mark.parametrize("as_of, points", [
    (dt.date(2026, 1, 1), 4), (dt.date(2025, 12, 31), 2), (dt.date(2024, 6, 1), 1),
], ids=["2026-3-years", "2025-2-years", "2024-1-year"])
def test_founding_year_counts_to_the_crawl_date(with_base, as_of, points):
    result = with_base({"years_in_access_control": None, "founded_year": 2023}, as_of=as_of)
    assert result.indicator("years_in_access_control").points == points
    assert result.as_of == as_of
