"""Build now what the extractors otherwise build on first use.

The keyword tables and patterns are built from `keywords/` the first time a page needs them,
and every table registers its literals in the shared keyword automaton (`needles.SHARED`), which
is rebuilt whenever a table is met late: a 1,300-literal automaton, a few milliseconds.
`prepare()` pays all of that at once, before the first site: it builds everything
`patterns.BUILT_LATER` lists. A long-running process may call it at start; the extraction bench
calls it in its warm-up.
"""
from __future__ import annotations

from prospect_intel.core import visible
from prospect_intel.core.needles import SHARED
from prospect_intel.core.terms import TermAlternation

from .patterns import every_pattern


def prepare() -> None:
    """Build every table and pattern built on first use, then the shared automaton over them."""
    for _, pattern in every_pattern():
        if isinstance(pattern, TermAlternation):
            list(pattern.finditer(""))  # builds its needle set, registering its literals
    visible._transform()
    SHARED.prepare()
