"""Snippet highlighting, value display and chart geometry (pure functions)."""
from __future__ import annotations

from prospect_intel.app.web.charts import grade_distribution, indicator_points
from prospect_intel.app.web.highlight import snippet_segments
from prospect_intel.app.web.present import display, web_url


def marked(segments) -> list[str]:
    return [text for text, hit in segments if hit]


def test_highlight_finds_the_value_and_its_wan_form():
    snippet = "成立于2008年，注册资金1000万元，现有员工86人"
    assert marked(snippet_segments(snippet, "founded_year", 2008)) == ["2008"]
    assert marked(snippet_segments(snippet, "registered_capital_cny", 10_000_000)) == ["1000万"]
    assert marked(snippet_segments(snippet, "headcount", 86)) == ["86"]
    assert marked(snippet_segments("电话 1806 室 86", "headcount", 8)) == []  # whole numbers only


def test_highlight_uses_terms_quoted_in_the_method_and_keeps_text_whole():
    snippet = "专业门禁一卡通系统供应商<script>"
    segments = snippet_segments(snippet, "product_tiers", ["domestic_mid_networked"], "term '门禁一卡通'")
    assert marked(segments) == ["门禁一卡通"]
    assert "".join(text for text, _ in segments) == snippet


def test_display_and_links():
    assert display([10, 19]) == "10–19"
    assert display(5_000_000) == "5,000,000"
    assert display([{"name": "中国银行", "sector": "bank", "notable": True}, {"name": "x"}]) == "中国银行; x"
    assert web_url("javascript:alert(1)") is None and web_url("data:text/html,x") is None
    assert web_url("http://www.example.cn/a?b") == "http://www.example.cn/a?b"


def test_chart_geometry():
    chart = grade_distribution({"A": 2, "C": 1, "unscored": 1, None: 1}, ("A", "B", "C"))
    assert [bar.count for bar in chart.bars] == [2, 0, 1, 1, 1]
    bars = indicator_points(
        [{"label": "a", "points": 3, "max_points": 6}, {"label": "b", "points": 4, "max_points": 4}]
    )
    assert bars.bars[0].track > bars.bars[1].track and bars.bars[0].filled == bars.bars[0].track / 2


def test_grade_chart_has_a_bar_per_grade_of_the_rubric():
    chart = grade_distribution({"D": 2, "A": 1, "X": 1, "unscored": 1}, ("A", "B", "C", "D"))
    assert [(bar.label, bar.count) for bar in chart.bars] == [
        ("A", 1), ("B", 0), ("C", 0), ("D", 2), ("unscored", 1), ("not graded", 1)]
    assert [bar.href_grade for bar in chart.bars] == ["A", "B", "C", "D", "unscored", None]
    colours = [bar.colour for bar in chart.bars[:4]]
    assert len(set(colours)) == 4 and colours[0] == "#2e7d32" and colours[-1] == "#c62828"


def test_a_knocked_out_prospects_bars_are_greyed():
    from prospect_intel.app.web.charts import KNOCKED_OUT

    indicators = [{"label": "a", "points": 4, "max_points": 4}, {"label": "b", "points": 1, "max_points": 4}]
    assert all(bar.colour == KNOCKED_OUT for bar in indicator_points(indicators, knocked_out=True).bars)
    assert not any(bar.colour == KNOCKED_OUT for bar in indicator_points(indicators).bars)


def test_an_unscored_prospect_shows_no_grade_range():
    from prospect_intel.app.web.present import grade_range_text

    assert grade_range_text({"unscored": "crawl failed", "grade": None, "grade_range": ["A", "C"]}) == ""
    assert grade_range_text({"grade": "B", "grade_range": ["B", "A"]}) == "B–A"
