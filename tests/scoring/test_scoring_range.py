"""Grade range, facts to verify, unscored prospects and reviewed evidence (default rubric).

The brute-force tests re-score every combination of a dense grid of values for the open fields
(each as settled, reviewed evidence) and check that the grade range the scorer computed is
exactly the lowest and highest grade found.
"""
from __future__ import annotations

import itertools

import pytest

MID, HIGH, LOW = "domestic_mid_networked", "foreign_high_end", "domestic_low_standalone"
REVIEWED = ("reviewed",)
GRADES = "ABC"
LOW_MAIN = {"main_product_tier": LOW, "product_tiers": [LOW]}  # 17 points with the settled base


def test_settled_prospect_has_one_grade_and_nothing_to_verify(with_base):
    result = with_base({})
    assert (result.total, result.grade, result.grade_range) == (20, "A", ("A", "A"))
    assert result.to_verify == ()


def test_staff_split_decides_a(with_base):
    """12 points settled elsewhere: only a confirmed 20+ headcount with the split reaches A."""
    result = with_base({"business_model": "integrator", "headcount": None, "sales_staff": None,
                        "tech_staff": None,
                        "order_history": ("regular_with_arrears", "high", REVIEWED)})
    assert (result.total, result.grade, result.grade_range) == (14, "B", ("B", "A"))
    assert result.indicator("headcount").confidence == "none"
    assert result.to_verify == (
        "A if headcount: 20 or more people, with at least 4 sales and 4 technical staff is "
        "confirmed (total 16); ask for the staff split (sales and technical staff)",
    )


def test_claimed_headcount_with_unknown_split_can_drop_a_grade(with_base):
    result = with_base({"main_product_tier": LOW, "product_tiers": [LOW], "headcount": (25, "medium"),
                        "sales_staff": None, "tech_staff": None})
    assert (result.total, result.grade, result.grade_range) == (17, "A", ("B", "A"))
    assert result.indicator("headcount").state == "unconfirmed"
    assert result.to_verify == (
        "B if headcount: 10 or more people, but fewer than 2 sales or 2 technical staff (total 15)"
        "; ask for the staff split (sales and technical staff)",
    )


def test_missing_order_history_leaves_the_capital_reading_open(with_base):
    result = with_base({"order_history": None, "registered_capital_cny": 5_000_000,
                        "business_model": "mixed", "headcount": 9})
    assert (result.total, result.grade, result.grade_range) == (17, "A", ("B", "A"))
    assert result.to_verify == (
        "B if financial strength: (rep's records) usual orders of 40k or 10k CNY, with arrears or "
        "cash-flow complaints (total 15); ask about usual order size and whether it pays on time",
    )


def test_low_confidence_value_is_scored_but_open(with_base):
    result = with_base({"business_model": ("distributor", "low"), **LOW_MAIN})
    assert result.indicator("business_model").points == 4
    assert result.indicator("business_model").confidence == "low"
    assert result.grade == "A"
    assert result.grade_range == ("B", "A")
    # The mildest change that moves the grade is named, not the worst one (manufacturer, 0).
    assert result.to_verify == (
        "B if business model: mainly engineering projects (total 15); ask how much of its "
        "turnover is equipment sales and how much engineering projects",
    )


def test_missing_knockout_field_puts_c_in_range(with_base):
    result = with_base({"access_control_is_main": None})
    assert (result.grade, result.grade_range) == ("A", ("C", "A"))
    assert result.to_verify[0] == (
        "C (knock-out) if access control is not its main business, only done alongside projects "
        "now and then; confirm that access control is its main line"
    )


def test_weak_knockout_can_be_lifted(with_base):
    result = with_base({"access_control_is_main": (False, "low")})
    assert (result.grade, result.grade_range) == ("C", ("C", "A"))
    assert result.knockout.confidence == "low"
    assert result.to_verify[0].startswith("A if the knock-out does not hold")


