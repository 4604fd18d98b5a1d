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
