"""The mock web: N prospect sites generated on demand from a seed, never stored.

Site `i` is `site{i}.bench.test`. Its language, encoding, size, page tree, company facts and
whether it is slow or failing all follow from `random.Random(seed, i)`; a page is rendered from
templates when it is requested (`render`). Chinese sites use pinyin paths (`/gsjj.html`,
`/cpzx/list_2.html`), English ones plain words; lists paginate eight items a page; every page
carries navigation, a sidebar, a footer and inline script/style, padded to 20-60 KB.
"""
from __future__ import annotations

import json
import math
import random
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

from bench import content as C

HOST = re.compile(r"^site(\d+)\.bench\.test(?::\d+)?$")
PER_LIST_PAGE = 8
SLOW_SHARE, FAILING_SHARE = 0.01, 0.03
FAILURES = ("error500", "notfound", "reset", "robots_all")
ROBOTS = "User-agent: *\nDisallow: /admin/\nDisallow: /search\n"
_SHARES = (("products", 0.4), ("cases", 0.25), ("news", 0.35))
_PATHS = {
    "zh": {"about": "/gsjj.html", "contact": "/lxwm.html", "jobs": "/rczp.html", "downloads": "/xzzx.html",
           "products": "cpzx", "cases": "gcal", "news": "xwzx", "list": "list_{k}.html"},
    "en": {"about": "/about-us.html", "contact": "/contact.html", "jobs": "/careers.html",
           "downloads": "/downloads.html", "products": "products", "cases": "projects", "news": "news",
           "list": "page-{k}.html"},
}


@dataclass(frozen=True)
class Site:
    index: int
    seed: int
    lang: str
    encoding: str  # utf-8 | gbk
    charset_header: bool
    kind: str  # ok | slow | one of FAILURES
    items: dict  # section -> number of detail pages
    name: str
    city: str
    founded: int
    capital_wan: int
    staff: int
    address: str
    phones: tuple[str, ...]
    brands: tuple[str, ...]
    clients: tuple[str, ...]

    @property
    def host(self) -> str:
        return f"site{self.index}.bench.test"

    def paths(self) -> list[str]:
        """Every page of the site, home first."""
        p = _PATHS[self.lang]
        out = ["/", p["about"], p["contact"], p["jobs"], p["downloads"]]
        for section, count in self.items.items():
            out += [list_path(self, section, k) for k in range(1, list_pages(count) + 1)]
            out += [f"/{p[section]}/{k}.html" for k in range(1, count + 1)]
        return out


def list_pages(count: int) -> int:
    return max(1, math.ceil(count / PER_LIST_PAGE))


def list_path(site: Site, section: str, k: int) -> str:
    p = _PATHS[site.lang]
    return f"/{p[section]}/" if k == 1 else f"/{p[section]}/" + p["list"].format(k=k)


