"""Measure the extractors against hand-labelled sites (../shared/realsites layout).

Library for the CLI (`prospect eval` reuses `compare`, `aggregate`, `format_report`) and an
offline runner: ``python -m prospect_intel.evaluation.harness /path/to/realsites`` builds PageDocs straight
from the saved files (role from the labels' `pages` map, other saved pages as `other`).

Matching (issue 3): years and numbers exact; headcount equal or inside a labelled range;
capital within 1%; office type, business model and booleans exact (label `unknown` skipped);
phones as sets of normalised digits; clients and brands as sets of normalised names. A value
where the label is null counts as a false positive. List fields are scored per item; a list
counts as "correct" (for the `high`-confidence precision) only when it equals the label's set.

An `inferred` founded_year where the label's founded_year is null but its
`years_in_business_text` records an age statement (我公司成立十余年来): the label says the site
states an age, not a year, and the inferred year is the reading of that statement. It counts as
correct when the evidence snippet holds the statement (compared without whitespace, folded),
otherwise as a false positive.

Label corrections (labelfix.py, prospect_intel/evaluation/data/realsites_label_corrections.json) are applied
before comparing, and the report says how many; `--no-corrections` gives the raw figures. The
crawl evaluation also counts apart (`unreach`) the misses of a field whose labelled page could
not be reached when the sites are served locally (`set_apart_unreachable`).
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from prospect_intel.core.models import Evidence
from prospect_intel.core.text import fold
from prospect_intel.extractors.names import name_key
from prospect_intel.extractors.phones import key_of
from prospect_intel.extractors.products import brand_key

from .goldsets import LabelledSite, load_fixture_sites, load_realsites
from .labelfix import DEFAULT_CORRECTIONS, apply_corrections, load_corrections
from .report import LISTS, OPTIONAL, SCALARS, STATED_ONLY, FieldOutcome, FieldStats, Report, aggregate, format_report

__all__ = ["STATED_ONLY", "FieldOutcome", "FieldStats", "LabelledSite", "Report", "aggregate",
           "compare", "evaluate", "format_report", "load_fixture_sites", "load_realsites",
           "set_apart_unreachable"]


# --- comparing --------------------------------------------------------------------------------

def compare(label: dict[str, Any], fields: dict[str, Evidence]) -> list[FieldOutcome]:
    """Outcomes per labelled field. A `partial` label set (made from reviews: `prospect fixture`)
    scores only the keys it has, and counts a value it lists under `not` as wrong."""
    if label.get("partial"):
        return _partial(label, fields)
    outcomes = []
    for key, name in SCALARS.items():
        if key in OPTIONAL and key not in label:
            continue
        outcome = _scalar(name, label.get(key), fields.get(name))
        if outcome is not None:
            outcomes.append(outcome)
    founded = fields.get("founded_year")
    age = _age_statement(label, founded)
    if age is not None:
        outcomes = [age if o.field == "founded_year" else o for o in outcomes]
    stated = _scalar("founded_year", label.get("founded_year"),
                     None if founded is None or "inferred" in founded.flags else founded)
    if stated is not None:  # the same field without `inferred` values, reported beside it
        outcomes.append(dataclasses.replace(stated, field=STATED_ONLY))
    for key, name in LISTS.items():
        outcomes.append(_listed(name, _names(label.get(key)), fields.get(name)))
    return outcomes


def _partial(label: dict[str, Any], fields: dict[str, Evidence]) -> list[FieldOutcome]:
    outcomes: list[FieldOutcome | None] = []
    rejected = label.get("not") or {}
    for key, name in {**SCALARS, **LISTS}.items():
        got = fields.get(name)
        if key in label:
            outcomes.append(_scalar(name, label[key], got) if key in SCALARS
                            else _listed(name, _names(label[key]), got))
        elif key in rejected and got is not None:
            outcomes.append(_not_this(name, rejected[key], got))
    return [o for o in outcomes if o is not None]


def _not_this(name: str, rejected: Any, got: Evidence) -> FieldOutcome | None:
    """A value the reviews say is wrong, extracted again: wrong; another value: not scored."""
    if name in LISTS.values():
        key = _item_key(name)
        again = {key(str(v)) for v in _names(got.value)} & {key(str(v)) for v in rejected or []}
        return FieldOutcome(name, None, sorted(again), got.confidence, fp=len(again), correct=False) if again else None
    if _matches(name, rejected, got.value):
        return FieldOutcome(name, None, got.value, got.confidence, fp=1, correct=False)
    return None


def _age_statement(label: dict[str, Any], got: Evidence | None) -> FieldOutcome | None:
    """An inferred year where the label records an age statement instead of a year (see the
    module docstring): right when the snippet holds the statement, else a false positive."""
    statement = label.get("years_in_business_text")
    if label.get("founded_year") is not None or not statement or got is None \
            or "inferred" not in got.flags:
        return None
    right = _squeezed(statement) in _squeezed(got.snippet)
    return FieldOutcome("founded_year", f"age statement {statement!r}", got.value, got.confidence,
                        tp=int(right), fp=int(not right), correct=right)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", fold(text or ""))


def set_apart_unreachable(outcomes: Sequence[FieldOutcome], label: dict[str, Any],
                          unreachable: set[str]) -> list[FieldOutcome]:
    """Misses of a field whose labelled pages (the labels' `pages`, for the roles FIELD_ROLES
    gives the field) were all unreachable are counted as `unreach`, not as false negatives."""
    from prospect_intel.extractors.site import FIELD_ROLES

    pages = label.get("pages") or {}
    result = []
    for outcome in outcomes:
        name = "founded_year" if outcome.field == STATED_ONLY else outcome.field
        labelled = {role for role in FIELD_ROLES.get(name, ()) if pages.get(role)}
        if outcome.fn and labelled and labelled <= unreachable:
            outcome = dataclasses.replace(outcome, unreach=outcome.fn, fn=0)
        result.append(outcome)
    return result


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
            return (low is None or low <= value) and (high is None or value <= high)
        return value == expected
    if name == "registered_capital_cny":
        return abs(float(value) - float(expected)) <= 0.01 * float(expected)
    return value == expected


def _listed(name: str, expected: Sequence[str], got: Evidence | None) -> FieldOutcome:
    key = _item_key(name)
    want, have = {key(v) for v in expected} - {""}, {key(str(v)) for v in _names(got.value if got else None)} - {""}
    correct = (want == have) if have else None
    return FieldOutcome(name, sorted(want), sorted(have), got.confidence if got else None,
                        tp=len(want & have), fp=len(have - want), fn=len(want - have),
                        correct=correct)


def _item_key(name: str) -> Callable[[str], str]:
    """How a list field's items are compared: phones by digits, brands by their table key..."""
    return {"phone_numbers": key_of, "fax_numbers": key_of, "brands": brand_key,
            "branches": _branch_key}.get(name, name_key)


