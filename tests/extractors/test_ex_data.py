"""The keyword tables: load, carry a version, and hold consistent entries."""
import pytest

from prospect_intel.extractors.common import load
from prospect_intel.extractors.keywords import TABLES
from prospect_intel.extractors.products import TIERS, brands

FILES = sorted(name for name, table in TABLES.items() if hasattr(table.module, "TABLE"))


@pytest.mark.parametrize("name", FILES)
def test_data_file_loads_with_version(name):
    assert isinstance(load(name)["version"], int)


def test_brands_are_unique_and_tiered():
    entries = load("brands")["brand"]
    names = [e["name"].lower() for e in entries]
    assert len(names) == len(set(names))
    for entry in entries:
        assert entry["origin"] in ("domestic", "foreign")
        assert entry.get("tier", "") in ("", *TIERS)


def test_brand_patterns_compile():
    assert len(brands()) == len(load("brands")["brand"])


def test_office_type_and_sector_tables():
    types = load("contact")["office_type"]
    assert {"industrial_park", "office_tower", "residential", "factory", "shop_street"} <= set(types)
    sectors = [s["name"] for s in load("clients")["sector"]]
    assert sectors == ["government", "bank", "hospital", "school", "real_estate", "enterprise"]


def test_business_tables_have_both_languages():
    table = load("business")
    for model in ("manufacturer", "distributor", "integrator"):
        assert table["model"][model]["zh"] and table["model"][model]["en"]
    assert set(table["tiers"]) == set(TIERS)


def test_phone_trap_labels_do_not_overlap_phone_labels():
    labels = load("phones")["labels"]
    assert not set(labels["trap"]) & set(labels["phone"])
    assert all(t == t.lower() and t.strip() for t in labels["trap"])
