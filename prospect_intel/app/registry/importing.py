"""`prospect import-registry`: an export's rows matched to prospects, their facts stored, the
matched prospects graded again, in one transaction (a bad file imports nothing; the same file
twice changes nothing)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prospect_intel.app.store import Store, utc_now
from prospect_intel.app.workflows import rescore, store_rubric
from prospect_intel.core.models import Evidence
from prospect_intel.scoring import Rubric

from .exports import RegistryExport, RegistryRow, read_export
from .matching import CONFIDENCE, Match, RowKey, match_rows, printed_numbers, prospect_of

# Export facts -> the evidence fields they fill (the founding date fills the founding year).
FACT_FIELDS = {
    "registry_id": "registry_id", "registered_capital_cny": "registered_capital_cny",
    "paid_in_capital_cny": "paid_in_capital_cny", "founded": "founded_year", "registry_status": "registry_status",
    "insured_staff": "insured_staff", "staff_band": "staff_band", "business_scope": "business_scope",
    "industry": "industry", "registered_address": "registered_address",
    "legal_representative": "legal_representative",
}
# The cell a fact is printed in, where it differs from the fact's own name.
_CELL_OF = {"registered_capital_cny": "registered_capital", "paid_in_capital_cny": "paid_in_capital",
            "registry_status": "registry_status_text"}


@dataclass(frozen=True)
class GradeChange:
    url: str
    name: str | None
    before: str | None
    after: str | None


@dataclass
class ImportReport:
    export: RegistryExport
    matches: list[tuple[RegistryRow, Match]] = field(default_factory=list)
    earlier: dict[str, Any] | None = None  # the earlier import of the same file: nothing was changed
    grades: list[GradeChange] = field(default_factory=list)
    queued: list[str] = field(default_factory=list)

    @property
    def matched(self) -> list[tuple[RegistryRow, Match]]:
        return [(row, m) for row, m in self.matches if m.prospect_id is not None]

    @property
    def unmatched(self) -> list[tuple[RegistryRow, Match]]:
        return [(row, m) for row, m in self.matches if m.prospect_id is None]


def import_registry(store: Store, path: str | Path, format: str | None = None,
                    rubric: Rubric | None = None) -> ImportReport:
    """Read, match, store and re-grade. Raises `RegistryFileError` for a file it cannot read."""
    export = read_export(path, format)
    report = ImportReport(export, earlier=store.registry_import(export.sha256))
    if report.earlier is not None:
        return report
    rubric = rubric or store_rubric(store)
    report.matches = list(zip(export.rows, _matches(store, export.rows)))
    facts = {m.prospect_id: registry_facts(export, row, m) for row, m in report.matched if m.prospect_id}
    with store.write():
        store.add_registry_import(_import_meta(export, len(facts)), [_row_record(row, m) for row, m in report.matches],
                                  facts)
        for prospect_id in facts:
            report.grades.append(_regrade(store, prospect_id, rubric))
    return report


def _matches(store: Store, rows: Sequence[RegistryRow]) -> list[Match]:
    keys = [RowKey(row.row, row.name, _text(row.values.get("registry_id")), _text(row.values.get("website")),
                   _text(row.values.get("city"))) for row in rows]
    wanted = {key.registry_id for key in keys if key.registry_id}
    numbers = {number: found for number, found in printed_numbers(store.page_texts()).items()
               if number in wanted} if wanted else {}
    return match_rows(keys, [prospect_of(r) for r in store.match_candidates()], numbers)


def registry_facts(export: RegistryExport, row: RegistryRow, match: Match) -> dict[str, Evidence]:
    """A matched row's facts as evidence with the source `registry`: the file, row and column as
    provenance, the confidence of the way it matched."""
    how = match.how or ""
    matched_by = how + (f" {match.score:.2f}" if match.score is not None else "")
    found = {}
    for fact, name in FACT_FIELDS.items():
        if fact not in row.values:
            continue
        value = row.values[fact]
        value = value.year if fact == "founded" else value  # type: ignore[attr-defined]
        column = row.columns.get(fact) or row.columns.get(_CELL_OF.get(fact, fact), "")
        found[name] = Evidence(
            name, value, CONFIDENCE.get(how, "low"), f"registry:{export.path.name}#row={row.row}",
            row.cells.get(_CELL_OF.get(fact, fact)) or row.cells.get(fact) or str(value),
            f"registry export ({export.format}), row {row.row}, column {column}; matched by {matched_by}")
    return found


def _regrade(store: Store, prospect_id: int, rubric: Rubric) -> GradeChange:
    row = store.prospect_by_id(prospect_id)
    before = store.current_score(prospect_id)
    after = rescore(store, row, rubric) if row["status"] in ("done", "failed") else None
    return GradeChange(row["url"], row["list_name"], before["grade"] if before else None,
                       after["grade"] if after else None)


def _import_meta(export: RegistryExport, matched: int) -> dict[str, Any]:
    return {"sha256": export.sha256, "file": str(export.path), "format": export.format,
            "header_row": export.header_row, "rows": len(export.rows), "matched": matched, "imported_at": utc_now()}


def _row_record(row: RegistryRow, match: Match) -> dict[str, Any]:
    notes = [note for note in (match.note, *row.notes) if note]
    return {"row": row.row, "name": row.name, "registry_id": _text(row.values.get("registry_id")),
            "website": _text(row.values.get("website")), "prospect_id": match.prospect_id,
            "matched_by": match.how, "match_score": match.score, "note": "; ".join(notes) or None}


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
