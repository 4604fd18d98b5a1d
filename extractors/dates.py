"""Founding year and years in access control, from Chinese and English phrasings.

Stated years (成立于2009年, "established in 1998") are `high` on about/home pages; "since 1998"
is `medium`; company-age claims ("over 20 years", 成立十余年) give an `inferred`, `low` year
counted back from the site's reference year (latest copyright year, else the crawl date).
Copyright and news dates are never read as founding years.
"""
from __future__ import annotations

import re
from typing import Sequence

from prospect.models import Evidence

from .common import SiteContext, evidence, site_pages
from .document import ParsedPage
from .terms import Gated
from .text import NUMBER, parse_int

YEAR = r"(?<![\d.\-/])((?:1[89]|20)\d\d|[12]\s\d\s?\d\s?\d|[12]\d\s\d\s?\d|[12]\d\d\s\d)(?!\d|\.\d)"
_EN_NUM = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_EN_NUM.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60})
EN_NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(_EN_NUM, key=len, reverse=True)) + r")"
_BRANCH_WORDS = re.compile(r"分公司|子公司|办事处|分部|部门|分厂|分店|门店|协会|学会|工作室|实验室")
_PERSONAL = re.compile(r"\b(?:owner|founder|engineer|technician|he|she|his|her|i|my|our team"
                       r" members|combined|collective|each|staff|employees?)\b", re.IGNORECASE)

_ZH_STATED = [
    (re.compile(r"(?:注册成立|正式成立|成立|创立|创建|创办|始创|始建|组建|建立|注册)"
                r"(?:时间|日期|年份)?\s*(?:于|在|是|为)?\s*[:：]?\s*(?:公元)?" + YEAR
                + r"\s*(?:年|-|\.|/)"), "zh-verb-year"),
    (re.compile(YEAR + r"\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?"
                r"([^。，,；;!！\n]{0,16}?)(?:注册成立|正式成立|成立|创立|创建|创办|始创|组建)"
                r"(?!\s*\d+\s*周年|了|\s*[\u4e00-\u9fa5]{0,8}(?:分公司|子公司|办事处|中心|部))"), "zh-year-verb"),
]
_EN_STATED = [
    (re.compile(r"\b(?:established|founded|incorporated|formed|started|launched|opened)"
                r"(?:\s+(?:in|on|back in|during))?\s+(?:the\s+year\s+)?"
                r"(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?" + YEAR, re.IGNORECASE),
     "en-verb-year"),
    (re.compile(r"\bEst(?:\.|ablished)?\s*:?\s*" + YEAR, re.IGNORECASE), "en-est"),
    (re.compile(r"\bIn\s+" + YEAR + r",?\s+[^.\n]{0,80}?\b(?:founded|established|started|opened|"
                r"incorporated|launched)\b", re.IGNORECASE), "en-in-year-founded"),
]
_EN_SINCE = re.compile(r"\b(?:since|serving\s[^.\n]{0,40}?since)\s+" + YEAR, re.IGNORECASE)
_EN_SINCE_SKIP = re.compile(r"(?:member|partner|certified|licensed|accredited|dealer|"
                            r"affiliate|registered|listed|approved)\w*\s+(?:\w+\s+){0,5}$",
                            re.IGNORECASE)

_ZH_AGE = re.compile(r"(?:成立|创立|创办|创建|发展)(?:至今|已有|已经|已|有)?\s*(?:近|超过|逾)?\s*("
                     + NUMBER + r")\s*(?:余|多)?\s*年")
_ZH_AGE_HISTORY = re.compile(r"(?:公司|企业|我们)[^。，；]{0,8}?(" + NUMBER
                             + r")\s*(?:余|多)?\s*年(?:的)?(?:发展历程|发展历史|历史|风雨历程)")
_EN_AGE = Gated(re.compile(r"(?:over|more than|nearly|almost|about|for)?\s*(" + EN_NUMBER
                     + r")\+?\s*(?:years?|decades?)\s+(?:of\s+)?(?:in business|experience|"
                     r"of service|of serving|serving|history|in the industry)", re.IGNORECASE),
    ('year', 'decade'))

