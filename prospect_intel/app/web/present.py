"""Turn a prospect's JSON shape into what the pages show: evidence cards, readable values, flags.

Values stay plain text here; templates escape them. Links are only made from http(s) URLs.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Undefined

from prospect_intel.app.i18n import word
from prospect_intel.app.review_view import FLAG_REASONS, REP_FACTS
from prospect_intel.app.web.highlight import Segment, snippet_segments
from prospect_intel.core.fields import CHOICE_LABELS, FIELDS
from prospect_intel.core.models import EVIDENCE_FIELDS

# Suggestions offered while typing a correction: the values the review validation accepts.
CHOICES = {f.name: ("yes", "no") if f.kind == "bool" else f.choices
           for f in FIELDS if f.kind in ("bool", "enum", "enum_list")}


@dataclass(frozen=True)
class Card:
    """One evidence field as shown on the prospect page."""

    name: str
    kind: str
    value: Any
    confidence: str
    flags: list[tuple[str, str]]
    notes: list[str]
    segments: list[Segment]
    source_url: str
    source_page: int | None  # seq of the saved page it came from
    method: str
    edit_value: str
    needs_review: bool
    last_review: dict | None = None
    choices: tuple[str, ...] = field(default_factory=tuple)

    @property
    def find(self) -> str:
        """What the saved copy scrolls to: the highlighted match, else the snippet's opening."""
        hit = next((text for text, is_hit in self.segments if is_hit), "")
        whole = "".join(text for text, _ in self.segments)
        return hit if len(hit.strip()) >= 2 else " ".join(whole.split()[:8])[:60]


def evidence_cards(shape: dict[str, Any], page_seqs: dict[str, int]) -> list[Card]:
    reviews = _last_reviews(shape["reviews"])
    cards = []
    for name, item in shape["evidence"].items():
        cards.append(Card(
            name=name, kind=EVIDENCE_FIELDS[name], value=item["value"], confidence=item["confidence"],
            flags=[(f, FLAG_REASONS.get(f, "")) for f in item["flags"]],
            notes=list(shape["evidence_notes"].get(name, [])),
            segments=snippet_segments(item["snippet"], name, item["value"], item["method"]),
            source_url=item["source_url"], source_page=page_seqs.get(item["source_url"]),
            method=item["method"], edit_value=edit_text(item["value"]),
            needs_review=name in shape["needs_review"], last_review=reviews.get(name),
            choices=CHOICES.get(name, ()),
        ))
    return cards


def addable_fields(shape: dict[str, Any]) -> list[str]:
    """Fields without a value, the rep-only facts first."""
    missing = [name for name in EVIDENCE_FIELDS if name not in shape["evidence"]]
    return sorted(missing, key=lambda name: (name not in REP_FACTS, list(EVIDENCE_FIELDS).index(name)))


def reviewed_without_value(shape: dict[str, Any]) -> list[dict]:
    """Fields the rep rejected (no card any more) whose review can still be undone."""
    reviews = _last_reviews(shape["reviews"])
    return [r for name, r in reviews.items() if name not in shape["evidence"] and r["action"] != "undone"]


def _last_reviews(log: list[dict]) -> dict[str, dict]:
    last: dict[str, dict] = {}
    for entry in log:
        if entry["field"]:  # notes about the whole prospect have no field
            last[entry["field"]] = entry
    return {name: entry for name, entry in last.items() if entry["action"] != "undone"}


def edit_text(value: Any) -> str:
    """The value as the rep would type it back (JSON for lists, yes/no for booleans)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def display(value: Any) -> str:
    """A short human form of a value for tables and the audit trail."""
    if value is None or isinstance(value, Undefined):
        return "—"
    if isinstance(value, bool):
        return word("yes" if value else "no")
    if isinstance(value, str):
        return word(value) if value in CHOICE_LABELS else value
    if isinstance(value, list):
        if len(value) == 2 and all(isinstance(v, int) or v is None for v in value):
            return f"{value[0]}–{value[1] if value[1] is not None else ''}"
        return "; ".join(v.get("name", "") if isinstance(v, dict) else display(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and value >= 10_000:
        return f"{value:,}"  # registered capital: 5,000,000
    return str(value)


def number(value: Any) -> str:
    if value is None or isinstance(value, (Undefined, str, bool)):
        return ""
    return str(int(value)) if float(value).is_integer() else f"{float(value):g}"


def when(stamp: Any) -> str:
    """`2026-11-23T02:10:00Z` -> `2026-11-23 02:10 UTC` (stored times are UTC)."""
    if not isinstance(stamp, str) or len(stamp) < 16 or stamp[10:11] != "T":
        return "" if stamp is None or isinstance(stamp, Undefined) else str(stamp)
    return f"{stamp[:10]} {stamp[11:16]} UTC" if stamp.endswith("Z") else f"{stamp[:10]} {stamp[11:16]}"


def web_url(url: Any) -> str | None:
    """The URL when it is a plain http(s) address, else None (no javascript:, data: links)."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def grade_range_text(score: dict[str, Any] | None) -> str:
    """The grade range as shown ('B–A'); none for an unscored prospect (it has no grade)."""
    if not score or (score.get("unscored") and not score.get("grade")):
        return ""
    low, high = (score.get("grade_range") or [None, None])[:2]
    if low and high and low != high:
        return f"{low}–{high}"
    return low or ""


FILTERS = {"display": display, "number": number, "web_url": web_url, "when": when}
