"""The extractors' keyword tables: one data module per concept, listed here.

`TABLES` maps a table's name to its module, the concept it holds and its languages. The tables
that were data files (`brands`, `business`, `clients`, `contact`, `phones`) also expose `TABLE`,
the dict `extractors.common.load(name)` returns.
"""
from __future__ import annotations

from prospect_intel.core.keywords import KeywordTable, registry

from . import (
    brands,
    business,
    capital,
    clients,
    company_names,
    contact,
    copyright,
    experience,
    founding,
    headcount,
    phones,
    vitality,
)

TABLES = registry(
    KeywordTable("brands", brands, "brands a prospect may carry, with origin and tier", ("zh", "en")),
    KeywordTable("business", business, "access-control vocabulary and business-model cues", ("zh", "en")),
    KeywordTable("capital", capital, "registered-capital labels", ("en",)),
    KeywordTable("company_names", company_names, "how a Chinese company name ends", ("zh",)),
    KeywordTable("clients", clients, "reference-client sectors, notable clients, generic words", ("zh", "en")),
    KeywordTable("contact", contact, "address labels and office-type cues", ("zh", "en")),
    KeywordTable("copyright", copyright, "what a copyright line starts with", ("zh", "en")),
    KeywordTable("experience", experience, "words tying years to the access-control line", ("zh", "en")),
    KeywordTable("founding", founding, "founding and company-age phrasing", ("zh", "en")),
    KeywordTable("headcount", headcount, "headcount and staff-split phrasing", ("zh", "en")),
    KeywordTable("phones", phones, "labels that say what a number is", ("zh", "en")),
    KeywordTable("vitality", vitality, "hiring-section labels and month names (signs of life)", ("zh", "en")),
)
