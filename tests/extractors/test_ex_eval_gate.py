"""Evaluation gate: the offline evaluation over ../shared/realsites must not drop below floors.

Floors live in eval_baseline.json next to this file (trafilatura's eval_baseline.json style).
Skipped cleanly when the realsites folder is not present.
"""
import datetime as dt
import json
from pathlib import Path

import pytest

from extractors.evaluation import evaluate, format_report

HERE = Path(__file__).parent
REALSITES = HERE.parents[2] / "shared" / "realsites"
BASELINE = json.loads((HERE / "eval_baseline.json").read_text())


@pytest.fixture(scope="module")
def report():
    if not (REALSITES / "README.md").exists():
        pytest.skip(f"no labelled real sites at {REALSITES}")
    return evaluate(REALSITES, crawled_at=dt.date.fromisoformat(BASELINE["crawled_at"]))


def test_metrics_stay_above_floors(report):
    metrics = report.metrics()
    below = {name: (metrics.get(name), floor) for name, floor in BASELINE["floors"].items()
             if metrics.get(name) is None or metrics[name] < floor}
    assert not below, f"metrics below floor (value, floor): {below}\n" + format_report(report)


def test_high_confidence_is_calibrated(report):
    assert report.high_precision() is not None and report.high_precision() >= 0.97
