"""Relay jobs: the prospects pushed onto a Redis queue for remote workers (app/relay)."""
from __future__ import annotations

from typing import Any

from prospect_intel.core.clock import utc_now


class RelayMixin:
    def push_jobs(self, limit: int = 0) -> list[tuple[int, int, str]]:
        """Make a relay job of each queued prospect (up to `limit`; 0: all), the prospect then
        `crawling`; (job, prospect, url) of every job not yet sent, these and any an interrupted
        push left unsent."""
        with self.write() as db:
            rows = db.execute("SELECT id FROM prospects WHERE status = 'queued' ORDER BY id"
                              + (" LIMIT ?" if limit else ""), [limit] if limit else []).fetchall()
            ids = [pid for (pid,) in rows]
            now = utc_now()
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                marks = ",".join("?" * len(chunk))
                db.execute(f"UPDATE prospects SET status = 'crawling', run_id = NULL WHERE id IN ({marks})", chunk)
                db.conn.executemany("INSERT INTO relay_jobs (prospect_id, pushed_at) VALUES (?, ?)",
                                    [(pid, now) for pid in chunk])
        return [tuple(row) for row in self.db.execute(
            "SELECT j.id, j.prospect_id, p.url FROM relay_jobs j JOIN prospects p ON p.id = j.prospect_id "
            "WHERE j.stream_id IS NULL AND j.collected_at IS NULL ORDER BY j.id")]

    def mark_sent(self, job: int, stream_id: str) -> None:
        with self.write() as db:
            db.execute("UPDATE relay_jobs SET stream_id = ? WHERE id = ?", [stream_id, job])

    def relay_counts(self) -> dict[str, Any]:
        """Jobs pushed and not yet collected, and collected."""
        open_, done = self.db.execute(
            "SELECT coalesce(sum(collected_at IS NULL), 0), coalesce(sum(collected_at IS NOT NULL), 0) "
            "FROM relay_jobs").fetchone()
        return {"outstanding": open_, "collected": done}
