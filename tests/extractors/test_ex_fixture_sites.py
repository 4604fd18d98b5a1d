"""End to end over the saved fixture sites (tests/fixtures/sites/<name>/ with labels.json).

Every site: extraction never crashes, every contract field is found or its absence explained,
every evidence points at a kept page. Together: the metrics stay above `fixture_floors` in
eval_baseline.json (the sites are built by hand to exercise the extractors; a site added later
that breaks a floor is a finding, not noise).
"""
import datetime as dt
import json
from pathlib import Path

import pytest

from prospect_intel.core.models import CONFIDENCES
from prospect_intel.evaluation.harness import aggregate, compare, format_report, load_fixture_sites
from prospect_intel.extractors import extract_site
from prospect_intel.extractors.names import name_key
from prospect_intel.extractors.site import SITE_FIELDS

HERE = Path(__file__).parent
SITES = HERE.parent / "fixtures" / "sites"
BASELINE = json.loads((HERE / "eval_baseline.json").read_text())
DAY = dt.date.fromisoformat(BASELINE["crawled_at"])


def _sites():
    return load_fixture_sites(SITES) if SITES.is_dir() else []


@pytest.fixture(scope="module")
def extracted():
    sites = _sites()
    if not sites:
        pytest.skip(f"no labelled fixture sites under {SITES}")
    return [(site, extract_site(site.pages, crawled_at=DAY)) for site in sites]


def test_every_site_is_complete_and_traceable(extracted):
    for site, result in extracted:
        urls = {p.url for p in site.pages}
        assert set(result.fields) | set(result.absence) == set(SITE_FIELDS), site.slug
        for name, item in result.fields.items():
            assert item.confidence in CONFIDENCES
            assert item.source_url in urls, (site.slug, name, item.source_url)
        assert "extraction_failed" not in result.absence.values(), (site.slug, result.notes)


def test_fixture_metrics_stay_above_floors(extracted):
    report = aggregate([(site.slug, compare(site.label, result.fields))
                        for site, result in extracted])
    metrics = report.metrics()
    below = {name: (metrics.get(name), floor)
             for name, floor in BASELINE["fixture_floors"].items()
             if metrics.get(name) is None or metrics[name] < floor}
    assert not below, f"below floor (value, floor): {below}\n" + format_report(report)


def test_company_name_matches_the_label(extracted):
    """Names as printed: markup shown as text inside a name (the hostile site) is kept whole."""
    for site, result in extracted:
        if site.label.get("company_name"):
            found = result.fields["company_name"]
            assert name_key(found.value) == name_key(site.label["company_name"]), site.slug
