"""Load and validate a rubric file (TOML) into a `Rubric`; every error names file, line and key.

The format is documented in scoring/README.md. Syntax errors come from tomllib with their line;
everything else (unknown keys or fields, bad operators, missing points, thresholds out of
order, ...) is checked by `prospect_intel.scoring.rubric_build` and located with `prospect_intel.scoring.toml_lines`.
"""
from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

from .errors import RubricError
from .rubric_build import Builder
from .rubric_model import Rubric
from .toml_lines import broken_statement_line

RUBRICS_DIR = Path(__file__).parent / "rubrics"
DEFAULT_RUBRIC = "access-control-channel"
# A rubric is a page or two of TOML (the bundled ones are 9 KB): a bound on its size and nesting
# keeps a wrong or hostile file from taking minutes and gigabytes before it is refused.
MAX_RUBRIC_BYTES = 256 * 1024
MAX_NESTING = 32  # tables and arrays inside each other

__all__ = ["DEFAULT_RUBRIC", "Rubric", "RubricError", "bundled_rubric", "bundled_rubrics",
           "load_rubric", "parse_rubric"]


def bundled_rubrics() -> dict[str, Path]:
    """Rubric files shipped with the package, by file stem."""
    return {path.stem: path for path in sorted(RUBRICS_DIR.glob("*.toml"))}


def bundled_rubric(name: str = DEFAULT_RUBRIC) -> Rubric:
    """A rubric shipped with the package, by name (file stem)."""
    files = bundled_rubrics()
    if name not in files:
        raise RubricError(f"no bundled rubric {name!r} (have: {', '.join(files)})")
    return load_rubric(files[name])


def load_rubric(path: str | os.PathLike[str]) -> Rubric:
    """Read and validate a rubric file."""
    source = str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_RUBRIC_BYTES:
            raise RubricError(f"rubric file too large ({size:,} bytes; at most {MAX_RUBRIC_BYTES:,})", source=source)
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RubricError("no such rubric file", source=source) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RubricError(f"cannot read rubric file ({exc})", source=source) from None
    return parse_rubric(text, source=source)


def parse_rubric(text: str, *, source: str = "<rubric>") -> Rubric:
    """Validate rubric TOML text; `source` names it in error messages."""
    if len(text.encode("utf-8")) > MAX_RUBRIC_BYTES:
        raise RubricError(f"rubric too large (at most {MAX_RUBRIC_BYTES:,} bytes)", source=source)
    deep = _too_deep_line(text)
    if deep is not None:
        raise RubricError(f"tables or arrays nested more than {MAX_NESTING} deep", source=source, line=deep,
                          key=_key_near(text.splitlines(), deep))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, text, source) from None
    return Builder(text, source).rubric(data)


def _too_deep_line(text: str) -> int | None:
    """The line where brackets and braces outside strings and comments nest deeper than
    MAX_NESTING (tomllib would recurse that deep), or None."""
    depth, line, quote = 0, 1, ""
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\n":
            line += 1
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif text.startswith(quote, index):
                index += len(quote) - 1
                quote = ""
        elif char in "\"'":
            quote = char * 3 if text.startswith(char * 3, index) else char
            index += len(quote) - 1
        elif char == "#":
            end = text.find("\n", index)
            index = len(text) if end < 0 else end - 1
        elif char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
        index += 1
    return None


def _syntax_error(exc: tomllib.TOMLDecodeError, text: str, source: str) -> RubricError:
    message = str(exc)
    match = re.search(r"\(at line (\d+), column \d+\)|\(at end of document\)", message)
    lines = text.splitlines()
    reported = int(match.group(1)) if match and match.group(1) else len(lines)
    reason = message[:match.start()].strip() if match else message
    line = broken_statement_line(text, reported)
    if line != reported:
        reason += f" (noticed at line {reported})" if match and match.group(1) else " (noticed at the end)"
    return RubricError(f"TOML syntax error: {reason}", source=source, line=line,
                       key=_key_near(lines, line))


def _key_near(lines: list[str], line: int) -> str:
    """The key written on `line`, or the nearest key or table header above it."""
    for text in reversed(lines[:line]):
        header = re.match(r"\s*\[\[?\s*([^\]]+?)\s*\]", text)
        if header:
            return header.group(1)
        key = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*=", text)
        if key:
            return key.group(1)
    return ""
