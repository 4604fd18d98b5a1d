"""Confidence levels re-fitted from what reps judged (`prospect calibrate`), read from a data file.

The extractors give each value a level by their own rules. A calibration table, fitted on the
reviews, says per field and method how right that method has been: `high` where reps confirmed
at least 97 % of its values, `medium` at least 85 %, `low` below; a method the table does not
name keeps the extractors' own level. The table is `$PROSPECT_CALIBRATION` when set, else the
bundled `calibration.json`, fitted the same way on the labelled corpus's tuning split
(`tools/fit_bundled_calibration.py`, never its locked split); it is read again when the file
changes.
"""
from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path
from typing import Any

from prospect_intel.core.errors import SettingError
from prospect_intel.core.models import Evidence

BUNDLED = Path(__file__).resolve().parent / "calibration.json"
ENV = "PROSPECT_CALIBRATION"
LEVELS = ("high", "medium", "low")
DOUBTS = ("conflict", "implausible")  # flags that keep a value below `high`
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CUT = re.compile(r"[:;|'\"]|\s\(")
_cache: dict[str, tuple[float, dict[str, dict[str, str]]]] = {}


def method_key(method: str) -> str:
    """The family of an evidence's method, without the figures and quotes it carries ("en-age:
    25 years before 2026" -> "en-age"; "8 client(s); first from <h2> items" -> "# client(s)")."""
    return _CUT.split(_NUMBER.sub("#", method or ""), maxsplit=1)[0].strip()[:60]


def path() -> Path:
    named = os.environ.get(ENV)
    return Path(named).expanduser() if named else BUNDLED


def current() -> dict[str, dict[str, str]]:
    """field -> method key -> level, from the calibration file in use ({} when none)."""
    where = path()
    try:
        stamp = where.stat().st_mtime
    except FileNotFoundError:
        if where == BUNDLED:
            return {}
        raise SettingError(f"${ENV} names {where}, which does not exist") from None
    cached = _cache.get(str(where))
    if cached is None or cached[0] != stamp:
        cached = (stamp, read(where))
        _cache[str(where)] = cached
    return cached[1]


def read(where: Path) -> dict[str, dict[str, str]]:
    try:
        data: Any = json.loads(where.read_text(encoding="utf-8"))
        levels = data["levels"]
        if not all(level in LEVELS for methods in levels.values() for level in methods.values()):
            raise ValueError("a level that is not high, medium or low")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SettingError(f"cannot read the calibration file {where}: {exc}") from None
    return levels


def apply(fields: dict[str, Evidence], table: dict[str, dict[str, str]]) -> dict[str, Evidence]:
    """The fields with the levels the table gives their methods (a value flagged with one of
    DOUBTS is never `high`)."""
    if not table:
        return fields
    out = {}
    for name, item in fields.items():
        level = table.get(name, {}).get(method_key(item.method))
        if level == "high" and set(DOUBTS) & set(item.flags):
            level = "medium"
        out[name] = dataclasses.replace(item, confidence=level) if level and level != item.confidence else item
    return out
