"""Recognise pages that are not the company's content: bot walls and parked domains.

A prospect whose home page is one of these is marked failed with the reason (`blocked`,
`parked`); such a page deeper in a site is simply not kept.
"""
from __future__ import annotations

import re

from prospect_intel.core.terms import Gated
from prospect_intel.crawler.keywords import walls as words

_BLOCKED = re.compile("|".join(words.BLOCKED_PHRASES), re.IGNORECASE)
_PARKED = re.compile("|".join(words.PARKED_PHRASES), re.IGNORECASE)
# Every phrase above holds one of these: pages without any are not scanned (most pages).
_BLOCKED_WORDS = Gated(_BLOCKED, words.BLOCKED_GATE)
_PARKED_WORDS = Gated(_PARKED, words.PARKED_GATE)
_CHALLENGE_MARKUP = re.compile(r"cf-chl-|/cdn-cgi/challenge-platform|cf_chl_opt|_cf_chl", re.IGNORECASE)
_MARKUP_SCAN = 20000
# Real company pages can mention these phrases (a blog post about captchas); only short pages
# dominated by them are walls.
_MAX_WALL_TEXT = 3000
_STRONG_CHALLENGE_STATUSES = (403, 429, 503)


def wall_kind(
    text: str, html: str = "", status: int = 200, headers: dict[str, str] | None = None
) -> str | None:
    """`blocked`, `parked` or None, from a page's visible text, markup, status and headers."""
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    if headers.get("cf-mitigated", "").lower() == "challenge":
        return "blocked"
    short = len(text) <= _MAX_WALL_TEXT
    if not short and status not in _STRONG_CHALLENGE_STATUSES:
        return None  # a long page is the company's content, whatever phrases it quotes
    if short and _CHALLENGE_MARKUP.search(html[:_MARKUP_SCAN]):
        return "blocked"
    if _BLOCKED_WORDS.search(text):
        return "blocked"
    if short and _PARKED_WORDS.search(text):
        return "parked"
    return None
