"""Grade range: the lowest and highest grade reachable if the open readings took other values.

Indicators and knock-outs that test a common variable (evidence field or derived value) form a
group. Within a group every open variable runs through a finite set of representative values
that covers every way the rubric's comparisons can come out:
- true/false and enumerations: every value; lists of tiers: every subset;
- numbers: each constant the rubric compares the variable with, one either side, and the
  midpoints between constants (restricted to a claimed [min, max] range when that is all that
  is open);
- text and text lists: the constants the rubric looks for, alone and together, and lists of
  each length the rubric compares with.
A variable that has no value also keeps "no value" among its alternatives (its current state).
Groups share no variable, so their outcomes combine exactly: totals add up and the worst forced
grade of any knock-out wins.
"""
from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from prospect_intel.core.fields import NUMERIC_KINDS, FieldType

from .condition_tree import Cmp
from .evaluate import describe, evaluate
from .readings import Reading, Readings
from .rubric_model import Rubric

LIMIT = 200_000  # value combinations one group may need; checked when a rubric is loaded


@dataclass(frozen=True)
class Group:
    indicators: tuple[int, ...]
    knockouts: tuple[int, ...]
    names: tuple[str, ...]


@dataclass(frozen=True)
class Part:
    """One indicator's share of a group outcome."""

    indicator: int
    points: float
    text: str
    state: str = "matched"
    text_zh: str = ""  # the same in the rubric's Chinese labels


@dataclass(frozen=True)
class GroupOutcome:
    points: float
    forced: int | None  # rank of the grade a knock-out forces (worst of those that hold)
    parts: tuple[Part, ...] = ()
    knockouts: tuple[int, ...] = ()


@dataclass(frozen=True)
class GroupBounds:
    group: Group
    current: GroupOutcome
    outcomes: frozenset[GroupOutcome]


def groups(rubric: Rubric) -> tuple[Group, ...]:
    """Indicators and knock-outs joined by the variables they share, in rubric order."""
    members = [("i", i, ind.fields) for i, ind in enumerate(rubric.indicators)]
    members += [("k", k, rule.when.fields) for k, rule in enumerate(rubric.knockouts)]
    merged: list[tuple[set, set]] = []  # (member keys, names)
    for kind, index, names in members:
        joined = [g for g in merged if g[1] & set(names)]
        keys, found = {(kind, index)}, set(names)
        for g in joined:
            keys |= g[0]
            found |= g[1]
            merged.remove(g)
        merged.append((keys, found))
    out = [Group(tuple(sorted(i for k, i in keys if k == "i")),
                 tuple(sorted(i for k, i in keys if k == "k")), tuple(sorted(names)))
           for keys, names in merged]
    return tuple(sorted(out, key=lambda g: (g.indicators or (len(rubric.indicators),), g.knockouts)))


def bound(rubric: Rubric, readings: Readings) -> tuple[GroupBounds, ...]:
    values = readings.values()
    comparisons = _comparisons(rubric)
    found = []
    for group in groups(rubric):
        choices = [candidates(rubric.types[n], readings[n], comparisons.get(n, ()))
                   for n in group.names]
        outcomes = set()
        for combo in itertools.product(*choices):
            trial = dict(values)
            trial.update(zip(group.names, combo))
            outcomes.add(group_outcome(rubric, group, trial))
        current = group_outcome(rubric, group, values)
        found.append(GroupBounds(group, current, frozenset(outcomes | {current})))
    return tuple(found)


def group_outcome(rubric: Rubric, group: Group, values: Mapping[str, Any]) -> GroupOutcome:
    parts = []
    for i in group.indicators:
        indicator = rubric.indicators[i]
        outcome = evaluate(indicator, values, rubric.options.missing_points)
        mode = rubric.options.missing_points
        parts.append(Part(i, outcome.points, describe(indicator, outcome, mode), outcome.state,
                          describe(indicator, outcome, mode, zh=True)))
    fired = tuple(k for k in group.knockouts if rubric.knockouts[k].when.evaluate(values) is True)
    forced = max((rubric.rank(rubric.knockouts[k].grade) for k in fired), default=None)
    return GroupOutcome(sum(p.points for p in parts), forced, tuple(parts), fired)


