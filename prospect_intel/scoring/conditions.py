"""The rubric condition language: small boolean expressions over evidence fields.

Examples (see scoring/README.md for the full description)::

    headcount >= 20 and sales_staff >= 4 and tech_staff >= 4
    10 <= headcount < 20
    business_model in ["distributor", "mixed"]
    "foreign_high_end" in product_tiers
    distinct(product_tiers) >= 2
    access_control_is_main == false
    known(order_history)

Expressions are parsed with Python's `ast` (never `eval`) and checked against the field types
when the rubric is loaded; `prospect_intel.scoring.condition_tree` holds the compiled tree and evaluates it.
"""
from __future__ import annotations

import ast
import difflib
import math
import re
from collections.abc import Mapping
from typing import Any

from prospect_intel.core.fields import LIST_KINDS, NUMERIC_KINDS, FieldType

from .condition_tree import BoolOp, Cmp, Condition, Known, Node, Not, Term, walk
from .errors import ConditionError

# Conditions are a line or two: bounds on their length, nesting and numbers keep a wrong or
# hostile rubric from exhausting the parser (20,000 nested `not`s) or the arithmetic (1e999).
MAX_CONDITION_CHARS = 2_000
MAX_NESTING = 20
MAX_CONSTANT = 1e12
_NESTING = re.compile(r"\bnot\b|[(\[]")

FUNCTIONS = {
    "len": "number of items in a list",
    "distinct": "number of different items in a list",
    "known": "true when the field has a usable value",
}
_CMP = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
        ast.In: "in", ast.NotIn: "not in"}
_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!=",
         "in": "has", "not in": "not has"}
_OPERATOR_SIGNS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
                   ast.Mod: "%", ast.Pow: "**", ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^",
                   ast.LShift: "<<", ast.RShift: ">>", ast.MatMult: "@", ast.Is: "is",
                   ast.IsNot: "is not", ast.Invert: "~"}
# Which comparison operators each kind of term accepts.
_OPS_BY_KIND = {
    "bool": ("==", "!="),
    "int": ("==", "!=", "<", "<=", ">", ">=", "in", "not in"),
    "number": ("==", "!=", "<", "<=", ">", ">=", "in", "not in"),
    "enum": ("==", "!=", "in", "not in"),
    "enum_list": ("has", "not has"),
    "text": ("==", "!=", "has", "not has"),
    "text_list": ("has", "not has"),
    "record_list": (),
}


def compile_condition(text: str, types: Mapping[str, FieldType]) -> Condition:
    """Parse and check `text` against the known field types; raise ConditionError."""
    if not isinstance(text, str) or not text.strip():
        raise ConditionError("condition must be a non-empty string")
    if len(text) > MAX_CONDITION_CHARS:
        raise ConditionError(f"condition too long ({len(text):,} characters; at most {MAX_CONDITION_CHARS:,}): "
                             "split it, or write a derived value")
    depth = len(_NESTING.findall(text))
    if depth > MAX_NESTING:
        raise ConditionError(f"condition nested too deeply ({depth} 'not's and brackets; at most {MAX_NESTING})")
    try:
        tree = ast.parse(text.strip().replace("\n", " "), mode="eval")
    except SyntaxError as exc:
        where = f" at column {exc.offset}" if exc.offset else " at the end"
        raise ConditionError(f"syntax error{where}: {exc.msg}") from None
    node = _Compiler(types).bool_expr(tree.body)
    names = sorted({n.name for n in walk(node, Known)} | {c.term.name for c in walk(node, Cmp)})
    return Condition(text=text.strip(), node=node, fields=tuple(names))


