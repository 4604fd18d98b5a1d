"""SSRF guard: never fetch private, loopback, link-local or reserved addresses unless allowed.

Two checks, both needed: `SsrfGuardMiddleware` refuses IP literals in every request URL
(redirects included, in any notation: dotted, decimal, octal, hex, IPv4 inside IPv6), and
`GuardedResolver` refuses host names whose DNS answer is not public. The resolver check happens
on the very lookup the connection uses, so a DNS answer that changes between a check and the
connection cannot slip through.
"""
from __future__ import annotations

import ipaddress
import socket
from collections import OrderedDict
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.resolver import CachingThreadedResolver
from twisted.internet import error as net

SETTING = "PROSPECT_ALLOW_PRIVATE"
_BLOCKED_HOSTS: OrderedDict[str, str] = OrderedDict()
_MAX_REMEMBERED = 10_000


class PrivateAddressBlocked(IgnoreRequest):
    """The request would reach a non-public address."""


def parse_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host literal denotes, in any notation browsers and libc accept; else None."""
    host = host.strip("[]").rstrip(".")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if host and all(part for part in host.split(".")) and all(
        c in "0123456789abcdefxABCDEFX." for c in host
    ) and any(c.isdigit() for c in host[:1]):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except (OSError, ValueError):
            return None
    return None


_NAT64 = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """A global unicast address, judged by the IPv4 address an IPv6 one carries when it carries one
    (mapped, 6to4, Teredo, NAT64, the deprecated IPv4-compatible form); reserved ranges are not."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return is_public(embedded)
    return address.is_global and not address.is_multicast and not address.is_reserved


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped or address.sixtofour:
        return address.ipv4_mapped or address.sixtofour
    if address.teredo:
        return address.teredo[1]
    if any(address in network for network in _NAT64) or (address in _IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def literal_block_reason(host: str) -> str | None:
    if host.lower().rstrip(".") in ("localhost", "localhost.localdomain") or host.lower().endswith(".localhost"):
        return f"refused to fetch {host}: it is the local machine (use --allow-private to permit)"
    address = parse_ip(host)
    if address is not None and not is_public(address):
        return (f"refused to fetch {host}: {address} is a private, loopback or reserved address"
                " (use --allow-private to permit)")
    return None


def resolved_block_reason(name: str, address: str) -> str | None:
    """Why a host name may not be fetched when it resolves to `address` (None: a public one)."""
    parsed = parse_ip(address)
    if parsed is None or not is_public(parsed):
        return (f"refused to fetch {name}: it resolves to {address}, a private, loopback or "
                f"reserved address (use --allow-private to permit)")
    return None


def blocked_reason(url: str) -> str | None:
    """Why the guard refused this URL's host, if it did."""
    host = (urlsplit(url).hostname or "").lower()
    return _BLOCKED_HOSTS.get(host) or literal_block_reason(host)


def _remember(host: str, reason: str) -> None:
    _BLOCKED_HOSTS[host] = reason
    while len(_BLOCKED_HOSTS) > _MAX_REMEMBERED:
        _BLOCKED_HOSTS.popitem(last=False)


class SsrfGuardMiddleware:
    """Downloader middleware: refuse requests whose host is a non-public IP literal.

    Off when private addresses are allowed, and when replaying saved sites (nothing is fetched).
    """

    def __init__(self, allow_private: bool, replaying: bool = False):
        if allow_private or replaying:
            raise NotConfigured

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getbool(SETTING), bool(crawler.settings.get("PROSPECT_REPLAY_DIR")))

    def process_request(self, request):
        host = urlsplit(request.url).hostname or ""
        reason = literal_block_reason(host)
        if reason:
            _remember(host.lower(), reason)
            raise PrivateAddressBlocked(reason)
        return None


class GuardedResolver(CachingThreadedResolver):
    """Scrapy's caching resolver, refusing answers that are not public addresses."""

    allow_private = False

    @classmethod
    def from_crawler(cls, crawler, reactor):
        resolver = super().from_crawler(crawler, reactor)
        resolver.allow_private = crawler.settings.getbool(SETTING)
        return resolver

    def getHostByName(self, name, timeout=()):
        deferred = super().getHostByName(name, timeout)
        if self.allow_private:
            return deferred
        return deferred.addCallback(self._check, name)

    def _check(self, address: str, name: str) -> str:
        reason = resolved_block_reason(name, address)
        if reason:
            _remember(name.lower(), reason)
            raise net.DNSLookupError(reason)
        return address
