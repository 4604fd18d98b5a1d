"""Reviews: the rep's current word per field, and the full audit trail of every change.

Notes from a call or a visit that are about no one field live in the same trail, with an empty
field and the action `noted`.
"""
from __future__ import annotations

import json

from prospect_intel.app.store.evidence import dumps
from prospect_intel.core.models import ReviewFact

NOTE_ACTION = "noted"


class ReviewMixin:
    def review_facts(self, prospect_id: int) -> dict[str, ReviewFact]:
        return self._facts("field", "prospect_id = ?", prospect_id)

    def _facts(self, key: str, where: str, param: object) -> dict:
        rows = self.db.execute(
            f"SELECT {key}, field, action, value, source, note, reviewer, at, site_value, reason FROM review_facts "
            f"WHERE {where}", [param],
        ).fetchall()
        return {
            key_value: ReviewFact(field, action, json.loads(value) if value is not None else None, source,
                                  note or "", reviewer or "", at, json.loads(site) if site is not None else None,
                                  reason or "")
            for key_value, field, action, value, source, note, reviewer, at, site, reason in rows
        }

    def record_review(self, prospect_id: int, fact: ReviewFact, old_value: object) -> None:
        """Set the field's reviewed state and log the change (call inside `write()`)."""
        self.db.execute(
            "INSERT OR REPLACE INTO review_facts (prospect_id, field, action, value, source, note, reviewer, at, "
            "site_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [prospect_id, fact.field, fact.action, None if fact.action == "rejected" else dumps(fact.value),
             fact.source, fact.note, fact.reviewer, fact.at,
             None if fact.site_value is None else dumps(fact.site_value), fact.reason or None],
        )
        self._log_review(prospect_id, fact.field, fact.action, old_value, fact.value, fact.source, fact.note,
                         fact.reviewer, fact.at, fact.reason)

    def undo_review(self, prospect_id: int, field: str, reviewer: str, at: str) -> ReviewFact | None:
        """Drop the rep's word on a field (the extracted value shows again); log it. Inside `write()`."""
        fact = self.review_facts(prospect_id).get(field)
        if fact is None:
            return None
        self.db.execute("DELETE FROM review_facts WHERE prospect_id = ? AND field = ?", [prospect_id, field])
        self._log_review(prospect_id, field, "undone", fact.value, None, fact.source, "", reviewer, at)
        return fact

    def _log_review(self, prospect_id, field, action, old, new, source, note, reviewer, at, reason="") -> None:
        self.db.execute(
            "INSERT INTO reviews (prospect_id, field, action, old_value, new_value, source, note, reviewer, at, "
            "reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [prospect_id, field, action, dumps(old), dumps(new), source, note, reviewer, at, reason or None],
        )

    def add_note(self, prospect_id: int, note: str, source: str, reviewer: str, at: str) -> None:
        """Log a note about the prospect as a whole (call inside `write()`)."""
        self._log_review(prospect_id, "", NOTE_ACTION, None, None, source, note, reviewer, at)

    def rep_notes(self, prospect_id: int) -> list[dict]:
        """The rep's notes on the prospect, oldest first: note, source, reviewer, at."""
        rows = self.db.execute(
            "SELECT note, source, reviewer, at FROM reviews WHERE prospect_id = ? AND action = ? ORDER BY id",
            [prospect_id, NOTE_ACTION],
        ).fetchall()
        return [{"note": note, "source": source, "reviewer": reviewer, "at": at} for note, source, reviewer, at in rows]

    def review_log(self, prospect_id: int) -> list[dict]:
        rows = self.db.execute(
            "SELECT field, action, old_value, new_value, source, note, reviewer, at, reason FROM reviews "
            "WHERE prospect_id = ? ORDER BY id", [prospect_id],
        ).fetchall()
        return [
            {"field": f, "action": a, "from": json.loads(o), "to": json.loads(n), "source": s, "note": note,
             "reviewer": r, "at": at, "reason": reason or ""}
            for f, a, o, n, s, note, r, at, reason in rows
        ]

    def reviewed_prospects(self) -> list[int]:
        """The prospects with at least one field the rep has a word on, in id order."""
        return [row[0] for row in self.db.execute("SELECT DISTINCT prospect_id FROM review_facts ORDER BY 1")]
