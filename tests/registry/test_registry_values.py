"""Registry cells read as values: each rule of values.py has a row here that fails without it."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from prospect_intel.app.registry.values import (
    _CURRENCY_WORDS,
    Capital,
    city_of,
    normalise_name,
    parse_band,
    parse_capital,
    parse_date,
    parse_staff,
    parse_status,
)

CAPITALS = [  # (cell, unit hint, amount, currency)
    ("500万元人民币", None, 5_000_000, "CNY"),
    ("500万人民币", None, 5_000_000, "CNY"),
    ("500万元", None, 5_000_000, "CNY"),
    ("500.000000万人民币", None, 5_000_000, "CNY"),
    ("1000万(元)", None, 10_000_000, "CNY"),
    ("1.2亿元", None, 120_000_000, "CNY"),
    ("3千万元", None, 30_000_000, "CNY"),
    ("100万美元", None, 1_000_000, "USD"),
    ("50万港元", None, 500_000, "HKD"),
    ("50万港币", None, 500_000, "HKD"),
    ("200万欧元", None, 2_000_000, "EUR"),
    ("10万新加坡元", None, 100_000, "SGD"),
    ("1,000 GBP", None, 1_000, "GBP"),
    ("£1,000", None, 1_000, "GBP"),
    ("100 USD", None, 100, "USD"),
    ("US$2 million", None, 2_000_000, "USD"),
    ("￥500万", None, 5_000_000, "CNY"),
    ("５００万元", None, 5_000_000, "CNY"),
    ("10000", None, 10_000, "CNY"),
    ("500", "万元", 5_000_000, "CNY"),
    ("500", "万美元", 5_000_000, "USD"),
    ("500万元", "万元", 5_000_000, "CNY"),  # the cell's own unit wins: not 万 twice
]


@pytest.mark.parametrize(("text", "hint", "amount", "currency"), CAPITALS, ids=[c[0] + (c[1] or "") for c in CAPITALS])
def test_capital_is_read_in_its_own_currency(text, hint, amount, currency):
    capital = parse_capital(text, unit_hint=hint)
    assert capital == Capital(amount, currency, text)
    assert capital.cny == (amount if currency == "CNY" else None)


@pytest.mark.parametrize(("word", "code"), sorted(_CURRENCY_WORDS.items()))
def test_every_currency_word_names_its_currency(word, code):
    text = f"100万{word}" if "\u4e00" <= word[0] <= "\u9fff" else f"{word}100"
    assert parse_capital(text).currency == code


def test_a_capital_keeps_exact_amounts():
    assert parse_capital("500.000000万人民币").amount == 5000000.0
    assert parse_capital("0.3万元").amount == 3000.0


@pytest.mark.parametrize("text", ["-", "", "--", "无", None, "暂无", "约500万", "500万卢布", "万元"])
def test_no_capital_from_an_empty_or_unreadable_cell(text):
    assert parse_capital(text) is None


DATES = [  # (value, day_first, expected)
    (datetime(2009, 3, 12, 0, 0), False, date(2009, 3, 12)),
    (date(2009, 3, 12), False, date(2009, 3, 12)),
    ("2009-03-12", False, date(2009, 3, 12)),
    ("2009/3/12", False, date(2009, 3, 12)),
    ("2009.03.12", False, date(2009, 3, 12)),
    ("2009年3月12日", False, date(2009, 3, 12)),
    ("2009-03-12 00:00:00", False, date(2009, 3, 12)),
    ("20090312", False, date(2009, 3, 12)),
    ("12/03/2009", True, date(2009, 3, 12)),
    ("12/03/2009", False, date(2009, 12, 3)),
    ("13/03/2009", False, date(2009, 3, 13)),  # no 13th month: the other order
    ("12 March 2009", False, date(2009, 3, 12)),
    ("12 Mar 2009", False, date(2009, 3, 12)),
    ("March 12, 2009", False, date(2009, 3, 12)),
]


@pytest.mark.parametrize(("value", "day_first", "expected"), DATES, ids=[str(d[0]) + ("-dayfirst" if d[1] else "")
                                                                        for d in DATES])
def test_dates_in_every_form(value, day_first, expected):
    assert parse_date(value, day_first=day_first) == expected


@pytest.mark.parametrize("value", ["-", "", None, "2009-02-30", "soon", "12 Smarch 2009", 40000])
def test_no_date_from_an_empty_or_unreadable_cell(value):
    assert parse_date(value) is None


STATUSES = [
    ("存续", "active"), ("在业", "active"), ("开业", "active"), ("存续（在营、开业、在册）", "active"),
    ("正常", "active"), ("注销", "deregistered"), ("已注销", "deregistered"), ("吊销", "revoked"),
    ("吊销，未注销", "revoked"), ("吊销未注销", "revoked"), ("迁出", "other"), ("停业", "other"), ("撤销", "other"),
    ("清算", "liquidation"), ("破产", "liquidation"), ("歇业", "other"), ("在营", "active"), ("在册", "active"),
    ("迁入", "active"), ("Converted/Closed", "dissolved"), ("Voluntary Arrangement", "liquidation"),
    ("Live but Receiver Manager on at least one charge", "liquidation"), ("Active", "active"),
    ("Dissolved", "dissolved"), ("Liquidation", "liquidation"),
    ("In Administration", "liquidation"), ("Receivership", "liquidation"),
    ("Active - Proposal to Strike off", "active"), ("Inactive", "other"), ("Something new", "other"),
    ("-", None), ("", None),
]


@pytest.mark.parametrize(("text", "status"), STATUSES, ids=[s[0] or "empty" for s in STATUSES])
def test_status_words_map_to_one_status(text, status):
    assert parse_status(text) == status


@pytest.mark.parametrize(("value", "staff"), [("12", 12), (12, 12), (12.0, 12), ("12人", 12), ("1,234", 1234),
                                              ("0", 0), ("-", None), ("", None), ("很多", None), (-3, None)])
def test_insured_staff(value, staff):
    assert parse_staff(value) == staff


@pytest.mark.parametrize(("text", "band"), [
    ("少于50人", (0, 49)), ("小于50人", (0, 49)), ("50-99人", (50, 99)), ("100-499人", (100, 499)),
    ("500人以上", (500, None)), ("1000人以上", (1000, None)), ("50人以下", (0, 50)), ("超过500人", (501, None)),
    ("fewer than 10 employees", (0, 9)), ("1000 or more", (1000, None)), ("11-50", (11, 50)),
    ("10,001+", (10001, None)), ("-", None), ("不详", None),
])
def test_staff_band(text, band):
    assert parse_band(text) == band


@pytest.mark.parametrize(("one", "other", "normalised"), [
    ("深圳市恒安智能安防科技有限公司", "深圳市恒安智能安防科技股份有限公司", "深圳市恒安智能安防科技"),
    ("深圳市恒安智能安防科技有限责任公司", "深圳市恒安智能安防科技公司", "深圳市恒安智能安防科技"),
    ("恒安智能（深圳）有限公司", "恒安智能(深圳) 有限公司", "恒安智能(深圳)"),
    ("ＡＢＣ安防有限公司", "abc安防有限公司", "abc安防"),
    ("NORTHGATE ACCESS SYSTEMS LIMITED", "Northgate Access Systems Ltd", "northgate access systems"),
    ("Northgate Access Systems Ltd.", "Northgate  Access Systems, LLC", "northgate access systems"),
    ("Acme Trading Co., Ltd.", "ACME TRADING COMPANY", "acme trading"),
    ("Acme Inc.", "Acme Inc", "acme"),
    ("Calder Systems PLC", "Calder Systems LLP", "calder systems"),
    ("A & B Security", "A and B Security", "a and b security"),
])
def test_names_match_without_legal_form_width_case_or_punctuation(one, other, normalised):
    assert normalise_name(one) == normalise_name(other) == normalised


def test_a_name_that_is_only_a_legal_form_is_kept():
    assert normalise_name("Company") == "company"
    assert normalise_name("公司") == "公司"


@pytest.mark.parametrize(("text", "city"), [
    ("深圳市恒安智能安防科技有限公司", "深圳"), ("广东省深圳市南山区", "深圳"), ("广东深圳市南山区", "深圳"),
    ("北京中安恒信科技有限公司", "北京"), ("北京市海淀区", "北京"), ("上海锐视安防设备有限公司", "上海"),
    ("重庆市南岸区", "重庆"), ("广西壮族自治区南宁市青秀区", "南宁"), ("乌鲁木齐市天山区", "乌鲁木齐"),
    ("成都市", "成都"), ("浙江安视捷智能科技有限公司", None), ("宁盾智能科技有限公司", None),
    ("中安市政工程有限公司", None), ("Northgate Access Systems", None), ("", None), (None, None),
])
def test_the_city_a_name_or_address_starts_with(text, city):
    assert city_of(text) == city
