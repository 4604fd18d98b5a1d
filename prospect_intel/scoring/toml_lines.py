"""Where each key of a TOML document is written: key path -> line number.

`tomllib` reports a line only for syntax errors. To point a semantic error (unknown field,
missing points, thresholds out of order) at its line, this module re-reads the text that
tomllib has already accepted and records the line of every table header, key, array element
and inline-table key. Paths use the shape of the parsed data: `("indicators", 2, "levels", 0,
"points")`. It assumes valid TOML (tomllib parsed it first) and never raises on odd input.

`broken_statement_line` is the one helper for invalid TOML: where the statement that tomllib
choked on begins, when the parser only noticed the damage lines later.
"""
from __future__ import annotations

import bisect
import re
import tomllib

Path = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR_END = re.compile(r"[,\]}\n#]")


def key_lines(text: str) -> dict[Path, int]:
    """Map every key path found in `text` to its 1-based line."""
    scanner = _Scanner(text)
    try:
        scanner.document()
    except (IndexError, ValueError):
        pass  # keep what was found so far; callers fall back to a parent path
    return scanner.lines


_STATEMENT = re.compile(
    r"""\s*(\[|(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'))*\s*=)"""
)
MAX_LOOK_BACK = 500  # lines; rubric files are a few hundred lines long


def broken_statement_line(text: str, reported: int) -> int:
    """The line where the broken value starts, for a syntax error tomllib reported at `reported`.

    An unclosed array or inline table (`version = [1`) is only noticed when the parser reaches the
    next statement, so tomllib names that later line. When the reported line begins a statement
    (a `key =` or a `[table]` line, or the error is at the end of the document), walk back to the
    nearest statement line before which the document still parses: that statement is the broken
    one. A reported line inside a value (a missing comma in a multi-line array) is already exact.
    """
    lines = text.splitlines()
    if reported <= len(lines) and not _STATEMENT.match(lines[reported - 1]):
        return reported
    for line in range(min(reported, len(lines)), max(reported - MAX_LOOK_BACK, 0), -1):
        if _STATEMENT.match(lines[line - 1]) and _parses("\n".join(lines[:line - 1])):
            return line
    return reported


def _parses(text: str) -> bool:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return False
    return True


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """Line of `path`, or of its nearest recorded parent (a missing key -> its table)."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.pos = 0
        self.lines: dict[Path, int] = {}
        self.arrays: dict[Path, int] = {}  # array-of-tables path -> element count
        self.prefix: Path = ()
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def line(self) -> int:
        return bisect.bisect_right(self.starts, self.pos)

    def document(self) -> None:
        while True:
            self.skip_blank(newlines=True)
            if self.pos >= len(self.text):
                return
            if self.text.startswith("[[", self.pos):
                self.header(array=True)
            elif self.text[self.pos] == "[":
                self.header(array=False)
            else:
                self.key_value(self.prefix)

    def header(self, array: bool) -> None:
        line = self.line()
        self.pos += 2 if array else 1
        parts = self.key()
        self.pos = self.text.index("]]" if array else "]", self.pos) + (2 if array else 1)
        path = self.resolve(parts[:-1]) + (parts[-1],)
        if array:
            index = self.arrays.get(path, 0)
            self.arrays[path] = index + 1
            self.lines.setdefault(path, line)
            path = path + (index,)
        self.lines.setdefault(path, line)
        self.prefix = path

    def resolve(self, parts: list[str]) -> Path:
        path: Path = ()
        for part in parts:
            path = path + (part,)
            if path in self.arrays:
                path = path + (self.arrays[path] - 1,)
        return path

    def key_value(self, prefix: Path) -> None:
        line = self.line()
        path = prefix + tuple(self.key())
        self.lines.setdefault(path, line)
        self.skip_blank()
        self.pos = self.text.index("=", self.pos) + 1
        self.value(path)

    def key(self) -> list[str]:
        parts = []
        while True:
            self.skip_blank()
            char = self.text[self.pos]
            if char in "\"'":
                start = self.pos
                self.skip_string()
                parts.append(self.text[start + 1:self.pos - 1])
            else:
                match = _BARE_KEY.match(self.text, self.pos)
                if not match:
                    raise ValueError("no key")
                parts.append(match.group())
                self.pos = match.end()
            self.skip_blank()
            if self.pos < len(self.text) and self.text[self.pos] == ".":
                self.pos += 1
                continue
            return parts

    def value(self, path: Path) -> None:
        self.skip_blank()
        char = self.text[self.pos]
        if char in "\"'":
            self.skip_string()
        elif char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        else:
            match = _SCALAR_END.search(self.text, self.pos)
            self.pos = match.start() if match else len(self.text)

    def array(self, path: Path) -> None:
        self.pos += 1
        index = 0
        while True:
            self.skip_blank(newlines=True)
            if self.text[self.pos] == "]":
                self.pos += 1
                return
            self.lines.setdefault(path + (index,), self.line())
            self.value(path + (index,))
            self.skip_blank(newlines=True)
            if self.text[self.pos] == ",":
                self.pos += 1
                index += 1

    def inline_table(self, path: Path) -> None:
        self.pos += 1
        while True:
            self.skip_blank()
            if self.text[self.pos] == "}":
                self.pos += 1
                return
            if self.text[self.pos] == ",":
                self.pos += 1
                continue
            self.key_value(path)

    def skip_string(self) -> None:
        quote = self.text[self.pos]
        if self.text.startswith(quote * 3, self.pos):
            end = self.text.index(quote * 3, self.pos + 3)
            while self.text.startswith(quote, end + 3):  # up to two quotes may end the content
                end += 1
            self.pos = end + 3
            return
        self.pos += 1
        while self.text[self.pos] != quote:
            self.pos += 2 if quote == '"' and self.text[self.pos] == "\\" else 1
        self.pos += 1

    def skip_blank(self, newlines: bool = False) -> None:
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char == "#":
                end = self.text.find("\n", self.pos)
                self.pos = len(self.text) if end < 0 else end
            elif char in " \t\r" or (newlines and char == "\n"):
                self.pos += 1
            else:
                return
