"""Read one decoded page once: its title, headings, visible text, links and role.

The page is parsed a single time with lxml; everything the crawl needs from it is taken from
that one tree, and the tree is handed on (`PageFacts.tree`) so that the extractors do not parse
the page again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

from lxml import etree

from prospect_intel.core.document import parse_html
from prospect_intel.core.visible import visible_text
from prospect_intel.crawler.keywords.roles import KEY_ROLES
from prospect_intel.crawler.linkrank import (
    is_low_value_text,
    is_low_value_url,
    normalise_text,
    role_scores_for_text,
    role_scores_for_url,
)
from prospect_intel.crawler.outline import Outline, outline

MAX_TEXT_CHARS = 200_000
MAX_LINKS_PER_PAGE = 1000

_TITLE_SEPARATORS = re.compile(r"\s*[-|_–—·:：»>/]+\s*|\s{2,}")
_JS_REDIRECT = re.compile(
    r"""(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*=\s*["']([^"']+)["']"""
    r"""|location\.replace\(\s*["']([^"']+)["']\s*\)""",
)
# Breadcrumb containers: class names holding these marks, ids holding the first two.
_CRUMB_CLASS_MARKS = ("crumb", "position", "bread", "weizhi", "dqwz")
_CRUMB_ID_MARKS = _CRUMB_CLASS_MARKS[:2]
_CRUMB_MARK = re.compile("|".join(_CRUMB_CLASS_MARKS))
_TAG_ATTRIBUTE = re.compile(r"""\b(class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)[\s/>]")
_BREADCRUMB_XPATH = "//*[%s]" % " or ".join(
    [f"contains(@class,'{mark}')" for mark in _CRUMB_CLASS_MARKS]
    + [f"contains(@id,'{mark}')" for mark in _CRUMB_ID_MARKS]
)
_CRUMB_LEADS = ("当前位置", "您的位置", "你的位置", "所在位置", "目前位置", "您现在的位置", "You are here")
_BREADCRUMB_LEAD_XPATH = "//body//*[text()[%s]]" % " or ".join(
    f"starts-with(normalize-space(.), '{lead}')" for lead in _CRUMB_LEADS
)
_SKIPPED_HREFS = ("#", "javascript:", "mailto:", "tel:", "data:")


class Link(NamedTuple):
    """A link found on a page (a named tuple: a page holds hundreds, and tuples are cheap)."""

    url: str
    anchor: str


@dataclass(frozen=True)
class PageFacts:
    title: str
    headings: tuple[str, ...]
    breadcrumb: str
    text: str
    links: tuple[Link, ...]
    tree: etree._Element | None = None


def read_page(html: str, base_url: str) -> PageFacts:
    """Parse the page once and take what the crawl needs from it."""
    tree = parse_html(html)
    if tree is None:  # nothing to parse: an empty document, so every field below is empty
        tree = parse_html("<html></html>")
    found = outline(tree)
    base = found.base.strip()
    join_base = urljoin(base_url, base) if base else base_url
    return PageFacts(
        title=_clean(found.title)[:300],
        headings=tuple(_clean(h) for h in found.headings),
        breadcrumb=_breadcrumb(tree, html),
        text=visible_text(tree)[:MAX_TEXT_CHARS],
        links=tuple(_links(found, join_base, html)),
        tree=tree,
    )


def _clean(text: str) -> str:
    return " ".join(text.split())


def _breadcrumb(tree: etree._Element, html: str) -> str:
    """The "you are here" trail, if the page has one."""
    for node in _crumb_nodes(tree, html)[:3]:
        text = _clean(node.text_content())
        if 0 < len(text) <= 120:
            return text
    if any(lead in html for lead in _CRUMB_LEADS):
        for node in tree.xpath(_BREADCRUMB_LEAD_XPATH)[:1]:
            text = _clean(node.text_content())
            if len(text) <= 120:
                return text
    return ""


def _crumb_nodes(tree: etree._Element, html: str) -> list[etree._Element]:
    """Elements whose class or id marks a breadcrumb, in document order.

    An XPath scan of every element with seven `contains()` tests cost more than parsing the page,
    so the markup is searched for the marks first; only tags whose class or id holds one are
    looked up, by tag name and exact attribute value (the full scan stays as the fallback for
    values the parser decoded differently, e.g. entities).
    """
    wanted: dict[tuple[str, str], None] = {}
    tags: dict[str, None] = {}
    for match in _CRUMB_MARK.finditer(html):
        start = html.rfind("<", 0, match.start())
        end = html.find(">", start)
        if start < 0 or end < match.start():
            continue  # not inside a tag: text, a style block, a script
        tag = html[start:end]
        name = _TAG_NAME.match(tag)
        for attribute in _TAG_ATTRIBUTE.finditer(tag):
            kind = attribute.group(1).lower()
            value = next(v for v in attribute.groups()[1:] if v is not None)
            if any(mark in value for mark in (_CRUMB_CLASS_MARKS if kind == "class" else _CRUMB_ID_MARKS)):
                wanted[(kind, value)] = None
                if name:
                    tags[name.group(1).lower()] = None
    if not wanted:
        return []
    tests = " or ".join(f"@{kind}=$v{i}" for i, (kind, _) in enumerate(wanted))
    values = {f"v{i}": value for i, (_, value) in enumerate(wanted)}
    query = " | ".join(f"//{tag}[{tests}]" for tag in tags) or f"//*[{tests}]"
    return tree.xpath(query, **values) or tree.xpath(_BREADCRUMB_XPATH)


def _links(found: Outline, base: str, html: str) -> list[Link]:
    join = _Joiner(base)
    links = []
    for href, anchor in found.links[:MAX_LINKS_PER_PAGE]:
        href = href.strip()
        if href and not href.startswith(_SKIPPED_HREFS):
            links.append(Link(join(href), _clean(anchor)[:200]))
    for src in found.frames:
        if src.strip():
            links.append(Link(join(src.strip()), ""))
    if len(links) < 3:
        for match in _JS_REDIRECT.finditer(html[:20000]):
            target = match.group(1) or match.group(2)
            if target and not target.startswith(("javascript:", "#")):
                links.append(Link(join(target), ""))
    return links


class _Joiner:
    """`urljoin(base, href)`, with the two common cases done without parsing the URL again."""

    def __init__(self, base: str):
        self.base = base
        parts = urlsplit(base)
        self.origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""

    def __call__(self, href: str) -> str:
        if href.startswith(("http://", "https://")):
            return href  # urljoin returns an absolute URL with a lower-case scheme as it is
        if self.origin and href.startswith("/") and not href.startswith("//") and "/." not in href \
                and "\\" not in href:
            return self.origin + href
        return urljoin(self.base, href)


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
