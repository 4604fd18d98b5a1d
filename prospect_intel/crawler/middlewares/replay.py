"""Serve requests from saved-site folders instead of the network (`prospect crawl --replay DIR`).

Every request is answered from the manifests; a URL not saved is answered 404, so a replayed
crawl can never reach the network.
"""
from __future__ import annotations

from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, Response, TextResponse

from prospect_intel.crawler.fixtures import ReplayIndex

SETTING = "PROSPECT_REPLAY_DIR"


class ReplayMiddleware:
    def __init__(self, folder: str | None):
        if not folder:
            raise NotConfigured
        self.index = ReplayIndex(folder)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get(SETTING))

    def process_request(self, request):
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
