"""The corpus evaluation: tuning set, locked split and ../shared/realsites side by side.

    python -m prospect_intel.evaluation --corpus DIR [--realsites DIR] [--mismatches]

Per field precision, recall, F1 and accuracy for each collection; all fields together; and per
field and confidence level the share of extracted values that are right (what `high` is worth).
Mismatches are printed for the tuning set only: the locked split is measured, never looked into.
"""
from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from prospect_intel.extractors.calibration import LEVELS

from .corpus import load_corpus, load_split, moved_sites
from .goldsets import LabelledSite
from .harness import evaluate, evaluate_sites
from .report import REPORT_ORDER, STATED_ONLY, FieldStats, Report

CRAWLED_AT = dt.date(2026, 12, 1)  # the corpus's pages are read as of this day (their dated items, `stale`)


def together(report: Report) -> FieldStats:
    """Every field's counts added up (the founding year once, with its inferred values)."""
    total = FieldStats()
    for name, stats in report.fields.items():
        if name == STATED_ONLY:
            continue
        total.tp, total.fp, total.fn = total.tp + stats.tp, total.fp + stats.fp, total.fn + stats.fn
        total.scored, total.right = total.scored + stats.scored, total.right + stats.right
        for level, (scored, right) in stats.levels.items():
            mine = total.levels.setdefault(level, [0, 0])
            mine[0], mine[1] = mine[0] + scored, mine[1] + right
    return total


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def _row(stats: FieldStats | None) -> str:
    if stats is None:
        return f"{'':23}"
    acc = stats.right / stats.scored if stats.scored else None
    return f"{_pct(stats.precision()):>5} {_pct(stats.recall()):>5} {_pct(stats.f1()):>5} {_pct(acc):>5}"


def format_side_by_side(reports: dict[str, Report]) -> str:
    names = [n for n in (*REPORT_ORDER[:7], STATED_ONLY, *REPORT_ORDER[7:])
             if any(n in r.fields for r in reports.values())]
    head = f"{'field':24}" + "".join(f" | {f'{name} ({r.sites} sites)':^23}" for name, r in reports.items())
    sub = f"{'':24}" + " | prec   rec    f1   acc" * len(reports)
    lines = [head, sub]
    for name in names:
        lines.append(f"{name:24}" + "".join(f" | {_row(r.fields.get(name))}" for r in reports.values()))
    lines.append(f"{'all fields together':24}" + "".join(f" | {_row(together(r))}" for r in reports.values()))
    return "\n".join(lines)


def format_confidence(reports: dict[str, Report]) -> str:
    """Per field and level: right / extracted (share), each collection side by side."""
    lines = [f"{'share right by confidence':24}" + "".join(f" | {name:^32}" for name in reports),
             f"{'':24}" + " | " + " | ".join(f"{'high':>10} {'medium':>10} {'low':>10}" for _ in reports)]

    def cells(stats: FieldStats | None) -> str:
        out = []
        for level in LEVELS:
            scored, right = (stats.levels.get(level) if stats else None) or (0, 0)
            out.append(f"{right}/{scored} {right / scored:4.2f}" if scored else "-")
        return " ".join(f"{c:>10}" for c in out)

    names = sorted({n for r in reports.values() for n in r.fields if n != STATED_ONLY},
                   key=lambda n: REPORT_ORDER.index(n) if n in REPORT_ORDER else len(REPORT_ORDER))
    for name in names:
        lines.append(f"{name:24} | " + " | ".join(cells(r.fields.get(name)) for r in reports.values()))
    lines.append(f"{'all fields':24} | " + " | ".join(cells(together(r)) for r in reports.values()))
    return "\n".join(lines)


def composition(sites: Sequence[LabelledSite]) -> str:
    """How many sites of each language and category: what a figure was measured on."""
    def counts(key: Callable[[LabelledSite], str | None]) -> str:
        return ", ".join(f"{name} {n}" for name, n in sorted(Counter(key(s) or "-" for s in sites).items()))
    return f"{len(sites)} sites: {counts(lambda s: s.label.get('language'))}; {counts(lambda s: s.category)}"


def run(corpus: Path, realsites: Path | None, day: dt.date,
        locked: bool = True) -> tuple[dict[str, Report], list[LabelledSite]]:
    split = load_split()
    sites = load_corpus(corpus)
    unsplit = sorted(s.slug for s in sites if s.slug not in split)
    if unsplit:
        raise SystemExit(f"sites not in the recorded split (record them first): {', '.join(unsplit)}")
    tuning = [s for s in sites if split[s.slug] == "tuning"]
    print(f"tuning: {composition(tuning)}")
    reports = {"tuning": evaluate_sites(tuning, day)}
    if locked:
        kept = [s for s in sites if split[s.slug] == "locked"]
        print(f"locked: {composition(kept)}")
        for slug, why in moved_sites().items():
            print(f"moved from locked to tuning: {slug} ({why})")
        reports["locked"] = evaluate_sites(kept, day)
    if realsites is not None:
        reports["realsites"] = evaluate(realsites, crawled_at=day)
    return reports, tuning


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m prospect_intel.evaluation --corpus",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="folder of labelled site groups")
    parser.add_argument("--realsites", type=Path, default=None, help="a ../shared/realsites folder too")
    parser.add_argument("--crawled-at", type=dt.date.fromisoformat, default=CRAWLED_AT)
    parser.add_argument("--mismatches", action="store_true", help="list the tuning set's mismatches")
    parser.add_argument("--hide-locked", action="store_true",
                        help="leave the locked split out (not even measured): the way to work while tuning")
    args = parser.parse_args(argv)
    reports, _ = run(args.corpus, args.realsites, args.crawled_at, locked=not args.hide_locked)
    print(format_side_by_side(reports))
    print()
    print(format_confidence(reports))
    for name, report in reports.items():
        for note in report.notes:
            print(f"{name}: {note}")
    if args.mismatches:
        print("\ntuning-set mismatches:")
        for slug, o in reports["tuning"].mismatches:
            print(f"  {slug:34} {o.field:22} expected={o.expected!r:.80} got={o.got!r:.80} [{o.confidence or '-'}]")
    return 0
