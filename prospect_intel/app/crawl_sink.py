"""Item pipeline: each finished site is analysed (evidence, score; a failed one is unscored with the
reason) and stored in one transaction."""
from __future__ import annotations

from prospect_intel.app.analysis import analyse_failure, analyse_pages, crawl_date, docs_from_kept
from prospect_intel.app.store import ReviewsChanged, Store, utc_now
from prospect_intel.app.workflows import store_rubric
from prospect_intel.core.models import SiteOutcome

MAX_REANALYSES = 3


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
        self.rubric = store_rubric(self.store, self.rubric_spec)

    def close_spider(self):
        if self.store is not None:
            self.store.close()

    def process_item(self, item):
        if not isinstance(item, SiteOutcome):
            return item
        if item.status != "done":  # unscored, with the reason, in the same transaction
            now = utc_now()
            failure = analyse_failure(item.error_kind, item.error, self.store.review_facts(item.prospect_id),
                                      self.rubric, crawl_date(now), now)
            self.store.save_site(self.crawler.spider.run_id, item, failure)
            return item
        # A rep may review this prospect while it is analysed: the save is refused then, and the
        # analysis done again with the new review facts (a later review rescores by itself).
        for attempt in range(MAX_REANALYSES):
            now = utc_now()
            facts = self.store.review_facts(item.prospect_id)
            analysis = analyse_pages(docs_from_kept(item.pages), facts, self.rubric, crawl_date(now), now)
            last = attempt == MAX_REANALYSES - 1
            try:
                self.store.save_site(self.crawler.spider.run_id, item, analysis, None if last else facts)
                break
            except ReviewsChanged:
                continue
        return item
