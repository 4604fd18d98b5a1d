"""Which prospects a list shows and in what order (shared by `prospect list` and the web app).

Grades come from the store's rubric (best first, as its thresholds are written), so a rubric
with a grade D filters and sorts by D like any other; `unscored` is always a grade filter too.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

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


PAGE_SIZE = 100  # rows a list shows at a time (the web page, `prospect list` without --all)

# The prospect row carries what a list filters and sorts by (`list_*` columns, kept by triggers:
# store/migrations.py), so a page of 100,000 prospects reads one table and its indexes.
_SUMMARY = ("grade", "total", "grade_low", "grade_high", "needs_review", "unscored", "knockout")
_LIST_COLUMNS = ("list_name", "list_grade", "list_total", "list_grade_low", "list_grade_high", "list_needs_review")


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
    sorted, counted and cut in SQL, so a page costs about the same with 100 or 100,000 prospects."""
    ranks = {grade: rank for rank, grade in enumerate(rubric_grades(store) if grades is None else grades)}
    where, params = _where(filters, ranks)
    order, order_params = _order(sort_by, ranks)
    total = store.db.execute(f"SELECT count(*) FROM prospects p {where}", params).fetchone()[0]
    offset = max(0, int(offset))
    cut = "" if limit is None else f" LIMIT {int(limit)} OFFSET {offset}"
    ids = [row[0] for row in store.db.execute(f"SELECT p.id FROM prospects p {where} ORDER BY {order}{cut}",
                                               [*params, *order_params])]
    records = _records(store, ids)
    pages = _page_counts(store, ids)
    rows = []
    for record in records:
        summary = {key: record.pop(key) for key in _SUMMARY} if record.pop("scored") else {}
        for key in (*_SUMMARY, *_LIST_COLUMNS):
            record.pop(key, None)
        record["name"] = record.pop("effective_name")
        record["pages"] = pages.get(record["id"], 0)
        rows.append((record, summary))
    return ListPage(rows, total, 0 if limit is None else offset)


def _records(store: Store, ids: list[int]) -> list[dict[str, Any]]:
    """The prospect rows of `ids` (in that order) with their list name and current score."""
    columns = ", ".join(f"s.{key}" for key in _SUMMARY)
    found: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        cursor = store.db.execute(
            f"SELECT p.*, p.list_name AS effective_name, s.id IS NOT NULL AS scored, {columns} "
            f"FROM prospects p LEFT JOIN scores s ON s.id = p.score_id WHERE p.id IN ({', '.join('?' * len(chunk))})",
            chunk)
        names = [d[0] for d in cursor.description]
        found.update((values[0], dict(zip(names, values))) for values in cursor.fetchall())
    return [found[i] for i in ids]


def grade_counts(store: Store) -> dict[str | None, int]:
    """How many prospects have each grade (`unscored`; None: not graded yet), from the index."""
    return dict(store.db.execute("SELECT list_grade, count(*) FROM prospects GROUP BY list_grade"))


def _page_counts(store: Store, ids: list[int]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for chunk in _chunks(ids):
        counts.update(store.db.execute(f"SELECT prospect_id, count(*) FROM pages WHERE prospect_id IN "
                                       f"({', '.join('?' * len(chunk))}) GROUP BY prospect_id", chunk))
    return counts


def _chunks(ids: list[int], size: int = 500) -> Iterator[list[int]]:
    """`ids` in runs short enough for SQLite's limit on bound parameters."""
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _rank_sql(column: str, ranks: dict[str, int]) -> tuple[str, list[Any]]:
    """The rank of a grade column (the rubric's order; unknown grades last)."""
    if not ranks:
        return str(_LAST), []
    cases = " ".join("WHEN ? THEN ?" for _ in ranks)
    return f"(CASE {column} {cases} ELSE {_LAST} END)", [v for item in ranks.items() for v in item]


def _spread_sql(ranks: dict[str, int]) -> tuple[str, list[Any]]:
    low, low_params = _rank_sql("p.list_grade_low", ranks)
    high, high_params = _rank_sql("p.list_grade_high", ranks)
    return (f"(CASE WHEN {low} < {_LAST} AND {high} < {_LAST} THEN abs({low} - {high}) ELSE 0 END)",
            [*low_params, *high_params, *low_params, *high_params])


def _where(filters: ListFilter, ranks: dict[str, int]) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.status:
        clauses.append("p.status = ?")
        params.append(filters.status)
    if filters.grades:
        clauses.append(f"p.list_grade IN ({', '.join('?' * len(filters.grades))})")
        params += list(filters.grades)
    if filters.needs_review:
        clauses.append("p.list_needs_review != 0")
    if filters.uncertain_only:
        spread_sql, spread_params = _spread_sql(ranks)
        clauses.append(f"{spread_sql} != 0")
        params += spread_params
    needle = filters.search.strip().lower()
    if needle:
        clauses.append("instr(lower(coalesce(p.list_name, '') || ' ' || p.domain || ' ' || p.url), ?) > 0")
        params.append(needle)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _order(sort_by: str, ranks: dict[str, int]) -> tuple[str, list[Any]]:
    """ORDER BY for one of SORTS; ties keep the order the prospects were added in."""
    grade, grade_params = _rank_sql("p.list_grade", ranks)
    high, high_params = _rank_sql("p.list_grade_high", ranks)
    spread_sql, spread_params = _spread_sql(ranks)
    total = "-coalesce(p.list_total, 0)"
    orders: dict[str, tuple[str, list[Any]]] = {
        "added": ("p.id", []),
        "name": ("coalesce(p.list_name, p.domain) COLLATE NOCASE, p.id", []),  # the index prospects_list_name
        "grade": (f"{grade}, {total}, p.id", grade_params),
        "uncertain": (f"-{spread_sql}, {high}, p.id", [*spread_params, *high_params]),
        "promising": (f"{high}, {grade}, {total}, p.id", [*high_params, *grade_params]),
        "review": ("-p.list_needs_review, p.id", []),
    }
    return orders[sort_by]


def spread(summary: dict[str, Any], ranks: dict[str, int]) -> int:
    """How many grades the grade range spans beyond one (0: the grade is settled or unknown)."""
    low, high = summary.get("grade_low"), summary.get("grade_high")
    if not low or not high or low not in ranks or high not in ranks:
        return 0
    return abs(ranks[low] - ranks[high])
