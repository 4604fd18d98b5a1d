"""Read prospect URLs from a file: one URL a line, or a table (CSV, TSV, XLSX) with a URL column.

Files from Chinese Windows Excel are often GBK; both UTF-8 (with or without BOM) and GB18030
are read, the encoding chosen from the whole file, and a line not valid in it is read with a
warning. Lines are streamed, so a huge file costs no more memory than a small one.
"""
from __future__ import annotations

import contextlib
import csv
import itertools
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from prospect_intel.app.i18n import _
from prospect_intel.core.errors import InvalidUrl, ProspectError
from prospect_intel.core.urls import normalise_url, public_site_problem

MAX_LINE_CHARS = 4096
_MAX_LINE_BYTES = 4 * MAX_LINE_CHARS  # a UTF-8 character is at most four bytes
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class InputLine:
    line: int
    raw: str
    url: str | None  # normalised, None when invalid
    name: str | None
    error: str | None
    warning: str | None = None  # read, but not all of it was valid in the file's encoding


class _DecodedLines:
    """The file's lines as text in one encoding, chosen from the whole file: UTF-8 unless more
    lines are invalid UTF-8 than hold valid UTF-8 beyond ASCII (a GBK file), then GB18030. A line
    not valid in the chosen encoding is read with its bad bytes as U+FFFD and noted in `bad`, so
    one stray byte neither turns a UTF-8 file into mojibake nor passes unnoticed."""

    def __init__(self, path: Path):
        self.path = path
        self.bad: set[int] = set()
        self.encoding = self._choose()

    def _choose(self) -> str:
        valid = invalid = 0
        for raw in self._raw_lines():
            if raw.isascii():
                continue
            if _decodes(raw, "utf-8"):
                valid += 1
            else:
                invalid += 1
        return "utf-8" if valid >= invalid else "gb18030"

    def _raw_lines(self) -> Iterator[bytes]:
        """The file's lines as bytes, each cut at _MAX_LINE_BYTES (the rest read and dropped, so a
        file that is one gigabyte-long line costs no more memory than a short one)."""
        try:
            handle = self.path.open("rb")
        except OSError as exc:
            raise ProspectError(_("cannot read %(file)s: %(reason)s", file=self.path,
                                  reason=exc.strerror or exc)) from None
        with handle:
            if b"\x00" in handle.read(65536):
                raise ProspectError(_("%(file)s is not a text file (binary content)", file=self.path))
            handle.seek(0)
            if handle.read(3) != _BOM:
                handle.seek(0)
            while raw := handle.readline(_MAX_LINE_BYTES + 1):
                if len(raw) > _MAX_LINE_BYTES and not raw.endswith(b"\n"):
                    while (more := handle.readline(1 << 16)) and not more.endswith(b"\n"):
                        pass
                    raw = _whole_characters(raw)
                yield raw

    def __iter__(self) -> Iterator[str]:
        for number, raw in enumerate(self._raw_lines(), start=1):
            if not _decodes(raw, self.encoding):
                self.bad.add(number)
            yield raw.decode(self.encoding, errors="replace")

    def warning(self, first: int, last: int) -> str | None:
        """What to say about lines `first`..`last` of the file, when one was not valid."""
        if not any(n in self.bad for n in range(first, last + 1)):
            return None
        return _("not valid %(encoding)s (the file was read as %(read_as)s); the bytes that were not are shown "
                 "as \ufffd", encoding="UTF-8" if self.encoding == "utf-8" else "GB18030",
                 read_as=self.encoding.upper())


def _decodes(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _whole_characters(raw: bytes) -> bytes:
    """A cut line without the partial character its cut may have left at the end."""
    for cut in range(0, 4):
        if _decodes(raw[:len(raw) - cut], "utf-8"):
            return raw[:len(raw) - cut]
    return raw


# Header words of the column that holds the sites, and of the one that names the companies.
URL_HEADERS = ("url", "urls", "website", "web site", "websites", "web", "domain", "homepage", "home page", "site",
               "company website", "company domain name", "网址", "官网", "网站", "公司网址", "网站地址", "主页",
               "官方网站", "企业网址", "公司官网", "域名")
NAME_HEADERS = ("name", "company", "company name", "account name", "organisation", "organization", "公司名称",
                "企业名称", "客户名称", "名称", "公司", "单位名称", "公司名")
_HEADER_ROWS = 10  # title rows a spreadsheet may have above its header
_SAMPLE_ROWS = 20  # rows looked at to find the URL column of a file without a header
_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0"


def read_url_file(path: str | Path) -> Iterator[InputLine]:
    """The prospects of a file: one URL a line, or a table (CSV, TSV, XLSX) whose URL column is
    found by its header (url, website, 网址, 官网 ...; title rows above it are skipped) or, with no
    header, by its content; the name column likewise. A table with no URL column is a
    ProspectError naming the columns it has."""
    path = Path(path)
    if _starts_with(path, _XLS_MAGIC):
        raise ProspectError(_("%(file)s is an Excel 97-2003 (.xls) file: save it as .xlsx or .csv", file=path))
    if _starts_with(path, _XLSX_MAGIC):
        yield from _from_rows(_xlsx_rows(path), path)
        return
    decoded = _DecodedLines(path)
    for entry in _from_rows(_text_rows(decoded), path):
        warning = decoded.warning(entry.line, entry.line)
        yield replace(entry, warning=warning) if warning else entry


def _starts_with(path: Path, magic: bytes) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(magic)) == magic
    except OSError as exc:
        raise ProspectError(_("cannot read %(file)s: %(reason)s", file=path, reason=exc.strerror or exc)) from None


