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

from .text import collapse

Shape = tuple[str, str, str]

_ITEM_XPATH = ("//h2|//h3|//h4|//h5|//h6|//*[contains(@class,'title') or contains(@class,'name')]"
               "|//li|//li/a|//td|//td/a|//dt|//img[@alt]|//a[@title]")
_SKIP_ANCESTORS = {"nav", "header", "footer", "aside", "form", "select"}
_HOME_HREF = re.compile(r"(?:\.?/|\.\./)*(?:index\.\w+)?|#?")


def case_item_texts(tree: etree._Element | None) -> tuple[tuple[Shape, str], ...]:
    """(shape, text) of every item-like element of the page, in document order."""
    if tree is None:
        return ()
    found = []
    for el in tree.xpath(_ITEM_XPATH):
        if any(a.tag in _SKIP_ANCESTORS for a in el.iterancestors()) or _home_link(el):
            continue
        raw = el.get("alt") if el.tag == "img" else (el.get("title") if el.tag == "a" and
                                                     el.get("title") else el.text_content())
        text = collapse(raw or "")
        if text:
            found.append((_shape(el), text))
    return tuple(found)


def _home_link(el: Any) -> bool:
    """The site logo: an image or link pointing back to the home page."""
    link = el if el.tag == "a" else next((a for a in el.iterancestors("a")), None)
    href = (link.get("href") or "").strip() if link is not None else None
    return href is not None and _HOME_HREF.fullmatch(href) is not None


def _shape(el: Any) -> Shape:
    """Siblings of one list: table cells by (table, column), list items by their list."""
    parent = el.getparent()
    if parent is None:
        return (el.tag, el.get("class", ""), "")
    if el.tag == "td":
        table = parent.getparent()
        return ("td", str(parent.index(el)), el.getroottree().getpath(table))
    if el.tag == "li":
        return ("li", el.get("class", ""), el.getroottree().getpath(parent))
    return (el.tag, el.get("class", ""), parent.tag)
