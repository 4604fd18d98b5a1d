"""Whether a prospect deals in access control, and whether access control is its main line.

sells_access_control: any access-control term (`data/business.toml` [access_control]) on the
site's own pages; the snippet is a sentence of the site's own text, not a navigation bar or a
news ticker printed on every page.

access_control_is_main weighs three kinds of evidence, each named in `method`:

- main-line statements (主营…, 专业从事…, 致力于…, "we specialise in…", "is a leading…",
  [main_line]): access control listed first, or as at least half of the lines named → yes;
  named only after other lines, or not at all while other lines are → other lines dominate;
- the company's own name (printed in a page title or on two pages) holding 门禁 / 一卡通 /
  "access control" → yes; access control in the home or about page's title or description →
  yes, weaker;
- the share of access-control lines among the product lines the product pages print (distinct
  lines; navigation repeated on other pages left out; other lines from [main_line] other_*):
  half or more → yes, a fifth or less → other lines dominate.

The verdict is the sign of the summed weights. `False` needs positive evidence that other lines
dominate: a site that mentions access control only in passing gets no verdict, so the field is
absent rather than a guess (the scorer then keeps the knock-out open).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from typing import Sequence

from prospect.models import Evidence

from .business import _patterns
from .common import SiteContext, evidence, load, site_pages, term_pattern
from .document import ParsedPage
from .terms import TermAlternation
from .text import fold

STATEMENT, NAME, LIST, SHARE, TITLE = 3, 3, 2, 2, 1  # weights of the kinds of evidence
LIST_MAX = 160  # longest sentence read as a service list
LIST_SENTENCES = 150  # sentences naming access control read per site at most
_CLAUSE_END = re.compile(r"[。；;!！?？\n]|\.(?:\s|$)")
_ITEM_SPLIT = re.compile(r"[、，,/；;]|以及|和|及|与|\band\b|&|\bor\b", re.IGNORECASE)
_ZH_NAME_AFTER = re.compile(r"[\u4e00-\u9fa5]{0,8}?(?:股份有限公司|有限责任公司|有限公司|公司|集团|商行|经营部|工程部)")
_ZH_NAME_BEFORE = re.compile(r"[\u4e00-\u9fa5]{1,14}$")
_EN_NAME_AFTER = re.compile(r"(?:\s+[A-Z][\w&'-]*){0,3}\s+(?:Ltd\.?|Limited|LLC|Inc\.?|Co\.|Company|"
                            r"Corp\.?|Group|GmbH|PLC)(?![\w])")
_EN_NAME_BEFORE = re.compile(r"(?:[A-Z][\w&'-]*\s+){1,3}$")
SHARE_MIN_LINES = 3


@cache
def _ac() -> TermAlternation:
    return _patterns("access_control", "")


@cache
def _lead_ins() -> TermAlternation:
    table = load("business")["main_line"]
    return term_pattern([*table["zh"], *table["en"]])


@cache
def _other_lines() -> TermAlternation:
    table = load("business")["main_line"]
    return term_pattern([*table["other_zh"], *table["other_en"]])


def access_control_hits(page: ParsedPage) -> list[re.Match[str]]:
    return list(_ac().finditer(page.folded))


@dataclass
class _Verdicts:
    """Signed weights per kind of evidence, with the evidence each came from."""

    score: Counter[str] = field(default_factory=Counter)
    reasons: list[str] = field(default_factory=list)
    where: dict[str, Evidence] = field(default_factory=dict)

    def add(self, kind: str, weight: int, reason: str, item: Evidence) -> None:
        self.score[kind] = weight
        self.reasons.append(f"{'+' if weight > 0 else '-'}{abs(weight)} {reason}")
        self.where.setdefault(kind, item)


def access_control(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    """sells_access_control and access_control_is_main."""
    own = site_pages(pages)
    if not own:
        return []
    template = _template_lines(own)
    hits = [(page, match) for page in own for match in access_control_hits(page)]
    titled = [p for p in own if _ac().search(fold(f"{p.title}\n{p.description}"))]
    if not hits and not titled:
        page = own[0]
        return [Evidence("sells_access_control", False, "medium", page.url, "",
                         f"no access-control term on {len(own)} page(s)"),
                Evidence("access_control_is_main", False, "medium", page.url, "",
                         "does not deal in access control")]
    found = [_sells(hits, titled, template)]
    verdicts = _Verdicts()
    _statements(own, verdicts)
    _listed_lines(hits, template, verdicts)
    _own_name(own, hits, verdicts)
    _product_share(own, template, verdicts)
    main = _verdict(verdicts)
    return found + ([main] if main else [])


def _sells(hits: Sequence[tuple[ParsedPage, re.Match[str]]], titled: Sequence[ParsedPage],
           template: set[str]) -> Evidence:
    if not hits:
        page = titled[0]
        return Evidence("sells_access_control", True, "medium", page.url, page.title[:120],
                        f"access control named in the title or description of {len(titled)} page(s)")
    pages_with = {page.url for page, _ in hits}
    page, match = next(((p, m) for p, m in hits if _line_of(p.text, m.start()) not in template),
                       hits[0])
    confidence = "high" if len(hits) >= 3 and len(pages_with) >= 2 else "medium"
    return evidence("sells_access_control", True, confidence, page, match.span(),
                    f"{len(hits)} access-control mention(s) on {len(pages_with)} page(s)")


def _verdict(verdicts: _Verdicts) -> Evidence | None:
    total = sum(verdicts.score.values())
    if total == 0:
        return None
    value = total > 0
    against = any((w < 0) == value for w in verdicts.score.values() if w)
    if value:
        confidence = "high" if total >= 5 and not against else "medium" if total >= 3 else "low"
    else:
        confidence = "medium" if total <= -4 and not against else "low"
    best = max((k for k, w in verdicts.score.items() if (w > 0) == value and w),
               key=lambda k: abs(verdicts.score[k]))
    item = verdicts.where[best]
    method = f"score {total:+d}: " + "; ".join(verdicts.reasons)
    return Evidence("access_control_is_main", value, confidence, item.source_url, item.snippet,
                    method)


# --- main-line statements ---------------------------------------------------------------------

def _statements(pages: Sequence[ParsedPage], verdicts: _Verdicts) -> None:
    votes: Counter[bool] = Counter()
    first: dict[bool, Evidence] = {}
    for page in pages:
        if page.role not in ("home", "about", "products", "contact"):
            continue
        for lead in _lead_ins().finditer(page.folded):
            end = _CLAUSE_END.search(page.folded, lead.end(), lead.end() + 80)
            clause = page.folded[lead.end():end.start() if end else lead.end() + 80]
            verdict = _clause_verdict(clause)
            if verdict is not None:
                votes[verdict] += 1
                first.setdefault(verdict, evidence("access_control_is_main", verdict, "medium",
                                                   page, (lead.start(), lead.end() + len(clause)),
                                                   "statement"))
    if votes[True] != votes[False]:
        value = votes[True] > votes[False]
        item = first[value]
        what = "names access control as its main line" if value else \
            "names other lines before or instead of access control"
        verdicts.add("statement", STATEMENT if value else -STATEMENT,
                     f"main-line statement {what}: \"{item.snippet[:60]}\"", item)


def _clause_verdict(clause: str) -> bool | None:
    kinds = _kinds(clause)
    return _kinds_verdict(kinds) if kinds else None


def _kinds(clause: str) -> list[str]:
    """"ac" or "other" for each listed item that names a product line (in the order listed)."""
    ends = [m.start() for m in _ITEM_SPLIT.finditer(clause)]
    kinds: dict[int, str] = {}
    for match in _other_lines().finditer(clause):
        kinds.setdefault(bisect_right(ends, match.start()), "other")
    for match in _ac().finditer(clause):
        kinds[bisect_right(ends, match.start())] = "ac"
    return [kinds[i] for i in sorted(kinds)]


def _kinds_verdict(kinds: list[str]) -> bool:
    """True: access control listed first or as half of the lines; False: other lines lead."""
    return kinds[0] == "ac" or kinds.count("ac") * 2 >= len(kinds)


def _listed_lines(hits: Sequence[tuple[ParsedPage, re.Match[str]]], template: set[str],
                  verdicts: _Verdicts) -> None:
    """Service lists without a lead-in (监控安装、电脑维修、门禁安装、网络布线; "CCTV, alarms,
    access control and intercoms"): three or more lines named, access control among them."""
    votes: Counter[bool] = Counter()
    first: dict[bool, Evidence] = {}
    done: tuple[str, int] = ("", -1)  # page and end of the sentence read last
    read = 0
    for page, match in hits:
        if page.url == done[0] and match.start() < done[1]:
            continue  # the same sentence again (hits come in page order)
        read += 1
        if read > LIST_SENTENCES:
            break  # about and home pages come first; enough has been read
        left, right = _sentence_at(page.folded, match.start(), match.end())
        done = (page.url, right)
        if right - left > LIST_MAX or _line_of(page.text, match.start()) in template:
            continue
        sentence = page.folded[left:right]
        if _lead_ins().search(sentence):
            continue  # a main-line statement, weighed above
        kinds = _kinds(sentence)
        if len(kinds) >= 3:
            verdict = _kinds_verdict(kinds)
            votes[verdict] += 1
            first.setdefault(verdict, evidence("access_control_is_main", verdict, "low", page,
                                               (left, right), "list"))
    if votes[True] != votes[False]:
        value = votes[True] > votes[False]
        item = first[value]
        what = "lists access control first or as most of its lines" if value else \
            "lists access control among other lines"
        verdicts.add("list", LIST if value else -LIST, f"a service list {what}: "
                     f"\"{item.snippet[:60]}\"", item)


_ENDS = ("。", "！", "？", "!", "?", "；", ";", "\n", ". ")


def _sentence_at(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around [start, end), looked for within LIST_MAX characters
    (str.rfind / str.find: a long page costs no per-character Python loop)."""
    floor, ceiling = max(0, start - LIST_MAX), min(len(text), end + LIST_MAX)
    left = max((text.rfind(mark, floor, start) + len(mark) for mark in _ENDS
                if text.rfind(mark, floor, start) >= 0), default=floor)
    right = min((text.find(mark, end, ceiling) + len(mark) for mark in _ENDS
                 if text.find(mark, end, ceiling) >= 0), default=ceiling)
    return left, right


# --- the company's own name, titles and descriptions ------------------------------------------

def _own_name(pages: Sequence[ParsedPage], hits: Sequence[tuple[ParsedPage, re.Match[str]]],
              verdicts: _Verdicts) -> None:
    titles = [fold(p.title) for p in pages]
    for page, match in hits:
        name = _name_around(page.folded, match.start(), match.end())
        if not name:
            continue
        on_pages = sum(1 for p in pages if name in p.folded)
        if any(name in t for t in titles) or on_pages >= 2:
            start = page.folded.find(name)
            item = evidence("access_control_is_main", True, "medium", page,
                            (start, start + len(name)), "name")
            verdicts.add("name", NAME, f"company name holds access control: {name}", item)
            return
    for page in pages:
        if page.role not in ("home", "about"):
            continue
        for text in (page.title, page.description):
            folded = fold(text)
            name_hit = next((m for m in _ac().finditer(folded)
                             if _name_around(folded, m.start(), m.end())), None)
            if name_hit is not None:
                verdicts.add("name", NAME, f"company name in the title holds access control: "
                             f"{text[:60]}", Evidence("access_control_is_main", True, "medium",
                                                      page.url, text[:120], "name"))
                return
            kinds = _kinds(folded) if _ac().search(folded) else []
            if kinds and "title" not in verdicts.score:
                value = _kinds_verdict(kinds)
                what = "names access control" if value else "names other lines before access control"
                verdicts.add("title", TITLE if value else -TITLE,
                             f"the {page.role} page's title or description {what}: {text[:60]}",
                             Evidence("access_control_is_main", value, "low", page.url, text[:120],
                                      "title"))


def _name_around(text: str, start: int, end: int) -> str:
    """A company name holding the term at [start, end) (某某门禁科技有限公司, Acme Access Control Ltd)."""
    after = _ZH_NAME_AFTER.match(text, end)
    if after and after.end() - end <= 14:
        before = _ZH_NAME_BEFORE.search(text, max(0, start - 14), start)
        return text[before.start() if before else start:after.end()]
    after = _EN_NAME_AFTER.match(text, end)
    if after:
        before = _EN_NAME_BEFORE.search(text, max(0, start - 60), start)
        return text[before.start() if before else start:after.end()].strip()
    return ""


# --- share of product lines -------------------------------------------------------------------

def _template_lines(pages: Sequence[ParsedPage]) -> set[str]:
    """Lines printed on most pages (three in five, at least two): navigation, footers, tickers.
    A service heading the home page repeats from the products page is not one of them."""
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update(set(page.text.split("\n")))
    least = max(2, -(-3 * len(pages) // 5))
    return {line for line, count in counts.items() if count >= least} if len(pages) > 1 else set()


def _line_of(text: str, position: int) -> str:
    return text[text.rfind("\n", 0, position) + 1:(text.find("\n", position) + 1 or len(text) + 1) - 1]


def _product_share(pages: Sequence[ParsedPage], template: set[str], verdicts: _Verdicts) -> None:
    ac_lines: set[str] = set()
    other: set[str] = set()
    first: tuple[ParsedPage, tuple[int, int]] | None = None
    for page in pages:
        if page.role != "products":
            continue
        lines = page.text.split("\n")
        starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        ac_at = {bisect_right(starts, m.start()) - 1 for m in _ac().finditer(page.folded)}
        for index in ac_at:
            if lines[index] not in template:
                ac_lines.add(lines[index])
                first = first or (page, (starts[index], starts[index] + len(lines[index])))
        for match in _other_lines().finditer(page.folded):
            index = bisect_right(starts, match.start()) - 1
            if index not in ac_at and lines[index] not in template:
                other.add(lines[index])
    total = len(ac_lines) + len(other)
    if total < SHARE_MIN_LINES:
        return
    share = len(ac_lines) / total
    summary = f"{len(ac_lines)} of {total} product lines on the product pages are access control"
    if share >= 0.5 and first:
        verdicts.add("share", SHARE, summary, evidence("access_control_is_main", True, "low",
                                                       first[0], first[1], "share"))
    elif share <= 0.2 and len(other) >= 4:
        page = next(p for p in pages if p.role == "products")
        verdicts.add("share", -SHARE, summary, Evidence("access_control_is_main", False, "low",
                                                        page.url, page.title[:120], "share"))
