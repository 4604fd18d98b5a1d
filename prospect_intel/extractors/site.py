"""The dispatcher: parse every page once, run each extractor, choose, cross-check, explain absence.

Choice rule for a field with several candidates (stated in `choose`): highest confidence, then
the value most candidates agree on, then the page role (about > home > contact > products >
cases > other; contact first for contact fields), then first seen. Disagreeing stated candidates
flag `conflict` and lower a `high` pick to `medium`. An extractor that raises is recorded as
`extraction_failed` for its fields (with the error in `notes`), never crashing the site.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence

from prospect_intel.core.document import ParsedPage, parse_page
from prospect_intel.core.models import Evidence, PageDoc
from prospect_intel.core.structured import organizations

from . import (
    access,
    business,
    calibration,
    capital,
    contact,
    crosscheck,
    dates,
    emails,
    phones,
    products,
    profile,
    references,
    size,
    vitality,
)
from .common import ROLE_RANK, SiteContext, Unresolved
from .results import FIELD_ROLES, SITE_FIELDS, SiteEvidence

__all__ = ["DERIVED_FIELDS", "EXTRACTORS", "FIELD_ROLES", "SITE_FIELDS", "SiteEvidence", "extract_site"]

Extractor = Callable[[Sequence[ParsedPage], SiteContext], Sequence[Evidence | Unresolved]]

# (extractor, the fields it yields). Order matters only for readability.
EXTRACTORS: tuple[tuple[Extractor, tuple[str, ...]], ...] = (
    (profile.company_name, ("company_name",)),
    (profile.main_business, ("main_business",)),
    (access.access_control, ("sells_access_control", "access_control_is_main")),
    (dates.founded_year, ("founded_year",)),
    (dates.years_in_access_control, ("years_in_access_control",)),
    (size.headcount, ("headcount",)),
    (capital.registered_capital, ("registered_capital_cny",)),
    (size.staff_split, ("sales_staff", "tech_staff")),
    (business.business_model, ("business_model",)),
    (products.tier_evidence, ("product_tiers", "main_product_tier")),
    (products.brand_evidence, ("brands",)),
    (references.reference_clients, ("reference_clients",)),
    (contact.office_address, ("office_address",)),
    (phones.phone_numbers, ("phone_numbers",)),
    (phones.fax_numbers, ("fax_numbers",)),
    (emails.emails, ("emails",)),
    (contact.branches, ("branches",)),
    (vitality.site_status, ("site_status",)),
    (vitality.latest_dated_item, ("latest_dated_item",)),
    (vitality.copyright_year, ("copyright_year",)),
    (vitality.icp_number, ("icp_number",)),
    (vitality.printed_registry_id, ("printed_registry_id",)),
    (vitality.hiring, ("hiring",)),
)

# Fields no extractor yields on its own: `_derived` computes them from the chosen fields.
DERIVED_FIELDS = ("office_type",)

_CONTACT_FIELDS = {"office_address", "phone_numbers", "fax_numbers", "emails", "branches"}
_NO_CONFLICT = {"company_name", "main_business", "product_tiers", "main_product_tier", "brands"}
_CONF_RANK = {"high": 0, "medium": 1, "low": 2}
STALE_YEARS = 3


def extract_site(pages: Sequence[PageDoc | ParsedPage], *, crawled_at: dt.date) -> SiteEvidence:
    """Evidence for one site from its kept pages (parsed here unless the caller parsed them)."""
    parsed = [page if isinstance(page, ParsedPage) else parse_page(page) for page in pages]
    copyright = {p.url: vitality.copyright_years(p) for p in parsed}
    ctx = _context(parsed, crawled_at, copyright)
    found: dict[str, list[Evidence]] = {}
    failed: dict[str, str] = {}
    notes: dict[str, list[str]] = {}
    unresolved: dict[str, Unresolved] = {}
    for extractor, names in EXTRACTORS:
        try:
            results = extractor(parsed, ctx)
        except Exception as error:  # noqa: BLE001 - one extractor must not sink the site
            for name in names:
                failed[name] = f"{extractor.__module__}.{extractor.__name__}: " \
                               f"{type(error).__name__}: {error}"
            continue
        for item in results:
            if isinstance(item, Unresolved):
                unresolved.setdefault(item.field, item)
            else:
                found.setdefault(item.field, []).append(item)
    roles = {p.url: p.role for p in parsed}
    fields = {name: choose(name, items, notes, roles) for name, items in found.items()}
    _derived(fields, found, parsed, ctx, failed)
    _stale(fields, copyright, crawled_at)
    for finding in crosscheck.run(fields, parsed):
        if finding.field in fields:
            fields[finding.field] = _flag(fields[finding.field], finding.flag, finding.reason)
            notes.setdefault(finding.field, []).append(finding.reason)
    for name, reason in failed.items():
        notes.setdefault(name, []).append(f"extraction failed: {reason}")
    for name, item in unresolved.items():
        if name not in fields:
            notes.setdefault(name, []).append(item.note)
    fields = calibration.apply(fields, calibration.current())
    absence = {name: _absence(name, parsed, failed, unresolved) for name in SITE_FIELDS
               if name not in fields}
    return SiteEvidence(fields=fields,
                        candidates={k: tuple(v) for k, v in found.items()},
                        absence=absence, notes={k: tuple(v) for k, v in notes.items()})


def choose(name: str, items: Sequence[Evidence], notes: dict[str, list[str]],
           roles: dict[str, str] | None = None) -> Evidence:
    """Pick one candidate by the stated rule; flag `conflict` if stated candidates disagree."""
    support = Counter(_key(e.value) for e in items if "inferred" not in e.flags)
    role_rank = _role_rank(name, roles or {})

    def rank(e: Evidence) -> tuple:
        return (_CONF_RANK[e.confidence], "inferred" in e.flags, -support[_key(e.value)],
                role_rank(e))

    ordered = sorted(items, key=rank)
    chosen = ordered[0]
    if name in _NO_CONFLICT:
        return chosen
    others = crosscheck.conflicting(chosen, ordered[1:])
    if others:
        values = ", ".join(sorted({repr(e.value) for e in others}))
        reason = f"pages disagree: chose {chosen.value!r} by confidence/support/page; " \
                 f"others {values}"
        notes.setdefault(name, []).append(reason)
        chosen = _flag(chosen, "conflict", reason)  # never high
    return chosen


def _role_rank(name: str, roles: dict[str, str]) -> Callable[[Evidence], int]:
    """Contact fields prefer the contact page; everything else follows ROLE_RANK."""
    def rank(e: Evidence) -> int:
        role = roles.get(e.source_url, "other")
        if name in _CONTACT_FIELDS and role == "contact":
            return 0
        return 1 + ROLE_RANK.get(role, 9)
    return rank


def _key(value: object) -> str:
    return repr(value)


def _flag(item: Evidence, flag: str, reason: str) -> Evidence:
    """The item flagged with the reason; a value the pages dispute or a cross-check doubts is
    never `high`."""
    flags = item.flags if flag in item.flags else (*item.flags, flag)
    method = f"{item.method} | {flag}: {reason}" if item.method else f"{flag}: {reason}"
    confidence = "medium" if item.confidence == "high" and flag in calibration.DOUBTS else item.confidence
    return dataclasses.replace(item, flags=flags, method=method, confidence=confidence)


def _context(parsed: Sequence[ParsedPage], crawled_at: dt.date,
             copyright: dict[str, list[int]] | None = None) -> SiteContext:
    """`copyright`: the copyright years of each page's URL, when the caller read them already."""
    zh = sum(1 for p in parsed if p.lang == "zh")
    if copyright is None:
        copyright = {p.url: vitality.copyright_years(p) for p in parsed}
    years = [y for p in parsed for y in copyright[p.url]]
    reference = max((y for y in years if y <= crawled_at.year), default=crawled_at.year)
    structured = tuple((p.url, org) for p in parsed for org in organizations(p.items))
    return SiteContext(crawled_at=crawled_at, lang="zh" if zh * 2 >= len(parsed) and zh else "en",
                       reference_year=reference, structured=structured)


