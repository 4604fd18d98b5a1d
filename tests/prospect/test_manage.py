"""Changing the prospects themselves (issue 16): remove one (archived unless --purge), correct a
failed one's address, retry it from the CLI or with one click in the web app."""
from __future__ import annotations

import re

from prospect_intel.app.store import Store
from prospect_intel.app.web import AppConfig, create_app
from tests.conftest import copy_store
from tests.support.cli import prospect, show

HENGAN = "http://www.hengan-anfang.cn/"
LOCAL = {"Host": "127.0.0.1:8765"}


def _statuses(db) -> dict[str, str]:
    store = Store(db)
    try:
        return {row["url"]: row["status"] for row in store.prospects()}
    finally:
        store.close()


def test_remove_keeps_the_prospect_in_the_archive_and_purge_does_not(sites_db, tmp_path):
    db = copy_store(sites_db, tmp_path / "rm.db")
    prospect(db, "set", HENGAN, "sales_staff", "3", "--source", "visit")
    assert "kept in the archive" in prospect(db, "remove", HENGAN).stdout
    assert HENGAN not in _statuses(db)
    store = Store(db)
    try:
        [kept] = store.archived(HENGAN)
        assert kept["record"]["prospect"]["url"] == HENGAN and kept["record"]["evidence"]
        assert [fact["field"] for fact in kept["record"]["review_facts"]] == ["sales_staff"]
    finally:
        store.close()
    prospect(db, "add", HENGAN)
    assert "deleted for good" in prospect(db, "remove", HENGAN, "--purge").stdout
    store = Store(db)
    try:
        assert len(store.archived(HENGAN)) == 1  # the purge archived nothing more
    finally:
        store.close()


def test_set_url_corrects_a_failed_prospect_and_queues_it_keeping_its_reviews(tmp_path):
    db = tmp_path / "fix.db"
    prospect(db, "add", "www.hengan-anfnag.cn", "www.jiakun-af.com")
    prospect(db, "set", "www.hengan-anfnag.cn", "sales_staff", "3", "--source", "visit")
    store = Store(db)
    try:
        store.db.execute("UPDATE prospects SET status = 'failed', error = 'dns lookup failed'")
    finally:
        store.close()
    result = prospect(db, "set-url", "www.hengan-anfnag.cn", "www.hengan-anfang.cn")
    assert "http://www.hengan-anfang.cn/: queued again" in result.stdout
    assert _statuses(db)[HENGAN] == "queued"
    assert show(db, HENGAN)["evidence"]["sales_staff"]["value"] == 3
    taken = prospect(db, "set-url", HENGAN, "https://jiakun-af.com/", check=False)
    assert taken.returncode == 4 and "the site of another prospect (http://www.jiakun-af.com/)" in taken.stderr


def test_retry_from_the_cli_and_with_one_click(tmp_path):
    db = tmp_path / "retry.db"
    prospect(db, "add", "www.hengan-anfang.cn")
    store = Store(db)
    try:
        store.db.execute("UPDATE prospects SET status = 'failed', error = 'timeout'")
    finally:
        store.close()
    assert "queued again (was failed)" in prospect(db, "retry", "www.hengan-anfang.cn").stdout
    store = Store(db)
    try:
        store.db.execute("UPDATE prospects SET status = 'failed', error = 'timeout'")
    finally:
        store.close()
    client = create_app(AppConfig(db_path=str(db))).test_client()
    page = client.get("/prospect", query_string={"url": HENGAN}, headers=LOCAL).get_data(as_text=True)
    assert "Retry this site" in page
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    done = client.post("/prospect/retry", data={"url": HENGAN, "csrf_token": token}, headers=LOCAL,
                       follow_redirects=True).get_data(as_text=True)
    assert "queued again" in done and _statuses(db)[HENGAN] == "queued"
