"""Evidence -> readings: the value each rubric variable takes, how sure it is, and whether open.

A reading is what conditions see for one evidence field or derived value:
- the value, checked against the field's type (a headcount range [min, max] reads as its min);
- the confidence, after the project's rules: `reviewed` evidence is high; evidence carrying a
  flag listed in the rubric's `low_confidence_flags` is low;
- whether it is *open*: missing, low confidence, or a range, so that the grade range must
  consider the other values it could take. A derived value is also open when it fell back from
  a preferred source (a founding year stands in for an unstated number of years).
  A registry-only field (`registry=True` in core/fields.py) with no value is *not* open: most
  prospects have no registry row, and a fact only an import supplies is not one to chase.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from prospect_intel.core.fields import BY_NAME, FIELD_TYPES, FieldType
from prospect_intel.core.models import Evidence

from .result import EvidenceUse
from .rubric_model import Derived, Rubric

_ORDER = ("high", "medium", "low")


@dataclass(frozen=True)
class Reading:
    name: str
    value: Any = None  # what conditions compare; None when there is no usable value
    confidence: str = ""  # high | medium | low; "" when missing
    interval: tuple[float, float | None] | None = None  # a claimed range (max None: open-ended)
    used: tuple[EvidenceUse, ...] = ()
    open: bool = True
    note: str = ""


@dataclass(frozen=True)
class Readings:
    by_name: Mapping[str, Reading]
    notes: tuple[str, ...] = ()

    def values(self) -> dict[str, Any]:
        return {name: r.value for name, r in self.by_name.items() if r.value is not None}

    def __getitem__(self, name: str) -> Reading:
        return self.by_name.get(name) or Reading(name)


class _Unusable(ValueError):
    pass


def lower(confidence: str, steps: int) -> str:
    return _ORDER[min(len(_ORDER) - 1, _ORDER.index(confidence) + steps)]


def read_evidence(evidence: Mapping[str, Evidence], rubric: Rubric, as_of: dt.date) -> Readings:
    """Readings of every field and derived value the rubric's conditions test."""
    names = {n for ind in rubric.indicators for n in ind.fields}
    names |= {n for rule in rubric.knockouts + rubric.flags for n in rule.when.fields}
    fields = {n for n in names if n in FIELD_TYPES}
    fields |= {s.field for d in rubric.derived if d.name in names for s in d.sources}
    notes: list[str] = []
    by_name = {f: _field_reading(f, evidence.get(f), rubric, notes) for f in sorted(fields)}
    for derived in rubric.derived:
        if derived.name in names:
            by_name[derived.name] = _derived_reading(derived, evidence, rubric, as_of, notes)
    return Readings(by_name, tuple(dict.fromkeys(notes)))


def _field_reading(name: str, ev: Evidence | None, rubric: Rubric, notes: list[str]) -> Reading:
    if ev is None:
        return _missing(name)
    try:
        value, interval = normalise(ev.value, FIELD_TYPES[name])
    except _Unusable as exc:
        notes.append(f"{name}: value {ev.value!r} ignored ({exc})")
        return _missing(name)
    confidence = effective_confidence(ev, rubric)
    spread = interval is not None and interval[1] != interval[0]
    use = EvidenceUse(name, ev.value, confidence, ev.source_url, ev.flags)
    return Reading(name, value, confidence, interval if spread else None, (use,),
                   open=confidence == "low" or spread)


def _missing(name: str) -> Reading:
    """No value: open, except for a registry-only field (see the module docstring)."""
    return Reading(name, open=not BY_NAME[name].registry)


def effective_confidence(ev: Evidence, rubric: Rubric) -> str:
    if "reviewed" in ev.flags:
        return "high"
    if set(ev.flags) & set(rubric.options.low_confidence_flags):
        return "low"
    return ev.confidence


def _derived_reading(derived: Derived, evidence: Mapping[str, Evidence], rubric: Rubric,
                     as_of: dt.date, notes: list[str]) -> Reading:
    passed: list[str] = []
    for source in derived.sources:
        ev = evidence.get(source.field)
        reading = _field_reading(source.field, ev, rubric, notes) if ev else Reading(source.field)
        skipped = ev is not None and "reviewed" not in ev.flags \
            and bool(set(ev.flags) & set(source.skip_flags))
        if reading.value is None or skipped:
            passed.append(source.field + (" (" + ", ".join(source.skip_flags) + ")" if skipped else ""))
            continue
        value = reading.value
        if source.transform == "years_since":
            value = as_of.year - value
            if value < 0:
                notes.append(f"{source.field}: {reading.value} is after {as_of}; ignored")
                passed.append(source.field)
                continue
        confidence = lower(reading.confidence, source.lower_confidence)
        how = (f"years since {source.field} {reading.value}, to {as_of.year}"
               if source.transform else f"from {source.field}")
        note = f"{derived.label} = {value} ({how})"
        if passed:
            note += f"; preferred {' and '.join(passed)} not available"
        used = tuple(EvidenceUse(u.field, u.value, u.confidence, u.source_url, u.flags, note)
                     for u in reading.used)
        interval = reading.interval if not source.transform else None
        return Reading(derived.name, value, confidence, interval, used,
                       open=bool(passed) or confidence == "low" or interval is not None, note=note)
    return Reading(derived.name)


def normalise(value: Any, ftype: FieldType) -> tuple[Any, tuple[float, float | None] | None]:
    """(value for conditions, claimed interval or None); raise _Unusable when off-contract."""
    kind = ftype.kind
    if kind == "bool":
        if not isinstance(value, bool):
            raise _Unusable("not true/false")
        return value, None
    if kind in ("int", "number"):
        if ftype.allow_range and isinstance(value, (list, tuple)):
            return _interval(value, ftype)
        return _number(value, ftype), None
    if kind == "enum":
        if value not in ftype.choices:
            raise _Unusable(f"not one of {', '.join(ftype.choices)}")
        return value, None
    if not isinstance(value, (list, tuple)) and kind != "text":
        raise _Unusable("not a list")
    if kind == "text":
        if not isinstance(value, str) or not value.strip():
            raise _Unusable("not a non-empty string")
        return value, None
    if kind == "enum_list" and any(item not in ftype.choices for item in value):
        raise _Unusable(f"items must be among {', '.join(ftype.choices)}")
    item_type = dict if kind == "record_list" else str
    if not all(isinstance(item, item_type) for item in value):
        raise _Unusable(f"items must be {'objects' if item_type is dict else 'strings'}")
    return list(value), None


def _number(value: Any, ftype: FieldType) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _Unusable("not a number")
    if ftype.kind == "int":
        if value != int(value):
            raise _Unusable("not a whole number")
        value = int(value)
    if ftype.minimum is not None and value < ftype.minimum:
        raise _Unusable(f"below {ftype.minimum}")
    return value


def _interval(value: Any, ftype: FieldType) -> tuple[float, tuple[float, float | None]]:
    if len(value) != 2 or value[0] is None:
        raise _Unusable("a range must be [min, max] (max may be null)")
    low = _number(value[0], ftype)
    high = None if value[1] is None else _number(value[1], ftype)
    if high is not None and high < low:
        raise _Unusable("range max below min")
    return low, (low, high)
