"""scrapy-playwright's download handler, started when the first page needs the browser.

The stock handler starts Playwright (its driver process) as soon as the crawl starts: about a
second of CPU and a process per crawl, although most crawls render nothing. This one starts it on
the first request marked for the browser (crawler/rendering.py), with the egress proxy every
connection of the browser goes through (crawler/egress.py); plain requests are downloaded by
Scrapy's own HTTP handler, as the stock handler does.
"""
from __future__ import annotations

import asyncio
from typing import Any

from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler
from twisted.internet import defer

from prospect_intel.crawler import rendering
from prospect_intel.crawler.egress import EgressProxy


class LazyPlaywrightHandler(ScrapyPlaywrightDownloadHandler):
    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        self._launched = False
        self._launching = asyncio.Lock()
        self._egress = EgressProxy(rendering.judge_egress)

    async def _maybe_launch_in_thread(self) -> None:  # engine started: nothing to start yet
        return None

    def _engine_started(self) -> defer.Deferred:  # the same, for Scrapy before its async API
        return defer.succeed(None)

    async def _download_request(self, request: Any, spider: Any = None) -> Any:
        async with self._launching:
            if not self._launched:
                self.config.launch_options["proxy"] = {"server": await self._egress.start()}
                await self._launch()
                self._launched = True
        return await super()._download_request(request, spider)

    async def _close(self) -> None:
        await super()._close()
        await self._egress.close()
