"""One row of a registry export read into facts: each cell as printed, where it came from, and its value.

The printed cell and its header travel with the value, so whoever shows a registry fact can say which
column of which file said it. A cell that cannot be read is a note on the row, not a guessed value.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from prospect_intel.app.registry.headers import Header
from prospect_intel.app.registry.values import city_of, is_blank, parse_capital, parse_date, parse_staff, parse_status


@dataclass(frozen=True)
class RegistryRow:
    row: int  # the row number a spreadsheet shows (1-based, title rows counted)
    name: str  # company name as printed ("" if the cell is empty)
    cells: dict[str, str]  # fact -> the cell as printed (text), for facts present in this export
    columns: dict[str, str]  # fact -> the column header as printed (provenance)
    values: dict[str, object]  # fact -> parsed value; facts whose cell is empty/"-" are absent
    notes: tuple[str, ...]  # e.g. "注册资本 100万美元: stated in USD, not converted"


@dataclass(frozen=True)
class _Cell:
    raw: object  # the value as the file holds it (an Excel date stays a datetime)
    text: str  # as printed
    column: str  # header as printed
    hint: str | None  # unit its header states (万元)


def printed(value: object) -> str:
    """A cell as a spreadsheet shows it: 12.0 → "12", a date at midnight without its time."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_row(number: int, values: Sequence[object], header: Header, *, day_first: bool) -> RegistryRow | None:
    """Row `number` read with `header`; None for a row that is no company: empty, a one-cell footer
    (数据来源：企查查), or one with neither name nor registry code. `day_first` reads 12/03/2009 as 12 March."""
    texts = [printed(value) for value in values]
    if _not_a_company(texts, header):
        return None
    name_columns = header.single.get("name", ())
    name = next((texts[i] for i in name_columns if i < len(texts) and not is_blank(texts[i])), "")
    cells = _cells(values, texts, header)
    if not name and is_blank(cells["registry_id"].text if "registry_id" in cells else ""):
        return None
    parsed: dict[str, object] = {}
    notes = []
    for fact, cell in cells.items():
        if is_blank(cell.text):
            continue
        found, note = _READERS[fact](cell, day_first)
        parsed.update(found)
        if note:
            notes.append(note)
    printed_cells = {fact: cell.text for fact, cell in cells.items()}
    columns = {fact: cell.column for fact, cell in cells.items()}
    if "city" not in parsed:
        _city_from_name_or_address(name, header, printed_cells, columns, parsed)
    return RegistryRow(number, name, printed_cells, columns, parsed, tuple(notes))


def _not_a_company(texts: list[str], header: Header) -> bool:
    filled = sum(bool(text) for text in texts)
    return filled == 0 or (filled == 1 and len(header.printed) >= 3)


def _cells(values: Sequence[object], texts: list[str], header: Header) -> dict[str, _Cell]:
    """fact -> its cell: of a fact several columns name, the first filled one; a joined fact's filled parts."""
    cells = {}
    for fact, columns in header.single.items():
        if fact == "name":
            continue
        at = next((i for i in columns if i < len(texts) and not is_blank(texts[i])), columns[0])
        raw, text = (values[at], texts[at]) if at < len(texts) else (None, "")
        cells[fact] = _Cell(raw, text, header.printed[at], header.unit_hints.get(at))
    for fact, (separator, columns) in header.joined.items():
        text = separator.join(texts[i] for i in columns if i < len(texts) and not is_blank(texts[i]))
        cells.setdefault(fact, _Cell(text, text, ", ".join(header.printed[i] for i in columns), None))
    return cells


def _city_from_name_or_address(name: str, header: Header, cells: dict[str, str], columns: dict[str, str],
                               parsed: dict[str, object]) -> None:
    """With no city column, the city a Chinese name or address starts with (深圳市… → 深圳)."""
    sources = [(name, header.printed[header.single["name"][0]] if "name" in header.single else "")]
    if "registered_address" in cells:
        sources.append((cells["registered_address"], columns["registered_address"]))
    for text, column in sources:
        if city := city_of(text):
            parsed["city"], cells["city"], columns["city"] = city, text, column
            return


Reader = Callable[[_Cell, bool], tuple[dict[str, object], str | None]]


def _as_text(fact: str) -> Reader:
    return lambda cell, _day_first: ({fact: cell.text}, None)


def _registry_id(cell: _Cell, _day_first: bool) -> tuple[dict[str, object], str | None]:
    return {"registry_id": re.sub(r"\s+", "", cell.text).upper()}, None


def _registered_capital(cell: _Cell, _day_first: bool) -> tuple[dict[str, object], str | None]:
    capital = parse_capital(cell.text, cell.hint)
    if capital is None:
        return {}, f"{cell.column} {cell.text}: not read as a capital"
    if capital.cny is None:
        return {"registered_capital": capital}, _not_converted(cell, capital.currency)
    return {"registered_capital": capital, "registered_capital_cny": capital.cny}, None


def _paid_in_capital(cell: _Cell, _day_first: bool) -> tuple[dict[str, object], str | None]:
    capital = parse_capital(cell.text, cell.hint)
    if capital is None:
        return {}, f"{cell.column} {cell.text}: not read as a capital"
    if capital.cny is None:
        return {}, _not_converted(cell, capital.currency)
    return {"paid_in_capital_cny": capital.cny}, None


def _not_converted(cell: _Cell, currency: str) -> str:
    return f"{cell.column} {cell.text}: stated in {currency}, not converted"


def _date_of(fact: str) -> Reader:
    def read(cell: _Cell, day_first: bool) -> tuple[dict[str, object], str | None]:
        found = parse_date(cell.raw if isinstance(cell.raw, date) else cell.text, day_first=day_first)
        return ({fact: found}, None) if found else ({}, f"{cell.column} {cell.text}: not read as a date")
    return read


def _status(cell: _Cell, _day_first: bool) -> tuple[dict[str, object], str | None]:
    return {"registry_status": parse_status(cell.text), "registry_status_text": cell.text}, None


def _insured_staff(cell: _Cell, _day_first: bool) -> tuple[dict[str, object], str | None]:
    staff = parse_staff(cell.text)
    return ({"insured_staff": staff}, None) if staff is not None else ({}, f"{cell.column} {cell.text}: not a count")


def _city(cell: _Cell, _day_first: bool) -> tuple[dict[str, object], str | None]:
    return {"city": city_of(cell.text) or cell.text.removesuffix("市")}, None


_READERS: dict[str, Reader] = {
    "registry_id": _registry_id, "registered_capital": _registered_capital, "paid_in_capital": _paid_in_capital,
    "founded": _date_of("founded"), "dissolved": _date_of("dissolved"), "registry_status": _status,
    "insured_staff": _insured_staff, "city": _city,
    **{fact: _as_text(fact) for fact in ("website", "staff_band", "business_scope", "industry",
                                          "registered_address", "legal_representative")},
}
