"""Serve requests from saved-site folders instead of the network (`prospect crawl --replay DIR`).

Every request is answered from the manifests; a URL not saved is answered 404, so a replayed
crawl can never reach the network. Answers are immediate (Scrapy's download delay is applied only
to requests that reach the downloader), unless `PROSPECT_REPLAY_DELAY` gives each one a pause: a
replay at a live site's pace, to demonstrate or test what is seen while a crawl runs.
"""
from __future__ import annotations

from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.utils.asyncio import sleep

from prospect_intel.crawler.fixtures import ReplayIndex

SETTING = "PROSPECT_REPLAY_DIR"
DELAY_SETTING = "PROSPECT_REPLAY_DELAY"


class ReplayMiddleware:
    def __init__(self, folder: str | None, delay: float = 0.0):
        if not folder:
            raise NotConfigured
        self.index = ReplayIndex(folder)
        self.delay = max(0.0, delay)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get(SETTING), crawler.settings.getfloat(DELAY_SETTING))

    async def process_request(self, request):
        if self.delay:
            await sleep(self.delay)
        return self._answer(request)

    def _answer(self, request):
        saved = self.index.get(request.url)
        if saved is None:
            return Response(request.url, status=404, body=b"", request=request)
        content_type = next((v for k, v in saved.headers.items() if k.lower() == "content-type"), "")
        cls = (
            HtmlResponse
            if "html" in content_type.lower()
            else (TextResponse if content_type.startswith("text/") else Response)
        )
        return cls(request.url, status=saved.status, headers=saved.headers, body=saved.body, request=request)
