"""Validate and normalise a value a rep types for an evidence field (review, `prospect set`).

VALUE is read as JSON where it parses (numbers, booleans, lists), else as a string; then it
must fit the field's kind in the registry (`core/fields.py`) and make sense (its bounds); phone
and fax numbers are normalised the way the extractors normalise them (`phonenorm.normalise`).
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from typing import Any

from prospect_intel.core.errors import ProspectError, UnknownField
from prospect_intel.core.fields import BY_NAME, FIELDS, SECTORS, THIS_YEAR, Field
from prospect_intel.core.models import EVIDENCE_FIELDS
from prospect_intel.extractors.phonenorm import normalise as normalise_phone

PHONE_FIELDS = tuple(f.name for f in FIELDS if f.text_format == "phone")
# Values a rep may pick, per single-choice field.
CHOICES = {f.name: f.choices for f in FIELDS if f.kind == "enum"}
_TRUE = {"yes", "y", "true", "是", "1"}
_FALSE = {"no", "n", "false", "否", "0"}
PHONE_DIGITS = (5, 20)
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


def _normalise(name: str, value: Any, phones: PhoneContext) -> Any:
    spec = BY_NAME[name]
    kind = spec.kind
    if kind == "int":
        return _headcount(value, spec) if spec.allow_range else _bounded(_int(value), spec)
    if kind == "number":
        return _number(value, spec)
    if kind == "bool":
        return _bool(value)
    if kind == "text":
        return _text(value)
    if kind == "enum":
        return _choice(value, spec.choices)
    if kind == "enum_list":
        return [_choice(v, spec.choices) for v in _as_list(value)]
    if kind == "record_list":
        return [_client(v) for v in _as_list(value)]
    if spec.text_format == "phone":
        numbers = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        return list(dict.fromkeys(_phone(v, phones) for v in _as_list(numbers)))
    if spec.text_format == "email":
        return list(dict.fromkeys(_email(v) for v in _as_list(value)))
    return _text_list(value)


def _limits(spec: Field) -> tuple[int, int]:
    assert spec.bounds is not None, f"{spec.name} declares no bounds"
    low, high = spec.bounds
    return low, dt.datetime.now(dt.UTC).year if high == THIS_YEAR else high


def _bounded(number: int, spec: Field) -> int:
    low, high = _limits(spec)
    if not low <= number <= high:
        raise OutOfRange(f"expected {low} to {high}")
    return number


def _number(value: Any, spec: Field) -> int | float:
    if isinstance(value, bool):
        raise TypeError
    number = float(value)
    low, high = _limits(spec)
    if not math.isfinite(number) or not low <= number <= high:
        raise OutOfRange(f"expected {low:,} to {high:,} {spec.unit}".rstrip())
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


def _headcount(value: Any, spec: Field) -> int | list:
    if isinstance(value, list):
        if len(value) != 2:
            raise ValueError
        low = _bounded(_int(value[0]), spec)
        high = None if value[1] is None else _bounded(_int(value[1]), spec)
        if high is not None and high < low:
            raise ValueError
        return [low, high]
    return _bounded(_int(value), spec)


def _client(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        return {"name": _text(value), "sector": "other", "notable": False}
    if not isinstance(value, dict) or "name" not in value:
        raise TypeError
    sector = value.get("sector", "other")
    if sector not in SECTORS:
        raise ValueError
    return {"name": _text(value["name"]), "sector": sector, "notable": _bool(value.get("notable", False))}
