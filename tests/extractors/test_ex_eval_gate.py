"""Evaluation gate: the evaluations over ../shared/realsites must not drop below floors.

Floors live in eval_baseline.json next to this file (trafilatura's eval_baseline.json style):
`floors` for the offline evaluation (the saved pages handed to the extractors), `crawl_floors`
for the crawl path (the sites served over loopback and crawled by the real spider, as
`prospect eval` does; about 10 s). Both apply the project's label corrections. Skipped cleanly
when the realsites folder is not present.
"""
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from prospect_intel.evaluation.harness import evaluate, format_report

HERE = Path(__file__).parent
REALSITES = HERE.parents[2] / "shared" / "realsites"
BASELINE = json.loads((HERE / "eval_baseline.json").read_text())


def _below(metrics: dict, floors: dict) -> dict:
    return {name: (metrics.get(name), floor) for name, floor in floors.items()
            if metrics.get(name) is None or metrics[name] < floor}


@pytest.fixture(scope="module")
def report():
    if not (REALSITES / "README.md").exists():
        pytest.skip(f"no labelled real sites at {REALSITES}")
    return evaluate(REALSITES, crawled_at=dt.date.fromisoformat(BASELINE["crawled_at"]))


def test_metrics_stay_above_floors(report):
    below = _below(report.metrics(), BASELINE["floors"])
    assert not below, f"metrics below floor (value, floor): {below}\n" + format_report(report)


def test_high_confidence_is_calibrated(report):
    assert report.high_precision() is not None and report.high_precision() >= 0.97


def test_label_corrections_are_applied(report):
    assert any(note.startswith("3 label corrections applied") for note in report.notes)


# The crawl runs in a child process: a Scrapy crawl needs a fresh Twisted reactor.
_CRAWL = """
import json, sys
from pathlib import Path
from prospect_intel.evaluation.harness import format_report
from prospect_intel.app.crawl_eval import evaluate, format_grades, format_recall
result = evaluate(Path(sys.argv[1]))
metrics = result.extraction.metrics()
labelled = sum(t.labelled for t in result.tallies.values())
metrics["key_pages.recall"] = sum(t.kept for t in result.tallies.values()) / max(labelled, 1)
print(json.dumps({"metrics": metrics, "grades": result.grades, "table": format_grades(result),
                  "text": format_recall(result) + "\\n" + format_report(result.extraction)}))
"""


@pytest.fixture(scope="module")
def crawled():
    if not (REALSITES / "README.md").exists():
        pytest.skip(f"no labelled real sites at {REALSITES}")
    done = subprocess.run([sys.executable, "-c", _CRAWL, str(REALSITES)], capture_output=True,
                          text=True, timeout=300, cwd=HERE.parents[1])
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_crawl_path_stays_above_floors(crawled):
    below = _below(crawled["metrics"], BASELINE["crawl_floors"])
    assert not below, f"crawl metrics below floor (value, floor): {below}\n" + crawled["text"]


def test_every_crawled_site_is_graded_or_says_why_not(crawled):
    """The grades table of `prospect eval`: a grade and range from the default rubric (or the
    reason there is none) for every labelled site, and the count of sites with fields to review."""
    assert len(crawled["grades"]) >= 20
    for slug, score in crawled["grades"].items():
        assert score["grade"] in ("A", "B", "C") or score["unscored"], (slug, score)
        if score["grade"]:
            order = "ABC"
            assert order.index(score["grade_high"]) <= order.index(score["grade"]) <= order.index(score["grade_low"])
        assert slug in crawled["table"]
    assert "site(s) have fields to review" in crawled["table"]
