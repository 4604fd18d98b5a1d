"""Registry cells read as values: capital, dates, status, staff, and the names and cities used to match rows.

Pure functions of one cell; an unreadable cell is None, never an exception, so one odd cell costs its fact,
not the import. Amounts are read as Decimal and never converted between currencies: a registry states its
capital in the currency the company registered, and a converted figure would be a claim it never made.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

# What an export prints in a cell that holds nothing.
BLANKS = frozenset({"", "-", "--", "—", "——", "/", "无", "暂无", "未公开", "n/a", "na", "null", "none"})

# Units of a capital cell, checked longest first so 新加坡元 is not read as 加元 nor 美元 as 元.
_CURRENCY_WORDS = {"人民币": "CNY", "美元": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR", "英镑": "GBP",
                   "日元": "JPY", "新台币": "TWD", "台币": "TWD", "澳元": "AUD", "澳大利亚元": "AUD", "加元": "CAD",
                   "加拿大元": "CAD", "新加坡元": "SGD", "韩元": "KRW", "瑞士法郎": "CHF", "澳门元": "MOP",
                   "HK$": "HKD", "US$": "USD", "£": "GBP", "€": "EUR", "$": "USD", "¥": "CNY", "RMB": "CNY",
                   "CNY": "CNY", "USD": "USD", "HKD": "HKD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "TWD": "TWD",
                   "AUD": "AUD", "CAD": "CAD", "SGD": "SGD", "KRW": "KRW", "CHF": "CHF", "MOP": "MOP"}
_MULTIPLIERS = {"亿": 100_000_000, "百万": 1_000_000, "万": 10_000, "千": 1_000, "MILLION": 1_000_000}
_UNIT_TOKENS = sorted([*_CURRENCY_WORDS, *_MULTIPLIERS], key=len, reverse=True)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CAPITAL_FILLER = re.compile(r"[()\[\]元\s]")  # what may remain around the units: 1000万(元)

# Registry status words, the first found deciding: 吊销，未注销 names 注销 too, and a receiver
# on an active company is the receivership that matters.
_STATUS_WORDS = (
    ("吊销", "revoked"), ("注销", "deregistered"), ("撤销", "other"), ("迁出", "other"), ("停业", "other"),
    ("歇业", "other"), ("清算", "liquidation"), ("破产", "liquidation"), ("存续", "active"), ("在业", "active"),
    ("开业", "active"), ("在营", "active"), ("在册", "active"), ("正常", "active"), ("迁入", "active"),
    (r"\bdissolved\b", "dissolved"), (r"\bclosed\b", "dissolved"), (r"\bliquidation\b", "liquidation"),
    (r"\badministrat", "liquidation"), (r"\breceiver", "liquidation"), (r"\binsolvency\b", "liquidation"),
    (r"\bvoluntary arrangement\b", "liquidation"), (r"\bactive\b", "active"), (r"\blive\b", "active"),
)

_MONTHS = {name: number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), start=1) for name in names}
_YEAR_FIRST = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?")
_YEAR_LAST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s.*)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DAY_MONTH_NAME = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})")
_MONTH_NAME_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")

_BAND_BELOW = re.compile(r"(?:少于|小于|不足|低于|fewerthan|lessthan|<)(\d+)")
_BAND_UP_TO = re.compile(r"(\d+)人?(?:以下|及以下)")
_BAND_RANGE = re.compile(r"(\d+)人?(?:-|~|—|–|至|到)(\d+)")
_BAND_FROM = re.compile(r"(\d+)人?(?:以上|及以上|\+|ormore)")
_BAND_OVER = re.compile(r"(?:大于|多于|超过|morethan|over|>)(\d+)")

# Legal forms stripped from the end of a name: the longest Chinese one, then English words repeatedly.
_LEGAL_FORMS_ZH = ("股份有限公司", "有限责任公司", "有限公司", "公司")
_LEGAL_FORMS_EN = frozenset({"ltd", "limited", "plc", "llp", "llc", "co", "company", "inc", "incorporated",
                             "corp", "corporation"})
_NAME_PUNCTUATION = re.compile(r"[^\w()\s]|_")
_CJK = r"[\u3400-\u9fff]"
_SPACE_BY_CJK = re.compile(rf"\s+(?=[\u3400-\u9fff(])|(?<={_CJK})\s+|(?<=\))\s+(?={_CJK})")

_PROVINCES = ("黑龙江", "河北", "山西", "辽宁", "吉林", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北",
              "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾")
_REGIONS = ("内蒙古", "广西壮族", "广西", "西藏", "宁夏回族", "宁夏", "新疆维吾尔", "新疆")
_MUNICIPALITIES = ("北京", "上海", "天津", "重庆")
_CITY = re.compile(rf"(?:(?:{'|'.join(_PROVINCES)})省?|(?:{'|'.join(_REGIONS)})(?:自治区)?)?"
                   rf"(?:({'|'.join(_MUNICIPALITIES)})|({_CJK}{{2,4}}?)市(?![场政民]))")


@dataclass(frozen=True)
class Capital:
    """A capital as the registry states it: never converted, so `cny` is None for any other currency."""

    amount: float
    currency: str  # ISO code: CNY, USD, HKD, EUR, GBP, JPY...
    stated: str  # the cell text as printed

    @property
    def cny(self) -> float | None:
        return self.amount if self.currency == "CNY" else None


def is_blank(value: object) -> bool:
    """True for an empty cell or one of the marks exports print for nothing (-, --, 无)."""
    return value is None or str(value).strip().lower() in BLANKS


def parse_capital(text: object, unit_hint: str | None = None) -> Capital | None:
    """"500万元人民币", "100万美元", "£1,000", "1.2亿元"; a bare number takes `unit_hint` (the header's "万元"),
    else it is yuan. Unknown words in the cell make it unreadable rather than guessed at."""
    if is_blank(text):
        return None
    stated = str(text).strip()
    flat = unicodedata.normalize("NFKC", stated).replace(",", "").upper()
    number = _NUMBER.search(flat)
    if number is None:
        return None
    units = _units(flat[:number.start()] + " " + flat[number.end():])
    if units is None:
        return None
    multiplier, currency = units
    if multiplier == 1 and currency is None and unit_hint:
        multiplier, currency = _units(unicodedata.normalize("NFKC", unit_hint).upper()) or (1, None)
    amount = Decimal(number.group()) * multiplier
    return Capital(float(amount), currency or "CNY", stated)


def _units(words: str) -> tuple[int, str | None] | None:
    """(multiplier, currency or None) named by the words around a capital's number; None if some word is not a
    unit."""
    multiplier, currency = 1, None
    for token in _UNIT_TOKENS:
        while token in words:
            words = words.replace(token, " ", 1)
            if token in _MULTIPLIERS:
                multiplier *= _MULTIPLIERS[token]
            else:
                currency = currency or _CURRENCY_WORDS[token]
    return None if _CAPITAL_FILLER.sub("", words) else (multiplier, currency)


def parse_date(value: object, *, day_first: bool = False) -> date | None:
    """A date cell: an Excel date, or text as 2009-03-12, 2009/3/12, 2009年3月12日, 12/03/2009 (`day_first` for
    Companies House; the other order when that one is no date), 12 March 2009."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or is_blank(value):
        return None
    text = unicodedata.normalize("NFKC", value).strip().lower()
    if match := _YEAR_FIRST.fullmatch(text) or _COMPACT.fullmatch(text):
        return _date(match[1], match[2], match[3])
    if match := _YEAR_LAST.fullmatch(text):
        first, second = (match[1], match[2]) if day_first else (match[2], match[1])
        return _date(match[3], second, first) or _date(match[3], first, second)
    if match := _DAY_MONTH_NAME.fullmatch(text):
        return _date(match[3], _MONTHS.get(match[2]), match[1])
    if match := _MONTH_NAME_DAY.fullmatch(text):
        return _date(match[3], _MONTHS.get(match[1]), match[2])
    return None


def _date(year: str, month: str | int | None, day: str) -> date | None:
    try:
        return date(int(year), int(month or 0), int(day))
    except ValueError:
        return None


def parse_status(text: object) -> str | None:
    """One of active, deregistered, revoked, dissolved, liquidation, other; None for an empty cell."""
    if is_blank(text):
        return None
    flat = unicodedata.normalize("NFKC", str(text)).strip().lower()
    return next((status for word, status in _STATUS_WORDS if re.search(word, flat)), "other")


def parse_staff(value: object) -> int | None:
    """参保人数: 12, "12", "12人", "1,234" → the count; "-" and unreadable cells → None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if value >= 0 and float(value).is_integer() else None
    if is_blank(value):
        return None
    match = re.fullmatch(r"(\d+)\s*人?", unicodedata.normalize("NFKC", str(value)).replace(",", "").strip())
    return int(match[1]) if match else None


def parse_band(text: object) -> tuple[int, int | None] | None:
    """人员规模 as (least, most or None): 少于50人 → (0, 49), 50-99人 → (50, 99), 500人以上 → (500, None)."""
    if is_blank(text):
        return None
    flat = re.sub(r"[\s,]", "", unicodedata.normalize("NFKC", str(text)).lower())
    if match := _BAND_BELOW.search(flat):
        return 0, max(int(match[1]) - 1, 0)
    if match := _BAND_UP_TO.search(flat):
        return 0, int(match[1])
    if match := _BAND_RANGE.search(flat):
        return int(match[1]), int(match[2])
    if match := _BAND_FROM.search(flat):
        return int(match[1]), None
    if match := _BAND_OVER.search(flat):
        return int(match[1]) + 1, None
    return None


def normalise_name(name: str) -> str:
    """A company name for matching: width, case, spacing and punctuation evened out and the legal form
    (有限公司, 股份有限公司, Ltd, Limited…) dropped; a bracketed city such as (深圳) is kept."""
    text = unicodedata.normalize("NFKC", name).lower().replace("&", " and ")
    text = " ".join(_NAME_PUNCTUATION.sub(" ", text).split())
    text = _SPACE_BY_CJK.sub("", text)
    form = next((f for f in _LEGAL_FORMS_ZH if text.endswith(f) and len(text) > len(f)), "")
    text = text[:len(text) - len(form)]
    words = text.split(" ")
    while len(words) > 1 and words[-1] in _LEGAL_FORMS_EN:
        words.pop()
    return " ".join(words).strip()


def city_of(name_or_address: str | None) -> str | None:
    """The Chinese city a name or address starts with, without 市: 深圳市… and 广东省深圳市… → 深圳, 北京… → 北京."""
    if not name_or_address:
        return None
    match = _CITY.match(unicodedata.normalize("NFKC", name_or_address).strip())
    return (match[1] or match[2]) if match else None
