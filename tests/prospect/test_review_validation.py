"""The shared review workflow checks the field name for every action before touching the store."""
from __future__ import annotations

import sqlite3

import pytest

from prospect_intel.app.store import Store
from prospect_intel.app.workflows import review_field, undo_review
from prospect_intel.core.errors import ProspectError, UnknownField

URL = "http://www.hengan-anfang.cn/"


@pytest.fixture
def store(tmp_path):
    opened = Store(tmp_path / "v.db")
    opened.add_prospects([(URL, None)])
    review_field(opened, URL, "headcount", "corrected", "25", source="phone", reviewer="li")
    yield opened
    opened.close()


def dump(store: Store) -> list[str]:
    conn = sqlite3.connect(store.path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.mark.parametrize("field", ["bogus_field", "../../x", "Headcount", " headcount", ""])
@pytest.mark.parametrize("action", ["confirmed", "corrected", "rejected", "added", "undo"])
def test_unknown_field_names_are_refused_and_nothing_is_stored(store, field, action):
    before = dump(store)
    with pytest.raises(UnknownField, match="unknown field .*; fields are: company_name, main_business"):
        if action == "undo":
            undo_review(store, URL, field)
        else:
            review_field(store, URL, field, action, "3", source="phone")
    assert dump(store) == before


def test_unknown_field_is_a_usage_error():
    assert issubclass(UnknownField, ProspectError) and UnknownField.exit_code == 2


def test_unknown_action_is_refused(store):
    before = dump(store)
    with pytest.raises(ProspectError, match="action must be one of"):
        review_field(store, URL, "headcount", "deleted", source="phone")
    assert dump(store) == before