Row = tuple[int, list[str], str]  # (line or row number, cells, what is wrong with the row or "")


def _text_rows(decoded: _DecodedLines) -> Iterator[Row]:
    """Rows of a text file: CSV cells split at the delimiter its first line uses (comma,
    semicolon or tab), else one cell a line (`#` lines are comments)."""
    lines = iter(decoded)
    first = next(lines, None)
    if first is None:
        return
    delimiter = max(",;\t", key=first.count)
    if not first.count(delimiter):
        if first.strip() and not first.lstrip().startswith("#"):
            yield 1, [first.strip()], ""
        for number, text in enumerate(lines, start=2):
            if text.strip() and not text.lstrip().startswith("#"):
                yield number, [text.strip()], ""
        return
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield reader.line_num, [], f"malformed CSV row ({exc})"
            continue
        if any(cell.strip() for cell in row):
            yield reader.line_num, row, ""


def _xlsx_rows(path: Path) -> Iterator[Row]:
    """Rows of the first sheet of an XLSX workbook, as text (numbers as printed)."""
    from openpyxl import load_workbook

    handle = path.open("rb")  # a file object: openpyxl judges a path by its extension (an upload has none)
    try:
        book = load_workbook(handle, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        handle.close()
        raise ProspectError(_("%(file)s is not a readable XLSX workbook (%(reason)s)", file=path,
                              reason=f"{type(exc).__name__}: {exc}")) from None
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = ["" if v is None else str(v).strip() for v in values]
            if any(cells):
                yield number, cells, ""
    finally:
        book.close()
        handle.close()


def _from_rows(rows: Iterator[Row], path: Path) -> Iterator[InputLine]:
    head = list(itertools.islice(rows, _SAMPLE_ROWS))
    if not head:
        return
    url_at, name_at, start = _columns(head, path)
    for number, cells, problem in itertools.chain(head[start:], rows):
        if problem:
            yield InputLine(number, "", None, None, problem)
            continue
        raw = cells[url_at] if url_at < len(cells) else ""
        name = cells[name_at].strip() if name_at is not None and name_at < len(cells) else None
        yield parse_line(number, raw, name or None)


def _columns(head: list[Row], path: Path) -> tuple[int, int | None, int]:
    """(URL column, name column or None, index of the first data row in `head`)."""
    for index, (_line, cells, _problem) in enumerate(head[:_HEADER_ROWS]):
        labels = [_label(cell) for cell in cells]
        url_at = next((i for i, label in enumerate(labels) if label in URL_HEADERS), None)
        if url_at is not None:
            name_at = next((i for i, label in enumerate(labels) if label in NAME_HEADERS), None)
            return url_at, name_at, index + 1
    width = max(len(cells) for _line, cells, _problem in head)
    if width <= 1:
        return 0, None, 0  # one URL a line
    scores = [sum(_looks_like_site(cells[i]) for _line, cells, _problem in head if i < len(cells))
              for i in range(width)]
    best = max(range(width), key=lambda i: scores[i])
    if scores[best] * 2 < len(head):
        seen = ", ".join(repr(cell) for cell in head[0][1] if cell) or "(empty)"
        raise ProspectError(_("%(file)s: no column holds URLs (its first row: %(seen)s); name the column url, "
                              "website or 网址", file=path, seen=seen))
    return best, None, 0


def _label(cell: str) -> str:
    return re.sub(r"\s+", " ", cell.strip().strip('"').strip().lower().rstrip(":："))


def _looks_like_site(cell: str) -> bool:
    text = cell.strip()
    if not text or " " in text or "." not in text.strip("."):
        return False
    try:
        normalise_url(text)
    except InvalidUrl:
        return False
    return True


def refuse_private(entry: InputLine, hint: str = "") -> InputLine:
    """The entry refused (`error`, no `url`) when its address cannot be a company's public site
    (`core.urls.public_site_problem`: an IP address, a name with no public suffix); `hint` is
    added to the reason."""
    problem = public_site_problem(entry.url) if entry.url else None
    return replace(entry, url=None, error=problem + hint) if problem else entry


@contextlib.contextmanager
def spooled(stream: IO[bytes]) -> Iterator[Path]:
    """`stream` copied to a scratch file for `read_url_file` (which chooses the format and the
    encoding from the whole file), removed afterwards."""
    handle, name = tempfile.mkstemp(prefix="prospect-queue-", suffix=".input")
    try:
        with os.fdopen(handle, "wb") as out:
            shutil.copyfileobj(stream, out)
        yield Path(name)
    finally:
        os.unlink(name)


def parse_line(line: int, raw: str, name: str | None) -> InputLine:
    raw = raw.strip()
    if len(raw) > MAX_LINE_CHARS:
        return InputLine(line, raw[:80] + "…", None, name, "line too long to be a URL")
    try:
        return InputLine(line, raw, normalise_url(raw), name, None)
    except InvalidUrl as exc:
        return InputLine(line, raw, None, name, str(exc))
