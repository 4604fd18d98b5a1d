"""Parse a page once: the derived views every extractor reads.

`ParsedPage.text` is the visible text with one line per block element (see `visible`).
`ParsedPage.folded` is the same text after `text.fold`, same length, for matching (spaced-out labels
such as "地　址：" joined, see `text.join_spaced_labels`).

What extractors need from the markup itself (structured data, mailto: links) is taken at parse
time, so neither the tree nor the HTML outlives the parse: a crawl holds every kept page of 64
sites at once until each site is analysed. Case pages keep the texts of their list items (the
client lists are read from the item markup, see `case_items`); every page keeps its logo walls
and name strips with their captions (`captioned`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import repeat
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from prospect_intel.core.models import PageDoc

from .captioned import ATTRIBUTE_ANCHORS, CaptionedList, captioned_lists
from .case_items import Shape, case_item_texts
from .needles import CaseBlindLiterals
from .structured import MARKERS, extract_items
from .text import collapse, fold, is_cjk, join_spaced_labels
from .visible import visible_text

_MAILTO = re.compile(r"mailto:\s*([^\s\"'<>?]+)", re.IGNORECASE)
# Structured-data markers and mailto:, found in the raw markup in any case (see CaseBlindLiterals).
_MARKUP_MARKS = CaseBlindLiterals((*MARKERS, "mailto", *ATTRIBUTE_ANCHORS))
_ITEM_ROLES = ("cases",)

_ARTICLE_PATH = re.compile(
    r"/(?:blog|blogs|news|article|articles|post|posts|xwzx|xwdt|news_?\w*|hyxw|gsxw|zixun)"
    r"(?:/|\.|_|$)", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedPage:
    """One page parsed once; extractors read these fields and never re-parse the HTML."""

    page: PageDoc  # its `html` emptied once parsed
    text: str
    folded: str
    title: str
    description: str
    lang: str
    is_article: bool
    items: tuple[dict[str, Any], ...] = ()  # schema.org items (JSON-LD, microdata, RDFa)
    mailto: tuple[str, ...] = ()  # addresses of mailto: links, as written
    case_items: tuple[tuple[Shape, str], ...] = ()  # case pages: (shape, text) of list items
    lists: tuple[CaptionedList, ...] = ()  # logo walls and name strips, with their captions

    @property
    def url(self) -> str:
        return self.page.url

    @cached_property
    def line_set(self) -> frozenset[str]:
        """The distinct lines of `text` (navigation and footers are found by counting them over
        a site's pages, by more than one extractor)."""
        return frozenset(self.text.split("\n"))

    @property
    def role(self) -> str:
        return self.page.role


def parse_page(page: PageDoc, tree: lxml.html.HtmlElement | None = None,
               text: str | None = None) -> ParsedPage:
    """Parse `page.html` with lxml; a caller that parsed it already (the crawler) passes the
    `tree` and its visible `text`. An unparsable page yields empty text and no items."""
    if tree is None:
        tree = parse_html(page.html)
    if text is None:
        text = visible_text(tree) if tree is not None else ""
    head = tree.find("head") if tree is not None else None
    title = page.title or _title(tree, head)
    article = bool(_ARTICLE_PATH.search(urlsplit(page.url).path))
    marks = _MARKUP_MARKS.starts(page.html)
    markers = frozenset(marks).intersection(MARKERS)
    items = tuple(extract_items(tree, markers)) if tree is not None and markers else ()
    mailto = _mailto_addresses(page.html, marks.get("mailto", ()))
    case_items = case_item_texts(tree) if page.role in _ITEM_ROLES else ()
    folded = join_spaced_labels(fold(text))
    return ParsedPage(page=replace(page, html=""), text=text, folded=folded, title=collapse(title),
                      description=collapse(_description(tree, head)), lang="zh" if is_cjk(text) else "en",
                      is_article=article, items=items, mailto=mailto, case_items=case_items,
                      lists=captioned_lists(tree, set(marks).intersection(ATTRIBUTE_ANCHORS)))


def _mailto_addresses(html: str, starts: Sequence[int]) -> tuple[str, ...]:
    """Addresses after each `mailto:` (any case) of the markup, tried only where one starts."""
    return tuple(match.group(1) for match in map(_MAILTO.match, repeat(html), starts) if match)


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """The lxml tree of `html`, or None when there is nothing to parse."""
    if not html or html.isspace():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        try:
            return lxml.html.document_fromstring(html.encode("utf-8", "replace"))
        except (etree.ParserError, ValueError):
            return None


# Compiled once: `element.xpath(query)` compiles its query on every call, which costs three times
# the lookup itself.
_TITLE_TEXTS = etree.XPath("//title//text()")
_DESCRIPTION_QUERY = "meta[@name='description' or @name='Description']/@content"
_DESCRIPTION_IN_HEAD = etree.XPath(_DESCRIPTION_QUERY)
_DESCRIPTION_ANYWHERE = etree.XPath("//" + _DESCRIPTION_QUERY)


def _title(tree: lxml.html.HtmlElement | None, head: lxml.html.HtmlElement | None) -> str:
    """The <title> text (looked up in <head> when there is one: a whole-tree scan costs a tenth of a
    parse, and the parser puts the title there)."""
    found = head.find("title") if head is not None else None
    if found is not None:
        return found.text_content()
    return _first(tree, _TITLE_TEXTS)


def _description(tree: lxml.html.HtmlElement | None, head: lxml.html.HtmlElement | None) -> str:
    """The meta description, from <head> when the page has one (as for the title)."""
    return _first(head, _DESCRIPTION_IN_HEAD) if head is not None else _first(tree, _DESCRIPTION_ANYWHERE)


def _first(tree: lxml.html.HtmlElement | None, query: etree.XPath) -> str:
    if tree is None:
        return ""
    found = query(tree)
    return str(found[0]) if found else ""
