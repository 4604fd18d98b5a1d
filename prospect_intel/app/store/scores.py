"""Score rows: every grade ever computed, with the rubric and the evidence it used."""
from __future__ import annotations

import json
from typing import Any

from prospect_intel.app.store.evidence import dumps


class ScoreMixin:
    def add_score(self, prospect_id: int, record: dict[str, Any]) -> int:
        """Store a score and make it the prospect's current one (call inside `write()`)."""
        score_id = self.db.execute(
            "INSERT INTO scores (prospect_id, rubric, rubric_version, total, grade, grade_low, grade_high, knockout, "
            "unscored, needs_review, result, inputs, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [prospect_id, record["rubric"], record["rubric_version"], record["total"], record["grade"],
             record["grade_low"], record["grade_high"], record["knockout"], record["unscored"],
             record["needs_review"], dumps(record["result"]), dumps(record["inputs"]), record["scored_at"]],
        ).lastrowid
        self.db.execute("UPDATE prospects SET score_id = ? WHERE id = ?", [score_id, prospect_id])
        return score_id

    def save_analysis(self, prospect_id: int, analysis) -> None:
        """Extracted evidence and its score in one go (call inside `write()`)."""
        found = analysis.extracted
        self.replace_evidence(prospect_id, found.fields, found.candidates, found.absence, found.notes,
                              analysis.pages, analysis.at)
        self.add_score(prospect_id, analysis.score)

    def current_score(self, prospect_id: int) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT s.* FROM scores s JOIN prospects p ON p.score_id = s.id WHERE p.id = ?", [prospect_id]
        ).fetchone()
        if row is None:
            return None
        record = self._as_dict("scores", row)
        record["result"] = json.loads(record["result"])
        record["inputs"] = json.loads(record["inputs"])
        return record

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Set a store-wide setting (inside the caller's write, or in one of its own)."""
        sql, params = "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value]
        if self.in_transaction():
            self.db.execute(sql, params)
            return
        with self.write() as db:
            db.execute(sql, params)
