"""Writing a snapshot: the prospect's current row, page list and evidence, the parts stored once
by content hash (used by the crawl's save and by the migration that made the table)."""
from __future__ import annotations

import hashlib
import json

from sqlite_utils import Database

from prospect_intel.app.store.packing import pack, packed_row, read_chain, row_reader

# The page list (bodies by hash; their text lives in the bodies) and the extracted evidence, as
# canonical JSON.
_PAGES = ("SELECT coalesce(json_group_array(json_object('url', url, 'role', role, 'status', status, "
          "'title', title, 'body_sha256', body_sha256)), '[]') FROM (SELECT * FROM pages WHERE prospect_id = ? "
          "ORDER BY seq)")
_EVIDENCE = ("SELECT coalesce(json_group_object(field, json_object('value', json(value), 'confidence', confidence, "
             "'source_url', source_url, 'snippet', snippet, 'method', method, 'flags', json(flags))), '{}') "
             "FROM (SELECT * FROM evidence WHERE prospect_id = ? ORDER BY field)")


# What a crawl can change that a rep's morning list shows (the diff says it all: app/history.py).
CHANGE_KINDS = ("site_gone", "grade_changed", "new_clients", "office_moved")


def write_snapshot(db: Database, prospect_id: int) -> list[str]:
    """Keep the prospect's state as it is now (call inside the write that made it); what changed
    since its snapshot before (CHANGE_KINDS; nothing for a first crawl)."""
    previous = db.execute("SELECT pages_sha256, evidence_sha256 FROM snapshots WHERE prospect_id = ? "
                          "ORDER BY id DESC LIMIT 1", [prospect_id]).fetchone() or (None, None)
    parts = [_part(db, db.execute(sql, [prospect_id]).fetchone()[0], base)
             for sql, base in zip((_PAGES, _EVIDENCE), previous)]
    db.execute(
        "INSERT INTO snapshots (prospect_id, run_id, crawled_at, status, error_kind, error, final_url, pages_sha256, "
        "evidence_sha256, score_id) SELECT id, run_id, coalesce(crawled_at, ''), status, error_kind, error, "
        "final_url, ?, ?, score_id FROM prospects WHERE id = ?", [*parts, prospect_id])
    last_two = db.execute(
        "SELECT n.status, n.evidence_sha256, coalesce(s.grade, 'unscored') FROM snapshots n "
        "LEFT JOIN scores s ON s.id = n.score_id WHERE n.prospect_id = ? ORDER BY n.id DESC LIMIT 2",
        [prospect_id]).fetchall()
    return _changes(db, last_two[1], last_two[0]) if len(last_two) == 2 else []


def _changes(db: Database, old: tuple, new: tuple) -> list[str]:
    (old_status, old_sha, old_grade), (new_status, new_sha, new_grade) = old, new
    kinds = []
    if old_status == "done" and new_status == "failed":
        kinds.append("site_gone")
    if old_grade != new_grade:
        kinds.append("grade_changed")
    if new_status == "done" and old_sha != new_sha:
        before, after = (json.loads(read_part(db, sha)) for sha in (old_sha, new_sha))
        if _client_names(after) - _client_names(before):
            kinds.append("new_clients")
        moved = [evidence_value(e, "office_address") for e in (before, after)]
        if all(moved) and moved[0] != moved[1]:
            kinds.append("office_moved")
    return kinds


def _client_names(evidence: dict) -> set[str]:
    return {item_key(c) for c in evidence_value(evidence, "reference_clients") or [] if isinstance(c, dict)}


def evidence_value(evidence: dict, name: str):
    """A field's value in a snapshot's evidence (None when absent)."""
    item = evidence.get(name) if isinstance(evidence, dict) else None
    return item.get("value") if isinstance(item, dict) else None


def item_key(item) -> str:
    """A list item as two snapshots compare it: a client by its name, case and spacing aside."""
    text = item.get("name", "") if isinstance(item, dict) else str(item)
    return " ".join(str(text).lower().split())


def read_part(db: Database, sha256: str) -> str:
    data = read_chain(sha256, row_reader(db, "snapshot_parts"))
    return data.decode("utf-8") if data is not None else "null"


def _part(db: Database, text: str, base_sha256: str | None) -> str:
    """Store a part once by its hash; a new one as a delta against the prospect's previous part
    of its kind (`base_sha256`; None for a first snapshot, as the migration that made the
    table writes them)."""
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    if db.execute("SELECT 1 FROM snapshot_parts WHERE sha256 = ?", [digest]).fetchone():
        return digest
    if base_sha256 is None:
        db.execute("INSERT INTO snapshot_parts (sha256, data) VALUES (?, ?)", [digest, pack(data)])
    else:
        row = packed_row(db, "snapshot_parts", data, base_sha256)
        db.execute("INSERT INTO snapshot_parts (sha256, data, base_sha256, depth) VALUES (?, ?, ?, ?)",
                   [digest, row["data"], row["base_sha256"], row["depth"]])
    return digest
