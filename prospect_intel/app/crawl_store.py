"""The crawl's queue and sink on the SQLite store (`PROSPECT_QUEUE`, `PROSPECT_SINK`).

The queue takes the crawl lock (one crawl per store), puts back what an interrupted crawl left
unfinished and records the run. The sink analyses each finished site (evidence, score; a failed
one is unscored with the reason) and stores it in one transaction.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from prospect_intel.app.analysis import analyse_pages, crawl_date, docs_from_kept
from prospect_intel.app.report import prospect_json
from prospect_intel.app.store import Store, crawl_lock
from prospect_intel.app.workflows import analyse_failed_crawl, save_analysed, store_rubric
from prospect_intel.core.clock import utc_now
from prospect_intel.core.models import SiteOutcome
from prospect_intel.crawler.backend import QueuedSite

logger = logging.getLogger(__name__)


def resume_queue(store: Store, only_urls: Sequence[str]) -> None:
    """Before a crawl (its lock held): put back what an interrupted crawl left unfinished, and
    queue `only_urls`, again if they were crawled already."""
    interrupted = store.reset_interrupted()
    if interrupted:
        logger.info("resuming: %d site(s) left unfinished by an interrupted crawl", interrupted)
    for result in store.add_prospects((url, None) for url in only_urls):
        if result.outcome in ("done", "failed"):
            store.requeue(result.url)


class SqliteQueue:
    def __init__(self, db_path: str, worker: bool = False):
        """`worker`: one of several crawl processes over this store (`crawl --workers`): their
        parent holds the lock and resumed the queue; a worker takes no prospect of a domain
        another one is crawling."""
        self.db_path = db_path
        self.worker = worker
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler) -> SqliteQueue:
        return cls(crawler.settings.get("PROSPECT_DB"), crawler.settings.getbool("PROSPECT_WORKER"))

    def open(self, only_urls: Sequence[str] | None, options: dict[str, Any]) -> int:
        if self.worker:
            self.store = Store(self.db_path)
            return self.store.start_run(options)
        crawl_lock.acquire(self.db_path)
        self.store = Store(self.db_path)
        resume_queue(self.store, only_urls or ())
        return self.store.start_run(options)

    def count_queued(self, only_urls: Sequence[str] | None) -> int:
        return self._store().count_queued(only_urls)

    def claim(self, run_id: int, limit: int, only_urls: Sequence[str] | None) -> list[QueuedSite]:
        return [QueuedSite(c.id, c.url)
                for c in self._store().claim(run_id, limit, only_urls, exclusive_domains=self.worker)]

    def close(self, run_id: int | None, reason: str) -> None:
        if self.store is not None:
            if run_id is not None:
                self.store.finish_run(run_id, reason)
            self.store.close()
        if not self.worker:
            crawl_lock.release(self.db_path)

    def _store(self) -> Store:
        assert self.store is not None, "the queue is used before open()"
        return self.store


class SqliteSink:
    def __init__(self, db_path: str, rubric_spec: str | None):
        self.store = Store(db_path)
        self.rubric = store_rubric(self.store, rubric_spec)

    @classmethod
    def from_crawler(cls, crawler) -> SqliteSink:
        return cls(crawler.settings.get("PROSPECT_DB"), crawler.settings.get("PROSPECT_RUBRIC"))

    def close(self) -> None:
        self.store.close()

    def record(self, outcome: SiteOutcome) -> dict:
        """The prospect as saved, in the evidence contract's JSON shape (a feed's line)."""
        return prospect_json(self.store, self.store.prospect_by_id(outcome.prospect_id), rubric=self.rubric)

    def save(self, run_id: int, outcome: SiteOutcome) -> None:
        if outcome.status != "done":  # unscored, with the reason, in the same transaction
            facts = self.store.review_facts(outcome.prospect_id)
            self.store.save_site(run_id, outcome, analyse_failed_crawl(self.store, outcome, facts, self.rubric,
                                                                        utc_now()))
            return
        docs = docs_from_kept(outcome.pages)

        def analyse(facts):
            now = utc_now()
            return analyse_pages(docs, facts, self.rubric, crawl_date(now), now,
                                 self.store.registry_evidence(outcome.prospect_id))
        save_analysed(self.store, run_id, outcome, analyse)
