"""Recognise pages that are not the company's content: bot walls and parked domains.

A prospect whose home page is one of these is marked failed with the reason (`blocked`,
`parked`); such a page deeper in a site is simply not kept.
"""
from __future__ import annotations

import re

from prospect_intel.core.terms import Gated

_BLOCKED = re.compile(
    "|".join(
        [
            r"just a moment\.\.\.",
            r"checking your browser before accessing",
            r"verify you are (a )?human",
            r"attention required! \| cloudflare",
            r"enable javascript and cookies to continue",
            r"ddos protection by",
            r"please complete the security check",
            r"are you a robot\?",
            r"请完成(下方)?(的)?(安全)?验证",
            r"安全验证",
            r"滑动验证",
            r"拖动(下方)?滑块",
            r"人机验证",
            r"访问验证",
            r"网站防火墙",
            r"您的访问(请求)?被拦截",
            r"请开启javascript",
        ]
    ),
    re.IGNORECASE,
)
_PARKED = re.compile(
    "|".join(
        [
            r"this domain (name )?(may be|is) for sale",
            r"buy this domain",
            r"domain (is )?for sale",
            r"the domain [\w.-]+ (may be|is) for sale",
            r"this domain has been registered",
            r"parked (free|domain)|domain parking|parkingcrew|sedoparking|bodis\.com",
            r"hugedomains\.com|dan\.com/buy|afternic",
            r"此域名(正在)?出售",
            r"域名(出售|转让|正在出售)",
            r"该域名(可)?(出售|转让)",
            r"域名停放",
        ]
    ),
    re.IGNORECASE,
)
# Every phrase above holds one of these: pages without any are not scanned (most pages).
_BLOCKED_WORDS = Gated(_BLOCKED, ("just a moment", "browser", "human", "cloudflare", "javascript", "ddos",
                                  "security check", "robot", "验证", "滑块", "防火墙", "拦截"))
_PARKED_WORDS = Gated(_PARKED, ("domain", "parking", "parked", "bodis", "dan.com", "afternic", "域名"))
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
