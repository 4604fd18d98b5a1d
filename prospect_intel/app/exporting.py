"""Write the export files (JSON, CSV for CRMs, XLSX); the CLI and the web app share them."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from prospect_intel.app.crm import profile_columns, profile_row
from prospect_intel.app.report import column_header, export_columns, export_row

FORMATS = ("json", "csv", "xlsx")
MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_bytes(shapes: Iterable[dict[str, Any]], fmt: str, profile: str | None = None,
                 headers: str = "en", personal: bool = False) -> bytes:
    """The export file; `profile` names a CRM import profile (`crm.py`) for CSV and XLSX, and
    `headers` the language of the standard columns' headers (en, zh). A person's data (the
    legal representative) is in it only with `personal` (and only if the shapes carry it)."""
    if fmt == "json":
        return (json.dumps(list(shapes), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if profile:
        columns = profile_columns(profile)
        rows: Iterable[dict[str, Any]] = (profile_row(profile, shape) for shape in shapes)
    else:
        named: dict[str, str] = {}
        for column in export_columns(personal):
            header = column_header(column, headers)
            named[column] = header if header not in named.values() else f"{header} ({column})"  # 公司名称 twice
        columns = list(named.values())
        rows = ({named[k]: v for k, v in export_row(shape, personal).items()} for shape in shapes)
    if fmt == "csv":
        return _csv(columns, rows).encode("utf-8-sig")  # the BOM makes Excel read Chinese text as UTF-8
    if fmt == "xlsx":
        return _xlsx(columns, rows)
    raise ValueError(f"unknown export format {fmt!r}")


def _csv(columns: list[str], rows: Iterable[dict[str, Any]]) -> str:
    """CSV keeps OWASP's rule: a text cell that could start a formula gets a leading apostrophe
    (`_cell`), since a CSV cell has no type to say it is text."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(_csv_text(v)) for k, v in row.items()})
    return buffer.getvalue()


def _csv_text(value: Any) -> Any:
    """A time as `2026-11-23 02:10` (UTC), which spreadsheets read as a date."""
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, dt.datetime) else value


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# C0 control characters: no cell needs them and a worksheet cannot hold them (tab, line feed and
# carriage return are kept).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in scraped text (OWASP CSV injection rule): a text cell that
    starts with = + - @ tab or carriage return gets a leading apostrophe, so `=HYPERLINK(...)`,
    `@SUM(...)` or `-2+3` stay text. International phone numbers (+44 ...) are prefixed too: the
    rule has no exceptions, because a value that merely looks like a number can still compute.
    Control characters go first, so none can hide a formula start (\x01=HYPERLINK), and neither
    can leading spaces or a full-width look-alike (＝, ＋: the same sign once NFKC-normalised)."""
    if not isinstance(value, str):
        return value
    text = _CONTROLS.sub("", value)
    head = unicodedata.normalize("NFKC", text.lstrip()[:1])
    return "'" + text if text.startswith(FORMULA_STARTS) or head in FORMULA_STARTS else text


# A sheet a sales manager uses at once: the header frozen and filterable, columns wide enough,
# numbers as numbers, the grade coloured.
_WIDTHS = {"Company Name": 32, "Website": 32, "Address": 40, "Notes": 60, "Needs Review": 30, "Error": 30,
           "Company name": 32, "Name": 32, "Website URL": 32, "Street Address": 40, "BillingStreet": 40,
           "Description": 60, "公司名称": 32, "网址": 32, "地址": 40, "备注": 60}
_GRADE_FILLS = {"A": "C8E6C9", "B": "FFF59D", "C": "FFCDD2", "unscored": "CFD8DC"}
_NUMBER_FORMATS = {"registered_capital_cny": "#,##0", "Score Total": "0.##"}
DATE_FORMAT = "yyyy-mm-dd hh:mm"  # times are UTC, as stored


def _xlsx(columns: list[str], rows: Iterable[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("prospects")
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}1"
    for index, name in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(name, max(12, len(name) + 2))
    sheet.append([_header_cell(sheet, name) for name in columns])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, _text(row[c]), c) for c in columns])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _text(value: Any) -> Any:
    """XLSX cell values: control characters dropped (a worksheet cannot hold them); text is
    string-typed by `_xlsx_cell`, so it needs no apostrophe to stay text."""
    return _CONTROLS.sub("", value) if isinstance(value, str) else value


def _header_cell(sheet: Any, name: str) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(sheet, value=name)
    cell.data_type = "s"
    cell.font = Font(bold=True)
    return cell


def _xlsx_cell(sheet: Any, value: Any, column: str = "") -> Any:
    """Text as a string-typed cell (never read as a formula, whatever it starts with); numbers as
    numbers; the grade filled with its colour."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import PatternFill

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    if column in _NUMBER_FORMATS and isinstance(value, (int, float)):
        cell.number_format = _NUMBER_FORMATS[column]
    if isinstance(value, dt.datetime):
        cell.number_format = DATE_FORMAT
    if column in ("Grade", "评级") and value in _GRADE_FILLS:  # the standard, profile and zh headers
        cell.fill = PatternFill("solid", fgColor=_GRADE_FILLS[value])
    return cell
