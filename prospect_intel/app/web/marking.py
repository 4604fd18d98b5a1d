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
        if el.tag not in _SKIP and el.text and _wrap(el, "text", pattern):
            return _serialised(doc)
        parent = el.getparent()
        if el.tail and parent is not None and parent.tag not in _SKIP and _wrap(el, "tail", pattern):
            return _serialised(doc)
    return html


def _mark(text: str) -> Any:
    mark = etree.Element("mark", id=MARK_ID)
    mark.text = text
    return mark


def _wrap(el: Any, where: str, pattern: re.Pattern[str]) -> bool:
    """Mark the match in `el.text` (`where` = "text": the mark becomes its first child) or in
    `el.tail` ("tail": the mark follows it); False when there is none."""
    text = getattr(el, where)
    found = pattern.search(text)
    if not found:
        return False
    mark = _mark(found.group(0))
    mark.tail = text[found.end():]
    setattr(el, where, text[:found.start()])
    if where == "text":
        el.insert(0, mark)
    else:
        parent = el.getparent()
        parent.insert(parent.index(el) + 1, mark)
    return True


def _serialised(doc: Any) -> str:
    return "<!DOCTYPE html>\n" + lxml.html.tostring(doc, encoding="unicode")
