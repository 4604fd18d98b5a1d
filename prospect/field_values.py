"""Validate and normalise a value a rep types for an evidence field (review, `prospect set`).

VALUE is read as JSON where it parses (numbers, booleans, lists), else as a string; then it
must fit the field's type in the contract.
"""
from __future__ import annotations

import json
from typing import Any

from prospect.errors import ProspectError, UnknownField
from prospect.models import EVIDENCE_FIELDS

_INTS = {"founded_year", "years_in_access_control", "sales_staff", "tech_staff"}
_BOOLS = {"sells_access_control", "access_control_is_main"}
_STRINGS = {"company_name", "main_business", "office_address"}
_STRING_LISTS = {"brands", "phone_numbers", "fax_numbers", "branches"}
_CHOICES = {
    "business_model": ("manufacturer", "distributor", "integrator", "mixed"),
    "main_product_tier": ("domestic_mid_networked", "foreign_high_end", "domestic_low_standalone"),
    "office_type": ("office_tower", "residential", "industrial_park", "factory", "shop_street", "unknown"),
    "order_history": ("regular_no_arrears", "regular_with_arrears", "small_with_arrears"),
}
_SECTORS = ("government", "bank", "hospital", "school", "enterprise", "real_estate", "other")
_TRUE = {"yes", "y", "true", "是", "1"}
_FALSE = {"no", "n", "false", "否", "0"}


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


def parse_field_value(field: str, raw: Any) -> Any:
    """The normalised value for `field`, or InvalidValue saying what was expected."""
    check_field(field)
    value = read_value(raw)
    expected = EVIDENCE_FIELDS[field]
    try:
        return _normalise(field, value)
    except (TypeError, ValueError):
        raise InvalidValue(f"{field}: {value!r} is not a valid value (expected {expected})") from None


def _normalise(field: str, value: Any) -> Any:
    if field in _INTS:
        return _int(value)
    if field in _BOOLS:
        return _bool(value)
    if field in _STRINGS:
        return _text(value)
    if field in _STRING_LISTS:
        return _text_list(value)
    if field in _CHOICES:
        return _choice(value, _CHOICES[field])
    if field == "product_tiers":
        return [_choice(v, _CHOICES["main_product_tier"]) for v in _as_list(value)]
    if field == "headcount":
        return _headcount(value)
    if field == "registered_capital_cny":
        number = float(value)
        if number < 0:
            raise ValueError
        return int(number) if number.is_integer() else number
    if field == "reference_clients":
        return [_client(v) for v in _as_list(value)]
    raise ValueError(field)


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
        low = _int(value[0])
        high = None if value[1] is None else _int(value[1])
        if high is not None and high < low:
            raise ValueError
        return [low, high]
    return _int(value)


def _client(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        return {"name": _text(value), "sector": "other", "notable": False}
    if not isinstance(value, dict) or "name" not in value:
        raise TypeError
    sector = value.get("sector", "other")
    if sector not in _SECTORS:
        raise ValueError
    return {"name": _text(value["name"]), "sector": sector, "notable": _bool(value.get("notable", False))}
