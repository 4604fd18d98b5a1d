"""The rubric as frozen value objects: indicators, levels, knock-outs, flags, grades, options.

Built and validated by `prospect_intel.scoring.rubric` from a TOML file; read by the scorer. Everything an
industry or team may change lives in these objects, none of it in the scoring code.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from prospect_intel.core.fields import FIELD_TYPES, FieldType

from .condition_tree import Condition

MISSING_POINTS = ("lowest", "zero")
TRANSFORMS = {"years_since": "whole years from the value (a year) to the scoring date"}
# [registry]: the facts a site and a business-registry export both state, and whose word counts
# by default. Insured staff undercount small firms, so the site's headcount is the default.
REGISTRY_SOURCES = ("site", "registry")
REGISTRY_USE: Mapping[str, str] = MappingProxyType(
    {"registered_capital_cny": "registry", "founded_year": "registry", "headcount": "site"})
IMPLAUSIBLE_RATIO = 10.0
# Words in a business scope (经营范围) that support a site's claim to sell access control.
SCOPE_WORDS = ("门禁", "安防", "智能化", "一卡通", "出入口", "access control", "security systems",
               "security system")


@dataclass(frozen=True)
class Level:
    """One row of an indicator: points when `when` holds (and `confirm` is not known to fail)."""

    points: float
    when: Condition
    label: str
    label_zh: str = ""
    confirm: Condition | None = None
    dropped_label: str = ""  # what it means when `when` holds but `confirm` fails


@dataclass(frozen=True)
class Bonus:
    """Points added on top of the level whenever `when` holds."""

    points: float
    when: Condition
    label: str
    label_zh: str = ""


@dataclass(frozen=True)
class Indicator:
    name: str
    label: str
    levels: tuple[Level, ...]
    bonuses: tuple[Bonus, ...] = ()
    label_zh: str = ""
    ask: str = ""  # what a rep should ask to settle it
    note: str = ""  # how the team reads the source table here
    ask_zh: str = ""

    @property
    def conditions(self) -> tuple[Condition, ...]:
        found = [c for lvl in self.levels for c in (lvl.when, lvl.confirm) if c is not None]
        return tuple(found + [b.when for b in self.bonuses])

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(sorted({name for c in self.conditions for name in c.fields}))

    @property
    def lowest_points(self) -> float:
        return min(level.points for level in self.levels)

    @property
    def max_points(self) -> float:
        return max(level.points for level in self.levels) + sum(
            b.points for b in self.bonuses if b.points > 0
        )


@dataclass(frozen=True)
class Rule:
    """A knock-out (forces `grade` whenever `when` holds) or a flag (reported, never graded)."""

    name: str
    when: Condition
    label: str
    label_zh: str = ""
    ask: str = ""
    grade: str = ""
    ask_zh: str = ""


@dataclass(frozen=True)
class Source:
    field: str
    transform: str = ""
    skip_flags: tuple[str, ...] = ()
    lower_confidence: int = 0


@dataclass(frozen=True)
class Derived:
    """A value taken from the first of several evidence fields that has a usable value."""

    name: str
    label: str
    sources: tuple[Source, ...]
    type: FieldType


@dataclass(frozen=True)
class GradeBand:
    grade: str
    min_total: float | None  # None: the lowest grade, everything below the others


@dataclass(frozen=True)
class Options:
    missing_points: str = "lowest"
    low_confidence_flags: tuple[str, ...] = ("implausible", "conflict")
    min_indicators: int = 1


@dataclass(frozen=True)
class RegistrySettings:
    """How a registry export's facts combine with the site's (`scoring.registry.combine`)."""

    use: Mapping[str, str] = field(default_factory=lambda: REGISTRY_USE, hash=False)  # field -> site | registry
    implausible_ratio: float = IMPLAUSIBLE_RATIO  # site headcount over insured staff that is implausible
    scope_words: tuple[str, ...] = SCOPE_WORDS


@dataclass(frozen=True)
class Rubric:
    name: str
    version: str
    indicators: tuple[Indicator, ...]
    grades: tuple[GradeBand, ...]
    knockouts: tuple[Rule, ...] = ()
    flags: tuple[Rule, ...] = ()
    derived: tuple[Derived, ...] = ()
    options: Options = Options()
    registry: RegistrySettings = RegistrySettings()
    title: str = ""
    description: str = ""
    source: str = ""
    types: Mapping[str, FieldType] = field(  # evidence fields and derived values
        default_factory=lambda: MappingProxyType(dict(FIELD_TYPES)), hash=False, compare=False)

    def grade_for(self, total: float) -> str:
        """The grade a total earns without knock-outs: the first band whose minimum it reaches."""
        for band in self.grades:
            if band.min_total is None or total >= band.min_total:
                return band.grade
        return self.grades[-1].grade

    def rank(self, grade: str) -> int:
        """0 for the best grade, higher for worse ones."""
        return [band.grade for band in self.grades].index(grade)

    @property
    def max_total(self) -> float:
        return sum(ind.max_points for ind in self.indicators)

    def derived_value(self, name: str) -> Derived | None:
        return next((d for d in self.derived if d.name == name), None)
