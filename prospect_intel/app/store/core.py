"""The store's core: the connection, the queue, crawl runs and kept pages.

Writes that must be all-or-nothing (claiming queue entries, finishing a site) run in one
``BEGIN IMMEDIATE`` transaction, so a crawl killed at any moment leaves either the old state
or the new one, never half of a site.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlite_utils import Database

from prospect_intel.app.store.migrations import is_prospect_store, migrate
from prospect_intel.app.store.packing import packed_row, read_chain, row_reader
from prospect_intel.app.store.snapshots import write_snapshot
from prospect_intel.core.clock import utc_now
from prospect_intel.core.errors import InvalidUrl, NotFound, StoreError
from prospect_intel.core.language import _
from prospect_intel.core.models import KeptPage, SiteOutcome
from prospect_intel.core.urls import host_of, normalise_url, registered_domain, site_identity

BUSY_TIMEOUT_MS = 30_000


class AlreadyCollected(Exception):
    """A finished site handed back for a relay job whose site was stored already."""


class ReviewsChanged(Exception):
    """A review landed between reading a prospect's review facts and saving the analysis of them."""


@dataclass(frozen=True)
class AddResult:
    url: str
    outcome: str  # added | queued | crawling | done | failed (the state it was already in)
    same_site: str | None = None  # the URL the store holds for this site, when this one differs


@dataclass(frozen=True)
class Claimed:
    id: int
    url: str
    domain: str


def _refuse_foreign(db: Database, path: Path) -> None:
    """Leave other programs' SQLite files untouched: no WAL switch, no tables added."""
    tables = set(db.table_names())
    if tables and not is_prospect_store(tables, db):
        db.close()
        raise StoreError(_("%(file)s: an SQLite database of another program (no prospect tables); choose another "
                           "--db file", file=path))


