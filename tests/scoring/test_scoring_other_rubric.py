"""The second bundled rubric (CCTV installers) loads and scores on the same machinery, and
every bundled rubric and the JSON output follow the contract."""
from __future__ import annotations

import json

import pytest

from prospect_intel.core.fields import FIELD_TYPES
from prospect_intel.core.models import EVIDENCE_FIELDS
from prospect_intel.scoring.rubric import bundled_rubric, bundled_rubrics

INSTALLER = {
    "business_model": "integrator",
    "headcount": 20,
    "tech_staff": (6, "high", ("reviewed",)),
    "founded_year": 2015,
    "reference_clients": [{"name": "Mall", "sector": "real_estate", "notable": False}] * 3,
    "office_type": "industrial_park",
    "phone_numbers": ["+1 313 555 0100", "+1 313 555 0101"],
}


def test_loads_with_its_own_grades(cctv_rubric):
    assert (cctv_rubric.name, cctv_rubric.version) == ("cctv-installer-en", "0.2.0")
    assert [g.grade for g in cctv_rubric.grades] == ["A", "B", "C", "D"]
    assert cctv_rubric.options.missing_points == "zero"


FEW_INSTALLERS = {"tech_staff": (2, "high", ("reviewed",))}
WEAK = {"business_model": "distributor", "headcount": 4, "reference_clients": [],
        "office_type": "residential", "phone_numbers": ["1"]}


# Thresholds A >= 13, B >= 9, C >= 5, D below: each boundary from both sides.
@pytest.mark.parametrize("overrides, total, grade", [
    ({}, 16, "A"),
    ({**FEW_INSTALLERS, "phone_numbers": ["1"]}, 13, "A"),
    ({**FEW_INSTALLERS, "reference_clients": []}, 12, "B"),
    ({**FEW_INSTALLERS, "business_model": "distributor", "reference_clients": []}, 9, "B"),
    ({**FEW_INSTALLERS, "business_model": "distributor", "reference_clients": [],
      "phone_numbers": ["1"]}, 8, "C"),
    (WEAK, 5, "C"),
    ({**WEAK, "founded_year": 2024, "phone_numbers": ["1", "2"]}, 4, "D"),
], ids=["16-A", "13-A", "12-B", "9-B", "8-C", "5-C", "4-D"])
def test_scores(scored, cctv_rubric, overrides, total, grade):
    result = scored({**INSTALLER, **overrides}, rubric=cctv_rubric)
    assert (result.total, result.grade) == (total, grade)
    assert result.rubric == "cctv-installer-en"


def test_knockout_to_d(scored, cctv_rubric):
    result = scored({**INSTALLER, "business_model": "manufacturer"}, rubric=cctv_rubric)
    assert result.grade == "D"
    assert result.knockout.name == "manufacturer"


def test_missing_indicator_scores_zero(scored, cctv_rubric):
    result = scored({"business_model": "integrator"}, rubric=cctv_rubric)
    assert [i.points for i in result.indicators] == [4, 0, 0, 0]
    assert (result.total, result.grade, result.grade_range) == (4, "D", ("D", "A"))


def test_stale_counts_as_low_in_this_rubric(scored, cctv_rubric):
    result = scored({**INSTALLER, "founded_year": (2015, "high", ("stale",))}, rubric=cctv_rubric)
    assert result.indicator("track_record").confidence == "low"


def test_residential_flag(scored, cctv_rubric):
    result = scored({**INSTALLER, "office_type": "residential"}, rubric=cctv_rubric)
    assert result.flags == ("home_office",)
    assert not result.manufacturer
    assert result.to_verify[0].startswith("works from a residential address")
    # the rubric has no Chinese for this flag: the Chinese sentences keep its English words
    assert result.to_verify_zh[0] == result.to_verify[0].replace("; ", "；")


def test_field_types_cover_the_contract():
    assert list(FIELD_TYPES) == list(EVIDENCE_FIELDS)
    for name, description in EVIDENCE_FIELDS.items():
        if " | " in description:
            assert FIELD_TYPES[name].choices == tuple(description.split(" | ")), name


@pytest.mark.parametrize("name", sorted(bundled_rubrics()))
def test_every_bundled_rubric_scores_json(scored, name):
    rubric = bundled_rubric(name)
    result = scored({**INSTALLER, "sells_access_control": True, "access_control_is_main": True,
                     "headcount": [10, None], "main_product_tier": "foreign_high_end"}, rubric=rubric)
    data = json.loads(json.dumps(result.to_json(), ensure_ascii=False))
    for key in ("rubric", "total", "grade", "grade_range", "knockout", "indicators", "to_verify"):
        assert key in data
    assert data["rubric"] == rubric.name and data["rubric_version"] == rubric.version
    assert len(data["grade_range"]) == 2
    for indicator in data["indicators"]:
        assert {"name", "points", "condition", "confidence", "evidence"} <= set(indicator)
        assert all(isinstance(field, str) for field in indicator["evidence"])
        assert [e["field"] for e in indicator["evidence_used"]] == indicator["evidence"]


def test_public_api_from_the_package():
    import prospect_intel.scoring as scoring
    from prospect_intel.scoring.scorer import score

    assert scoring.score is score
    assert scoring.bundled_rubric().name == scoring.DEFAULT_RUBRIC
    assert set(scoring.bundled_rubrics()) == {"access-control-channel", "cctv-installer-en"}
    assert issubclass(scoring.RubricError, Exception)
