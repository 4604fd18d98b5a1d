"""Outcomes of comparing evidence with labels, their per-field tallies and the printed table
(prospect_intel.evaluation.harness compares; prospect eval and the gates read these)."""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from prospect_intel.core.fields import FIELDS, LIST_KINDS

# The order fields are reported in; a labelled field not named here comes after, in the
# registry's order.
REPORT_ORDER = ("founded_year", "headcount", "registered_capital_cny", "office_type", "business_model",
                "sells_access_control", "access_control_is_main", "phone_numbers", "fax_numbers",
                "reference_clients", "brands", "product_tiers", "branches")
_LABELLED = sorted((f for f in FIELDS if f.label_key),
                   key=lambda f: REPORT_ORDER.index(f.name) if f.name in REPORT_ORDER else len(REPORT_ORDER))
# Label key -> evidence field, in report order: single values, then lists.
SCALARS = {f.label_key: f.name for f in _LABELLED if f.kind not in LIST_KINDS}
LISTS = {f.label_key: f.name for f in _LABELLED if f.kind in LIST_KINDS}
# Label keys only some label sets carry (the fixture sites' labels, not ../shared/realsites):
# scored where the label has the key, skipped where it does not.
OPTIONAL = {"access_control_is_main"}
STATED_ONLY = "founded_year[stated]"


@dataclass(frozen=True)
class FieldOutcome:
    """One field of one site: counts of true/false positives and negatives, and correctness."""

    field: str
    expected: Any
    got: Any
    confidence: str | None
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: bool | None = None  # None: not scored (nothing extracted, or label skipped)
    unreach: int = 0  # misses set apart: the labelled page was unreachable in the crawl


@dataclass
class FieldStats:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    scored: int = 0
    right: int = 0
    high: int = 0
    high_right: int = 0
    unreach: int = 0
    # confidence level -> [values extracted and scored, of them right]
    levels: dict[str, list[int]] = field(default_factory=dict)

    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def f1(self) -> float | None:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None
                                                   else None)


@dataclass
class Report:
    fields: dict[str, FieldStats] = field(default_factory=dict)
    mismatches: list[tuple[str, FieldOutcome]] = field(default_factory=list)
    sites: int = 0
    notes: list[str] = field(default_factory=list)  # e.g. which label corrections were applied

    def high_precision(self) -> float | None:
        total = sum(s.high for s in self.fields.values())
        return sum(s.high_right for s in self.fields.values()) / total if total else None

    def metrics(self) -> dict[str, float]:
        """Flat metric name -> value (for baselines); missing values are left out."""
        out: dict[str, float] = {}
        for name, stats in self.fields.items():
            for metric, value in (("precision", stats.precision()), ("recall", stats.recall()),
                                  ("f1", stats.f1()),
                                  ("accuracy", stats.right / stats.scored if stats.scored
                                   else None)):
                if value is not None:
                    out[f"{name}.{metric}"] = round(value, 4)
        if self.high_precision() is not None:
            out["high.precision"] = round(self.high_precision(), 4)
        return out


def aggregate(results: Sequence[tuple[str, Sequence[FieldOutcome]]]) -> Report:
    report = Report(sites=len(results))
    for slug, outcomes in results:
        for outcome in outcomes:
            stats = report.fields.setdefault(outcome.field, FieldStats())
            stats.tp, stats.fp, stats.fn = (stats.tp + outcome.tp, stats.fp + outcome.fp,
                                            stats.fn + outcome.fn)
            stats.unreach += outcome.unreach
            if outcome.unreach and not outcome.tp and not outcome.fp:
                continue  # nothing to score: the page holding it was out of reach
            if outcome.expected not in (None, [], "unknown") or outcome.correct is not None:
                stats.scored += 1
                stats.right += bool(outcome.correct)
            if outcome.confidence and outcome.correct is not None and outcome.field != STATED_ONLY:
                level = stats.levels.setdefault(outcome.confidence, [0, 0])
                level[0] += 1
                level[1] += bool(outcome.correct)
            if outcome.confidence == "high" and outcome.correct is not None \
                    and outcome.field != STATED_ONLY:
                stats.high += 1
                stats.high_right += bool(outcome.correct)
            if (outcome.fp or outcome.fn) and outcome.field != STATED_ONLY:
                report.mismatches.append((slug, outcome))
    return report


def format_report(report: Report, *, mismatches: bool = True) -> str:
    def pct(value: float | None) -> str:
        return "   -" if value is None else f"{value:4.2f}"

    unreach = any(s.unreach for s in report.fields.values())
    lines = [f"{'field':24} {'prec':>5} {'rec':>5} {'f1':>5} {'acc':>5} {'high':>9}  tp/fp/fn"
             + ("  unreach" if unreach else "")]
    order = [*SCALARS.values(), STATED_ONLY, *LISTS.values()]
    for name, s in sorted(report.fields.items(), key=lambda kv: order.index(kv[0])
                          if kv[0] in order else len(order)):
        acc = s.right / s.scored if s.scored else None
        high = f"{s.high_right}/{s.high}" if s.high else "-"
        counts = f"{s.tp}/{s.fp}/{s.fn}"
        row = f"{name:24} {pct(s.precision()):>5} {pct(s.recall()):>5} {pct(s.f1()):>5} " \
              f"{pct(acc):>5} {high:>9}  {counts:8}" + (f" {s.unreach:7d}" if unreach else "")
        lines.append(row.rstrip())
    lines.append(f"high-confidence precision (all fields): {pct(report.high_precision())} "
                 f"over {report.sites} site(s)")
    lines += report.notes
    if mismatches and report.mismatches:
        lines.append("")
        lines.append("mismatches:")
        for slug, o in report.mismatches:
            lines.append(f"  {slug:34} {o.field:22} expected={_short(o.expected)} "
                         f"got={_short(o.got)} [{o.confidence or '-'}]")
    return "\n".join(lines)


def _short(value: Any, limit: int = 70) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit - 1] + "…"