class _Compiler:
    def __init__(self, types: Mapping[str, FieldType]):
        self.types = types

    def bool_expr(self, node: ast.expr) -> Node:
        if isinstance(node, ast.BoolOp):
            op = "and" if isinstance(node.op, ast.And) else "or"
            return BoolOp(op, tuple(self.bool_expr(v) for v in node.values))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return Not(self.bool_expr(node.operand))
        if isinstance(node, ast.Compare):
            return self.compare(node)
        if isinstance(node, ast.Name) and node.id not in ("true", "false"):
            kind = self.field_type(node.id).kind
            if kind != "bool":
                raise ConditionError(f"{node.id} is {kind}, not true/false; compare it with a value")
            return Cmp(Term(node.id), "==", True)
        if isinstance(node, ast.Call) and self.call_name(node) == "known":
            return Known(self.call_arg(node))
        raise ConditionError(f"not a condition: {_show(node)}")

    def compare(self, node: ast.Compare) -> Node:
        operands = [node.left, *node.comparators]
        pairs = []
        for left, op_node, right in zip(operands, node.ops, operands[1:]):
            op = _CMP.get(type(op_node))
            if op is None:
                sign = _OPERATOR_SIGNS.get(type(op_node), "?")
                raise ConditionError(f"operator {sign!r} is not allowed")
            pairs.append(self.pair(left, op, right))
        return pairs[0] if len(pairs) == 1 else BoolOp("and", tuple(pairs))

    def pair(self, left: ast.expr, op: str, right: ast.expr) -> Cmp:
        left_term, right_term = self.term(left), self.term(right)
        if left_term and right_term:
            raise ConditionError("compare a field with a constant, not with another field: "
                                 f"{_show(left)} {op} {_show(right)}")
        if not left_term and not right_term:
            raise ConditionError(f"nothing to test: {_show(left)} {op} {_show(right)} "
                                 "compares two constants")
        if left_term:
            cmp = Cmp(left_term, op, self.constant(right))
        else:
            cmp = Cmp(right_term, _FLIP[op], self.constant(left))
        self.check(cmp)
        return cmp

    def term(self, node: ast.expr) -> Term | None:
        if isinstance(node, ast.Name) and node.id not in ("true", "false", "null", "None"):
            self.field_type(node.id)
            return Term(node.id)
        if isinstance(node, ast.Call):
            func = self.call_name(node)
            if func == "known":
                raise ConditionError("known(...) is already true/false; use it on its own or with not")
            name = self.call_arg(node)
            if self.field_type(name).kind not in LIST_KINDS:
                kind = self.field_type(name).kind
                raise ConditionError(f"{func}() needs a list field; {name} is {kind}")
            return Term(name, func)
        if isinstance(node, ast.BinOp | ast.UnaryOp) and type(node.op) in _OPERATOR_SIGNS:
            raise ConditionError(f"operator {_OPERATOR_SIGNS[type(node.op)]!r} is not allowed")
        return None

    def constant(self, node: ast.expr) -> Any:
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) \
                and not isinstance(node.value, bool) and not abs(node.value) <= MAX_CONSTANT:
            shown = _show(node) if math.isfinite(node.value) else "an infinite number"
            raise ConditionError(f"{shown} is out of range: numbers in conditions are finite and at most "
                                 f"{MAX_CONSTANT:g}")
        if isinstance(node, ast.Constant) and isinstance(node.value, (bool, int, float, str)):
            return node.value
        if isinstance(node, ast.Name) and node.id in ("true", "false"):
            return node.id == "true"
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            value = self.constant(node.operand)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return -value if isinstance(node.op, ast.USub) else value
        if isinstance(node, ast.List | ast.Tuple):
            return tuple(self.constant(item) for item in node.elts)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATOR_SIGNS:
            raise ConditionError(f"operator {_OPERATOR_SIGNS[type(node.op)]!r} is not allowed")
        if isinstance(node, ast.Name | ast.Constant):
            raise ConditionError(f"{_show(node)} is not a value; "
                                 "use known(field) to test for a missing value")
        raise ConditionError(f"not a constant: {_show(node)}")

    def call_name(self, node: ast.Call) -> str:
        func = node.func.id if isinstance(node.func, ast.Name) else _show(node.func)
        if func not in FUNCTIONS:
            known = ", ".join(sorted(FUNCTIONS))
            raise ConditionError(f"unknown function {func!r} (functions: {known})")
        return func

    def call_arg(self, node: ast.Call) -> str:
        if len(node.args) != 1 or node.keywords or not isinstance(node.args[0], ast.Name):
            raise ConditionError(f"{self.call_name(node)}() takes one field name")
        self.field_type(node.args[0].id)
        return node.args[0].id

    def field_type(self, name: str) -> FieldType:
        if name not in self.types:
            close = difflib.get_close_matches(name, list(self.types), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConditionError(f"unknown field {name!r}{hint}")
        return self.types[name]

    def check(self, cmp: Cmp) -> None:
        ftype = self.types[cmp.term.name]
        kind = "int" if cmp.term.func else ftype.kind
        shown = f"{cmp.term.func}({cmp.term.name})" if cmp.term.func else cmp.term.name
        if cmp.op not in _OPS_BY_KIND[kind]:
            raise ConditionError(f"operator {_shown_op(cmp.op)!r} cannot be used with {shown} ({kind})")
        consts = cmp.const if cmp.op in ("in", "not in") else (cmp.const,)
        if cmp.op in ("in", "not in") and not isinstance(cmp.const, tuple):
            raise ConditionError(f"{shown} {cmp.op} needs a list of values, like [\"a\", \"b\"]")
        for const in consts:
            _check_constant(shown, kind, ftype, const)


def _check_constant(shown: str, kind: str, ftype: FieldType, const: Any) -> None:
    if kind in NUMERIC_KINDS:
        ok = isinstance(const, (int, float)) and not isinstance(const, bool)
    elif kind == "bool":
        ok = isinstance(const, bool)
    else:
        ok = isinstance(const, str)
    if not ok:
        raise ConditionError(f"{shown} ({kind}) cannot be compared with {const!r}")
    if ftype.choices and kind in ("enum", "enum_list") and const not in ftype.choices:
        choices = ", ".join(ftype.choices)
        raise ConditionError(f"{const!r} is not a value of {shown} (one of: {choices})")


def _shown_op(op: str) -> str:
    return {"has": "in", "not has": "not in"}.get(op, op)


def _show(node: ast.AST) -> str:
    return ast.unparse(node)


__all__ = ["FUNCTIONS", "Condition", "Cmp", "Node", "compile_condition"]
