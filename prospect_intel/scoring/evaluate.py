"""Apply one indicator's levels and bonuses to a set of values; describe the outcome in words.

The same function scores the actual evidence and every alternative the grade range
enumerates, so both always agree. Rules, in the rubric's terms:
- levels are tried in order; the first whose `when` is true is the starting level;
- if that level's `confirm` is false (known and failing), drop to the next level down and check
  its `confirm` (not its `when`); if `confirm` is unknown, keep the level and mark it
  unconfirmed (the scorer lowers the confidence);
- when no `when` is true but some are unknown, the indicator has no usable evidence: it scores
  the lowest level's points (`missing_points = "lowest"`) or 0 (`"zero"`);
- when every `when` is false, no level matches: 0 points;
- bonuses add their points whenever their `when` is true.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .rubric_model import Indicator


@dataclass(frozen=True)
class Outcome:
    points: float
    state: str  # matched | unconfirmed | dropped | no_match | missing
    start: int | None = None  # level whose `when` held
    level: int | None = None  # level whose points were given
    bonuses: tuple[int, ...] = ()
    unconfirmed: bool = False
    used: tuple[str, ...] = ()  # names the decision rested on


def evaluate(indicator: Indicator, values: Mapping[str, Any], missing_points: str) -> Outcome:
    whens = [level.when.evaluate(values) for level in indicator.levels]
    bonuses = tuple(i for i, b in enumerate(indicator.bonuses) if b.when.evaluate(values) is True)
    bonus_points = sum(indicator.bonuses[i].points for i in bonuses)
    used = [n for i in bonuses for n in indicator.bonuses[i].when.fields]
    if True not in whens:
        if None in whens:
            base = indicator.lowest_points if missing_points == "lowest" else 0
            return Outcome(base + bonus_points, "missing", bonuses=bonuses, used=_present(used, values))
        used += [n for level in indicator.levels for n in level.when.fields]
        return Outcome(bonus_points, "no_match", bonuses=bonuses, used=_present(used, values))
    start = whens.index(True)
    used += indicator.levels[start].when.fields
    level, unconfirmed = start, False
    while level < len(indicator.levels):
        confirm = indicator.levels[level].confirm
        result = True if confirm is None else confirm.evaluate(values)
        used += confirm.fields if confirm else ()
        if result is not False:
            unconfirmed = result is None
            break
        level += 1
    if level == len(indicator.levels):
        return Outcome(bonus_points, "no_match", start, None, bonuses, False, _present(used, values))
    state = "dropped" if level != start else ("unconfirmed" if unconfirmed else "matched")
    points = indicator.levels[level].points + bonus_points
    return Outcome(points, state, start, level, bonuses, unconfirmed, _present(used, values))


def _present(names: list[str], values: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(n for n in dict.fromkeys(names) if values.get(n) is not None)


def describe(indicator: Indicator, outcome: Outcome, missing_points: str, *, zh: bool = False) -> str:
    """The outcome in the rubric's words (Chinese labels when asked and available)."""
    levels = indicator.levels
    if outcome.state == "missing":
        lowest = missing_points == "lowest"
        text = "no usable evidence" + (", counted at the lowest level" if lowest else "")
        if zh:
            text = "无可用证据" + ("，按最低档计分" if lowest else "")
    elif outcome.state == "no_match":
        text = "no level matches the evidence" if not zh else "证据不符合任何档次"
    elif outcome.state == "dropped":
        above, here = levels[outcome.level - 1], levels[outcome.level]
        text = above.dropped_label or f"{_label(here, zh)} (dropped: {above.confirm.text} is not met)"
    else:
        text = _label(levels[outcome.level], zh)
        if outcome.unconfirmed:
            confirm = levels[outcome.level].confirm
            unknown = ", ".join(n for n in confirm.fields if n not in outcome.used)
            text += f" (not confirmed: {unknown} unknown)" if not zh else f"（待确认：{unknown}）"
    for i in outcome.bonuses:
        bonus = indicator.bonuses[i]
        text += " + " + (bonus.label_zh if zh and bonus.label_zh else bonus.label)
    return text


def _label(level: Any, zh: bool) -> str:
    return level.label_zh if zh and level.label_zh else level.label
