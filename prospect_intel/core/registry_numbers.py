"""Company registry numbers as pages print them: the Chinese unified social credit code
(统一社会信用代码, GB 32100-2015) and a UK company number after the words that introduce it.

Read by the extractors (the number a site prints in its footer) and by the registry import (a row
matched by the number its prospect's site prints), so both read the same shapes.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

# 18 characters, digits and capitals without I, O, S, V, Z; the last one a check character.
CREDIT_CODE = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}(?![0-9A-Z])")
# "Registered in England & Wales No. 05123456", "Company No: SC123456",
# "company registration number 05123456".
UK_NUMBER = re.compile(r"(?:compan(?:y|ies)|regist(?:ered|ration))[^.\n]{0,40}?(?:\bno\b\.?|\bnumber\b)"
                       r"\s*:?\s*((?:[A-Z]{2}|\d{2})\d{6})\b", re.IGNORECASE)

_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))


def credit_code_valid(code: str) -> bool:
    """Whether the 18th character is the check character GB 32100 computes from the first 17
    (weights 3^i mod 31): a typo or an unrelated 18-character string fails it."""
    if len(code) != 18 or any(c not in _CODE_CHARS for c in code):
        return False
    total = sum(_CODE_CHARS.index(c) * w for c, w in zip(code, _WEIGHTS))
    return _CODE_CHARS[(31 - total % 31) % 31] == code[17]


def printed_numbers(text: str) -> Iterator[tuple[str, str, tuple[int, int]]]:
    """(kind, number, span) of each registry number in `text`: kind `credit_code` (any of the
    shape; check it with `credit_code_valid`) or `uk_company_number` (upper-cased)."""
    for match in CREDIT_CODE.finditer(text):
        yield "credit_code", match.group(), match.span()
    for match in UK_NUMBER.finditer(text):
        yield "uk_company_number", match.group(1).upper(), match.span(1)
