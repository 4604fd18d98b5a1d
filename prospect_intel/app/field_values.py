"""Validate and normalise a value a rep types for an evidence field (review, `prospect set`).

VALUE is read as JSON where it parses (numbers, booleans, lists), else as a string; then it
must fit the field's type in the contract and make sense (the bounds below); phone and fax
numbers are normalised the way the extractors normalise them (`prospect_intel.extractors.phonenorm.normalise`).
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from typing import Any

from prospect_intel.core.errors import ProspectError, UnknownField
from prospect_intel.core.models import EVIDENCE_FIELDS
from prospect_intel.extractors.phonenorm import normalise as normalise_phone

_INTS = {"founded_year", "years_in_access_control", "sales_staff", "tech_staff"}
_BOOLS = {"sells_access_control", "access_control_is_main"}
_STRINGS = {"company_name", "main_business", "office_address"}
_STRING_LISTS = {"brands", "branches"}
PHONE_FIELDS = ("phone_numbers", "fax_numbers")
CHOICES = {
    "business_model": ("manufacturer", "distributor", "integrator", "mixed"),
    "main_product_tier": ("domestic_mid_networked", "foreign_high_end", "domestic_low_standalone"),
    "office_type": ("office_tower", "residential", "industrial_park", "factory", "shop_street", "unknown"),
    "order_history": ("regular_no_arrears", "regular_with_arrears", "small_with_arrears"),
}
_SECTORS = ("government", "bank", "hospital", "school", "enterprise", "real_estate", "other")
_TRUE = {"yes", "y", "true", "是", "1"}
_FALSE = {"no", "n", "false", "否", "0"}

# Bounds of what a rep may type (README "Reviews"). A founding year before 1800 or in the future
# is a typo; nobody has sold electronic access control for a century; a channel prospect with a
# million staff or a capital above 1 trillion CNY (万亿; more than any registered company) is one.
EARLIEST_FOUNDED_YEAR = 1800
MAX_YEARS_IN_ACCESS_CONTROL = 100
MAX_STAFF = 1_000_000
MAX_CAPITAL_CNY = 10 ** 12
PHONE_DIGITS = (5, 20)
_INT_BOUNDS = {
    "years_in_access_control": (0, MAX_YEARS_IN_ACCESS_CONTROL),
    "sales_staff": (0, MAX_STAFF),
    "tech_staff": (0, MAX_STAFF),
}
# Digits with the separators people print, an optional leading +, an optional extension.
_PHONE_SHAPE = re.compile(r"\+?[\d\s().\-/]+(?:(?:转|分机|ext\.?|x|#)\s*\d{1,5})?", re.IGNORECASE)

_EMAIL_SHAPE = re.compile(r"[^\s@<>\"]+@[^\s@<>\"]+\.[^\s@<>\".]+")


@dataclass(frozen=True)
class PhoneContext:
    """How the extractors would read this prospect's numbers: default region and page language."""

    region: str = ""  # "" when unknown: only +country numbers are reformatted
    lang: str = "en"


class InvalidValue(ProspectError):
    exit_code = 2


def read_value(raw: Any) -> Any:
    if not isinstance(raw, str):
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw.strip()


def check_field(field: str) -> str:
    """`field` when it is a contract field name, else UnknownField listing the names."""
    if field not in EVIDENCE_FIELDS:
        shown = field if len(field) <= 60 else field[:59] + "…"
        raise UnknownField(f"unknown field {shown!r}; fields are: {', '.join(EVIDENCE_FIELDS)}")
    return field


def parse_field_value(field: str, raw: Any, phones: PhoneContext = PhoneContext()) -> Any:
    """The normalised value for `field`, or InvalidValue saying what was expected."""
    check_field(field)
    value = read_value(raw)
    expected = EVIDENCE_FIELDS[field]
    try:
        return _normalise(field, value, phones)
    except OutOfRange as exc:
        raise InvalidValue(f"{field}: {value!r} is not a valid value ({exc})") from None
    except (TypeError, ValueError, OverflowError):
        raise InvalidValue(f"{field}: {value!r} is not a valid value (expected {expected})") from None


