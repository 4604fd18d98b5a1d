"""Access-control product tiers, the main tier and the brands a prospect carries.

Brands come from the maintained list in `keywords/brands.py` (Latin and Chinese names); a brand
counts only on the site's own pages (blog/news articles comparing brands do not), and never
inside the company's own name. Tiers come from the tier of access-control brands found and, on
Chinese sites, from product-line terms (`keywords/business.py` [tiers]): "domestic" and "foreign"
are said of the maker, which a Chinese site's 联网门禁控制器 implies and an English site's
"networked access control" does not (its brands say whose lines it carries).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from prospect_intel.core.document import ParsedPage
from prospect_intel.core.models import Evidence
from prospect_intel.core.needles import NeedleSet, lowered, matches_at
from prospect_intel.core.terms import TermAlternation
from prospect_intel.core.text import fold

from .brandlists import appointed_brands, chinese_brand_lines, listed_brands, prose_brands
from .common import SiteContext, evidence, load, site_pages
from .keywords import brands as words
from .keywords import business as business_words
from .mainline import ac_terms
from .names import own_name

TIERS = ("domestic_mid_networked", "foreign_high_end", "domestic_low_standalone")


@dataclass(frozen=True)
class Brand:
    name: str
    pattern: re.Pattern[str]
    origin: str
    tier: str
    # Lower-cased names and aliases: the pattern can only match where one of them occurs.
    needles: tuple[str, ...] = ()
    access_control_maker: bool = False  # its tier needs no access-control words beside it


# Characters that re.IGNORECASE matches to an ASCII letter while str.lower() does not map them
# there (long s, dotted and dotless i): with one of them on a page the substring pre-check is off.
@cache
def brands() -> tuple[Brand, ...]:
    found = []
    for entry in load("brands")["brand"]:
        names = [entry["name"], *entry.get("aliases", [])]
        parts = []
        for name in sorted(names, key=len, reverse=True):
            body = re.escape(name)
            if re.match(r"[A-Za-z0-9]", name):  # a word of its own, not "5-Axis" (a compound)
                body = r"(?<![A-Za-z0-9])(?<!\d-)" + body + r"(?![A-Za-z0-9])"
            if entry.get("excluded_after"):
                body += r"(?!\s*(?:" + "|".join(map(re.escape, entry["excluded_after"])) + "))"
            parts.append(body)
        flags = 0 if entry.get("match_case") else re.IGNORECASE
        found.append(Brand(entry["name"], re.compile("|".join(parts), flags), entry["origin"],
                           entry.get("tier", ""), tuple(name.lower() for name in names),
                           entry.get("access_control_maker", False)))
    return tuple(sorted(found, key=lambda b: len(b.name), reverse=True))


@cache
def _tier_patterns() -> dict[str, TermAlternation]:
    table = load("business")["tiers"]
    return {tier: TermAlternation.of_terms(sorted(table[tier], key=len, reverse=True), re.IGNORECASE)
            for tier in TIERS}


@cache
def _en_tier_patterns(deals: bool) -> tuple[tuple[str, TermAlternation], ...]:
    """The product lines an English site's tiers come from, once it deals in access control."""
    if not deals:
        return ()
    return tuple((tier, TermAlternation.of_terms(sorted(terms, key=len, reverse=True), re.IGNORECASE))
                 for tier, terms in business_words.EN_LINE_TIERS.items())


@cache
def _brand_needles() -> tuple[NeedleSet, tuple[int, ...]]:
    """Every brand's lower-cased names in one needle set, and the brand (index) of each name."""
    needles = [(index, needle) for index, brand in enumerate(brands()) for needle in brand.needles]
    return NeedleSet([needle for _, needle in needles]), tuple(index for index, _ in needles)


def brand_hits(page: ParsedPage, owner_text: str) -> tuple[tuple[Brand, re.Match[str]], ...]:
    """Brands named on a page, longest names first, never twice over the same characters.

    A brand's pattern can only match where one of its names starts, so it is tried at exactly
    those places (found in one pass for all brands) rather than run over the whole page. The
    brand and tier extractors both read every page: the second reading comes from the cache."""
    return _brand_hits(page.folded, owner_text)


@lru_cache(maxsize=256)
def _brand_hits(text: str, owner_text: str) -> tuple[tuple[Brand, re.Match[str]], ...]:
    own = _own_name_brands(owner_text)
    taken: list[tuple[int, int]] = []
    hits = []
    for index, starts in _brand_starts(text):
        if index in own:
            continue  # the company's own name, e.g. "Siemens Electrical Services Ltd"
        brand = brands()[index]
        for match in _matches_at(brand.pattern, text, starts):
            if _FORMER_NAME.search(text, max(0, match.start() - 30), match.start()) or \
                    _CAREER.search(text, max(0, match.start() - 70), match.start()):
                continue  # "Hanwha (formerly Samsung)"; "his tenures at Honeywell": not a line carried
            if not any(s < match.end() and match.start() < e for s, e in taken):
                taken.append(match.span())
                hits.append((brand, match))
    return tuple(hits)


