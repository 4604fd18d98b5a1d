"""The extractors' keyword pre-checks (issue 6) find exactly what the full patterns find."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.extraction import mock_sites, real_sites
from extractors import business, capital, crosscheck, dates, mainline, phones, products, site, size
from extractors.document import parse_page
from extractors.terms import Gated

REALSITES = Path(__file__).resolve().parents[3] / "shared" / "realsites"


def _texts() -> list[str]:
    sites = mock_sites(6, pages_per_site=12)
    if REALSITES.is_dir():
        sites += real_sites(REALSITES)
    texts = [parse_page(doc).folded for docs in sites for doc in docs]
    return texts + ["ſtaff of 20 employees", "İnstallation of access control", "", "员工200余人"]


def _patterns():
    found = [business._excluded(), *products._tier_patterns().values(), mainline._lead_ins(),
             mainline._other_lines()]
    for section, key in (("access_control", ""), ("model", "manufacturer"), ("model", "distributor"),
                         ("model", "integrator")):
        found.append(business._patterns(section, key))
    found.append(business._patterns("model", "distributor", True))
    found += [size._ZH_RANGE, size._ZH_TOTAL, size._ZH_SIZE_AFTER, size._EN_TOTAL, size._EN_TEAM,
              size._EN_EMPLOYS, dates._EN_AGE, dates._ZH_AC_START, dates._EN_AC_START,
              size._ZH_TEAM, size._EN_SIZE, size._EN_STRONG, size._EN_RANGE_NOUN,
              *dates._ZH_AC_YEARS, *dates._EN_AC_YEARS, crosscheck._own_factory(), capital._CAPITAL,
              capital._EN_CAPITAL, site._COPYRIGHT, phones._COUNTRY_CODE]
    return found


@pytest.mark.parametrize("pattern", _patterns(), ids=lambda p: type(p).__name__ + ":" + p.pattern.pattern[:30]
                         if isinstance(p, Gated) else type(p).__name__ + ":" + p.pattern[:30])
def test_same_matches_as_the_full_pattern(pattern):
    full: re.Pattern[str] = pattern.pattern if isinstance(pattern, Gated) else pattern.full
    for text in _texts():
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in full.finditer(text)]


def test_brand_hits_unchanged_by_the_substring_check(monkeypatch):
    pages = [parse_page(doc) for docs in mock_sites(4, pages_per_site=10) for doc in docs]
    fast = [[(b.name, m.span()) for b, m in products.brand_hits(p, "") ] for p in pages]
    monkeypatch.setattr(products, "lowered", lambda text: None)  # forces the regex on every brand
    slow = [[(b.name, m.span()) for b, m in products.brand_hits(p, "")] for p in pages]
    assert fast == slow and any(fast)
