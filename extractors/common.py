"""Pieces every field extractor shares: the site context, data-file loading, evidence building.

Data files live in `extractors/data/*.toml` and are read lazily, once (no import-time I/O).
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Sequence

from prospect.models import Evidence

from .document import ParsedPage
from .terms import TermAlternation
from .text import snippet

DATA_DIR = Path(__file__).parent / "data"

# How much a page role is trusted for profile facts (about pages say what the company is).
ROLE_RANK = {"about": 0, "home": 1, "contact": 2, "products": 3, "cases": 4, "other": 5}


@cache
def load(name: str) -> dict[str, Any]:
    """A data file of extractors/data/ as a dict (cached)."""
    with open(DATA_DIR / f"{name}.toml", "rb") as handle:
        return tomllib.load(handle)


@cache
def alternation(name: str, *keys: str) -> re.Pattern[str]:
    """A compiled regex alternation of the terms under `keys` of data file `name`."""
    table: Any = load(name)
    for key in keys:
        table = table[key]
    terms = sorted({str(t) for t in table}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)


def term_pattern(terms: Sequence[str]) -> TermAlternation:
    """Case-insensitive alternation of `terms`, longest first; Latin terms match whole words."""
    ordered = sorted(set(terms), key=len, reverse=True)
    parts = [re.escape(t) if not re.match(r"[A-Za-z]", t)
             else r"(?<![A-Za-z])" + re.escape(t) + r"(?![A-Za-z])" for t in ordered]
    return TermAlternation(ordered, parts, re.IGNORECASE)


@dataclass(frozen=True)
class SiteContext:
    """What field extractors may know about the whole site beyond one page."""

    crawled_at: dt.date
    lang: str
    reference_year: int
    structured: tuple[tuple[str, dict[str, Any]], ...] = ()


@dataclass(frozen=True)
class Unresolved:
    """What an extractor returns for a field it saw stated but could not turn into a value
    (a capital in US dollars with no rate): the dispatcher records `reason` as the field's
    absence instead of `not_stated`, and `note` (the sentence, the page) in its notes."""

    field: str
    reason: str
    note: str


def evidence(field: str, value: Any, confidence: str, page: ParsedPage, span: tuple[int, int],
             method: str, flags: Sequence[str] = ()) -> Evidence:
    """Evidence whose snippet is the sentence around `span` of the page text."""
    text = snippet(page.text, span[0], span[1]) if page.text else ""
    return Evidence(field=field, value=value, confidence=confidence, source_url=page.url,
                    snippet=text, method=method, flags=tuple(dict.fromkeys(flags)))


def lower(confidence: str, steps: int = 1) -> str:
    order = ("high", "medium", "low")
    return order[min(len(order) - 1, order.index(confidence) + steps)]


def site_pages(pages: Sequence[ParsedPage], *, articles: bool = False) -> list[ParsedPage]:
    """Pages sorted by role rank; blog/news articles left out unless asked for."""
    kept = [p for p in pages if articles or not p.is_article]
    return sorted(kept, key=lambda p: ROLE_RANK.get(p.role, 9))
