"""How a registry check reads to a rep, in English and Chinese: the wording as data.

`scoring.registry` builds each `RegistryCheck`'s line from these tables: the site's side, the
registry's side, then notes ("site: 200 staff; registry: 12 insured; scored on the site's").
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

# How a value reads in a check's text: field -> (English, Chinese).
PHRASES: dict[str, tuple[Callable[[Any], str], Callable[[Any], str]]] = {
    "registered_capital_cny": (lambda v: f"{v:,.0f} CNY capital", lambda v: f"注册资本{wan(v)}元"),
    "founded_year": (lambda v: f"founded {v:g}", lambda v: f"成立于{v:g}年"),
    "headcount": (lambda v: staff(v, zh=False), lambda v: staff(v, zh=True)),
    "insured_staff": (lambda v: f"{v} insured", lambda v: f"参保{v}人"),
    "sells_access_control": (lambda v: "sells access control" if v else "no access control found",
                             lambda v: "经营门禁" if v else "未见门禁"),
    "business_scope": (lambda v: "scope names " + ", ".join(v), lambda v: "经营范围含" + "、".join(v)),
}
# What a side says when it has no value.
UNSTATED = {
    "registered_capital_cny": ("no registered capital", "未载明注册资本"),
    "founded_year": ("no founding year", "未载明成立年份"),
    "headcount": ("no headcount", "未载明人数"),
    "insured_staff": ("no insured-staff figure", "未载明参保人数"),
    "sells_access_control": ("does not say it sells access control", "未说明经营门禁"),
}
SIDES = {"site": ("site: {}", "网站：{}"), "registry": ("registry: {}", "工商登记：{}")}
NOTES = {
    "agrees": ("they agree", "两者一致"),
    "registry": ("scored on the registry's", "按工商登记评分"),
    "site": ("scored on the site's", "按网站评分"),
    "not_headcount": ("not used as the headcount", "不作为公司人数"),
    "insured_used": ("the insured figure is scored as the headcount", "以参保人数作为公司人数评分"),
    "implausible": ("more than {ratio}× the insured: flagged implausible", "超过参保人数的{ratio}倍，标记为存疑"),
    "scope_supports": ("the scope supports the site", "经营范围佐证网站所述"),
    "scope_only": ("the scope alone does not make it so", "仅凭经营范围不能认定"),
}


def check_lines(phrased: tuple[str, str], values: tuple[Any, Any], notes: tuple[str, ...],
                **fills: str) -> tuple[str, str]:
    """(English, Chinese) line: each side's value as its field reads (`phrased`), then the notes."""
    lines = []
    for zh in (0, 1):
        parts = [SIDES[side][zh].format(phrase(field, value, zh))
                 for side, field, value in zip(("site", "registry"), phrased, values)]
        parts += [NOTES[note][zh].format(**fills) for note in notes]
        lines.append(("；" if zh else "; ").join(parts))
    return lines[0], lines[1]


def phrase(field: str, value: Any, zh: int) -> str:
    if value is None:
        return UNSTATED[field][zh]
    return PHRASES[field][zh](value)


def staff(value: Any, *, zh: bool) -> str:
    if not isinstance(value, (list, tuple)):
        return f"{value}人" if zh else f"{value} staff"
    low, high = value
    if high is None:
        return f"{low}人以上" if zh else f"more than {low} staff"
    return f"{low}至{high}人" if zh else f"{low}–{high} staff"


def wan(value: float) -> str:
    """A CNY amount as Chinese registries print it: 5000万, 1.2亿."""
    if abs(value) >= 1e8:
        return f"{value / 1e8:g}亿"
    return f"{value / 1e4:g}万" if abs(value) >= 1e4 else f"{value:g}"
