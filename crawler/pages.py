"""Read one decoded page once: its title, headings, visible text, links and role.

The page is parsed a single time with parsel (lxml); everything the crawl needs from it is taken
from that one tree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsel import Selector

from crawler.linkrank import (
    is_low_value_text,
    is_low_value_url,
    normalise_text,
    role_scores_for_text,
    role_scores_for_url,
)
from crawler.role_keywords import KEY_ROLES

MAX_TEXT_CHARS = 200_000
MAX_LINKS_PER_PAGE = 1000

_TITLE_SEPARATORS = re.compile(r"\s*[-|_–—·:：»>/]+\s*|\s{2,}")
_SPACES = re.compile(r"\s+")
_JS_REDIRECT = re.compile(
    r"""(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*=\s*["']([^"']+)["']"""
    r"""|location\.replace\(\s*["']([^"']+)["']\s*\)""",
)
_BREADCRUMB_XPATH = (
    "//*[contains(@class,'crumb') or contains(@class,'bread') or contains(@class,'position')"
    " or contains(@class,'weizhi') or contains(@class,'dqwz') or contains(@id,'crumb')"
    " or contains(@id,'position')]"
)
_BREADCRUMB_LEAD_XPATH = "//body//*[text()[%s]]" % " or ".join(
    f"starts-with(normalize-space(.), '{lead}')"
    for lead in ("当前位置", "您的位置", "你的位置", "所在位置", "目前位置", "您现在的位置", "You are here")
)


@dataclass(frozen=True)
class Link:
    url: str
    anchor: str


@dataclass(frozen=True)
class PageFacts:
    title: str
    headings: tuple[str, ...]
    breadcrumb: str
    text: str
    links: tuple[Link, ...]


def read_page(html: str, base_url: str) -> PageFacts:
    """Parse the page once and take what the crawl needs from it."""
    sel = Selector(text=html or "<html></html>", type="html", base_url=base_url)
    base = sel.xpath("//base/@href").get()
    join_base = _join(base_url, base.strip()) if base else base_url
    return PageFacts(
        title=_clean(" ".join(sel.xpath("//title//text()").getall()))[:300],
        headings=tuple(_clean(h) for h in sel.xpath("//h1 | //h2").xpath("normalize-space(.)").getall()[:4]),
        breadcrumb=_breadcrumb(sel),
        text=_visible_text(sel),
        links=tuple(_links(sel, join_base, html)),
    )


def _join(base: str, href: str) -> str:
    from urllib.parse import urljoin

    return urljoin(base, href)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _visible_text(sel: Selector) -> str:
    parts = sel.xpath(
        "//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]"
    ).getall()
    if not parts:
        parts = sel.xpath("//text()[not(ancestor::script) and not(ancestor::style)]").getall()
    return _clean(" ".join(parts))[:MAX_TEXT_CHARS]


def _breadcrumb(sel: Selector) -> str:
    for text in sel.xpath(_BREADCRUMB_XPATH).xpath("normalize-space(.)").getall()[:3]:
        if 0 < len(text) <= 120:
            return text
    for text in sel.xpath(_BREADCRUMB_LEAD_XPATH).xpath("normalize-space(.)").getall()[:1]:
        if len(text) <= 120:
            return text
    return ""


def _links(sel: Selector, base: str, html: str) -> list[Link]:
    links = []
    for node in sel.xpath("//a[@href] | //area[@href]")[:MAX_LINKS_PER_PAGE]:
        href = (node.attrib.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
            continue
        anchor = node.xpath("normalize-space(.)").get() or ""
        if not anchor:
            anchor = node.attrib.get("title") or " ".join(node.xpath(".//img/@alt").getall())
        links.append(Link(_join(base, href), _clean(anchor)[:200]))
    for src in sel.xpath("//frame/@src | //iframe/@src").getall():
        if src.strip():
            links.append(Link(_join(base, src.strip()), ""))
    if len(links) < 3:
        for match in _JS_REDIRECT.finditer(html[:20000]):
            target = match.group(1) or match.group(2)
            if target and not target.startswith(("javascript:", "#")):
                links.append(Link(_join(base, target), ""))
    return links


def title_segments(title: str, home_title: str) -> list[str]:
    """Parts of a page title that are not the site-wide part shared with the home page."""
    home_parts = {normalise_text(p) for p in _TITLE_SEPARATORS.split(home_title) if p.strip()}
    return [p for p in _TITLE_SEPARATORS.split(title) if p.strip() and normalise_text(p) not in home_parts]


def classify_role(
    url: str,
    facts: PageFacts,
    *,
    home_title: str,
    anchors: list[str],
    inherited_role: str | None,
) -> str:
    """The page's role among about/products/cases/contact, else `other` (home is decided by the caller).

    `inherited_role` is the role of the list page this page was reached from as a list item or
    a pagination link (a case detail under a case list); it alone is enough for that role.
    """
    scores = dict.fromkeys(KEY_ROLES, 0.0)
    weak = 0.0

    def add(found: dict[str, float], weight: float) -> None:
        for role, value in found.items():
            scores[role] += value * weight

    segments = title_segments(facts.title, home_title)
    for segment in segments:
        add(role_scores_for_text(segment), 1.5)
    for anchor in anchors[:5]:
        add(role_scores_for_text(anchor), 1.5)
    crumb_tail = _TITLE_SEPARATORS.split(facts.breadcrumb)[-2:] if facts.breadcrumb else []
    if any(is_low_value_text(part) for part in crumb_tail):
        return "other"  # the site itself files the page under news, jobs, downloads...
    for part in crumb_tail:
        add(role_scores_for_text(part), 1.0)
    for heading in facts.headings[:2]:
        add(role_scores_for_text(heading), 0.5)
    add(role_scores_for_url(url), 2.0)
    if inherited_role in KEY_ROLES:
        scores[inherited_role] += 2.5
    labels = [*anchors[:3], *segments[:2]]
    if any(is_low_value_text(label) for label in labels) or is_low_value_url(url):
        weak = 5.0
    role = max(KEY_ROLES, key=lambda r: (scores[r], -KEY_ROLES.index(r)))
    if scores[role] >= 2.5 and scores[role] > weak:
        return role
    return "other"
