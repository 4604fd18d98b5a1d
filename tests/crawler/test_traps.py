import pytest

from prospect_intel.crawler.traps import skip_reason, strip_session_ids


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://a.cn/uploads/catalog.pdf", "binary file"),
        ("http://a.cn/img/logo.JPG", "binary file"),
        ("http://a.cn/soft/driver.zip", "binary file"),
        ("http://a.cn/events/calendar.php?y=2026&m=11", "calendar"),
        ("http://a.cn/list.php?year=2026&month=12", "calendar"),
        ("http://a.cn/news.asp?date=2026-11-23", "calendar"),
        ("http://a.cn/p.php?cat=2&view=grid&view=grid", "repeated query parameter"),
        ("http://a.cn/p.php?a=1&b=2&c=3&d=4&e=5&f=6&g=7", "too many query parameters"),
        ("http://a.cn/a/b/a/b/a/b/", "repeating path"),
        ("http://a.cn/" + "x" * 400, "url too long"),
        ("ftp://a.cn/file", "scheme ftp"),
    ],
)
def test_skips_binaries_and_traps(url, reason):
    assert skip_reason(url) == reason


@pytest.mark.parametrize(
    "url",
    ["http://a.cn/about.html", "http://a.cn/case/list_2.html", "http://a.cn/news.asp?id=3&page=2",
     "http://a.cn/cn/show.asp?id=401", "http://a.cn/products/?cat=controller"],
)
def test_ordinary_pages_pass(url):
    assert skip_reason(url) is None


@pytest.mark.parametrize(
    "url, clean",
    [
        ("http://a.cn/p.php?id=3&sid=3f2a9c0d1e2b3a4c5d6e7f8091a2b3c4", "http://a.cn/p.php?id=3"),
        ("http://a.cn/p.jsp;jsessionid=ABC123?x=1", "http://a.cn/p.jsp?x=1"),
        ("http://a.cn/p.php?PHPSESSID=9d8f7e&id=1", "http://a.cn/p.php?id=1"),
        ("http://a.cn/p.php?sid=12", "http://a.cn/p.php?sid=12"),  # a short sid is a real parameter
        ("http://a.cn/p.php?id=1&page=2", "http://a.cn/p.php?id=1&page=2"),
    ],
)
def test_strips_session_ids(url, clean):
    assert strip_session_ids(url) == clean
