"""Evidence rows: what the extractors found for a prospect, with candidates and absences."""
from __future__ import annotations

import json
from typing import Any

from prospect_intel.core.models import Evidence


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class EvidenceMixin:
    def replace_evidence(self, prospect_id: int, fields: dict[str, Evidence], candidates: dict[str, tuple],
                         absence: dict[str, str], notes: dict[str, tuple[str, ...]], pages: int, at: str) -> None:
        """Replace the prospect's extracted evidence (call inside `write()`)."""
        db = self.db
        db.execute("DELETE FROM evidence WHERE prospect_id = ?", [prospect_id])
        db.execute("DELETE FROM absences WHERE prospect_id = ?", [prospect_id])
        db["evidence"].insert_all(
            {"prospect_id": prospect_id, "field": name, "value": dumps(item.value), "confidence": item.confidence,
             "source_url": item.source_url, "snippet": item.snippet, "method": item.method,
             "flags": dumps(list(item.flags)), "candidates": dumps([c.to_json() for c in candidates.get(name, ())]),
             "notes": dumps(list(notes.get(name, ())))}
            for name, item in fields.items()
        )
        db["absences"].insert_all(
            {"prospect_id": prospect_id, "field": name, "reason": reason} for name, reason in absence.items()
        )
        db["extractions"].insert({"prospect_id": prospect_id, "extracted_at": at, "pages": pages}, replace=True)

    def evidence(self, prospect_id: int) -> dict[str, Evidence]:
        rows = self.db.execute(
            "SELECT field, value, confidence, source_url, snippet, method, flags FROM evidence "
            "WHERE prospect_id = ? ORDER BY field", [prospect_id],
        ).fetchall()
        return {
            field: Evidence(field, json.loads(value), confidence, source_url or "", snippet or "", method or "",
                            tuple(json.loads(flags)))
            for field, value, confidence, source_url, snippet, method, flags in rows
        }

    def evidence_details(self, prospect_id: int) -> dict[str, dict[str, list]]:
        """Per field: every candidate the extractors saw and their notes (conflicts, cross-checks)."""
        rows = self.db.execute(
            "SELECT field, candidates, notes FROM evidence WHERE prospect_id = ?", [prospect_id]
        ).fetchall()
        return {field: {"candidates": json.loads(c), "notes": json.loads(n)} for field, c, n in rows}

    def absences(self, prospect_id: int) -> dict[str, str]:
        return dict(self.db.execute("SELECT field, reason FROM absences WHERE prospect_id = ?", [prospect_id]))

    def extracted_at(self, prospect_id: int) -> str | None:
        row = self.db.execute("SELECT extracted_at FROM extractions WHERE prospect_id = ?", [prospect_id]).fetchone()
        return row[0] if row else None
