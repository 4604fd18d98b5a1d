"""`prospect worker --redis URL`: take jobs from the Redis queue, crawl and extract each site, and
hand it back on the results stream. The spider is the ordinary one; this module gives it its
queue and sink (`RelayQueue`, `RelaySink`, one shared `_Relay` per crawl).

A job is taken with XREADGROUP (new ones) or XAUTOCLAIM (those whose worker stopped renewing them
for `lease` seconds: it died). While a site is crawled, a thread renews its job's lease (XCLAIM
to itself, which resets the idle time). A finished site is added to the results stream before
its job is acknowledged (XACK): a worker killed in between hands the site back twice, and the
collector stores it once. A Redis that does not answer is waited out with back-off.
"""
from __future__ import annotations

import logging
import os
import socket
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import redis
from scrapy.crawler import CrawlerProcess

from prospect_intel.app.analysis import crawl_date, docs_from_kept, extract_pages
from prospect_intel.app.crawl_run import CrawlOptions, CrawlSummary, build_settings
from prospect_intel.core.clock import utc_now
from prospect_intel.core.models import SiteOutcome
from prospect_intel.crawler.backend import QueuedSite

from . import streams
from .payload import FinishedSite, encode

logger = logging.getLogger(__name__)


def worker_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


class _Relay:
    """The worker's link to Redis: jobs in flight (prospect id -> stream entry, job) and their
    leases."""

    def __init__(self, url: str, name: str, lease: float, exit_when_empty: bool):
        self.url, self.name, self.lease, self.exit_when_empty = url, name, lease, exit_when_empty
        self.client = redis.Redis.from_url(url, socket_timeout=15, socket_connect_timeout=5)  # groups made already
        self.inflight: dict[int, tuple[str, int]] = {}
        self.backoff, self.retry_at = 0.0, 0.0
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        threading.Thread(target=self._renew, daemon=True, name="lease-renewal").start()

    @classmethod
    def for_crawler(cls, crawler: Any) -> _Relay:
        relay = getattr(crawler, "_prospect_relay", None)
        if relay is None:
            settings = crawler.settings
            relay = cls(settings.get("PROSPECT_RELAY_URL"), settings.get("PROSPECT_RELAY_NAME") or worker_name(),
                        settings.getfloat("PROSPECT_RELAY_LEASE", streams.LEASE_SECONDS),
                        settings.getbool("PROSPECT_RELAY_EXIT_WHEN_EMPTY"))
            crawler._prospect_relay = relay
        return relay

    def take(self, limit: int) -> list[QueuedSite]:
        """Up to `limit` jobs; none while Redis does not answer (asked again, with back-off, when
        the spider is next idle: the sites in flight go on meanwhile)."""
        if time.monotonic() < self.retry_at:
            return []
        try:
            entries = streams.call(lambda: self._entries(limit), self.url)
        except streams.RelayUnavailable as error:
            self.backoff = min(self.backoff * 2 or 1.0, streams.BACKOFF_MAX)
            self.retry_at = time.monotonic() + self.backoff
            logger.warning("%s; taking no job for %.0f s", error, self.backoff)
            return []
        self.backoff = 0.0
        taken = []
        for entry_id, fields in entries:
            if not fields:  # trimmed from the stream: nothing to crawl
                self._ack(entry_id)
                continue
            prospect, job = int(fields[b"prospect"]), int(fields[b"job"])
            with self.lock:
                if prospect in self.inflight:  # the same prospect twice (a push repeated): one crawl
                    self._ack(entry_id)
                    continue
                self.inflight[prospect] = (streams.text(entry_id), job)
            taken.append(QueuedSite(prospect, fields[b"url"].decode("utf-8")))
        return taken

    def _entries(self, limit: int) -> list[tuple[Any, dict]]:
        reclaimed = self.client.xautoclaim(streams.JOBS, streams.WORKERS, self.name, int(self.lease * 1000),
                                           start_id="0-0", count=limit)[1]
        entries = list(reclaimed)
        if len(entries) < limit:
            for _stream, new in self.client.xreadgroup(streams.WORKERS, self.name, {streams.JOBS: ">"},
                                                       count=limit - len(entries)) or []:
                entries += new
        return entries

    def hand_back(self, outcome: SiteOutcome) -> None:
        with self.lock:
            entry_id, job = self.inflight[outcome.prospect_id]
        now = utc_now()
        extracted = extract_pages(docs_from_kept(outcome.pages), crawl_date(now)) if outcome.status == "done" \
            else None
        blob = encode(FinishedSite(job, replace(outcome, pages=tuple(replace(p, parsed=None) for p in outcome.pages)),
                                   extracted, now))
        # Waited out if Redis is down: the site is not dropped (a worker killed meanwhile leaves
        # its job to another after the lease).
        streams.with_retry(lambda: self.client.xadd(streams.RESULTS, {"data": blob}), self.url)
        self._ack(entry_id)
        with self.lock:
            self.inflight.pop(outcome.prospect_id, None)

    def waiting(self) -> bool:
        """Stay open: always, unless asked to exit when no job is left anywhere (none unread,
        none taken by a worker that may still die and leave it to us)."""
        if not self.exit_when_empty:
            return True
        try:  # handled jobs are deleted: whatever is in the stream is unread or taken
            return streams.call(lambda: self.client.xlen(streams.JOBS), self.url) > 0
        except streams.RelayUnavailable:
            return True

    def close(self) -> None:
        self.stopped.set()

    def _ack(self, entry_id: Any) -> None:
        """Done with a job: acknowledged and deleted (an acknowledged entry would stay in the
        stream for ever)."""
        streams.with_retry(lambda: streams.acknowledge(self.client, streams.JOBS, streams.WORKERS, entry_id),
                           self.url)

    def _renew(self) -> None:
        """Keep the leases of the jobs in flight fresh (XCLAIM to ourselves resets their idle time)."""
        while not self.stopped.wait(self.lease / 3):
            with self.lock:
                ids = [entry_id for entry_id, _job in self.inflight.values()]
            if ids:
                self._renew_ids(ids)

    def _renew_ids(self, ids: list[str]) -> None:
        try:
            streams.call(lambda: self.client.xclaim(streams.JOBS, streams.WORKERS, self.name, 0, ids, justid=True),
                         self.url)
        except (streams.RelayUnavailable, streams.RelayError) as error:
            logger.warning("could not renew the leases: %s", error)


