"""Extractors: turn the pages a crawl kept into the evidence fields of SPEC.md.

Public API: `extract_site(pages, crawled_at=...) -> SiteEvidence`. Every module is a pure
function of parsed pages; nothing here knows about Scrapy or the store.
"""
from .site import SiteEvidence, extract_site

__all__ = ["SiteEvidence", "extract_site"]
