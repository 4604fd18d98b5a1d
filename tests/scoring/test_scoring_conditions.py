"""The condition language (three-valued evaluation, checks) and the TOML key-line locator."""
from __future__ import annotations

import tomllib

import pytest

from prospect_intel.core.fields import FIELD_TYPES
from prospect_intel.scoring.conditions import compile_condition
from prospect_intel.scoring.errors import ConditionError
from prospect_intel.scoring.toml_lines import key_lines, line_of

MID, HIGH = "domestic_mid_networked", "foreign_high_end"

EVALUATIONS = [
    # (condition, values, expected)
    ("headcount >= 20", {"headcount": 20}, True),
    ("headcount >= 20", {"headcount": 19}, False),
    ("headcount >= 20", {}, None),
    ("10 <= headcount < 20", {"headcount": 10}, True),
    ("10 <= headcount < 20", {"headcount": 20}, False),
    ("20 <= headcount", {"headcount": 25}, True),
    ("registered_capital_cny >= 1_000_000", {"registered_capital_cny": 999_999.5}, False),
    ("sales_staff >= 4 and tech_staff >= 4", {"sales_staff": 1}, False),  # False and unknown
    ("sales_staff >= 4 and tech_staff >= 4", {"sales_staff": 5}, None),  # True and unknown
    ("sales_staff >= 4 or tech_staff >= 4", {"sales_staff": 5}, True),  # True or unknown
    ("sales_staff >= 4 or tech_staff >= 4", {"sales_staff": 1}, None),  # False or unknown
    ("not headcount >= 20", {}, None),
    ("not headcount >= 20", {"headcount": 3}, True),
    ("access_control_is_main == false", {"access_control_is_main": False}, True),
    ("access_control_is_main == False", {"access_control_is_main": True}, False),
    ("sells_access_control", {"sells_access_control": True}, True),
    ('business_model in ["distributor", "mixed"]', {"business_model": "mixed"}, True),
    ('business_model not in ["distributor", "mixed"]', {"business_model": "mixed"}, False),
    (f'"{HIGH}" in product_tiers', {"product_tiers": [MID, HIGH]}, True),
    (f'"{HIGH}" not in product_tiers', {"product_tiers": [MID]}, True),
    ("distinct(product_tiers) >= 2", {"product_tiers": [MID, MID]}, False),
    ("len(product_tiers) >= 2", {"product_tiers": [MID, MID]}, True),
    ('"门禁" in main_business', {"main_business": "安防工程、门禁系统"}, True),
    ('"access control" in main_business', {"main_business": "Access Control installs"}, True),
    ('"hikvision" in brands', {"brands": ["HIKVISION", "ZKTeco"]}, True),
    ("len(reference_clients) >= 1", {"reference_clients": [{"name": "x"}]}, True),
    ("known(order_history)", {}, False),
    ("known(order_history)", {"order_history": "regular_no_arrears"}, True),
    ("not known(order_history)", {}, True),
]


@pytest.mark.parametrize("text, values, expected", EVALUATIONS,
                         ids=[f"{t} | {v}" for t, v, _ in EVALUATIONS])
def test_evaluate(text, values, expected):
    assert compile_condition(text, FIELD_TYPES).evaluate(values) is expected


def test_fields_are_collected():
    condition = compile_condition("headcount >= 20 and (sales_staff >= 4 or known(tech_staff))", FIELD_TYPES)
    assert condition.fields == ("headcount", "sales_staff", "tech_staff")


REJECTED = [
    ("headcont >= 20", "unknown field 'headcont' (did you mean 'headcount'?)"),
    ("headcount * 2 >= 20", "operator '*' is not allowed"),
    ("headcount is 20", "operator 'is' is not allowed"),
    ("headcount >= sales_staff", "compare a field with a constant"),
    ("1 < 2", "compares two constants"),
    ("headcount", "headcount is int, not true/false"),
    ('headcount >= "20"', "cannot be compared with '20'"),
    ("business_model == 3", "cannot be compared with 3"),
    ('business_model == "retail"', "'retail' is not a value of business_model"),
    ('"retail" in product_tiers', "'retail' is not a value of product_tiers"),
    ('product_tiers == "x"', "operator '==' cannot be used with product_tiers"),
    ("sells_access_control > 1", "operator '>' cannot be used with sells_access_control"),
    ("business_model in 3", "needs a list of values"),
    ("len(headcount) > 2", "len() needs a list field"),
    ("size(brands) > 2", "unknown function 'size'"),
    ("headcount == null", "not a value; use known(field)"),
    ("headcount == None", "not a value; use known(field)"),
    ("headcount >= 20 &&", "syntax error"),
    ("", "non-empty"),
]


@pytest.mark.parametrize("text, message", REJECTED, ids=[t or "empty" for t, _ in REJECTED])
def test_rejected(text, message):
    with pytest.raises(ConditionError) as caught:
        compile_condition(text, FIELD_TYPES)
    assert message in str(caught.value)


SAMPLE = '''\
name = "x"   # comment with [brackets] and key = value
description = """
[not.a.table]
fake = "no"
"""
grades = [
  { grade = "A", min_total = 16 },
  { grade = "B" },
]

[scoring]
min_indicators = 2

[derived.years]
sources = [
  { field = "founded_year", transform = "years_since" },
]

[[indicators]]
name = "a"
"quoted.key" = "it's ] ["

[[indicators.levels]]
points = 4
when = 'x == "]"'

[[indicators]]
name = "b"

[[indicators.levels]]
points = 1
[[indicators.levels]]
points = 2
'''


@pytest.mark.parametrize("path, line", [
    (("name",), 1), (("description",), 2), (("grades",), 6), (("grades", 0), 7),
    (("grades", 0, "min_total"), 7), (("grades", 1, "grade"), 8), (("scoring",), 11),
    (("scoring", "min_indicators"), 12), (("derived", "years", "sources", 0, "transform"), 16),
    (("indicators", 0), 19), (("indicators", 0, "quoted.key"), 21),
    (("indicators", 0, "levels", 0, "when"), 25), (("indicators", 1, "name"), 28),
    (("indicators", 1, "levels", 1), 32), (("indicators", 1, "levels", 1, "points"), 33),
], ids=lambda v: str(v))
def test_key_lines(path, line):
    tomllib.loads(SAMPLE)  # the sample is valid TOML
    assert line_of(key_lines(SAMPLE), path) == line


def test_missing_key_falls_back_to_its_table():
    lines = key_lines(SAMPLE)
    assert ("not", "a", "table") not in lines
    assert line_of(lines, ("indicators", 1, "levels", 0, "when")) == 30
