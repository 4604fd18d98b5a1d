"""The comparison rules of the evaluation (issue 3) on hand-made labels."""
import pytest

from prospect_intel.core.models import Evidence
from prospect_intel.evaluation.harness import _matches, aggregate, compare, format_report, set_apart_unreachable
from prospect_intel.evaluation.labelfix import Correction, apply_corrections, load_corrections


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


# --- an inferred year where the label records an age statement --------------------------------

AGE = {"founded_year": None, "years_in_business_text": "我公司成立十余年来"}


@pytest.mark.parametrize("snippet, right", [
    ("我公司成立十余年来，始终坚持质量第一。", True),
    ("我 公司成立十余年来", True),
    ("Copyright 2010-2026 某公司", False),
])
def test_inferred_year_from_the_labelled_age_statement(snippet, right):
    got = Evidence("founded_year", 2016, "low", snippet=snippet, flags=("inferred",))
    result = outcome(AGE, {"founded_year": got}, "founded_year")
    assert (result.correct, result.tp, result.fp, result.fn) == (right, int(right), int(not right), 0)


def test_stated_year_where_the_label_has_only_an_age_is_still_false():
    got = Evidence("founded_year", 2016, "high", snippet="我公司成立十余年来")
    assert outcome(AGE, {"founded_year": got}, "founded_year").fp == 1


# --- unreachable labelled pages ---------------------------------------------------------------

def test_misses_on_an_unreachable_page_are_set_apart():
    label = {"founded_year": 2009, "phone_numbers": ["0571-85369138"],
             "pages": {"about": "about.html", "contact": "contact.html"}}
    outcomes = set_apart_unreachable(compare(label, {}), label, {"about"})
    by_field = {o.field: o for o in outcomes}
    assert (by_field["founded_year"].fn, by_field["founded_year"].unreach) == (0, 1)
    assert (by_field["phone_numbers"].fn, by_field["phone_numbers"].unreach) == (1, 0)
    report = aggregate([("site-a", outcomes)])
    assert report.fields["founded_year"].recall() is None
    assert report.fields["founded_year"].unreach == 1
    assert "unreach" in format_report(report).splitlines()[0]


def test_a_value_found_anyway_is_scored():
    label = {"founded_year": 2009, "pages": {"about": "about.html"}}
    outcomes = set_apart_unreachable(compare(label, {"founded_year": ev("founded_year", 2009)}),
                                     label, {"about"})
    assert next(o for o in outcomes if o.field == "founded_year").tp == 1


def test_no_unreach_column_without_unreachable_pages():
    report = aggregate([("site-a", compare({"founded_year": 2009}, {}))])
    assert "unreach" not in format_report(report)


# --- label corrections ------------------------------------------------------------------------

def _site(tmp_path, text):
    folder = tmp_path / "acme"
    folder.mkdir()
    (folder / "index.html").write_text(f"<html><body><p>{text}</p></body></html>", encoding="utf-8")
    return tmp_path


CORRECTION = Correction("acme", "phone_numbers", ["021-52831677"],
                        (("index.html", "联系我们 021-52831677"),), "the page prints it")


def test_correction_applies_when_the_page_prints_the_evidence(tmp_path):
    root = _site(tmp_path, "联系我们<br>021-52831677")
    fixed = apply_corrections({"acme": {"phone_numbers": []}}, root, [CORRECTION])
    assert fixed.labels["acme"]["phone_numbers"] == ["021-52831677"]
    assert fixed.summary().startswith("1 label correction applied (acme.phone_numbers")


def test_correction_skipped_when_the_evidence_is_not_printed(tmp_path):
    root = _site(tmp_path, "联系我们")
    fixed = apply_corrections({"acme": {"phone_numbers": []}}, root, [CORRECTION])
    assert fixed.labels["acme"]["phone_numbers"] == [] and "skipped" in fixed.summary()


def test_corrections_of_other_sites_are_ignored(tmp_path):
    fixed = apply_corrections({"other": {"phone_numbers": []}}, tmp_path, [CORRECTION])
    assert not fixed.applied and not fixed.skipped


def test_the_project_corrections_file_is_documented():
    corrections = load_corrections()
    assert corrections and all(c.reason and c.evidence for c in corrections)
    assert load_corrections(None) == []


def test_a_headcount_label_with_only_an_upper_bound():
    assert _matches("headcount", [None, 100], 90) and not _matches("headcount", [None, 100], 120)
