"""Typed errors of the scoring package; the CLI turns them into messages and exit codes."""
from __future__ import annotations

from prospect_intel.core.errors import ProspectError


class RubricError(ProspectError):
    """A rubric file that cannot be read or does not make sense.

    The message names the file, the line and the key: ``rubric.toml:42: indicators[1].levels[0]
    .points: missing``. The parts are kept as attributes for callers that format differently.
    """

    exit_code = 7

    def __init__(self, message: str, *, source: str = "", line: int | None = None, key: str = ""):
        self.message = message
        self.source = source
        self.line = line
        self.key = key
        where = source + (f":{line}" if line is not None else "")
        parts = [p for p in (where, key) if p]
        super().__init__(": ".join([*parts, message]))


class ConditionError(ValueError):
    """A rubric condition that does not parse or tests something it cannot (no file context yet)."""
