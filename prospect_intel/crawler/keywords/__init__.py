"""The crawler's keyword tables: one data module per concept, listed here.

`TABLES` maps a table's name to its module, the concept it holds and its languages.
"""
from __future__ import annotations

from prospect_intel.core.keywords import KeywordTable, registry

from . import roles, walls

TABLES = registry(
    KeywordTable("roles", roles, "which page role a link or a page belongs to", ("zh", "en")),
    KeywordTable("walls", walls, "what bot walls and parked-domain pages print", ("zh", "en")),
)
