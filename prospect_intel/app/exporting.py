"""Write the export files (JSON, CSV for CRMs, XLSX); the CLI and the web app share them."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from prospect_intel.app.report import export_columns, export_row

FORMATS = ("json", "csv", "xlsx")
MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_bytes(shapes: Iterable[dict[str, Any]], fmt: str) -> bytes:
    if fmt == "json":
        return (json.dumps(list(shapes), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if fmt == "csv":
        return _csv(shapes).encode("utf-8-sig")  # the BOM makes Excel read Chinese text as UTF-8
    if fmt == "xlsx":
        return _xlsx(shapes)
    raise ValueError(f"unknown export format {fmt!r}")


def _csv(shapes: Iterable[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=export_columns(), lineterminator="\r\n")
    writer.writeheader()
    for shape in shapes:
        writer.writerow({k: _cell(v) for k, v in export_row(shape).items()})
    return buffer.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in scraped text (OWASP CSV injection rule): a text cell that
    starts with = + - @ tab or carriage return gets a leading apostrophe, so `=HYPERLINK(...)`,
    `@SUM(...)` or `-2+3` stay text. International phone numbers (+44 ...) are prefixed too: the
    rule has no exceptions, because a value that merely looks like a number can still compute."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _xlsx(shapes: Iterable[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("prospects")
    columns = export_columns()
    sheet.append(columns)
    for shape in shapes:
        row = export_row(shape)
        sheet.append([_xlsx_text(_cell(row[c])) for c in columns])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xlsx_text(value: Any) -> Any:
    """Control characters a worksheet cannot hold (openpyxl refuses them) are dropped."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value
