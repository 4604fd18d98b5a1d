"""Crawl saved sites with the crawler alone: in-memory queue and sink, no store, no scoring.

    python -m tests.support.memory_crawl SITES_DIR URL [URL ...]

Prints one JSON object: per start URL its status and kept pages (URL → role), and which of the
application's packages the process imported (it must import none).
"""
from __future__ import annotations

import json
import sys

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

OTHER_LAYERS = ("prospect_intel.app", "prospect_intel.scoring", "prospect_intel.extractors",
                "prospect_intel.evaluation", "sqlite_utils")


def main(sites_dir: str, urls: list[str]) -> None:
    settings = Settings()
    settings.setmodule("prospect_intel.crawler.settings", priority="project")
    settings.setdict({
        "PROSPECT_QUEUE": "prospect_intel.crawler.backend.MemoryQueue",
        "PROSPECT_SINK": "prospect_intel.crawler.backend.MemorySink",
        "PROSPECT_REPLAY_DIR": sites_dir, "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False,
        "PROSPECT_RETRY_BASE_DELAY": 0, "LOG_LEVEL": "ERROR",
    }, priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler("prospect")
    process.crawl(crawler, url=",".join(urls))
    process.start()
    spider = crawler.spider
    sites = {spider.only_urls[o.prospect_id - 1]: {"status": o.status, "error_kind": o.error_kind,
                                                   "kept": {p.url: p.role for p in o.pages}}
             for o in spider.sink.outcomes}
    loaded = sorted({name for name in sys.modules for layer in OTHER_LAYERS
                     if name == layer or name.startswith(layer + ".")})
    print(json.dumps({"sites": sites, "queue_closed": spider.queue.closed_with, "loaded": loaded}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
