"""`prospect crawl --workers N`: N crawl processes over one store's queue on one machine.

The parent holds the store's crawl lock for the whole job and puts back what an earlier crawl
left unfinished. Each worker is a fresh Python process (a Scrapy crawl needs a Twisted reactor
of its own) running the ordinary crawl in worker mode (`PROSPECT_WORKER`): it claims prospects
from the shared queue, one SQLite write transaction a claim, so no prospect goes to two workers,
and passes over the prospects of a domain another worker is crawling (one worker a site).

The lease on a claimed prospect is the life of the worker that claimed it: the parent sees a
worker die (kill -9, a crash) at once, puts the prospects its run had claimed back in the queue,
and starts another worker while sites are queued. A worker dies with its parent (Linux:
PR_SET_PDEATHSIG; elsewhere it checks for its parent twice a second), so a parent killed with
-9 leaves only claimed prospects behind, which the next crawl resumes like any interrupted crawl.
"""
from __future__ import annotations

import ctypes
import math
import multiprocessing
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Any

from prospect_intel.app.crawl_run import CrawlOptions, CrawlSummary, run_crawl
from prospect_intel.app.crawl_store import resume_queue
from prospect_intel.app.store import Store, crawl_lock

POLL_SECONDS = 0.2
MAX_RESTARTS_PER_WORKER = 3  # a worker that keeps dying (a poisoned site) does not loop for ever


@dataclass
class _Job:
    options: CrawlOptions
    workers: int
    last_run: int  # the newest run before this job: the job's runs come after it
    context: Any
    results: Any
    running: dict[int, tuple[Any, int]] = field(default_factory=dict)  # pid -> (process, its limit)
    summaries: list[CrawlSummary] = field(default_factory=list)
    restarts: int = 0
    stopping: bool = False


def run_workers(options: CrawlOptions, workers: int) -> CrawlSummary:
    """Crawl the queue with `workers` processes; the same summary a single crawl gives."""
    crawl_lock.acquire(options.db_path)
    try:
        store = Store(options.db_path)
        try:
            resume_queue(store, options.only_urls)
            last_run = store.last_run_id()
        finally:
            store.close()
        context = multiprocessing.get_context("spawn")
        job = _Job(options, workers, last_run, context, context.Queue())
        return _supervise(job)
    finally:
        crawl_lock.release(options.db_path)


def _supervise(job: _Job) -> CrawlSummary:
    started = time.monotonic()
    previous = signal.signal(signal.SIGTERM, lambda *_: _stop(job, signal.SIGTERM))
    share = math.ceil(job.options.limit / job.workers) if job.options.limit else 0
    try:
        for _ in range(job.workers):
            _start(job, share)
        while job.running:
            time.sleep(POLL_SECONDS)
            _collect(job)
            for pid in [pid for pid, (process, _limit) in job.running.items() if not process.is_alive()]:
                _ended(job, pid)
    except KeyboardInterrupt:
        # Ctrl-C reached the workers too (one process group): each finishes its sites in flight.
        # Sending it again would make Scrapy drop them.
        job.stopping = True
        for process, _limit in list(job.running.values()):
            process.join()
    finally:
        signal.signal(signal.SIGTERM, previous)
    _collect(job)
    return _summary(job, time.monotonic() - started)


def _start(job: _Job, limit: int) -> None:
    # Each worker is a whole crawl with its own PROSPECT_CONCURRENT_SITES, as a Redis worker on
    # another machine is: N workers crawl N times as many sites at once, each site still one
    # request at a time with its delay (politeness is per site, unchanged).
    options = replace(job.options, limit=limit, show_progress=False, only_urls=(), worker=True)
    process = job.context.Process(target=_work, args=(options, job.results, os.getpid()), daemon=False)
    process.start()
    job.running[process.pid] = (process, limit)


def _ended(job: _Job, pid: int) -> None:
    """A worker exited: when it died, put its claims back and start another in its place."""
    process, limit = job.running.pop(pid)
    process.join()
    if process.exitcode == 0:
        return
    store = Store(job.options.db_path)
    try:
        exitcode = process.exitcode or 0
        why = f"worker died ({f'signal {-exitcode}' if exitcode < 0 else f'exit {exitcode}'})"
        finished = store.release_dead_runs(pid, job.last_run, why)
        queued = store.count_queued()
    finally:
        store.close()
    if queued and not job.stopping and job.restarts < MAX_RESTARTS_PER_WORKER * job.workers:
        job.restarts += 1
        if not limit or limit > finished:
            _start(job, limit - finished if limit else 0)


def _stop(job: _Job, signum: int) -> None:
    """Take no new site: each worker finishes the sites in flight (Scrapy's own shutdown)."""
    job.stopping = True
    for pid in list(job.running):
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass


def _collect(job: _Job) -> None:
    while True:
        try:
            job.summaries.append(job.results.get_nowait())
        except Exception:  # noqa: BLE001 - queue.Empty, or a half-written result of a killed worker
            return


def _summary(job: _Job, seconds: float) -> CrawlSummary:
    """Sites and pages from the runs of this job (a killed worker's too); requests and errors
    from the workers that finished."""
    store = Store(job.options.db_path)
    try:
        done, failed, pages = store.run_totals(job.last_run)
    finally:
        store.close()
    errors: dict[str, int] = {}
    for summary in job.summaries:
        for kind, count in summary.errors.items():
            errors[kind] = errors.get(kind, 0) + count
    reasons = {s.finish_reason for s in job.summaries} or {"unknown"}
    return CrawlSummary(
        sites_done=done, sites_failed=failed, pages_kept=pages,
        pages_requested=sum(s.pages_requested for s in job.summaries), errors=errors, seconds=seconds,
        finish_reason="finished" if reasons == {"finished"} else ", ".join(sorted(reasons)),
        stopped_at_until=any(s.stopped_at_until for s in job.summaries),
    )


def _work(options: CrawlOptions, results: Any, parent: int) -> None:
    """A worker process: die with the parent, crawl, hand the summary back."""
    _die_with(parent)
    results.put(run_crawl(options))


def _die_with(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except OSError:
            pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()
