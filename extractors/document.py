"""Parse a page once: the lxml tree plus the derived views every extractor reads.

`ParsedPage.text` is the visible text with one line per block element (and a space between
inline elements, so numbers printed in adjacent <span>s never fuse). `ParsedPage.folded` is the
same text after `text.fold`, same length, for matching.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from prospect.models import PageDoc

from .text import collapse, fold, is_cjk

_SKIP = {"script", "style", "noscript", "template", "svg", "select", "textarea", "iframe",
         "object", "head"}
_GLUE = {"b", "strong", "em", "i", "u", "font", "sup", "sub", "small", "big", "abbr"}
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3",
          "h4", "h5", "h6", "section", "article", "header", "footer", "nav", "aside", "dd",
          "dt", "dl", "form", "blockquote", "address", "main", "figure", "figcaption", "hr",
          "pre", "center", "button", "label", "option"}
_ARTICLE_PATH = re.compile(
    r"/(?:blog|blogs|news|article|articles|post|posts|xwzx|xwdt|news_?\w*|hyxw|gsxw|zixun)"
    r"(?:/|\.|_|$)", re.IGNORECASE)


# Inline element boundary: a space between Latin words and digits, nothing next to CJK text.
_SOFT = "\x1f"
_WIDE = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_SOFT_WIDE = re.compile(rf"(?<=[{_WIDE}])[{_SOFT} \t]*{_SOFT}[{_SOFT} \t]*|"
                        rf"[{_SOFT} \t]*{_SOFT}[{_SOFT} \t]*(?=[{_WIDE}])")


@dataclass(frozen=True)
class ParsedPage:
    """One page parsed once; extractors read these fields and never re-parse the HTML."""

    page: PageDoc
    tree: lxml.html.HtmlElement | None
    text: str
    folded: str
    title: str
    description: str
    lang: str
    is_article: bool

    @property
    def url(self) -> str:
        return self.page.url

    @property
    def role(self) -> str:
        return self.page.role


def parse_page(page: PageDoc) -> ParsedPage:
    """Parse `page.html` with lxml; an unparsable page yields an empty tree and text."""
    tree = _parse(page.html)
    text = visible_text(tree) if tree is not None else ""
    title = page.title or _first(tree, "//head/title//text()") or _first(tree, "//title//text()")
    description = _first(tree, "//meta[@name='description' or @name='Description']/@content")
    article = bool(_ARTICLE_PATH.search(urlsplit(page.url).path))
    return ParsedPage(page=page, tree=tree, text=text, folded=fold(text), title=collapse(title),
                      description=collapse(description), lang="zh" if is_cjk(text) else "en",
                      is_article=article)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    if not html or not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        try:
            return lxml.html.document_fromstring(html.encode("utf-8", "replace"))
        except (etree.ParserError, ValueError):
            return None


def _first(tree: lxml.html.HtmlElement | None, xpath: str) -> str:
    if tree is None:
        return ""
    found = tree.xpath(xpath)
    return str(found[0]) if found else ""


def visible_text(tree: lxml.html.HtmlElement) -> str:
    """Visible text, one line per block element; inline boundaries become spaces."""
    parts: list[str] = []
    _walk(tree, parts)
    text = _SOFT_WIDE.sub("", "".join(parts)).replace(_SOFT, " ")
    lines = (collapse(line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(node: etree._Element, parts: list[str]) -> None:
    tag = node.tag if isinstance(node.tag, str) else ""
    tag = tag.lower()
    if tag in _SKIP or not isinstance(node.tag, str):
        if node.tail:
            parts.append(_flat(node.tail))
        return
    sep = "\n" if tag in _BLOCK else ("" if tag in _GLUE else _SOFT)
    parts.append(sep)
    if node.text:
        parts.append(_flat(node.text) if tag != "pre" else node.text)
    for child in node:
        _walk(child, parts)
    parts.append(sep)
    if node.tail:
        parts.append(_flat(node.tail))


def _flat(text: str) -> str:
    """Source line breaks inside a text node are spaces; only blocks make lines."""
    return re.sub(r"[\r\n]+", " ", text)
