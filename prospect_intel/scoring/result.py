"""The score of one prospect as frozen value objects, and its JSON form (SPEC.md "JSON shape").

`Score.to_json()` gives the contract keys (`rubric`, `total`, `grade`, `grade_range`,
`knockout`, `indicators` [{name, points, condition, confidence, evidence}], `to_verify`) plus
explanations: rubric version, scoring date, labels, maximum points, the evidence actually used,
notes, flags and the reason a prospect is unscored.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


def plain(value: Any) -> Any:
    """JSON-friendly copy: tuples become lists, whole floats become ints."""
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@dataclass(frozen=True)
class EvidenceUse:
    """One evidence field as the scorer read it (confidence after `reviewed` and flags)."""

    field: str
    value: Any
    confidence: str
    source_url: str = ""
    flags: tuple[str, ...] = ()
    derived: str = ""  # e.g. "ac_years = 17 (years since founded_year, to 2026)"

    def to_json(self) -> dict[str, Any]:
        data = {"field": self.field, "value": plain(self.value), "confidence": self.confidence,
                "source_url": self.source_url, "flags": list(self.flags)}
        if self.derived:
            data["derived"] = self.derived
        return data


@dataclass(frozen=True)
class IndicatorScore:
    name: str
    label: str
    points: float
    max_points: float
    condition: str  # the matched level (and bonuses) in words
    confidence: str  # high | medium | low, or "none" without evidence
    evidence: tuple[EvidenceUse, ...] = ()
    state: str = "matched"  # matched | unconfirmed | dropped | no_match | missing
    label_zh: str = ""
    condition_zh: str = ""
    when: str = ""  # the rubric expression that matched
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "points": plain(self.points), "condition": self.condition,
            "confidence": self.confidence, "evidence": [e.field for e in self.evidence],
            "label": self.label, "label_zh": self.label_zh, "condition_zh": self.condition_zh,
            "max_points": plain(self.max_points), "state": self.state, "when": self.when,
            "evidence_used": [e.to_json() for e in self.evidence], "notes": list(self.notes),
        }


@dataclass(frozen=True)
class KnockoutHit:
    """A knock-out rule that holds: the grade it forces and why."""

    name: str
    grade: str
    reason: str
    confidence: str
    evidence: tuple[EvidenceUse, ...] = ()
    reason_zh: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "grade": self.grade, "reason": self.reason,
                "reason_zh": self.reason_zh, "confidence": self.confidence,
                "evidence": [e.field for e in self.evidence],
                "evidence_used": [e.to_json() for e in self.evidence]}


@dataclass(frozen=True)
class Score:
    rubric: str
    rubric_version: str
    as_of: dt.date
    total: float | None  # None when unscored
    max_total: float
    grade: str | None  # None when unscored
    grade_range: tuple[str, str]  # (lowest, highest) reachable
    indicators: tuple[IndicatorScore, ...]
    knockouts: tuple[KnockoutHit, ...] = ()
    to_verify: tuple[str, ...] = ()
    to_verify_zh: tuple[str, ...] = ()  # the same sentences in the rubric's Chinese
    unscored: str | None = None  # the reason there is no grade
    flags: tuple[str, ...] = ()  # rubric flags that hold, e.g. "manufacturer"
    notes: tuple[str, ...] = ()  # evidence that could not be used, and why

    @property
    def knockout(self) -> KnockoutHit | None:
        return self.knockouts[0] if self.knockouts else None

    @property
    def manufacturer(self) -> bool:
        return "manufacturer" in self.flags

    def indicator(self, name: str) -> IndicatorScore:
        return next(ind for ind in self.indicators if ind.name == name)

    def to_json(self) -> dict[str, Any]:
        return {
            "rubric": self.rubric,
            "total": plain(self.total),
            "grade": self.grade,
            "grade_range": list(self.grade_range),
            "knockout": self.knockout.to_json() if self.knockout else None,
            "indicators": [ind.to_json() for ind in self.indicators],
            "to_verify": list(self.to_verify),
            "to_verify_zh": list(self.to_verify_zh),
            "rubric_version": self.rubric_version,
            "as_of": self.as_of.isoformat(),
            "max_total": plain(self.max_total),
            "unscored": self.unscored,
            "manufacturer": self.manufacturer,
            "flags": list(self.flags),
            "knockouts": [k.name for k in self.knockouts],
            "notes": list(self.notes),
        }
