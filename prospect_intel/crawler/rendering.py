"""Pages drawn by scripts, rendered in headless Chromium through scrapy-playwright.

`configure` (called when a crawl starts) installs scrapy-playwright's download handler when
rendering is on (PROSPECT_RENDER), scrapy-playwright is installed and a Chromium is found; when
one is missing the crawl says so once (`PROSPECT_RENDER_STATUS`) and carries on without
rendering. Only requests the spider marks (`playwright` in their meta) go to the browser; every
other request is downloaded as before.

The browser's own requests are guarded by `abort_request` (route interception): images, fonts and
media are not loaded; a request to another site than the one the spider sent the page to (a
tracker, a CDN, another company) is blocked; so is one to a private, loopback or reserved address,
literal or resolved, unless PROSPECT_ALLOW_PRIVATE. The site is the page's, recorded when the page
is opened (`own_page`), not the frame's current address: a script sending the page elsewhere, and
Chromium's own reload of that blocked navigation from its error page, are requests of another
site too (the spider keeps the page as fetched when the browser ends elsewhere). A window the page
opens (`window.open`) reaches nothing and is closed: the browser context refuses every request of
a page the crawl did not open. The page's own request goes through Scrapy's downloader
middlewares first (robots.txt, politeness, the SSRF guard on its address). Route interception
does not see the HTTP redirects Chromium follows by itself: every connection the browser makes
goes through the egress proxy (crawler/egress.py), whose judge (`judge_egress`) refuses, on every
hop, a host of no site the crawl sent a page to and, unless allowed, a private address.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import socket
import weakref
from typing import Any
from urllib.parse import urlsplit

from scrapy.settings import BaseSettings

from prospect_intel.core.urls import registered_domain
from prospect_intel.crawler import egress
from prospect_intel.crawler.ssrf import literal_block_reason, parse_ip, resolved_block_reason

logger = logging.getLogger(__name__)

HANDLER = "prospect_intel.crawler.browser_handler.LazyPlaywrightHandler"
ON = "on"
_NOT_LOADED = frozenset(("image", "font", "media"))
_CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_guard: dict[str, Any] = {"allow_private": False, "addresses": {}}
_sites: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()  # page → the address it was sent to
_guarded_contexts: weakref.WeakSet[Any] = weakref.WeakSet()
# Images are never requested (an aborted one can loop for ever through an `onerror` fallback, as
# many CMS templates have: `onerror="this.src='/images/nopic.gif'"`).
_SWITCHES = ("--no-sandbox", "--disable-dev-shm-usage", "--blink-settings=imagesEnabled=false")
SETTLE = 3.0  # seconds a drawn page may take to go quiet on the network after it loaded


def configure(settings: BaseSettings) -> None:
    """Switch the browser on for this crawl, or record why it stays off (PROSPECT_RENDER_STATUS)."""
    chromium = None
    status = _off_reason(settings)
    if status is None:
        chromium = find_chromium(settings)
        status = ON if chromium else ("no Chromium found (install it, or set PROSPECT_CHROMIUM to its path): "
                                      "pages drawn by scripts are kept as they are")
    settings.set("PROSPECT_RENDER_STATUS", status, priority="spider")
    if chromium is None:
        return
    settings.setdict({
        "DOWNLOAD_HANDLERS": {"http": HANDLER, "https": HANDLER},
        "PLAYWRIGHT_LAUNCH_OPTIONS": {"executable_path": chromium, "headless": True,
                                      "args": [*_SWITCHES, *settings.getlist("PROSPECT_CHROMIUM_ARGS")]},
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": settings.getint("PROSPECT_RENDER_BROWSER_PAGES"),
        "PLAYWRIGHT_MAX_CONTEXTS": 1,
        "PLAYWRIGHT_ABORT_REQUEST": f"{__name__}.abort_request",
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": settings.getfloat("PROSPECT_RENDER_TIMEOUT") * 1000,
    }, priority="spider")
    _guard.update(allow_private=settings.getbool("PROSPECT_ALLOW_PRIVATE"), addresses={})


def _off_reason(settings: BaseSettings) -> str | None:
    if not settings.getbool("PROSPECT_RENDER"):
        return "off (PROSPECT_RENDER)"
    if settings.get("PROSPECT_REPLAY_DIR") or settings.get("PROSPECT_RECORD_DIR"):
        return "off while replaying or recording"
    try:
        import scrapy_playwright  # noqa: F401
    except ImportError:
        return "scrapy-playwright is not installed: pages drawn by scripts are kept as they are"
    return None


def find_chromium(settings: BaseSettings) -> str | None:
    """PROSPECT_CHROMIUM (setting, then environment), else a Chromium on the PATH."""
    named = settings.get("PROSPECT_CHROMIUM") or os.environ.get("PROSPECT_CHROMIUM")
    if named:
        return named if os.path.isfile(named) and os.access(named, os.X_OK) else None
    return next((found for name in _CHROMIUM_NAMES if (found := shutil.which(name))), None)


def page_meta(timeout: float) -> dict[str, Any]:
    """The request meta that sends a page to the browser: loaded, then given up to SETTLE seconds
    to go quiet on the network (a page that fetches its text from a JSON endpoint has it by then;
    one that polls for ever is read as it stands)."""
    from scrapy_playwright.page import PageMethod

    return {"playwright": True, "playwright_page_goto_kwargs": {"wait_until": "load", "timeout": timeout * 1000},
            "playwright_page_init_callback": f"{__name__}.own_page", "playwright_page_methods": [PageMethod(_settle)]}


async def own_page(page: Any, request: Any) -> None:
    """scrapy-playwright's page init callback, before the page is sent anywhere: record the site it
    is sent to, and have its browser context refuse requests of windows the crawl did not open."""
    _sites[page] = request.url
    page.on("popup", _close_window)
    context = page.context
    if context not in _guarded_contexts:
        _guarded_contexts.add(context)
        await context.route("**", _refuse_unowned)


async def _close_window(window: Any) -> None:
    """A window the page opened is closed at once (its requests, if any come first, are refused)."""
    logger.warning("closed a window the page opened (%s)", window.url or "before it loaded anything")
    with contextlib.suppress(Exception):  # already closed with its opener
        await window.close()


async def _refuse_unowned(route: Any, request: Any) -> None:
    """The context's route: only requests no page route took reach it, those of windows a page opened."""
    logger.warning("blocked the browser's request to %s: a window the page opened", request.url)
    await route.abort("blockedbyclient")


