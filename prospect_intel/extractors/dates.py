"""Founding year and years in access control, from Chinese and English phrasings.

Stated years (成立于2009年, "established in 1998") are `high` on about/home pages; "since 1998"
is `medium`; company-age claims ("over 20 years", 成立十余年) give an `inferred`, `low` year
counted back from the site's reference year (latest copyright year, else the crawl date).
Copyright and news dates are never read as founding years.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from prospect_intel.core.document import ParsedPage
from prospect_intel.core.models import Evidence
from prospect_intel.core.structured import as_text
from prospect_intel.core.terms import Gated, Started, led_by, words_alternation
from prospect_intel.core.text import NUMBER, cn_to_int, parse_int, sentence_bounds

from .common import SiteContext, evidence, site_pages
from .keywords import experience, founding
from .owners import ZH_ORG, ZH_OWN_WORDS, names_own, own_org_names
from .products import table_brand

_YEAR_DIGITS = r"(?:1[89]|20)\d\d|[12]\s\d\s?\d\s?\d|[12]\d\s\d\s?\d|[12]\d\d\s\d"
YEAR = rf"(?<![\d.\-/])({_YEAR_DIGITS})(?!\d|\.\d)"
# Chinese sentences also write years in numerals, digit by digit: 二〇〇九年, 一九九八年.
ZH_YEAR = rf"(?<![\d.\-/])({_YEAR_DIGITS}|[一二][〇零○一二三四五六七八九]{{3}}(?=\s*年))(?!\d|\.\d)"
_CN_MD = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_EN_NUM = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_EN_NUM.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60})
EN_NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(_EN_NUM, key=len, reverse=True)) + r")"
EN_NUMBER_FIRST = r"\d" + "".join(sorted({word[0] for word in _EN_NUM}))  # what EN_NUMBER starts with
_LEADING_YEAR = re.compile(r"\s*((?:1[89]|20)\d\d)(?!\d)")  # foundingDate "2009-03-01"
# The named company a Chinese founding clause is about, right before its verb: 山东济南鲁明新能源有限公司
# (成立于2003年) on the site of its Shaanxi branch company is another company's year.
_ZH_ORG_SUBJECT = re.compile(rf"({ZH_ORG})\s*$")
_CLAUSE_MARKS = "。！？；;\n，,"
_BRANCH_WORDS = re.compile(r"分公司|子公司|办事处|分部|部门|分厂|分店|门店|协会|学会|工作室|实验室")
# A timeline's "2019年 新媒体运营部成立", "2015年 研发中心成立": a department or a centre, not the company.
_ZH_UNIT_HEADS = ("部", "中心")
_PERSONAL = re.compile(r"\b(?:owners?|founders?|engineers?|technicians?|electricians?|installers?|"
                       r"directors?|managers?|ceo|president|principal|consultants?|specialists?|experts?|"
                       r"he|she|his|her|i|my|our team members|combined|collective|each|staff|employees?)\b",
                       re.IGNORECASE)

_ZH_STATED: list[tuple[Gated | Started, str]] = [
    # The year follows the verb joined to it (成立于, 成立时间：, 成立2009年): after a bare space,
    # as in a timeline's "…形象店成立 2019年 …", it is the next entry's date.
    (Started.of_words(founding.ZH_FOUNDING_VERBS, r"(?:{words})(?:(?:时间|日期|年份)\s*(?:是|为)?\s*[:：]?\s*|"
                      r"\s*(?:于|在|是|为)\s*[:：]?\s*|\s*[:：]\s*)?"
                      r"(?:公元)?" + ZH_YEAR + r"\s*(?:年|-|\.|/)"), "zh-verb-year"),
    (Gated.of_words(founding.ZH_YEAR_VERBS, ZH_YEAR + rf"\s*年(?:\s*{_CN_MD}\s*月)?(?:\s*{_CN_MD}\s*日)?"
                    # or the registry's phrasing: 于2008年06月23日在郑州市工商行政管理局中原分局登记成立
                    r"([^。，,；;!！\n]{0,16}?|在[^。，,；;!！\n]{2,30}?(?:登记|注册)"
                    # or a comma, then the company as the subject: 2009年，公司在深圳成立
                    r"|[，,]\s*(?:" + "|".join(ZH_OWN_WORDS) + r")[^。，,；;!！\n]{0,10}?)(?:{words})"
                    r"(?!\s*\d+\s*周年|了|\s*[\u4e00-\u9fa5]{0,8}(?:分公司|子公司|办事处|中心|部))",
                    required=founding.ZH_YEAR_VERBS_GATE, longest=60), "zh-year-verb"),
]
# The company as a founding verb's object: "the business", "our company", or its name in capitals.
_EN_OBJECT = (r"(?:the|our|this)\s+(?:" + "|".join(founding.EN_OWN_OBJECTS) + r")|"
              r"(?-i:(?:[A-Z][\w&'.-]*\s+){0,4}[A-Z][\w&'.-]*)")
# Phrasings whose subject or object is read less surely: never `high` on their own.
_LOOSER = ("en-in-year-founded", "en-verb-object-year", "en-operations-year", "en-founded-by-year")
_OBJECT_OF = re.compile(r"^\S+(?:\s+up)?\s+|\s+(?:in|back\s+in|during)\s+(?:the\s+year\s+)?\d+$", re.IGNORECASE)
_EN_STATED: list[tuple[Gated | Started, str]] = [
    (Started.of_words(founding.EN_FOUNDING_VERBS, r"\b(?:{words})(?:\s*(?:in|on|back in|during))?(?:\s*:)?\s+"
                      r"(?:the\s+year\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?" + YEAR,
                      re.IGNORECASE), "en-verb-year"),
    (Started.of_words(founding.EN_EST, r"\b(?:{words})(?:\.|ablished)?\s*:?\s*" + YEAR, re.IGNORECASE), "en-est"),
    (Gated.of_words(founding.EN_IN_YEAR_VERBS, r"\bIn\s+" + YEAR + r",?\s+[^.\n]{0,80}?\b(?:{words})\b",
                    re.IGNORECASE, required=founding.EN_FOUNDING_VERBS, longest=130), "en-in-year-founded"),
    (Started.of_words(founding.EN_OBJECT_VERBS, r"\b(?:{words})\s+(?:" + _EN_OBJECT + r")\s+(?:in|back\s+in|during)\s+"
                      r"(?:the\s+year\s+)?" + YEAR, re.IGNORECASE), "en-verb-object-year"),
    # the passive with its agent: "Acme Security was founded by John Smith in 1987"
    (Started.of_words(founding.EN_BY_VERBS, r"\b(?:{words})\s+by\s+(?-i:(?:[A-Z][\w'.-]*\s+){1,4})"
                      r"(?:in|back\s+in)\s+(?:the\s+year\s+)?" + YEAR, re.IGNORECASE), "en-founded-by-year"),
    (Started.of_words(("began", "commenced", "started"), r"\b(?:{words})\s+(?:"
                      + "|".join(founding.EN_OPERATIONS) + r")\s+(?:in|back\s+in)\s+(?:the\s+year\s+)?" + YEAR,
                      re.IGNORECASE), "en-operations-year"),
]
# "In 2012 we opened our second branch", "our Leeds office was established in 2012": a year
# something other than the company began (a branch, a store, a website), not the founding year.
_EN_OTHER = re.compile(r"\b(?:branch(?:es)?|(?<!head )(?<!main )offices?|stores?|shops?|showrooms?|"
                       r"outlets?|locations?|warehouses?|depots?|subsidiar(?:y|ies)|divisions?|"
                       r"plants?|factory|facility|franchises?|departments?|website|web ?site|app|"
                       r"platform|product(?:s| line)?|second|third|fourth|another|new)\b",
                       re.IGNORECASE)
_EN_OTHER_SUBJECT = re.compile(r"\b(?:branch|(?<!head )(?<!main )office|store|shop|showroom|outlet|"
                               r"location|warehouse|depot|subsidiary|division|plant|department)"
                               r"(?:es|s)?,?\s+(?:\w+\s+){0,2}?(?:was\s+|were\s+|is\s+|has been\s+)?$",
                               re.IGNORECASE)
# The founding phrase is about another kind of organisation (an association the company belongs
# to, a university it works with) when the sentence names one before it and names no company of
# its own: "The Canadian Security Association (CANASA) is the national non-profit organization,
# established in 1977".
_EN_OTHER_ORG = re.compile(r"\b(?:association|council|federation|institute|society|union|university|college|"
                           r"ministry|government|agency|commission|authority|foundation|chamber|non-?profit|"
                           r"organi[sz]ation|consortium|alliance)s?\b", re.IGNORECASE)
_EN_OWN_SUBJECT = re.compile(r"\b(?:we|our|us|ltd|limited|inc|llc|plc|co|corp|company|gmbh|pvt)\b\.?",
                             re.IGNORECASE)
_PREDECESSOR = re.compile("|".join(founding.PREDECESSOR), re.IGNORECASE)
_EN_WEAK_VERB = re.compile(r"\b(?:opened|launched|started)\b", re.IGNORECASE)
_SINCE, _SERVING = founding.EN_SINCE
_EN_SINCE = Started(re.compile(rf"\b(?:{_SINCE}|{_SERVING}\s[^.\n]{{0,40}}?{_SINCE})\s+" + YEAR, re.IGNORECASE),
                    founding.EN_SINCE)
_EN_SINCE_SKIP = re.compile(r"(?:member|partner|certified|licensed|accredited|dealer|"
                            r"affiliate|registered|listed|approved)\w*\s+(?:\w+\s+){0,5}$",
                            re.IGNORECASE)

_ZH_AGE = Started.of_words(founding.ZH_AGE_VERBS, r"(?:{words})(?:至今|已有|已经|已|有)?\s*(?:近|超过|逾)?\s*("
                           + NUMBER + r")\s*(?:余|多)?\s*年")
_ZH_AGE_HISTORY = Started.of_words(founding.ZH_AGE_SUBJECTS, r"(?:{words})[^。，；]{0,8}?(" + NUMBER
                                   + r")\s*(?:余|多)?\s*年(?:的)?(?:" + words_alternation(founding.ZH_HISTORY_NOUNS)
                                   + ")", required=founding.ZH_HISTORY)
_AGE_UNITS = "|".join(f"{unit}s?" for unit in founding.EN_AGE_UNITS)
_EN_AGE = Gated(led_by(EN_NUMBER_FIRST + r"omnaf\s", r"(?:over|more than|nearly|almost|about|for)?\s*(" + EN_NUMBER
                       + rf")\+?\s*(?:{_AGE_UNITS})\s+(?:of\s+)?(?:in business|experience|"
                       r"of service|of serving|serving|history|in the industry)", re.IGNORECASE),
                founding.EN_AGE_UNITS, longest=80)

# Every match names access control: the patterns run only on pages that do (Gated).
_ZH_AC, _EN_AC = experience.ZH_AC, experience.EN_AC
_ZH_AC_WORDS = words_alternation(_ZH_AC)
_ZH_AC_YEARS: list[Gated | Started] = [
    Started.of_words(experience.ZH_LEAD_VERBS, r"(?:{words})[^。，；;]{0,12}?(?:" + _ZH_AC_WORDS
                     + r")[^。，；;]{0,10}?(?:近|超过|逾)?(" + NUMBER + r")\s*(余|多)?\s*年", longest_first=False),
    Gated(re.compile(r"(" + NUMBER + r")\s*(余|多)?\s*年(?:的)?(?:" + words_alternation(experience.ZH_AC_SYSTEMS)
                     + r")(?:行业|领域|系统|产品)?(?:经验|经历|历史|从业)"), _ZH_AC, longest=60,
          anchors=[f"年{de}{ac}" for de in ("", "的") for ac in experience.ZH_AC_SYSTEMS]),
]
_EN_AC_YEARS: list[Gated | Started] = [
    Gated(led_by(EN_NUMBER_FIRST, r"(" + EN_NUMBER + r")\s*(\+)?\s*years?\s+(?:of\s+)?(?:experience\s+)?"
                     r"(?:in\s+|installing\s+|with\s+|providing\s+|designing\s+|servicing\s+)"
                     r"(?:the\s+)?(?:commercial\s+)?access[- ]control", re.IGNORECASE), _EN_AC, longest=100,
          anchors=("year",)),
    Gated(re.compile(r"access[- ]control[^.\n]{0,40}?for\s+(?:over\s+|more than\s+)?("
                     + EN_NUMBER + r")\s*(\+)?\s*years", re.IGNORECASE), _EN_AC, longest=100, anchors=("year",)),
]

# A start year for the access-control line: 公司自2006年起从事门禁系统销售, 2006年进入门禁行业,
# "installing access control since 2006". Gated on the access-control words every match holds.
_ZH_AC_START = Gated(re.compile(
    r"(自|从)?\s*" + ZH_YEAR + r"\s*年(?:\s*\d{1,2}\s*月)?\s*(起|开始|以来)?\s*[，,]?\s*(?:公司|我们|我司|本公司)?"
    r"\s*(?:便|就|即)?\s*(?:开始)?(进入|涉足|投身|从事|专注于?|专业从事|深耕|经营|代理|销售|致力于)"
    r"[^。，,；;\n]{0,12}?(?:" + _ZH_AC_WORDS + ")"), _ZH_AC, longest=80, anchors=("年",))
_EN_AC_START = Gated(re.compile(
    r"access[- ]control[^.\n]{0,40}?\bsince\s+" + YEAR + r"|\bsince\s+" + YEAR + r",?\s+[^.\n]{0,50}?"
    r"\b(?:install|suppl|sell|design|servic|speciali[sz]|provid|deal|distribut)\w*\s+(?:\w+\s+){0,3}?"
    r"access[- ]control", re.IGNORECASE), _EN_AC, longest=220, anchors=("since",))
_ENTRY_VERBS = ("进入", "涉足", "投身")


def _year(raw: str, ctx: SiteContext) -> int | None:
    raw = re.sub(r"\s", "", raw)
    year = int(raw) if raw.isdigit() else cn_to_int(raw)
    return year if year is not None and 1900 <= year <= ctx.crawled_at.year else None


def _count(raw: str) -> int | None:
    raw = raw.strip().lower()
    return _EN_NUM[raw] if raw in _EN_NUM else parse_int(raw)


def _structured_founding(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    """schema.org `foundingDate` ("2009", "2009-03-01") of an Organization / LocalBusiness."""
    urls = {p.url for p in pages}
    found = []
    for url, org in ctx.structured:
        raw = as_text(org.get("foundingDate"))
        match = _LEADING_YEAR.match(raw)
        year = _year(match.group(1), ctx) if match and url in urls else None
        if year is not None:
            found.append(Evidence("founded_year", year, "high", url, f"foundingDate: {raw}",
                                  "schema.org"))
    return found


def founded_year(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    found: list[Evidence] = _structured_founding(pages, ctx)
    own = own_org_names(pages)
    for page in site_pages(pages, articles=True):
        if page.role == "cases":
            continue  # a reference project's write-up states its client's founding (阳光人寿成立于2007年)
        strong = page.role in ("about", "home") and not page.is_article
        for pattern, method in _ZH_STATED + _EN_STATED:
            for match in pattern.finditer(page.folded):
                year = _year(match.group(1), ctx)
                before = _clause_before(page.folded, match.start(), 8)
                between = match.group(2) if match.lastindex and match.lastindex >= 2 else ""
                if year is None or _BRANCH_WORDS.search(before + (between or "")) or \
                        between.rstrip().endswith(_ZH_UNIT_HEADS) or \
                        (method.startswith("en-") and _begins_other(page.folded, match, method)):
                    continue
                confidence = "high" if strong and method not in _LOOSER else "medium"
                other = _other_company(page.folded, match.start(), own) if method.startswith("zh-") else ""
                doubt = _doubt(page, match, other)
                if doubt:
                    confidence = "low"
                found.append(evidence("founded_year", year, confidence, page, match.span(), method + doubt))
        for match in _EN_SINCE.finditer(page.folded):
            year = _year(match.group(1), ctx)
            if year is None or _EN_SINCE_SKIP.search(page.folded[max(0, match.start() - 60):
                                                                 match.start()]) or _a_makers(page.folded, match):
                continue
            doubt = _doubt(page, match, "")
            found.append(evidence("founded_year", year, "low" if doubt else "medium", page, match.span(),
                                  "en-since" + doubt))
        found.extend(_inferred(page, ctx))
    return found


def _clause_start(text: str, start: int) -> int:
    """Where the clause holding `start` begins (after its comma or sentence mark)."""
    return max(text.rfind(mark, 0, start) for mark in _CLAUSE_MARKS) + 1


def _clause_before(text: str, start: int, width: int) -> str:
    """Up to `width` characters before `start`, within its clause (分公司，公司成立于 is the company's)."""
    return text[max(_clause_start(text, start), start - width):start]


def _other_company(text: str, start: int, own: set[str]) -> str:
    """The company named as the subject right before a founding verb at `start`, when the site's
    titles name a different company; '' otherwise (no subject, 公司, or its own name)."""
    found = _ZH_ORG_SUBJECT.search(text, _clause_start(text, start), start)
    if not found or not own:
        return ""
    subject = found.group(1)
    return "" if names_own(subject, own) else subject


def _doubt(page: ParsedPage, match: re.Match[str], other: str) -> str:
    """Why a stated founding is likely not the company's ('' when nothing speaks against it), as
    a method of its own: the calibration table, which levels a method by its record, must not
    raise these with the plain method's record."""
    if other:
        return f" of another company (about {other}, not this site's company)"
    if _of_predecessor(page.folded, match):
        return " of a predecessor"
    return " in an article" if page.is_article else ""


def _of_predecessor(text: str, match: re.Match[str]) -> bool:
    """A founding in a sentence about the company's predecessor (公司前身是…，创建于1956年)."""
    left, _ = sentence_bounds(text, match.start(), match.end())
    return _PREDECESSOR.search(text, left, match.start()) is not None


# The clause after an opening phrase, to its verb: ", ADT is", ", Honeywell has".
_SUBJECT_AFTER = re.compile(r"[^,.;\n]{0,60},\s+((?:[A-Z][\w&.-]*\s+){1,3}?)"
                            r"(?:is|has|brings|offers|provides|remains)\b")


def _a_makers(text: str, match: re.Match[str]) -> bool:
    """A "since" or an age sentence whose subject is a maker the site resells, not the site's
    company: "Cisco is the worldwide technology leader that has been making the Internet work
    since 1984", "ADT brings over 140 years of experience", "With over 140 years of experience,
    ADT is a name you can trust"."""
    left, right = sentence_bounds(text, match.start(), match.end())
    before = text[left:match.start()]
    if table_brand(before) is not None and not _EN_OWN_SUBJECT.search(before):
        return True
    # the subject after an opening phrase: "With over 140 years of experience, ADT is a name you can trust"
    after = _SUBJECT_AFTER.match(text, match.end(), right)
    return after is not None and table_brand(after.group(1)) is not None


def _begins_other(text: str, match: re.Match[str], method: str = "") -> bool:
    """An English founding phrase about a branch, store or website rather than the company."""
    if method == "en-verb-object-year":  # the object says what began: not a maker, a branch, a store
        began = _OBJECT_OF.sub("", match.group(0))
        return table_brand(began) is not None or _EN_OTHER.search(began) is not None
    left, right = sentence_bounds(text, match.start(), match.end())
    before = text[left:match.start()]
    if _EN_OTHER_SUBJECT.search(before):
        return True  # "Our Leeds office was established in 2012"
    if _EN_OTHER_ORG.search(before) and not _EN_OWN_SUBJECT.search(before):
        return True  # "the national non-profit organization, established in 1977"
    if match.group(0)[:2].lower() == "in":  # "In 2012 we opened / established our second branch"
        return bool(_EN_OTHER.search(text, match.end(), right))
    if _EN_WEAK_VERB.match(match.group(0)):  # "launched in 2015, our app ..."
        return bool(_EN_OTHER.search(text[left:right]))
    return False


def _inferred(page: ParsedPage, ctx: SiteContext) -> list[Evidence]:
    if page.is_article:
        return []
    found = []
    for pattern, method in ((_ZH_AGE, "zh-age"), (_ZH_AGE_HISTORY, "zh-history"),
                            (_EN_AGE, "en-age")):
        for match in pattern.finditer(page.folded):
            sentence_start = max(page.folded.rfind(".", 0, match.start()),
                                 page.folded.rfind("\n", 0, match.start()))
            if method == "en-age" and (_PERSONAL.search(page.folded[sentence_start + 1:match.end() + 40])
                                       or _a_makers(page.folded, match)):
                continue  # a person's years, or a maker's ("ADT brings over 140 years of experience")
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
        found.extend(_start_years(page, ctx))
    return found


def _start_years(page: ParsedPage, ctx: SiteContext) -> list[Evidence]:
    """Years in access control computed from a stated start year (crawl year - start year)."""
    found = []
    for pattern in (_ZH_AC_START, _EN_AC_START):
        for match in pattern.finditer(page.folded):
            if pattern is _ZH_AC_START:
                raw, marked = match.group(2), bool(match.group(1) or match.group(3))
                if not (marked or match.group(4) in _ENTRY_VERBS):
                    continue  # "2019年销售门禁产品5000台" is a sales figure, not a start
            else:
                raw = match.group(1) or match.group(2)
            start = _year(raw, ctx)
            if start is None:
                continue
            years = ctx.crawled_at.year - start
            found.append(evidence("years_in_access_control", years, "medium", page, match.span(),
                                  f"computed from the start year {start} stated on the page: "
                                  f"crawl year {ctx.crawled_at.year} - {start}"))
    return found
