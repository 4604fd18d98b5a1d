"""Extractors: turn the pages a crawl kept into the evidence fields of SPEC.md.

Public API: `extract_site(pages, crawled_at=...) -> SiteEvidence`, and `prepare()` to build the
tables and patterns read on first use ahead of the first site. Every module is a pure function
of parsed pages; nothing here knows about Scrapy or the store.
"""
from .prepare import prepare
from .site import SiteEvidence, extract_site

__all__ = ["SiteEvidence", "extract_site", "prepare"]
