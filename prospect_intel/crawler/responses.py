"""Decide what a downloaded response is: a page to keep, or why not.

Pure over (status, headers, body): no Scrapy request state, so it is easy to test.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from prospect_intel.core.decoding import Decoded, decode_html
from prospect_intel.crawler.pages import PageFacts, read_page
from prospect_intel.crawler.walls import wall_kind

_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml")
_BINARY_MAGIC = (
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",
    b"MZ",
)


@dataclass(frozen=True)
class ReadResult:
    """`reason` is None for a page worth keeping; else the error kind and a message."""

    reason: str | None
    message: str = ""
    decoded: Decoded | None = None
    facts: PageFacts | None = None


def read_response(url: str, status: int, headers: dict[str, str], body: bytes) -> ReadResult:
    content_type = headers.get("content-type", "")
    if _looks_binary(content_type, body):
        return ReadResult("not_html", f"not an HTML page ({content_type or 'binary content'})")
    decoded = decode_html(body, content_type)
    facts = read_page(decoded.text, url)
    wall = wall_kind(facts.title + " " + facts.text, decoded.text, status, headers)
    if wall == "blocked":
        return ReadResult(
            "blocked", f"bot wall or challenge page (HTTP {status}: {facts.title[:60]!r})", decoded, facts
        )
    if wall == "parked":
        return ReadResult("parked", f"parked or for-sale domain page ({facts.title[:60]!r})", decoded, facts)
    if status >= 400:
        return ReadResult("http_error", f"HTTP {status}", decoded, facts)
    return ReadResult(None, "", decoded, facts)


def _looks_binary(content_type: str, body: bytes) -> bool:
    mime = content_type.split(";")[0].strip().lower()
    if mime and not mime.startswith(_HTML_TYPES) and not mime.startswith("text/"):
        return True
    head = body[:1024]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text carries NUL bytes
        return False
    return head.startswith(_BINARY_MAGIC) or b"\x00" in head


def certificate_expiry(response: Any) -> str:
    """The day (YYYY-MM-DD) the TLS certificate a response came with expires; "" over plain HTTP
    or when the certificate cannot be read. The crawl does not verify certificates (an expired
    one still shows the site); an expired one is a sign nobody looks after the site."""
    certificate = getattr(response, "certificate", None)
    try:
        stamp = certificate.original.get_notAfter() if certificate is not None else None
        return dt.datetime.strptime(stamp.decode("ascii"), "%Y%m%d%H%M%SZ").date().isoformat() if stamp else ""
    except (AttributeError, ValueError, UnicodeDecodeError):
        return ""
