"""The visible text of a parsed page: one line per block element, inline boundaries as spaces.

Walking the tree in Python cost three times the parse itself, so the walk is an XSLT stylesheet
(libxslt, C speed) and only a few regex passes run in Python afterwards. The rules:

- script, style, head and the like are dropped, comments too (their tails stay);
- a block element (p, div, li, td, br ...) starts and ends a line;
- an inline element (span, a, img ...) is a word boundary: a space between Latin letters or
  digits, nothing next to CJK text, so numbers printed in adjacent <span>s never fuse while
  Chinese words split over tags stay whole; "glue" elements (b, strong, font ...) are no boundary;
- line breaks inside a text node are spaces (only blocks make lines), except inside <pre>;
- runs of whitespace collapse to one space, empty lines go.
"""
from __future__ import annotations

import re
from functools import cache

from lxml import etree

SKIP = ("script", "style", "noscript", "template", "svg", "select", "textarea", "iframe", "object",
        "head")
GLUE = ("b", "strong", "em", "i", "u", "font", "sup", "sub", "small", "big", "abbr")
BLOCK = ("p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4",
         "h5", "h6", "section", "article", "header", "footer", "nav", "aside", "dd", "dt", "dl",
         "form", "blockquote", "address", "main", "figure", "figcaption", "hr", "pre", "center",
         "button", "label", "option")

# Inline boundary and line marks (private-use characters: never in real text, legal in XSLT
# output). Text nodes are copied by XSLT's built-in rule, the cheapest there is (a template that
# calls translate() on each of them doubles the cost of the walk), so their own line breaks are
# turned into spaces afterwards and a block's LINE marks into the line breaks.
SOFT = "\ue000"
LINE = "\ue001"
WIDE = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"

_STYLESHEET = f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="utf-8"/>
<xsl:template match="{"|".join(SKIP)}"/>
<xsl:template match="comment()|processing-instruction()"/>
<xsl:template match="{"|".join(BLOCK)}"><xsl:text>{LINE}</xsl:text><xsl:apply-templates/>
  <xsl:text>{LINE}</xsl:text></xsl:template>
<xsl:template match="{"|".join(GLUE)}"><xsl:apply-templates/></xsl:template>
<xsl:template match="*"><xsl:text>{SOFT}</xsl:text><xsl:apply-templates/><xsl:text>{SOFT}</xsl:text></xsl:template>
<xsl:template match="pre/text()"><xsl:value-of select="translate(., '&#10;', '{LINE}')"/></xsl:template>
</xsl:stylesheet>"""

_BLANKS = re.compile("  +")  # starts with a literal, so it skips through the text
# An inline boundary next to CJK text. The spaces around boundaries are dropped and runs of them
# made one first (after _BLANKS a run is at most " s s "), so a boundary is one character that a
# pattern starting with it finds quickly; boundaries after CJK text are the same pattern on the
# reversed text. The boundaries left are spaces.
_BOUNDARY_BEFORE_WIDE = re.compile(f"{SOFT}(?=[{WIDE}])")
_SPACES = re.compile(r"[^\S\n]+")
_ODD_SPACE = re.compile("[\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


@cache
def _transform() -> etree.XSLT:
    return etree.XSLT(etree.fromstring(_STYLESHEET))


def visible_text(tree: etree._Element) -> str:
    """Visible text of `tree`, one line per block element (see the module docstring)."""
    raw = str(_transform()(tree))
    text = raw.replace("\n", " ").replace("\r", " ").replace("\t", " ").replace(LINE, "\n")
    text = _BLANKS.sub(" ", text).replace(" " + SOFT, SOFT).replace(SOFT + " ", SOFT)
    while SOFT + SOFT in text:
        text = text.replace(SOFT + SOFT, SOFT)
    text = _BOUNDARY_BEFORE_WIDE.sub("", text)
    text = _BOUNDARY_BEFORE_WIDE.sub("", text[::-1])[::-1].replace(SOFT, " ")
    if _ODD_SPACE.search(text):  # only then can runs of spaces other than " " remain
        text = _SPACES.sub(" ", text)
    # only " " and "\n" are left: lines without their spaces at either end, empty lines dropped
    return "\n".join(filter(None, (line.strip(" ") for line in text.split("\n"))))


TEXT_NODES = etree.XPath(".//text()")  # an element's text nodes, in order


def broken_text(el: etree._Element) -> str:
    """An element's text with a space where a <br> breaks it: "Industry Leaders<br>Who Trust Us"
    reads "Leaders Who", not "LeadersWho" (`text_content` joins them); none beside Chinese text
    ("某某小区<br>门禁工程" is one title)."""
    parts: list[str] = []
    for node in TEXT_NODES(el):
        after_break = node.is_tail and node.getparent().tag == "br"
        if after_break and parts and not _WIDE_EDGES.search(parts[-1][-1:] + node[:1]):
            parts.append(" ")
        parts.append(node)
    return "".join(parts)


_WIDE_EDGES = re.compile(f"[{WIDE}]")
