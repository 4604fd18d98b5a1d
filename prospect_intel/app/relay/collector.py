"""`prospect queue push`, `prospect collect` and `prospect queue status`: the store's side.

Push makes a relay job of each queued prospect in the store (the prospect is then `crawling`,
out with the workers) and adds it to the jobs stream; a push interrupted between the two sends
the unsent jobs next time. Collect reads the results stream through a consumer group, its own
unacknowledged entries first (a collector killed mid-write finds them again), scores each
finished site with the store's reviews and registry facts, and stores it with its job marked
collected in one transaction, then acknowledges it: a site handed back twice is stored once.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from prospect_intel.app.analysis import analyse_extracted, crawl_date
from prospect_intel.app.store import AlreadyCollected, Store, utc_now
from prospect_intel.app.workflows import analyse_failed_crawl, save_analysed, store_rubric

from . import streams
from .payload import FinishedSite, decode

logger = logging.getLogger(__name__)
COLLECTOR = "collector"  # one writer: the consumer name is fixed, so a restarted one finds its pending entries
BATCH = 20


def push(store: Store, url: str, limit: int = 0) -> int:
    """Push the store's queued prospects (up to `limit`) onto the jobs stream; how many were sent."""
    client = streams.connect(url)
    sent = 0
    for job, prospect, site_url in store.push_jobs(limit):
        entry = streams.call(partial(client.xadd, streams.JOBS, {"job": job, "prospect": prospect, "url": site_url}),
                             url)
        store.mark_sent(job, streams.text(entry))
        sent += 1
    return sent


@dataclass
class Collected:
    stored: int = 0
    duplicates: int = 0


def collect(store: Store, url: str, *, follow: bool = False, rubric_spec: str | None = None,
            say: Callable[[str], Any] = logger.warning, stop: Callable[[], bool] = lambda: False) -> Collected:
    """Store the finished sites handed back, until no pushed job is outstanding (or, with
    `follow`, until stopped)."""
    client = streams.connect_waiting(url, say=say, stop=stop)
    if client is None:
        return Collected()
    rubric = store_rubric(store, rubric_spec)
    run_id = store.start_run({"relay": "collect"})
    counts = Collected()
    try:
        backlog = True  # our own entries not acknowledged by an earlier life first
        while not stop():
            read = streams.with_retry(partial(client.xreadgroup, streams.COLLECTORS, COLLECTOR,
                                              {streams.RESULTS: "0" if backlog else ">"}, count=BATCH,
                                              block=None if backlog else 1000), url, say=say, stop=stop)
            entries = [entry for _stream, found in read or [] for entry in found]
            if backlog and not entries:
                backlog = False
                continue
            for entry_id, fields in entries:
                _store_one(store, rubric, run_id, fields, counts)
                streams.with_retry(partial(streams.acknowledge, client, streams.RESULTS, streams.COLLECTORS, entry_id),
                                   url, say=say, stop=stop)
            if not entries and not follow and store.relay_counts()["outstanding"] == 0:
                break
    finally:
        store.finish_run(run_id, "finished")
    return counts


def _store_one(store: Store, rubric, run_id: int, fields: dict, counts: Collected) -> None:
    if not fields or b"data" not in fields:
        return
    site = decode(fields[b"data"])
    try:
        save_analysed(store, run_id, site.outcome, partial(_analysis, store, rubric, site), job=site.job)
        counts.stored += 1
    except AlreadyCollected:
        counts.duplicates += 1


def _analysis(store: Store, rubric, site: FinishedSite, facts):
    outcome, now = site.outcome, utc_now()
    if outcome.status == "done" and site.extracted is not None:
        return analyse_extracted(site.extracted, len(outcome.pages), facts, rubric, crawl_date(site.crawled_at), now,
                                 store.registry_evidence(outcome.prospect_id))
    return analyse_failed_crawl(store, outcome, facts, rubric, now)


def status(store: Store | None, url: str) -> dict[str, Any]:
    """Queued, leased (by which worker, for how long), waiting to be collected, workers alive."""
    client = streams.connect(url)
    leases = streams.call(lambda: client.xpending_range(streams.JOBS, streams.WORKERS, "-", "+", 10_000), url)
    jobs, results = (streams.call(partial(client.xlen, stream), url) for stream in (streams.JOBS, streams.RESULTS))
    consumers = streams.call(lambda: client.xinfo_consumers(streams.JOBS, streams.WORKERS), url)
    now_ms = time.time() * 1000
    return {
        "queued": jobs - len(leases),  # handled entries are deleted: the rest is unread or leased
        # idle: since the worker last took or renewed the lease (a live worker renews it every lease/3)
        "leased": [{"worker": streams.text(p["consumer"]), "job_entry": streams.text(p["message_id"]),
                    "idle_s": round(p["time_since_delivered"] / 1000, 1), "delivered": p["times_delivered"]}
                   for p in leases],
        "to_collect": results,
        "workers_alive": sorted(streams.text(c["name"]) for c in consumers
                                if c.get("inactive", c.get("idle", 0)) < streams.LEASE_SECONDS * 1000),
        # done and failed: the store's prospects (this machine's, when it holds the store)
        "store": {**store.relay_counts(), **store.status_counts()} if store is not None else None,
        "checked_at_ms": int(now_ms),
    }

