"""Linear-time tests for "name · name · name …更多" lines (client lists written as one line).

They replace two regular expressions of `references.py` that took quadratic and exponential time
on hostile lines (a long run of spaces or dots; many separators followed by a long last part),
with exactly the same answers:

- `strip_more(line)` == `re.sub(r"(?:…+|\\.{3,})?(?:查看更多|更多)?\\s*>*$", "", line)`
- `separated_list(line)` == `bool(re.match(r"^[^\\n]{4,40}?(?:\\s*[·、/|]\\s*[^\\n]{4,40}?){2,}"
  r"(?:…+|……|\\.{3,})?(?:查看更多.*)?$", line))` for a line without newlines

`and_list(text)` splits an English "A, B and C" list; the branch and client extractors share it.
"""
from __future__ import annotations

import re

SEPARATORS = "·、/|"
PART_MIN, PART_MAX = 4, 40
_TAIL = re.compile(r"(?:…+|\.{3,})?(?:查看更多.*)?")


def strip_more(line: str) -> str:
    """Drop a trailing "…", "...", "更多" / "查看更多", spaces and ">" marks."""
    end = len(line.rstrip(">"))
    end = len(line[:end].rstrip())
    for more in ("查看更多", "更多"):
        if line[:end].endswith(more):
            end -= len(more)
            break
    if line[:end].endswith("…"):
        end = len(line[:end].rstrip("…"))
    elif line[:end].endswith("..."):
        end = len(line[:end].rstrip("."))
    return line[:end]


def separated_list(line: str) -> bool:
    """Three or more parts of 4-40 characters joined by · 、 / |, with an optional "…查看更多" tail."""
    n = len(line)
    if "\n" in line:
        return False
    # frontier: part ends reached with 1, 2, or 3+ parts
    ends: dict[int, int] = {e: 1 for e in range(PART_MIN, min(PART_MAX, n) + 1)}
    seen: set[tuple[int, int]] = set()
    todo = sorted(ends.items())
    while todo:
        end, count = todo.pop()
        if (end, count) in seen:
            continue
        seen.add((end, count))
        if count >= 3 and _TAIL.fullmatch(line, end):
            return True
        sep = end
        while sep < n and line[sep].isspace():
            sep += 1
        if sep >= n or line[sep] not in SEPARATORS:
            continue
        start = sep + 1
        last_start = start
        while last_start < n and line[last_start].isspace():
            last_start += 1
        for begin in range(start, last_start + 1):
            for new_end in range(begin + PART_MIN, min(begin + PART_MAX, n) + 1):
                state = (new_end, min(count + 1, 3))
                if state not in seen:
                    todo.append(state)
    return False


_AND_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def and_list(text: str) -> list[str]:
    """The parts of an English list, "Leeds, York and Hull" → Leeds, York, Hull (stripped, none
    empty)."""
    return [part for part in map(str.strip, _AND_SEPARATOR.split(text)) if part]
