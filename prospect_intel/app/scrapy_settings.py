"""The crawler's settings as `prospect crawl` and `scrapy crawl prospect` use them: the crawler's
own (`prospect_intel/crawler/settings.py`) with the SQLite store as its queue and its sink."""
from prospect_intel.crawler.settings import *  # noqa: F403

PROSPECT_QUEUE = "prospect_intel.app.crawl_store.SqliteQueue"
PROSPECT_SINK = "prospect_intel.app.crawl_store.SqliteSink"
# SQLite store the crawl reads its queue from and writes pages to (`prospect --db` sets it).
PROSPECT_DB = "prospects.db"
# Rubric that grades prospects as they are crawled: a bundled name or a TOML file
# (None: the store's choice from `prospect score --rubric`, else $PROSPECT_RUBRIC, else the default).
PROSPECT_RUBRIC = None
