"""Score link texts, URLs and page titles for the page roles that matter.

`role_scores_for_text` and `role_scores_for_url` are the two primitives; `link_priority` turns
them into a request priority for the site's frontier, `pages.classify_role` into a page's role.
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from prospect_intel.crawler.keywords.roles import (
    KEY_ROLES,
    LOW_VALUE_PHRASES,
    LOW_VALUE_URL_TOKENS,
    PAGINATION_PHRASES,
    ROLE_PHRASES,
    ROLE_URL_TOKENS,
)

# Frontier priorities (higher is fetched first).
PRIORITY_KEY_LINK = 100
PRIORITY_PAGINATION = 70
PRIORITY_URL_HINT = 60
PRIORITY_DETAIL = 50
PRIORITY_PLAIN = 20
PRIORITY_LOW_VALUE = 5
# A role that already has a kept page yields to roles still missing.
ROLE_ALREADY_KEPT_PENALTY = 35

_TOKEN_SPLIT = re.compile(r"[/._\-?=&+,;:%\s]+")
_SPACES = re.compile(r"\s+")
_NUMERIC_PAGE = re.compile(r"^\[?\d{1,3}\]?$")


def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        escaped = re.escape(phrase.lower())
        parts.append(rf"\b{escaped}\b" if phrase.isascii() and phrase[0].isalnum() else escaped)
    return re.compile("|".join(parts))


_ROLE_PATTERNS = {role: _phrase_pattern(ROLE_PHRASES[role]) for role in KEY_ROLES}
_ROLE_EXACT = {role: frozenset(p.lower() for p in ROLE_PHRASES[role]) for role in KEY_ROLES}
_LOW_VALUE_PATTERN = _phrase_pattern(LOW_VALUE_PHRASES)
_URL_TOKENS = {role: frozenset(ROLE_URL_TOKENS[role]) for role in KEY_ROLES}
_LOW_VALUE_TOKENS = frozenset(LOW_VALUE_URL_TOKENS)
_PAGINATION = frozenset(PAGINATION_PHRASES)


def normalise_text(text: str) -> str:
    return _SPACES.sub(" ", text).strip().lower()


@lru_cache(maxsize=4096)
def role_scores_for_text(text: str) -> dict[str, float]:
    """Role -> strength for a short text (anchor, title segment, heading): 3 exact, 2 contained."""
    text = normalise_text(text)[:120]
    if not text:
        return {}
    scores = {}
    for role in KEY_ROLES:
        if text in _ROLE_EXACT[role]:
            scores[role] = 3.0
        elif _ROLE_PATTERNS[role].search(text):
            # A label names its section; a headline merely mentioning a keyword is weak evidence.
            scores[role] = 2.0 if _is_label(text) else 1.0
    return scores


def _is_label(text: str) -> bool:
    return len(text) <= 8 or (text.isascii() and len(text.split()) <= 4)


def is_low_value_text(text: str) -> bool:
    text = normalise_text(text)[:120]
    return bool(text) and bool(_LOW_VALUE_PATTERN.search(text))


def url_tokens(url: str) -> list[str]:
    parts = urlsplit(url)
    return [t for t in _TOKEN_SPLIT.split(unquote(parts.path + " " + parts.query).lower()) if t]


def role_scores_for_url(url: str) -> dict[str, float]:
    tokens = set(url_tokens(url))
    return {role: 1.5 for role in KEY_ROLES if tokens & _URL_TOKENS[role]}


def is_low_value_url(url: str) -> bool:
    return bool(set(url_tokens(url)) & _LOW_VALUE_TOKENS)


def is_pagination_text(text: str) -> bool:
    text = normalise_text(text)
    return text in _PAGINATION or bool(_NUMERIC_PAGE.match(text))


def best_role(scores: dict[str, float]) -> tuple[str | None, float]:
    if not scores:
        return None, 0.0
    role = max(scores, key=lambda r: (scores[r], -KEY_ROLES.index(r)))
    return role, scores[role]


def link_role(anchor: str, url: str) -> tuple[str | None, float]:
    """The role a link most likely leads to, and how strongly (anchor counts double the URL)."""
    scores: dict[str, float] = {}
    for role, value in role_scores_for_text(anchor).items():
        scores[role] = scores.get(role, 0) + value
    for role, value in role_scores_for_url(url).items():
        scores[role] = scores.get(role, 0) + value
    return best_role(scores)


def link_priority(anchor: str, url: str, from_role: str | None) -> tuple[int, str | None]:
    """Frontier priority of a link and the role it points to (None when unknown)."""
    role, strength = link_role(anchor, url)
    low_value = is_low_value_text(anchor) or is_low_value_url(url)
    if role and strength >= 2 and not low_value:
        return PRIORITY_KEY_LINK + int(strength * 2), role
    if from_role in ("cases", "products") and is_pagination_text(anchor):
        return PRIORITY_PAGINATION, from_role
    if role and not low_value:
        return PRIORITY_URL_HINT, role
    if low_value:
        return PRIORITY_LOW_VALUE, None
    if from_role in ("cases", "products"):
        return PRIORITY_DETAIL, from_role
    return PRIORITY_PLAIN, None
