"""From kept pages to a graded prospect: extract evidence, apply the rep's reviews, score.

Data flows one way: pages -> extracted evidence -> (+ reviews) effective evidence -> score.
Reviewed values win over extracted ones, but nothing extracted is deleted: the store keeps
both, and `evidence_and_checks` is recomputed whenever either changes.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from prospect_intel.core.document import ParsedPage, parse_page
from prospect_intel.core.fields import GONE_STATUSES
from prospect_intel.core.models import Evidence, KeptPage, PageDoc, ReviewFact
from prospect_intel.extractors.crosscheck import headcount_low
from prospect_intel.extractors.results import SITE_FIELDS, SiteEvidence
from prospect_intel.scoring import RegistryCheck, RegistrySettings, Rubric, bundled_rubric, combine, load_rubric, score

RUBRIC_META_KEY = "rubric"
ATTENTION_FLAGS = frozenset({"conflict", "implausible"})
# What a failed crawl met, read as the site's status (core/fields.py SITE_STATUSES); other
# failures (robots, a refused address, a bot wall) say nothing about whether the site lives.
FAILURE_STATUS = {"dns": "no_dns", "parked": "parked", "connection": "unreachable", "timeout": "unreachable",
                  "http_error": "http_error"}


@dataclass(frozen=True)
class SiteGone:
    """A site that answered at an earlier crawl and is gone now: a knock-out candidate for the
    rep to confirm, never a grade by itself (the company may have moved its site)."""

    status: str  # one of GONE_STATUSES
    why: str  # the crawl's error, as recorded
    since: str  # the first failed crawl after the last good one (UTC time)
    last_answered: str  # the last crawl at which the site answered

    def to_json(self) -> dict[str, str]:
        return {"status": self.status, "why": self.why, "since": self.since, "last_answered": self.last_answered}

    def reason(self) -> str:
        return (f"site gone since {self.since[:10]} ({self.why}); it last answered on {self.last_answered[:10]}: "
                f"knock-out candidate, confirm the company still trades")


def site_gone(error_kind: str | None, error: str | None, last_answered: str | None,
              since: str) -> SiteGone | None:
    """The knock-out candidate of a failed crawl, when the site answered before and the failure
    says it is gone (no DNS, parked, unreachable, an error page)."""
    status = FAILURE_STATUS.get(error_kind or "")
    if status is None or status not in GONE_STATUSES or last_answered is None:
        return None
    why = ": ".join(part for part in (error_kind, error) if part)
    return SiteGone(status, why, since, last_answered)


@dataclass(frozen=True)
class Analysis:
    """What one site's pages say (extracted) and the score they earn (with reviews applied)."""

    extracted: SiteEvidence
    score: dict[str, Any]
    pages: int
    at: str


def decode_body(body: bytes, encoding: str | None) -> str:
    try:
        return body.decode(encoding or "utf-8", "replace")
    except LookupError:
        return body.decode("utf-8", "replace")


def docs_from_kept(pages: Iterable[KeptPage]) -> list[PageDoc | ParsedPage]:
    """What the extractors read of kept pages: the crawler's parsed view where it made one."""
    return [p.parsed if isinstance(p.parsed, ParsedPage)
            else PageDoc(p.url, p.role, decode_body(p.body, p.encoding), p.title, p.fetched_at, p.tls_expires)
            for p in pages]


def evidence_and_checks(extracted: Mapping[str, Evidence], facts: Mapping[str, ReviewFact],
                        registry: Mapping[str, Evidence] | None = None, settings: RegistrySettings | None = None,
                        ) -> tuple[dict[str, Evidence], tuple[RegistryCheck, ...]]:
    """The evidence a score reads and the site-against-registry checks behind it.

    The registry's facts go beside the site's (`scoring.combine`: which one a field uses is the
    rubric's setting), then the rep's word wins: confirmed/corrected/added values, rejected go."""
    combined, checks = combine(extracted, registry or {}, settings or RegistrySettings())
    return _apply_reviews(combined, facts, extracted), checks


def _apply_reviews(combined: Mapping[str, Evidence], facts: Mapping[str, ReviewFact],
                   extracted: Mapping[str, Evidence]) -> dict[str, Evidence]:
    fields = dict(combined)
    for name, fact in facts.items():
        if fact.action == "rejected":
            fields.pop(name, None)
            continue
        base = fields.get(name)
        method = f"review ({fact.action}, {fact.source}{': ' + fact.note if fact.note else ''})"
        flags = tuple(f for f in (base.flags if base else ()) if f not in ATTENTION_FLAGS) + ("reviewed",)
        changed = _site_changed(fact, extracted.get(name))
        if changed:
            method, flags = f"{method}; {changed}", (*flags, "conflict")
        fields[name] = Evidence(
            field=name, value=fact.value, confidence="high",
            source_url=base.source_url if base and fact.action == "confirmed" else "",
            snippet=base.snippet if base and fact.action == "confirmed" else fact.note,
            method=method, flags=tuple(dict.fromkeys(flags)),
        )
    return _staff_check(fields, facts)


