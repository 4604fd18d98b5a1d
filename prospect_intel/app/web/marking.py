"""Mark the quoted snippet in a saved copy, so the copy opens scrolled to it, highlighted.

The saved copy runs no script, so the browser's own fragment navigation does the scrolling: the
first text of the page that reads like the quote is wrapped in `<mark id="prospect-snippet">`
and the frame opens `#prospect-snippet`. The mark holds the page's own text (the quote only
chooses where), so nothing a query string carries reaches the page.
"""
from __future__ import annotations

import re
from typing import Any

import lxml.html
from lxml import etree

MARK_ID = "prospect-snippet"
_SKIP = frozenset(("script", "style", "head", "title", "noscript", "template", "textarea"))
MAX_NEEDLE = 80


def mark_first(html: str, needle: str) -> str:
    """`html` with the first text that reads like `needle` (whitespace-insensitive) marked, or
    `html` unchanged when no text does or it does not parse."""
    words = needle.split()[:12]
    if not words or not html.strip():
        return html
    pattern = re.compile(r"\s+".join(map(re.escape, words)))
    try:
        doc = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag not in _SKIP and el.text and _wrap_text(el, pattern):
            return _serialised(doc)
        parent = el.getparent()
        if el.tail and parent is not None and parent.tag not in _SKIP and _wrap_tail(el, pattern):
            return _serialised(doc)
    return html


def _mark(text: str) -> Any:
    mark = etree.Element("mark", id=MARK_ID)
    mark.text = text
    return mark


def _wrap_text(el: Any, pattern: re.Pattern[str]) -> bool:
    found = pattern.search(el.text)
    if not found:
        return False
    mark = _mark(found.group(0))
    mark.tail = el.text[found.end():]
    el.text = el.text[:found.start()]
    el.insert(0, mark)
    return True


def _wrap_tail(el: Any, pattern: re.Pattern[str]) -> bool:
    found = pattern.search(el.tail)
    if not found:
        return False
    mark = _mark(found.group(0))
    mark.tail = el.tail[found.end():]
    el.tail = el.tail[:found.start()]
    parent = el.getparent()
    parent.insert(parent.index(el) + 1, mark)
    return True


def _serialised(doc: Any) -> str:
    return "<!DOCTYPE html>\n" + lxml.html.tostring(doc, encoding="unicode")
