"""The name a prospect goes by in the list, `show`, the exports and the web app: one rule, here.

A reviewed company_name (confirmed, corrected or added by a rep) wins, then the name given when
the prospect was queued (`add --name`, a CSV's name column), then the extracted company_name.
A rejected company_name rules out the extracted one as well.
"""
from __future__ import annotations

from typing import Any

from prospect_intel.core.models import ReviewFact


def prospect_name(queued: str | None, extracted: Any, fact: ReviewFact | None) -> str | None:
    """The effective name, or None when nothing names the prospect (show its domain then)."""
    if fact is not None and fact.action != "rejected" and _text(fact.value):
        return _text(fact.value)
    if queued and queued.strip():
        return queued.strip()
    if fact is not None and fact.action == "rejected":
        return None
    return _text(extracted) or None


def _text(value: Any) -> str:
    return str(value).strip() if value is not None else ""


def stored_name(store, row: dict[str, Any]) -> str | None:
    """`prospect_name` for one stored prospect row (a `prospect_intel.app.store.Store` and its row)."""
    extracted = store.evidence(row["id"]).get("company_name")
    fact = store.review_facts(row["id"]).get("company_name")
    return prospect_name(row["name"], extracted.value if extracted else None, fact)
