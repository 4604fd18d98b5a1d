"""Build now what the extractors otherwise build on first use.

The keyword tables and patterns are built from `keywords/` the first time a page needs them
(no import-time I/O), and every table registers its literals in the shared keyword automaton
(`terms.SHARED`), which is rebuilt whenever a table is met late: a 1,300-literal automaton, a few
milliseconds. `prepare()` pays all of that at once, before the first site. A long-running
process may call it at start; the extraction bench calls it in its warm-up.
"""
from __future__ import annotations

from prospect_intel.core import visible
from prospect_intel.core.terms import SHARED, TermAlternation

from . import business, contact, crosscheck, mainline, names, phones, products, profile
from .common import alternation


def prepare() -> None:
    """Build every table and pattern built on first use, then the shared automaton over them."""
    term_tables: list[TermAlternation] = [
        business._excluded(), mainline.ac_terms(), mainline._lead_ins(), mainline._other_lines(),
        *products._tier_patterns().values(),
        *(business._patterns("model", model) for model in business.MODELS),
        business._patterns("model", "distributor", True),
    ]
    for table in term_tables:
        list(table.finditer(""))  # builds its needle set, registering its literals
    contact._labels(), contact._heading_needles(), contact._english_cues()
    crosscheck._own_factory(), profile._lead_in(), phones._other_digit_needles()
    products.brands(), products._brand_needles(), names._generic(), names._known()
    for kind in ("phone", "fax", "trap"):
        alternation("phones", "labels", kind)
    visible._transform()
    SHARED.prepare()
