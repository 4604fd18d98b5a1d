"""Evidence that access control is, or is not, a company's main line (for access.py).

Each reader adds one signed weight to `Verdicts` with a reason a rep can read: main-line
statements (主营…, "we specialise in…"), service lists naming three or more lines, the company's
own name and page titles, and the share of access-control lines on the product pages. Lines of a
list are classed with the access-control terms and the other product lines of
`keywords/business.py` (ACCESS_CONTROL, MAIN_LINE).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate

from prospect_intel.core.document import ParsedPage
from prospect_intel.core.models import Evidence
from prospect_intel.core.terms import TermAlternation
from prospect_intel.core.text import fold, line_of

from .common import evidence, load, term_pattern

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
MAIN_LINES = 4  # lines a company names as its main ones: access control among them is a main line
# Words that make the line after them a sideline: 兼做门禁, 兼营, "also fit access control".
_ASIDE = re.compile(r"兼|另外|此外|\balso\b|\bsideline\b|\boccasionally\b", re.IGNORECASE)


@cache
def ac_terms() -> TermAlternation:
    table = load("business")["access_control"]
    return term_pattern([*table["zh"], *table["en"]], plurals=True)


@cache
def _lead_ins() -> TermAlternation:
    table = load("business")["main_line"]
    return term_pattern([*table["zh"], *table["en"]])


@cache
def _other_lines() -> TermAlternation:
    table = load("business")["main_line"]
    return term_pattern([*table["other_zh"], *table["other_en"]], plurals=True)


@dataclass
class Verdicts:
    """Signed weights per kind of evidence, with the evidence each came from."""

    score: Counter[str] = field(default_factory=Counter)
    reasons: list[str] = field(default_factory=list)
    where: dict[str, Evidence] = field(default_factory=dict)

    def add(self, kind: str, weight: int, reason: str, item: Evidence) -> None:
        self.score[kind] = weight
        self.reasons.append(f"{'+' if weight > 0 else '-'}{abs(weight)} {reason}")
        self.where.setdefault(kind, item)


# --- main-line statements ---------------------------------------------------------------------

def statements(pages: Sequence[ParsedPage], verdicts: Verdicts) -> None:
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
    return _kinds_of(clause, [m.start() for m in _other_lines().finditer(clause)],
                     [m.start() for m in ac_terms().finditer(clause)])


def _kinds_of(clause: str, other: Sequence[int], ac: Sequence[int]) -> list[str]:
    """`_kinds` given where other lines and access-control terms start in `clause`; access
    control said to be a sideline (兼做门禁, "and also fit access control") is "aside"."""
    ends = [m.start() for m in _ITEM_SPLIT.finditer(clause)]
    kinds: dict[int, str] = {}
    for start in other:
        kinds.setdefault(bisect_right(ends, start), "other")
    for start in ac:
        item = bisect_right(ends, start)
        opening = ends[item - 1] if item else 0
        kinds[item] = "aside" if _ASIDE.search(clause, opening, start) else "ac"
    return [kinds[i] for i in sorted(kinds)]


def _kinds_verdict(kinds: list[str]) -> bool:
    """True: access control listed first, as half of the lines, or as one of at most MAIN_LINES
    lines (LABELLING: "among its main lines"); False: one of many, other lines leading, or
    access control named only as a sideline."""
    if "ac" not in kinds:
        return False
    return kinds[0] == "ac" or kinds.count("ac") * 2 >= len(kinds) or len(kinds) <= MAIN_LINES


def listed_lines(hits: Sequence[tuple[ParsedPage, re.Match[str]]], template: set[str],
                  verdicts: Verdicts) -> None:
    """Service lists without a lead-in (监控安装、电脑维修、门禁安装、网络布线; "CCTV, alarms,
    access control and intercoms"): three or more lines named, access control among them."""
    votes: Counter[bool] = Counter()
    first: dict[bool, Evidence] = {}
    done: tuple[str, int] = ("", -1)  # page and end of the sentence read last
    read = 0
    terms = _PageTerms(hits)
    for page, match in hits:
        if page.url == done[0] and match.start() < done[1]:
            continue  # the same sentence again (hits come in page order)
        read += 1
        if read > LIST_SENTENCES:
            break  # about and home pages come first; enough has been read
        left, right = terms.sentence_at(page, match.start(), match.end())
        done = (page.url, right)
        if right - left > LIST_MAX or line_of(page.text, match.start()) in template:
            continue
        other, ac, lead = terms.within(page, left, right)
        if lead:
            continue  # a main-line statement, weighed above
        kinds = _kinds_of(page.folded[left:right], other, ac)
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


class _PageTerms:
    """Where each page's other lines, access-control terms and lead-ins start, read once per
    page for all of its sentences instead of once per sentence.

    The same starts as reading each sentence on its own: a sentence ends at a mark (。；\\n ". "
    ...) or at the text's edge (a longer one is not read), no term holds a mark, and the terms'
    lookarounds only test for a Latin letter, which a mark is not; so no match crosses a
    sentence's bounds, and each one inside is found in the sentence alone too.
    """

    def __init__(self, hits: Sequence[tuple[ParsedPage, re.Match[str]]]):
        self._ac: dict[str, list[int]] = {}
        for page, match in hits:
            self._ac.setdefault(page.url, []).append(match.start())
        self._read: dict[str, tuple[list[int], list[tuple[int, int]]]] = {}
        self._marks: dict[str, tuple[list[int], list[int]]] = {}

    def sentence_at(self, page: ParsedPage, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence around [start, end) of `page.folded`: just after the nearest
        mark (_ENDS) before it and just after the nearest one after it, looked for within LIST_MAX
        characters. Read from the page's marks, found once (marks never overlap, so the last one
        ending before `start` and the first one starting after `end` are the nearest of any
        kind)."""
        marks = self._marks.get(page.url)
        if marks is None:
            found = list(_MARK.finditer(page.folded))
            marks = self._marks[page.url] = ([m.start() for m in found], [m.end() for m in found])
        starts, ends = marks
        floor, ceiling = max(0, start - LIST_MAX), min(len(page.folded), end + LIST_MAX)
        before = bisect_right(ends, start) - 1
        after = bisect_left(starts, end)
        left = ends[before] if before >= 0 and starts[before] >= floor else floor
        right = ends[after] if after < len(starts) and ends[after] <= ceiling else ceiling
        return left, right

    def within(self, page: ParsedPage, left: int, right: int) -> tuple[list[int], list[int], bool]:
        """Starts of other lines and of access-control terms inside [left, right), relative to
        left, and whether a lead-in lies inside."""
        read = self._read.get(page.url)
        if read is None:
            read = self._read[page.url] = ([m.start() for m in _other_lines().finditer(page.folded)],
                                           [m.span() for m in _lead_ins().finditer(page.folded)])
        other, leads = read
        return (_inside(other, left, right), _inside(self._ac.get(page.url, []), left, right),
                any(left <= start and end <= right for start, end in leads))


def _inside(starts: Sequence[int], left: int, right: int) -> list[int]:
    """The starts in [left, right), made relative to left."""
    return [at - left for at in starts[bisect_left(starts, left):bisect_left(starts, right)]]


_ENDS = ("。", "！", "？", "!", "?", "；", ";", "\n", ". ")
_MARK = re.compile("|".join(map(re.escape, _ENDS)))


# --- the company's own name, titles and descriptions ------------------------------------------

def own_name(pages: Sequence[ParsedPage], hits: Sequence[tuple[ParsedPage, re.Match[str]]],
              verdicts: Verdicts) -> None:
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
            name_hit = next((m for m in ac_terms().finditer(folded)
                             if _name_around(folded, m.start(), m.end())), None)
            if name_hit is not None:
                verdicts.add("name", NAME, f"company name in the title holds access control: "
                             f"{text[:60]}", Evidence("access_control_is_main", True, "medium",
                                                      page.url, text[:120], "name"))
                return
            kinds = _kinds(folded) if ac_terms().search(folded) else []
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

def template_lines(pages: Sequence[ParsedPage]) -> set[str]:
    """Lines printed on most pages (three in five, at least two): navigation, footers, tickers.
    A service heading the home page repeats from the products page is not one of them."""
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update(page.line_set)
    least = max(2, -(-3 * len(pages) // 5))
    return {line for line, count in counts.items() if count >= least} if len(pages) > 1 else set()


def product_share(pages: Sequence[ParsedPage], template: set[str], verdicts: Verdicts) -> None:
    ac_lines: set[str] = set()
    other: set[str] = set()
    first: tuple[ParsedPage, tuple[int, int]] | None = None
    for page in pages:
        if page.role != "products":
            continue
        lines = page.text.split("\n")
        starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        ac_at = {bisect_right(starts, m.start()) - 1 for m in ac_terms().finditer(page.folded)}
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
