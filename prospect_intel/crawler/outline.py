"""A parsed page's outline for the crawl: title, <base>, first headings, links and frames.

Taken in one XSLT run (libxslt, C speed): reading a hundred links a page node by node in Python
cost more than parsing the page. The stylesheet writes records separated by private-use
characters (removed from the values first, so a hostile page cannot forge a record).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lxml import etree

_FIELD = "\ue001"
_RECORD = "\ue002"
_STRIP = f"translate(%s, '{_FIELD}{_RECORD}', '')"

_STYLESHEET = f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="utf-8"/>
<xsl:template match="/">
  <xsl:text>T{_FIELD}</xsl:text>
  <xsl:for-each select="//title//text()"><xsl:value-of select="{_STRIP % '.'}"/><xsl:text> </xsl:text></xsl:for-each>
  <xsl:text>{_RECORD}B{_FIELD}</xsl:text><xsl:value-of select="{_STRIP % '(//base/@href)[1]'}"/>
  <xsl:for-each select="(//h1|//h2)[position() &lt;= 4]">
    <xsl:text>{_RECORD}H{_FIELD}</xsl:text><xsl:value-of select="{_STRIP % 'normalize-space(.)'}"/>
  </xsl:for-each>
  <xsl:for-each select="//a[@href]|//area[@href]">
    <xsl:text>{_RECORD}L{_FIELD}</xsl:text><xsl:value-of select="{_STRIP % '@href'}"/><xsl:text>{_FIELD}</xsl:text>
    <xsl:choose>
      <xsl:when test="self::a and normalize-space(.)"><xsl:value-of select="{_STRIP % '.'}"/></xsl:when>
      <xsl:when test="string(@title)"><xsl:value-of select="{_STRIP % '@title'}"/></xsl:when>
      <xsl:otherwise>
        <xsl:for-each select=".//img/@alt"><xsl:value-of select="{_STRIP % '.'}"/><xsl:text> </xsl:text></xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:for-each>
  <xsl:for-each select="//frame/@src|//iframe/@src">
    <xsl:text>{_RECORD}F{_FIELD}</xsl:text><xsl:value-of select="{_STRIP % '.'}"/>
  </xsl:for-each>
</xsl:template>
</xsl:stylesheet>"""


@dataclass(frozen=True)
class Outline:
    """Raw values as the page has them; `links` are (href, anchor text) pairs, unjoined."""

    title: str
    base: str
    headings: tuple[str, ...]
    links: tuple[tuple[str, str], ...]
    frames: tuple[str, ...]


@cache
def _transform() -> etree.XSLT:
    return etree.XSLT(etree.fromstring(_STYLESHEET))


def outline(tree: etree._Element) -> Outline:
    title, base, headings, links, frames = "", "", [], [], []
    for record in str(_transform()(tree)).split(_RECORD):
        kind, _, value = record.partition(_FIELD)
        if kind == "L":
            href, _, anchor = value.partition(_FIELD)
            links.append((href, anchor))
        elif kind == "H":
            headings.append(value)
        elif kind == "F":
            frames.append(value)
        elif kind == "T":
            title = value
        elif kind == "B":
            base = value
    return Outline(title, base, tuple(headings), tuple(links), tuple(frames))
