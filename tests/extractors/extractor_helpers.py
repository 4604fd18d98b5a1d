"""Small builders for extractor tests: HTML snippets become PageDocs and SiteEvidence."""
from __future__ import annotations

import datetime as dt

from prospect_intel.core.models import Evidence, PageDoc
from prospect_intel.extractors import SiteEvidence, extract_site

DAY = dt.date(2026, 11, 23)


def html(body: str, *, title: str = "", head: str = "") -> str:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
            f"<body>{body}</body></html>")


def page(body: str, role: str = "about", *, url: str = "", title: str = "",
         head: str = "") -> PageDoc:
    return PageDoc(url=url or f"http://www.example.cn/{role}.html", role=role,
                   html=html(body, title=title, head=head))


def site(*pages: PageDoc) -> SiteEvidence:
    return extract_site(pages, crawled_at=DAY)


def field(body: str, name: str, role: str = "about", **kwargs: str) -> Evidence | None:
    """The chosen evidence for `name` from a one-page site."""
    return site(page(body, role, **kwargs)).fields.get(name)


def value(body: str, name: str, role: str = "about", **kwargs: str):
    found = field(body, name, role, **kwargs)
    return None if found is None else found.value
