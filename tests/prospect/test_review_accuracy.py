"""`prospect eval --reviews` and the web app's "How right was the research": every review of an
extracted value counted per field and confidence, hand-added fields and the reasons given."""
from __future__ import annotations

import json

import pytest

from prospect_intel.app.review_accuracy import FieldTally, _count
from prospect_intel.app.web.app import AppConfig, create_app
from prospect_intel.core.models import Evidence, ReviewFact
from tests.conftest import copy_store
from tests.support.cli import prospect

HENGAN = "http://www.hengan-anfang.cn/"
JIAKUN = "http://www.jiakun-af.com/"


@pytest.fixture(scope="module")
def crawled(sites_db, tmp_path_factory):
    return copy_store(sites_db, tmp_path_factory.mktemp("accuracy") / "crawled.db")


@pytest.fixture(scope="module")
def reviewed(crawled, tmp_path_factory):
    """Reviews of every kind: confirm, correct (with a reason), reject (with and without one),
    add by hand, and a confirmation undone."""
    db = copy_store(crawled, tmp_path_factory.mktemp("reviewed") / "reviewed.db")
    for args in [
        (HENGAN, "founded_year", "--confirm"),                     # high, right
        (HENGAN, "headcount", "60", "--why", "range_as_count"),    # high, corrected
        (HENGAN, "business_model", "--confirm"),                   # medium, right
        (HENGAN, "phone_numbers", "--reject", "--why", "wrong_company"),  # medium, rejected
        (HENGAN, "order_history", "regular_no_arrears"),          # added: nothing extracted
        (JIAKUN, "founded_year", "--confirm"),                     # high, right
        (JIAKUN, "main_product_tier", "--reject"),                 # low, rejected, no reason
        (JIAKUN, "sales_staff", "3"),                              # added: nothing extracted
        (JIAKUN, "registered_capital_cny", "--confirm"),           # high ... then undone: not counted
        (JIAKUN, "registered_capital_cny", "--undo"),
    ]:
        prospect(db, "set", *args)
    return db


def test_each_kind_of_review_is_counted_per_field_and_confidence(reviewed):
    found = json.loads(prospect(reviewed, "eval", "--reviews", "--json").stdout)
    fields = found["fields"]
    assert found["prospects"] == 2 and found["stale_reviews"] == 0
    assert fields["founded_year"]["by_confidence"] == {
        "high": {"confirmed": 2, "corrected": 0, "rejected": 0, "share_right": 1.0}}
    assert fields["headcount"]["by_confidence"]["high"]["corrected"] == 1
    assert fields["headcount"]["reasons"] == {"range_as_count": 1}
    assert fields["phone_numbers"]["by_confidence"]["medium"]["rejected"] == 1
    assert fields["main_product_tier"]["by_confidence"]["low"]["rejected"] == 1
    assert fields["main_product_tier"]["reasons"] == {"unsaid": 1}
    assert "registered_capital_cny" not in fields  # the undone confirmation is gone
    assert found["by_confidence"] == {"high": {"right": 2, "judged": 3, "share_right": 0.667},
                                      "medium": {"right": 1, "judged": 2, "share_right": 0.5},
                                      "low": {"right": 0, "judged": 1, "share_right": 0.0}}
    assert found["most_added"] == ["order_history", "sales_staff"]


def test_the_text_report_names_the_figures(reviewed):
    text = prospect(reviewed, "eval", "--reviews").stdout
    assert "founded_year: high 2/2" in text and "all fields: high 2/3 (67%), medium 1/2 (50%), low 0/1 (0%)" in text
    assert "added by hand (what the research missed): order_history 1, sales_staff 1" in text
    assert "a range read as a count 1" in text and "another company's 1" in text


def test_a_store_without_reviews_says_so(crawled):
    assert "no reviews in this store yet" in prospect(crawled, "eval", "--reviews").stdout


@pytest.mark.parametrize("args, error", [
    (("founded_year", "--confirm", "--why", "outdated"), "a reason goes with a correction or a rejection"),
    (("founded_year", "--reject", "--why", "bad_luck"), "Invalid value for '--why'"),
])
def test_a_reason_must_be_known_and_go_with_a_correction_or_rejection(crawled, tmp_path, args, error):
    db = copy_store(crawled, tmp_path / "why.db")
    result = prospect(db, "set", HENGAN, *args, check=False)
    assert result.returncode != 0 and error in result.stderr and "Traceback" not in result.stderr


def test_the_reason_is_kept_in_the_audit_trail(reviewed):
    trail = json.loads(prospect(reviewed, "show", HENGAN, "--json").stdout)["reviews"]
    assert {"field": "headcount", "reason": "range_as_count"}.items() <= next(
        r for r in trail if r["field"] == "headcount").items()


def test_a_review_of_a_value_the_store_no_longer_holds_is_left_out():
    tally = FieldTally()
    found = Evidence("headcount", 50, "high", "http://x.cn/", "50人", "zh")
    assert _count(tally, ReviewFact("headcount", "confirmed", 30, site_value=30), found) == 1  # a recrawl read 50
    assert _count(tally, ReviewFact("headcount", "confirmed", 50, site_value=50), found) == 0
    assert tally.right("high") == (1, 1)


@pytest.mark.parametrize("language, title, reason", [("en", "How right was the research", "a range read as a count"),
                                                     ("zh", "调研准确度", "把范围当成了数目")])
def test_the_web_page_shows_the_same_figures(reviewed, language, title, reason):
    app = create_app(AppConfig(db_path=str(reviewed)))
    html = app.test_client().get("/accuracy", headers={"Host": "127.0.0.1:8765", "Accept-Language": language}) \
        .get_data(as_text=True)
    assert title in html and "2/3 (67%)" in html and reason in html and "range_as_count" not in html
