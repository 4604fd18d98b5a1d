"""The comparison rules of the evaluation (issue 3) on hand-made labels."""
import pytest

from extractors.evaluation import aggregate, compare, format_report
from prospect.models import Evidence


def ev(name, value, confidence="high", flags=()):
    return Evidence(name, value, confidence, flags=flags)


def outcome(label, fields, name):
    return next(o for o in compare(label, fields) if o.field == name)


@pytest.mark.parametrize("label, got, right", [
    (2009, 2009, True), (2009, 2010, False),
])
def test_years_exact(label, got, right):
    assert outcome({"founded_year": label}, {"founded_year": ev("founded_year", got)},
                   "founded_year").correct is right


@pytest.mark.parametrize("label, got, right", [
    (75, 75, True), (75, 74, False), ([50, 99], 60, True), ([50, 99], 100, False),
    ([100, None], 250, True), ([50, 99], [50, 99], True), (50, [50, None], False),
])
def test_headcount(label, got, right):
    assert outcome({"headcount": label}, {"headcount": ev("headcount", got)},
                   "headcount").correct is right


@pytest.mark.parametrize("got, right", [(5_000_000, True), (5_040_000, True), (5_100_000, False)])
def test_capital_within_one_percent(got, right):
    label = {"registered_capital_cny": 5_000_000}
    fields = {"registered_capital_cny": ev("registered_capital_cny", got)}
    assert outcome(label, fields, "registered_capital_cny").correct is right


def test_unknown_labels_are_skipped():
    fields = {"office_type": ev("office_type", "residential")}
    assert all(o.field != "office_type" for o in compare({"office_type": "unknown"}, fields))


def test_value_where_label_is_null_is_false_positive():
    result = outcome({"founded_year": None}, {"founded_year": ev("founded_year", 2010, "low")},
                     "founded_year")
    assert result.fp == 1 and result.correct is False


def test_inferred_values_are_also_reported_apart():
    fields = {"founded_year": ev("founded_year", 2010, "low", ("inferred",))}
    fields_out = compare({"founded_year": None}, fields)
    assert all(o.field != "founded_year[stated]" for o in fields_out)


def test_phones_as_digit_sets():
    label = {"phone_numbers": ["(586) 339\u20115370", "1-800-778-3173"]}
    fields = {"phone_numbers": ev("phone_numbers", ["+1 586-339-5370", "+1 800-778-3173"])}
    result = outcome(label, fields, "phone_numbers")
    assert (result.tp, result.fp, result.fn, result.correct) == (2, 0, 0, True)


def test_clients_as_name_sets():
    label = {"reference_clients": ["Agent Jacks (Bar and Restaurant)", "KFC"]}
    got = [{"name": "Agent Jacks", "sector": "other", "notable": False},
           {"name": "Subway", "sector": "enterprise", "notable": True}]
    result = outcome(label, {"reference_clients": ev("reference_clients", got)},
                     "reference_clients")
    assert (result.tp, result.fp, result.fn) == (1, 1, 1)


def test_aggregate_and_print():
    label = {"founded_year": 2009, "phone_numbers": ["0571-85369138"]}
    fields = {"founded_year": ev("founded_year", 2009),
              "phone_numbers": ev("phone_numbers", ["0571-85369138", "13023091972"], "medium")}
    report = aggregate([("site-a", compare(label, fields))])
    assert report.fields["founded_year"].precision() == 1.0
    assert report.fields["phone_numbers"].precision() == 0.5
    assert report.high_precision() == 1.0
    text = format_report(report)
    assert "founded_year" in text and "site-a" in text
    assert report.metrics()["phone_numbers.recall"] == 1.0
