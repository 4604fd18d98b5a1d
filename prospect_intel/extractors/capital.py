"""Registered capital, normalised to CNY (注册资金500万元 → 5000000, "RMB 10 million").

SPEC: other currencies are converted only when the page states how. A foreign amount
(注册资本：50万美元, 500万港元, 資本額新台幣2,000萬元, "USD 1 million") counts when the page gives its
CNY equivalent next to it (50万美元（约合人民币340万元）) or an exchange rate (1美元=7.1元,
"1 USD = 7.1 CNY"); otherwise no CNY value is invented and the field's absence is
`stated_in_other_currency`, with the sentence in the notes, so the rep sees that a capital was
stated.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from prospect_intel.core.document import ParsedPage
from prospect_intel.core.models import Evidence
from prospect_intel.core.terms import Gated
from prospect_intel.core.text import NUMBER, parse_number, snippet

from .common import SiteContext, Unresolved, evidence, site_pages
from .keywords import capital as words
from .owners import other_sentence_subject, own_org_names

_FOREIGN_ZH = {"美元": "USD", "美金": "USD", "港币": "HKD", "港元": "HKD", "欧元": "EUR", "日元": "JPY",
               "新台币": "TWD", "台币": "TWD", "英镑": "GBP"}
_FOREIGN_EN = {"usd": "USD", "us$": "USD", "dollars": "USD", "hkd": "HKD", "hk$": "HKD",
               "eur": "EUR", "nt$": "TWD", "twd": "TWD", "gbp": "GBP", "$": "USD"}
_ZH_CURRENCY = "|".join(sorted(_FOREIGN_ZH, key=len, reverse=True))
_CAPITAL = Gated.of_words(
    words.ZH_LABELS, r"(?:{words})\s*(?:为|是|:|：|达到|达|约|人民币|RMB|\s)*\s*"
    rf"({_ZH_CURRENCY}|NT\$|US\$|HK\$)?\s*(" + NUMBER + r")\s*(万|亿|千万|百万)?\s*"
    rf"(元|人民币|{_ZH_CURRENCY}|USD|HKD|EUR|RMB|CNY)?", required=words.ZH_GATE, longest_first=False)
_EN_CAPITAL = Gated.of_words(words.EN_LABELS, r"(?:{words})(?:\s+of|:)?\s*(RMB|CNY|¥|USD|US\$|HK\$|HKD|EUR|NT\$|\$)?"
                             r"\s*(\d[\d,.]*)\s*(million|billion|thousand)?\s*(RMB|CNY|yuan|USD|HKD|EUR|dollars)?",
                             re.IGNORECASE)
_SCALE = {"万": 1e4, "亿": 1e8, "千万": 1e7, "百万": 1e6, "million": 1e6, "billion": 1e9,
          "thousand": 1e3}
# The CNY equivalent printed right after a foreign amount: （约合人民币340万元）, "(about RMB 3.4 million)".
_EQUIVALENT = re.compile(r"\s*[（(]?\s*(?:约合|折合|约|合|相当于|about|approx\.?|approximately|=)?\s*"
                         r"(?:人民币|RMB|CNY|¥)\s*(" + NUMBER + r")\s*(万|亿|million|billion)?\s*(元)?",
                         re.IGNORECASE)
# A stated rate: 1美元=7.1元, 1 USD = 7.1 CNY, 汇率：1港元兑0.92人民币.
_RATE = r"1\s*(?:{names})\s*(?:=|＝|兑|折合|约合|:|：)\s*(?:人民币|RMB|CNY)?\s*(\d+(?:\.\d+)?)\s*(?:元|人民币|RMB|CNY|yuan)?"  # noqa: E501


def registered_capital(pages: Sequence[ParsedPage], ctx: SiteContext) -> list[Evidence | Unresolved]:
    found: list[Evidence | Unresolved | None] = []
    own = own_org_names(pages)
    for page in site_pages(pages, articles=True):
        base = "high" if page.role in ("about", "home", "contact") else "medium"
        if page.is_article:
            base = "low"
        for match in _CAPITAL.finditer(page.folded):
            if other_sentence_subject(page.folded, match.start(), own):
                continue  # another company's capital: a subsidiary's on its group's site
            currency = _FOREIGN_ZH.get(match.group(1) or "") or \
                _FOREIGN_EN.get((match.group(1) or "").lower()) or _FOREIGN_ZH.get(match.group(4) or "") \
                or _FOREIGN_EN.get((match.group(4) or "").lower())
            amount = _amount(match.group(2), match.group(3), match.group(4) or currency)
            if amount is not None:
                found.append(_item(page, match, amount, currency, base if (match.group(3) or
                                                                          match.group(4)) else "medium"))
        for match in _EN_CAPITAL.finditer(page.folded):
            prefix, suffix = (match.group(1) or ""), (match.group(4) or "")
            currency = _FOREIGN_EN.get(prefix.lower()) or _FOREIGN_EN.get(suffix.lower())
            if not (currency or prefix or suffix):
                continue  # "registered capital 10 million": which currency?
            number = parse_number(match.group(2).rstrip(".,"))
            if number is not None:
                amount = number * _SCALE.get((match.group(3) or "").lower(), 1)
                found.append(_item(page, match, amount, currency, "medium"))
    return [item for item in found if item is not None]


def _amount(number_text: str, scale: str | None, unit: str | None) -> float | None:
    number = parse_number(number_text)
    if number is None:
        return None
    if scale:
        return number * _SCALE[scale]
    if unit or number >= 10_000:
        return number
    return None  # "注册资本500" with no unit: ambiguous


def _item(page: ParsedPage, match: re.Match[str], amount: float, currency: str | None,
          confidence: str) -> Evidence | Unresolved | None:
    method = "zh-capital" if match.re is _CAPITAL.pattern else "en-capital"
    if currency is None:
        if not 1_000 <= amount <= 1e13:
            return None
        return evidence("registered_capital_cny", int(round(amount)), confidence, page,
                        match.span(), method)
    converted = _converted(page.folded, match.end(), amount, currency)
    said = snippet(page.text, *match.span())
    if converted is None:
        return Unresolved("registered_capital_cny", "stated_in_other_currency",
                          f"registered capital stated in {currency}, no exchange rate on the page: "
                          f"\"{said}\" ({page.url})")
    cny, how = converted
    if not 1_000 <= cny <= 1e13:
        return None
    return evidence("registered_capital_cny", int(round(cny)), "medium", page, match.span(),
                    f"{method}: {currency} {amount:,.0f} converted by {how}")


def _converted(text: str, end: int, amount: float, currency: str) -> tuple[float, str] | None:
    """(CNY, how) when the page states the CNY equivalent or a rate for `currency`."""
    same = _EQUIVALENT.match(text, end)
    if same:
        number = parse_number(same.group(1))
        scale = _SCALE.get(same.group(2).lower(), 1) if same.group(2) else 1
        if number is not None:
            return number * scale, "the CNY amount stated beside it"
    names = [n for n, code in (*_FOREIGN_ZH.items(), *_FOREIGN_EN.items()) if code == currency]
    rate = re.search(_RATE.format(names="|".join(re.escape(n) for n in sorted(names, key=len,
                                                                             reverse=True))),
                     text, re.IGNORECASE)
    if rate:
        return amount * float(rate.group(1)), f"the rate stated on the page ({rate.group(0)})"
    return None
