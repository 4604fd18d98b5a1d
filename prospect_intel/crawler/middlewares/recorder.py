"""Record every response of a crawl into a saved-site folder (`prospect record URL DIR`).

It sits before the redirect middleware so redirects are saved as the redirects they were, and
stores bodies decompressed (dropping Content-Encoding) so the fixture files are readable.
"""
from __future__ import annotations

import gzip
import zlib

from scrapy.exceptions import NotConfigured

from prospect_intel.crawler.fixtures import Recorder

SETTING = "PROSPECT_RECORD_DIR"
START_SETTING = "PROSPECT_RECORD_START_URL"
_DROP_HEADERS = {"content-encoding", "content-length", "transfer-encoding", "set-cookie", "date"}


class RecorderMiddleware:
    def __init__(self, folder: str | None, start_url: str):
        if not folder:
            raise NotConfigured
        self.recorder = Recorder(folder, start_url)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get(SETTING), crawler.settings.get(START_SETTING, ""))

    def process_response(self, request, response):
        headers = {
            k.decode("latin-1"): response.headers.get(k).decode("latin-1")
            for k in response.headers.keys()
            if k.decode("latin-1").lower() not in _DROP_HEADERS
        }
        body = _decompressed(response.body, response.headers.get(b"Content-Encoding", b"").decode("latin-1"))
        if body is None:
            body = response.body
            headers["Content-Encoding"] = response.headers.get(b"Content-Encoding").decode("latin-1")
        self.recorder.add(response.url, response.status, headers, body)
        return response


def _decompressed(body: bytes, encoding: str) -> bytes | None:
    encoding = encoding.strip().lower()
    try:
        if encoding in ("", "identity"):
            return body
        if encoding in ("gzip", "x-gzip"):
            return gzip.decompress(body)
        if encoding == "deflate":
            try:
                return zlib.decompress(body)
            except zlib.error:
                return zlib.decompress(body, -zlib.MAX_WBITS)
    except (OSError, zlib.error, EOFError):
        return None
    return None
