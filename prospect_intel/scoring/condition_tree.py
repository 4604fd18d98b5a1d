"""Compiled rubric conditions: the expression tree and its three-valued evaluation.

`prospect_intel.scoring.conditions` parses and checks a condition's text into these nodes. Evaluation is
three-valued: a comparison with a field that has no value is *unknown* (None); `and`/`or`/`not`
follow Kleene's rules, so `False and unknown` is False and `True or unknown` is True.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Term:
    """A field (or derived value) as compared: its value, or len()/distinct() of it."""

    name: str
    func: str = ""  # "", "len" or "distinct"


@dataclass(frozen=True)
class Cmp:
    term: Term
    op: str  # ==, !=, <, <=, >, >=, in, not in, has, not has ("has": constant in field)
    const: Any


@dataclass(frozen=True)
class Known:
    name: str


@dataclass(frozen=True)
class Not:
    item: Node


@dataclass(frozen=True)
class BoolOp:
    op: str  # and | or
    items: tuple[Node, ...]


Node = Cmp | Known | Not | BoolOp


@dataclass(frozen=True)
class Condition:
    """One compiled condition: its source text, tree, and the fields it tests."""

    text: str
    node: Node
    fields: tuple[str, ...]

    def evaluate(self, values: Mapping[str, Any]) -> bool | None:
        """True, False, or None when missing values leave it undecided."""
        return _eval(self.node, values)

    def comparisons(self) -> tuple[Cmp, ...]:
        return tuple(walk(self.node, Cmp))


def walk(node: Node, cls: type) -> list:
    if isinstance(node, cls):
        return [node]
    if isinstance(node, Not):
        return walk(node.item, cls)
    if isinstance(node, BoolOp):
        return [found for item in node.items for found in walk(item, cls)]
    return []


def _eval(node: Node, values: Mapping[str, Any]) -> bool | None:
    if isinstance(node, Cmp):
        return _compare(node, values)
    if isinstance(node, Known):
        return values.get(node.name) is not None
    if isinstance(node, Not):
        inner = _eval(node.item, values)
        return None if inner is None else not inner
    results = [_eval(item, values) for item in node.items]
    decisive = node.op == "or"  # True decides an `or`, False an `and`
    if decisive in results:
        return decisive
    return None if None in results else not decisive


def _compare(cmp: Cmp, values: Mapping[str, Any]) -> bool | None:
    value = values.get(cmp.term.name)
    if value is None:
        return None
    if cmp.term.func == "len":
        value = len(value)
    elif cmp.term.func == "distinct":
        value = len({repr(sorted(v.items())) if isinstance(v, dict) else v for v in value})
    op, const = cmp.op, cmp.const
    if op in ("has", "not has"):
        return _has(value, const) == (op == "has")
    return {
        "==": lambda: value == const, "!=": lambda: value != const,
        "<": lambda: value < const, "<=": lambda: value <= const,
        ">": lambda: value > const, ">=": lambda: value >= const,
        "in": lambda: value in const, "not in": lambda: value not in const,
    }[op]()


def _has(value: Any, const: str) -> bool:
    if isinstance(value, str):
        return const.casefold() in value.casefold()
    return any(isinstance(item, str) and item.casefold() == const.casefold() for item in value)
