"""Value objects that cross module lines: pages handed to extractors and the evidence they return.

Names and meanings follow SPEC.md's evidence contract; the store, the JSON output and the scorer
all speak in these types.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from prospect_intel.core.fields import FIELDS

ROLES = ("home", "about", "products", "cases", "contact", "other")
CONFIDENCES = ("high", "medium", "low")
FLAGS = ("conflict", "implausible", "inferred", "stale", "reviewed")
STATUSES = ("queued", "crawling", "done", "failed")

# Field name -> short type description, in the contract's order (declared in `fields.FIELDS`).
EVIDENCE_FIELDS: MappingProxyType[str, str] = MappingProxyType({f.name: f.description for f in FIELDS})


@dataclass(frozen=True)
class PageDoc:
    """One kept page as extractors see it: decoded HTML plus where it came from."""

    url: str
    role: str
    html: str
    title: str = ""
    fetched_at: str = ""
    tls_expires: str = ""  # the day the site's TLS certificate expires (YYYY-MM-DD), when fetched over HTTPS


@dataclass(frozen=True)
class Evidence:
    """One evidence field with its provenance (SPEC.md: "Evidence fields (the contract)")."""

    field: str
    value: Any
    confidence: str
    source_url: str = ""
    snippet: str = ""
    method: str = ""
    flags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.field not in EVIDENCE_FIELDS:
            raise ValueError(f"unknown evidence field {self.field!r}")
        if self.confidence not in CONFIDENCES:
            raise ValueError(f"confidence must be one of {CONFIDENCES}, not {self.confidence!r}")
        unknown = set(self.flags) - set(FLAGS)
        if unknown:
            raise ValueError(f"unknown flags {sorted(unknown)}")

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "confidence": self.confidence,
            "source_url": self.source_url,
            "snippet": self.snippet,
            "method": self.method,
            "flags": list(self.flags),
        }

    @classmethod
    def from_json(cls, name: str, data: dict[str, Any]) -> Evidence:
        return cls(
            field=name,
            value=data["value"],
            confidence=data["confidence"],
            source_url=data.get("source_url") or "",
            snippet=data.get("snippet") or "",
            method=data.get("method") or "",
            flags=tuple(data.get("flags") or ()),
        )


@dataclass(frozen=True)
class KeptPage:
    """A page the crawl decided to keep, as handed from the spider to the store."""

    url: str
    role: str
    status: int
    fetched_at: str
    content_type: str
    encoding: str
    body: bytes
    text: str
    title: str = ""
    requested_url: str = ""
    depth: int = 0
    tls_expires: str = ""  # see PageDoc
    rendered: bool = False  # drawn by scripts: the HTML is what headless Chromium built (crawler/rendering.py)
    # The extractors' view of the page (prospect_intel.core.document.ParsedPage), built by the crawler from
    # the tree it parsed anyway, so the site's analysis need not decode and parse the page again.
    parsed: object | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class SiteOutcome:
    """Everything one site's crawl produced; the store writes it in one transaction."""

    prospect_id: int
    status: str  # done | failed
    pages: tuple[KeptPage, ...] = ()
    error_kind: str | None = None
    error: str | None = None
    final_url: str | None = None
    site_domain: str | None = None
    requests: int = 0
    redirects: tuple[str, ...] = field(default_factory=tuple)


REVIEW_ACTIONS = ("confirmed", "corrected", "rejected", "added")
REVIEW_SOURCES = ("website", "phone", "visit", "email", "magazine", "business_card", "crm", "other")
# Why an extracted value was corrected or rejected, in one word (`prospect eval --reviews` groups by it).
REVIEW_REASONS = ("wrong_page", "wrong_company", "range_as_count", "outdated", "misread", "other")


@dataclass(frozen=True)
class ReviewFact:
    """The rep's current word on one field: it wins over what the extractors found."""

    field: str
    action: str  # confirmed | corrected | rejected | added
    value: Any
    source: str = "website"
    note: str = ""
    reviewer: str = ""
    at: str = ""
    site_value: Any = None  # what the site stated when the rep reviewed (None: nothing): a later crawl
    # that reads another value puts the field back to review
    reason: str = ""  # why the extracted value was corrected or rejected (REVIEW_REASONS; '' unsaid)
