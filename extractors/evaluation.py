"""Measure the extractors against hand-labelled sites (../shared/realsites layout).

Library for the CLI (`prospect eval` reuses `compare`, `aggregate`, `format_report`) and an
offline runner: ``python -m extractors.evaluation /path/to/realsites`` builds PageDocs straight
from the saved files (role from the labels' `pages` map, other saved pages as `other`).

Matching (issue 3): years and numbers exact; headcount equal or inside a labelled range;
capital within 1%; office type, business model and booleans exact (label `unknown` skipped);
phones as sets of normalised digits; clients and brands as sets of normalised names. A value
where the label is null counts as a false positive. List fields are scored per item; a list
counts as "correct" (for the `high`-confidence precision) only when it equals the label's set.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from prospect.models import Evidence

from .goldsets import LabelledSite, load_fixture_sites, load_realsites
from .phones import key_of
from .names import name_key
from .products import brand_key

# Label key -> evidence field, in report order.
SCALARS = {"founded_year": "founded_year", "headcount": "headcount",
           "registered_capital_cny": "registered_capital_cny", "office_type": "office_type",
           "business_model": "business_model", "sells_access_control": "sells_access_control",
           "access_control_is_main": "access_control_is_main"}
# Label keys only some label sets carry (the fixture sites' labels, not ../shared/realsites):
# scored where the label has the key, skipped where it does not.
OPTIONAL = {"access_control_is_main"}
__all__ = ["FieldOutcome", "LabelledSite", "Report", "aggregate", "compare", "evaluate",
           "format_report", "load_fixture_sites", "load_realsites"]
LISTS = {"phone_numbers": "phone_numbers", "fax_numbers": "fax_numbers",
         "reference_clients": "reference_clients", "product_brands": "brands",
         "product_tiers": "product_tiers", "branches": "branches"}
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


@dataclass
class FieldStats:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    scored: int = 0
    right: int = 0
    high: int = 0
    high_right: int = 0

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


# --- comparing --------------------------------------------------------------------------------

def compare(label: dict[str, Any], fields: dict[str, Evidence]) -> list[FieldOutcome]:
    outcomes = []
    for key, name in SCALARS.items():
        if key in OPTIONAL and key not in label:
            continue
        outcome = _scalar(name, label.get(key), fields.get(name))
        if outcome is not None:
            outcomes.append(outcome)
    founded = fields.get("founded_year")
    stated = _scalar("founded_year", label.get("founded_year"),
                     None if founded is None or "inferred" in founded.flags else founded)
    if stated is not None:  # the same field without `inferred` values, reported beside it
        outcomes.append(dataclasses.replace(stated, field=STATED_ONLY))
    for key, name in LISTS.items():
        expected = [(c["name"] if isinstance(c, dict) else c) for c in label.get(key) or []]
        outcomes.append(_listed(name, expected, fields.get(name)))
    return outcomes


def _scalar(name: str, expected: Any, got: Evidence | None) -> FieldOutcome | None:
    if name in ("office_type", "business_model") and expected in (None, "unknown"):
        return None
    value, conf = (got.value, got.confidence) if got else (None, None)
    if expected is None and value is None:
        return None
    if value is None:
        return FieldOutcome(name, expected, None, None, fn=1)
    if expected is None:
        return FieldOutcome(name, None, value, conf, fp=1, correct=False)
    right = _matches(name, expected, value)
    return FieldOutcome(name, expected, value, conf, tp=int(right), fp=int(not right),
                        fn=int(not right), correct=right)


def _matches(name: str, expected: Any, value: Any) -> bool:
    if name == "headcount":
        if isinstance(expected, list):
            low, high = expected
            if isinstance(value, list):
                return list(value) == list(expected)
            return low <= value and (high is None or value <= high)
        return value == expected
    if name == "registered_capital_cny":
        return abs(float(value) - float(expected)) <= 0.01 * float(expected)
    return value == expected


def _listed(name: str, expected: Sequence[str], got: Evidence | None) -> FieldOutcome:
    key: Callable[[str], str] = {"phone_numbers": key_of, "fax_numbers": key_of,
                                 "brands": brand_key, "branches": _branch_key}.get(name, name_key)
    values = [(v["name"] if isinstance(v, dict) else v) for v in (got.value if got else [])]
    want, have = {key(v) for v in expected} - {""}, {key(str(v)) for v in values} - {""}
    correct = (want == have) if have else None
    return FieldOutcome(name, sorted(want), sorted(have), got.confidence if got else None,
                        tp=len(want & have), fp=len(have - want), fn=len(want - have),
                        correct=correct)


def _branch_key(name: str) -> str:
    """Branch name without the address a label may print after it (广州办事处：广州市…)."""
    return name_key(re.split(r"[:：]", name, maxsplit=1)[0])


# --- aggregating and printing -----------------------------------------------------------------

def aggregate(results: Sequence[tuple[str, Sequence[FieldOutcome]]]) -> Report:
    report = Report(sites=len(results))
    for slug, outcomes in results:
        for outcome in outcomes:
            stats = report.fields.setdefault(outcome.field, FieldStats())
            stats.tp, stats.fp, stats.fn = (stats.tp + outcome.tp, stats.fp + outcome.fp,
                                            stats.fn + outcome.fn)
            if outcome.expected not in (None, [], "unknown") or outcome.correct is not None:
                stats.scored += 1
                stats.right += bool(outcome.correct)
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

    lines = [f"{'field':24} {'prec':>5} {'rec':>5} {'f1':>5} {'acc':>5} {'high':>9}  tp/fp/fn"]
    order = [*SCALARS.values(), STATED_ONLY, *LISTS.values()]
    for name, s in sorted(report.fields.items(), key=lambda kv: order.index(kv[0])
                          if kv[0] in order else len(order)):
        acc = s.right / s.scored if s.scored else None
        high = f"{s.high_right}/{s.high}" if s.high else "-"
        lines.append(f"{name:24} {pct(s.precision()):>5} {pct(s.recall()):>5} {pct(s.f1()):>5} "
                     f"{pct(acc):>5} {high:>9}  {s.tp}/{s.fp}/{s.fn}")
    lines.append(f"high-confidence precision (all fields): {pct(report.high_precision())} "
                 f"over {report.sites} site(s)")
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


def evaluate(root: Path | str, *, crawled_at: dt.date | None = None) -> Report:
    """Run the extractors over a realsites folder (or a fixture-sites folder) and aggregate."""
    from .site import extract_site

    day = crawled_at or dt.date.today()
    results = []
    root = Path(root)
    loaded = load_realsites(root) if any(root.glob("manifest_*.json")) \
        else load_fixture_sites(root)
    for site in loaded:
        extracted = extract_site(site.pages, crawled_at=day)
        results.append((site.slug, compare(site.label, extracted.fields)))
    return aggregate(results)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractors.evaluation",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("root", help="folder with manifest_*.json and labels_*.json")
    parser.add_argument("--crawled-at", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--no-mismatches", action="store_true")
    args = parser.parse_args(argv)
    report = evaluate(args.root, crawled_at=args.crawled_at)
    print(format_report(report, mismatches=not args.no_mismatches))
    return 0


if __name__ == "__main__":
    sys.exit(main())
