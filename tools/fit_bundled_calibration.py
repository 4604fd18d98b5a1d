"""Fit the bundled confidence calibration (`prospect_intel/extractors/calibration.json`) on the
tuning split of the labelled corpus, never on its locked split, and say what the fit is worth
out of sample first: the tuning sites cut in two halves at random, fitted on one and scored on
the other, both ways, five times.

    python tools/fit_bundled_calibration.py --corpus CORPUS [--min 5] [--write]

The levels are the same rule `prospect calibrate` applies to reps' reviews (high from 97 % right,
medium from 85 %), per field and method; the pages are read as of the day the corpus evaluation
reads them.
"""
from __future__ import annotations

import argparse
import os
import random
import tempfile
from pathlib import Path

from prospect_intel.app.calibrate import Observation, TooFewReviews, by_level, fit, site_observations, write
from prospect_intel.evaluation.corpus import load_corpus, load_split
from prospect_intel.evaluation.sidebyside import CRAWLED_AT
from prospect_intel.extractors import calibration


def observations(corpus: Path) -> dict[str, list[Observation]]:
    """Per tuning site, each labelled field's value: its method, the extractors' own level (not
    the bundled calibration's: an empty one is named while extracting), right or not."""
    split = load_split()
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "calibration.json"
        empty.write_text('{"version": 1, "fitted_on": null, "levels": {}}', encoding="utf-8")
        os.environ[calibration.ENV] = str(empty)
        try:
            return {site.slug: site_observations(site, CRAWLED_AT)
                    for site in load_corpus(corpus) if split.get(site.slug) == "tuning"}
        finally:
            del os.environ[calibration.ENV]


def cross_validated(by_site: dict[str, list[Observation]], min_reviews: int) -> tuple[list, list]:
    """(level, right) of every held-out value, with the extractors' own level and with the fitted one."""
    before, after = [], []
    for seed in range(5):
        slugs = sorted(by_site)
        random.Random(seed).shuffle(slugs)
        for train, test in ((slugs[::2], slugs[1::2]), (slugs[1::2], slugs[::2])):
            try:
                levels = fit([o for s in train for o in by_site[s]], min_reviews).levels
            except TooFewReviews:
                continue
            for o in (o for s in test for o in by_site[s]):
                before.append((o.level, o.right))
                after.append((levels.get(o.field, {}).get(o.method, o.level), o.right))
    return before, after


def _line(name: str, pairs: list) -> str:
    return f"{name:7}" + "  ".join(f"{level} {right}/{judged} {right / judged:.3f}"
                                   for level, (right, judged) in by_level(pairs).items())


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
