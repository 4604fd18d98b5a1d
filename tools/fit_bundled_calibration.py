"""Fit the bundled confidence calibration (`prospect_intel/extractors/calibration.json`) on the
tuning split of the labelled corpus, never on its locked split, and say what the fit is worth
out of sample first: the tuning sites cut in two halves at random, fitted on one and scored on
the other, both ways, five times.

    python tools/fit_bundled_calibration.py --corpus CORPUS [--min 5] [--write]

The levels are the same rule `prospect calibrate` applies to reps' reviews (high from 97 % right,
medium from 85 %), per field and method.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
from collections import Counter
from pathlib import Path

from prospect_intel.app.calibrate import Observation, TooFewReviews, fit, write
from prospect_intel.evaluation.corpus import load_corpus, load_split
from prospect_intel.evaluation.harness import compare
from prospect_intel.extractors import calibration
from prospect_intel.extractors.site import extract_site

CRAWLED_AT = dt.date(2026, 11, 20)  # the corpus's crawl (its dated items are read against it)
LEVELS = ("high", "medium", "low")


def observations(corpus: Path) -> dict[str, list[Observation]]:
    """Per tuning site, each labelled field's value: its method, the extractors' own level, right or not."""
    split = load_split()
    found: dict[str, list[Observation]] = {}
    for site in load_corpus(corpus):
        if split.get(site.slug) != "tuning":
            continue
        fields = extract_site(site.pages, crawled_at=CRAWLED_AT).fields
        found[site.slug] = [Observation(o.field, calibration.method_key(fields[o.field].method),
                                        fields[o.field].confidence, o.correct)
                            for o in compare(site.label, fields) if o.correct is not None and o.field in fields]
    return found


def cross_validated(by_site: dict[str, list[Observation]], min_reviews: int) -> tuple[Counter, Counter]:
    before: Counter = Counter()
    after: Counter = Counter()
    for seed in range(5):
        slugs = sorted(by_site)
        random.Random(seed).shuffle(slugs)
        for train, test in ((slugs[::2], slugs[1::2]), (slugs[1::2], slugs[::2])):
            try:
                levels = fit([o for s in train for o in by_site[s]], min_reviews).levels
            except TooFewReviews:
                continue
            for o in (o for s in test for o in by_site[s]):
                level = levels.get(o.field, {}).get(o.method, o.level)
                before.update({(o.level, "judged"): 1, (o.level, "right"): o.right})
                after.update({(level, "judged"): 1, (level, "right"): o.right})
    return before, after


def _line(name: str, counts: Counter) -> str:
    return f"{name:7}" + "  ".join(
        f"{level} {counts[(level, 'right')]}/{counts[(level, 'judged')]} "
        f"{counts[(level, 'right')] / max(1, counts[(level, 'judged')]):.3f}" for level in LEVELS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--min", type=int, default=5, help="values a field's method needs to be re-fitted")
    parser.add_argument("--write", action="store_true", help="write the bundled calibration.json")
    args = parser.parse_args()
    by_site = observations(args.corpus)
    before, after = cross_validated(by_site, args.min)
    print(f"out of sample ({len(by_site)} tuning sites, halves, 5 draws):")
    print(_line("before", before))
    print(_line("after", after))
    if args.write:
        write(fit([o for found in by_site.values() for o in found], args.min), calibration.BUNDLED, args.min)
        print(f"wrote {calibration.BUNDLED}")


if __name__ == "__main__":
    main()
