"""Operations over stored prospects: re-extract, re-score, review. Shared by the CLI and the web app.

Every change to evidence or reviews re-scores the prospect in the same transaction, so a grade
on screen always matches the evidence behind it.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from prospect_intel.app.analysis import (
    RUBRIC_META_KEY,
    Analysis,
    SiteGone,
    analyse_failure,
    analyse_pages,
    crawl_date,
    decode_body,
    evidence_and_checks,
    failure_reason,
    resolve_rubric,
    score_record,
    site_gone,
)
from prospect_intel.app.field_values import PHONE_FIELDS, PhoneContext, check_field, parse_field_value
from prospect_intel.app.store import ReviewsChanged, Store, utc_now
from prospect_intel.core.document import parse_page
from prospect_intel.core.errors import ProspectError
from prospect_intel.core.fields import BY_NAME, LIST_KINDS
from prospect_intel.core.language import _, word
from prospect_intel.core.models import (
    REVIEW_ACTIONS,
    REVIEW_REASONS,
    REVIEW_SOURCES,
    Evidence,
    PageDoc,
    ReviewFact,
    SiteOutcome,
)
from prospect_intel.extractors.phones import region_of
from prospect_intel.scoring import RegistryCheck, Rubric, RubricError


def store_rubric(store: Store, spec: str | None = None) -> Rubric:
    """The rubric to grade with: the one named, else the store's remembered choice, else the default."""
    return resolve_rubric(spec or store.get_meta(RUBRIC_META_KEY))


def stored_docs(store: Store, prospect_id: int, roles: tuple[str, ...] = ()) -> list[PageDoc]:
    """The prospect's kept pages (only those of `roles` when given), decoded for the extractors."""
    return [
        PageDoc(p["url"], p["role"], decode_body(store.body(p["body_sha256"]), p["encoding"]), p["title"] or "",
                p["fetched_at"], p["tls_expires"] or "")
        for p in store.pages(prospect_id) if not roles or p["role"] in roles
    ]


def phone_context(store: Store, row: dict[str, Any]) -> PhoneContext:
    """Region and language the extractors read this prospect's numbers with (home and contact pages)."""
    docs = stored_docs(store, row["id"], ("home", "contact")) or [PageDoc(row["final_url"] or row["url"], "home", "")]
    parsed = [parse_page(doc) for doc in docs]
    lang = "zh" if any(page.lang == "zh" for page in parsed) else "en"
    return PhoneContext(region_of(parsed, lang), lang)


def typed_value(store: Store, row: dict[str, Any], field: str, raw: Any) -> Any:
    """What the rep typed for `field`, validated and normalised (numbers as the extractors print them)."""
    return parse_field_value(field, raw, phone_context(store, row) if field in PHONE_FIELDS else PhoneContext())


def reextract(store: Store, row: dict[str, Any], rubric: Rubric) -> None:
    """Run the extractors again over the stored pages (after an extractor improved), then re-score."""
    now = utc_now()
    docs = stored_docs(store, row["id"])
    analysis = analyse_pages(docs, store.review_facts(row["id"]), rubric, crawl_date(row["crawled_at"]), now,
                             store.registry_evidence(row["id"]))
    with store.write():
        store.save_analysis(row["id"], analysis)


# Analyses of one site a rep's reviews may send back before it is stored (`save_analysed`).
MAX_REANALYSES = 3


def site_gone_of(store: Store, prospect_id: int, error_kind: str | None, error: str | None,
                 now: str) -> SiteGone | None:
    """The knock-out candidate of a prospect whose crawl failed (now, when no failed crawl is
    stored yet), when its site answered at an earlier one."""
    answered, failing_since = store.last_answered(prospect_id)
    return site_gone(error_kind, error, answered, failing_since or now)


def analyse_failed_crawl(store: Store, outcome: SiteOutcome, facts: Mapping[str, ReviewFact], rubric: Rubric,
                         now: str) -> Analysis:
    """The analysis of a failed crawl: the site's status, the reason, a gone site's candidate."""
    pid = outcome.prospect_id
    return analyse_failure(outcome.error_kind, outcome.error, facts, rubric, crawl_date(now), now,
                           store.registry_evidence(pid), url=outcome.final_url or store.prospect_url(pid),
                           gone=site_gone_of(store, pid, outcome.error_kind, outcome.error, now))


