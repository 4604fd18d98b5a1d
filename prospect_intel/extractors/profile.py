"""Company name and main business.

Company name: schema.org `name`, then the legal-looking name (…有限公司, "… LLC") most often
printed across pages (titles, copyright lines, contact blocks), then the page-title segment that
repeats on most pages. Main business: the clause after 主营 / 专业从事 / "specialize in", else the
home page's meta description.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from prospect_intel.core.document import ParsedPage
from prospect_intel.core.models import Evidence
from prospect_intel.core.needles import NeedleSet, lowered
from prospect_intel.core.structured import as_text
from prospect_intel.core.terms import Gated, Started
from prospect_intel.core.text import line_of

from .common import SiteContext, evidence, load, site_pages
from .keywords import company_names

# Every name ends in one of these words; the name is at most 30 characters before it (so the
# pattern, which starts with a character class, runs only in the windows around them).
_ZH_NAME = Gated.of_words(company_names.ZH_SUFFIXES, r"[\u4e00-\u9fa5（）()]{2,30}?(?:{words})",
                          required=company_names.ZH_SUFFIX_GATE, longest=36)
_ZH_NAME_PREFIX = re.compile(r"^(?:欢迎(?:进入|访问|来到|光临)?|版权所有|本站|关于|地址|联系|您好|我们是|"
                             r"技术支持|主办单位|所属|简称|我|本|公司|是|为|由|的|与|和|及)+")
_EN_NAME = re.compile(r"\b((?:[A-Z][\w&'.-]*\s+){1,5}(?:Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Limited|"
                      r"Co\.,? Ltd\.?|Corp\.?|Corporation|Pvt\.? Ltd\.?|GmbH|PLC|LLP|Company))")
_TITLE_SPLIT = re.compile(r"\s*(?:\||-{1,3}|–|—|_|::|·|»|,)\s*")


def company_name(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    found: list[Evidence] = []
    by_url = {p.url: p for p in pages}
    for url, org in ctx.structured:
        name = as_text(org.get("name") or org.get("legalName"))
        if name and url in by_url and len(name) <= 80:
            found.append(Evidence("company_name", name, "high", url, f"name: {name}",
                                  "schema.org"))
    counts: Counter[str] = Counter()
    first: dict[str, tuple[ParsedPage, tuple[int, int]]] = {}
    pattern = _ZH_NAME if ctx.lang == "zh" else _EN_NAME
    for page in site_pages(pages):
        for match in pattern.finditer(page.folded if pattern is _ZH_NAME else _owner_lines(page)):
            name = _ZH_NAME_PREFIX.sub("", match.group(1 if pattern is _EN_NAME else 0)).strip()
            if pattern is _ZH_NAME:
                name = _as_printed(page, match, name)
            if len(name) < 4 or name in ("有限公司", "分公司", "子公司"):
                continue
            counts[name] += 1
            if pattern is _ZH_NAME:
                first.setdefault(name, (page, match.span()))
            else:  # the match is in title/copyright lines: find it again in the page text
                at = page.folded.find(name)
                first.setdefault(name, (page, (at, at + len(name)) if at >= 0 else (-1, -1)))
    if counts:
        name, count = max(counts.items(), key=lambda kv: (kv[1], len(kv[0])))
        page, span = first[name]
        confidence = "high" if count >= 3 else "medium"
        method = f"legal name printed {count} time(s)"
        found.append(evidence("company_name", name, confidence, page, span, method)
                     if span[0] >= 0 else
                     Evidence("company_name", name, confidence, page.url, page.title, method))
    title = _title_name(pages)
    if title:
        found.append(Evidence("company_name", title[0], "low", title[1], title[0],
                              "segment repeated in page titles"))
    return found


# Markup printed as text inside a name (恒达<script>alert('xss')</script>安防科技有限公司, 恒达&nbsp;安防):
# the name pattern stops at it, so the part before it is joined back on.
_MARKUP_BEFORE = re.compile(r"(?:[\u4e00-\u9fa5]{1,12}(?:<(\w+)[^<>\n]{0,60}>[^<>\n]{0,60}?</\1>"
                            r"|<[^<>\n]{1,60}>|&#?\w{1,8};))+$")


def _as_printed(page: ParsedPage, match: re.Match[str], name: str) -> str:
    """The name as the page prints it: traditional characters kept (the match is on the folded
    text), markup or entities printed inside the name kept with the part before them."""
    end = match.end()
    start = end - len(name)
    if start == match.start():
        glued = _MARKUP_BEFORE.search(page.folded, max(0, start - 200), start)
        if glued:
            prefix = _ZH_NAME_PREFIX.match(page.folded[glued.start():start])
            start = glued.start() + (prefix.end() if prefix else 0)
    return page.text[start:end]


def _owner_lines(page: ParsedPage) -> str:
    """English legal names count only where a site names itself: title and copyright lines
    (project pages name clients' "… Pvt. Ltd." far more often than the site's own)."""
    return "\n".join([page.title, *_owner_marked(page.folded)])


_OWNER_MARKS = ("©", "(c)", "copyright", "rights reserved")
_OWNER_MARK = re.compile("|".join(map(re.escape, _OWNER_MARKS)), re.IGNORECASE)
_OWNER_NEEDLES = NeedleSet(_OWNER_MARKS)  # a page's places come from its shared keyword pass


def _owner_marked(text: str) -> list[str]:
    """The lines of `text` holding an _OWNER_MARK, in order, found from where the marks are."""
    hay = lowered(text)
    if hay is None:  # lower() would move offsets
        return [line for line in text.split("\n") if _OWNER_MARK.search(line)]
    starts = {text.rfind("\n", 0, at) + 1 for found in _OWNER_NEEDLES.starts(hay).values() for at in found}
    return [line_of(text, start) for start in sorted(starts)]


def _title_name(pages: Sequence[ParsedPage]) -> tuple[str, str] | None:
    counts: Counter[str] = Counter()
    where: dict[str, str] = {}
    for page in pages:
        for part in dict.fromkeys(_TITLE_SPLIT.split(page.title)):
            if 2 <= len(part) <= 60:
                counts[part] += 1
                where.setdefault(part, page.url)
    if not counts:
        return None
    name, count = counts.most_common(1)[0]
    return (name, where[name]) if count >= 2 or len(pages) == 1 else None


@cache
def _lead_in() -> Started:
    """The lead-in phrases, tried only where one is printed (the English ones are patterns: their
    text up to the first group is the literal every match starts with)."""
    table = load("business")["main_business"]
    zh = "|".join(re.escape(t) for t in sorted(table["zh"], key=len, reverse=True))
    en = "|".join(table["en"])
    pattern = re.compile(rf"(?:{zh})\s*[:：]?\s*([^。；;!！\n]{{4,80}})|\b(?:{en})\s+([^.;!\n]{{4,120}})",
                         re.IGNORECASE)
    return Started(pattern, [*table["zh"], *(re.split(r"[(\[\\?*+{|]", term)[0] for term in table["en"])])


def main_business(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    found = []
    for page in site_pages(pages):
        if page.role not in ("about", "home", "products"):
            continue
        for match in _lead_in().finditer(page.folded):
            value = (match.group(1) or match.group(2)).strip(" ，,、")
            value = page.text[match.start(1 if match.group(1) else 2):][:len(value)]
            confidence = "medium" if page.role == "about" else "low"
            found.append(evidence("main_business", value, confidence, page, match.span(),
                                  "lead-in phrase"))
            break
    if not found:
        home = next((p for p in pages if p.role == "home" and p.description), None)
        if home:
            found.append(Evidence("main_business", home.description[:120], "low", home.url,
                                  home.description[:120], "home page meta description"))
    return found
