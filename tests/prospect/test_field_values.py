"""Typed values must make sense, not only parse: bounds per contract field, phone shapes, and
numbers normalised the way the extractors print them."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from prospect_intel.app.field_values import InvalidValue, PhoneContext, parse_field_value
from prospect_intel.core.fields import EARLIEST_FOUNDED_YEAR, MAX_CAPITAL_CNY, MAX_STAFF
from tests.conftest import copy_store
from tests.support.cli import prospect, show

THIS_YEAR = dt.datetime.now(dt.UTC).year
HENGAN = "http://www.hengan-anfang.cn/"
NORTHGATE = "https://www.northgate-access.co.uk/"


@pytest.mark.parametrize("field, raw", [
    ("founded_year", str(THIS_YEAR + 74)),  # 2100 today
    ("founded_year", str(EARLIEST_FOUNDED_YEAR - 1)),
    ("founded_year", "99999999999999999999"),
    ("founded_year", "-3"),
    ("years_in_access_control", "150"),
    ("sales_staff", "-1"),
    ("tech_staff", str(MAX_STAFF + 1)),
    ("headcount", str(MAX_STAFF * 10)),
    ("headcount", "[5, 99999999999]"),
    ("headcount", "[20, 10]"),
    ("registered_capital_cny", "1e30"),
    ("registered_capital_cny", str(MAX_CAPITAL_CNY * 2)),
    ("registered_capital_cny", "-5"),
    ("registered_capital_cny", "NaN"),
    ("registered_capital_cny", "Infinity"),
    ("registered_capital_cny", "true"),
    ("phone_numbers", "abc"),
    ("phone_numbers", "1234"),  # too few digits
    ("phone_numbers", "1" * 21),  # too many
    ("phone_numbers", "0755-2876abc"),
    ("phone_numbers", "0755-28761234; call Li"),
    ("fax_numbers", "fax me"),
    ("emails", "sales at hengan"),
    ("emails", "li@"),
    ("business_model", "retailer"),
])
def test_values_that_cannot_be_true_are_refused(field, raw):
    with pytest.raises(InvalidValue, match="not a valid value"):
        parse_field_value(field, raw)


@pytest.mark.parametrize("field, raw, value", [
    ("founded_year", str(EARLIEST_FOUNDED_YEAR), EARLIEST_FOUNDED_YEAR),
    ("founded_year", str(THIS_YEAR), THIS_YEAR),
    ("years_in_access_control", "0", 0),
    ("headcount", "[10, 19]", [10, 19]),
    ("headcount", "[50, null]", [50, None]),
    ("registered_capital_cny", "5e6", 5_000_000),
    ("registered_capital_cny", str(MAX_CAPITAL_CNY), MAX_CAPITAL_CNY),
    ("sales_staff", "0", 0),
    ("emails", "Sales@Hengan-Anfang.cn; li.wei@hengan-anfang.cn",
     ["sales@hengan-anfang.cn", "li.wei@hengan-anfang.cn"]),
])
def test_values_at_the_bounds_and_lists_are_accepted(field, raw, value):
    assert parse_field_value(field, raw) == value


def test_the_message_gives_the_bounds():
    with pytest.raises(InvalidValue) as caught:
        parse_field_value("founded_year", "2100" if THIS_YEAR < 2100 else "1700")
    assert f"{EARLIEST_FOUNDED_YEAR} to {THIS_YEAR}" in str(caught.value)


def test_phone_numbers_are_normalised_like_the_extractors_print_them():
    cn = PhoneContext("CN", "zh")
    assert parse_field_value("phone_numbers", "0755 8345 6701; 138 2345 6789", cn) == ["0755-83456701", "13823456789"]
    assert parse_field_value("phone_numbers", "+86 755 8345 6701, 0755-83456701", cn) == ["0755-83456701"]
    assert parse_field_value("phone_numbers", 13823456789, cn) == ["13823456789"]
    assert parse_field_value("phone_numbers", "0161 496 0732", PhoneContext("GB", "en")) == ["+44 161 496 0732"]
    assert parse_field_value("phone_numbers", "95588", cn) == ["95588"]  # a short service number, as typed


@pytest.fixture(scope="module")
def crawled(sites_db, tmp_path_factory):
    return copy_store(sites_db, tmp_path_factory.mktemp("values") / "v.db")


@pytest.mark.parametrize("url, typed", [(HENGAN, "0755 8345 6701"), (NORTHGATE, "0161 496 0732")])
def test_a_typed_number_matches_the_extracted_one(crawled, url, typed):
    """The region comes from the prospect's own pages, so a number typed the local way is stored
    exactly as the extractors stored it from the contact page."""
    extracted = show(crawled, url)["evidence"]["phone_numbers"]["value"]
    prospect(crawled, "set", url, "phone_numbers", typed, "--source", "phone")
    stored = show(crawled, url)["evidence"]["phone_numbers"]["value"]
    assert stored == [extracted[0]]
    prospect(crawled, "set", url, "phone_numbers", "--undo")


@pytest.mark.parametrize("field, raw", [
    ("founded_year", "2100"), ("founded_year", "1800.5"), ("founded_year", "99999999999999999999"),
    ("registered_capital_cny", "1e30"), ("phone_numbers", "abc"),
])
def test_set_refuses_nonsense_and_changes_nothing(crawled, field, raw):
    before = show(crawled, HENGAN)
    result = prospect(crawled, "set", HENGAN, field, "--", raw, check=False)
    assert result.returncode == 2 and "not a valid value" in result.stderr and "Traceback" not in result.stderr
    after = show(crawled, HENGAN)
    assert (after["evidence"], after["reviews"]) == (before["evidence"], before["reviews"])
    assert json.dumps(after["score"]) == json.dumps(before["score"])


@pytest.mark.parametrize("field, typed, value, read", [
    ("registered_capital_cny", "500万", 5_000_000, "500万 → 5,000,000 CNY"),
    ("registered_capital_cny", "500万元", 5_000_000, "500万元 → 5,000,000 CNY"),
    ("registered_capital_cny", "RMB 500万", 5_000_000, "RMB 500万 → 5,000,000 CNY"),
    ("registered_capital_cny", "1.2亿", 120_000_000, "1.2亿 → 120,000,000 CNY"),
    ("registered_capital_cny", "5000000", 5_000_000, None),  # typed plainly: nothing to say
    ("headcount", "3人", 3, "3人 → 3"),
    ("headcount", "10-20", [10, 20], "10-20 → 10 to 20"),
    ("headcount", "10到20人", [10, 20], "10到20人 → 10 to 20"),
    ("headcount", "100多", [100, None], "100多 → 100 or more"),
    ("headcount", "20余人", [20, None], "20余人 → 20 or more"),
    ("headcount", "两百", 200, "两百 → 200"),
    ("sales_staff", "5人", 5, "5人 → 5"),
    ("years_in_access_control", "8年", 8, "8年 → 8"),
])
def test_numbers_typed_the_chinese_way(field, typed, value, read):
    from prospect_intel.app.field_values import reading

    assert parse_field_value(field, typed) == value
    assert reading(field, typed, value) == read


@pytest.mark.parametrize("field, typed, message", [
    ("registered_capital_cny", "50万美元", "in CNY"),
    ("sales_staff", "10-20", "one number, not a range"),
    ("headcount", "20-10", "expected"),
    ("headcount", "很多", "expected"),
])
def test_typed_numbers_that_cannot_be_read(field, typed, message):
    with pytest.raises(InvalidValue, match=message):
        parse_field_value(field, typed)


def test_set_says_how_it_read_a_typed_number(sites_db, tmp_path):
    db = copy_store(sites_db, tmp_path / "set.db")
    result = prospect(db, "set", HENGAN, "registered_capital_cny", "500万", "--source", "phone")
    assert "read 500万 → 5,000,000 CNY" in result.stdout
    assert show(db, HENGAN)["evidence"]["registered_capital_cny"]["value"] == 5_000_000


def test_a_list_field_is_added_to_and_one_item_removed_keeping_the_rest(sites_db, tmp_path):
    db = copy_store(sites_db, tmp_path / "lists.db")
    before = show(db, HENGAN)["evidence"]["phone_numbers"]["value"]
    prospect(db, "set", HENGAN, "phone_numbers", "--add", "0755 8888 1234", "--add", before[0])  # one is known
    after = show(db, HENGAN)["evidence"]["phone_numbers"]["value"]
    assert after == [*before, "0755-88881234"]
    prospect(db, "set", HENGAN, "phone_numbers", "--remove", before[0])
    assert show(db, HENGAN)["evidence"]["phone_numbers"]["value"] == [*before[1:], "0755-88881234"]
    missing = prospect(db, "set", HENGAN, "phone_numbers", "--remove", "020-12345678", check=False)
    assert missing.returncode == 1 and "has no '020-12345678' to remove" in missing.stderr
    scalar = prospect(db, "set", HENGAN, "headcount", "--add", "3", check=False)
    assert scalar.returncode == 1 and "headcount is not a list" in scalar.stderr
    prospect(db, "set", HENGAN, "brands", "--add", "立林")
    assert show(db, HENGAN)["evidence"]["brands"]["value"][-1] == "立林"


def test_what_a_rep_types_is_cross_checked(tmp_path):
    """A headcount below the sales and technical staff it includes is flagged and put back to review."""
    db = tmp_path / "check.db"
    prospect(db, "add", "www.hengan-anfang.cn")
    for field, value in (("headcount", "12"), ("sales_staff", "18"), ("tech_staff", "32")):
        prospect(db, "set", HENGAN, field, value, "--source", "phone")
    shape = show(db, HENGAN)
    assert "conflict" in shape["evidence"]["headcount"]["flags"]
    assert "headcount 12 is below the 18 sales and 32 technical staff" in shape["evidence"]["headcount"]["method"]
    assert "headcount" in shape["needs_review"]
    prospect(db, "set", HENGAN, "headcount", "60", "--source", "phone")
    shape = show(db, HENGAN)
    assert "conflict" not in shape["evidence"]["headcount"]["flags"] and "headcount" not in shape["needs_review"]
