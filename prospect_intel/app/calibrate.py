"""`prospect calibrate`: fit the confidence levels to what reps judged, per field and method.

Every review of an extracted value the store still holds is one observation (field, method,
the level it was given, right or not: confirmed is right, corrected or rejected is not); so is
every labelled field of a corpus (`--corpus`: saved-site entries such as `prospect fixture`
writes). A method with at least `min_reviews` observations gets the level its share right earns
(HIGH_SHARE for `high`, on HIGH_MIN_REVIEWS observations at least; MEDIUM_SHARE for `medium`,
else `low`); the others keep the extractors' own. Refused, with the reason, when no method has
enough observations to say.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from prospect_intel.app.review_accuracy import judges, reviews
from prospect_intel.app.store import Store
from prospect_intel.core.clock import utc_now
from prospect_intel.core.errors import ProspectError
from prospect_intel.core.language import _
from prospect_intel.extractors.calibration import LEVELS, method_key

if TYPE_CHECKING:
    from prospect_intel.evaluation.goldsets import LabelledSite

HIGH_SHARE, MEDIUM_SHARE = 0.97, 0.85
MIN_REVIEWS = 20
# `high` is earned on at least this many observations whatever `min_reviews` says: a few right
# values cannot tell 97 % right from 85 % (16 of 16 is as likely at 90 %), so a method seen fewer
# times keeps the extractors' own level rather than be raised or held at `high` by chance.
HIGH_MIN_REVIEWS = 20


@dataclass(frozen=True)
class Observation:
    field: str
    method: str  # method_key of the evidence
    level: str  # the confidence the extractors gave
    right: bool


class TooFewReviews(ProspectError):
    exit_code = 2


@dataclass(frozen=True)
class Fit:
    levels: dict[str, dict[str, str]]  # field -> method -> level
    shares: dict[str, dict[str, tuple[int, int]]]  # field -> method -> (right, judged)
    before: dict[str, tuple[int, int]]  # level -> (right, judged), as the extractors gave them
    after: dict[str, tuple[int, int]]  # level -> (right, judged), with the fitted levels
    observations: int


def review_observations(store: Store) -> list[Observation]:
    return [Observation(name, method_key(item.method), item.confidence, fact.action == "confirmed")
            for _pid, name, fact, item in reviews(store) if item is not None and judges(fact, item)]


def corpus_observations(root: Path, crawled_at: dt.date) -> list[Observation]:
    """Observations from a folder of labelled saved-site entries."""
    from prospect_intel.evaluation.goldsets import load_fixture_sites

    return [observation for site in load_fixture_sites(root)
            for observation in site_observations(site, crawled_at)]


def site_observations(site: LabelledSite, crawled_at: dt.date) -> list[Observation]:
    """One labelled site's extracted values, each judged right or wrong against its label."""
    from prospect_intel.evaluation.harness import compare
    from prospect_intel.extractors.site import extract_site

    fields = extract_site(site.pages, crawled_at=crawled_at).fields
    return [Observation(outcome.field, method_key(item.method), item.confidence, outcome.correct)
            for outcome in compare(site.label, fields)
            if outcome.correct is not None and (item := fields.get(outcome.field)) is not None]


def level_for(right: int, judged: int) -> str:
    share = right / judged
    return "high" if share >= HIGH_SHARE else "medium" if share >= MEDIUM_SHARE else "low"


def fit(observations: Iterable[Observation], min_reviews: int = MIN_REVIEWS) -> Fit:
    observed = list(observations)
    groups: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    for item in observed:
        groups[(item.field, item.method)].append(item)
    levels: dict[str, dict[str, str]] = defaultdict(dict)
    shares: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    for (name, method), items in sorted(groups.items()):
        right = sum(o.right for o in items)
        shares[name][method] = (right, len(items))
        level = level_for(right, len(items)) if len(items) >= min_reviews else None
        if level and (level != "high" or len(items) >= HIGH_MIN_REVIEWS):
            levels[name][method] = level
    if not levels:
        most = max(groups.items(), key=lambda g: len(g[1]), default=None)
        raise TooFewReviews(_(
            "too few reviews to calibrate: %(count)s judged value(s); a field's method needs at least %(min)s "
            "(the most reviewed: %(most)s)", count=len(observed), min=min_reviews,
            most=f"{most[0][0]} / {most[0][1] or '-'} {len(most[1])}" if most else _("none")))
    after = [(levels.get(o.field, {}).get(o.method, o.level), o.right) for o in observed]
    return Fit(dict(levels), dict(shares), by_level((o.level, o.right) for o in observed), by_level(after),
               len(observed))


def by_level(pairs: Iterable[tuple[str, bool]]) -> dict[str, tuple[int, int]]:
    """level -> (right, judged) over (level, right) pairs."""
    right: Counter = Counter()
    judged: Counter = Counter()
    for level, ok in pairs:
        judged[level] += 1
        right[level] += ok
    return {level: (right[level], judged[level]) for level in LEVELS if judged[level]}


def write(found: Fit, where: Path, min_reviews: int) -> None:
    """The calibration file the extractors read (`extractors/calibration.py`), written whole."""
    data = {"version": 1, "fitted_on": utc_now(), "observations": found.observations, "min_reviews": min_reviews,
            "thresholds": {"high": HIGH_SHARE, "medium": MEDIUM_SHARE}, "levels": found.levels,
            "shares": {name: {m: list(v) for m, v in methods.items()} for name, methods in found.shares.items()}}
    tmp = where.with_name(where.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(where)