def _derived(fields: dict[str, Evidence], found: dict[str, list[Evidence]],
             parsed: Sequence[ParsedPage], ctx: SiteContext, failed: dict[str, str]) -> None:
    """Fields computed from others: office type from the chosen address, years in AC; the
    branches less the head office's place."""
    try:
        for item in contact.office_type(fields.get("office_address"), parsed, ctx):
            found.setdefault("office_type", []).append(item)
            fields["office_type"] = item
    except Exception as error:  # noqa: BLE001
        failed["office_type"] = f"contact.office_type: {type(error).__name__}: {error}"
    if "branches" in fields:
        kept = contact.without_head_office(fields["branches"], fields.get("office_address"))
        if kept is None:
            del fields["branches"]
        else:
            fields["branches"] = kept
    founded, sells = fields.get("founded_year"), fields.get("sells_access_control")
    if "years_in_access_control" not in fields and founded and sells and sells.value is True \
            and "inferred" not in founded.flags:
        years = ctx.crawled_at.year - int(founded.value)  # SPEC: counted from the crawl date
        if years >= 0:
            item = Evidence("years_in_access_control", years, "low", founded.source_url,
                            founded.snippet, f"derived: crawl year {ctx.crawled_at.year} - founded "
                            f"{founded.value} (company age, not stated for access control)",
                            flags=("inferred",))
            found.setdefault("years_in_access_control", []).append(item)
            fields["years_in_access_control"] = item


def _stale(fields: dict[str, Evidence], copyright: dict[str, list[int]], crawled_at: dt.date) -> None:
    """Flag evidence `stale` when its page's latest copyright year, or the site's newest dated
    list (news, cases: `high` only, a lone date may be the founding day), is STALE_YEARS or more
    old. The signs of life themselves are not flagged: they are what says so."""
    cutoff = crawled_at.year - STALE_YEARS
    latest = {url: max(years, default=None) for url, years in copyright.items()}
    newest = fields.get("latest_dated_item")
    site_reason = None
    if newest is not None and newest.confidence == "high" and int(str(newest.value)[:4]) <= cutoff:
        site_reason = f"the newest dated item on the site is {newest.value}"
    for name, item in list(fields.items()):
        if name in vitality.FIELDS:
            continue
        year = latest.get(item.source_url)
        if site_reason:
            fields[name] = _flag(item, "stale", site_reason)
        elif year is not None and year <= cutoff:
            fields[name] = dataclasses.replace(item, flags=tuple(dict.fromkeys((*item.flags, "stale"))))


def _absence(name: str, parsed: Sequence[ParsedPage], failed: dict[str, str],
             unresolved: dict[str, Unresolved]) -> str:
    if name in failed:
        return "extraction_failed"
    if name in unresolved:  # stated, but not as a value of the contract (capital in USD)
        return unresolved[name].reason
    roles = {p.role for p in parsed}
    if not roles & set(FIELD_ROLES.get(name, ())):
        return "page_not_found"
    return "not_stated"