def _site_changed(fact: ReviewFact, now: Evidence | None) -> str:
    """Why the rep should look again: the site's claim changed since the review (a recrawl or a
    re-extraction read another value), or ''. The rep's value stays in force meanwhile."""
    if fact.action not in ("confirmed", "corrected") or fact.site_value is None or now is None:
        return ""
    if now.value == fact.site_value:
        return ""
    return (f"the site now says {_plain(now.value)}; {fact.reviewer or 'a rep'} set {_plain(fact.value)} on "
            f"{fact.at[:10]} from {fact.source} (when the site said {_plain(fact.site_value)})")


def _plain(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(str(v.get("name", v) if isinstance(v, dict) else v) for v in value)
    return str(value)


def _staff_check(fields: dict[str, Evidence], facts: Mapping[str, ReviewFact]) -> dict[str, Evidence]:
    """What a rep types is cross-checked like what the extractors read: a headcount below the
    sales and technical staff it must include is flagged `conflict`, with both figures."""
    if not ({"headcount", "sales_staff", "tech_staff"} & set(facts)):
        return fields  # the extractors' own cross-checks cover what they read
    headcount = fields.get("headcount")
    staff = [fields[name].value for name in ("sales_staff", "tech_staff") if name in fields]
    if headcount is None or not staff or not all(isinstance(v, int) for v in staff):
        return fields
    low = headcount_low(headcount.value)
    if low is None or low >= sum(staff) or "conflict" in headcount.flags:
        return fields
    parts = " and ".join(f"{fields[name].value} {label}" for name, label in
                         (("sales_staff", "sales"), ("tech_staff", "technical")) if name in fields)
    reason = f"headcount {low} is below the {parts} staff it includes"
    fields["headcount"] = replace(headcount, flags=(*headcount.flags, "conflict"),
                                  method=f"{headcount.method}; {reason}")
    return fields


def needs_review(fields: Mapping[str, Evidence]) -> list[str]:
    """Fields a rep should look at: weak, conflicting or implausible and not yet reviewed, or
    reviewed but in conflict with what the rep typed elsewhere (`_staff_check`)."""
    return sorted(
        name for name, item in fields.items()
        if ("reviewed" not in item.flags and (item.confidence == "low" or ATTENTION_FLAGS & set(item.flags)))
        or {"reviewed", "conflict"} <= set(item.flags)
    )


def failure_reason(row: Mapping[str, Any], gone: SiteGone | None = None) -> str | None:
    """Why a prospect gets no grade whatever its evidence says: its crawl failed (blocked, parked,
    timeout, refused address ...), or its site is gone (`gone`). None for every other status."""
    if row["status"] != "failed":
        return None
    if gone is not None:
        return gone.reason()
    detail = ": ".join(part for part in (row["error_kind"], row["error"]) if part) or "no reason recorded"
    return f"crawl failed: {detail}"


def score_record(fields: Mapping[str, Evidence], rubric: Rubric, as_of: dt.date, at: str,
                 unscored: str | None = None, checks: tuple[RegistryCheck, ...] = (),
                 gone: SiteGone | None = None) -> dict[str, Any]:
    """A score row: the grade of `fields`, or unscored with the reason (`unscored` forces that),
    with the registry checks behind the evidence (`result.registry_checks`) and the knock-out
    candidate of a gone site (`result.site_gone`)."""
    result = score(fields, rubric, as_of=as_of, unscored=unscored)
    low, high = result.grade_range
    knockout = result.knockout
    return {
        "rubric": rubric.name, "rubric_version": str(rubric.version), "total": result.total,
        "grade": result.grade, "grade_low": low, "grade_high": high,
        "knockout": knockout.reason if knockout else None, "unscored": result.unscored,
        "needs_review": len(needs_review(fields)),
        "result": {**result.to_json(), "registry_checks": [check.to_json() for check in checks],
                   "site_gone": gone.to_json() if gone else None},
        "inputs": {name: item.to_json() for name, item in fields.items()}, "scored_at": at,
    }


def analyse_pages(docs: list[PageDoc | ParsedPage], facts: Mapping[str, ReviewFact], rubric: Rubric,
                  crawled_at: dt.date, at: str, registry: Mapping[str, Evidence] | None = None) -> Analysis:
    """Extract and score one site. Pages without any visible text (an empty page, a site drawn
    by scripts) give no evidence but their emptiness: the extractors would read their silence as
    "does not deal in access control" and knock the prospect out, a silent C; it is unscored."""
    return analyse_extracted(extract_pages(docs, crawled_at), len(docs), facts, rubric, crawled_at, at, registry)


def extract_pages(docs: list[PageDoc | ParsedPage], crawled_at: dt.date) -> SiteEvidence:
    """The evidence of a site's pages (a relay worker stops here; `analyse_extracted` scores it)."""
    from prospect_intel.extractors import extract_site  # every extractor: imported when a site is read

    parsed = [doc if isinstance(doc, ParsedPage) else parse_page(doc) for doc in docs]
    if any(page.text.strip() for page in parsed):
        return extract_site(parsed, crawled_at=crawled_at)
    empty = {"site_status": _status_evidence("empty", parsed[0].url if parsed else "", "",
                                             "the pages kept hold no visible text")} if parsed else {}
    return SiteEvidence(fields=empty, candidates={k: (v,) for k, v in empty.items()},
                        absence={name: "not_stated" for name in SITE_FIELDS if name not in empty})


def analyse_extracted(extracted: SiteEvidence, pages: int, facts: Mapping[str, ReviewFact], rubric: Rubric,
                      crawled_at: dt.date, at: str, registry: Mapping[str, Evidence] | None = None) -> Analysis:
    """Score a site's extracted evidence with the reps' reviews and the registry's facts."""
    fields, checks = evidence_and_checks(extracted.fields, facts, registry, rubric.registry)
    return Analysis(extracted, score_record(fields, rubric, crawled_at, at, checks=checks), pages, at)


def analyse_failure(error_kind: str | None, error: str | None, facts: Mapping[str, ReviewFact],
                    rubric: Rubric, crawled_at: dt.date, at: str,
                    registry: Mapping[str, Evidence] | None = None, *, url: str = "",
                    gone: SiteGone | None = None) -> Analysis:
    """A site whose crawl failed: no evidence but the site's status when the failure tells it,
    and a score that says why there is no grade (a gone site's knock-out candidate among them)."""
    reason = failure_reason({"status": "failed", "error_kind": error_kind, "error": error}, gone)
    status = FAILURE_STATUS.get(error_kind or "")
    found = {"site_status": _status_evidence(status, url, error or "", f"the crawl failed: {error_kind}")} \
        if status else {}
    extracted = SiteEvidence(fields=found, candidates={k: (v,) for k, v in found.items()}, absence={})
    fields, checks = evidence_and_checks(found, facts, registry, rubric.registry)
    record = score_record(fields, rubric, crawled_at, at, reason, checks, gone)
    return Analysis(extracted, record, 0, at)


def _status_evidence(status: str, url: str, snippet: str, method: str) -> Evidence:
    return Evidence("site_status", status, "high", url, snippet[:200], method)


def resolve_rubric(spec: str | None) -> Rubric:
    """A rubric by file path or bundled name; None -> $PROSPECT_RUBRIC or the bundled default.
    Read once per file version (an export or a page of the list asks for it per prospect)."""
    spec = spec or os.environ.get("PROSPECT_RUBRIC")
    if not spec:
        return _bundled(None)
    if _is_file(spec):
        try:
            status = Path(spec).stat()
        except OSError:
            return load_rubric(spec)  # it says why, as a RubricError
        return _from_file(str(Path(spec).resolve()), status.st_mtime_ns, status.st_size)
    return _bundled(spec)


@lru_cache(maxsize=8)
def _bundled(name: str | None) -> Rubric:
    return bundled_rubric() if name is None else bundled_rubric(name)


@lru_cache(maxsize=8)
def _from_file(path: str, mtime_ns: int, size: int) -> Rubric:
    return load_rubric(path)


def rubric_reference(spec: str) -> str:
    """How a store remembers a rubric: a file by its absolute path (so the choice holds from any
    folder), a bundled rubric by its name."""
    return str(Path(spec).expanduser().resolve()) if _is_file(spec) else spec


def _is_file(spec: str) -> bool:
    return os.path.sep in spec or spec.endswith(".toml") or os.path.exists(spec)


def crawl_date(crawled_at: str | None) -> dt.date:
    if crawled_at:
        return dt.date.fromisoformat(crawled_at[:10])
    return dt.datetime.now(dt.UTC).date()

