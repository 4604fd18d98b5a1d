"""Hold each site to its time budget (`PROSPECT_SITE_TIME_BUDGET`), even inside one response.

The spider stamps every request with its site's deadline (`prospect_deadline`, a
`time.monotonic()` value). This middleware refuses requests whose site is out of time (retries
included) and shrinks `download_timeout` to the time left, so a server that drips bytes, never
answers or keeps a robots.txt pending cannot hold a site past its budget. robots.txt requests
(made by Scrapy, without our meta) get the deadline of the site whose host they ask
(`spider.site_deadline(url)`).
"""
from __future__ import annotations

import time

from scrapy.exceptions import IgnoreRequest

DEADLINE = "prospect_deadline"


class SiteTimeBudgetSpent(IgnoreRequest):
    """The request's site used up its time budget before the request could be sent."""


def remaining(request) -> float | None:
    """Seconds left to the request's site, or None when the request carries no deadline."""
    deadline = request.meta.get(DEADLINE)
    return None if deadline is None else deadline - time.monotonic()


class SiteDeadlineMiddleware:
    def __init__(self, default_timeout: float, crawler=None):
        self.default_timeout = default_timeout
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getfloat("DOWNLOAD_TIMEOUT"), crawler)

    def process_request(self, request):
        if DEADLINE not in request.meta and request.meta.get("dont_obey_robotstxt"):
            site_deadline = getattr(getattr(self.crawler, "spider", None), "site_deadline", None)
            deadline = site_deadline(request.url) if site_deadline else None
            if deadline is not None:
                request.meta[DEADLINE] = deadline
        left = remaining(request)
        if left is None:
            return None
        if left <= 0:
            raise SiteTimeBudgetSpent("the site's time budget was spent before this request")
        timeout = request.meta.get("download_timeout", self.default_timeout)
        request.meta["download_timeout"] = max(0.1, min(timeout, left))
        return None
