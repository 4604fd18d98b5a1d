"""Which prospects a list shows and in what order (shared by `prospect list` and the web app).

Grades come from the store's rubric (best first, as its thresholds are written), so a rubric
with a grade D filters and sorts by D like any other; `unscored` is always a grade filter too.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from prospect_intel.app.names import prospect_name
from prospect_intel.app.store import Store
from prospect_intel.app.workflows import store_rubric
from prospect_intel.core.errors import ProspectError

SORTS = ("added", "name", "grade", "uncertain", "promising", "review")
UNSCORED = "unscored"
_LAST = 1_000_000  # rank of no grade (and of a grade the current rubric does not know)


class UnknownGrade(ProspectError):
    """A grade filter that the store's rubric does not define."""

    exit_code = 2


@dataclass(frozen=True)
class ListFilter:
    status: str | None = None
    grades: tuple[str, ...] = ()
    needs_review: bool = False
    uncertain_only: bool = False
    search: str = ""


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


def select_prospects(store: Store, filters: ListFilter, sort_by: str = "added",
                     grades: Sequence[str] | None = None) -> list[tuple[dict, dict]]:
    """(prospect row with a `pages` count and its effective name, score summary) pairs, filtered
    and sorted; `grades` is the rubric's order (default: the store's rubric)."""
    ranks = {grade: rank for rank, grade in enumerate(rubric_grades(store) if grades is None else grades)}
    counts = store.page_counts()
    summaries = store.score_summaries()
    extracted, reviewed = store.company_names(), store.field_facts("company_name")
    rows = []
    needle = filters.search.strip().lower()
    for row in store.prospects(filters.status):
        summary = summaries.get(row["id"], {})
        name = prospect_name(row["name"], extracted.get(row["id"]), reviewed.get(row["id"]))
        row = {**row, "name": name, "pages": counts.get(row["id"], 0)}
        if _matches(row, summary, filters, needle, ranks):
            rows.append((row, summary))
    rows.sort(key=sort_key(sort_by, ranks))
    return rows


def _matches(row: dict, summary: dict, filters: ListFilter, needle: str, ranks: dict[str, int]) -> bool:
    if filters.grades and summary_grade(summary) not in filters.grades:
        return False
    if filters.needs_review and not summary.get("needs_review"):
        return False
    if filters.uncertain_only and spread(summary, ranks) == 0:
        return False
    if needle and needle not in f"{row['name'] or ''} {row['domain']} {row['url']}".lower():
        return False
    return True


def spread(summary: dict[str, Any], ranks: dict[str, int]) -> int:
    """How many grades the grade range spans beyond one (0: the grade is settled or unknown)."""
    low, high = summary.get("grade_low"), summary.get("grade_high")
    if not low or not high or low not in ranks or high not in ranks:
        return 0
    return abs(ranks[low] - ranks[high])


def sort_key(sort_by: str, ranks: dict[str, int]) -> Callable[[tuple[dict, dict]], tuple]:
    """The key for one of SORTS; ties keep the order the prospects were added in."""
    def rank(summary: dict, key: str = "grade") -> int:
        return ranks.get(summary.get(key) or "", _LAST)

    def total(summary: dict) -> float:
        return -(summary.get("total") or 0)

    keys: dict[str, Callable[[dict, dict], tuple]] = {
        "added": lambda row, s: (),
        "name": lambda row, s: ((row["name"] or row["domain"]).lower(),),
        "grade": lambda row, s: (rank(s), total(s)),
        "uncertain": lambda row, s: (-spread(s, ranks), rank(s, "grade_high")),
        "promising": lambda row, s: (rank(s, "grade_high"), rank(s), total(s)),
        "review": lambda row, s: (-(s.get("needs_review") or 0),),
    }
    chosen = keys[sort_by]
    return lambda pair: (*chosen(*pair), pair[0]["id"])
