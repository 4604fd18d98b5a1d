"""Every setting of the prospect crawler, with its default and why.

The application's settings module (`prospect_intel/app/scrapy_settings.py`, which `scrapy.cfg`
names and the `prospect` command loads) starts from these and adds the SQLite queue and sink;
`prospect crawl --set NAME=VALUE` overrides any of them. Project settings are prefixed `PROSPECT_`.
"""

BOT_NAME = "prospect"
SPIDER_MODULES = ["prospect_intel.crawler.spiders"]
NEWSPIDER_MODULE = "prospect_intel.crawler.spiders"

# -- the project's own settings -----------------------------------------------------------------

# Where the prospects to crawl wait, and where finished sites go: import paths of classes with
# `from_crawler(crawler)` (crawler/backend.py says what they must do). None here: the crawler
# knows no store; the application names its SQLite ones, tests may name the in-memory ones.
PROSPECT_QUEUE = None
PROSPECT_SINK = None
# Pages requested per site at most (redirect hops and robots.txt not counted).
PROSPECT_PAGES_PER_SITE = 30
# Sites crawled at the same time (by each worker of `crawl --workers`); each site has at most one
# request in flight. At the polite pace a site in flight costs about 1 % of a core (docs/benchmarks.md):
# 80 keep a crawl, or each worker, under one core.
PROSPECT_CONCURRENT_SITES = 80
# Links followed this many hops from the home page at most.
PROSPECT_MAX_DEPTH = 5
# Seconds one site may take before it is finished with the pages it has. It holds inside a
# request too: the download in flight is cut at the deadline (middlewares/deadline.py).
PROSPECT_SITE_TIME_BUDGET = 600
# Bytes of page bodies one site may keep in memory before it is finished (memory bound per site;
# one page is at most DOWNLOAD_MAXSIZE, decompressed).
PROSPECT_SITE_MAX_BYTES = 40 * 1024 * 1024
# Stop after this many sites (0 = work through the whole queue).
PROSPECT_LIMIT = 0
# Take no new site after this time (seconds since the epoch; 0 = no window): the sites in flight
# are finished, the rest stay queued for the next run (`prospect crawl --until 06:30`).
PROSPECT_UNTIL = 0.0
# Allow fetching private, loopback, link-local and reserved addresses (tests, local fixtures).
PROSPECT_ALLOW_PRIVATE = False
# Serve every request from this saved-site folder instead of the network.
PROSPECT_REPLAY_DIR = None
PROSPECT_REPLAY_DELAY = 0.0  # seconds each replayed answer waits (a demo or test of a running crawl)
# Record every response into this folder (`prospect record`).
PROSPECT_RECORD_DIR = None
PROSPECT_RECORD_START_URL = ""
# Back-off between retries: base * 2**attempt seconds, at most max (Retry-After may ask for more).
PROSPECT_RETRY_BASE_DELAY = 2.0
PROSPECT_RETRY_MAX_DELAY = 60.0
# Pages drawn by scripts (an HTML shell: crawler/scripted.py) are rendered in headless Chromium
# through scrapy-playwright (crawler/rendering.py): at most PROSPECT_RENDER_PAGES_PER_SITE pages a
# site and PROSPECT_RENDER_BROWSER_PAGES browser pages at a time, each given PROSPECT_RENDER_TIMEOUT
# seconds. Chromium: PROSPECT_CHROMIUM (or $PROSPECT_CHROMIUM), else one on the PATH; without one
# the crawl says so once and keeps such pages as they are. Off while replaying or recording.
PROSPECT_RENDER = True
PROSPECT_RENDER_PAGES_PER_SITE = 3
PROSPECT_RENDER_BROWSER_PAGES = 4
PROSPECT_RENDER_TIMEOUT = 20.0
PROSPECT_CHROMIUM = ""
PROSPECT_CHROMIUM_ARGS: list[str] = []  # more Chromium switches (a proxy, host-resolver rules)
# Where a site owner can read who runs this crawl and how to reach them: the operator's own page
# or mail address (`prospect config set contact URL`, $PROSPECT_CONTACT_URL, `-s`/`--set`). None
# by default: a crawl of public sites refuses to start without it (replays and loopback crawls
# with PROSPECT_ALLOW_PRIVATE need none). Read when the crawl starts, so `-s` sets it.
PROSPECT_CONTACT_URL = ""
# The crawler's name in its user agent, "ProspectResearchBot/0.1 (+<contact>)", built when the
# crawl starts (`ProspectSpider.update_settings`); a USER_AGENT set by the operator wins.
PROSPECT_BOT_NAME = "ProspectResearchBot/0.1"

