"""The crawler's settings as `prospect crawl` and `scrapy crawl prospect` use them: the crawler's
own (`prospect_intel/crawler/settings.py`) with the SQLite store as its queue and its sink.

The store and the operator's contact come from the environment as the `prospect`
command reads them ($PROSPECT_DB, $PROSPECT_CONTACT_URL), so a bare `scrapy
crawl prospect` works on the same store; `-s NAME=VALUE` (and `prospect crawl --set`) override them.
"""
import os

from prospect_intel.crawler.settings import *  # noqa: F403

PROSPECT_QUEUE = "prospect_intel.app.crawl_store.SqliteQueue"
PROSPECT_SINK = "prospect_intel.app.crawl_store.SqliteSink"
# SQLite store the crawl reads its queue from and writes pages to (`prospect --db` sets it).
PROSPECT_DB = os.environ.get("PROSPECT_DB") or "prospects.db"
# Rubric that grades prospects as they are crawled: a bundled name or a TOML file
# (None: the store's choice from `prospect score --rubric`, else $PROSPECT_RUBRIC, else the default).
PROSPECT_RUBRIC = None
PROSPECT_CONTACT_URL = os.environ.get("PROSPECT_CONTACT_URL", "")