def _names(items: Sequence[Any] | None) -> list[Any]:
    """A list's items as compared: reference clients by their name."""
    return [(item["name"] if isinstance(item, dict) else item) for item in items or []]


def _branch_key(name: str) -> str:
    """Branch name without the address a label may print after it (广州办事处：广州市…)."""
    return name_key(re.split(r"[:：]", name, maxsplit=1)[0])


def evaluate_sites(sites: Sequence[LabelledSite], day: dt.date) -> Report:
    """Run the extractors over labelled sites, as crawled on `day`, and aggregate. An extractor
    that raised is named in the report's notes: its fields would otherwise read as misses."""
    from prospect_intel.extractors.site import extract_site

    outcomes, failures = [], []
    for site in sites:
        found = extract_site(site.pages, crawled_at=day)
        outcomes.append((site.slug, compare(site.label, found.fields)))
        failures += [f"{site.slug}: {name}: {note}" for name, why in found.absence.items()
                     if why == "extraction_failed"
                     for note in [n for n in found.notes.get(name, ()) if n.startswith("extraction failed")][:1]]
    report = aggregate(outcomes)
    report.notes += [f"extractor failed: {line}" for line in failures]
    return report


def evaluate(root: Path | str, *, crawled_at: dt.date | None = None,
             corrections: Path | str | None = DEFAULT_CORRECTIONS) -> Report:
    """Run the extractors over a realsites folder (or a fixture-sites folder) and aggregate;
    label corrections from `corrections` (None: none) are applied first."""
    root = Path(root)
    loaded = load_realsites(root) if any(root.glob("manifest_*.json")) \
        else load_fixture_sites(root)
    fixed = apply_corrections({s.slug: s.label for s in loaded}, root, load_corrections(corrections))
    report = evaluate_sites([LabelledSite(s.slug, fixed.labels[s.slug], s.pages) for s in loaded],
                            crawled_at or dt.date.today())
    report.notes.append(fixed.summary() if corrections is not None else
                        "label corrections not applied (--no-corrections)")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m prospect_intel.evaluation.harness",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("root", help="folder with manifest_*.json and labels_*.json")
    parser.add_argument("--crawled-at", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--no-mismatches", action="store_true")
    parser.add_argument("--no-corrections", action="store_true",
                        help="score against the labels as they are (raw figures)")
    parser.add_argument("--corrections", default=str(DEFAULT_CORRECTIONS),
                        help="label corrections file (default: %(default)s)")
    args = parser.parse_args(argv)
    report = evaluate(args.root, crawled_at=args.crawled_at,
                      corrections=None if args.no_corrections else args.corrections)
    print(format_report(report, mismatches=not args.no_mismatches))
    return 0


if __name__ == "__main__":
    sys.exit(main())