class Store:
    """Connection, queue, runs and pages; `prospect_intel.app.store.Store` adds evidence, reviews, scores."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        try:
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db = Database(conn)
            _refuse_foreign(self.db, self.path)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(self.db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(_("%(file)s: not a usable prospect database (%(reason)s)", file=self.path,
                               reason=exc)) from None

    def close(self) -> None:
        self.db.close()

    def backup(self, target: str | os.PathLike[str]) -> int:
        """A consistent copy of the store at `target` (SQLite's online backup: a crawl or the web
        app may write meanwhile), written beside it and renamed into place; its size in bytes."""
        target = Path(target)
        scratch = target.with_name(f".{target.name}.partial")
        copy = sqlite3.connect(str(scratch))
        try:
            self.db.conn.backup(copy)
        finally:
            copy.close()
        os.replace(scratch, target)
        return target.stat().st_size

    @contextlib.contextmanager
    def write(self) -> Iterator[Database]:
        """One write transaction that takes the write lock up front (no upgrade deadlocks)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- queue -------------------------------------------------------------------------------

    def add_prospects(self, entries: Iterable[tuple[str, str | None]]) -> list[AddResult]:
        """Queue (url, name) pairs; URLs must already be normalised. One prospect per company
        site: a URL whose site the store has (or the batch had) is left alone, its result naming
        the URL already held (`same_site`)."""
        results = []
        added: dict[str, dict[str, Any]] = {}  # by site identity
        now = utc_now()
        with self.write() as db:
            for url, name in entries:
                site = site_identity(url)
                if site in added:  # listed twice: queued by its first line
                    first = added[site]["url"]
                    results.append(AddResult(url, "queued", None if first == url else first))
                    continue
                row = db.execute("SELECT status, url FROM prospects WHERE url = ? OR site = ? "
                                 "ORDER BY url = ? DESC, id LIMIT 1", [url, site, url]).fetchone()
                if row:
                    results.append(AddResult(url, row[0], None if row[1] == url else row[1]))
                    continue
                added[site] = {"url": url, "domain": registered_domain(host_of(url)), "name": name or None,
                               "status": "queued", "added_at": now, "site": site,
                               "list_name": (name or "").strip() or None}  # no evidence or review yet
                results.append(AddResult(url, "added"))
            db["prospects"].insert_all(added.values(), batch_size=500)
        return results

    # Tables holding a prospect's own rows, archived with it when it is removed.
    _OWN_TABLES = ("extractions", "evidence", "absences", "review_facts", "reviews", "scores", "registry_evidence",
                   "snapshots")

    def remove(self, url: str, *, by: str, purge: bool = False) -> dict[str, Any]:
        """Delete a prospect (its pages, evidence, reviews and scores go with it); unless `purge`,
        its row and those records are kept in `archive` first. Refused while it is crawled."""
        with self.write() as db:
            row = self.prospect_row(url)
            if row["status"] == "crawling":
                raise StoreError(_("%(url)s is being crawled right now; remove it afterwards", url=row["url"]))
            if not purge:
                record = {"prospect": row, **{table: [self._as_dict(table, r) for r in db.execute(
                    f"SELECT * FROM {table} WHERE prospect_id = ?", [row["id"]]).fetchall()]
                    for table in self._OWN_TABLES}}
                db.execute("INSERT INTO archive (url, removed_at, removed_by, record) VALUES (?, ?, ?, ?)",
                           [row["url"], utc_now(), by, json.dumps(record, ensure_ascii=False, default=str)])
            db.execute("UPDATE prospects SET score_id = NULL WHERE id = ?", [row["id"]])
            db.execute("DELETE FROM prospects WHERE id = ?", [row["id"]])
        return row

    def archived(self, url: str) -> list[dict[str, Any]]:
        """What was removed at `url` (normalised), newest first."""
        rows = self.db.execute("SELECT url, removed_at, removed_by, record FROM archive WHERE url = ? "
                               "ORDER BY id DESC", [normalise_url(url)]).fetchall()
        return [{"url": u, "removed_at": at, "removed_by": by, "record": json.loads(r)} for u, at, by, r in rows]

    def set_url(self, old: str, new: str) -> dict[str, Any]:
        """Give a prospect a corrected address (normalised; not another known site's) and queue it
        again; its reviews stay, its pages and the evidence read from them are dropped."""
        url = normalise_url(new)
        with self.write() as db:
            row = self.prospect_row(old)
            if row["status"] == "crawling":
                raise StoreError(_("%(url)s is being crawled right now; change it afterwards", url=row["url"]))
            site = site_identity(url)
            other = db.execute("SELECT url FROM prospects WHERE (url = ? OR site = ?) AND id != ?",
                               [url, site, row["id"]]).fetchone()
            if other:
                raise StoreError(_("%(url)s is the site of another prospect (%(other)s)", url=url, other=other[0]))
            for table in ("pages", "extractions", "evidence", "absences"):
                db.execute(f"DELETE FROM {table} WHERE prospect_id = ?", [row["id"]])
            db.execute("UPDATE prospects SET url = ?, site = ?, domain = ?, status = 'queued', error = NULL, "
                       "error_kind = NULL, final_url = NULL WHERE id = ?",
                       [url, site, registered_domain(host_of(url)), row["id"]])
        return self.prospect_row(url)

    def requeue(self, url: str) -> None:
        with self.write() as db:
            cursor = db.execute(
                "UPDATE prospects SET status = 'queued', error = NULL, error_kind = NULL "
                "WHERE url = ? AND status != 'crawling'",
                [url],
            )
            if cursor.rowcount == 0:
                self.prospect_row(url)  # raises NotFound when it does not exist
                raise StoreError(_("%(url)s is being crawled right now; requeue it afterwards", url=url))

    def claim(self, run_id: int, limit: int, urls: Iterable[str] | None = None, *,
              exclusive_domains: bool = False) -> list[Claimed]:
        """Move up to `limit` queued prospects (optionally only these URLs) to `crawling`; with
        `exclusive_domains`, none of a domain another run is crawling (one worker a site)."""
        if limit <= 0:
            return []
        only = list(urls) if urls is not None else None
        where = "status = 'queued'"
        params: list[Any] = []
        if exclusive_domains:
            where += (" AND coalesce(domain, '') NOT IN (SELECT coalesce(domain, '') FROM prospects "
                      "WHERE status = 'crawling' AND run_id != ?)")
            params.append(run_id)
        if only is not None:
            where += f" AND url IN ({','.join('?' * len(only))})"
            params += only
        with self.write() as db:
            rows = db.execute(
                f"UPDATE prospects SET status = 'crawling', run_id = ?, attempts = attempts + 1 "
                f"WHERE id IN (SELECT id FROM prospects WHERE {where} ORDER BY id LIMIT ?) "
                f"RETURNING id, url, domain",
                [run_id, *params, limit],
            ).fetchall()
        return sorted((Claimed(*row) for row in rows), key=lambda c: c.id)

    def reset_interrupted(self) -> int:
        """Put prospects left `crawling` by a dead crawl back in the queue; return how many."""
        with self.write() as db:  # not those out with remote workers (`prospect queue push`)
            return db.execute(
                "UPDATE prospects SET status = 'queued' WHERE status = 'crawling' AND id NOT IN "
                "(SELECT prospect_id FROM relay_jobs WHERE collected_at IS NULL)"
            ).rowcount

    def count_queued(self, urls: Iterable[str] | None = None) -> int:
        if urls is None:
            return self.db.execute("SELECT count(*) FROM prospects WHERE status = 'queued'").fetchone()[0]
        only = list(urls)
        return self.db.execute(
            f"SELECT count(*) FROM prospects WHERE status = 'queued' AND url IN ({','.join('?' * len(only))})",
            only,
        ).fetchone()[0]

    # -- crawl runs ---------------------------------------------------------------------------

    def start_run(self, options: dict[str, Any]) -> int:
        with self.write() as db:
            return db.execute(
                "INSERT INTO runs (started_at, pid, options) VALUES (?, ?, ?)",
                [utc_now(), os.getpid(), json.dumps(options, sort_keys=True)],
            ).lastrowid

    def finish_run(self, run_id: int, outcome: str) -> None:
        """End a run; the sites it claimed and did not finish (a crawl closed early: a
        CLOSESPIDER_* limit, a shutdown) go back in the queue at once."""
        with self.write() as db:
            self._end_run(db, run_id, outcome)

    @staticmethod
    def _end_run(db: Any, run_id: int, outcome: str) -> None:
        db.execute("UPDATE prospects SET status = 'queued' WHERE status = 'crawling' AND run_id = ?", [run_id])
        db.execute("UPDATE runs SET finished_at = ?, outcome = ? WHERE id = ?", [utc_now(), outcome, run_id])

    def last_run_id(self) -> int:
        return self.db.execute("SELECT coalesce(max(id), 0) FROM runs").fetchone()[0]

    def release_dead_runs(self, pid: int, after_run: int, why: str) -> int:
        """Put back in the queue what the unfinished runs of a dead process (`pid`, runs after
        `after_run`) had claimed, and end those runs with `why`; how many sites they finished."""
        finished = 0
        with self.write() as db:
            runs = db.execute("SELECT id, sites_done + sites_failed FROM runs WHERE pid = ? AND id > ? "
                              "AND finished_at IS NULL", [pid, after_run]).fetchall()
            for run_id, count in runs:
                self._end_run(db, run_id, why)
                finished += count
        return finished

    def run_totals(self, after_run: int) -> tuple[int, int, int]:
        """Sites done, sites failed and pages kept by the runs after `after_run`."""
        return tuple(self.db.execute(
            "SELECT coalesce(sum(sites_done), 0), coalesce(sum(sites_failed), 0), coalesce(sum(pages), 0) "
            "FROM runs WHERE id > ?", [after_run]).fetchone())  # type: ignore[return-value]

    def unfinished_runs(self, limit: int) -> list[dict[str, Any]]:
        """The latest runs without an end (running, or killed), newest first."""
        return list(self.db["runs"].rows_where("finished_at IS NULL", order_by="id DESC", limit=limit))

    def last_finished_run(self) -> dict[str, Any] | None:
        rows = list(self.db["runs"].rows_where("finished_at IS NOT NULL", order_by="id DESC", limit=1))
        return rows[0] if rows else None

    def in_transaction(self) -> bool:
        """Whether a write of this connection is under way (a caller must not nest one)."""
        return self.db.conn.in_transaction

    # -- finished sites -----------------------------------------------------------------------

    def save_site(self, run_id: int, outcome: SiteOutcome, analysis=None, facts_used=None,
                  job: int | None = None) -> None:
        """Replace the prospect's pages (and evidence and score, when analysed) and set its final
        status, atomically. With `facts_used` (the review facts the analysis read), raise
        ReviewsChanged instead when a rep's review landed in between; nothing is written then.
        With `job` (a relay job), mark it collected, or raise AlreadyCollected if it was."""
        counter = "sites_done" if outcome.status == "done" else "sites_failed"
        with self.write() as db:
            if facts_used is not None and self.review_facts(outcome.prospect_id) != facts_used:
                raise ReviewsChanged(f"prospect {outcome.prospect_id} was reviewed during its analysis")
            if job is not None and not db.execute(
                    "UPDATE relay_jobs SET collected_at = ? WHERE id = ? AND collected_at IS NULL",
                    [utc_now(), job]).rowcount:
                raise AlreadyCollected(f"relay job {job} was collected already")
            if analysis is not None:
                self.save_analysis(outcome.prospect_id, analysis)
            earlier = dict(db.execute("SELECT url, body_sha256 FROM pages WHERE prospect_id = ?",
                                      [outcome.prospect_id]))
            db.execute("DELETE FROM pages WHERE prospect_id = ?", [outcome.prospect_id])
            self._insert_pages(db, run_id, outcome.prospect_id, outcome.pages, earlier)
            if outcome.status == "failed" and analysis is None:
                # An earlier grade no longer holds (the crawl's pipeline saves a failed site with
                # `analysis.analyse_failure`, which records why).
                db.execute("UPDATE prospects SET score_id = NULL WHERE id = ?", [outcome.prospect_id])
            db.execute(
                "UPDATE prospects SET status = ?, error_kind = ?, error = ?, final_url = ?, "
                "site_domain = ?, requests = ?, redirects = ?, crawled_at = ? WHERE id = ?",
                [outcome.status, outcome.error_kind, outcome.error, outcome.final_url,
                 outcome.site_domain, outcome.requests,
                 json.dumps(list(outcome.redirects)) if outcome.redirects else None,
                 utc_now(), outcome.prospect_id],
            )
            db.execute(
                f"UPDATE runs SET {counter} = {counter} + 1, pages = pages + ? WHERE id = ?",
                [len(outcome.pages), run_id],
            )
            changed = write_snapshot(db, outcome.prospect_id)  # this crawl, kept beside the earlier ones
            db.execute("UPDATE prospects SET list_changed = ? WHERE id = ?", [",".join(changed), outcome.prospect_id])

    def _insert_pages(self, db: Database, run_id: int, prospect_id: int, pages: Sequence[KeptPage],
                      earlier: dict[str, str] | None = None) -> None:
        """The pages' rows, and each body once (bodies are shared by content hash); a new body
        of a URL the last crawl kept is stored as a delta against that one (`packing.py`)."""
        digests = [hashlib.sha256(page.body).hexdigest() for page in pages]
        earlier = earlier or {}
        for digest, page in zip(digests, pages):
            if db.execute("SELECT 1 FROM bodies WHERE sha256 = ?", [digest]).fetchone():
                continue
            row = packed_row(db, "bodies", page.body, earlier.get(page.url))
            db["bodies"].insert({"sha256": digest, "size": len(page.body), "compression": "zlib", **row},
                                ignore=True)
        db["pages"].insert_all(
            ({"prospect_id": prospect_id, "run_id": run_id, "seq": seq, "url": page.url,
              "requested_url": page.requested_url or page.url, "role": page.role, "status": page.status,
              "fetched_at": page.fetched_at, "content_type": page.content_type, "encoding": page.encoding,
              "title": page.title, "text": page.text, "depth": page.depth, "body_sha256": digest,
              "tls_expires": page.tls_expires or None, "rendered": int(page.rendered)}
             for seq, (digest, page) in enumerate(zip(digests, pages))),
            replace=True,
        )

    # -- reading ------------------------------------------------------------------------------

    def prospect_row(self, url: str) -> dict[str, Any]:
        """The prospect for a URL or a company name as a user types it: the URL (normalised), the
        same site at another address (`x.cn` finds `www.x.cn/index.html`), the one prospect on a
        bare domain, then the name the list shows (whole, or a unique beginning of it)."""
        try:
            key = normalise_url(url)
        except InvalidUrl:
            return self._by_name(url)
        row = self.db.execute("SELECT * FROM prospects WHERE url = ?", [key]).fetchone()
        if row is None:
            row = self.db.execute("SELECT * FROM prospects WHERE site = ? ORDER BY id LIMIT 1",
                                  [site_identity(key)]).fetchone()
        if row is None and urlsplit(key).path == "/":
            domain = registered_domain(host_of(key))
            rows = self.db.execute("SELECT * FROM prospects WHERE domain = ? LIMIT 2", [domain]).fetchall()
            if len(rows) > 1:
                raise NotFound(_("several prospects on %(domain)s; give the full URL", domain=domain))
            row = rows[0] if rows else None
        if row is None and "." not in url and "/" not in url:
            return self._by_name(url)
        if row is None:
            raise NotFound(_("no prospect %(url)s in %(file)s", url=key, file=self.path))
        return self._as_dict("prospects", row)

    def _by_name(self, typed: str) -> dict[str, Any]:
        """The one prospect whose list name is `typed`, or begins with it."""
        name = typed.strip()
        rows = self.db.execute("SELECT * FROM prospects WHERE list_name = ? LIMIT 2", [name]).fetchall()
        if len(rows) != 1:
            pattern = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            rows = self.db.execute("SELECT * FROM prospects WHERE list_name LIKE ? ESCAPE '\\' ORDER BY id LIMIT 11",
                                   [pattern]).fetchall() if name else []
        if not rows:
            raise NotFound(_("no prospect named or at %(name)r in %(file)s", name=name, file=self.path))
        if len(rows) > 1:
            found = [self._as_dict("prospects", row) for row in rows[:10]]
            shown = "; ".join(f"{row['list_name']} ({row['url']})" for row in found)
            more = " ..." if len(rows) > 10 else ""
            raise NotFound(_("several prospects are named %(name)r…: %(found)s; give more of the name or the URL",
                             name=name, found=f"{shown}{more}"))
        return self._as_dict("prospects", rows[0])

    def prospects(self, status: str | None = None) -> Iterator[dict[str, Any]]:
        sql = "SELECT * FROM prospects"
        params: list[Any] = []
        if status:
            sql += " WHERE status = ?"
            params.append(status)
        for row in self.db.execute(sql + " ORDER BY id", params):
            yield self._as_dict("prospects", row)

    def pages(self, prospect_id: int) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT * FROM pages WHERE prospect_id = ? ORDER BY seq", [prospect_id]
        ).fetchall()
        return [self._as_dict("pages", row) for row in rows]

    def body(self, sha256: str) -> bytes:
        body = read_chain(sha256, row_reader(self.db, "bodies"))
        if body is None:
            raise NotFound(f"no stored body {sha256}")
        return body

    def status_counts(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT status, count(*) FROM prospects GROUP BY status"))

    def _as_dict(self, table: str, row: tuple) -> dict[str, Any]:
        columns = self._columns(table)
        return dict(zip(columns, row))

    def _columns(self, table: str) -> list[str]:
        cache = self.__dict__.setdefault("_column_cache", {})
        if table not in cache:
            cache[table] = [c.name for c in self.db[table].columns]
        return cache[table]
