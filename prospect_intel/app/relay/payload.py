"""A finished site as a worker hands it back: its crawl outcome (pages with their bodies) and
the evidence extracted from them, as compressed JSON in one stream entry."""
from __future__ import annotations

import base64
import dataclasses
import json
import zlib
from dataclasses import dataclass
from typing import Any

from prospect_intel.core.models import Evidence, KeptPage, SiteOutcome
from prospect_intel.extractors import SiteEvidence

_PAGE_FIELDS = tuple(f.name for f in dataclasses.fields(KeptPage) if f.name not in ("body", "parsed"))


@dataclass(frozen=True)
class FinishedSite:
    job: int  # the store's relay job the site was crawled for
    outcome: SiteOutcome
    extracted: SiteEvidence | None  # None for a failed crawl
    crawled_at: str  # when the worker finished it (UTC, the store's form)


def encode(site: FinishedSite) -> bytes:
    outcome = site.outcome
    data = {
        "job": site.job, "crawled_at": site.crawled_at,
        "outcome": {
            "prospect_id": outcome.prospect_id, "status": outcome.status, "error_kind": outcome.error_kind,
            "error": outcome.error, "final_url": outcome.final_url, "site_domain": outcome.site_domain,
            "requests": outcome.requests, "redirects": list(outcome.redirects),
            "pages": [{**{name: getattr(page, name) for name in _PAGE_FIELDS},
                       "body": base64.b64encode(page.body).decode("ascii")} for page in outcome.pages],
        },
        "extracted": _evidence_json(site.extracted) if site.extracted else None,
    }
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 6)


def decode(blob: bytes) -> FinishedSite:
    data = json.loads(zlib.decompress(blob).decode("utf-8"))
    raw = data["outcome"]
    pages = tuple(KeptPage(**{name: page[name] for name in _PAGE_FIELDS if name in page},
                           body=base64.b64decode(page["body"])) for page in raw["pages"])
    outcome = SiteOutcome(raw["prospect_id"], raw["status"], pages, raw["error_kind"], raw["error"],
                          raw["final_url"], raw["site_domain"], raw["requests"], tuple(raw["redirects"]))
    extracted = _evidence_from(data["extracted"]) if data["extracted"] else None
    return FinishedSite(int(data["job"]), outcome, extracted, data["crawled_at"])


def _evidence_json(found: SiteEvidence) -> dict[str, Any]:
    return {"fields": {name: item.to_json() for name, item in found.fields.items()},
            "candidates": {name: [item.to_json() for item in items] for name, items in found.candidates.items()},
            "absence": dict(found.absence), "notes": {name: list(notes) for name, notes in found.notes.items()}}


def _evidence_from(data: dict[str, Any]) -> SiteEvidence:
    return SiteEvidence(
        fields={name: Evidence.from_json(name, item) for name, item in data["fields"].items()},
        candidates={name: tuple(Evidence.from_json(name, item) for item in items)
                    for name, items in data["candidates"].items()},
        absence=dict(data["absence"]), notes={name: tuple(notes) for name, notes in data["notes"].items()})
