"""Which prospects a list shows and in what order (shared by `prospect list` and the web app)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from prospect.names import prospect_name
from prospect.store import Store

SORTS = ("added", "name", "grade", "uncertain", "promising", "review")
_GRADE_RANK = {"A": 0, "B": 1, "C": 2, "D": 3}


@dataclass(frozen=True)
class ListFilter:
    status: str | None = None
    grades: tuple[str, ...] = ()
    needs_review: bool = False
    uncertain_only: bool = False
    search: str = ""


def select_prospects(store: Store, filters: ListFilter, sort_by: str = "added") -> list[tuple[dict, dict]]:
    """(prospect row with a `pages` count, score summary) pairs, filtered and sorted."""
    counts = store.page_counts()
    summaries = store.score_summaries()
    extracted, reviewed = store.company_names(), store.field_facts("company_name")
    rows = []
    needle = filters.search.strip().lower()
    for row in store.prospects(filters.status):
        summary = summaries.get(row["id"], {})
        name = prospect_name(row["name"], extracted.get(row["id"]), reviewed.get(row["id"]))
        row = {**row, "name": name, "pages": counts.get(row["id"], 0)}
        if _matches(row, summary, filters, needle):
            rows.append((row, summary))
    rows.sort(key=_SORT_KEYS[sort_by])
    return rows


def _matches(row: dict, summary: dict, filters: ListFilter, needle: str) -> bool:
    if filters.grades:
        grade = summary.get("grade") or ("unscored" if summary.get("unscored") else None)
        if grade not in filters.grades:
            return False
    if filters.needs_review and not summary.get("needs_review"):
        return False
    if filters.uncertain_only and _spread(summary) == 0:
        return False
    if needle and needle not in f"{row['name'] or ''} {row['domain']} {row['url']}".lower():
        return False
    return True


def _spread(summary: dict[str, Any]) -> int:
    low, high = summary.get("grade_low"), summary.get("grade_high")
    if not low or not high:
        return 0
    return abs(_GRADE_RANK.get(low, 9) - _GRADE_RANK.get(high, 9))


def _grade_rank(summary: dict, key: str = "grade") -> int:
    return _GRADE_RANK.get(summary.get(key) or "", 9)


_SORT_KEYS = {
    "added": lambda pair: pair[0]["id"],
    "name": lambda pair: (pair[0]["name"] or pair[0]["domain"]).lower(),
    "grade": lambda pair: (_grade_rank(pair[1]), -(pair[1].get("total") or 0), pair[0]["id"]),
    "uncertain": lambda pair: (-_spread(pair[1]), _grade_rank(pair[1], "grade_high"), pair[0]["id"]),
    "promising": lambda pair: (_grade_rank(pair[1], "grade_high"), _grade_rank(pair[1]),
                               -(pair[1].get("total") or 0), pair[0]["id"]),
    "review": lambda pair: (-(pair[1].get("needs_review") or 0), pair[0]["id"]),
}
