import pytest
from twisted.internet import error as net

from prospect_intel.crawler.ssrf import (
    GuardedResolver,
    PrivateAddressBlocked,
    SsrfGuardMiddleware,
    literal_block_reason,
)


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "127.1", "2130706433", "0177.0.0.1", "0x7f000001", "0x7f.1", "10.0.0.8", "172.16.5.4",
     "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "[::1]", "::ffff:127.0.0.1",
     "::ffff:a9fe:a9fe", "fe80::1", "fc00::1", "localhost", "intranet.localhost", "224.0.0.1",
     "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::a00:1", "::127.0.0.1", "::10.0.0.1",
     "2002:7f00:1::", "2001:0:4136:e378:8000:63bf:80ff:fffe", "240.0.0.1", "::", "100::1"],
)
def test_private_literals_are_refused(host):
    assert literal_block_reason(host) is not None


@pytest.mark.parametrize("host", ["8.8.8.8", "example.com", "www.hengan-anfang.cn", "2001:4860:4860::8888",
                                  "64:ff9b::808:808", "2002:808:808::1"])
def test_public_hosts_pass(host):
    assert literal_block_reason(host) is None


class _Request:
    def __init__(self, url):
        self.url = url


def test_middleware_refuses_redirect_targets_to_metadata_address():
    guard = SsrfGuardMiddleware(allow_private=False)
    with pytest.raises(PrivateAddressBlocked, match="169.254.169.254"):
        guard.process_request(_Request("http://169.254.169.254/latest/meta-data/"))
    assert guard.process_request(_Request("http://www.example.cn/")) is None


def test_resolver_refuses_private_answers():
    resolver = GuardedResolver.__new__(GuardedResolver)
    resolver.allow_private = False
    with pytest.raises(net.DNSLookupError, match="resolves to 10.1.2.3"):
        resolver._check("10.1.2.3", "rebind.example.com")
    assert resolver._check("93.184.216.34", "example.com") == "93.184.216.34"
