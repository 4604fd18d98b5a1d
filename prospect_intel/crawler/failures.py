"""Turn a failed request (a Twisted failure) into an error kind and a message a rep can read."""
from __future__ import annotations

from scrapy import exceptions as scrapy_errors
from scrapy.exceptions import IgnoreRequest
from twisted.internet import defer
from twisted.internet import error as net
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from prospect_intel.crawler.middlewares.deadline import SiteTimeBudgetSpent
from prospect_intel.crawler.ssrf import PrivateAddressBlocked, blocked_reason


def _scrapy(*names: str) -> tuple[type, ...]:
    """Scrapy's own download errors (2.14+ wraps Twisted's in these); absent names are skipped."""
    return tuple(getattr(scrapy_errors, name) for name in names if hasattr(scrapy_errors, name))


_DNS = (net.DNSLookupError, *_scrapy("CannotResolveHostError"))
_TIMEOUT = (net.TimeoutError, net.TCPTimedOutError, defer.TimeoutError, *_scrapy("DownloadTimeoutError"))
_CANCELLED = (defer.CancelledError, *_scrapy("DownloadCancelledError"))
_REFUSED = (net.ConnectionRefusedError, *_scrapy("DownloadConnectionRefusedError"))
_LOST = (net.ConnectionLost, net.ConnectionDone, ResponseFailed, ResponseNeverReceived,
         *_scrapy("DownloadFailedError", "ResponseDataLossError"))


def classify_failure(failure: Failure, url: str) -> tuple[str, str]:
    exc = failure.value
    if isinstance(exc, PrivateAddressBlocked):
        return "ssrf", str(exc)
    if isinstance(exc, SiteTimeBudgetSpent):
        return "timeout", str(exc)
    if isinstance(exc, IgnoreRequest):
        return _ignored(str(exc))
    if isinstance(exc, _DNS):
        return blocked_reason_kind(url) or ("dns", "host name does not resolve")
    if isinstance(exc, _TIMEOUT):
        return "timeout", "timed out waiting for the server"
    if isinstance(exc, _CANCELLED):
        if "size" in str(exc).lower():
            return "too_large", "response larger than the size limit"
        return "timeout", "download cancelled"
    if isinstance(exc, _REFUSED):
        return "connection", "connection refused"
    if isinstance(exc, _LOST):
        return "connection", "connection lost before a full response"
    if isinstance(exc, net.ConnectError):
        return "connection", f"could not connect ({exc.__class__.__name__})"
    return "error", f"{exc.__class__.__name__}: {exc}"[:300]


def blocked_reason_kind(url: str) -> tuple[str, str] | None:
    reason = blocked_reason(url)
    return ("ssrf", reason) if reason else None


def _ignored(text: str) -> tuple[str, str]:
    lowered = text.lower()
    if "robots.txt" in lowered:
        return "robots", "forbidden by robots.txt"
    if "download_maxsize" in lowered:  # HttpCompressionMiddleware: a body that inflates too far
        return "too_large", "response larger than the size limit once decompressed (compression bomb?)"
    if "redirect" in lowered:
        return "redirect_loop", "too many redirects (redirect loop or chain)"
    return "ignored", text or "request dropped"
