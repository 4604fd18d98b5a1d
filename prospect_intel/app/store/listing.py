"""The prospect list's queries: filtered, sorted, counted and cut in SQL.

The prospect row carries what a list filters and sorts by (`list_*` columns, kept by triggers:
migrations.py 0004), so a page of 100,000 prospects reads one table and its indexes.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

_SUMMARY = ("grade", "total", "grade_low", "grade_high", "needs_review", "unscored", "knockout")
_LIST_COLUMNS = ("list_name", "list_grade", "list_total", "list_grade_low", "list_grade_high", "list_needs_review",
                 "list_knocked_out", "list_changed")
_LAST = 1_000_000  # rank of no grade (and of a grade the current rubric does not know)


@dataclass(frozen=True)
class ListFilter:
    """Which prospects a list keeps."""

    status: str | None = None
    grades: tuple[str, ...] = ()
    needs_review: bool = False
    uncertain_only: bool = False
    search: str = ""
    changed: str = ""  # "any", or one of snapshots.CHANGE_KINDS: what the last crawl changed


@dataclass(frozen=True)
class ListQuery:
    """A filter and an order; `ranks` is the rubric's grade order (best = 0)."""

    filters: ListFilter = ListFilter()
    sort_by: str = "added"
    ranks: Mapping[str, int] = field(default_factory=dict)


class ListingMixin:
    """The list's queries over the store's connection (`self.db`)."""

    db: Any

    def list_page(self, query: ListQuery, limit: int | None, offset: int) -> tuple[list[tuple[dict, dict]], int]:
        """(prospect row with `name` and `pages`, score summary) pairs of one page, and the count
        of every prospect the query keeps."""
        where, params = _where(query.filters, dict(query.ranks))
        total = self.db.execute(f"SELECT count(*) FROM prospects p {where}", params).fetchone()[0]
        cut = "" if limit is None else f" LIMIT {int(limit)} OFFSET {max(0, int(offset))}"
        ids = self._ordered(query, "p.id", cut)
        pages = self._page_counts(ids)
        rows = []
        for record in self._list_records(ids):
            summary = {key: record.pop(key) for key in _SUMMARY} if record.pop("scored") else {}
            for key in (*_SUMMARY, *_LIST_COLUMNS):
                record.pop(key, None)
            record["name"] = record.pop("effective_name")
            record["changed"] = [kind for kind in (record.pop("changed_kinds") or "").split(",") if kind]
            record["pages"] = pages.get(record["id"], 0)
            rows.append((record, summary))
        return rows, total

    def list_urls(self, query: ListQuery) -> list[str]:
        """The URLs of every prospect the query keeps, in its order (no rows read)."""
        return self._ordered(query, "p.url")

    def _ordered(self, query: ListQuery, column: str, cut: str = "") -> list[Any]:
        """`column` of the prospects the query keeps, in its order, `cut` (LIMIT ...) applied."""
        where, params = _where(query.filters, dict(query.ranks))
        order, order_params = _order(query.sort_by, dict(query.ranks))
        return [row[0] for row in self.db.execute(f"SELECT {column} FROM prospects p {where} ORDER BY {order}{cut}",
                                                   [*params, *order_params])]

    def grade_counts(self) -> dict[str | None, int]:
        """How many prospects have each list grade (`unscored`; None: not graded yet), from the index."""
        return dict(self.db.execute("SELECT list_grade, count(*) FROM prospects GROUP BY list_grade"))

    def _list_records(self, ids: list[int]) -> list[dict[str, Any]]:
        """The prospect rows of `ids` (in that order) with their list name and current score."""
        columns = ", ".join(f"s.{key}" for key in _SUMMARY)
        found: dict[int, dict[str, Any]] = {}
        for chunk in _chunks(ids):
            cursor = self.db.execute(
                f"SELECT p.*, p.list_name AS effective_name, p.list_changed AS changed_kinds, "
                f"s.id IS NOT NULL AS scored, {columns} FROM prospects p "
                f"LEFT JOIN scores s ON s.id = p.score_id WHERE p.id IN ({', '.join('?' * len(chunk))})", chunk)
            names = [d[0] for d in cursor.description]
            found.update((values[0], dict(zip(names, values))) for values in cursor.fetchall())
        return [found[i] for i in ids]

    def _page_counts(self, ids: list[int]) -> dict[int, int]:
        counts: dict[int, int] = {}
        for chunk in _chunks(ids):
            counts.update(self.db.execute(f"SELECT prospect_id, count(*) FROM pages WHERE prospect_id IN "
                                          f"({', '.join('?' * len(chunk))}) GROUP BY prospect_id", chunk))
        return counts


def _chunks(ids: Sequence[int], size: int = 500) -> Iterator[Sequence[int]]:
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
    if filters.changed == "any":
        clauses.append("p.list_changed != ''")
    elif filters.changed:
        clauses.append("instr(',' || p.list_changed || ',', ?) > 0")
        params.append(f",{filters.changed},")
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
        # the review queue: where a review is worth most (widest range, most fields to review);
        # knocked-out and failed prospects last, no review changes their grade
        "worth": (f"(p.list_knocked_out OR p.status = 'failed'), -{spread_sql}, -p.list_needs_review, p.id",
                  spread_params),
    }
    return orders[sort_by]
