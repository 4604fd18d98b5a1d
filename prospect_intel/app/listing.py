"""Which prospects a list shows and in what order (shared by `prospect list` and the web app).

Grades come from the store's rubric (best first, as its thresholds are written), so a rubric
with a grade D filters and sorts by D like any other; `unscored` is always a grade filter too.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from prospect_intel.app.store import Store
from prospect_intel.app.store.listing import ListFilter, ListQuery
from prospect_intel.app.workflows import store_rubric
from prospect_intel.core.errors import ProspectError

SORTS = ("added", "name", "grade", "uncertain", "promising", "review", "worth")
UNSCORED = "unscored"


class UnknownGrade(ProspectError):
    """A grade filter that the store's rubric does not define."""

    exit_code = 2


def rubric_grades(store: Store) -> tuple[str, ...]:
    """The grades of the store's rubric, best first."""
    return tuple(band.grade for band in store_rubric(store).grades)


def resolve_grades(given: Iterable[str], grades: Sequence[str]) -> tuple[str, ...]:
    """Grade filters as the rubric spells them (any case), or UnknownGrade naming the choices."""
    known = {grade.lower(): grade for grade in (*grades, UNSCORED)}
    resolved = []
    for text in given:
        grade = known.get(text.strip().lower())
        if grade is None:
            choices = ", ".join(known.values())
            raise UnknownGrade(f"{text!r} is not a grade of this store's rubric; choose from {choices}")
        resolved.append(grade)
    return tuple(dict.fromkeys(resolved))


def summary_grade(summary: dict[str, Any]) -> str | None:
    """The grade a list shows: the score's grade, `unscored`, or None (not scored yet)."""
    return summary.get("grade") or (UNSCORED if summary.get("unscored") else None)


PAGE_SIZE = 100  # rows a list shows at a time (the web page, `prospect list` without --all)

PAGE_SIZE = 100  # rows a list shows at a time (the web page, `prospect list` without --all)


@dataclass(frozen=True)
class ListPage:
    """One page of a filtered, sorted list: (prospect row with its `pages` count and effective
    name, score summary) pairs, and how many prospects match in all."""

    rows: list[tuple[dict, dict]]
    total: int
    offset: int = 0

    @property
    def end(self) -> int:
        return self.offset + len(self.rows)


def select_prospects(store: Store, filters: ListFilter, sort_by: str = "added",
                     grades: Sequence[str] | None = None, limit: int | None = PAGE_SIZE,
                     offset: int = 0) -> ListPage:
    """The prospects `filters` keep, sorted, `limit` of them from `offset` (None: all): filtered,
    sorted, counted and cut by the store in SQL, so a page costs about the same with 100 or
    100,000 prospects."""
    query = ListQuery(filters, sort_by, _ranks(store, grades))
    offset = max(0, int(offset))
    rows, total = store.list_page(query, limit, offset)
    return ListPage(rows, total, 0 if limit is None else offset)


def grade_counts(store: Store) -> dict[str | None, int]:
    """How many prospects have each grade (`unscored`; None: not graded yet)."""
    return store.grade_counts()


def spread(summary: dict[str, Any], ranks: dict[str, int]) -> int:
    """How many grades the grade range spans beyond one (0: the grade is settled or unknown)."""
    low, high = summary.get("grade_low"), summary.get("grade_high")
    if not low or not high or low not in ranks or high not in ranks:
        return 0
    return abs(ranks[low] - ranks[high])


def _ranks(store: Store, grades: Sequence[str] | None = None) -> dict[str, int]:
    """Grade -> rank (best 0), in the rubric's order (default: the store's rubric)."""
    return {grade: rank for rank, grade in enumerate(rubric_grades(store) if grades is None else grades)}


def review_queue(store: Store) -> list[tuple[dict, dict]]:
    """The morning's review queue: prospects with fields to review, where a review is worth most
    first (the widest grade range, then the most fields to review); knocked-out and failed
    prospects last, since no review of their fields changes their grade."""
    return select_prospects(store, ListFilter(needs_review=True), "worth", limit=None).rows


def review_queue_urls(store: Store) -> list[str]:
    """The review queue's URLs alone (the web app's "next to review" needs no more)."""
    return store.list_urls(ListQuery(ListFilter(needs_review=True), "worth", _ranks(store)))
