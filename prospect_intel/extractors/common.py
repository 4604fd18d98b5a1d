"""Pieces every field extractor shares: the site context, keyword tables, evidence building.

Keyword tables are data modules in `extractors/keywords/` (listed in its `TABLES`); `load(name)`
returns one as a dict.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from prospect_intel.core.document import ParsedPage
from prospect_intel.core.models import Evidence
from prospect_intel.core.terms import TermAlternation
from prospect_intel.core.text import snippet

from .keywords import TABLES

T = TypeVar("T")

# How much a page role is trusted for profile facts (about pages say what the company is).
ROLE_RANK = {"about": 0, "home": 1, "contact": 2, "products": 3, "cases": 4, "other": 5}


def load(name: str) -> dict[str, Any]:
    """The keyword table `name` of extractors/keywords/ as a dict (the module's `TABLE`)."""
    table: dict[str, Any] = TABLES[name].module.TABLE
    return table


@cache
def alternation(name: str, *keys: str) -> re.Pattern[str]:
    """A compiled regex alternation of the terms under `keys` of keyword table `name`."""
    table: Any = load(name)
    for key in keys:
        table = table[key]
    terms = sorted({str(t) for t in table}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)


def term_pattern(terms: Sequence[str], *, plurals: bool = False) -> TermAlternation:
    """Case-insensitive alternation of `terms`, longest first; Latin terms match whole words.

    `plurals`: a Latin term matches its plural too ("entry system", "entry systems"), for names
    of things a company sells; never for the roles of companies, whose plural names others
    ("we serve manufacturers", "our suppliers", "all contractors on site")."""
    ordered = sorted(set(terms), key=len, reverse=True)
    parts = [re.escape(t) if not re.match(r"[A-Za-z]", t)
             else r"(?<![A-Za-z])" + re.escape(t) + (_plural(t) if plurals else "") + r"(?![A-Za-z])"
             for t in ordered]
    return TermAlternation(ordered, parts, re.IGNORECASE)


def _plural(term: str) -> str:
    """The plural ending a Latin term may take: "s" or "es" after a letter other than "s"."""
    return r"(?:e?s)?" if term[-1].isalpha() and term[-1].lower() != "s" else ""


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


def distinct_confirmed(items: Sequence[T], key: Callable[[T], str],
                       trusted: Callable[[T], bool]) -> tuple[dict[str, T], bool]:
    """The first item of each key (phone line, e-mail address), and whether every key is
    confirmed: one of its items is trusted (labelled, printed plainly) and it is printed on the
    contact page or on two or more pages. Items carry their `page`."""
    first: dict[str, T] = {}
    pages_of: dict[str, set[str]] = {}
    roles_of: dict[str, set[str]] = {}
    trusted_keys = set()
    for item in items:
        name = key(item)
        first.setdefault(name, item)
        pages_of.setdefault(name, set()).add(item.page.url)  # type: ignore[attr-defined]
        roles_of.setdefault(name, set()).add(item.page.role)  # type: ignore[attr-defined]
        if trusted(item):
            trusted_keys.add(name)
    confirmed = all(name in trusted_keys and (len(pages_of[name]) >= 2 or "contact" in roles_of[name])
                    for name in first)
    return first, confirmed


def site_pages(pages: Sequence[ParsedPage], *, articles: bool = False) -> list[ParsedPage]:
    """Pages sorted by role rank; blog/news articles left out unless asked for."""
    kept = [p for p in pages if articles or not p.is_article]
    return sorted(kept, key=lambda p: ROLE_RANK.get(p.role, 9))
