"""Signs of life: copyright year, ICP number, printed registry number, newest dated item, a hiring
section, and the `stale` flag a years-old site gives its other fields. Crawl date: DAY (2026-11-23)."""
import pytest
from extractor_helpers import field, html, page, site, value

from prospect_intel.core.models import PageDoc

NEWS = "<ul>{}</ul>"


def news(*lines: str) -> str:
    return NEWS.format("".join(f"<li>{line}</li>" for line in lines))


COPYRIGHT = [
    ("<footer>© 2015-2024 恒安安防 版权所有</footer>", 2024),
    ("<footer>Copyright (c) 2019 Acme Security Ltd</footer>", 2019),
    ("<footer>版权所有 2021 杭州某某科技有限公司</footer>", 2021),
    # a year after the crawl is a typo or a script's, not the site's
    ("<footer>© 2018 Acme</footer><p>© 2031 Acme</p>", 2018),
]


@pytest.mark.parametrize("body, expected", COPYRIGHT)
def test_copyright_year_is_the_latest_year_of_a_copyright_line(body, expected):
    assert value(body, "copyright_year", "home") == expected


ICP = [
    ("<footer>京ICP备12345678号-1</footer>", "京ICP备12345678号-1"),
    ("<footer>粤ICP备 2020139550号</footer>", "粤ICP备2020139550号"),
    ("<footer>备案号：浙icp备11010372号</footer>", "浙ICP备11010372号"),
    ("<footer>京ICP证030173号</footer>", "京ICP证030173号"),
    ("<footer>沪ICP备字第14027212号</footer>", "沪ICP备14027212号"),
    ("<p>ICP filing pending</p>", None),
]


@pytest.mark.parametrize("body, expected", ICP)
def test_icp_number_from_the_footer(body, expected):
    assert value(body, "icp_number", "home") == expected


REGISTRY_IDS = [
    # the check character right: the code, whatever the words around it
    ("<footer>统一社会信用代码：91350100M000100Y43</footer>", "91350100M000100Y43", "high"),
    ("<footer>91440300708461136T 深圳某某</footer>", "91440300708461136T", "high"),
    # the check character wrong: a typo when labelled, nothing when not
    ("<footer>统一社会信用代码：91350100M000100Y44</footer>", "91350100M000100Y44", "low"),
    ("<footer>订单号 91350100M000100Y44</footer>", None, None),
    ("<footer>Acme Ltd. Registered in England &amp; Wales No. 05123456</footer>", "05123456", "high"),
    ("<footer>Company No: sc123456</footer>", "SC123456", "high"),
]


PROSE = "<p>" + "我们提供门禁系统的设计、安装与维护服务。" * 60 + "</p>"
# Where a page prints its number: after a label or in its footer; an unlabelled code amid the
# prose is an order or serial number as often as not.
REGISTRY_IDS += [
    (f"<p>统一社会信用代码 91350100M000100Y43</p>{PROSE}", "91350100M000100Y43", "high"),
    (f"<p>91350100M000100Y43</p>{PROSE}", None, None),
]


@pytest.mark.parametrize("body, expected, confidence", REGISTRY_IDS)
def test_printed_registry_number(body, expected, confidence):
    found = field(body, "printed_registry_id", "home")
    assert (found.value, found.confidence) == (expected, confidence) if expected else found is None


DATES = [
    # a dated list (three dates): the newest, high
    (news("2024-03-12 新品发布", "2023-11-05 展会", "2022/7/1 公告"), "2024-03-12", "high"),
    (news("2024年3月12日 新品发布", "2023年1月5日", "2022年7月1日"), "2024-03-12", "high"),
    (news("2024.03.12 news", "2023.01.05 news", "2022.07.01 news"), "2024-03-12", "high"),
    # English month names, read by dateparser
    (news("17 Dec 2024 How to choose CCTV", "3 March 2023 Open day", "Sept. 2022 Award"), "2024-12-17", "high"),
    (news("March 12th, 2025: new office", "June 2, 2023", "May 2021"), "2025-03-12", "high"),
    # a month without a day gives the month
    ("<p>2023年5月，公司通过了ISO认证。</p>", "2023-05", "medium"),
    ("<p>In August 2025 we opened a second branch.</p>", "2025-08", "medium"),
    # after the crawl date: an event announced, not content written
    (news("2027-03-01 展会预告", "2024-05-06 新闻", "2023-01-01 新闻", "2022-01-01 新闻"), "2024-05-06", "high"),
    # before company sites: a founding date at most
    ("<p>公司成立于1988年3月12日。</p>", None, None),
    # a copyright line is not dated content
    ("<p>© 2025-03-01 Acme</p>", None, None),
    # not dates: an impossible day, a version number
    ("<p>2024-02-30 通知</p>", None, None),
    ("<p>固件版本 2024.3.12.1</p>", None, None),
]


