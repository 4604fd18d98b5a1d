"""E-mail addresses: printed (sales@example.com), linked (mailto:) and lightly obfuscated
(sales#example.com, sales[at]example.com, sales(at)example.com, sales {at} example.com).

Found from the "@" (or the obfuscation marker) outwards rather than by scanning the whole text
with an address pattern: a page without one of them costs a few substring tests. The domain
must end in a letters-only top-level domain that is not a file extension, so image names
(logo@2x.png), versions (jquery@3.6.0) and CSS colours (#fff) are never addresses. Values are
lower-cased and distinct, contact page first; schema.org `email` counts too.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from prospect_intel.core.document import ParsedPage
from prospect_intel.core.models import Evidence
from prospect_intel.core.structured import as_text

from .common import SiteContext, distinct_confirmed, evidence, site_pages

_LOCAL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}$")
_DOMAIN = re.compile(r"\s*([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})*"
                     r"\.([A-Za-z]{2,24}))(?![A-Za-z0-9-]|\.[A-Za-z0-9])")
_FILE_EXTENSIONS = {"png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "tif", "tiff", "css",
                    "js", "json", "pdf", "doc", "docx", "xls", "xlsx", "zip", "rar", "mp4", "mp3",
                    "php", "asp", "aspx", "htm", "html", "shtml", "jsp", "woff", "woff2", "ttf"}
# Markers standing for "@" (the folded text has full-width ＠ and brackets as ASCII); "#" only
# right between a name and a domain (sales#example.com), never with spaces around it.
_MARKERS = ("@", "[at]", "(at)", "{at}", "#")


@dataclass(frozen=True)
class _Found:
    address: str
    page: ParsedPage
    span: tuple[int, int]
    plain: bool  # printed with a real "@" (or linked), not obfuscated


def emails(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    ordered = sorted(site_pages(pages), key=lambda p: p.role != "contact")
    found = [item for page in ordered for item in scan(page)]
    found += _structured(pages, ctx)
    if not found:
        return []
    first, confirmed = distinct_confirmed(found, lambda f: f.address, lambda f: f.plain)
    head = next(iter(first.values()))
    method = f"{len(first)} distinct address(es) from {len({f.page.url for f in found})} page(s)"
    if any(not f.plain for f in first.values()):
        method += "; obfuscated forms read as @"
    confidence = "high" if confirmed else "medium"
    if head.span[0] < 0:
        return [Evidence("emails", list(first), confidence, head.page.url, head.address, method)]
    return [evidence("emails", list(first), confidence, head.page, head.span, method)]


def scan(page: ParsedPage) -> list[_Found]:
    """Addresses on one page, in the order printed, then mailto: links the text does not show."""
    text = page.folded
    found = []
    for marker in _MARKERS:
        start = text.find(marker)
        while start >= 0:
            item = _address_at(page, text, start, marker)
            if item is not None:
                found.append(item)
            start = text.find(marker, start + len(marker))
    found.sort(key=lambda f: f.span)
    if page.mailto:
        printed = {f.address for f in found}
        for raw in page.mailto:
            address = _valid(raw)
            if address and address not in printed:
                printed.add(address)
                found.append(_Found(address, page, (-1, -1), True))
    return found


def _address_at(page: ParsedPage, text: str, at: int, marker: str) -> _Found | None:
    end = at if marker == "#" else len(text[:at].rstrip(" "))  # "sales (at) example.com"
    if at - end > 2:
        return None
    local = _LOCAL.search(text, max(0, end - 64), end)
    domain = _DOMAIN.match(text, at + len(marker))
    if local is None or domain is None or (marker == "#" and domain.group(0)[:1].isspace()):
        return None
    address = _valid(f"{local.group(0)}@{domain.group(1)}")
    if address is None:
        return None
    return _Found(address, page, (local.start(), domain.end()), marker == "@")


def _valid(address: str) -> str | None:
    address = address.strip().strip(".").lower()
    local, _, domain = address.partition("@")
    tld = domain.rsplit(".", 1)[-1]
    if not local or "." not in domain or tld in _FILE_EXTENSIONS or not tld.isalpha() \
            or ".." in address or local.endswith(".") or re.search(r"@\d+x\.", address + "."):
        return None
    return address


def _structured(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[_Found]:
    by_url = {p.url: p for p in pages}
    found = []
    for url, org in ctx.structured:
        values = org.get("email")
        for raw in (values if isinstance(values, list) else [values]) if values else ():
            address = _valid(as_text(raw).removeprefix("mailto:"))
            if address and url in by_url:
                found.append(_Found(address, by_url[url], (-1, -1), True))
    return found
