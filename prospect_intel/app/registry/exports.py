"""Read a business-registry export (企查查 or 天眼查 XLSX, Companies House CSV, any CSV) into rows of facts.

Exports come with title rows above the header, merged cells, GBK from Chinese Excel and a footer; the
header is found by its names in the first rows, the format by which names it uses. A file that cannot be
read is a RegistryFileError saying what to do about it, never a traceback and never a partial import.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import itertools
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prospect_intel.app.registry.headers import (
    EXPECTED_HEADERS,
    MIN_KNOWN,
    VOCABULARIES,
    Header,
    detect_format,
    find_header,
    map_header,
    missing_headers,
)
from prospect_intel.app.registry.rows import RegistryRow, printed, read_row
from prospect_intel.core.errors import ProspectError
from prospect_intel.core.language import _

__all__ = ["FORMATS", "MAX_EXPORT_BYTES", "MAX_ROWS", "RegistryExport", "RegistryFileError", "RegistryRow",
           "read_export"]

FORMATS = ("qichacha", "tianyancha", "companies-house", "csv")
MAX_EXPORT_BYTES = 200 * 1024 * 1024
MAX_ROWS = 200_000
HEADER_SCAN_ROWS = 20  # title rows an export may have above its header, and then some
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted OOXML and .xls alike
_ZIP_MAGIC = b"PK\x03\x04"
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CHUNK = 1 << 20
# Formats whose 03/04/2009 is 3 April: Companies House, and a hand-made CSV (Chinese exports write 2009-04-03,
# so only a British or European sheet has such dates; a date invalid day-first is still read month-first).
_DAY_FIRST = ("companies-house", "csv")
# What openpyxl raises for a damaged workbook (an XML parse error is a SyntaxError).
_DAMAGED = (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, TypeError, IndexError, EOFError,
            SyntaxError)

Table = Iterator[tuple[int, tuple[Any, ...]]]  # (row number as the sheet shows it, the row's values)


class RegistryFileError(ProspectError):
    """A registry export that cannot be read: missing, too big, encrypted, damaged, or not an export."""

    exit_code = 7


@dataclass(frozen=True)
class RegistryExport:
    path: Path
    format: str
    sheet: str | None  # worksheet name for XLSX
    header_row: int  # 1-based
    columns: dict[str, str]  # fact -> header as printed
    rows: tuple[RegistryRow, ...]
    sha256: str  # of the file's bytes (the store uses it so re-importing a file changes nothing)


def read_export(path: str | Path, format: str | None = None) -> RegistryExport:
    """The export at `path` read as `format` (one of FORMATS), or as the format its header shows."""
    path = Path(path)
    if format is not None and format not in FORMATS:
        raise RegistryFileError(_("unknown registry export format %(format)s: use one of %(formats)s",
                                  format=format, formats=", ".join(FORMATS)))
    _check_size(path)
    digest = _sha256(path)
    sheet, found, data = _locate_header(path)
    chosen = format or detect_format(found)
    header = map_header(found.row, found.printed, VOCABULARIES[chosen])
    _check_fits(path, chosen, header, given=format is not None)
    rows = _read_rows(path, data, header, day_first=chosen in _DAY_FIRST)
    return RegistryExport(path, chosen, sheet, header.row, header.column_names(), rows, digest)


def _locate_header(path: Path) -> tuple[str | None, Header, Table]:
    """The worksheet (None for a CSV) with a header in its first rows, that header, and the rows below it."""
    for sheet, table in _tables(path):
        head = list(itertools.islice(table, HEADER_SCAN_ROWS))
        found = find_header([(n, [printed(v) for v in values]) for n, values in head], VOCABULARIES["csv"])
        if found is not None:
            return sheet, found, itertools.chain((row for row in head if row[0] > found.row), table)
    raise RegistryFileError(_("%(path)s is not a registry export: none of its first %(rows)s rows is a header "
                              "naming at least %(known)s known columns, such as %(expected)s",
                              path=path, rows=HEADER_SCAN_ROWS, known=MIN_KNOWN, expected=EXPECTED_HEADERS))


def _check_size(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if size > MAX_EXPORT_BYTES:
        raise RegistryFileError(_("%(path)s is %(size)s; registry exports above %(limit)s are refused: split it",
                                  path=path, size=_human(size), limit=_human(MAX_EXPORT_BYTES)))


def _unreadable(path: Path, exc: OSError) -> RegistryFileError:
    return RegistryFileError(_("cannot read %(file)s: %(reason)s", file=path, reason=exc.strerror or exc))


def _human(size: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            amount = size / scale
            return f"{amount:.0f} {unit}" if amount.is_integer() and unit != "GB" else f"{amount:.1f} {unit}"
    return f"{size} bytes"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    return digest.hexdigest()


def _tables(path: Path) -> Iterator[tuple[str | None, Table]]:
    """(sheet name, rows) of each worksheet of a workbook, or (None, rows) of a CSV."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(_OLE_MAGIC))
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if magic == _OLE_MAGIC:
        raise RegistryFileError(_("%(path)s is an encrypted or old-style .xls workbook: save it as an unencrypted "
                                  ".xlsx or CSV", path=path))
    if magic.startswith(_ZIP_MAGIC):
        yield from _sheets(path)
    else:
        yield None, _csv_rows(path)