@pytest.mark.parametrize("body, expected, confidence", DATES)
def test_newest_dated_item(body, expected, confidence):
    found = field(body, "latest_dated_item", "other")
    assert ((found.value, found.confidence) if found else (None, None)) == (expected, confidence)


def test_a_date_printed_on_every_page_is_page_furniture_not_content():
    clock = "<div>今天是 2026-11-23</div>"
    pages = [page(clock + "<p>门禁系统</p>", "home"), page(clock + "<p>关于我们</p>", "about"),
             page(clock + news("2021-05-06 新闻", "2020-01-02 新闻", "2019-01-03 新闻"), "other")]
    assert site(*pages).fields["latest_dated_item"].value == "2021-05-06"


HIRING = [
    # a hiring page kept by the crawl: its address or its title
    ("<p>销售工程师 3名</p>", {"url": "http://www.example.cn/careers/"}, "high"),
    ("<p>职位：销售</p>", {"title": "人才招聘 - 恒安安防"}, "high"),
    # a hiring link's label, a line of its own in the navigation
    ("<nav><ul><li><a href='/'>首页</a></li><li><a href='/zp'>人才招聘</a></li></ul></nav>", {}, "medium"),
    ("<nav><a href='/'>Home</a> | <a href='/x'>Careers</a> | <a href='/c'>Contact</a></nav>", {}, "medium"),
    # the words inside prose are not a hiring section
    ("<p>Join us at our open day in March to see the new readers and controllers in action.</p>", {}, None),
]


@pytest.mark.parametrize("body, where, confidence", HIRING)
def test_hiring_section(body, where, confidence):
    found = field(body, "hiring", "other", **where)
    assert ((found.value, found.confidence) if found else (None, None)) == \
        ((True, confidence) if confidence else (None, None))


def test_a_site_that_answers_says_so_from_its_first_page_of_text():
    found = field("<p>门禁系统</p>", "site_status", "home")
    assert (found.value, found.confidence, found.source_url) == ("answers", "high", "http://www.example.cn/home.html")


OLD_NEWS = news("2019-05-06 新闻", "2018-01-02 新闻", "2017-01-03 新闻")


def test_a_site_whose_newest_dated_list_is_years_old_flags_its_other_fields_stale():
    found = site(page("<p>公司成立于2009年，员工50人。</p>" + OLD_NEWS, "about")).fields
    assert "stale" in found["founded_year"].flags and "stale" in found["headcount"].flags
    assert "the newest dated item on the site is 2019-05-06" in found["headcount"].method
    assert "stale" not in found["latest_dated_item"].flags  # the sign of life itself is not stale


def test_recent_news_or_a_lone_old_date_leaves_the_fields_fresh():
    recent = news("2026-05-06 新闻", "2025-01-02 新闻", "2024-01-03 新闻")
    assert "stale" not in site(page("<p>公司成立于2009年，员工50人。</p>" + recent)).fields["headcount"].flags
    # one date (the founding day) is not a dated list: it says nothing about upkeep
    lone = site(page("<p>公司于2009年3月12日成立，员工50人。</p>")).fields
    assert lone["latest_dated_item"].confidence == "medium" and "stale" not in lone["headcount"].flags


@pytest.mark.parametrize("expires, status", [("2025-01-01", "certificate_expired"), ("2027-01-01", "answers"),
                                             ("", "answers")])
def test_a_certificate_expired_before_the_crawl_is_the_sites_status(expires, status):
    doc = PageDoc(url="https://www.example.cn/", role="home", html=html("<p>门禁系统</p>"), tls_expires=expires)
    assert site(doc).fields["site_status"].value == status


def test_a_response_without_a_certificate_has_no_expiry():
    from prospect_intel.crawler.responses import certificate_expiry

    assert certificate_expiry(object()) == ""
