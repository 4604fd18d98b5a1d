"""The store itself (issue 16): no command but `init` and `add` creates one where none exists, and
`backup` copies it consistently, also while another process writes to it."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import copy_store
from tests.support.cli import prospect


@pytest.mark.parametrize("command", [("list",), ("show", "www.hengan-anfang.cn"), ("crawl", "--quiet"),
                                     ("export", "--format", "csv"), ("serve", "--no-browser", "--port", "0"),
                                     ("score",), ("backup", "copy.db")])
def test_a_command_where_no_store_exists_says_so_and_creates_none(tmp_path, command):
    db = tmp_path / "typo.db"
    result = prospect(db, *command, check=False, cwd=tmp_path)
    assert result.returncode == 4 and "no store here: " in result.stderr and "prospect init" in result.stderr
    assert not db.exists() and not (tmp_path / "copy.db").exists()


def test_init_creates_a_store_on_purpose_and_leaves_one_alone(tmp_path):
    db = tmp_path / "team.db"
    assert "created the store" in prospect(db, "init").stdout
    prospect(db, "add", "www.hengan-anfang.cn")
    assert "already exists (1 prospects), left as it is" in prospect(db, "init").stdout


def test_backup_is_a_consistent_copy_while_another_process_writes(sites_db, tmp_path):
    db = copy_store(sites_db, tmp_path / "live.db")
    writer = subprocess.Popen([sys.executable, "-c", (
        "import sys\n"
        "from prospect_intel.app.store import Store\n"
        "store = Store(sys.argv[1])\n"
        "for i in range(300):\n"
        "    store.add_prospects([(f'http://www.dealer{i}-anfang.cn/', None)])\n"), str(db)])
    try:
        result = prospect(db, "backup", str(tmp_path / "copy.db"))
    finally:
        writer.wait(timeout=120)
    assert "backed up" in result.stdout
    copy = sqlite3.connect(tmp_path / "copy.db")
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = copy.execute("SELECT count(*) FROM prospects").fetchone()[0]
    finally:
        copy.close()
    fixture_sites = len(json.loads(prospect(sites_db, "list", "--json", "--all").stdout))
    assert fixture_sites <= count <= fixture_sites + 300
    assert prospect(tmp_path / "copy.db", "list", "--all").returncode == 0
    refused = prospect(db, "backup", str(tmp_path / "copy.db"), check=False)
    assert refused.returncode == 2 and "exists; give another file or --force" in refused.stderr
