"""What a rep sees of one evidence field while reviewing it (the terminal walk; the web cards
share the flag reasons and the list of rep-only facts).

The extracted value and the rep's reviewed value side by side (both when they differ), the
confidence, each flag with its reason, the extractors' own notes on the field (cross-check and
conflict reasons, as `show` prints them), the snippet and the page it came from.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from prospect_intel.app.i18n import N_
from prospect_intel.app.store import Store
from prospect_intel.app.workflows import current_evidence
from prospect_intel.core.fields import FIELDS
from prospect_intel.core.models import EVIDENCE_FIELDS, Evidence, ReviewFact

FLAG_REASONS = {  # translated where shown
    "conflict": N_("pages of the site disagree on this value"),
    "implausible": N_("failed a cross-check against other facts"),
    "inferred": N_("derived from other facts, not stated on the site"),
    "stale": N_("comes from an old page"),
    "reviewed": N_("confirmed or set by a rep"),
}
# Facts no website gives (SPEC.md): the review offers to add or correct them on every prospect.
REP_FACTS = tuple(f.name for f in FIELDS if f.rep_only)


@dataclass(frozen=True)
class FieldView:
    name: str
    extracted: Evidence | None  # what the extractors found (kept even when a rep overrules it)
    reviewed: ReviewFact | None  # the rep's current word, if any
    current: Evidence | None  # what scoring uses: reviewed over extracted
    notes: tuple[str, ...] = ()  # the extractors' reasons (cross-checks, conflicts)
    page_role: str = ""  # role of the page the extracted value came from

    @property
    def differs(self) -> bool:
        """A reviewed value that is not the extracted one (a correction, an addition, a rejection)."""
        if self.reviewed is None:
            return False
        if self.reviewed.action == "rejected" or self.extracted is None:
            return True
        return self.reviewed.value != self.extracted.value

    def flags(self) -> list[tuple[str, str]]:
        """The extracted value's flags, each with what it means."""
        return [(flag, FLAG_REASONS.get(flag, "")) for flag in (self.extracted.flags if self.extracted else ())]


def field_views(store: Store, row: dict[str, Any]) -> dict[str, FieldView]:
    """Every field that has an extracted or a reviewed value, in contract order."""
    pid = row["id"]
    extracted, facts = store.evidence(pid), store.review_facts(pid)
    current, _checks = current_evidence(store, pid, extracted=extracted, facts=facts)
    details = store.evidence_details(pid)
    roles = {page["url"]: page["role"] for page in store.pages(pid)}
    views = {}
    for name in EVIDENCE_FIELDS:
        if name not in extracted and name not in facts:
            continue
        found = extracted.get(name)
        views[name] = FieldView(name, found, facts.get(name), current.get(name),
                                tuple(details.get(name, {}).get("notes", ())),
                                roles.get(found.source_url, "") if found else "")
    return views