@lru_cache(maxsize=4096)
def site(seed: int, index: int) -> Site:
    rng = random.Random(seed * 1_000_003 + index)
    lang = "zh" if rng.random() < 0.6 else "en"
    encoding = "gbk" if lang == "zh" and rng.random() < 0.35 else "utf-8"
    roll = rng.random()
    kind = "slow" if roll < SLOW_SHARE else rng.choice(FAILURES) if roll < SLOW_SHARE + FAILING_SHARE else "ok"
    total = rng.randint(15, 60)
    rest = total - 5
    items = {s: max(1, round(rest * share * PER_LIST_PAGE / (PER_LIST_PAGE + 1))) for s, share in _SHARES}
    city = rng.choice(C.ZH_CITIES if lang == "zh" else C.EN_CITIES)
    if lang == "zh":
        name = f"{city}市{''.join(rng.sample(C.ZH_NAME_PARTS, 2))}{rng.choice(C.ZH_INDUSTRY)}有限公司"
        address = f"{city}市{rng.choice(C.ZH_DISTRICTS)}" + rng.choice(C.ZH_BUILDINGS).format(
            p="".join(rng.sample(C.ZH_NAME_PARTS, 2)), n=rng.randint(2, 30), r=rng.randint(101, 2808),
            t=rng.choice("ABCDE"))
        area = rng.choice(("0755", "020", "021", "010", "0571", "025", "028"))
        phones = tuple(f"{area}-{rng.randint(20000000, 89999999)}" for _ in range(rng.randint(1, 4)))
        brands = tuple(rng.sample(C.ZH_BRANDS, rng.randint(2, 5)))
        clients = tuple(c.format(c=rng.choice(C.ZH_CITIES)) for c in rng.sample(C.ZH_CLIENTS, 8))
    else:
        name = f"{rng.choice(C.EN_NAME_PARTS)} {rng.choice(C.EN_INDUSTRY)} {rng.choice(('Inc.', 'LLC', 'Ltd'))}"
        address = rng.choice(C.EN_BUILDINGS).format(p=rng.choice(C.EN_NAME_PARTS), n=rng.randint(10, 9999),
                                                    r=rng.randint(100, 900), t=rng.randint(1, 40)) + f", {city}"
        phones = tuple(f"({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}"
                       for _ in range(rng.randint(1, 3)))
        brands = tuple(rng.sample(C.EN_BRANDS, rng.randint(2, 5)))
        clients = tuple(c.format(c=rng.choice(C.EN_CITIES)) for c in rng.sample(C.EN_CLIENTS, 8))
    return Site(index, seed, lang, encoding, rng.random() < 0.5, kind, items, name, city,
                rng.randint(1995, 2020), rng.choice((50, 100, 200, 300, 500, 1000, 2000, 5000)),
                rng.choice((6, 8, 12, 15, 20, 35, 50, 80, 120, 200)), address, phones, brands, clients)


def site_for_host(seed: int, host: str, max_sites: int) -> Site | None:
    match = HOST.match(host.lower())
    if not match or int(match.group(1)) >= max_sites:
        return None
    return site(seed, int(match.group(1)))


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    body: bytes


def robots(s: Site) -> Reply:
    text = "User-agent: *\nDisallow: /\n" if s.kind == "robots_all" else ROBOTS
    return Reply(200, "text/plain", text.encode())


def scripted(s: Site, share: float) -> bool:
    """Whether a site draws its pages with a script (`share` of the sites, the same ones each run)."""
    return share > 0 and zlib.crc32(s.host.encode()) % 10_000 < share * 10_000


def script_shell(html: str) -> str:
    """The page as a script-drawn site serves it: its title, an empty mount point, and a script
    that writes the body in (what a browser shows is the page; the HTML has no text)."""
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    body = re.search(r"<body[^>]*>(.*)</body>", html, re.S)
    inner = json.dumps(body.group(1) if body else html).replace("</", "<\\/")
    return (f"<html><head><meta charset=\"utf-8\"><title>{title.group(1) if title else ''}</title></head>"
            f"<body><div id=\"app\"></div><script>document.getElementById('app').innerHTML = {inner};"
            "</script></body></html>")


def render(s: Site, path: str, scripted_share: float = 0.0) -> Reply:
    """The response for one path of a site (404 for unknown paths); a site drawn by scripts
    (`scripted`) serves its pages as shells."""
    from bench.pages import page_html, page_role

    if s.kind == "error500":
        return Reply(500, "text/html", b"<html><body><h1>500 Internal Server Error</h1></body></html>")
    role = page_role(s, path)
    if role is None or (s.kind == "notfound" and path == "/"):
        return Reply(404, "text/html", b"<html><body><h1>404 Not Found</h1></body></html>")
    rng = random.Random((s.seed * 1_000_003 + s.index) ^ zlib.crc32(path.encode()))
    html = page_html(s, path, role, rng)
    if scripted(s, scripted_share):
        html = script_shell(html)
        return Reply(200, "text/html; charset=utf-8", html.encode("utf-8"))
    if s.encoding == "gbk":
        ctype = "text/html; charset=gbk" if s.charset_header else "text/html"
        return Reply(200, ctype, html.encode("gbk", "xmlcharrefreplace"))
    return Reply(200, "text/html; charset=utf-8", html.encode("utf-8"))
