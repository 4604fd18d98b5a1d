"""What changed between two crawls of a prospect, in words a rep reads at a glance.

Snapshots (`Store.snapshots`) keep each crawl's status, extracted evidence and score; `diff`
compares two of them field by field: "new reference clients: 万达广场, 家乐福", "office moved:
… → … (office type residential → industrial_park)", "headcount 20 → 50", "grade B → A
(headcount +1, financial strength +2)". The lines are said in the interface's language.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from prospect_intel.app.store.snapshots import evidence_value, item_key
from prospect_intel.core.fields import BY_NAME, LIST_KINDS
from prospect_intel.core.language import _, current, word

ADDRESS, OFFICE_TYPE = "office_address", "office_type"
# Fields whose change says nothing to a rep (derived from others, or the rep's own).
_QUIET = frozenset({"main_product_tier", OFFICE_TYPE})


@dataclass(frozen=True)
class Change:
    field: str  # an evidence field, or "status" / "grade"
    kind: str  # status | grade | added | removed | changed | moved | appeared | gone
    before: Any
    after: Any
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "kind": self.kind, "before": self.before, "after": self.after,
                "text": self.text}


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """The changes from snapshot `old` to snapshot `new`: status, then fields, then the grade."""
    changes = _status(old, new)
    if new["status"] == "done" and old["status"] == "done":
        before, after = old["evidence"], new["evidence"]
        for name in BY_NAME:
            if name not in _QUIET:
                changes += _field(name, evidence_value(before, name), evidence_value(after, name), before, after)
    changes += _grade(old, new)
    return changes


def pick(snapshots: list[dict[str, Any]], since: dt.date | None, until: dt.date | None,
         ) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The two snapshots to compare: the last crawl on or before `until` (default: the last) and
    the last on or before `since` (default: the one before it); None when there are not two."""
    def on_or_before(day: dt.date | None, limit: int) -> int | None:
        fitting = [i for i, s in enumerate(snapshots[:limit]) if day is None or s["crawled_at"][:10] <= day.isoformat()]
        return fitting[-1] if fitting else None

    to = on_or_before(until, len(snapshots))
    if to is None:
        return None
    frm = on_or_before(since, to + 1) if since is not None else (to - 1 if to > 0 else None)
    if frm is None or frm == to:
        return None
    return snapshots[frm], snapshots[to]


def _status(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    if old["status"] == new["status"]:
        return []
    if new["status"] == "failed":
        why = ": ".join(p for p in (new["error_kind"], new["error"]) if p) or "-"
        return [Change("status", "gone", old["status"], new["status"],
                       _("site gone since %(day)s (%(why)s): confirm the company still trades",
                         day=new["crawled_at"][:10], why=why))]
    return [Change("status", "appeared", old["status"], new["status"],
                   _("site answers again (%(day)s)", day=new["crawled_at"][:10]))]


def gone_notice(gone: dict[str, str] | None) -> str | None:
    """The knock-out candidate of a gone site (a score's `site_gone`), as the rep reads it."""
    if not gone:
        return None
    return _("knock-out candidate: the site is gone (%(status)s) since %(since)s; it last answered on %(last)s. "
             "Confirm the company still trades.", status=word(gone["status"]), since=gone["since"][:10],
             last=gone["last_answered"][:10])


def _field(name: str, before: Any, after: Any, old: dict, new: dict) -> list[Change]:
    if before == after:
        return []
    label = word(name)
    if BY_NAME[name].kind in LIST_KINDS:
        return _list_change(name, label, before or [], after or [])
    if name == ADDRESS and before and after:
        types = (evidence_value(old, OFFICE_TYPE), evidence_value(new, OFFICE_TYPE))
        moved = _("office moved: %(before)s → %(after)s", before=before, after=after)
        if types[0] != types[1]:
            moved += " " + _("(office type %(before)s → %(after)s)", before=word(types[0] or "unknown"),
                             after=word(types[1] or "unknown"))
        return [Change(name, "moved", before, after, moved)]
    if before is None:
        return [Change(name, "added", None, after, _("%(field)s now stated: %(value)s", field=label,
                                                     value=_shown(after)))]
    if after is None:
        return [Change(name, "removed", before, None, _("%(field)s no longer stated (was %(value)s)",
                                                        field=label, value=_shown(before)))]
    return [Change(name, "changed", before, after, _("%(field)s %(before)s → %(after)s", field=label,
                                                     before=_shown(before), after=_shown(after)))]


def _list_change(name: str, label: str, before: list, after: list) -> list[Change]:
    keys_before = {item_key(item) for item in before}
    keys_after = {item_key(item) for item in after}
    added = [_item(i) for i in after if item_key(i) not in keys_before]
    removed = [_item(i) for i in before if item_key(i) not in keys_after]
    changes = []
    if added:
        changes.append(Change(name, "added", None, added, _("%(field)s added: %(items)s", field=label,
                                                            items=_(", ").join(added))))
    if removed:
        changes.append(Change(name, "removed", removed, None, _("%(field)s gone: %(items)s", field=label,
                                                                items=_(", ").join(removed))))
    return changes


def _grade(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    before, after = old.get("grade"), new.get("grade")
    if before == after:
        return []
    text = _("grade %(before)s → %(after)s", before=before or word("unscored"), after=after or word("unscored"))
    if before and after:  # which indicators moved it
        points = _indicator_points(old), _indicator_points(new)
        moves = [f"{label} {delta:+g}" for label, now in points[1].items()
                 if (delta := now - points[0].get(label, 0))]
        if moves:
            text += f" ({_(', ').join(moves)})"
    return [Change("grade", "changed", before, after, text)]


def _indicator_points(snapshot: dict[str, Any]) -> dict[str, float]:
    """Points per indicator, by its label in the interface's language."""
    result = snapshot.get("result") or {}
    zh = current() == "zh"
    return {(i.get("label_zh") if zh else None) or i.get("label") or i["name"]: i.get("points") or 0
            for i in result.get("indicators", [])}


def _item(item: Any) -> str:
    return str(item.get("name", "")) if isinstance(item, dict) else str(item)


def _shown(value: Any) -> str:
    if isinstance(value, list):
        low, high = (value + [None, None])[:2]
        return f"{low}+" if high is None else f"{low}-{high}"
    if isinstance(value, bool):
        return word("yes" if value else "no")
    return word(value) if isinstance(value, str) else f"{value:,}" if isinstance(value, int) else str(value)
