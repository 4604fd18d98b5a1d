"""The corpus's committed labels and provenance: of LABELLING.md's shape, each label with its
recorded pages, and every site in the split where the rule draws it. (The pages themselves are
restored from the public snapshots, so CI checks what the repository holds.)"""
from __future__ import annotations

import json

import pytest

from prospect_intel.evaluation.corpus import SPLIT_FILE, drawn_split, load_manifests
from prospect_intel.evaluation.labelcheck import KEYS, shape_problems
from tests.conftest import CORPUS


def _labels() -> list[dict]:
    return [label for path in sorted(CORPUS.glob("*/labels.json"))
            for label in json.loads(path.read_text("utf-8"))]


def _entries() -> dict[str, dict]:
    return {entry["slug"]: entry for _, entry in load_manifests(CORPUS)}


def test_every_label_is_of_labellings_shape():
    assert {label["slug"]: shape_problems(label) for label in _labels() if shape_problems(label)} == {}


def test_every_label_has_its_pages_recorded_with_their_blobs():
    entries = _entries()
    for label in _labels():
        entry = entries[label["slug"]]
        assert entry["pages"] and set(entry["blobs"]) == set(entry["pages"]), label["slug"]
        assert set(label["pages"].values()) <= set(entry["pages"]), label["slug"]
        assert entry["language"] == label["language"] and len(entry["commit"]) == 40


def test_slugs_are_unique_across_groups():
    slugs = [label["slug"] for label in _labels()]
    assert len(slugs) == len(set(slugs))


def test_the_split_file_lists_every_labelled_site_where_the_rule_draws_it():
    recorded = json.loads(SPLIT_FILE.read_text("utf-8"))
    listed = {slug: split for split in ("locked", "tuning") for slug in recorded[split]}
    labelled = {label["slug"] for label in _labels()}
    assert set(listed) | set(recorded["moved"]) == labelled  # a moved site is listed under `moved` only
    assert all(drawn_split(slug) == split for slug, split in listed.items() if slug not in recorded["moved"])


FULL = {key: None for key in KEYS} | {"slug": "s", "language": "zh", "phone_numbers": [], "fax_numbers": [],
                                      "product_brands": [], "product_tiers": [], "reference_clients": [],
                                      "branches": [], "pages": {"home": "index.html"}}


@pytest.mark.parametrize("change, problem", [
    ({}, None),
    ({"office_type": "tower"}, "office_type 'tower' is none of"),
    ({"business_model": "reseller"}, "business_model 'reseller' is none of"),
    ({"headcount": "100多人"}, "headcount '100多人' is not a number or [min, max]"),
    ({"headcount": [100, None]}, None),
    ({"headcount": [None, None]}, "headcount [None, None] is not"),
    ({"registered_capital_cny": "500万"}, "registered_capital_cny '500万' is not a positive whole number"),
    ({"founded_year": 2009.0}, "founded_year 2009.0 is not a positive whole number"),
    ({"phone_numbers": "0571-85369138"}, "phone_numbers is not a list of text"),
    ({"phone_numbers": [85369138]}, "phone_numbers is not a list of text"),
    ({"product_tiers": ["high_end"]}, "product_tiers 'high_end' is not a tier"),
    ({"sells_access_control": "yes"}, "sells_access_control is not true, false or null"),
    ({"pages": {"team": "team.html"}}, "pages role 'team' unknown"),
    ({"comment": "x"}, "key comment unknown"),
])
def test_shape_rules(change, problem):
    found = shape_problems(FULL | change)
    assert (found == []) if problem is None else any(line.startswith(problem) for line in found), found


def test_a_missing_key_is_named():
    assert shape_problems({k: v for k, v in FULL.items() if k != "branches"}) == ["key branches missing"]
