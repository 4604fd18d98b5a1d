"""Where the CLI prints: stdout for results, stderr for messages. Scraped text is never markup."""
from __future__ import annotations

import json
import sys

from rich.console import Console

# Piped output (a file, a log) gets long lines rather than truncated URLs.
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def print_json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=1) + "\n")


def plain(value) -> str:
    """A value as one line of text: lists joined with "; ", reference clients by name."""
    if isinstance(value, list):
        return "; ".join(v.get("name", str(v)) if isinstance(v, dict) else str(v) for v in value)
    return str(value)