# -- politeness ---------------------------------------------------------------------------------

ROBOTSTXT_OBEY = True
ROBOTSTXT_USER_AGENT = "ProspectResearchBot"
CONCURRENT_REQUESTS = 128
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
COOKIES_ENABLED = False

# -- robustness ---------------------------------------------------------------------------------

DOWNLOAD_TIMEOUT = 30
# Applies to decompressed bodies too (HttpCompressionMiddleware), so gzip/deflate bombs stop here.
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 3 * 1024 * 1024
# A body cut short (Content-Length promised more) is kept as far as it arrived, flagged by Scrapy.
DOWNLOAD_FAIL_ON_DATALOSS = False
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 8
METAREFRESH_MAXDELAY = 10
HTTPERROR_ALLOW_ALL = True
DNS_TIMEOUT = 20
REACTOR_THREADPOOL_MAXSIZE = 20
TWISTED_DNS_RESOLVER = "prospect_intel.crawler.ssrf.GuardedResolver"

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "prospect_intel.crawler.middlewares.retry.BackoffRetryMiddleware": 550,
    "prospect_intel.crawler.middlewares.deadline.SiteDeadlineMiddleware": 555,
    "prospect_intel.crawler.ssrf.SsrfGuardMiddleware": 560,
    "prospect_intel.crawler.middlewares.recorder.RecorderMiddleware": 950,
    "prospect_intel.crawler.middlewares.replay.ReplayMiddleware": 960,
}
# The spider schedules each site's requests itself (PROSPECT_MAX_DEPTH bounds the link hops): a
# request DepthMiddleware dropped (DEPTH_LIMIT) would leave its site waiting.
SPIDER_MIDDLEWARES = {
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
}
ITEM_PIPELINES = {
    "prospect_intel.crawler.pipelines.SinkPipeline": 300,
}

# -- housekeeping -------------------------------------------------------------------------------

LOG_LEVEL = "INFO"
TELNETCONSOLE_ENABLED = False
# `scrapy crawl prospect -O prospects.jsonl`: one line per prospect, in the evidence contract's
# JSON shape (SPEC.md) with the store's evidence and score, never the page bodies.
FEED_EXPORT_ENCODING = "utf-8"

# -- Scrapy settings that do not apply here -------------------------------------------------------
#
# The spider schedules each site itself, one request at a time, best link first, so these usual
# settings have no effect; the crawl says so when one is set (`ProspectSpider.update_settings`):
#   DEPTH_LIMIT        -> PROSPECT_MAX_DEPTH (link hops from the home page)
#   allowed_domains    -> each prospect's own registered domain, sub-domains included
#   CONCURRENT_ITEMS, DEPTH_PRIORITY, SCHEDULER_*_QUEUE -> the per-site queue (crawler/linkrank.py)
# These work as in any Scrapy project: CLOSESPIDER_TIMEOUT, CLOSESPIDER_ITEMCOUNT (finished sites),
# CLOSESPIDER_PAGECOUNT (the sites in flight are put back in the queue for the next run),
# CONCURRENT_REQUESTS, DOWNLOAD_DELAY, USER_AGENT, ROBOTSTXT_OBEY, DOWNLOAD_TIMEOUT, LOG_*, FEEDS /
# -o / -O. CONCURRENT_REQUESTS_PER_DOMAIN is 1 by design (one request in flight per site).
