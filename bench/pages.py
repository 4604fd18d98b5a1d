"""Page templates of the mock web: one HTML page of a generated site, 20-60 KB.

Every page has the markup real small-company sites carry (navigation, banner, breadcrumb,
sidebar, footer, inline style and script) around role-specific content: the about page states
founding year, registered capital and headcount; the contact page address and phone lines;
product and case lists paginate; news pages are the filler a crawl should not spend budget on.
"""
from __future__ import annotations

import random
from html import escape

from bench import content as C
from bench.mockweb import _PATHS, PER_LIST_PAGE, Site, list_pages, list_path

_LABELS = {
    "zh": {"about": "公司简介", "products": "产品中心", "cases": "工程案例", "news": "新闻资讯",
           "contact": "联系我们", "jobs": "人才招聘", "downloads": "下载中心", "home": "首页",
           "next": "下一页", "prev": "上一页", "where": "当前位置：", "more": "查看详情"},
    "en": {"about": "About Us", "products": "Products", "cases": "Projects", "news": "News",
           "contact": "Contact Us", "jobs": "Careers", "downloads": "Downloads", "home": "Home",
           "next": "Next", "prev": "Previous", "where": "You are here: ", "more": "Read more"},
}


def page_role(s: Site, path: str) -> tuple | None:
    """(role, section, number) of a path of this site, or None when the site has no such page."""
    p = _PATHS[s.lang]
    if path in ("/", "/index.html"):
        return ("home", None, 0)
    for role in ("about", "contact", "jobs", "downloads"):
        if path == p[role]:
            return (role, None, 0)
    for section, count in s.items.items():
        prefix = f"/{p[section]}/"
        if not path.startswith(prefix):
            continue
        for k in range(1, list_pages(count) + 1):
            if path == list_path(s, section, k):
                return ("list", section, k)
        stem = path[len(prefix):].removesuffix(".html")
        if stem.isdigit() and 1 <= int(stem) <= count:
            return ("detail", section, int(stem))
    return None


def _detail(s: Site, section: str, k: int) -> str:
    return f"/{_PATHS[s.lang][section]}/{k}.html"


def _item_title(s: Site, section: str, k: int) -> str:
    if section == "products":
        names = C.ZH_PRODUCTS if s.lang == "zh" else C.EN_PRODUCTS
        return f"{s.brands[k % len(s.brands)]} {names[(k * 7 + s.index) % len(names)]}"
    if section == "cases":
        client = s.clients[k % len(s.clients)]
        return f"{client}门禁系统工程" if s.lang == "zh" else f"{client} access control project"
    titles = C.ZH_NEWS if s.lang == "zh" else C.EN_NEWS
    return titles[(k + s.index) % len(titles)].format(c=s.city)


def _filler(s: Site, rng: random.Random, sentences: int) -> str:
    bank = C.ZH_FILLER if s.lang == "zh" else C.EN_FILLER
    glue = "" if s.lang == "zh" else " "
    return glue.join(rng.choice(bank) for _ in range(sentences))


def _facts(s: Site) -> str:
    if s.lang == "zh":
        return (f"{s.name}成立于{s.founded}年，注册资本{s.capital_wan}万元，是一家专业从事门禁系统、一卡通及"
                f"安防产品销售与工程安装的高新技术企业。公司现有员工{s.staff}人，其中技术人员占一半以上。"
                f"公司主营联网门禁、人脸识别门禁、停车场系统，代理{'、'.join(s.brands)}等品牌。")
    return (f"{s.name} was founded in {s.founded} and has grown to a team of {s.staff} employees. "
            f"We specialise in commercial access control, video surveillance and intercom systems, "
            f"and we are authorised dealers for {', '.join(s.brands)}.")


def _contact(s: Site) -> str:
    if s.lang == "zh":
        lines = [f"地址：{s.address}"] + [f"电话：{p}" for p in s.phones] + [f"传真：{s.phones[0][:-2]}99",
                                                                          f"邮箱：sales@site{s.index}.bench.test"]
    else:
        lines = (
            [f"Address: {s.address}"] + [f"Phone: {p}" for p in s.phones] + [f"Email: info@site{s.index}.bench.test"]
        )
    return "".join(f"<p>{escape(line)}</p>" for line in lines)


