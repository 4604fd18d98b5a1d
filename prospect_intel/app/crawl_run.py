"""Run the prospect spider in this process, with a progress display and a summary.

`prospect crawl`, `prospect record` and the tests' helpers all come through `run_crawl`.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Any

from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from prospect_intel.app import user_config
from prospect_intel.app.store import crawl_lock
from prospect_intel.core.errors import SettingError
from prospect_intel.crawler import identity
from prospect_intel.crawler.fixtures import ReplayIndex
from prospect_intel.crawler.progress import CrawlProgress


@dataclass(frozen=True)
class CrawlOptions:
    db_path: str
    limit: int = 0
    pages_per_site: int = 30
    allow_private: bool = False
    replay_dir: str | None = None
    record_dir: str | None = None
    only_urls: tuple[str, ...] = ()
    overrides: dict[str, Any] = field(default_factory=dict)
    log_file: str | None = None
    show_progress: bool = True
    worker: bool = False  # one of `crawl --workers N`'s processes (app/crawl_workers.py)


@dataclass(frozen=True)
class CrawlSummary:
    sites_done: int
    sites_failed: int
    pages_kept: int
    pages_requested: int
    errors: dict[str, int]
    seconds: float
    finish_reason: str
    stopped_at_until: bool = False  # the crawl's window ended with sites still queued


def build_settings(options: CrawlOptions) -> Settings:
    """The crawl's settings; raises SettingError when it may not start (no operator contact for
    a crawl of public sites: `crawler/identity.py`)."""
    settings = Settings()
    settings.setmodule("prospect_intel.app.scrapy_settings", priority="project")
    if not settings.get("PROSPECT_CONTACT_URL"):  # $PROSPECT_CONTACT_URL first, then `prospect config`
        settings.set("PROSPECT_CONTACT_URL", user_config.read().get("contact", ""), priority="project")
    values: dict[str, Any] = {
        "PROSPECT_DB": options.db_path,
        "PROSPECT_LIMIT": options.limit,
        "PROSPECT_PAGES_PER_SITE": options.pages_per_site,
        "PROSPECT_ALLOW_PRIVATE": options.allow_private,
        "PROSPECT_WORKER": options.worker,
        # Failures are recorded per prospect; without a log file the terminal keeps to progress.
        "LOG_LEVEL": "INFO" if options.log_file else "CRITICAL",
    }
    if options.log_file:
        values["LOG_FILE"] = options.log_file
    if options.replay_dir:
        # Nothing leaves the machine: no politeness delay is owed to a folder on disk.
        values.update(PROSPECT_REPLAY_DIR=options.replay_dir, DOWNLOAD_DELAY=0,
                      AUTOTHROTTLE_ENABLED=False, PROSPECT_RETRY_BASE_DELAY=0)
    if options.record_dir:
        values.update(PROSPECT_RECORD_DIR=options.record_dir,
                      PROSPECT_RECORD_START_URL=options.only_urls[0] if options.only_urls else "")
    settings.setdict(values, priority="cmdline")
    settings.setdict(options.overrides, priority="cmdline")
    missing = identity.missing_contact(settings)
    if missing:
        raise SettingError(missing)
    return settings


def run_crawl(options: CrawlOptions) -> CrawlSummary:
    """Crawl the queue (or `only_urls`) until done; raises QueueBusy if another crawl holds it,
    FixtureError if the replay folder is unusable (checked here: inside Scrapy it would only be logged)."""
    if options.replay_dir:
        ReplayIndex(options.replay_dir)
    settings = build_settings(options)  # a setting that stops the crawl fails before the lock is taken
    if not options.worker:  # a worker's parent holds the lock for the whole job
        crawl_lock.acquire(options.db_path)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler("prospect")
    kwargs = {"url": ",".join(options.only_urls)} if options.only_urls else {}
    started = time.monotonic()
    progress = CrawlProgress(crawler, live=options.show_progress and sys.stderr.isatty())
    crawler.signals.connect(progress.start, signal=signals.spider_opened)
    process.crawl(crawler, **kwargs)
    try:
        process.start()
    finally:
        progress.stop()
        if not options.worker:
            crawl_lock.release(options.db_path)
    stats = crawler.stats.get_stats()
    errors = {key.split("/", 2)[2]: value for key, value in stats.items() if key.startswith("prospect/errors/")}
    return CrawlSummary(
        sites_done=stats.get("prospect/sites_done", 0),
        sites_failed=stats.get("prospect/sites_failed", 0),
        pages_kept=stats.get("prospect/pages_kept", 0),
        pages_requested=stats.get("prospect/pages_requested", 0),
        errors=errors,
        seconds=time.monotonic() - started,
        finish_reason=stats.get("finish_reason", "unknown"),
        stopped_at_until=bool(stats.get("prospect/stopped_at_until")),
    )
