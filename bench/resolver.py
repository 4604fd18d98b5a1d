"""DNS for the bench only: every `*.bench.test` host name resolves to 127.0.0.1.

Each mock site keeps its own host name, so Scrapy's per-host download slots (one request at a
time per site, delays, AutoThrottle) apply per site exactly as on the real web. Enable with
`--set TWISTED_DNS_RESOLVER=bench.resolver.BenchResolver` (and `--allow-private`).
"""
from __future__ import annotations

from scrapy.resolver import CachingThreadedResolver
from twisted.internet import defer

SUFFIX = ".bench.test"
LOOPBACK = "127.0.0.1"


class BenchResolver(CachingThreadedResolver):
    def getHostByName(self, name, timeout=()):
        if name.lower().rstrip(".").endswith(SUFFIX):
            return defer.succeed(LOOPBACK)
        return super().getHostByName(name, timeout)