async def _settle(page: Any) -> None:
    try:
        await page.wait_for_load_state("networkidle", timeout=SETTLE * 1000)
    except Exception as exc:  # noqa: BLE001 - Playwright's TimeoutError: the page stays busy
        logger.debug("%s still busy after %.0f s: read as it stands (%s)", page.url, SETTLE, exc.__class__.__name__)


async def abort_request(request: Any) -> bool:
    """scrapy-playwright's PLAYWRIGHT_ABORT_REQUEST: whether to block one of the browser's requests."""
    site = _page_site(request)
    reason = "a page the crawl did not open" if site is None else \
        await blocked_reason(request.url, request.resource_type, site)
    if reason:
        logger.warning("blocked the browser's request to %s: %s", request.url, reason)
    return bool(reason)


def _page_site(request: Any) -> str | None:
    """The address the spider sent the requesting page to (None for a page it did not open); not
    the frame's current address, which after a blocked navigation is Chromium's error page."""
    try:
        return _sites.get(request.frame.page)
    except Exception:  # a detached frame or a worker's request: no page of ours
        return None


async def blocked_reason(url: str, resource_type: str, page_url: str) -> str:
    """Why the browser may not make this request ('' when it may)."""
    if resource_type in _NOT_LOADED:
        return f"{resource_type} not loaded"
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return ""
    if parts.scheme not in ("http", "https"):
        return f"{parts.scheme}: not fetched"
    host = (parts.hostname or "").lower()
    page_host = (urlsplit(page_url).hostname or "").lower() if page_url.startswith("http") else ""
    if page_host and registered_domain(host) != registered_domain(page_host):
        return f"another site than the page's ({page_host})"
    if _guard["allow_private"]:
        return ""
    return literal_block_reason(host) or await _resolved_private(host)


async def judge_egress(host: str, port: int) -> tuple[str, str]:
    """The egress proxy's judge (crawler/egress.py), for every connection the browser makes, a
    redirect it follows by itself included: the host must be of a site the crawl sent a page to
    and, unless private addresses are allowed, resolve to public addresses only. Returns the
    reason it is refused, or "" and the address to connect to (the one judged)."""
    host = host.lower().rstrip(".")
    sites = {registered_domain((urlsplit(url).hostname or "").lower()) for url in list(_sites.values())}
    if registered_domain(host) not in sites:
        return "another site than the pages' (a redirect the browser followed, or the browser's own traffic)", ""
    if not _guard["allow_private"] and (reason := literal_block_reason(host)):
        return reason, ""
    try:
        addresses = await egress.resolve(host, port)
    except Exception as exc:  # noqa: BLE001 - OSError, Twisted's DNSLookupError, the crawl's guard refusing it
        return f"{host} does not resolve ({exc})", ""
    if not _guard["allow_private"] and (refused := _refused_address(host, addresses)):
        return refused, ""
    return "", addresses[0]


async def _resolved_private(host: str) -> str:
    if parse_ip(host) is not None:
        return ""  # a public literal: literal_block_reason passed it
    cache: dict[str, str] = _guard["addresses"]
    if host not in cache:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
        except OSError as exc:
            cache[host] = f"{host} does not resolve ({exc})"
        else:
            cache[host] = _refused_address(host, [info[4][0] for info in infos])
    return cache[host]


def _refused_address(host: str, addresses: list[str]) -> str:
    """Why `host` may not be reached when it resolves to `addresses` (any one not public), or ''."""
    return next(filter(None, (resolved_block_reason(host, address) for address in addresses)), "")
