"""The field registry: every evidence field declared once, and everything that derives from it."""
from __future__ import annotations

import re

import pytest

from prospect_intel.app.field_values import CHOICES, PHONE_FIELDS
from prospect_intel.app.review_view import REP_FACTS
from prospect_intel.app.web.present import CHOICES as WEB_CHOICES
from prospect_intel.core.fields import BY_NAME, CHOICE_LABELS, FIELD_TYPES, FIELDS, Field
from prospect_intel.core.models import EVIDENCE_FIELDS, ROLES
from prospect_intel.evaluation.report import LISTS, SCALARS
from prospect_intel.extractors.site import DERIVED_FIELDS, EXTRACTORS, FIELD_ROLES

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_names_are_unique_and_in_the_contracts_order():
    names = [f.name for f in FIELDS]
    assert len(set(names)) == len(names)
    assert list(EVIDENCE_FIELDS) == names == list(FIELD_TYPES) == list(BY_NAME)


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f.name)
def test_each_field_is_complete(field: Field):
    assert field.label_en and CJK.search(field.label_zh), "labels in English and Chinese"
    assert field.roles and set(field.roles) <= set(ROLES), "page roles it is read from"
    for choice in field.choices:
        assert choice in CHOICE_LABELS and all(CHOICE_LABELS[choice]), f"{choice} needs its labels"
    if field.kind in ("int", "number"):
        assert field.bounds is not None, "what a rep may type is bounded"


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f.name)
def test_each_field_is_extracted_or_left_to_the_rep(field: Field):
    extracted = {name for _, names in EXTRACTORS for name in names} | set(DERIVED_FIELDS)
    assert field.name in extracted or field.rep_only or field.registry


def test_registry_rejects_an_incomplete_field():
    with pytest.raises(ValueError, match="kind"):
        Field("x", "float", "float", "X", "某", ("about",))
    with pytest.raises(ValueError, match="choices"):
        Field("x", "enum", "enum", "X", "某", ("about",))


def test_derived_tables_follow_the_registry():
    assert FIELD_ROLES == {f.name: f.roles for f in FIELDS}
    assert REP_FACTS == ("sales_staff", "tech_staff", "order_history")
    assert PHONE_FIELDS == ("phone_numbers", "fax_numbers")
    assert CHOICES["office_type"] == BY_NAME["office_type"].choices
    assert WEB_CHOICES["product_tiers"] == BY_NAME["product_tiers"].choices
    assert WEB_CHOICES["sells_access_control"] == ("yes", "no")
    labelled = {f.name for f in FIELDS if f.label_key}
    assert set(SCALARS.values()) | set(LISTS.values()) == labelled
    assert LISTS["product_brands"] == "brands"
