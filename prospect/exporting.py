"""Write the export files (JSON, CSV for CRMs, XLSX); the CLI and the web app share them."""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from typing import Any

from prospect.report import export_columns, export_row

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


_PHONE_LIKE = re.compile(r"^[+\-]?[\d\s()\-;,/+]*$")


def _cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in scraped text (`=HYPERLINK(...)` and friends).

    A leading + or - followed only by digits and separators is a phone number, left as it is.
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") and not _PHONE_LIKE.match(value):
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
        sheet.append([_cell(row[c]) for c in columns])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
