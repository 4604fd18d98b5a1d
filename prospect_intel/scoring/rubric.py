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
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RubricError("no such rubric file", source=source) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RubricError(f"cannot read rubric file ({exc})", source=source) from None
    return parse_rubric(text, source=source)


def parse_rubric(text: str, *, source: str = "<rubric>") -> Rubric:
    """Validate rubric TOML text; `source` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, text, source) from None
    return Builder(text, source).rubric(data)


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
