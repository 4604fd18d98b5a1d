"""Writing a snapshot: the prospect's current row, page list and evidence, the parts stored once
by content hash (used by the crawl's save and by the migration that made the table)."""
from __future__ import annotations

import hashlib
import zlib

from sqlite_utils import Database

# The page list (bodies by hash; their text lives in the bodies) and the extracted evidence, as
# canonical JSON.
_PAGES = ("SELECT coalesce(json_group_array(json_object('url', url, 'role', role, 'status', status, "
          "'title', title, 'body_sha256', body_sha256)), '[]') FROM (SELECT * FROM pages WHERE prospect_id = ? "
          "ORDER BY seq)")
_EVIDENCE = ("SELECT coalesce(json_group_object(field, json_object('value', json(value), 'confidence', confidence, "
             "'source_url', source_url, 'snippet', snippet, 'method', method, 'flags', json(flags))), '{}') "
             "FROM (SELECT * FROM evidence WHERE prospect_id = ? ORDER BY field)")


def write_snapshot(db: Database, prospect_id: int) -> None:
    """Keep the prospect's state as it is now (call inside the write that made it)."""
    parts = [_part(db, db.execute(sql, [prospect_id]).fetchone()[0]) for sql in (_PAGES, _EVIDENCE)]
    db.execute(
        "INSERT INTO snapshots (prospect_id, run_id, crawled_at, status, error_kind, error, final_url, pages_sha256, "
        "evidence_sha256, score_id) SELECT id, run_id, coalesce(crawled_at, ''), status, error_kind, error, "
        "final_url, ?, ?, score_id FROM prospects WHERE id = ?", [*parts, prospect_id])


def read_part(db: Database, sha256: str) -> str:
    row = db.execute("SELECT data FROM snapshot_parts WHERE sha256 = ?", [sha256]).fetchone()
    return zlib.decompress(row[0]).decode("utf-8") if row else "null"


def _part(db: Database, text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    db.execute("INSERT OR IGNORE INTO snapshot_parts (sha256, data) VALUES (?, ?)",
               [digest, zlib.compress(text.encode("utf-8"), 6)])
    return digest
