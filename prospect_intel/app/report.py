"""The JSON shape of a prospect (SPEC.md, "JSON shape of a prospect") and its flat export row."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

from prospect_intel.app.analysis import needs_review
from prospect_intel.app.names import prospect_name
from prospect_intel.app.store import Store
from prospect_intel.app.workflows import current_evidence
from prospect_intel.core.fields import BY_NAME
from prospect_intel.core.models import EVIDENCE_FIELDS
from prospect_intel.scoring import Rubric


def prospect_json(store: Store, row: dict[str, Any], *, personal: bool = False,
                  rubric: Rubric | None = None) -> dict[str, Any]:
    """The contract's shape; a person's data (the legal representative) only with `personal`.
    `rubric` (default: the store's) says which source a field uses: an export passes it once."""
    pid = row["id"]
    extracted, facts, registry = store.evidence(pid), store.review_facts(pid), store.registry_evidence(pid)
    fields, checks = current_evidence(store, pid, rubric, extracted=extracted, facts=facts, registry=registry)
    fields = {name: item for name, item in fields.items() if personal or not BY_NAME[name].personal}
    score = store.current_score(pid)
    details = store.evidence_details(pid)
    return {
        "url": row["url"],
        "domain": row["domain"],
        "name": prospect_name(row["name"], _value(extracted, "company_name"), facts.get("company_name")),
        "status": row["status"],
        "error": _error_text(row),
        "error_kind": row["error_kind"],
        "final_url": row["final_url"],
        "redirects": json.loads(row["redirects"]) if row["redirects"] else [],
        "crawled_at": row["crawled_at"],
        "pages_requested": row["requests"],
        "pages": [
            {"url": p["url"], "role": p["role"], "status": p["status"], "fetched_at": p["fetched_at"],
             "title": p["title"], "encoding": p["encoding"], "rendered": bool(p["rendered"])}
            for p in store.pages(pid)
        ],
        "evidence": {name: fields[name].to_json() for name in EVIDENCE_FIELDS if name in fields},
        "evidence_notes": {name: d["notes"] for name, d in details.items() if d["notes"]},
        # what the site does not say: not a field the rep has given a value or rejected
        "absent": {name: why for name, why in (store.absences(pid) if store.extracted_at(pid) else {}).items()
                   if name not in fields and name not in facts},
        "rejected": sorted(name for name, fact in facts.items() if fact.action == "rejected"),
        "needs_review": needs_review(fields),
        "reviews": store.review_log(pid),
        "notes": store.rep_notes(pid),
        "score": _score_json(score),
        "registry": _registry_json(store, pid, registry, checks, personal),
    }


def _registry_json(store: Store, pid: int, facts: dict, checks, personal: bool) -> dict[str, Any] | None:
    """The registry's side: its facts, the rows they came from, each site claim checked against them."""
    rows = store.registry_rows_of(pid)
    if not rows:
        return None
    return {
        "facts": {name: item.to_json() for name, item in facts.items() if personal or not BY_NAME[name].personal},
        "rows": [{"file": r["file"], "row": r["row"], "format": r["format"], "matched_by": r["matched_by"],
                  "match_score": r["match_score"], "imported_at": r["imported_at"]} for r in rows],
        "checks": [check.to_json() for check in checks],
    }


def _score_json(score: dict[str, Any] | None) -> dict[str, Any] | None:
    if score is None:
        return None
    result = dict(score["result"])
    result.setdefault("rubric", score["rubric"])
    result["scored_at"] = score["scored_at"]
    return result


def _value(fields, name: str) -> Any:
    return fields[name].value if name in fields else None


def _error_text(row: dict[str, Any]) -> str | None:
    if not row["error"]:
        return None
    return f"{row['error_kind']}: {row['error']}" if row["error_kind"] else row["error"]


# Column names a CRM import maps without hand editing; evidence columns follow.
CRM_COLUMNS = ["Company Name", "Website", "Phone", "Other Phones", "Fax", "Address", "Grade", "Grade Range",
               "Score Total", "Notes", "Registry Checks", "Status", "Error", "Pages Kept", "Needs Review",
               "Last Crawled"]
TOP_FACTS_IN_NOTES = 3
# The same columns with Chinese headers (`export --headers zh`); evidence columns take the field
# registry's Chinese label.
CRM_COLUMNS_ZH = {"Company Name": "公司名称", "Website": "网址", "Phone": "电话", "Other Phones": "其他电话",
                  "Fax": "传真", "Address": "地址", "Grade": "评级", "Grade Range": "评级范围",
                  "Score Total": "总分", "Notes": "备注", "Registry Checks": "工商核对", "Status": "状态",
                  "Error": "错误", "Pages Kept": "保存页数",
                  "Needs Review": "待复核", "Last Crawled": "最近抓取"}


def column_header(column: str, language: str) -> str:
    """A column's header in `language` (en or zh)."""
    if language != "zh":
        return column
    if column in CRM_COLUMNS_ZH:
        return CRM_COLUMNS_ZH[column]
    name, _, suffix = column.partition(" ")
    label = BY_NAME[name].label_zh if name in BY_NAME else name
    return f"{label} 置信度" if suffix == "confidence" else label


def export_columns(personal: bool = False) -> list[str]:
    """The CRM columns, then each evidence field and its confidence (a person's data only with
    `personal`)."""
    columns = list(CRM_COLUMNS)
    for name in EVIDENCE_FIELDS:
        if personal or not BY_NAME[name].personal:
            columns += [name, f"{name} confidence"]
    return columns


def export_row(shape: dict[str, Any], personal: bool = False) -> dict[str, Any]:
    evidence, score = shape["evidence"], shape["score"] or {}
    phones = list(evidence.get("phone_numbers", {}).get("value") or [])  # the first is the main line
    grade_range = score.get("grade_range") or []
    row = {
        "Company Name": shape["name"] or shape["domain"],
        "Website": shape["url"],
        "Phone": _flat(phones[:1]),
        "Other Phones": _flat(phones[1:]),
        "Fax": _flat(evidence.get("fax_numbers", {}).get("value")),
        "Address": _flat(evidence.get("office_address", {}).get("value")),
        "Grade": score.get("grade") or ("unscored" if score.get("unscored") else ""),
        "Grade Range": "-".join(g for g in grade_range if g) if grade_range else "",
        "Score Total": _flat(score.get("total")),
        "Notes": _notes(score, shape.get("notes") or []),
        "Registry Checks": _checks_text(shape.get("registry")),
        "Status": shape["status"],
        "Error": shape["error"] or "",
        "Pages Kept": len(shape["pages"]),
        "Needs Review": ", ".join(shape["needs_review"]),
        "Last Crawled": stored_time(shape.get("crawled_at")),
    }
    for name in EVIDENCE_FIELDS:
        if BY_NAME[name].personal and not personal:
            continue
        item = evidence.get(name)
        row[name] = _flat(item["value"]) if item else ""
        row[f"{name} confidence"] = item["confidence"] if item else ""
    return row


def _checks_text(registry: dict[str, Any] | None) -> str:
    """The site-against-registry checks that found a difference, one a line."""
    checks = (registry or {}).get("checks") or []
    return "\n".join(check["text"] for check in checks if check["state"] not in ("agrees", "registry_only"))


def stored_time(stamp: str | None) -> dt.datetime | None:
    """A stored UTC time (`2026-11-23T02:10:00Z`) as a datetime without a zone: a spreadsheet
    cell holds no zone, so the column's header and the docs say UTC."""
    if not stamp:
        return None
    try:
        return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(dt.UTC).replace(tzinfo=None)
    except ValueError:
        return None


def _notes(score: dict[str, Any], rep_notes: list[dict[str, Any]]) -> str:
    """Knock-out or why unscored, the rep's notes (newest first), then the top facts to verify."""
    parts = []
    knockout = score.get("knockout")
    if knockout:
        parts.append(f"knock-out: {knockout.get('reason', knockout) if isinstance(knockout, dict) else knockout}")
    if score.get("unscored"):
        parts.append(f"unscored: {score['unscored']}")
    parts += [f"note ({n['source']}, {n['reviewer']}, {(n['at'] or '')[:10]}): {n['note']}"
              for n in reversed(rep_notes)]
    parts += list(score.get("to_verify") or [])[:TOP_FACTS_IN_NOTES]
    return " | ".join(str(p) for p in parts)


def _flat(value: Any) -> str | int | float:
    """A cell: lists joined with "; ", yes/no, numbers kept as numbers (an XLSX cell is then a
    number; CSV writes them as they print)."""
    if isinstance(value, list):
        return "; ".join(str(_flat(v.get("name", v)) if isinstance(v, dict) else _flat(v)) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (int, float)):
        return value
    return "" if value is None else str(value)
