"""Read prospect URLs from a file: one URL a line, or a CSV with a `url` column (and `name`).

Files from Chinese Windows Excel are often GBK; both UTF-8 (with or without BOM) and GB18030
are read, the encoding chosen from the whole file, and a line not valid in it is read with a
warning. Lines are streamed, so a huge file costs no more memory than a small one.
"""
from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from prospect_intel.core.errors import InvalidUrl, ProspectError
from prospect_intel.core.urls import normalise_url

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
            raise ProspectError(f"cannot read {self.path}: {exc.strerror or exc}") from None
        with handle:
            if b"\x00" in handle.read(65536):
                raise ProspectError(f"{self.path} is not a text file (binary content)")
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
        return (f"not valid {'UTF-8' if self.encoding == 'utf-8' else 'GB18030'} (the file was read as "
                f"{self.encoding.upper()}); the bytes that were not are shown as \ufffd")


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


def read_url_file(path: str | Path) -> Iterator[InputLine]:
    decoded = _DecodedLines(Path(path))
    lines = iter(decoded)
    first = next(lines, "")
    layout = _csv_layout(first)
    found = _read_csv(lines, *layout) if layout is not None else _read_lines(lines, first)
    for entry in found:
        warning = decoded.warning(entry.line, entry.line)
        yield replace(entry, warning=warning) if warning else entry


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
