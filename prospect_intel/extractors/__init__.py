"""Extractors: turn the pages a crawl kept into the evidence fields of SPEC.md.

Public API: `extract_site(pages, crawled_at=...) -> SiteEvidence`, and `prepare()` to build the
tables and patterns read on first use ahead of the first site. Every module is a pure function
of parsed pages; nothing here knows about Scrapy or the store.

`extract_site` and `prepare` are imported when first asked for: importing every extractor costs
a third of a second, which a process that only reads stored evidence (most commands) never needs.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .results import SiteEvidence

if TYPE_CHECKING:
    from .site import extract_site
    from .warmup import prepare

__all__ = ["SiteEvidence", "extract_site", "prepare"]


def __getattr__(name: str) -> Any:
    if name == "extract_site":
        from .site import extract_site

        return extract_site
    if name == "prepare":
        from .warmup import prepare

        return prepare
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
