"""Where the CLI prints: stdout for results, stderr for messages.

Scraped text is never markup, and never reaches the terminal raw: a page (or a CRM file) can
carry escape sequences that clear the screen, retitle the window or rewrite earlier lines, so
control characters are printed as `\\xNN`.
"""
from __future__ import annotations

import json
import re
import sys

from rich.console import Console
from rich.text import Text

from prospect_intel.app.i18n import current, word

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 and C1, tab and newline kept


def terminal_safe(text: str) -> str:
    """`text` with every control character but tab and newline shown as `\\xNN`."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _safe(value):
    if isinstance(value, str):
        return terminal_safe(value)
    if isinstance(value, Text) and _CONTROL.search(value.plain):
        return Text(terminal_safe(value.plain), style=value.style, end=value.end)
    return value


class _SafeConsole(Console):
    def print(self, *objects, **kwargs) -> None:  # noqa: A003 - rich's name
        super().print(*map(_safe, objects), **kwargs)


# Piped output (a file, a log) gets long lines rather than truncated URLs.
out = _SafeConsole(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = _SafeConsole(stderr=True, highlight=False, soft_wrap=True)


def print_json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=1) + "\n")


def plain(value) -> str:
    """A value as one line of text: lists joined with "; ", reference clients by name."""
    if isinstance(value, list):
        return "; ".join(v.get("name", str(v)) if isinstance(v, dict) else str(v) for v in value)
    return str(value)


def field_title(name: str) -> str:
    """A field as the terminal names it: in Chinese its name with the key beside it (`set` and
    the JSON take the key), in English the key."""
    return f"{word(name)} {name}" if current() == "zh" else name
