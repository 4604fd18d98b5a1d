"""How right the research was, as the reps judged it: every review of an extracted value counted.

For each field and each confidence level the extractors gave: how many of the values reps
judged they confirmed, corrected or rejected, and the share right (confirmed). A review counts
when it judged the value the store holds now (a later crawl that read another value made the
review stale: it is left out and counted apart); an undone review is gone and not counted.
Fields the rep added by hand (the site gave nothing) are what the tool misses; corrections and
rejections are grouped by the reason the rep gave.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from prospect_intel.app.store import Store
from prospect_intel.core.models import Evidence, ReviewFact

LEVELS = ("high", "medium", "low")
JUDGED = ("confirmed", "corrected", "rejected")


@dataclass
class FieldTally:
    """One field's reviews: judged[level][action] counts, values added by hand, reasons given."""

    judged: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    added: int = 0
    reasons: Counter = field(default_factory=Counter)

    def right(self, level: str) -> tuple[int, int]:
        """(confirmed, judged) at one confidence level."""
        counts = self.judged.get(level, Counter())
        return counts["confirmed"], sum(counts[a] for a in JUDGED)


@dataclass
class ReviewAccuracy:
    fields: dict[str, FieldTally]
    prospects: int  # reviewed prospects
    stale: int  # reviews of a value the store no longer holds

    def to_json(self) -> dict[str, Any]:
        return {
            "prospects": self.prospects, "stale_reviews": self.stale,
            "fields": {name: {
                "by_confidence": {level: {**{a: t.judged[level][a] for a in JUDGED},
                                          "share_right": _share(*t.right(level))}
                                  for level in LEVELS if sum(t.judged[level].values())},
                "added_by_hand": t.added,
                "reasons": dict(t.reasons.most_common()),
            } for name, t in sorted(self.fields.items())},
            "by_confidence": {level: {"right": right, "judged": judged, "share_right": _share(right, judged)}
                              for level, (right, judged) in self.totals().items() if judged},
            "most_added": [name for name, _ in self.most_added()],
        }

    def totals(self) -> dict[str, tuple[int, int]]:
        """Per confidence level, over every field: (confirmed, judged)."""
        return {level: (sum(t.right(level)[0] for t in self.fields.values()),
                        sum(t.right(level)[1] for t in self.fields.values())) for level in LEVELS}

    def most_added(self) -> list[tuple[str, int]]:
        return sorted(((n, t.added) for n, t in self.fields.items() if t.added), key=lambda x: (-x[1], x[0]))

    def reasons(self) -> Counter:
        return sum((t.reasons for t in self.fields.values()), Counter())


def _share(right: int, judged: int) -> float | None:
    return round(right / judged, 3) if judged else None


def reviews(store: Store) -> Iterator[tuple[int, str, ReviewFact, Evidence | None]]:
    """(prospect, field, the rep's word, the extracted value the store holds) of every review."""
    for pid in store.reviewed_prospects():
        extracted = store.evidence(pid)
        for name, fact in store.review_facts(pid).items():
            yield pid, name, fact, extracted.get(name)


def judges(fact: ReviewFact, found: Evidence | None) -> bool:
    """Whether a review judged the extracted value the store holds now (not one a later crawl
    replaced): confirmed it (right), corrected or rejected it (wrong)."""
    return fact.action in JUDGED and found is not None and fact.site_value == found.value


def review_accuracy(store: Store) -> ReviewAccuracy:
    """Every review in the store, counted (see the module's docstring)."""
    tallies: dict[str, FieldTally] = defaultdict(FieldTally)
    prospects: set[int] = set()
    stale = 0
    for pid, name, fact, found in reviews(store):
        prospects.add(pid)
        stale += _count(tallies[name], fact, found)
    return ReviewAccuracy(dict(tallies), len(prospects), stale)


def _count(tally: FieldTally, fact: ReviewFact, found: Evidence | None) -> int:
    """Count one review; 1 when it is stale (it judged a value the store no longer holds)."""
    if fact.action == "added" or (fact.action == "corrected" and found is None):
        tally.added += 1
        return 0
    if found is None or not judges(fact, found):
        return 1
    tally.judged[found.confidence][fact.action] += 1
    if fact.action != "confirmed":
        tally.reasons[fact.reason or "unsaid"] += 1
    return 0