def test_range_needing_several_facts_says_so(with_base):
    result = with_base({"headcount": (25, "medium"), "sales_staff": None, "tech_staff": None,
                        "order_history": None, "registered_capital_cny": 5_000_000,
                        "years_in_access_control": None, "founded_year": 2009})
    assert (result.total, result.grade, result.grade_range) == (20, "A", ("B", "A"))
    assert len(result.to_verify) == 1
    line = result.to_verify[0]
    assert line.startswith("B only if these turn out together (total 14): ")
    # Two of the three open indicators already reach B; the third is not needed.
    assert "financial strength: (rep's records) usual orders under 10k CNY" in line
    assert "years in access control: under 2 years" in line
    assert "headcount:" not in line


def test_grade_always_lies_in_its_range(with_base):
    cases = [{"headcount": h, "business_model": b, "access_control_is_main": k}
             for h in (None, (5, "low"), [10, 30]) for b in (None, "mixed", ("integrator", "low"))
             for k in (None, True, (False, "low"))]
    for overrides in cases:
        result = with_base(overrides)
        low, high = result.grade_range
        assert GRADES.index(high) <= GRADES.index(result.grade) <= GRADES.index(low), overrides


# -- brute force -----------------------------------------------------------------------------

BRUTE = [
    pytest.param(
        {"headcount": None, "sales_staff": None, "tech_staff": None, "business_model": "mixed",
         **LOW_MAIN},
        {"headcount": [None, *range(0, 26)], "sales_staff": [None, *range(0, 6)],
         "tech_staff": [None, *range(0, 6)]},
        id="headcount-and-split-missing"),
    pytest.param(
        {"order_history": None, "registered_capital_cny": (600_000, "low"), "headcount": 9},
        {"order_history": [None, "regular_no_arrears", "regular_with_arrears", "small_with_arrears"],
         "registered_capital_cny": [0, 500_000, 999_999, 1_000_000, 1_000_001, 80_000_000]},
        id="finance-order-history-missing-capital-low"),
    pytest.param(
        {"years_in_access_control": None, "founded_year": 2020, "business_model": "integrator",
         "headcount": 12},
        {"years_in_access_control": [None, *range(0, 12)]},
        id="years-explicit-missing-founded-known"),
    pytest.param(
        {"access_control_is_main": None, "sells_access_control": (True, "low"),
         "main_product_tier": None, "product_tiers": None, "headcount": 12},
        {"access_control_is_main": [None, True, False], "sells_access_control": [True, False],
         "main_product_tier": [None, MID, HIGH, LOW],
         "product_tiers": [None] + [list(c) for r in range(4) for c in itertools.combinations((MID, HIGH, LOW), r)]},
        id="knockouts-and-tiers-open"),
    pytest.param(
        {"headcount": ([10, 30], "medium"), "sales_staff": (4, "high", REVIEWED),
         "tech_staff": (4, "high", REVIEWED), "business_model": "integrator",
         "order_history": ("regular_with_arrears", "high", REVIEWED)},
        {"headcount": list(range(10, 31))},
        id="headcount-claimed-as-a-range"),
]


@pytest.mark.parametrize("overrides, grid", BRUTE)
def test_grade_range_matches_brute_force(with_base, overrides, grid):
    result = with_base(overrides)
    seen = set()
    names = list(grid)
    for combo in itertools.product(*grid.values()):
        trial = dict(overrides)
        trial.update({n: None if v is None else (v, "high", REVIEWED) for n, v in zip(names, combo)})
        seen.add(with_base(trial).grade)
    expected = (max(seen, key=GRADES.index), min(seen, key=GRADES.index))
    assert result.grade_range == expected
    assert len(seen) > 1  # the case really is open


# -- reviewed evidence and flags --------------------------------------------------------------


