"""A DNS stand-in for SSRF tests: `GuardedResolver` over scripted answers instead of the network.

`PROSPECT_TEST_DNS` (JSON) maps a host name to the answers successive lookups get (the last one
repeats), so a test can script a name that resolves to loopback, or one whose answer changes
between lookups (DNS rebinding). `PROSPECT_TEST_DNS_PUBLIC` lists loopback addresses that stand
in for public ones, so a loopback test server can play an ordinary public site.
Use with `--set TWISTED_DNS_RESOLVER=tests.reliability.fake_dns.ScriptedResolver`.
"""
from __future__ import annotations

import json
import os

from scrapy.resolver import dnscache
from twisted.internet import defer
from twisted.internet import error as net
from twisted.internet.base import ThreadedResolver

from prospect_intel.crawler.ssrf import GuardedResolver


class _ScriptedLookup(ThreadedResolver):
    """Stands where the system resolver does, under Scrapy's cache and the guard's check."""

    answers: dict[str, list[str]] = {}

    def getHostByName(self, name, timeout=()):
        script = self.answers.get(name)
        if not script:
            return defer.fail(net.DNSLookupError(f"{name}: no such host (scripted)"))
        return defer.succeed(script.pop(0) if len(script) > 1 else script[0])


class ScriptedResolver(GuardedResolver, _ScriptedLookup):
    """The real `GuardedResolver` chain (guard -> Scrapy's cache -> lookup) over scripted answers."""

    public: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler, reactor):
        resolver = super().from_crawler(crawler, reactor)
        resolver.answers = json.loads(os.environ.get("PROSPECT_TEST_DNS", "{}"))
        resolver.public = set(json.loads(os.environ.get("PROSPECT_TEST_DNS_PUBLIC", "[]")))
        dnscache.limit = 0  # every lookup asks again, as when a short TTL expires
        return resolver

    def _check(self, address: str, name: str) -> str:
        if address in self.public:
            return address
        return super()._check(address, name)
