"""The one clock of the project: UTC timestamps as the contract prints them."""
from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> str:
    """Now, as `2026-11-23T02:10:00Z`."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
