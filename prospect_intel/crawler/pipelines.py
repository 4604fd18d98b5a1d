"""Item pipeline: each finished site goes to the spider's sink (`PROSPECT_SINK`, `backend.py`)."""
from __future__ import annotations

from prospect_intel.core.models import SiteOutcome


class SinkPipeline:
    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls()
        pipeline.crawler = crawler
        return pipeline

    def process_item(self, item):
        if isinstance(item, SiteOutcome):
            spider = self.crawler.spider
            spider.sink.save(spider.run_id, item)
        return item
