"""The layer rules that imports cannot show: only the store module speaks SQL."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "prospect_intel"
STORE = PACKAGE / "app" / "store"
# The database handle and the SQL a module outside the store must not touch.
SQL_REACH = re.compile(r"\.db\[|\.db\.(?:execute|query|conn|table)|\.conn\b|\bsqlite3\b|sqlite_utils|\.execute\(")

MODULES = sorted(p for p in PACKAGE.rglob("*.py") if STORE not in p.parents)


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_store_speaks_sql(module: Path):
    hits = [f"{n}: {line.strip()}" for n, line in enumerate(module.read_text(encoding="utf-8").splitlines(), 1)
            if SQL_REACH.search(line)]
    assert not hits, "SQL or the database handle outside prospect_intel/app/store: " + "; ".join(hits)


def test_the_rule_sees_a_reach_into_the_store():
    assert SQL_REACH.search('rows = store.db["runs"].rows_where("x")')
    assert SQL_REACH.search("if store.db.conn.in_transaction:")
    assert not SQL_REACH.search("running = store.unfinished_runs(3)")
