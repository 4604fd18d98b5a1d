"""Read prospect URLs from a file: one URL a line, or a CSV with a `url` column (and `name`).

Files from Chinese Windows Excel are often GBK; both UTF-8 (with or without BOM) and GB18030
are read. Lines are streamed, so a huge file costs no more memory than a small one.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from prospect_intel.core.errors import InvalidUrl, ProspectError
from prospect_intel.core.urls import normalise_url

MAX_LINE_CHARS = 4096


@dataclass(frozen=True)
class InputLine:
    line: int
    raw: str
    url: str | None  # normalised, None when invalid
    name: str | None
    error: str | None


def _open_text(path: Path) -> io.TextIOBase:
    try:
        head = path.open("rb").read(65536)
    except OSError as exc:
        raise ProspectError(f"cannot read {path}: {exc.strerror or exc}") from None
    if b"\x00" in head:
        raise ProspectError(f"{path} is not a text file (binary content)")
    encoding = "utf-8-sig"
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the sample's end
            encoding = "gb18030"
    return path.open("r", encoding=encoding, errors="replace", newline="")


def _bounded(handle, limit: int = MAX_LINE_CHARS):
    """Lines of at most `limit` characters; the rest of a longer line is read and dropped, so a
    file that is one gigabyte-long line costs no more memory than a short one."""
    while True:
        text = handle.readline(limit + 1)
        if not text:
            return
        if len(text) > limit and not text.endswith("\n"):
            while (more := handle.readline(1 << 16)) and not more.endswith("\n"):
                pass
            text = text[: limit + 1]  # still over the limit: reported as too long
        yield text


def read_url_file(path: str | Path) -> Iterator[InputLine]:
    path = Path(path)
    with _open_text(path) as opened:
        handle = _bounded(opened)
        first = next(handle, "")
        layout = _csv_layout(first)
        if layout is not None:
            yield from _read_csv(handle, *layout)
        else:
            yield from _read_lines(handle, first)


def _csv_layout(first_line: str) -> tuple[str, list[str]] | None:
    """(delimiter, column names) when the first line is a CSV header with a `url` column."""
    for delimiter in (",", ";", "\t"):
        fields = [f.strip().strip('"').lower() for f in first_line.strip().split(delimiter)]
        if "url" in fields:
            return delimiter, fields
    return None


def _read_csv(handle, delimiter: str, header: list[str]) -> Iterator[InputLine]:
    reader = csv.reader(handle, delimiter=delimiter)
    url_at = header.index("url")
    name_at = header.index("name") if "name" in header else None
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputLine(reader.line_num + 1, "", None, None, f"malformed CSV row ({exc})")
            continue
        if not any(cell.strip() for cell in row):
            continue
        raw = row[url_at] if url_at < len(row) else ""
        name = row[name_at].strip() if name_at is not None and name_at < len(row) else None
        yield parse_line(reader.line_num + 1, raw, name or None)


def _read_lines(handle, first: str) -> Iterator[InputLine]:
    if first.strip() and not first.lstrip().startswith("#"):
        yield parse_line(1, first, None)
    for number, text in enumerate(handle, start=2):
        if text.strip() and not text.lstrip().startswith("#"):
            yield parse_line(number, text, None)


def parse_line(line: int, raw: str, name: str | None) -> InputLine:
    raw = raw.strip()
    if len(raw) > MAX_LINE_CHARS:
        return InputLine(line, raw[:80] + "…", None, name, "line too long to be a URL")
    try:
        return InputLine(line, raw, normalise_url(raw), name, None)
    except InvalidUrl as exc:
        return InputLine(line, raw, None, name, str(exc))