def _sheets(path: Path) -> Iterator[tuple[str, Table]]:
    from openpyxl import load_workbook  # only when a workbook is read: it is slow to import

    with path.open("rb") as handle:  # a file object: openpyxl judges a path by its extension
        try:
            book = load_workbook(handle, read_only=False, data_only=True)
        except _DAMAGED as exc:
            reason = f"{type(exc).__name__}: {exc}"
            raise RegistryFileError(_("%(path)s is a damaged XLSX workbook (%(reason)s): open it in Excel and save "
                                      "it again", path=path, reason=reason)) from None
    for sheet in book.worksheets:
        yield sheet.title, enumerate(sheet.iter_rows(values_only=True), start=1)


def _csv_rows(path: Path) -> Table:
    """The records of a CSV in UTF-8 or GB18030, split at the delimiter its first lines use."""
    encoding = _text_encoding(path)
    with path.open(encoding=encoding, newline="") as handle:
        sample = "".join(itertools.islice(handle, HEADER_SCAN_ROWS))
        handle.seek(0)
        reader = csv.reader(handle, delimiter=_delimiter(sample))
        number = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise RegistryFileError(_("%(path)s: line %(line)s is not readable CSV (%(reason)s)", path=path,
                                          line=reader.line_num, reason=exc)) from None
            number += 1
            yield number, tuple(row)


def _delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def _text_encoding(path: Path) -> str:
    """utf-8-sig when the whole file is UTF-8 (BOM or not), else gb18030 when it is GBK/GB18030; anything
    else (UTF-16 from Excel's "Unicode text", binary) is refused rather than read as mojibake."""
    decoders = {"utf-8-sig": codecs.getincrementaldecoder("utf-8-sig")(),
                "gb18030": codecs.getincrementaldecoder("gb18030")()}
    with path.open("rb") as handle:
        first = True
        while chunk := handle.read(_CHUNK):
            if (first and chunk.startswith(_WIDE_BOMS)) or b"\x00" in chunk:
                raise RegistryFileError(_("%(path)s is UTF-16 text or a binary file, not a CSV in UTF-8 or GBK: save "
                                          "it from Excel as CSV UTF-8 or as .xlsx", path=path))
            first = False
            _feed(decoders, chunk, final=False)
            if not decoders:
                break
    _feed(decoders, b"", final=True)
    if not decoders:
        raise RegistryFileError(_("%(path)s is neither UTF-8 nor GBK/GB18030 text: save it from Excel as CSV UTF-8 "
                                  "or as .xlsx", path=path))
    return next(iter(decoders))


def _feed(decoders: dict[str, codecs.IncrementalDecoder], chunk: bytes, *, final: bool) -> None:
    """Drops the encodings `chunk` is not valid in."""
    for encoding, decoder in list(decoders.items()):
        try:
            decoder.decode(chunk, final=final)
        except UnicodeDecodeError:
            del decoders[encoding]


def _check_fits(path: Path, format_: str, header: Header, *, given: bool) -> None:
    missing = missing_headers(format_, header)
    if missing and given:
        raise RegistryFileError(_("%(path)s is not a %(format)s export: its header (row %(row)s) lacks %(missing)s",
                                  path=path, format=format_, row=header.row, missing=", ".join(missing)))
    if missing:
        raise RegistryFileError(_("%(path)s has no company-name column in its header (row %(row)s): name it "
                                  "企业名称, 公司名称, CompanyName or name", path=path, row=header.row))


def _read_rows(path: Path, data: Table, header: Header, *, day_first: bool) -> tuple[RegistryRow, ...]:
    rows: list[RegistryRow] = []
    limit = f"{MAX_ROWS:,}"
    for number, values in data:
        row = read_row(number, values, header, day_first=day_first)
        if row is None:
            continue
        if len(rows) >= MAX_ROWS:
            raise RegistryFileError(_("%(path)s holds more than %(limit)s company rows; registry exports above that "
                                      "are refused: split it", path=path, limit=limit))
        rows.append(row)
    return tuple(rows)
