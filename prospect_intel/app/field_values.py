"""Validate and normalise a value a rep types for an evidence field (review, `prospect set`).

VALUE is read as JSON where it parses (numbers, booleans, lists), else as a string; numbers are
also read as reps type them (500万, 1.2亿, 3人, 10到20人, 100多, 两百: `typed_number`, and
`reading` says how); then it must fit the field's kind in the registry (`core/fields.py`) and
make sense (its bounds); phone
and fax numbers are normalised the way the extractors normalise them (`phonenorm.normalise`).
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from typing import Any

from prospect_intel.app.i18n import _
from prospect_intel.core.errors import ProspectError, UnknownField
from prospect_intel.core.fields import BY_NAME, FIELDS, SECTORS, THIS_YEAR, Field
from prospect_intel.core.models import EVIDENCE_FIELDS
from prospect_intel.core.text import CN_NUMERAL_CHARS, collapse, fold, parse_number
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
        raise UnknownField(_("unknown field %(field)r; fields are: %(fields)s", field=shown,
                             fields=", ".join(EVIDENCE_FIELDS)))
    return field


def parse_field_value(field: str, raw: Any, phones: PhoneContext = PhoneContext()) -> Any:
    """The normalised value for `field`, or InvalidValue saying what was expected."""
    check_field(field)
    value = read_value(raw)
    expected = EVIDENCE_FIELDS[field]
    try:
        return _normalise(field, value, phones)
    except OutOfRange as exc:
        raise InvalidValue(_("%(field)s: %(value)r is not a valid value (%(reason)s)", field=field, value=value,
                             reason=exc)) from None
    except (TypeError, ValueError, OverflowError):
        raise InvalidValue(_("%(field)s: %(value)r is not a valid value (expected %(expected)s)", field=field,
                             value=value, expected=expected)) from None


class OutOfRange(ValueError):
    """A value of the right type that cannot be true; the message gives the bounds."""


def _normalise(name: str, value: Any, phones: PhoneContext) -> Any:
    spec = BY_NAME[name]
    kind = spec.kind
    if kind in ("int", "number") and isinstance(value, str):
        value = typed_number(value, spec)
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


# How reps type numbers: 500万, 500万元, 1.2亿, 3人, 10-20, 10到20人, 100多, 20余人, 两百, RMB 500万.
_CURRENCY = re.compile(r"^(?:人民币|rmb|cny|¥|￥)\s*|\s*(?:元人民币|元|人民币|rmb|cny)$", re.IGNORECASE)
_FOREIGN = re.compile(r"美元|港元|港币|欧元|日元|英镑|新台币|usd|hkd|eur|gbp|jpy|twd|\$", re.IGNORECASE)
_COUNT_UNIT = re.compile(r"\s*(?:人|名|位|个人|年|people|staff|employees|years?)$", re.IGNORECASE)
_OPEN = re.compile(r"\s*(?:余|多|以上|\+|or more)$", re.IGNORECASE)
_RANGE = re.compile(r"^(.+?)\s*(?:-|–|—|~|～|到|至|to)\s*(.+)$", re.IGNORECASE)
_TYPED_NUMBER = re.compile(rf"\d[\d,]*(?:\.\d+)?[十百千万亿拾佰仟萬億]*|[{CN_NUMERAL_CHARS}]+")


def typed_number(text: str, spec: Field) -> int | float | list:
    """A number (or, for a field that takes one, a [low, high] range, high None when open) from
    the way a rep types it; ValueError when it is not one."""
    raw = collapse(fold(text))
    if spec.unit == "CNY":
        if _FOREIGN.search(raw):
            raise OutOfRange(_("registered capital is in CNY: convert the amount first"))
        raw = _CURRENCY.sub("", _CURRENCY.sub("", raw))
    raw = _COUNT_UNIT.sub("", raw)
    opened = _OPEN.search(raw)
    if opened:
        raw = raw[:opened.start()]
    raw = _COUNT_UNIT.sub("", raw)
    parts = _RANGE.match(raw) if not raw.startswith("-") else None
    numbers = [_typed_part(p) for p in (parts.groups() if parts else (raw,))]
    if (opened or parts) and not spec.allow_range:
        raise OutOfRange(_("one number, not a range"))
    if opened:
        return [_whole(numbers[0]), None]
    if parts:
        return [_whole(numbers[0]), _whole(numbers[1])]
    return numbers[0]


def _typed_part(text: str) -> int | float:
    text = _COUNT_UNIT.sub("", text.strip())
    if not _TYPED_NUMBER.fullmatch(text):
        raise ValueError
    number = parse_number(text)
    if number is None:
        raise ValueError
    return int(number) if float(number).is_integer() else number


def _whole(number: int | float) -> int:
    if not float(number).is_integer():
        raise ValueError
    return int(number)


def reading(field: str, raw: Any, value: Any) -> str | None:
    """How a typed number was read, when it was not typed plainly: "500万 → 5,000,000 CNY"."""
    spec = BY_NAME.get(field)
    if spec is None or spec.kind not in ("int", "number") or not isinstance(raw, str):
        return None
    typed = raw.strip()
    if isinstance(value, list):
        low, high = value
        shown = _("%(low)s or more", low=f"{low:,}") if high is None \
            else _("%(low)s to %(high)s", low=f"{low:,}", high=f"{high:,}")
    else:
        shown = f"{value:,}"
    shown = f"{shown} {spec.unit}".rstrip()
    plain = typed.replace(",", "") == str(value)
    return None if plain else f"{typed} → {shown}"


def _limits(spec: Field) -> tuple[int, int]:
    assert spec.bounds is not None, f"{spec.name} declares no bounds"
    low, high = spec.bounds
    return low, dt.datetime.now(dt.UTC).year if high == THIS_YEAR else high


def _bounded(number: int, spec: Field) -> int:
    low, high = _limits(spec)
    if not low <= number <= high:
        raise OutOfRange(_("expected %(low)s to %(high)s", low=low, high=high))
    return number


def _number(value: Any, spec: Field) -> int | float:
    if isinstance(value, bool) or isinstance(value, list):
        raise TypeError
    number = float(value)
    low, high = _limits(spec)
    if not math.isfinite(number) or not low <= number <= high:
        raise OutOfRange(_("expected %(low)s to %(high)s", low=f"{low:,}", high=f"{high:,} {spec.unit}".rstrip()))
    return int(number) if number.is_integer() else number


def _phone(value: Any, phones: PhoneContext) -> str:
    text = re.sub(r"\s+", " ", _text(value))
    digits = sum(ch.isdigit() for ch in text)
    low, high = PHONE_DIGITS
    if not _PHONE_SHAPE.fullmatch(text) or not low <= digits <= high:
        raise OutOfRange(_("a phone number: %(low)s to %(high)s digits, with spaces, - ( ) + and an extension",
                           low=low, high=high))
    normalised = normalise_phone(text, phones.region, phones.lang, True)
    return normalised[0] if normalised else text


def _email(value: Any) -> str:
    text = _text(value).lower()
    if not _EMAIL_SHAPE.fullmatch(text):
        raise OutOfRange(_("an e-mail address: name@domain"))
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
