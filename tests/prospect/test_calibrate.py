"""`prospect calibrate`: confidence levels re-fitted per field and method from judged values, on a
constructed history whose right levels are known; written to the data file the extractors read."""
from __future__ import annotations

import json

import pytest

from prospect_intel.app.calibrate import Observation, TooFewReviews, fit
from prospect_intel.core.errors import SettingError
from prospect_intel.core.models import Evidence
from prospect_intel.extractors import calibration
from tests.conftest import SITES, copy_store
from tests.support.cli import prospect, show


def _history(field: str, method: str, level: str, right: int, wrong: int) -> list[Observation]:
    return [Observation(field, method, level, True)] * right + [Observation(field, method, level, False)] * wrong


HISTORY = [
    *_history("founded_year", "en-since", "medium", 30, 0),     # always right: earns high
    *_history("headcount", "zh-total", "high", 36, 4),          # 90 %: medium, not the high it had
    *_history("phone_numbers", "# distinct number(s)", "high", 20, 5),  # 80 %: low
    *_history("brands", "brand list match", "medium", 4, 1),    # 5 judged: too few, keeps medium
    *_history("office_type", "address cue", "medium", 97, 3),   # 97 % exactly: high
    *_history("business_model", "cue scores", "medium", 96, 4),  # 96 %: medium
]


def test_each_method_earns_the_level_its_share_right_gives():
    found = fit(HISTORY, min_reviews=20)
    assert found.levels == {"founded_year": {"en-since": "high"}, "headcount": {"zh-total": "medium"},
                            "phone_numbers": {"# distinct number(s)": "low"}, "office_type": {"address cue": "high"},
                            "business_model": {"cue scores": "medium"}}
    assert found.shares["brands"] == {"brand list match": (4, 1 + 4)}


def test_before_and_after_show_high_becoming_what_it_says():
    found = fit(HISTORY, min_reviews=20)
    assert found.before == {"high": (56, 65), "medium": (227, 235)}
    assert found.after == {"high": (127, 130), "medium": (136, 145), "low": (20, 25)}
    right, judged = found.after["high"]
    assert right / judged >= 0.97


def test_high_is_earned_on_twenty_observations_at_least_whatever_the_minimum():
    """16 of 16 right is as likely at 90 % as at 97 %: the method keeps the extractors' own level,
    neither raised to high nor held there by the table; a share below high still sets its level."""
    history = [*_history("founded_year", "en-verb-year", "high", 16, 0),
               *_history("headcount", "sum of stated staff groups", "medium", 5, 0),
               *_history("phone_numbers", "# distinct number(s)", "high", 9, 1)]
    found = fit(history, min_reviews=5)
    assert found.levels == {"phone_numbers": {"# distinct number(s)": "medium"}}
    assert fit(_history("founded_year", "en-verb-year", "medium", 20, 0), min_reviews=5).levels == \
        {"founded_year": {"en-verb-year": "high"}}


def test_too_few_reviews_to_say_is_refused_with_the_reason():
    with pytest.raises(TooFewReviews, match="needs at least 20 .*brands / brand list match 5"):
        fit(_history("brands", "brand list match", "medium", 4, 1), min_reviews=20)


def _evidence(field: str, method: str, confidence: str, flags=()) -> Evidence:
    return Evidence(field, 1, confidence, "http://www.example.cn/", "…", method, tuple(flags))


def test_the_table_sets_the_levels_of_the_methods_it_names_only():
    table = {"headcount": {"zh-total": "medium"}, "founded_year": {"en-since": "high"},
             "business_model": {"cue scores manufacturer=#": "high"}}
    fields = {"headcount": _evidence("headcount", "zh-total", "high"),
              "founded_year": _evidence("founded_year", "en-since: since 1998", "medium", ["conflict"]),
              "business_model": _evidence("business_model", "cue scores manufacturer=3.0", "medium", ["implausible"]),
              "phone_numbers": _evidence("phone_numbers", "2 distinct number(s) from 1 page(s)", "high")}
    applied = calibration.apply(fields, table)
    assert applied["headcount"].confidence == "medium"
    assert applied["founded_year"].confidence == "medium"  # a conflict is never high
    assert applied["business_model"].confidence == "medium"  # nor a value a cross-check doubts
    assert applied["phone_numbers"] is fields["phone_numbers"]


def test_a_broken_calibration_file_is_a_clear_error(tmp_path, monkeypatch):
    broken = tmp_path / "calibration.json"
    broken.write_text('{"levels": {"headcount": {"zh-total": "certain"}}}')
    monkeypatch.setenv(calibration.ENV, str(broken))
    with pytest.raises(SettingError, match="cannot read the calibration file"):
        calibration.current()


def test_calibrated_from_a_corpus_the_extractors_use_the_file(sites_db, tmp_path):
    db, table = copy_store(sites_db, tmp_path / "cal.db"), tmp_path / "calibration.json"
    url = "http://www.hengan-anfang.cn/"
    assert show(db, url)["evidence"]["reference_clients"]["confidence"] == "medium"
    refused = prospect(db, "calibrate", check=False)
    assert refused.returncode == 2 and "too few reviews to calibrate" in refused.stderr
    out = prospect(db, "calibrate", "--corpus", str(SITES), "--min-reviews", "3", "--to", str(table)).stdout
    assert "before:" in out and "after:" in out
    fitted = json.loads(table.read_text("utf-8"))["levels"]["reference_clients"]
    assert fitted == {"# client(s)": "low"}  # the fixture sites' client lists are often wrong
    prospect(db, "extract", env={calibration.ENV: str(table)})
    assert show(db, url)["evidence"]["reference_clients"]["confidence"] == "low"
