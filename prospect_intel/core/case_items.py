"""The item texts of a case (reference project) page, read from its markup when it is parsed.

Headings, titled elements, list items, table cells and logo alt texts, each with its "shape"
(which list or table column it belongs to), so `references` can find the lists of two or more
siblings that name clients. Taken at parse time so the page's tree need not be kept until the
whole site is analysed. Navigation, headers, footers, forms and the site logo are left out.
"""
from __future__ import annotations

import re
from typing import Any

from lxml import etree

from .furniture import FURNITURE, outside_furniture
from .text import collapse
from .visible import BLOCK, TEXT_NODES, broken_text

Shape = tuple[str, str, str]

_OUTSIDE = outside_furniture((*FURNITURE, "aside"))
# Item-like elements (headings, elements whose class says they hold a title or a name, a company's
# or a client's, list items and cells and their links, terms and their descriptions (a case grid's
# <dt> image over its <dd> name), logo images, titled links) outside
# navigation, headers, footers and forms. The ancestor
# test runs in libxml2, so no Python object is made for the elements it drops; classes are
# tested on the class attributes only (`//@class`), not on every element.
_ITEMS = etree.XPath(
    "(//h2|//h3|//h4|//h5|//h6|//@class[contains(.,'title') or contains(.,'name') or contains(.,'company')"
    " or contains(.,'client') or contains(.,'customer')]/.."
    "|//li|//li/a|//th|//td|//td/a|//dt|//dd|//img[@alt]|//a[@title])"
    f"[{_OUTSIDE}]")
_HOME_HREF = re.compile(r"(?:\.?/|\.\./)*(?:index\.\w+)?|#?")
# Links to the site's machine-read files (its feed, its sitemap), not to an entry: "RSS", "XML".
_FEED_HREF = re.compile(r"(?i)\.xml$|\brss\b|\bsitemap\b|\batom\b|/feed/?$")
# Links to the entries of a list (case studies, projects): their targets share one address
# pattern, differing by a number (/shili/anli/85.html, /shili/anli/86.html; pid5.html, pid6.html).
_LINKS = etree.XPath(f"//a[@href][{_OUTSIDE}]")
_DIGITS = re.compile(r"\d+")
_NOT_PAGES = ("javascript:", "mailto:", "tel:", "#")
LINK = "link"  # the shape kind of an entry link: (LINK, its target's pattern, "")


def case_item_texts(tree: etree._Element | None) -> tuple[tuple[Shape, str], ...]:
    """(shape, text) of every item-like element of the page, in document order."""
    if tree is None:
        return ()
    found = []
    paths: dict[Any, str] = {}  # element -> its path, for the lists and tables items share
    for el in _ITEMS(tree):
        if _home_link(el) or _feed_link(el):
            continue
        raw = el.get("alt") if el.tag == "img" else (el.get("title") if el.tag == "a" and
                                                     el.get("title") else broken_text(el))
        text = collapse(raw or "")
        if text:
            found.append((_shape(el, paths), text))
    return tuple(found) + _entry_links(tree)


def _entry_links(tree: etree._Element) -> tuple[tuple[Shape, str], ...]:
    """(shape, text) of each link whose target has a number in its address, the shape naming the
    address pattern: the entries of one list share it. An image link gives its image's alt; a
    text cut short ("五星小学防刻划环氧自流…") gives the whole title its link carries."""
    found = []
    for el in _LINKS(tree):
        href = (el.get("href") or "").strip().split("#")[0].split("?")[0]
        if not _DIGITS.search(href) or href.lower().startswith(_NOT_PAGES):
            continue
        text = _first_block_text(el) or collapse(el.text_content())
        title = collapse(el.get("title") or "")
        if not text:
            image = next(el.iter("img"), None)
            text = collapse(image.get("alt") or "") if image is not None else ""
        if title and text and title != text and title.startswith(text.rstrip(".…")):
            text = title  # a title cut short on the page, whole in the link's title
        if text:
            found.append(((LINK, _DIGITS.sub("#", href), ""), text))
    return tuple(found)


_BLOCKS = frozenset(BLOCK)  # elements the visible text starts a line at: a card's caption, heading, paragraph


def _first_block_text(link: Any) -> str:
    """The text of the first block of a link that holds several, with letters in it: a case card's
    title over its description (<figcaption>仓库监控<div><p>位于深圳市西丽的物流仓库…</p></div>).
    Empty when the whole link is one block (inline parts of one title stay together)."""
    groups: dict[Any, list[str]] = {}
    for node in TEXT_NODES(link):
        if node.strip():
            groups.setdefault(_block_of(node, link), []).append(node)
    if len(groups) < 2:
        return ""
    return next((text for text in (collapse(" ".join(parts)) for parts in groups.values())
                 if _LETTERS.search(text)), "")


_LETTERS = re.compile(r"[^\W\d_]")


def _block_of(node: Any, link: Any) -> Any:
    """The nearest block element (or the link) holding a text node of the link."""
    el = node.getparent()
    if node.is_tail:
        el = el.getparent()
    while el is not None and el is not link and el.tag not in _BLOCKS:
        el = el.getparent()
    return link if el is None else el


def _feed_link(el: Any) -> bool:
    return el.tag == "a" and _FEED_HREF.search((el.get("href") or "").strip().split("?")[0]) is not None


def _home_link(el: Any) -> bool:
    """The site logo: an image or link pointing back to the home page (an <a> without an href, a
    card a script opens, points nowhere)."""
    link = el if el.tag == "a" else next((a for a in el.iterancestors("a")), None)
    href = link.get("href") if link is not None else None
    return href is not None and _HOME_HREF.fullmatch(href.strip()) is not None


def _shape(el: Any, paths: dict[Any, str]) -> Shape:
    """Siblings of one list: table cells by (table, column), the header cell (th) with its
    column, list items by their list."""
    parent = el.getparent()
    if parent is None:
        return (el.tag, el.get("class", ""), "")
    if el.tag in ("td", "th"):
        table = next(el.iterancestors("table"), None)
        return ("td", str(parent.index(el)), _path(table if table is not None else parent, paths))
    if el.tag == "li":
        return ("li", el.get("class", ""), _path(parent, paths))
    return (el.tag, el.get("class", ""), parent.tag)


def _path(el: Any, paths: dict[Any, str]) -> str:
    path = paths.get(el)
    if path is None:
        path = paths[el] = el.getroottree().getpath(el)
    return path
