"""Item pipeline: each finished site is analysed (evidence, score) and stored in one transaction."""
from __future__ import annotations

from prospect.analysis import analyse_pages, crawl_date, docs_from_kept, resolve_rubric
from prospect.models import SiteOutcome
from prospect.store import Store, utc_now


class StorePipeline:
    def __init__(self, db_path: str, rubric_spec: str | None):
        self.db_path = db_path
        self.rubric_spec = rubric_spec
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler.settings.get("PROSPECT_DB"), crawler.settings.get("PROSPECT_RUBRIC"))
        pipeline.crawler = crawler
        return pipeline

    def open_spider(self):
        self.store = Store(self.db_path)
        self.rubric = resolve_rubric(self.rubric_spec or self.store.get_meta("rubric"))

    def close_spider(self):
        if self.store is not None:
            self.store.close()

    def process_item(self, item):
        if not isinstance(item, SiteOutcome):
            return item
        analysis = None
        if item.status == "done":
            now = utc_now()
            facts = self.store.review_facts(item.prospect_id)
            analysis = analyse_pages(docs_from_kept(item.pages), facts, self.rubric, crawl_date(now), now)
        self.store.save_site(self.crawler.spider.run_id, item, analysis)
        return item
