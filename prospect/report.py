"""The JSON shape of a prospect (SPEC.md, "JSON shape of a prospect") and its flat CSV row."""
from __future__ import annotations

from typing import Any

from prospect.models import EVIDENCE_FIELDS
from prospect.store import Store


def prospect_json(store: Store, row: dict[str, Any], *, page_counts_only: bool = False) -> dict[str, Any]:
    pages = store.pages(row["id"])
    return {
        "url": row["url"],
        "domain": row["domain"],
        "name": row["name"],
        "status": row["status"],
        "error": _error_text(row),
        "error_kind": row["error_kind"],
        "final_url": row["final_url"],
        "crawled_at": row["crawled_at"],
        "pages_requested": row["requests"],
        "pages": [
            {"url": p["url"], "role": p["role"], "status": p["status"], "fetched_at": p["fetched_at"],
             "title": p["title"], "encoding": p["encoding"]}
            for p in pages
        ],
        "evidence": {},
        "score": None,
    }


def _error_text(row: dict[str, Any]) -> str | None:
    if not row["error"]:
        return None
    return f"{row['error_kind']}: {row['error']}" if row["error_kind"] else row["error"]


CSV_BASE_COLUMNS = ["url", "domain", "name", "status", "error", "pages_kept", "grade", "total"]


def csv_columns() -> list[str]:
    columns = list(CSV_BASE_COLUMNS)
    for name in EVIDENCE_FIELDS:
        columns += [name, f"{name}_confidence"]
    return columns


def csv_row(shape: dict[str, Any]) -> dict[str, Any]:
    score = shape.get("score") or {}
    row = {
        "url": shape["url"], "domain": shape["domain"], "name": shape["name"] or "",
        "status": shape["status"], "error": shape["error"] or "", "pages_kept": len(shape["pages"]),
        "grade": score.get("grade", ""), "total": score.get("total", ""),
    }
    for name in EVIDENCE_FIELDS:
        evidence = shape["evidence"].get(name)
        row[name] = _flat(evidence["value"]) if evidence else ""
        row[f"{name}_confidence"] = evidence["confidence"] if evidence else ""
    return row


def _flat(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_flat(v) if not isinstance(v, dict) else str(v.get("name", v)) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)
