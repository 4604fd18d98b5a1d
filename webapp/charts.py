"""Geometry of the two server-rendered SVG charts; the templates draw them (no script, no CDN).

- the grade distribution of the queue: one vertical bar per grade, linking to that filter;
- per prospect, points per indicator against the indicator's maximum: horizontal bars on one scale.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

GRADE_BUCKETS = ("A", "B", "C", "unscored", "not graded")
GRADE_COLOURS = {"A": "#2e7d32", "B": "#f9a825", "C": "#c62828", "unscored": "#78909c", "not graded": "#b0bec5"}


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float
    colour: str
    href_grade: str | None  # the list filter this bar links to


@dataclass(frozen=True)
class GradeChart:
    width: int
    height: int
    baseline: float
    bars: list[Bar]
    total: int


def grade_distribution(summaries: list[dict[str, Any]], width: int = 360, height: int = 170) -> GradeChart:
    """Bars for A, B, C, unscored and not graded yet (queued, crawling, failed)."""
    counts = dict.fromkeys(GRADE_BUCKETS, 0)
    for summary in summaries:
        counts[_bucket(summary)] += 1
    top, bottom, gap = 18, 26, 14
    baseline = height - bottom
    slot = (width - gap) / len(GRADE_BUCKETS)
    tallest = max(counts.values()) or 1
    bars = []
    for i, label in enumerate(GRADE_BUCKETS):
        bar_height = (baseline - top) * counts[label] / tallest
        bars.append(Bar(label, counts[label], gap + i * slot, baseline - bar_height, slot - gap, bar_height,
                        GRADE_COLOURS[label], label if label in ("A", "B", "C", "unscored") else None))
    return GradeChart(width, height, baseline, bars, sum(counts.values()))


def _bucket(summary: dict[str, Any]) -> str:
    grade = summary.get("grade")
    if grade in ("A", "B", "C"):
        return grade
    return "unscored" if summary.get("unscored") else "not graded"


@dataclass(frozen=True)
class IndicatorBar:
    label: str
    label_zh: str
    points: float
    max_points: float
    y: float
    track: float  # width of the maximum
    filled: float  # width of the points
    colour: str


@dataclass(frozen=True)
class IndicatorChart:
    width: int
    height: int
    left: int
    row: int
    bars: list[IndicatorBar]


def indicator_points(indicators: list[dict[str, Any]], width: int = 640, left: int = 300,
                     row: int = 30) -> IndicatorChart:
    """One bar per indicator: a track as long as its maximum, filled up to the points earned."""
    usable = width - left - 60
    scale_max = max((float(i.get("max_points") or 0) for i in indicators), default=0) or 1
    bars = []
    for n, item in enumerate(indicators):
        points = float(item.get("points") or 0)
        maximum = float(item.get("max_points") or 0)
        share = points / maximum if maximum else 0
        bars.append(IndicatorBar(
            item.get("label") or item.get("name", ""), item.get("label_zh") or "", points, maximum,
            8 + n * row, usable * maximum / scale_max, usable * min(points, maximum) / scale_max,
            "#2e7d32" if share >= 0.75 else "#f9a825" if share >= 0.5 else "#c62828",
        ))
    return IndicatorChart(width, 16 + len(bars) * row, left, row, bars)
