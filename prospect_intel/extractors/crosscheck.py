"""Cross-checks between fields (SPEC: "websites exaggerate") and conflict flags.

Each check reads the chosen evidence and returns `Finding`s: the field to flag, the flag and a
reason a rep can read. The dispatcher adds the flag to the evidence, appends the reason to its
`method` and lists it under `SiteEvidence.notes[field]`.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from prospect_intel.core.document import ParsedPage
from prospect_intel.core.models import Evidence
from prospect_intel.core.terms import Started
from prospect_intel.core.text import snippet

from .common import load

_NON_WORD = re.compile(r"\W")


@cache
def _own_factory() -> Started:
    """An "own factory" claim (keywords/business.py OWN_FACTORY): every match starts with an
    owning verb, an own-word or a phrase, and names a facility or is a phrase."""
    table = load("business")["own_factory"]

    def alt(terms: list[str]) -> str:
        return "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))

    zh = rf"(?:{alt(table['verbs_zh'])})\s*(?:{alt(table['own_zh'])})\s*(?:{alt(table['facilities_zh'])})"
    en = (rf"\b(?:{alt(table['own_en'])})\s+(?:[a-z-]+\s+){{0,2}}?(?:{alt(table['facilities_en'])})\b")
    pattern = re.compile(f"{zh}|{en}|{alt(table['phrases'])}", re.IGNORECASE)
    return Started(pattern, [*table["verbs_zh"], *table["own_en"], *table["phrases"]],
                   required=[*table["facilities_zh"], *table["facilities_en"], *table["phrases"]])


@dataclass(frozen=True)
class Finding:
    field: str
    flag: str
    reason: str


def headcount_low(value: object) -> int | None:
    """Smallest headcount a value claims (int or [min, max])."""
    if isinstance(value, int):
        return value
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], int):
        return value[0]
    return None


def run(fields: dict[str, Evidence], pages: Sequence[ParsedPage]) -> list[Finding]:
    findings: list[Finding] = []
    claimed = headcount_low(fields["headcount"].value) if "headcount" in fields else None
    office = fields.get("office_type")
    phones = fields.get("phone_numbers")
    clients = fields.get("reference_clients")
    if claimed is not None and claimed >= 20:
        if office is not None and office.value == "residential":
            findings.append(Finding("headcount", "implausible",
                                    f"claims {claimed}+ staff but the office is a flat in a "
                                    "residential compound"))
        phone_count = len(phones.value) if phones is not None else 0
        if phones is not None and phone_count <= 1:
            findings.append(Finding("headcount", "implausible",
                                    f"claims {claimed}+ staff but lists only one phone line"))
        has_cases = any(p.role == "cases" for p in pages)
        if claimed >= 50 and has_cases and (clients is None or len(clients.value) < 3):
            findings.append(Finding("headcount", "implausible",
                                    f"claims {claimed}+ staff but names fewer than 3 reference "
                                    "clients on its case pages"))
    findings += _factory_in_office(fields, pages)
    return findings


def _factory_in_office(fields: dict[str, Evidence], pages: Sequence[ParsedPage]) -> list[Finding]:
    """An "own factory" claim while the only address is a flat or an office tower."""
    office, address = fields.get("office_type"), fields.get("office_address")
    if office is None or office.value not in ("residential", "office_tower"):
        return []
    claim = next(((p, m) for p in pages if not p.is_article
                  for m in [next(_own_factory().finditer(p.folded), None)] if m), None)
    if claim is None:
        return []
    page, match = claim
    where = "a flat in a residential compound" if office.value == "residential" else "an office tower"
    said = snippet(page.text, *match.span(), limit=60)
    at = f" ({address.value})" if address is not None else ""
    return [Finding("business_model", "implausible",
                    f"claims its own factory (\"{said}\") but the only address is {where}{at}")]


def conflicting(chosen: Evidence, others: Sequence[Evidence]) -> list[Evidence]:
    """Other stated (not inferred, not low) candidates whose value disagrees with the chosen one."""
    return [e for e in others if e.value != chosen.value and "inferred" not in e.flags
            and e.confidence != "low" and not _compatible(chosen.value, e.value)]


def _compatible(a: object, b: object) -> bool:
    """[200, None] ("200余人") and 200 are the same claim; so are addresses one inside the other."""
    if isinstance(a, str) and isinstance(b, str):
        x, y = _NON_WORD.sub("", a), _NON_WORD.sub("", b)
        return bool(x and y) and (x in y or y in x)
    low_a, low_b = headcount_low(a), headcount_low(b)
    return low_a is not None and low_a == low_b and (isinstance(a, list) or isinstance(b, list))
