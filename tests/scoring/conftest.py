"""Shared fixtures for the scoring tests: evidence built from short specs, and the rubrics.

An evidence spec maps a field to its value (high confidence), or to a tuple
`(value, confidence)` / `(value, confidence, flags)`.
"""
from __future__ import annotations

import datetime as dt

import pytest

from prospect_intel.core.models import Evidence
from prospect_intel.scoring.rubric import bundled_rubric
from prospect_intel.scoring.scorer import score

AS_OF = dt.date(2026, 11, 23)

# A distributor of mid-range networked access control that everything settles: 4+4+4+4+4 = 20.
SETTLED_A = {
    "sells_access_control": True,
    "access_control_is_main": True,
    "main_product_tier": "domestic_mid_networked",
    "product_tiers": ["domestic_mid_networked"],
    "business_model": "distributor",
    "headcount": 25,
    "sales_staff": (5, "high", ("reviewed",)),
    "tech_staff": (6, "high", ("reviewed",)),
    "order_history": ("regular_no_arrears", "high", ("reviewed",)),
    "years_in_access_control": 8,
}


def make_evidence(spec: dict) -> dict[str, Evidence]:
    out = {}
    for field, item in spec.items():
        if not isinstance(item, tuple):
            item = (item, "high", ())
        value, confidence, flags = item if len(item) == 3 else (*item, ())
        out[field] = Evidence(field, value, confidence, f"http://www.example.cn/{field}.html",
                              snippet=str(value), method="test", flags=tuple(flags))
    return out


@pytest.fixture
def with_base(scored):
    """with_base(overrides, base=SETTLED_A) scores base + overrides; None deletes a field."""

    def run(overrides: dict, base: dict | None = None, **kwargs):
        spec = {**(SETTLED_A if base is None else base), **overrides}
        return scored({k: v for k, v in spec.items() if v is not None}, **kwargs)

    return run


@pytest.fixture(scope="session")
def default_rubric():
    return bundled_rubric()


@pytest.fixture(scope="session")
def cctv_rubric():
    return bundled_rubric("cctv-installer-en")


@pytest.fixture
def scored(default_rubric):
    """scored(spec, rubric=None, as_of=AS_OF) -> Score"""

    def run(spec: dict, rubric=None, as_of: dt.date = AS_OF):
        return score(make_evidence(spec), rubric or default_rubric, as_of=as_of)

    return run