def test_reviewed_value_is_high_confidence_and_settled(with_base):
    weak = with_base({"business_model": ("distributor", "low"), **LOW_MAIN})
    reviewed = with_base({"business_model": ("distributor", "low", REVIEWED), **LOW_MAIN})
    assert weak.grade_range == ("B", "A")
    assert reviewed.indicator("business_model").confidence == "high"
    assert reviewed.indicator("business_model").evidence[0].confidence == "high"
    assert reviewed.grade_range == ("A", "A")


def test_implausible_flag_counts_as_low_unless_reviewed(with_base):
    implausible = with_base({"headcount": (80, "high", ("implausible",)), **LOW_MAIN})
    assert implausible.indicator("headcount").confidence == "low"
    assert implausible.grade_range == ("B", "A")
    confirmed = with_base({"headcount": (80, "high", ("implausible", "reviewed")), **LOW_MAIN})
    assert confirmed.indicator("headcount").confidence == "high"
    assert confirmed.grade_range == ("A", "A")


def test_reviewed_inferred_years_count_as_explicit(with_base):
    result = with_base({"years_in_access_control": (1, "low", ("inferred", "reviewed")),
                        "founded_year": 2000})
    indicator = result.indicator("years_in_access_control")
    assert indicator.points == 1
    assert [e.field for e in indicator.evidence] == ["years_in_access_control"]
    assert indicator.confidence == "high"


# -- unscored ----------------------------------------------------------------------------------


@pytest.mark.parametrize("spec", [
    {},
    {"company_name": "某某安防", "phone_numbers": ["0551-1234567"]},
    {"headcount": "dozens", "business_model": "retailer"},
    {"registered_capital_cny": 5_000_000},
], ids=["nothing", "contact-only", "values-off-contract", "one-indicator-only"])
def test_no_usable_evidence_is_unscored_not_c(scored, spec):
    result = scored(spec)
    assert result.grade is None and result.total is None
    assert result.unscored.startswith("no usable evidence")
    assert result.to_json()["grade"] is None
    assert result.to_json()["unscored"] == result.unscored
    assert any("ask for the staff split" in line for line in result.to_verify)


def test_unscored_reason_names_ignored_values(scored):
    result = scored({"headcount": "dozens"})
    assert "headcount: value 'dozens' ignored" in result.unscored
    assert result.notes == ("headcount: value 'dozens' ignored (not a number)",)


def test_knockout_alone_is_scored(scored):
    result = scored({"sells_access_control": False})
    assert result.unscored is None
    assert result.grade == "C"
    assert result.knockout.name == "no_access_control"


def test_two_indicators_are_enough_to_score(scored):
    result = scored({"business_model": "distributor", "main_product_tier": MID})
    assert result.unscored is None
    assert result.grade is not None


def test_the_facts_to_verify_in_chinese_use_the_rubric_s_chinese(with_base):
    result = with_base({"business_model": "integrator", "headcount": None, "sales_staff": None,
                        "tech_staff": None,
                        "order_history": ("regular_with_arrears", "high", REVIEWED)})
    assert result.to_verify_zh == (
        "若公司人数：20人以上，销售与技术人员各4人以上得到确认，则为 A（总分 16）；问人员构成（销售和技术人员各多少）",
    )


def test_a_knockout_risk_in_chinese(with_base):
    result = with_base({"access_control_is_main": None})
    assert result.to_verify_zh[0] == "若门禁不是主营，只是做工程时偶尔附带，则为 C（一票否决）；核实门禁是否为主营业务"
    lifted = with_base({"access_control_is_main": (False, "low")})
    assert lifted.to_verify_zh[0].startswith("若一票否决不成立（门禁不是主营")


def test_several_facts_together_in_chinese(with_base):
    result = with_base({"headcount": (25, "medium"), "sales_staff": None, "tech_staff": None,
                        "order_history": None, "registered_capital_cny": 5_000_000,
                        "years_in_access_control": None, "founded_year": 2009})
    assert len(result.to_verify_zh) == 1
    assert result.to_verify_zh[0].startswith("只有以下各项同时成立，才为 B（总分 14）：")
    assert "经营门禁产品的年限：2年以下" in result.to_verify_zh[0]