def save_analysed(store: Store, run_id: int, outcome: SiteOutcome,
                  analyse: Callable[[Mapping[str, ReviewFact]], Analysis], job: int | None = None) -> None:
    """Analyse a finished site with the prospect's review facts and store it. A rep may review
    the prospect meanwhile: the save is refused then and the analysis done again with the new
    facts, MAX_REANALYSES times at most (the last one is stored; a later review rescores by
    itself). AlreadyCollected passes through (a relay job stored already)."""
    for attempt in range(MAX_REANALYSES):
        facts = store.review_facts(outcome.prospect_id)
        last = attempt == MAX_REANALYSES - 1
        try:
            store.save_site(run_id, outcome, analyse(facts), None if last else facts, job=job)
            return
        except ReviewsChanged:
            continue


def rescore(store: Store, row: dict[str, Any], rubric: Rubric) -> dict[str, Any]:
    """Score the prospect from its stored evidence and reviews (inside or outside a transaction)."""
    fields, checks = current_evidence(store, row["id"], rubric)
    gone = site_gone_of(store, row["id"], row["error_kind"], row["error"], row["crawled_at"] or utc_now()) \
        if row["status"] == "failed" else None
    record = score_record(fields, rubric, crawl_date(row["crawled_at"]), utc_now(), failure_reason(row, gone),
                          checks, gone)
    if store.in_transaction():
        store.add_score(row["id"], record)
    else:
        with store.write():
            store.add_score(row["id"], record)
    return record


def current_evidence(store: Store, prospect_id: int, rubric: Rubric | None = None, *,
                     extracted: Mapping[str, Evidence] | None = None, facts: Mapping[str, ReviewFact] | None = None,
                     registry: Mapping[str, Evidence] | None = None,
                     ) -> tuple[dict[str, Evidence], tuple[RegistryCheck, ...]]:
    """The prospect's evidence as its score reads it (site, registry, reviews) and the registry
    checks behind it; `rubric` (default: the store's) says which source a field uses. A caller
    that has read the extracted evidence, the review facts or the registry's passes them."""
    rubric = rubric or store_rubric(store)
    return evidence_and_checks(
        store.evidence(prospect_id) if extracted is None else extracted,
        store.review_facts(prospect_id) if facts is None else facts,
        store.registry_evidence(prospect_id) if registry is None else registry, rubric.registry)


def score_all(store: Store, rubric: Rubric) -> dict[str, int]:
    """Grade every crawled prospect again (done and failed); count per grade, `unscored` included.
    A rubric that fails on a prospect (the arithmetic of a file that passed validation) is a
    RubricError naming the prospect; inside the caller's write, nothing is kept."""
    grades: dict[str, int] = {}
    for status in ("done", "failed"):
        for row in list(store.prospects(status)):
            try:
                record = rescore(store, row, rubric)
            except (ArithmeticError, RecursionError, MemoryError) as exc:
                raise RubricError(f"cannot grade {row['url']}: {type(exc).__name__}: {exc}",
                                  source=rubric.name) from None
            key = record["grade"] or "unscored"
            grades[key] = grades.get(key, 0) + 1
    return grades


@dataclass(frozen=True)
class ReviewChange:
    field: str
    action: str
    old: Any
    new: Any
    grade_before: str | None
    grade_after: str | None


def reviewer_name(given: str | None) -> str:
    return given or os.environ.get("PROSPECT_REVIEWER") or os.environ.get("USER") or "unknown"


