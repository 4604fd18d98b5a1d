"""Cross-checks between fields (SPEC: "websites exaggerate") and conflict flags.

Each check reads the chosen evidence and returns `Finding`s: the field to flag, the flag and a
reason a rep can read. The dispatcher adds the flag to the evidence, appends the reason to its
`method` and lists it under `SiteEvidence.notes[field]`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from prospect.models import Evidence

from .document import ParsedPage

_OWN_FACTORY = re.compile(r"自有工厂|自建工厂|生产基地|自有厂房|现代化厂房|生产车间|own factory|our factory|"
                          r"manufacturing facility|production plant", re.IGNORECASE)


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
    factory = next(((p, m) for p in pages if not p.is_article
                    for m in [_OWN_FACTORY.search(p.folded)] if m), None)
    if factory is not None and office is not None and office.value in ("residential",
                                                                      "office_tower"):
        where = "a residential flat" if office.value == "residential" else "an office tower"
        findings.append(Finding("business_model", "implausible",
                                f"claims its own factory ({factory[1].group(0)}) but the only "
                                f"address is {where}"))
    return findings


def conflicting(chosen: Evidence, others: Sequence[Evidence]) -> list[Evidence]:
    """Other stated (not inferred, not low) candidates whose value disagrees with the chosen one."""
    return [e for e in others if e.value != chosen.value and "inferred" not in e.flags
            and e.confidence != "low" and not _compatible(chosen.value, e.value)]


def _compatible(a: object, b: object) -> bool:
    """[200, None] ("200余人") and 200 are the same claim; so are addresses one inside the other."""
    if isinstance(a, str) and isinstance(b, str):
        x, y = re.sub(r"\W", "", a), re.sub(r"\W", "", b)
        return bool(x and y) and (x in y or y in x)
    low_a, low_b = headcount_low(a), headcount_low(b)
    return low_a is not None and low_a == low_b and (isinstance(a, list) or isinstance(b, list))