def _main(s: Site, role: str, section: str | None, k: int, rng: random.Random) -> tuple[str, str]:
    """(heading, inner HTML) of the page's main content."""
    L = _LABELS[s.lang]
    if role == "home":
        links = "".join(f'<li><a href="{_detail(s, sec, i)}">{escape(_item_title(s, sec, i))}</a></li>'
                        for sec in ("products", "cases", "news") for i in range(1, min(4, s.items[sec]) + 1))
        return s.name, f"<p>{escape(_facts(s)[:120])}</p><ul class='list'>{links}</ul><p>{_filler(s, rng, 4)}</p>"
    if role == "about":
        return L["about"], f"<p>{escape(_facts(s))}</p><p>{_filler(s, rng, 6)}</p>"
    if role == "contact":
        return L["contact"], _contact(s)
    if role == "list":
        count = s.items[section]
        first = (k - 1) * PER_LIST_PAGE + 1
        rows = "".join(f'<li><a href="{_detail(s, section, i)}">{escape(_item_title(s, section, i))}</a>'
                       f"<span>{_filler(s, rng, 1)[:40]}</span></li>"
                       for i in range(first, min(count, first + PER_LIST_PAGE - 1) + 1))
        pages = list_pages(count)
        nav = "".join(f'<a href="{list_path(s, section, i)}">{i}</a>' for i in range(1, pages + 1))
        if k < pages:
            nav += f'<a href="{list_path(s, section, k + 1)}">{L["next"]}</a>'
        return L[section], f"<ul class='list'>{rows}</ul><div class='pages'>{nav}</div>"
    if role == "detail":
        body = f"<p>{_filler(s, rng, 5)}</p>"
        if section == "cases":
            client = s.clients[k % len(s.clients)]
            body = (f"<p>{'客户' if s.lang == 'zh' else 'Client'}：{escape(client)}</p>" + body)
        return _item_title(s, section, k), body
    return L[role], f"<p>{_filler(s, rng, 8)}</p>"


def page_html(s: Site, path: str, where: tuple, rng: random.Random) -> str:
    role, section, k = where
    L = _LABELS[s.lang]
    heading, main = _main(s, role, section, k, rng)
    nav_items = C.ZH_NAV if s.lang == "zh" else C.EN_NAV
    paths = {
        "home": "/",
        "products": list_path(s, "products", 1),
        "cases": list_path(s, "cases", 1),
        "news": list_path(s, "news", 1),
        **{r: _PATHS[s.lang][r] for r in ("about", "contact", "jobs", "downloads")},
    }
    nav = "".join(f'<li><a href="{paths[r]}">{label}</a></li>' for label, r in nav_items)
    side = "".join(f'<li><a href="{_detail(s, "products", i)}">{escape(_item_title(s, "products", i))}</a></li>'
                   for i in range(1, min(8, s.items["products"]) + 1))
    crumb_label = L[section] if section else L.get(role, "")
    charset = "gb2312" if s.encoding == "gbk" else "utf-8"
    title = escape(heading) if role == "home" else f"{escape(heading)} - {escape(s.name)}"
    target = rng.randint(24_000, 60_000)
    head = (
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f'<title>{title}</title><meta name="keywords" content="{escape(s.name)}">'
        f"<style>{''.join(C.STYLE_BLOCK.replace('{k}', str(i)) for i in range(rng.randint(6, 16)))}</style>"
        f"<script>{''.join(C.SCRIPT_BLOCK.replace('{k}', str(i)) for i in range(rng.randint(6, 16)))}</script></head>"
    )
    top = (f'<body><div class="top"><div class="logo"><a href="/">{escape(s.name)}</a></div>'
           f'<ul class="nav">{nav}</ul></div><div class="banner"><img src="/images/banner.jpg" alt=""></div>'
           f'<div class="position">{L["where"]}<a href="/">{L["home"]}</a> &gt; {crumb_label}</div>'
           f'<div class="main"><h1>{escape(heading)}</h1>{main}')
    foot = (f'</div><div class="side"><h3>{L["products"]}</h3><ul>{side}</ul>'
            f'<h3>{L["contact"]}</h3>{_contact(s)}</div>'
            f'<div class="foot"><p>Copyright © 2012-2025 {escape(s.name)}</p>'
            f'<a href="/admin/login.html">admin</a> <a href="/search?q=1">search</a></div></body></html>')
    size = len(head) + len(top) + len(foot)
    pad = []
    wide = 3 if s.lang == "zh" else 1
    while size < target:  # the markup-heavy blocks long pages carry: thumbnails, related links, scripts
        news = 1 + (len(pad) * 3 + k) % s.items["news"]
        title = escape(_item_title(s, "news", news))
        block = (
            f'<div class="box{len(pad) % 7} clearfix" style="margin-top:10px;padding:5px 8px;border:1px solid #e5e5e5">'
            f'<div class="pic"><a href="{_detail(s, "news", news)}" target="_blank"><img src="/uploads/allimg/'
            f'2024{rng.randint(10, 12)}/{rng.randint(1000, 9999)}-1.jpg" width="220" height="160" border="0" '
            f'onerror="this.src=\'/images/nopic.gif\'"></a></div><div class="txt"><a href="{_detail(s, "news", news)}" '
            f'title="{title}" class="t">{title}</a><span class="date">2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}'
            f"</span></div></div>"
        )
        if len(pad) % 4 == 3:
            block += f"<p>{_filler(s, rng, 1)}</p><script>{C.SCRIPT_BLOCK.replace('{k}', str(len(pad)))}</script>"
        pad.append(block)
        size += len(block) * (wide if s.lang == "zh" else 1) // (2 if s.lang == "zh" else 1)
    return head + top + "".join(pad) + foot
