"""Geometry of the two server-rendered SVG charts; the templates draw them (no script, no CDN).

- the grade distribution of the queue: one vertical bar per grade, linking to that filter;
- per prospect, points per indicator against the indicator's maximum: horizontal bars on one scale.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from prospect_intel.app.listing import UNSCORED

NOT_GRADED = "not graded"
# Best grade green to worst red, whatever number of grades the rubric has; then the two states.
GRADE_PALETTE = ("#2e7d32", "#7cb342", "#f9a825", "#ef6c00", "#c62828")
STATE_COLOURS = {UNSCORED: "#78909c", NOT_GRADED: "#b0bec5"}


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


def grade_colour(rank: int, count: int) -> str:
    """The colour of the grade of `rank` (0 = best) among `count` grades."""
    if count <= 1:
        return GRADE_PALETTE[0]
    return GRADE_PALETTE[round(rank * (len(GRADE_PALETTE) - 1) / (count - 1))]


def grade_distribution(by_grade: dict[str | None, int], grades: tuple[str, ...],
                       width: int = 360, height: int = 170) -> GradeChart:
    """One bar per grade of the rubric (best first), then unscored and not graded yet (queued,
    crawling, or graded with a grade the rubric no longer has); `by_grade` counts prospects by
    their list grade (`listing.grade_counts`)."""
    buckets = (*grades, UNSCORED, NOT_GRADED)
    counts = dict.fromkeys(buckets, 0)
    for grade, count in by_grade.items():
        counts[grade if grade in counts else NOT_GRADED] += count
    top, bottom, gap = 18, 26, 14
    baseline = height - bottom
    slot = (width - gap) / len(buckets)
    tallest = max(counts.values()) or 1
    bars = []
    for i, label in enumerate(buckets):
        bar_height = (baseline - top) * counts[label] / tallest
        colour = STATE_COLOURS.get(label) or grade_colour(i, len(grades))
        bars.append(Bar(label, counts[label], gap + i * slot, baseline - bar_height, slot - gap, bar_height,
                        colour, None if label == NOT_GRADED else label))
    return GradeChart(width, height, baseline, bars, sum(counts.values()))


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


KNOCKED_OUT = "#b0bec5"  # bars of a knocked-out prospect: its points do not decide its grade


def indicator_points(indicators: list[dict[str, Any]], width: int = 640, left: int = 300,
                     row: int = 30, knocked_out: bool = False) -> IndicatorChart:
    """One bar per indicator: a track as long as its maximum, filled up to the points earned
    (greyed when a knock-out decides the grade whatever the points)."""
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
            KNOCKED_OUT if knocked_out else "#2e7d32" if share >= 0.75 else "#f9a825" if share >= 0.5 else "#c62828",
        ))
    return IndicatorChart(width, 16 + len(bars) * row, left, row, bars)


@dataclass(frozen=True)
class CrawlBar:
    label: str  # the crawl's day
    grade: str  # its grade, or unscored
    total: float | None
    x: float
    y: float
    width: float
    height: float
    colour: str


@dataclass(frozen=True)
class HistoryChart:
    width: int
    height: int
    baseline: float
    bars: list[CrawlBar]


def grade_history(crawls: list[dict[str, Any]], grades: tuple[str, ...], max_total: float,
                  width: int = 360, height: int = 120, last: int = 12) -> HistoryChart:
    """One bar per crawl (the last `last`), its height the total, its colour the grade; a crawl
    without a grade (the site failed) is a short grey bar."""
    shown = crawls[-last:]
    top, bottom, gap = 16, 22, 6
    baseline = height - bottom
    slot = (width - gap) / max(len(shown), 1)
    bars = []
    for i, crawl in enumerate(shown):
        total, grade = crawl.get("total"), crawl.get("grade")
        share = (total or 0) / max_total if max_total and total is not None else 0.04
        bar_height = max(share * (baseline - top), 3)
        colour = grade_colour(grades.index(grade), len(grades)) if grade in grades else STATE_COLOURS[UNSCORED]
        bars.append(CrawlBar(crawl["crawled_at"][:10], grade or UNSCORED, total, gap + i * slot, baseline - bar_height,
                             slot - gap, bar_height, colour))
    return HistoryChart(width, height, baseline, bars)
