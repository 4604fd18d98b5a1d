"""Snapshots: every crawl of a prospect, with its pages (by body hash), extracted evidence and score."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from prospect_intel.app.store.snapshots import read_part


class HistoryMixin:
    def snapshots(self, prospect_id: int) -> list[dict[str, Any]]:
        """The prospect's crawls, oldest first, each with the grade and total of its score."""
        cursor = self.db.execute(
            "SELECT n.id, n.run_id, n.crawled_at, n.status, n.error_kind, n.error, n.final_url, n.pages_sha256, "
            "n.evidence_sha256, n.score_id, s.grade, s.total, s.result FROM snapshots n "
            "LEFT JOIN scores s ON s.id = n.score_id WHERE n.prospect_id = ? ORDER BY n.id", [prospect_id])
        names = [d[0] for d in cursor.description]
        found = []
        for row in cursor.fetchall():
            record = dict(zip(names, row))
            for key in ("pages", "evidence"):
                record[key] = json.loads(read_part(self.db, record.pop(f"{key}_sha256")))
            record["result"] = json.loads(record["result"]) if record["result"] else None
            found.append(record)
        return found

    def prospect_url(self, prospect_id: int) -> str:
        row = self.db.execute("SELECT url FROM prospects WHERE id = ?", [prospect_id]).fetchone()
        return row[0] if row else ""

    def last_answered(self, prospect_id: int) -> tuple[str | None, str | None]:
        """When the prospect's site last answered (its latest done crawl; None if never) and the
        first failed crawl after that (None if none yet)."""
        row = self.db.execute(
            "WITH good AS (SELECT max(crawled_at) AS at FROM snapshots WHERE prospect_id = :p AND status = 'done') "
            "SELECT good.at, (SELECT min(crawled_at) FROM snapshots WHERE prospect_id = :p AND status = 'failed' "
            "AND crawled_at > coalesce(good.at, '')) FROM good", {"p": prospect_id}).fetchone()
        return row[0], row[1]

    def crawled_ids(self, *, crawled_before: str | None = None, grades: Iterable[str] = (),
                    failed_only: bool = False) -> list[int]:
        """Done and failed prospects, narrowed to those crawled before a time (stored UTC form), of
        these list grades (`unscored` included) or failed."""
        where, params = ["status IN ('done', 'failed')"], []
        if crawled_before:
            where.append("crawled_at < ?")
            params.append(crawled_before)
        grades = list(grades)
        if grades:
            where.append(f"coalesce(list_grade, 'not graded') IN ({','.join('?' * len(grades))})")
            params += grades
        if failed_only:
            where.append("status = 'failed'")
        return [id_ for (id_,) in self.db.execute(f"SELECT id FROM prospects WHERE {' AND '.join(where)} "
                                                  "ORDER BY id", params)]

    def requeue_many(self, ids: Iterable[int]) -> int:
        """Queue these prospects again (a crawl in progress keeps its own); how many were queued.
        Their evidence and grade stay until the next crawl of them replaces them."""
        wanted = list(ids)
        queued = 0
        with self.write() as db:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                queued += db.execute(
                    f"UPDATE prospects SET status = 'queued' WHERE status IN ('done', 'failed') "
                    f"AND id IN ({','.join('?' * len(chunk))})", chunk).rowcount
        return queued
