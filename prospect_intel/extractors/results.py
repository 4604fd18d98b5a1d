"""What the extractors give back for a site, apart from the extractors themselves.

Importing `site` imports every extractor and builds their tables; what reads stored evidence
(the store's commands, a relay's payloads) needs only these names, so they live here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from prospect_intel.core.fields import FIELDS
from prospect_intel.core.models import Evidence

# Roles of the pages that would state each field (for `page_not_found`).
FIELD_ROLES = {f.name: f.roles for f in FIELDS}
# The fields a site may state (registry facts come from `prospect import-registry`): each is
# found or its absence explained.
SITE_FIELDS = tuple(f.name for f in FIELDS if not f.registry)


@dataclass(frozen=True)
class SiteEvidence:
    """What the extractors found for one site.

    fields: chosen evidence per field (only fields with a value).
    candidates: every candidate per field, chosen one included (for conflicts and review).
    absence: for each contract field without a value: not_stated / page_not_found /
        extraction_failed, or an extractor's own reason for a value it saw but could not use
        (stated_in_other_currency: a registered capital in US dollars and no rate on the page).
    notes: readable reasons per field: cross-check findings, conflicts, extractor errors.
    """

    fields: dict[str, Evidence]
    candidates: dict[str, tuple[Evidence, ...]]
    absence: dict[str, str]
    notes: dict[str, tuple[str, ...]] = field(default_factory=dict)