def review_field(store: Store, url: str, field: str, action: str, value: Any = None, *, source: str = "website",
                 note: str = "", reviewer: str | None = None, rubric: Rubric | None = None,
                 reason: str = "") -> ReviewChange:
    """Confirm, correct, reject or add one field; logged with who, when, from what to what, and
    for a correction or a rejection why (`reason`, REVIEW_REASONS); re-scored."""
    check_field(field)
    if action not in REVIEW_ACTIONS:
        raise ProspectError(_("action must be one of %(allowed)s, not %(value)r", allowed=", ".join(REVIEW_ACTIONS),
                              value=action))
    if reason and reason not in REVIEW_REASONS:
        raise ProspectError(_("reason must be one of %(allowed)s, not %(value)r", allowed=", ".join(REVIEW_REASONS),
                              value=reason))
    if reason and action not in ("corrected", "rejected"):
        raise ProspectError(_("a reason goes with a correction or a rejection, not with %(action)s",
                              action=word(action)))
    if source not in REVIEW_SOURCES:
        raise ProspectError(_("source must be one of %(allowed)s, not %(value)r", allowed=", ".join(REVIEW_SOURCES),
                              value=source))
    row = store.prospect_row(url)
    rubric = rubric or store_rubric(store)
    extracted = store.evidence(row["id"])
    current, _checks = current_evidence(store, row["id"], rubric, extracted=extracted)
    old = current[field].value if field in current else None
    if action == "confirmed":
        if field not in current:
            raise ProspectError(_("%(field)s has no value to confirm; use `set` to add one", field=field))
        value = current[field].value
    elif action == "rejected":
        value = None
    else:
        value = typed_value(store, row, field, value)
        if action == "corrected" and field not in extracted:
            action = "added"
    before = store.current_score(row["id"])
    site_value = extracted[field].value if field in extracted else None
    fact = ReviewFact(field, action, value, source, note, reviewer_name(reviewer), utc_now(), site_value,
                      reason if action in ("corrected", "rejected") else "")
    with store.write():
        store.record_review(row["id"], fact, old)
        record = rescore(store, row, rubric)
    return ReviewChange(field, action, old, value, before["grade"] if before else None, record["grade"])


def edit_list(store: Store, url: str, field: str, *, add: Sequence[str] = (), remove: Sequence[str] = (),
              source: str = "website", note: str = "", reviewer: str | None = None, reason: str = "") -> ReviewChange:
    """Add items to a list field (phones, brands, clients ...) or remove some, keeping the rest:
    the new list is the rep's correction. An item to remove that the list lacks is an error."""
    check_field(field)
    if BY_NAME[field].kind not in LIST_KINDS:
        raise ProspectError(_("%(field)s is not a list; set its value instead", field=field))
    row = store.prospect_row(url)
    current, _checks = current_evidence(store, row["id"])
    items = list(current[field].value) if field in current and current[field].value else []
    for raw in add:
        for item in typed_value(store, row, field, raw):
            if _item_key(item) not in {_item_key(i) for i in items}:
                items.append(item)
    for raw in remove:
        keys = {_item_key(i) for i in typed_value(store, row, field, raw)}
        kept = [i for i in items if _item_key(i) not in keys]
        if len(kept) == len(items):
            raise ProspectError(_("%(field)s has no %(item)r to remove (it has: %(items)s)", field=field, item=raw,
                                  items="; ".join(map(_shown, items)) or _("none")))
        items = kept
    return review_field(store, url, field, "corrected", items, source=source, note=note, reviewer=reviewer,
                        reason=reason)


def _item_key(item: Any) -> str:
    return _shown(item).casefold().strip()


def _shown(item: Any) -> str:
    return str(item.get("name") if isinstance(item, dict) else item)


MAX_NOTE_CHARS = 2000


def add_note(store: Store, url: str, note: str, *, source: str = "phone", reviewer: str | None = None) -> dict:
    """A note from a call, a visit, a magazine, a business card ... about the prospect as a whole,
    kept in the audit trail (no grade changes); returns it as `show --json` lists it."""
    if source not in REVIEW_SOURCES:
        raise ProspectError(_("source must be one of %(allowed)s, not %(value)r", allowed=", ".join(REVIEW_SOURCES),
                              value=source))
    text = note.strip()
    if not text:
        raise ProspectError(_("the note is empty"))
    if len(text) > MAX_NOTE_CHARS:
        raise ProspectError(_("a note holds at most %(limit)s characters (%(given)s given)", limit=MAX_NOTE_CHARS,
                              given=len(text)))
    row = store.prospect_row(url)
    entry = {"note": text, "source": source, "reviewer": reviewer_name(reviewer), "at": utc_now()}
    with store.write():
        store.add_note(row["id"], entry["note"], source, entry["reviewer"], entry["at"])
    return entry


def undo_review(store: Store, url: str, field: str, *, reviewer: str | None = None) -> ReviewChange:
    check_field(field)
    row = store.prospect_row(url)
    before = store.current_score(row["id"])
    with store.write():
        fact = store.undo_review(row["id"], field, reviewer_name(reviewer), utc_now())
        if fact is None:
            raise ProspectError(_("%(field)s has no review to undo", field=field))
        record = rescore(store, row, store_rubric(store))
    return ReviewChange(field, "undone", fact.value, None, before["grade"] if before else None, record["grade"])
