"""What the spider works from and hands its finished sites to: a queue and a sink.

The crawler knows nothing of where prospects wait or where finished sites go. Both are given
to it through settings, as import paths of classes built with `from_crawler(crawler)` (the way
Scrapy builds its own components): `PROSPECT_QUEUE` and `PROSPECT_SINK`. The application
supplies the SQLite ones (`prospect_intel.app.crawl_store`); `MemoryQueue` and `MemorySink`
below serve tests and one-off crawls.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from scrapy.exceptions import NotConfigured
from scrapy.utils.misc import load_object

from prospect_intel.core.models import SiteOutcome


@dataclass(frozen=True)
class QueuedSite:
    """A prospect taken from the queue: its id in the queue and its start URL."""

    id: int
    url: str


class SiteQueue(Protocol):
    """Where the prospects to crawl wait. `only_urls` (None: all) limits a run to those URLs."""

    def open(self, only_urls: Sequence[str] | None, options: dict[str, Any]) -> int:
        """Start a run: put back what an interrupted run left unfinished, queue `only_urls`,
        and return the run's id."""

    def count_queued(self, only_urls: Sequence[str] | None) -> int: ...

    def claim(self, run_id: int, limit: int, only_urls: Sequence[str] | None) -> list[QueuedSite]:
        """Take up to `limit` queued prospects for this run."""

    def close(self, run_id: int | None, reason: str) -> None:
        """End the run (`run_id` None: it never started) and let go of the queue."""

    # Optional: `waiting() -> bool`, true while the spider should stay open with nothing to do
    # (a queue others fill while it runs, such as the Redis relay's); asked when it is idle.


class SiteSink(Protocol):
    """Where finished sites go, one `SiteOutcome` at a time, each written whole or not at all."""

    def save(self, run_id: int, outcome: SiteOutcome) -> None: ...

    def close(self) -> None: ...

    # Optional: `record(outcome) -> dict`, the JSON-safe record of the prospect as saved, which a
    # feed (`scrapy crawl prospect -O prospects.jsonl`) writes; without it a feed gets a summary.


def build(crawler: Any, setting: str) -> Any:
    """The queue or sink a setting names, built for this crawler."""
    path = crawler.settings.get(setting)
    if not path:
        raise NotConfigured(f"{setting} is not set: name the class that provides it "
                            f"(the `prospect` command sets it; see prospect_intel/crawler/settings.py)")
    cls = load_object(path)
    return cls.from_crawler(crawler) if hasattr(cls, "from_crawler") else cls()


class MemoryQueue:
    """A queue held in memory: the URLs a run is given (`-a url=...`) and nothing else."""

    def __init__(self) -> None:
        self.waiting: dict[str, int] = {}
        self.closed_with: str | None = None

    def open(self, only_urls: Sequence[str] | None, options: dict[str, Any]) -> int:
        for url in only_urls or ():
            self.waiting.setdefault(url, len(self.waiting) + 1)
        return 1

    def count_queued(self, only_urls: Sequence[str] | None) -> int:
        return len(self._queued(only_urls))

    def claim(self, run_id: int, limit: int, only_urls: Sequence[str] | None) -> list[QueuedSite]:
        taken = self._queued(only_urls)[:max(limit, 0)]
        for site in taken:
            del self.waiting[site.url]
        return taken

    def close(self, run_id: int | None, reason: str) -> None:
        self.closed_with = reason

    def _queued(self, only_urls: Sequence[str] | None) -> list[QueuedSite]:
        return [QueuedSite(id_, url) for url, id_ in self.waiting.items()
                if only_urls is None or url in only_urls]


class MemorySink:
    """A sink that keeps every finished site in a list (`outcomes`)."""

    def __init__(self) -> None:
        self.outcomes: list[SiteOutcome] = []

    def save(self, run_id: int, outcome: SiteOutcome) -> None:
        self.outcomes.append(outcome)

    def close(self) -> None:
        pass
