"""Typed view of the evidence contract, as far as rubric conditions need it.

`prospect_intel.core.models.EVIDENCE_FIELDS` describes each field in words; the condition language needs
to know each field's kind (to check a rubric's comparisons when it is loaded, to check evidence
values before scoring, and to enumerate the values a missing field could take). This table is
that knowledge; `tests/scoring/test_fields.py` checks it stays in step with the contract.
"""
from __future__ import annotations

from dataclasses import dataclass

TIERS = ("domestic_mid_networked", "foreign_high_end", "domestic_low_standalone")

KINDS = ("bool", "int", "number", "enum", "enum_list", "text", "text_list", "record_list")
LIST_KINDS = ("enum_list", "text_list", "record_list")
NUMERIC_KINDS = ("int", "number")


@dataclass(frozen=True)
class FieldType:
    """What values a field (or a rubric's derived value) holds."""

    kind: str
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    allow_range: bool = False  # int given as [min, max] (max None = "more than min")

    def describe(self) -> str:
        if self.choices:
            return f"{self.kind} of {', '.join(self.choices)}"
        return self.kind + (" or [min, max]" if self.allow_range else "")


FIELD_TYPES: dict[str, FieldType] = {
    "company_name": FieldType("text"),
    "main_business": FieldType("text"),
    "sells_access_control": FieldType("bool"),
    "access_control_is_main": FieldType("bool"),
    "founded_year": FieldType("int", minimum=1800),
    "years_in_access_control": FieldType("int", minimum=0),
    "headcount": FieldType("int", minimum=0, allow_range=True),
    "sales_staff": FieldType("int", minimum=0),
    "tech_staff": FieldType("int", minimum=0),
    "registered_capital_cny": FieldType("number", minimum=0),
    "business_model": FieldType("enum", ("manufacturer", "distributor", "integrator", "mixed")),
    "product_tiers": FieldType("enum_list", TIERS),
    "main_product_tier": FieldType("enum", TIERS),
    "brands": FieldType("text_list"),
    "reference_clients": FieldType("record_list"),
    "office_address": FieldType("text"),
    "office_type": FieldType(
        "enum", ("office_tower", "residential", "industrial_park", "factory", "shop_street", "unknown")
    ),
    "phone_numbers": FieldType("text_list"),
    "fax_numbers": FieldType("text_list"),
    "emails": FieldType("text_list"),
    "branches": FieldType("text_list"),
    "order_history": FieldType(
        "enum", ("regular_no_arrears", "regular_with_arrears", "small_with_arrears")
    ),
}
