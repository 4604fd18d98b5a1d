import pytest

from prospect_intel.core.errors import InvalidUrl
from prospect_intel.core.urls import normalise_url, registered_domain, same_site


@pytest.mark.parametrize(
    "raw, url",
    [
        ("Example.COM", "http://example.com/"),
        ("  www.Hengan-Anfang.cn/about.html  ", "http://www.hengan-anfang.cn/about.html"),
        ("https://www.foo.com.cn:443/a?b=1#top", "https://www.foo.com.cn/a?b=1"),
        ("http://127.0.0.1:8000/x", "http://127.0.0.1:8000/x"),
        ("http://例子.中国/", "http://xn--fsqu00a.xn--fiqs8s/"),
        ("HTTP://WWW.EXAMPLE.CN", "http://www.example.cn/"),
        ("http://[2001:DB8::1]:80/x", "http://[2001:db8::1]/x"),
        ("https://[2001:db8::1]:8443/", "https://[2001:db8::1]:8443/"),
    ],
)
def test_normalises(raw, url):
    assert normalise_url(raw) == url


@pytest.mark.parametrize(
    "raw, message",
    [
        ("javascript:alert(1)", "unsupported scheme"),
        ("file:///etc/passwd", "unsupported scheme"),
        ("ftp://files.example.com/", "unsupported scheme"),
        ("http://user:pass@example.com/", "credentials"),
        ("http://exa mple.com/", "spaces"),
        ("", "empty"),
        ("http://nodot/", "no domain suffix"),
        ("http://example.com:99999/", "invalid port"),
        ("http://" + "a" * 70 + ".com/", "invalid host"),
        ("http://[::1", "malformed IPv6 address"),
        ("http://[::1]x/", "malformed IPv6 address"),
        ("http://a]b.example.com/", "malformed IPv6 address"),
        ("http://[not-an-address]/", "malformed IPv6 address"),
    ],
)
def test_rejects_with_reason(raw, message):
    with pytest.raises(InvalidUrl, match=message):
        normalise_url(raw)


@pytest.mark.parametrize(
    "host, domain",
    [("www.shop.example.com.cn", "example.com.cn"), ("hengan.cn", "hengan.cn"), ("a.b.github.io", "b.github.io"),
     ("127.0.10.3", "127.0.10.3"), ("WWW.Example.CO.UK", "example.co.uk")],
)
def test_registered_domain(host, domain):
    assert registered_domain(host) == domain


def test_same_site_includes_subdomains_only():
    assert same_site("news.hengan.cn", "hengan.cn")
    assert not same_site("nothengan.cn", "hengan.cn")
