"""Where the extractors' keyword patterns are: declared here once, walked by `prepare()` and by
the tests.

Patterns compiled at import are attributes of the extractor modules (found by walking them);
the tables and patterns built on first use are listed in `BUILT_LATER` with every argument tuple
the extractors call them with. A builder left out of this list (or a new one) fails the
registry test, which scans every module of core, crawler and extractors.
"""
from __future__ import annotations

import sys

from prospect_intel.core import patternwalk
from prospect_intel.core.patternwalk import Builder, Pattern

from . import business, contact, crosscheck, mainline, names, phones, products, profile
from .common import alternation

BUILT_LATER: tuple[Builder, ...] = (
    (business._excluded, ((),)),
    (business._own_product_terms, ((),)),
    (mainline.ac_terms, ((),)),
    (mainline._lead_ins, ((),)),
    (mainline._other_lines, ((),)),
    (products._tier_patterns, ((),)),
    (products._en_tier_patterns, ((True,), (False,))),
    (business._patterns, (*(("model", model) for model in business.MODELS), ("model", "distributor", True),
                          ("access_control", ""))),
    (contact._labels, ((),)),
    (contact._heading_then_street_pattern, ((),)),
    (contact._heading_needles, ((),)),
    (contact._english_cues, ((),)),
    (crosscheck._own_factory, ((),)),
    (profile._lead_in, ((),)),
    (phones._other_digit_needles, ((),)),
    (phones._country_names, ((),)),
    (phones._country_pattern, ((),)),
    (products.brands, ((),)),
    (products._brand_needles, ((),)),
    (names._generic, ((),)),
    (names._known, ((),)),
    (names._category_heads, ((),)),
    (alternation, tuple(("phones", "labels", kind) for kind in ("phone", "fax", "trap"))),
)


def every_pattern() -> list[tuple[str, Pattern]]:
    """(name, pattern) for every Gated, Started and TermAlternation of the extractors."""
    package = sys.modules[__package__]
    return patternwalk.walk(patternwalk.modules_of(package), BUILT_LATER)
