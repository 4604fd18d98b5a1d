import sqlite3

import pytest
from sqlite_utils import Database

from prospect_intel.app.store import Store
from prospect_intel.core.errors import NotFound, StoreError
from prospect_intel.core.models import KeptPage, SiteOutcome


def _page(url, role="home", body=b"<html>x</html>"):
    return KeptPage(url=url, role=role, status=200, fetched_at="2026-11-23T01:00:00Z", content_type="text/html",
                    encoding="utf-8", body=body, text="x")


def test_add_is_idempotent_and_claims_in_order(db):
    store = Store(db)
    first = store.add_prospects([("http://a.cn/", None), ("http://b.cn/", "B")])
    again = store.add_prospects([("http://a.cn/", None)])
    assert [r.outcome for r in first] == ["added", "added"] and again[0].outcome == "queued"
    run = store.start_run({})
    assert [c.url for c in store.claim(run, 1)] == ["http://a.cn/"]
    assert [c.url for c in store.claim(run, 5)] == ["http://b.cn/"]
    assert store.claim(run, 5) == []


def test_save_site_replaces_pages_atomically_and_dedupes_bodies(db):
    store = Store(db)
    store.add_prospects([("http://a.cn/", None)])
    run = store.start_run({})
    claimed = store.claim(run, 1)[0]
    same = b"<html>same</html>"
    outcome = SiteOutcome(claimed.id, "done", (_page("http://a.cn/", body=same), _page("http://a.cn/x", "about", same)))
    store.save_site(run, outcome)
    store.save_site(run, outcome)  # a second save replaces, never duplicates
    pages = store.pages(claimed.id)
    assert [p["url"] for p in pages] == ["http://a.cn/", "http://a.cn/x"]
    assert store.db.execute("SELECT count(*) FROM bodies").fetchone()[0] == 1
    assert store.body(pages[0]["body_sha256"]) == same
    assert store.prospect_row("a.cn")["status"] == "done"


def test_interrupted_sites_go_back_to_the_queue(db):
    store = Store(db)
    store.add_prospects([("http://a.cn/", None)])
    store.claim(store.start_run({}), 1)
    assert Store(db).reset_interrupted() == 1
    assert store.prospect_row("http://a.cn/")["status"] == "queued"


def test_unknown_prospect_and_foreign_file(db, tmp_path):
    with pytest.raises(NotFound):
        Store(db).prospect_row("nowhere.cn")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable prospect database"):
        Store(junk)


def test_failed_write_leaves_nothing_half_done(db):
    store = Store(db)
    store.add_prospects([("http://a.cn/", None)])
    run = store.start_run({})
    claimed = store.claim(run, 1)[0]
    bad = SiteOutcome(claimed.id, "done", (_page("http://a.cn/"), _page("http://a.cn/y", role=None)))
    with pytest.raises(sqlite3.IntegrityError):
        store.save_site(run, bad)
    assert store.pages(claimed.id) == []
    assert store.prospect_row("http://a.cn/")["status"] == "crawling"


def test_a_store_from_before_sqlite_utils_migrations_is_adopted_not_migrated_again(db):
    Store(db).add_prospects([("http://a.cn/", None)])
    conn = sqlite3.connect(db)  # make it look as the stores of earlier versions do
    names = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    conn.execute("DROP TABLE _sqlite_migrations")
    conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    conn.executemany("INSERT INTO _migrations VALUES (?, '2026-11-01 00:00:00')", [(n,) for n in names])
    conn.commit()
    conn.close()
    store = Store(db)  # re-running 0001_initial would fail: its tables exist
    assert store.prospect_row("http://a.cn/")["status"] == "queued"
    assert "_migrations" not in store.db.table_names()
    assert [row["name"] for row in store.db["_sqlite_migrations"].rows] == names
    assert len(names) == 17  # every migration of this version (0001 to 0017_review_reasons)


def test_the_list_columns_of_a_store_from_before_them_are_filled_when_it_is_migrated(sites_db, tmp_path):
    """0004_list_columns on a store that already holds scored, named and reviewed prospects: the
    list reads the same names and grades as the prospects' own rows say."""
    from prospect_intel.app.listing import ListFilter, select_prospects
    from prospect_intel.app.names import stored_name
    from prospect_intel.app.store.migrations import MIGRATIONS
    from tests.conftest import copy_store

    db = copy_store(sites_db, tmp_path / "old.db")
    conn = sqlite3.connect(db)  # back to the schema before the list columns
    for (trigger,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("DROP INDEX prospects_list_grade")
    conn.execute("DROP INDEX prospects_list_name")
    for column in ("list_name", "list_grade", "list_total", "list_grade_low", "list_grade_high",
                   "list_needs_review"):
        conn.execute(f"ALTER TABLE prospects DROP COLUMN {column}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name IN ('0004_list_columns', '0005_site_identity', "
                 "'0006_archive', '0007_list_knockout', '0008_list_name_on_insert')")
    conn.execute("ALTER TABLE prospects DROP COLUMN list_knocked_out")
    conn.execute("DROP TABLE archive")
    conn.execute("DROP INDEX prospects_site")
    conn.execute("ALTER TABLE prospects DROP COLUMN site")
    conn.execute("INSERT INTO review_facts (prospect_id, field, action, value, source, at) "
                 "VALUES (1, 'company_name', 'corrected', '\"  Renamed Ltd \"', 'phone', '2026-12-01')")
    conn.commit()
    conn.close()
    assert [m.name for m in MIGRATIONS.pending(Database(db))] == ["0004_list_columns", "0005_site_identity",
                                                                  "0006_archive", "0007_list_knockout",
                                                                  "0008_list_name_on_insert"]
    store = Store(db)
    rows = select_prospects(store, ListFilter(), "added", limit=None).rows
    assert rows[0][0]["name"] == "Renamed Ltd"
    assert store.db.execute("SELECT count(*) FROM prospects WHERE site IS NULL").fetchone()[0] == 0
    for row, summary in rows:
        assert row["name"] == stored_name(store, row)
        shown = store.db.execute("SELECT list_grade FROM prospects WHERE id = ?", [row["id"]]).fetchone()[0]
        assert shown == (summary.get("grade") or ("unscored" if summary.get("unscored") else None))


def test_a_database_of_another_sqlite_utils_program_is_refused(db):
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT, name TEXT, "
                  "applied_at TEXT)")
    conn.execute("INSERT INTO _sqlite_migrations VALUES (1, 'other-app', '0001', '2026-11-01')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another program"):
        Store(db)
    assert sqlite3.connect(db).execute("SELECT name FROM sqlite_master WHERE name = 'prospects'").fetchone() is None