_FORMER_NAME = re.compile(r"\b(?:formerly|previously)(?:\s+known\s+as)?\s*$", re.IGNORECASE)
# A person's career in the same sentence: the makers someone worked for ("successful tenures at
# industry leaders like Honeywell and Hikvision", "previously worked at Bosch").
_CAREER = re.compile(r"\b(?:tenures?|career|worked|employed|stints?)\b[^.!?\n]{0,60}$", re.IGNORECASE)


def _brand_starts(text: str) -> list[tuple[int, list[int] | None]]:
    """(brand index, where one of its names starts), brands in list order (longest first);
    None for "anywhere" when lower() would move offsets (dotted/dotless i, long s)."""
    hay = lowered(text)
    if hay is None:
        return [(index, None) for index in range(len(brands()))]
    needles, owners = _brand_needles()
    by_brand: dict[int, set[int]] = {}
    for needle, starts in needles.starts(hay).items():
        by_brand.setdefault(owners[needle], set()).update(starts)
    return [(index, sorted(by_brand[index])) for index in sorted(by_brand)]


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int] | None):
    """What `pattern.finditer(text)` yields, trying only `starts` (None: everywhere)."""
    return pattern.finditer(text) if starts is None else matches_at(pattern, text, starts)


@lru_cache(maxsize=64)
def _own_name_brands(owner_text: str) -> frozenset[int]:
    """Indexes (in `brands()`) of the brands a page title starts with."""
    return frozenset(i for i, brand in enumerate(brands()) if _in_own_name(brand, owner_text))


def _in_own_name(brand: Brand, owner_text: str) -> bool:
    """True if a page title (one per line) starts with the brand."""
    return any(brand.pattern.match(title.strip()) for title in owner_text.split("\n"))


