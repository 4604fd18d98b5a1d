"""The bundled confidence calibration (`extractors/calibration.json`, fitted on the labelled
corpus's tuning split by `tools/fit_bundled_calibration.py`): it reads, it names only the
contract's fields and real levels, it is what the extractors use when no other file is named, and
on `../shared/realsites` (sites it was not fitted on) its levels mean what they say."""
import datetime as dt
import json
from pathlib import Path

import pytest
from extractor_helpers import page, site

from prospect_intel.core.fields import FIELDS
from prospect_intel.core.models import Evidence
from prospect_intel.evaluation.harness import evaluate
from prospect_intel.evaluation.sidebyside import together
from prospect_intel.extractors import calibration

HERE = Path(__file__).parent
REALSITES = HERE.parents[2] / "shared" / "realsites"
BASELINE = json.loads((HERE / "eval_baseline.json").read_text())


@pytest.fixture
def bundled(monkeypatch):
    monkeypatch.delenv(calibration.ENV)  # the suite runs uncalibrated (tests/conftest.py)
    return calibration.current()


def test_the_bundled_file_names_contract_fields_and_levels_only(bundled):
    assert bundled, "the bundled calibration is empty"
    assert set(bundled) <= {f.name for f in FIELDS}
    assert {level for methods in bundled.values() for level in methods.values()} <= set(calibration.LEVELS)
    data = json.loads(calibration.BUNDLED.read_text(encoding="utf-8"))
    assert data["min_reviews"] >= 5 and data["observations"] >= 200


def test_the_extractors_take_the_bundled_level_of_a_method_when_no_other_file_is_named(bundled):
    for wanted in ("low", "high"):
        name, key = next((name, key) for name, methods in bundled.items() for key, level in methods.items()
                         if level == wanted and "#" in key)
        method = key.replace("#", "3")
        assert calibration.method_key(method) == key
        own = "medium"
        item = Evidence(name, True, own, "http://example.test/", "snippet", method)
        assert calibration.apply({name: item}, calibration.current())[name].confidence == wanted


def test_on_sites_it_was_not_fitted_on_high_and_medium_mean_what_they_say(bundled):
    if not (REALSITES / "README.md").exists():
        pytest.skip(f"no labelled real sites at {REALSITES}")
    report = evaluate(REALSITES, crawled_at=dt.date.fromisoformat(BASELINE["crawled_at"]))
    levels = together(report).levels
    high_judged, high_right = levels["high"]
    medium_judged, medium_right = levels["medium"]
    assert high_right / high_judged >= 0.97, levels
    assert medium_right / medium_judged >= 0.85, levels


@pytest.mark.parametrize("body, title", [
    # the predecessor's founding, and another company's: the rule's doubt is a method of its own,
    # which the bundled table must not raise to the level plain foundings keep (high: their own, or
    # the table's)
    ("<p>公司前身是第六工程分公司钢结构事业部，创建于1956年，是以钢结构制作安装为主要业务的施工单位。</p>",
     "中交二航局结构工程有限公司"),
    ("<p>山东济南鲁明新能源有限公司成立于2003年，位于济南。</p>", "陕西鲁明热力设备工程有限公司"),
])
def test_a_founding_the_rules_doubt_stays_low_under_the_bundled_table(bundled, body, title):
    assert bundled["founded_year"].get("zh-verb-year", "high") == "high"
    result = site(page(body, "about", title=title), page("<p>x</p>", "home", title=title))
    assert result.fields["founded_year"].confidence == "low"
