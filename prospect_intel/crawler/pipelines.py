"""Item pipeline: each finished site goes to the spider's sink (`PROSPECT_SINK`, `backend.py`).

What the pipeline passes on (to a feed: `scrapy crawl prospect -O prospects.jsonl`, or to a
pipeline of the operator's after this one) is JSON-safe and never holds the page bodies: with a
feed, the sink's record of the prospect as stored (the SQLite sink: the evidence contract's JSON
shape, evidence and score included); without one, a short summary of the crawl.
"""
from __future__ import annotations

from typing import Any

from prospect_intel.core.models import SiteOutcome


class SinkPipeline:
    def __init__(self, crawler: Any, feeds: bool):
        self.crawler, self.feeds = crawler, feeds

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, bool(crawler.settings.getdict("FEEDS")))

    def process_item(self, item):
        if not isinstance(item, SiteOutcome):
            return item
        sink = self.crawler.spider.sink
        sink.save(self.crawler.spider.run_id, item)
        record = getattr(sink, "record", None)
        return record(item) if self.feeds and record is not None else crawl_summary(item)


def crawl_summary(outcome: SiteOutcome) -> dict[str, Any]:
    """What one site's crawl gave, without its pages' bodies."""
    return {
        "prospect_id": outcome.prospect_id, "status": outcome.status, "final_url": outcome.final_url,
        "error_kind": outcome.error_kind, "error": outcome.error, "pages_requested": outcome.requests,
        "pages": [{"url": page.url, "role": page.role, "status": page.status} for page in outcome.pages],
    }
