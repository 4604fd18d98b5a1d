"""Link ranking and page roles, on the phrasings Chinese and English company sites use."""
import pytest

from prospect_intel.crawler.linkrank import PRIORITY_KEY_LINK, PRIORITY_LOW_VALUE, link_priority, link_role
from prospect_intel.crawler.pages import classify_role, read_page


@pytest.mark.parametrize(
    "anchor, url, role",
    [
        ("关于我们", "http://a.cn/about.html", "about"),
        ("公司简介", "http://a.cn/gsjj.asp", "about"),
        ("企业简介", "http://a.cn/list.asp?id=3", "about"),
        ("走进恒安", "http://a.cn/a/1.html", "about"),
        ("關於我們", "http://a.tw/about.htm", "about"),
        ("About Us", "http://a.com/about-us/", "about"),
        ("产品中心", "http://a.cn/cpzx/", "products"),
        ("产品展示", "http://a.cn/list.asp?classid=2", "products"),
        ("Solutions", "http://a.com/solutions", "products"),
        ("工程案例", "http://a.cn/gcal/", "cases"),
        ("成功案例", "http://a.cn/list.asp?classid=5", "cases"),
        ("样板工程", "http://a.cn/ybgc.html", "cases"),
        ("典型客户", "http://a.cn/khal.html", "cases"),
        ("Case Studies", "http://a.com/case-studies/", "cases"),
        ("Our Clients", "http://a.com/clients", "cases"),
        ("联系我们", "http://a.cn/lxwm.asp", "contact"),
        ("Contact", "http://a.com/contact", "contact"),
        ("", "http://a.cn/lxwm.asp", "contact"),
        ("", "http://a.cn/gsjj.html", "about"),
    ],
)
def test_link_roles(anchor, url, role):
    assert link_role(anchor, url)[0] == role


def test_key_links_outrank_news_and_plain_links():
    key, _ = link_priority("公司简介", "http://a.cn/about.html", "home")
    news, _ = link_priority("新闻中心", "http://a.cn/news/", "home")
    plain, _ = link_priority("某某新品发布", "http://a.cn/a/8.html", "home")
    assert key >= PRIORITY_KEY_LINK > plain > news == PRIORITY_LOW_VALUE


def test_pagination_inherits_list_role():
    priority, role = link_priority("下一页", "http://a.cn/case/list_2.html", "cases")
    assert role == "cases" and priority < PRIORITY_KEY_LINK


def _page(title: str, body: str = "", crumb: str = "") -> str:
    return f"<html><head><title>{title}</title></head><body><div class='position'>{crumb}</div>{body}</body></html>"


HOME_TITLE = "恒安科技 - 门禁系统解决方案"


@pytest.mark.parametrize(
    "url, html, anchors, inherited, role",
    [
        ("http://a.cn/show.asp?id=3", _page("公司简介-恒安科技"), ["公司简介"], None, "about"),
        ("http://a.cn/show.asp?id=4", _page("恒安科技", crumb="当前位置：首页 > 联系我们"), [], None, "contact"),
        ("http://a.cn/show.asp?id=9", _page("四门联网控制器-恒安科技"), ["四门联网控制器"], "products", "products"),
        (
            "http://a.cn/news/8.html",
            _page("恒安成为门禁产品金牌代理 - 恒安科技", crumb="首页 > 新闻动态 > 正文"),
            ["恒安成为门禁产品金牌代理"],
            None,
            "other",
        ),
        (
            "http://a.cn/show.asp?id=401",
            _page("恒安举办合作伙伴技术交流会-恒安科技", crumb="首页 > 新闻资讯"),
            ["恒安举办2026年渠道合作伙伴技术交流会"],
            None,
            "other",
        ),
        ("http://a.cn/job.html", _page("人才招聘-恒安科技"), ["人才招聘"], None, "other"),
        (
            "http://a.com/projects/city-hospital",
            _page("City Hospital | Projects | Acme"),
            ["City Hospital"],
            "cases",
            "cases",
        ),
    ],
)
def test_page_roles(url, html, anchors, inherited, role):
    facts = read_page(html, url)
    assert classify_role(url, facts, home_title=HOME_TITLE, anchors=anchors, inherited_role=inherited) == role


def test_site_wide_title_words_do_not_decide_the_role():
    # The home title says 解决方案 (solutions); every page repeats it; it must not make them products.
    facts = read_page(_page("企业荣誉 - 恒安科技 - 门禁系统解决方案"), "http://a.cn/honor.html")
    assert (
        classify_role("http://a.cn/honor.html", facts, home_title=HOME_TITLE, anchors=["企业荣誉"], inherited_role=None)
        == "about"
    )


def test_read_page_collects_frames_areas_and_base():
    html = """<html><head><base href="http://a.cn/cn/"></head><body>
      <a href="about.html">关于我们</a><area href="map.html" alt="地图"><iframe src="/frame.html"></iframe>
      <a href="javascript:void(0)">x</a><a href="mailto:a@a.cn">mail</a></body></html>"""
    links = {link.url: link.anchor for link in read_page(html, "http://a.cn/").links}
    assert links == {"http://a.cn/cn/about.html": "关于我们", "http://a.cn/cn/map.html": "", "http://a.cn/frame.html": ""}  # noqa: E501


def test_script_redirect_on_an_empty_home_is_followed():
    html = "<html><script>window.location.href='/cn/index.html';</script></html>"
    assert [link.url for link in read_page(html, "http://a.cn/").links] == ["http://a.cn/cn/index.html"]
