"""Check a parsed rubric document key by key and build the `Rubric` objects from it.

Used by `prospect_intel.scoring.rubric`; every error is a `RubricError` naming the file, line and key
(`toml_lines` finds the line of a key in the text tomllib has already accepted).
"""
from __future__ import annotations

import difflib
import math
import re
from types import MappingProxyType
from typing import Any

from prospect_intel.core.fields import FIELD_TYPES, FieldType
from prospect_intel.core.models import FLAGS

from .bounds import LIMIT, worst_case_sizes
from .condition_tree import Condition
from .conditions import compile_condition
from .errors import ConditionError, RubricError
from .rubric_model import (
    IMPLAUSIBLE_RATIO,
    MISSING_POINTS,
    REGISTRY_SOURCES,
    REGISTRY_USE,
    SCOPE_WORDS,
    TRANSFORMS,
    Bonus,
    Derived,
    GradeBand,
    Indicator,
    Level,
    Options,
    RegistrySettings,
    Rubric,
    Rule,
    Source,
)
from .toml_lines import key_lines, line_of

MAX_POINTS = 1_000_000  # points and totals: far beyond any rubric, far below float trouble
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_IDENT = re.compile(r"^[a-z][a-z0-9_]*$")
_TOP_KEYS = ("name", "version", "title", "description", "grades")
YEARS = FieldType("int", minimum=0)  # what the years_since transform gives
_FLAGS = tuple(f for f in FLAGS if f != "reviewed")


