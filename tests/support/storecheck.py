"""What a crawl left in a store, read the way the reliability tests check it."""
from __future__ import annotations

import sqlite3
from pathlib import Path


def rows(db: Path, sql: str, params=()) -> list[tuple]:
    with sqlite3.connect(db, timeout=10) as conn:
        return conn.execute(sql, params).fetchall()


def assert_one_snapshot_each(db: Path, sites: int) -> None:
    """Every prospect done and crawled to completion once: none lost, none stored twice."""
    counts = rows(db, "SELECT p.status, count(n.id) FROM prospects p LEFT JOIN snapshots n ON n.prospect_id = p.id "
                      "GROUP BY p.id")
    assert sorted(counts) == [("done", 1)] * sites
