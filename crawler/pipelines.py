"""Item pipeline: each finished site goes into the store in one transaction."""
from __future__ import annotations

from prospect.models import SiteOutcome
from prospect.store import Store


class StorePipeline:
    def __init__(self, db_path: str):
        self.db_path = db_path
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler.settings.get("PROSPECT_DB"))
        pipeline.crawler = crawler
        return pipeline

    def open_spider(self):
        self.store = Store(self.db_path)

    def close_spider(self):
        if self.store is not None:
            self.store.close()

    def process_item(self, item):
        if isinstance(item, SiteOutcome):
            self.store.save_site(self.crawler.spider.run_id, item)
        return item
