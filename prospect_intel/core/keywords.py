"""What a keyword table is, for the registries of the layers that keep keyword data.

Keyword tables are Python data modules (words per language, a `VERSION`, a docstring naming the
concept and its language keys; no I/O at import). Each keywords package lists its tables in its
`__init__.py` as `KeywordTable`s, so tools and tests can find every one of them.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class KeywordTable:
    """One data module: its registry name, the module, the concept it holds and its languages."""

    name: str
    module: ModuleType
    concept: str
    languages: tuple[str, ...]

    @property
    def version(self) -> int:
        return int(self.module.VERSION)


def registry(*tables: KeywordTable) -> dict[str, KeywordTable]:
    """Name -> table, refusing a name given twice."""
    found: dict[str, KeywordTable] = {}
    for table in tables:
        if table.name in found:
            raise ValueError(f"keyword table {table.name!r} registered twice")
        found[table.name] = table
    return found
