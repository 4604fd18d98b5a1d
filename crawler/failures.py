"""Turn a failed request (a Twisted failure) into an error kind and a message a rep can read."""
from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from twisted.internet import defer
from twisted.internet import error as net
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from crawler.ssrf import PrivateAddressBlocked, blocked_reason


def classify_failure(failure: Failure, url: str) -> tuple[str, str]:
    exc = failure.value
    if isinstance(exc, PrivateAddressBlocked):
        return "ssrf", str(exc)
    if isinstance(exc, net.DNSLookupError):
        reason = blocked_reason(url)
        if reason:
            return "ssrf", reason
        return "dns", "host name does not resolve"
    if isinstance(exc, IgnoreRequest):
        text = str(exc)
        if "robots.txt" in text.lower():
            return "robots", "forbidden by robots.txt"
        if "redirect" in text.lower():
            return "redirect_loop", "too many redirects (redirect loop or chain)"
        return "ignored", text or "request dropped"
    if isinstance(exc, (net.TimeoutError, net.TCPTimedOutError, defer.TimeoutError)):
        return "timeout", "timed out"
    if isinstance(exc, defer.CancelledError):
        text = str(exc)
        if "max size" in text.lower() or "maxsize" in text.lower():
            return "too_large", "response larger than the size limit"
        return "timeout", text or "download cancelled"
    if isinstance(exc, net.ConnectionRefusedError):
        return "connection", "connection refused"
    if isinstance(exc, (net.ConnectionLost, net.ConnectionDone, ResponseFailed, ResponseNeverReceived)):
        return "connection", "connection lost before a full response"
    if isinstance(exc, net.ConnectError):
        return "connection", f"could not connect ({exc.__class__.__name__})"
    return "error", f"{exc.__class__.__name__}: {exc}"[:300]