def brand_evidence(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    own = site_pages(pages)
    owner_text = "\n".join(p.title for p in own if p.role in ("home", "about", "contact"))
    counts: Counter[str] = Counter()
    first: dict[str, tuple[ParsedPage, tuple[int, int]]] = {}
    for page in own:
        for brand, match in brand_hits(page, owner_text):
            if _instrument_used(page.folded, match):
                continue
            counts[brand.name] += 1
            first.setdefault(brand.name, (page, match.span()))
    listed = _listed(own, counts)
    if not counts:
        return []
    names = [name for name, _ in counts.most_common()]
    page, span = first.get(names[0]) or listed[names[0]]
    confidence = "medium" if len(names) > 1 or counts[names[0]] > 1 else "low"
    pages_named = len({(first.get(n) or listed[n])[0].url for n in names})
    how = f"brand list match on {pages_named} page(s)"
    if listed:
        how += f"; {len(listed)} from the site's brand lists"
    return [evidence("brands", names, confidence, page, span, how)]


# A brand named as the instrument an installer tests its work with is no line it carries: "Fluke
# testing", "Fluke DTX certification reports", "certified on a Fluke DSX".
_TESTED_AFTER = re.compile(r"[ \t]+(?:[A-Z0-9][\w-]*[ \t]+)?(?:test(?:ing|ed|ers?)\b|certification[ \t]+reports?\b|"
                           r"(?:cable[ \t]+)?analy[sz]ers?\b)", re.IGNORECASE)
_TESTED_BEFORE = re.compile(r"\b(?:tested|certified|verified)[ \t]+(?:on|with|using)[ \t]+(?:an?[ \t]+|the[ \t]+)?$",
                            re.IGNORECASE)


def _instrument_used(text: str, match: re.Match[str]) -> bool:
    return _TESTED_AFTER.match(text, match.end()) is not None or \
        _TESTED_BEFORE.search(text, max(0, match.start() - 30), match.start()) is not None


def _listed(pages: Sequence[ParsedPage], counts: Counter[str]) -> dict[str, tuple[ParsedPage, tuple[int, int]]]:
    """Brands the built-in table does not know, from the sites' captioned brand lists: counted
    into `counts`, and where each was first shown."""
    seen = {brand_key(name) for name in counts}
    where: dict[str, tuple[ParsedPage, tuple[int, int]]] = {}
    for page, name in _listed_names(pages):
        key = brand_key(name)
        if key in seen or _cut_short(name, pages):
            continue
        seen.add(key)
        counts[name] += 1
        where[name] = (page, _span_of(page, name))
    return where


def _listed_names(pages: Sequence[ParsedPage]) -> Iterator[tuple[ParsedPage, str]]:
    """(page, name) of each brand a page lists: logo walls and brand strips, brand sentences,
    appointments ("authorised distributor for A and B"), Chinese 代理品牌 lines."""
    own = own_name(pages)  # a manufacturer's wall shows its own logo
    for page in pages:
        for name in (*listed_brands(page, known_brand, own), *prose_brands(page, known_brand, own),
                     *appointed_brands(page, own), *chinese_brand_lines(page, own)):
            yield page, name


def _wall_names(pages: Sequence[ParsedPage]) -> Iterator[tuple[ParsedPage, str]]:
    """(page, name) of each brand of a page's brand lists (logo walls, strips): their alt texts are
    no page text, where the other ways a site names its brands are read."""
    own = own_name(pages)
    return ((page, name) for page in pages for name in listed_brands(page, known_brand, own))


def _span_of(page: ParsedPage, name: str) -> tuple[int, int]:
    """Where the page's text prints a name, or (0, 0) for an alt text."""
    index = page.text.find(name)
    return (index, index + len(name)) if index >= 0 else (0, 0)


def _cut_short(name: str, pages: Sequence[ParsedPage]) -> bool:
    """The first words of a table brand's name the site prints whole ("Software" of "Software
    House"): a list that broke the name, not another brand. A brand's name without the company
    word it ends with ("Milestone" of "Milestone Systems", "AJAX" of "Ajax Systems") is that brand,
    printed short; so is a first word whose whole name the site never prints ("Matrix" on a site
    without "Matrix Comsec")."""
    if known_brand(name):
        return False  # a brand of the table in its own right (Ajax, beside "Ajax Systems")
    start = name.lower() + " "
    longer = [needle[len(start):] for brand in brands() for needle in brand.needles
              if needle.startswith(start) and _printed(needle, pages)]
    return bool(longer) and not any(rest in words.COMPANY_WORDS for rest in longer)


def _printed(needle: str, pages: Sequence[ParsedPage]) -> bool:
    """Whether a page prints `needle` (lower case), read in the pages' lower-cased texts the
    brand pass keeps."""
    return any(needle in (lowered(page.folded) or page.folded.lower()) for page in pages)


def known_brand(name: str) -> bool:
    """Whether a printed name is a brand of the built-in table."""
    return table_brand(name) is not None


def table_brand(name: str) -> Brand | None:
    """The brand of the built-in table a printed name is (中控智慧（ZKTeco） is ZKTeco), or None."""
    folded = fold(name)
    hay = lowered(folded)
    if hay is None:
        candidates: Sequence[int] = range(len(brands()))
    else:  # only the brands one of whose names occurs (one pass for all), in the table's order
        needles, owners = _brand_needles()
        candidates = sorted({owners[needle] for needle in needles.starts(hay)})
    return next((brands()[i] for i in candidates if brands()[i].pattern.search(folded)), None)


def tier_evidence(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence]:
    """product_tiers and main_product_tier, from product-line terms and access-control brands."""
    counts: Counter[str] = Counter()
    where: dict[str, tuple[ParsedPage, tuple[int, int], str]] = {}
    owner_text = "\n".join(p.title for p in pages if p.role in ("home", "about", "contact"))
    deals = any(ac_terms().search(page.folded) for page in site_pages(pages))  # card access, door entry ...
    for page in site_pages(pages):
        weight = 2 if page.role == "products" else 1
        for tier, pattern in _tier_patterns().items() if ctx.lang == "zh" else _en_tier_patterns(deals):
            for match in pattern.finditer(page.folded):
                counts[tier] += weight
                where.setdefault(tier, (page, match.span(), f"term {match.group(0)!r}"))
        for brand, match in brand_hits(page, owner_text):
            if brand.tier and ((brand.access_control_maker and deals) or
                               _near_access_control(page.folded, match.start())):
                counts[brand.tier] += weight
                where.setdefault(brand.tier, (page, match.span(), f"brand {brand.name}"))
    for page, name in _wall_names(site_pages(pages)):
        maker = table_brand(name)
        if maker and maker.tier and maker.access_control_maker and deals:
            counts[maker.tier] += 2 if page.role == "products" else 1
            where.setdefault(maker.tier, (page, _span_of(page, name), f"brand {maker.name} in the site's brand list"))
    if not counts:
        return []
    tiers = [tier for tier, _ in counts.most_common()]
    page, span, why = where[tiers[0]]
    found = [evidence("product_tiers", tiers, "medium" if counts[tiers[0]] > 1 else "low",
                      page, span, "; ".join(where[t][2] for t in tiers))]
    top = counts.most_common(2)
    clear = len(top) == 1 or top[0][1] >= 2 * top[1][1]
    found.append(evidence("main_product_tier", tiers[0], "medium" if clear else "low", page, span,
                          f"most mentioned tier ({why})"))
    return found


def _near_access_control(text: str, position: int) -> bool:
    window = text[max(0, position - 80):position + 80].lower()
    return "门禁" in window or "access control" in window or "一卡通" in window


def brand_key(name: str) -> str:
    """Canonical brand for comparing names printed differently (中控智慧（ZKTeco） → zkteco)."""
    brand = table_brand(name)
    return brand.name.lower() if brand else re.sub(r"\W+", " ", fold(name).lower()).strip()