_ZH_AC_YEARS = [
    re.compile(r"(?:从事|专注|专注于|专业从事|深耕|致力于|经营|服务于)[^。，；;]{0,12}?"
               r"(?:门禁|一卡通|出入口)[^。，；;]{0,10}?(?:近|超过|逾)?(" + NUMBER
               + r")\s*(余|多)?\s*年"),
    re.compile(r"(" + NUMBER + r")\s*(余|多)?\s*年(?:的)?(?:门禁|一卡通|出入口控制)"
               r"(?:行业|领域|系统|产品)?(?:经验|经历|历史|从业)"),
]
_EN_AC_YEARS = [
    re.compile(r"(" + EN_NUMBER + r")\s*(\+)?\s*years?\s+(?:of\s+)?(?:experience\s+)?"
               r"(?:in\s+|installing\s+|with\s+|providing\s+|designing\s+|servicing\s+)"
               r"(?:the\s+)?(?:commercial\s+)?access[- ]control", re.IGNORECASE),
    re.compile(r"access[- ]control[^.\n]{0,40}?for\s+(?:over\s+|more than\s+)?("
               + EN_NUMBER + r")\s*(\+)?\s*years", re.IGNORECASE),
]


def _year(raw: str, ctx: SiteContext) -> int | None:
    year = int(re.sub(r"\s", "", raw))
    return year if 1900 <= year <= ctx.crawled_at.year else None


def _count(raw: str) -> int | None:
    raw = raw.strip().lower()
    return _EN_NUM[raw] if raw in _EN_NUM else parse_int(raw)


def founded_year(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    found: list[Evidence] = []
    for page in site_pages(pages, articles=True):
        strong = page.role in ("about", "home") and not page.is_article
        for pattern, method in _ZH_STATED + _EN_STATED:
            for match in pattern.finditer(page.folded):
                year = _year(match.group(1), ctx)
                before = page.folded[max(0, match.start() - 8):match.start()]
                between = match.group(2) if match.lastindex and match.lastindex >= 2 else ""
                if year is None or _BRANCH_WORDS.search(before + (between or "")):
                    continue
                confidence = "high" if strong and method != "en-in-year-founded" else "medium"
                if page.is_article:
                    confidence = "low"
                found.append(evidence("founded_year", year, confidence, page, match.span(),
                                      method))
        for match in _EN_SINCE.finditer(page.folded):
            year = _year(match.group(1), ctx)
            if year is None or _EN_SINCE_SKIP.search(page.folded[max(0, match.start() - 60):
                                                                 match.start()]):
                continue
            confidence = "low" if page.is_article else "medium"
            found.append(evidence("founded_year", year, confidence, page, match.span(), "en-since"))
        found.extend(_inferred(page, ctx))
    return found


def _inferred(page: ParsedPage, ctx: SiteContext) -> list[Evidence]:
    if page.is_article:
        return []
    found = []
    for pattern, method in ((_ZH_AGE, "zh-age"), (_ZH_AGE_HISTORY, "zh-history"),
                            (_EN_AGE, "en-age")):
        for match in pattern.finditer(page.folded):
            sentence_start = max(page.folded.rfind(".", 0, match.start()),
                                 page.folded.rfind("\n", 0, match.start()))
            if method == "en-age" and _PERSONAL.search(page.folded[sentence_start + 1:
                                                                   match.end() + 40]):
                continue
            years = _count(match.group(1))
            if "decade" in match.group(0).lower() and years:
                years *= 10
            if not years or years > 150:
                continue
            found.append(evidence("founded_year", ctx.reference_year - years, "low", page,
                                  match.span(), f"{method}: {years} years before "
                                  f"{ctx.reference_year}", flags=("inferred",)))
    return found


def years_in_access_control(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    found = []
    for page in site_pages(pages):
        for pattern in _ZH_AC_YEARS + _EN_AC_YEARS:
            for match in pattern.finditer(page.folded):
                years = _count(match.group(1))
                if not years or years > 80:
                    continue
                vague = bool(match.group(2))
                confidence = "medium" if vague or page.role not in ("about", "home") else "high"
                found.append(evidence("years_in_access_control", years, confidence, page,
                                      match.span(), "stated" + (" (at least)" if vague else "")))
    return found