def worse(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def final_rank(rubric: Rubric, forced: int | None, total: float) -> int:
    return forced if forced is not None else rubric.rank(rubric.grade_for(total))


def grade_range(rubric: Rubric, bounds: tuple[GroupBounds, ...]) -> tuple[int, int]:
    """(worst rank, best rank) over every combination of group outcomes."""
    states: set[tuple[int | None, float]] = {(None, 0)}
    for item in bounds:
        states = {(worse(forced, o.forced), round(total + o.points, 9))
                  for forced, total in states for o in item.outcomes}
    ranks = {final_rank(rubric, forced, total) for forced, total in states}
    return max(ranks), min(ranks)


def candidates(ftype: FieldType, reading: Reading, cmps: tuple[Cmp, ...]) -> list[Any]:
    """The values an open reading may take (just its own value when it is settled)."""
    if not reading.open:
        return [reading.value]
    if reading.interval is not None and reading.confidence != "low":
        low, high = reading.interval
        inside = [v for v in _numbers(ftype, cmps, reading.value)
                  if v >= low and (high is None or v <= high)]
        return sorted(set(inside) | {low} | ({high} if high is not None else set()))
    found = _domain(ftype, cmps, reading.value)
    if reading.value is None:
        found.append(None)
    elif reading.value not in found:
        found.append(reading.value)
    return found


def _domain(ftype: FieldType, cmps: tuple[Cmp, ...], current: Any) -> list[Any]:
    kind = ftype.kind
    if kind == "bool":
        return [True, False]
    if kind == "enum":
        return list(ftype.choices)
    if kind == "enum_list":
        return [list(c) for r in range(len(ftype.choices) + 1)
                for c in itertools.combinations(ftype.choices, r)]
    if kind in NUMERIC_KINDS:
        return _numbers(ftype, cmps, current)
    looked_for = sorted({c.const for c in cmps if not c.term.func and isinstance(c.const, str)})
    if kind == "text":
        return ["", *looked_for, " ".join(looked_for)] if looked_for else [""]
    lengths = _numbers(FieldType("int", minimum=0), tuple(c for c in cmps if c.term.func), None)
    filler = {} if kind == "record_list" else ""
    lists = [[], *([c] for c in looked_for), looked_for]
    lists += [[filler if kind == "record_list" else f"item{i}" for i in range(n)] for n in lengths]
    return lists


def _numbers(ftype: FieldType, cmps: tuple[Cmp, ...], current: Any) -> list[float]:
    values = [v for c in cmps for v in (c.const if isinstance(c.const, tuple) else (c.const,))]
    consts = sorted({float(v) for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)})
    found = set()
    for c in consts:
        found |= {c - 1, c, c + 1}
    found |= {(a + b) / 2 for a, b in zip(consts, consts[1:])}
    if ftype.kind == "int":
        found = {f(v) for v in found for f in (math.floor, math.ceil)}
    if current is not None:
        found.add(current)
    if not found:
        found = {ftype.minimum or 0}
    if ftype.minimum is not None:
        found = {v for v in found if v >= ftype.minimum}
    return sorted(int(v) if float(v).is_integer() and ftype.kind == "int" else v for v in found)


def _comparisons(rubric: Rubric) -> dict[str, tuple[Cmp, ...]]:
    found: dict[str, list[Cmp]] = {}
    conditions = [c for ind in rubric.indicators for c in ind.conditions]
    conditions += [rule.when for rule in rubric.knockouts]
    for condition in conditions:
        for cmp in condition.comparisons():
            found.setdefault(cmp.term.name, []).append(cmp)
    return {name: tuple(cmps) for name, cmps in found.items()}


def worst_case_sizes(rubric: Rubric) -> list[tuple[Group, int]]:
    """Combinations each group needs when every variable is open and missing."""
    comparisons = _comparisons(rubric)
    sizes = []
    for group in groups(rubric):
        size = 1
        for name in group.names:
            size *= len(candidates(rubric.types[name], Reading(name), comparisons.get(name, ())))
        sizes.append((group, size))
    return sizes
