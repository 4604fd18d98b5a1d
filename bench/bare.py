"""The bare Scrapy baseline: same sites, page budget and politeness, nothing else.

A minimal spider: sites are taken a few dozen at a time (as `PROSPECT_CONCURRENT_SITES`), one
request in flight per site, links followed in discovery order (no ranking) up to the page budget,
every response downloaded and discarded. Run as `python -m bench.bare --sites FILE` in its own
process so its CPU time and peak RSS are its own.
"""
from __future__ import annotations

import argparse
import json
import time
from collections import deque
from urllib.parse import urldefrag, urlsplit

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import TextResponse

from prospect_intel.crawler import identity
from prospect_intel.crawler import settings as project

# Politeness and robustness settings shared with the prospect crawler (read, never changed).
SHARED = ("ROBOTSTXT_OBEY", "ROBOTSTXT_USER_AGENT", "CONCURRENT_REQUESTS",
          "CONCURRENT_REQUESTS_PER_DOMAIN", "DOWNLOAD_DELAY", "AUTOTHROTTLE_ENABLED",
          "AUTOTHROTTLE_START_DELAY", "AUTOTHROTTLE_MAX_DELAY", "AUTOTHROTTLE_TARGET_CONCURRENCY",
          "COOKIES_ENABLED", "DOWNLOAD_TIMEOUT", "DOWNLOAD_MAXSIZE", "RETRY_ENABLED", "RETRY_TIMES",
          "RETRY_HTTP_CODES", "REDIRECT_MAX_TIMES", "HTTPERROR_ALLOW_ALL", "DNS_TIMEOUT")
MAX_SEEN = 2000


class _Site:
    __slots__ = ("host", "frontier", "seen", "requests")

    def __init__(self, url: str):
        self.host = urlsplit(url).hostname
        self.frontier = deque([url])
        self.seen = {url}
        self.requests = 0


class BareSpider(scrapy.Spider):
    name = "bench_bare"

    def __init__(self, urls: list[str], budget: int, concurrent_sites: int, progress: str | None, **kwargs):
        super().__init__(**kwargs)
        self.queue = iter(urls)
        self.budget = budget
        self.concurrent_sites = concurrent_sites
        self.progress = progress
        self.active = 0
        self.done = {"sites_done": 0, "site_requests": 0, "pages": 0}
        self._written = 0.0

    async def start(self):
        for request in self._claim():
            yield request

    def _claim(self):
        while self.active < self.concurrent_sites:
            url = next(self.queue, None)
            if url is None:
                return
            self.active += 1
            yield self._next(_Site(url))

    def _next(self, site: _Site) -> scrapy.Request:
        site.requests += 1
        return scrapy.Request(site.frontier.popleft(), callback=self.parse, errback=self.failed,
                              dont_filter=True, meta={"site": site})

    def parse(self, response):
        site = response.meta["site"]
        self.done["pages"] += 1
        if isinstance(response, TextResponse) and len(site.seen) < MAX_SEEN:
            for href in response.xpath("//a/@href").getall():
                url = urldefrag(response.urljoin(href.strip()))[0]
                if url not in site.seen and urlsplit(url).hostname == site.host:
                    site.seen.add(url)
                    site.frontier.append(url)
        yield from self._advance(site)

    def failed(self, failure):
        yield from self._advance(failure.request.meta["site"])

    def _advance(self, site: _Site):
        if site.frontier and site.requests < self.budget:
            yield self._next(site)
            return
        self.active -= 1
        self.done["sites_done"] += 1
        self.done["site_requests"] += site.requests
        self._write(force=False)
        yield from self._claim()

    def _write(self, force: bool) -> None:
        now = time.monotonic()
        if self.progress and (force or now - self._written >= 0.25):
            self._written = now
            with open(self.progress, "w") as handle:
                json.dump(self.done, handle)

    def closed(self, reason):
        self._write(force=True)


def settings_for(overrides: dict) -> dict:
    values = {name: getattr(project, name) for name in SHARED}
    values["USER_AGENT"] = f"{project.PROSPECT_BOT_NAME} (+{identity.NO_CONTACT})"  # as a local crawl's
    values.update(LOG_LEVEL="ERROR", TELNETCONSOLE_ENABLED=False,
                  TWISTED_DNS_RESOLVER="bench.resolver.BenchResolver")
    values.update(overrides)
    return values


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bare", description=__doc__.splitlines()[0])
    parser.add_argument("--sites", required=True, help="file of start URLs, one a line")
    parser.add_argument("--pages-per-site", type=int, default=project.PROSPECT_PAGES_PER_SITE)
    parser.add_argument("--concurrent-sites", type=int, default=project.PROSPECT_CONCURRENT_SITES)
    parser.add_argument("--progress", help="JSON file the spider keeps its counters in")
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="NAME=JSON")
    args = parser.parse_args(argv)
    overrides = {}
    for pair in args.overrides:
        name, _, raw = pair.partition("=")
        overrides[name] = json.loads(raw)
    with open(args.sites) as handle:
        urls = [line.strip() for line in handle if line.strip()]
    process = CrawlerProcess(settings_for(overrides))
    process.crawl(BareSpider, urls=urls, budget=args.pages_per_site,
                  concurrent_sites=args.concurrent_sites, progress=args.progress)
    process.start()


if __name__ == "__main__":
    main()