def format_key(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out


class Builder:
    """Walks the parsed TOML, checking each key and building the rubric objects."""

    def __init__(self, text: str, source: str):
        self.source = source
        self.lines = key_lines(text)
        self.types: dict[str, FieldType] = dict(FIELD_TYPES)

    def error(self, path: tuple, message: str) -> RubricError:
        return RubricError(message, source=self.source, line=line_of(self.lines, path),
                           key=format_key(path))

    # -- generic checks ------------------------------------------------------------------------

    def table(self, path: tuple, value: Any, required: tuple[str, ...],
              optional: tuple[str, ...] = ()) -> dict:
        if not isinstance(value, dict):
            raise self.error(path, f"must be a table, not {type(value).__name__}")
        allowed = required + optional
        for key in value:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                if path and key in _TOP_KEYS:
                    hint = " here: it belongs at the top level, above the first [table] header"
                raise self.error(path + (key,), f"unknown key{hint}; allowed: {', '.join(allowed)}")
        for key in required:
            if key not in value:
                raise self.error(path + (key,), "missing (required)")
        return value

    def text(self, path: tuple, value: Any, pattern: re.Pattern | None = None) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.error(path, "must be a non-empty string")
        if pattern and not pattern.match(value):
            raise self.error(path, f"{value!r} is not a valid name")
        return value.strip()

    def optional_text(self, path: tuple, item: dict, key: str, default: str = "") -> str:
        return self.text(path + (key,), item[key]) if key in item else default

    def number(self, path: tuple, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.error(path, f"must be a number, not {value!r}")
        if not (math.isfinite(value) and abs(value) <= MAX_POINTS):
            raise self.error(path, f"must be a finite number from {-MAX_POINTS:,} to {MAX_POINTS:,}, not {value!r}")
        return value

    def whole(self, path: tuple, value: Any, low: int, high: int, what: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.error(path, f"must be a whole number from {low} to {high} ({what})")
        return value

    def array(self, path: tuple, value: Any, *, nonempty: bool = True) -> list:
        if not isinstance(value, list):
            raise self.error(path, "must be an array")
        if nonempty and not value:
            raise self.error(path, "must not be empty")
        return value

    def flags(self, path: tuple, value: Any) -> tuple[str, ...]:
        for i, flag in enumerate(self.array(path, value, nonempty=False)):
            if flag not in FLAGS or flag == "reviewed":
                raise self.error(path + (i,), f"unknown flag {flag!r} (one of: {', '.join(_FLAGS)})")
        return tuple(value)

    def condition(self, path: tuple, value: Any) -> Condition:
        try:
            return compile_condition(value, self.types)
        except ConditionError as exc:
            raise self.error(path, str(exc)) from None

    # -- the rubric ----------------------------------------------------------------------------

    def rubric(self, data: dict) -> Rubric:
        self.misplaced(data)
        self.table((), data, ("name", "version", "indicators", "grades"),
                   ("title", "description", "scoring", "registry", "derived", "knockouts", "flags"))
        version = data["version"]
        if isinstance(version, bool) or not isinstance(version, (str, int, float)) \
                or not str(version).strip():
            raise self.error(("version",), "must be a string or a number")
        derived = self.derived(data.get("derived", {}))  # first: conditions may use them
        grades = self.grades(data["grades"])
        indicators = self.list_of("indicators", data["indicators"], self.indicator)
        rubric = Rubric(
            name=self.text(("name",), data["name"], _NAME), version=str(version).strip(),
            indicators=indicators, grades=grades, derived=derived,
            knockouts=self.list_of("knockouts", data.get("knockouts", []), self.knockout),
            flags=self.list_of("flags", data.get("flags", []), self.flag),
            options=self.options(data.get("scoring", {}), len(indicators)),
            registry=self.registry(data.get("registry", {})),
            title=self.optional_text((), data, "title"),
            description=self.optional_text((), data, "description"),
            source=self.source, types=MappingProxyType(dict(self.types)),
        )
        self.check_grades_used(rubric)
        self.check_size(rubric)
        return rubric

    def misplaced(self, data: dict) -> None:
        """A top-level key written after a [table] header lands in that table: say so."""
        for table, value in data.items():
            if isinstance(value, dict):
                for key in _TOP_KEYS:
                    if key in value and key not in data:
                        raise self.error((table, key), "belongs at the top level: move it above "
                                                       "the first [table] header")

    def list_of(self, key: str, value: Any, build) -> tuple:
        items = self.array((key,), value, nonempty=key == "indicators")
        seen: set[str] = set()
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                raise self.error((key, index), "must be a table")
            if "name" not in item:
                raise self.error((key, index, "name"), "missing (required)")
            name = self.text((key, index, "name"), item["name"], _IDENT)
            if name in seen:
                raise self.error((key, index, "name"), f"duplicate name {name!r}")
            seen.add(name)
        return tuple(build((key, index), item) for index, item in enumerate(items))

    def grades(self, value: Any) -> tuple[GradeBand, ...]:
        items = self.array(("grades",), value)
        bands: list[GradeBand] = []
        for index, item in enumerate(items):
            path = ("grades", index)
            last = index == len(items) - 1
            self.table(path, item, ("grade",), ("min_total", "label"))
            grade = self.text(path + ("grade",), item["grade"])
            if any(band.grade == grade for band in bands):
                raise self.error(path + ("grade",), f"duplicate grade {grade!r}")
            if last and "min_total" in item:
                raise self.error(path + ("min_total",),
                                 "the last (lowest) grade takes every lower total; remove min_total")
            if not last and "min_total" not in item:
                raise self.error(path + ("min_total",), "missing (every grade but the last needs one)")
            minimum = None if last else self.number(path + ("min_total",), item["min_total"])
            if minimum is not None and bands and minimum >= bands[-1].min_total:
                raise self.error(path + ("min_total",),
                                 f"thresholds out of order: {grade} min_total {minimum} must be below "
                                 f"{bands[-1].grade}'s {bands[-1].min_total} (list grades best first)")
            bands.append(GradeBand(grade, minimum))
        return tuple(bands)

    def derived(self, value: Any) -> tuple[Derived, ...]:
        self.table(("derived",), value, (), tuple(value) if isinstance(value, dict) else ())
        found = []
        for name, item in value.items():
            path = ("derived", name)
            if not _IDENT.match(name) or name in FIELD_TYPES:
                raise self.error(path, f"{name!r} must be a new lower_case name, not an evidence field")
            self.table(path, item, ("sources",), ("label",))
            listed = self.array(path + ("sources",), item["sources"])
            sources = tuple(self.source_(path + ("sources", i), s) for i, s in enumerate(listed))
            self.types[name] = self.derived_type(path, sources)
            label = self.optional_text(path, item, "label", name)
            found.append(Derived(name, label, sources, self.types[name]))
        return tuple(found)

    def source_(self, path: tuple, item: Any) -> Source:
        self.table(path, item, ("field",), ("transform", "skip_flags", "lower_confidence"))
        field = item["field"]
        if field not in FIELD_TYPES:
            close = difflib.get_close_matches(str(field), list(FIELD_TYPES), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise self.error(path + ("field",), f"unknown evidence field {field!r}{hint}")
        transform = item.get("transform", "")
        if transform and transform not in TRANSFORMS:
            raise self.error(path + ("transform",),
                             f"unknown transform {transform!r} (known: {', '.join(TRANSFORMS)})")
        if transform == "years_since" and FIELD_TYPES[field].kind != "int":
            raise self.error(path + ("transform",), f"years_since needs a year field, not {field}")
        flags = self.flags(path + ("skip_flags",), item.get("skip_flags", []))
        steps = self.whole(path + ("lower_confidence",), item.get("lower_confidence", 0), 0, 2,
                           "confidence steps down: high -> medium -> low")
        return Source(field, transform, flags, steps)

    def derived_type(self, path: tuple, sources: tuple[Source, ...]) -> FieldType:
        types = [YEARS if s.transform == "years_since" else FIELD_TYPES[s.field] for s in sources]
        kinds = sorted({t.kind for t in types})
        if len(kinds) > 1:
            raise self.error(path + ("sources",),
                             f"sources give different kinds of value: {', '.join(kinds)}")
        return types[0]

    def indicator(self, path: tuple, item: dict) -> Indicator:
        self.table(path, item, ("name", "label", "levels"), ("label_zh", "ask", "ask_zh", "note", "bonuses"))
        levels = self.array(path + ("levels",), item["levels"])
        bonuses = self.array(path + ("bonuses",), item.get("bonuses", []), nonempty=False)
        return Indicator(
            name=item["name"], label=self.text(path + ("label",), item["label"]),
            levels=tuple(self.level(path + ("levels", i), lvl) for i, lvl in enumerate(levels)),
            bonuses=tuple(self.bonus(path + ("bonuses", i), b) for i, b in enumerate(bonuses)),
            label_zh=self.optional_text(path, item, "label_zh"),
            ask=self.optional_text(path, item, "ask"), note=self.optional_text(path, item, "note"),
            ask_zh=self.optional_text(path, item, "ask_zh"),
        )

    def level(self, path: tuple, item: Any) -> Level:
        self.table(path, item, ("points", "when"), ("label", "label_zh", "confirm", "dropped_label"))
        when = self.condition(path + ("when",), item["when"])
        confirm = self.condition(path + ("confirm",), item["confirm"]) if "confirm" in item else None
        return Level(
            points=self.number(path + ("points",), item["points"]), when=when,
            label=self.optional_text(path, item, "label", when.text),
            label_zh=self.optional_text(path, item, "label_zh"), confirm=confirm,
            dropped_label=self.optional_text(path, item, "dropped_label"),
        )

    def bonus(self, path: tuple, item: Any) -> Bonus:
        self.table(path, item, ("points", "when"), ("label", "label_zh"))
        when = self.condition(path + ("when",), item["when"])
        return Bonus(self.number(path + ("points",), item["points"]), when,
                     self.optional_text(path, item, "label", when.text),
                     self.optional_text(path, item, "label_zh"))

    def knockout(self, path: tuple, item: dict) -> Rule:
        self.table(path, item, ("name", "when", "grade", "label"), ("label_zh", "ask", "ask_zh"))
        return self.rule(path, item, grade=self.text(path + ("grade",), item["grade"]))

    def flag(self, path: tuple, item: dict) -> Rule:
        self.table(path, item, ("name", "when", "label"), ("label_zh", "ask", "ask_zh"))
        return self.rule(path, item)

    def rule(self, path: tuple, item: dict, grade: str = "") -> Rule:
        return Rule(item["name"], self.condition(path + ("when",), item["when"]),
                    self.text(path + ("label",), item["label"]),
                    self.optional_text(path, item, "label_zh"), self.optional_text(path, item, "ask"),
                    grade, self.optional_text(path, item, "ask_zh"))

    def options(self, value: Any, indicators: int) -> Options:
        path = ("scoring",)
        self.table(path, value, (), ("missing_points", "low_confidence_flags", "min_indicators"))
        missing = value.get("missing_points", Options.missing_points)
        if missing not in MISSING_POINTS:
            raise self.error(path + ("missing_points",), f"must be one of: {', '.join(MISSING_POINTS)}")
        flags = self.flags(path + ("low_confidence_flags",),
                           value.get("low_confidence_flags", list(Options.low_confidence_flags)))
        minimum = self.whole(path + ("min_indicators",), value.get("min_indicators", 1), 0,
                             indicators, "how many indicators need evidence")
        return Options(missing, flags, minimum)

    def registry(self, value: Any) -> RegistrySettings:
        """[registry]: what is left out keeps its default (a partial `use` table too)."""
        path = ("registry",)
        self.table(path, value, (), ("use", "implausible_ratio", "scope_words"))
        use = self.table(path + ("use",), value.get("use", {}), (), tuple(REGISTRY_USE))
        for key, source in use.items():
            if source not in REGISTRY_SOURCES:
                raise self.error(path + ("use", key), f"must be one of: {', '.join(REGISTRY_SOURCES)}")
        ratio = self.number(path + ("implausible_ratio",), value.get("implausible_ratio", IMPLAUSIBLE_RATIO))
        if ratio < 1:
            raise self.error(path + ("implausible_ratio",),
                             f"must be at least 1 (the site's headcount over the insured staff), not {ratio!r}")
        words = self.array(path + ("scope_words",), value.get("scope_words", list(SCOPE_WORDS)), nonempty=False)
        return RegistrySettings(MappingProxyType({**REGISTRY_USE, **use}), float(ratio),
                                tuple(self.text(path + ("scope_words", i), w) for i, w in enumerate(words)))

    def check_grades_used(self, rubric: Rubric) -> None:
        known = [band.grade for band in rubric.grades]
        for index, rule in enumerate(rubric.knockouts):
            if rule.grade not in known:
                raise self.error(("knockouts", index, "grade"),
                                 f"unknown grade {rule.grade!r} (grades: {', '.join(known)})")

    def check_size(self, rubric: Rubric) -> None:
        for group, size in worst_case_sizes(rubric):
            if size > LIMIT:
                path = ("indicators", group.indicators[0]) if group.indicators \
                    else ("knockouts", group.knockouts[0])
                raise self.error(path, f"{', '.join(group.names)}: {size} value combinations to "
                                       f"bound the grade range (limit {LIMIT}); use fewer thresholds")