class RelayQueue:
    """The spider's queue: jobs from Redis. Run ids are local (the store's runs are the collector's)."""

    def __init__(self, relay: _Relay):
        self.relay = relay

    @classmethod
    def from_crawler(cls, crawler: Any) -> RelayQueue:
        return cls(_Relay.for_crawler(crawler))

    def open(self, only_urls: Sequence[str] | None, options: dict[str, Any]) -> int:
        return 0

    def count_queued(self, only_urls: Sequence[str] | None) -> int:
        return 0

    def claim(self, run_id: int, limit: int, only_urls: Sequence[str] | None) -> list[QueuedSite]:
        return self.relay.take(limit) if limit > 0 else []

    def waiting(self) -> bool:
        return self.relay.waiting()

    def close(self, run_id: int | None, reason: str) -> None:
        self.relay.close()


class RelaySink:
    """The spider's sink: each finished site, extracted, onto the results stream."""

    def __init__(self, relay: _Relay):
        self.relay = relay

    @classmethod
    def from_crawler(cls, crawler: Any) -> RelaySink:
        return cls(_Relay.for_crawler(crawler))

    def save(self, run_id: int, outcome: SiteOutcome) -> None:
        self.relay.hand_back(outcome)

    def close(self) -> None:
        self.relay.close()


def run_worker(url: str, options: CrawlOptions, *, name: str | None = None, lease: float = streams.LEASE_SECONDS,
               exit_when_empty: bool = False) -> CrawlSummary:
    """Crawl jobs from Redis until stopped (SIGTERM, Ctrl-C, `--until`), or until no job is left
    with `exit_when_empty`."""
    settings = build_settings(replace(options, db_path=""))  # no contact: refused before Redis is waited for
    # A bad URL or password fails here, before Scrapy starts; a Redis that does not answer yet
    # is waited for.
    streams.connect_waiting(url, say=lambda line: print(line, file=sys.stderr, flush=True))
    settings.setdict({"PROSPECT_QUEUE": f"{__name__}.RelayQueue", "PROSPECT_SINK": f"{__name__}.RelaySink",
                      "PROSPECT_RELAY_URL": url, "PROSPECT_RELAY_NAME": name or worker_name(),
                      "PROSPECT_RELAY_LEASE": lease, "PROSPECT_RELAY_EXIT_WHEN_EMPTY": exit_when_empty},
                     priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler("prospect")
    started = time.monotonic()
    process.crawl(crawler)
    process.start()
    stats = crawler.stats.get_stats()
    errors = {key.split("/", 2)[2]: value for key, value in stats.items() if key.startswith("prospect/errors/")}
    return CrawlSummary(stats.get("prospect/sites_done", 0), stats.get("prospect/sites_failed", 0),
                        stats.get("prospect/pages_kept", 0), stats.get("prospect/pages_requested", 0), errors,
                        time.monotonic() - started, stats.get("finish_reason", "unknown"),
                        bool(stats.get("prospect/stopped_at_until")))