class OutOfRange(ValueError):
    """A value of the right type that cannot be true; the message gives the bounds."""


def _normalise(field: str, value: Any, phones: PhoneContext) -> Any:
    if field == "founded_year":
        return _bounded(_int(value), EARLIEST_FOUNDED_YEAR, dt.datetime.now(dt.UTC).year)
    if field in _INTS:
        return _bounded(_int(value), *_INT_BOUNDS[field])
    if field in _BOOLS:
        return _bool(value)
    if field in _STRINGS:
        return _text(value)
    if field in _STRING_LISTS:
        return _text_list(value)
    if field in PHONE_FIELDS:
        numbers = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        return list(dict.fromkeys(_phone(v, phones) for v in _as_list(numbers)))
    if field == "emails":
        return list(dict.fromkeys(_email(v) for v in _as_list(value)))
    if field in CHOICES:
        return _choice(value, CHOICES[field])
    if field == "product_tiers":
        return [_choice(v, CHOICES["main_product_tier"]) for v in _as_list(value)]
    if field == "headcount":
        return _headcount(value)
    if field == "registered_capital_cny":
        return _capital(value)
    if field == "reference_clients":
        return [_client(v) for v in _as_list(value)]
    raise ValueError(field)


def _bounded(number: int, low: int, high: int) -> int:
    if not low <= number <= high:
        raise OutOfRange(f"expected {low} to {high}")
    return number


def _capital(value: Any) -> int | float:
    if isinstance(value, bool):
        raise TypeError
    number = float(value)
    if not math.isfinite(number) or not 0 <= number <= MAX_CAPITAL_CNY:
        raise OutOfRange(f"expected 0 to {MAX_CAPITAL_CNY:,} CNY")
    return int(number) if number.is_integer() else number


def _phone(value: Any, phones: PhoneContext) -> str:
    text = re.sub(r"\s+", " ", _text(value))
    digits = sum(ch.isdigit() for ch in text)
    low, high = PHONE_DIGITS
    if not _PHONE_SHAPE.fullmatch(text) or not low <= digits <= high:
        raise OutOfRange(f"a phone number: {low} to {high} digits, with spaces, - ( ) + and an extension")
    normalised = normalise_phone(text, phones.region, phones.lang, True)
    return normalised[0] if normalised else text


def _email(value: Any) -> str:
    text = _text(value).lower()
    if not _EMAIL_SHAPE.fullmatch(text):
        raise OutOfRange("an e-mail address: name@domain")
    return text


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise TypeError
    number = int(str(value).strip())
    if number < 0:
        raise ValueError
    return number


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError


def _text(value: Any) -> str:
    if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not str(value).strip():
        raise ValueError
    return str(value).strip()


def _as_list(value: Any) -> list:
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        return [part.strip() for part in value.replace("；", ";").replace(",", ";").split(";") if part.strip()]
    raise TypeError


def _text_list(value: Any) -> list[str]:
    return list(dict.fromkeys(_text(v) for v in _as_list(value)))


def _choice(value: Any, choices: tuple[str, ...]) -> str:
    text = str(value).strip().lower()
    if text not in choices:
        raise ValueError
    return text


def _headcount(value: Any) -> int | list:
    if isinstance(value, list):
        if len(value) != 2:
            raise ValueError
        low = _bounded(_int(value[0]), 0, MAX_STAFF)
        high = None if value[1] is None else _bounded(_int(value[1]), 0, MAX_STAFF)
        if high is not None and high < low:
            raise ValueError
        return [low, high]
    return _bounded(_int(value), 0, MAX_STAFF)


def _client(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        return {"name": _text(value), "sector": "other", "notable": False}
    if not isinstance(value, dict) or "name" not in value:
        raise TypeError
    sector = value.get("sector", "other")
    if sector not in _SECTORS:
        raise ValueError
    return {"name": _text(value["name"]), "sector": sector, "notable": _bool(value.get("notable", False))}
