"""Find the matched text of an evidence value inside its snippet, for highlighting.

Returns plain (text, is_match) segments; the template escapes every one of them, so a snippet
carrying markup is shown as text whatever is highlighted.
"""
from __future__ import annotations

import re
from typing import Any

# Quoted terms in an extractor's `method` ("term '门禁一卡通'", "address cue '科技园'") are what matched.
_QUOTED = re.compile(r"""['"“‘]([^'"”’]{1,40})['"”’]""")
MAX_NEEDLES = 30

Segment = tuple[str, bool]


def snippet_segments(snippet: str, field: str, value: Any, method: str = "") -> list[Segment]:
    """The snippet cut into segments, the ones showing the value (or the matched term) marked."""
    if not snippet:
        return []
    pattern = _pattern(needles(field, value, method))
    if pattern is None:
        return [(snippet, False)]
    segments: list[Segment] = []
    at = 0
    for match in pattern.finditer(snippet):
        if match.start() > at:
            segments.append((snippet[at:match.start()], False))
        segments.append((match.group(0), True))
        at = match.end()
    if at < len(snippet):
        segments.append((snippet[at:], False))
    return segments


def needles(field: str, value: Any, method: str = "") -> list[str]:
    """Texts that would show this value in a snippet: the value itself, its 万 form, quoted terms."""
    found: list[str] = []
    _add_value(found, field, value)
    found += [term for term in _QUOTED.findall(method or "") if len(term.strip()) > 1]
    unique = [n for n in dict.fromkeys(n.strip() for n in found) if n]
    return unique[:MAX_NEEDLES]


def _add_value(found: list[str], field: str, value: Any) -> None:
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, list):
        for item in value:
            _add_value(found, field, item.get("name") if isinstance(item, dict) else item)
        return
    if isinstance(value, (int, float)):
        found.append(_number(value))
        if field == "registered_capital_cny" and value >= 10_000:
            found.append(_number(value / 10_000) + "万")
        return
    found.append(str(value))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _pattern(texts: list[str]) -> re.Pattern[str] | None:
    if not texts:
        return None
    parts = []
    for text in sorted(texts, key=len, reverse=True):  # longest first, so "1000万" beats "1000"
        escaped = re.escape(text)
        parts.append(rf"(?<!\d){escaped}(?!\d)" if text[:1].isdigit() or text[-1:].isdigit() else escaped)
    return re.compile("|".join(parts), re.IGNORECASE)
