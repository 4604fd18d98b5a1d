"""The prospect spider: works through its queue, a few dozen sites at a time.

Each site is crawled best-link-first, one request at a time (see `site_crawl`); when a site is
finished its pages go to the sink as one `SiteOutcome` item and the next queued site starts. The
queue and the sink are given by the settings (`backend.py`): the spider knows no store.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import scrapy
from scrapy import signals
from scrapy.exceptions import CloseSpider, DontCloseSpider

from prospect_intel.core.clock import utc_now
from prospect_intel.core.document import parse_page
from prospect_intel.core.models import KeptPage, PageDoc
from prospect_intel.core.urls import normalise_url
from prospect_intel.crawler import backend, identity, rendering
from prospect_intel.crawler.failures import classify_failure
from prospect_intel.crawler.middlewares.deadline import DEADLINE
from prospect_intel.crawler.pages import classify_role
from prospect_intel.crawler.responses import certificate_expiry, read_response
from prospect_intel.crawler.scripted import drawn_by_script
from prospect_intel.crawler.site_crawl import Candidate, SiteCrawl

SITE = "prospect_site"
CANDIDATE = "prospect_candidate"
PLAIN = "prospect_plain"  # on a request to render a page: the page as first fetched (`Plain`)


@dataclass(frozen=True)
class Plain:
    """A page drawn by scripts as first fetched: kept as it is if the browser fails."""

    page: KeptPage
    links: tuple
    is_home: bool


class ProspectSpider(scrapy.Spider):
    name = "prospect"

    def __init__(self, url: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.only_urls = [normalise_url(u) for u in url.split(",")] if url else None
        self.sites: dict[int, SiteCrawl] = {}
        self.claimed = 0

    @classmethod
    def update_settings(cls, settings):
        """The user agent names the operator's contact as the crawl's settings say it (`-s` and
        `--set` included); a USER_AGENT the operator set wins (its priority is higher)."""
        super().update_settings(settings)
        settings.set("USER_AGENT", identity.user_agent(settings), priority="spider")
        rendering.configure(settings)

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.queue = backend.build(crawler, "PROSPECT_QUEUE")
        spider.sink = backend.build(crawler, "PROSPECT_SINK")
        spider.budget = settings.getint("PROSPECT_PAGES_PER_SITE")
        spider.concurrent_sites = settings.getint("PROSPECT_CONCURRENT_SITES")
        spider.max_depth = settings.getint("PROSPECT_MAX_DEPTH")
        spider.time_budget = settings.getfloat("PROSPECT_SITE_TIME_BUDGET")
        spider.max_bytes = settings.getint("PROSPECT_SITE_MAX_BYTES")
        spider.limit = settings.getint("PROSPECT_LIMIT")
        spider.until = settings.getfloat("PROSPECT_UNTIL")
        spider.rendering = settings.get("PROSPECT_RENDER_STATUS") == rendering.ON
        spider.render_budget = settings.getint("PROSPECT_RENDER_PAGES_PER_SITE")
        spider.render_timeout = settings.getfloat("PROSPECT_RENDER_TIMEOUT")
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        return spider

    # -- queue and run lifecycle --------------------------------------------------------------

    async def start(self):
        missing = identity.missing_contact(self.crawler.settings)
        if missing:  # before the queue is touched: nothing is claimed or put back
            self.logger.error(missing)
            raise CloseSpider("no_contact")
        for idle in identity.idle_settings(self.crawler.settings):
            self.logger.warning(idle)
        if self.crawler.settings.getbool("PROSPECT_RENDER") and not self.rendering:  # said once
            self.logger.warning("rendering pages drawn by scripts: %s", self.crawler.settings["PROSPECT_RENDER_STATUS"])
        self.run_id = self.queue.open(self.only_urls, self._run_options())
        self.crawler.stats.set_value("prospect/run_id", self.run_id)
        self.crawler.stats.set_value("prospect/sites_total", self._sites_total())
        for request in self._claim_more():
            yield request

    def _run_options(self) -> dict:
        keys = ("PROSPECT_PAGES_PER_SITE", "PROSPECT_CONCURRENT_SITES", "PROSPECT_LIMIT",
                "PROSPECT_ALLOW_PRIVATE", "PROSPECT_REPLAY_DIR", "DOWNLOAD_DELAY", "USER_AGENT")
        return {key: self.crawler.settings.get(key) for key in keys}

    def _sites_total(self) -> int:
        queued = self.queue.count_queued(self.only_urls)
        return min(queued, self.limit) if self.limit else queued

    def _claim_more(self):
        if self.until and time.time() >= self.until:
            self.crawler.stats.set_value("prospect/stopped_at_until", True)
            return  # the night's window is over: finish the sites in flight, take no more
        room = self.concurrent_sites - len(self.sites)
        if self.limit:
            room = min(room, self.limit - self.claimed)
        for claimed in self.queue.claim(self.run_id, room, self.only_urls):
            self.claimed += 1
            site = SiteCrawl(claimed.id, claimed.url, budget=self.budget,
                             max_depth=self.max_depth, time_budget=self.time_budget, max_bytes=self.max_bytes)
            self.sites[claimed.id] = site
            home = Candidate(claimed.url, 0, "home", False, 0, 0)
            yield self._request(site, home)

    def _on_idle(self):
        requests = list(self._claim_more()) if hasattr(self, "run_id") else []
        for request in requests:
            self.crawler.engine.crawl(request)
        if requests or self.sites or self._queue_waits():
            raise DontCloseSpider

    def _queue_waits(self) -> bool:
        """Whether the queue asks to stay open with nothing to do now (a relay worker waits for
        jobs; the SQLite queue does not). Not after the night's window has ended."""
        waiting = getattr(self.queue, "waiting", None)
        return bool(waiting and not (self.until and time.time() >= self.until) and waiting())

    def closed(self, reason):
        self.queue.close(getattr(self, "run_id", None), reason)
        self.sink.close()

    def site_deadline(self, url: str) -> float | None:
        """The time budget's end of the site this URL belongs to (for robots.txt requests)."""
        deadlines = [site.deadline for site in self.sites.values() if site.owns(url)]
        return max(deadlines) if deadlines else None

    # -- requests and responses ---------------------------------------------------------------

    def _request(self, site: SiteCrawl, candidate: Candidate) -> scrapy.Request:
        site.requests += 1
        self.crawler.stats.inc_value("prospect/pages_requested")
        return self._site_request(site, candidate, candidate.url)

    def _site_request(self, site: SiteCrawl, candidate: Candidate, url: str, **meta) -> scrapy.Request:
        """A request of the site's, answered by `parse` or `on_error` within its deadline."""
        return scrapy.Request(url, callback=self.parse, errback=self.on_error, dont_filter=True,
                              meta={SITE: site.prospect_id, CANDIDATE: candidate, DEADLINE: site.deadline, **meta})

    def parse(self, response):
        site = self.sites.get(response.meta[SITE])
        if site is None:
            return
        candidate: Candidate = response.meta[CANDIDATE]
        plain = response.meta.get(PLAIN)  # set on a rendered page: the page as first fetched
        if plain is not None and not site.owns(response.url):  # the browser was sent to another site
            yield from self._keep_as_fetched(site, candidate, plain,
                                             f"rendering {plain.page.url} ended on {response.url}")
            return
        is_home = plain.is_home if plain else candidate.role == "home" and site.home_url is None
        render = None
        try:
            if is_home and not plain:
                self._arrive_home(site, response)
            render = self._read(site, candidate, response, is_home, rendered=plain is not None)
        except Exception as exc:  # one odd page must not stall its site, nor the whole queue
            self.logger.exception("error reading %s", response.url)
            self.crawler.stats.inc_value("prospect/errors/crawler_bug")
            if is_home:
                site.fail("crawler_bug", f"could not read the home page ({exc.__class__.__name__})")
        if render is not None:
            yield render  # the site's one request in flight: it goes on when the browser answers
            return
        yield from self._advance(site)

    def on_error(self, failure):
        request = failure.request
        site = self.sites.get(request.meta[SITE])
        if site is None:
            return
        plain = request.meta.get(PLAIN)
        if plain is not None:  # the browser failed
            yield from self._keep_as_fetched(site, request.meta[CANDIDATE], plain,
                                             f"could not render {request.url} ({failure.getErrorMessage()})")
            return
        kind, message = classify_failure(failure, request.url)
        if kind == "timeout" and site.out_of_time():
            message = f"site time budget ({site.time_budget:g}s) spent waiting for {request.url}"
        self.crawler.stats.inc_value(f"prospect/errors/{kind}")
        if kind == "robots":
            site.requests -= 1  # never sent: robots.txt forbids it, so it costs no page budget
        if request.meta[CANDIDATE].role == "home" and site.home_url is None:
            site.fail(kind, message)
        yield from self._advance(site)

    def _arrive_home(self, site: SiteCrawl, response) -> None:
        site.arrive([*response.meta.get("redirect_urls", []), response.url])

    def _read(self, site: SiteCrawl, candidate: Candidate, response, is_home: bool,
              rendered: bool = False) -> scrapy.Request | None:
        """Keep the page; or, for a page drawn by scripts, the request that renders it first."""
        if not is_home and not rendered and (
            site.is_kept(response.url) or not site.owns(response.url) or site.is_duplicate_body(response.body)
        ):
            return None
        headers = {k.lower(): v for k, v in response.headers.to_unicode_dict().items()}
        result = read_response(response.url, response.status, headers, response.body)
        if result.reason:
            self.crawler.stats.inc_value(f"prospect/skipped/{result.reason}")
            if is_home:
                site.fail(result.reason, f"home page: {result.message}")
            return None
        facts = result.facts
        if is_home:
            site.home_title = facts.title
            role = "home"
        else:
            role = classify_role(response.url, facts, home_title=site.home_title, anchors=candidate.anchors,
                                 inherited_role=candidate.role if candidate.inherited else None)
        fetched_at = utc_now()
        expires = certificate_expiry(response) if is_home else ""
        parsed = parse_page(PageDoc(response.url, role, result.decoded.text, facts.title, fetched_at, expires),
                            facts.tree, facts.text)
        page = KeptPage(
            url=response.url, role=role, status=response.status, fetched_at=fetched_at,
            content_type=headers.get("content-type", ""), encoding=result.decoded.encoding,
            body=response.body, text=facts.text, title=facts.title, requested_url=candidate.url,
            depth=candidate.depth, tls_expires=expires, rendered=rendered, parsed=parsed,
        )
        if not rendered and self.rendering and site.renders < self.render_budget:
            why = drawn_by_script(facts.tree, facts.text)
            if why:
                return self._render_request(site, candidate, Plain(page, facts.links, is_home), why)
        self._keep(site, candidate, page, facts.links)
        return None

    def _keep(self, site: SiteCrawl, candidate: Candidate, page: KeptPage, links) -> None:
        site.keep(page)
        self.crawler.stats.inc_value("prospect/pages_kept")
        if page.rendered:
            self.crawler.stats.inc_value("prospect/pages_rendered")
        site.add_links(links, page.role, candidate.depth + 1)

    def _render_request(self, site: SiteCrawl, candidate: Candidate, plain: Plain, why: str) -> scrapy.Request:
        """The page again, through the browser (it costs no page budget: the same page)."""
        site.renders += 1
        self.logger.info("rendering %s: %s", plain.page.url, why)
        return self._site_request(site, candidate, plain.page.url, **{PLAIN: plain},
                                  **rendering.page_meta(self.render_timeout))

    def _keep_as_fetched(self, site: SiteCrawl, candidate: Candidate, plain: Plain, what: str):
        """A render that failed: the page is kept as first fetched, and the site goes on."""
        self.logger.warning("%s: kept as fetched", what)
        self.crawler.stats.inc_value("prospect/render/failed")
        self._keep(site, candidate, plain.page, plain.links)
        yield from self._advance(site)

    def _advance(self, site: SiteCrawl):
        candidate = site.next_candidate()
        if candidate is not None:
            yield self._request(site, candidate)
            return
        del self.sites[site.prospect_id]
        outcome = site.outcome()
        self.crawler.stats.inc_value("prospect/sites_done" if outcome.status == "done" else "prospect/sites_failed")
        yield outcome
        yield from self._claim_more()

