"""A prospect the crawl could not read is `unscored` with the reason, never a silent C and never
a stale grade: after the crawl's own pass, after `prospect score`, in show, list, export and the
web list. Real crawls of real loopback servers, one of which goes away between two crawls."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from prospect_intel.app.store import Store
from tests.crawler.test_loopback import _company, _free_port
from tests.support.cli import FAST, prospect, show
from tests.support.webserver import TestSite

LOCAL = {"Host": "127.0.0.1:8765"}
REPO = Path(__file__).resolve().parents[2]


def crawl(db: Path) -> None:
    prospect(db, "crawl", "--quiet", "--allow-private", *FAST, "--set", "RETRY_TIMES=0")


def export_rows(db: Path) -> dict[str, dict]:
    text = prospect(db, "export", "--format", "csv").stdout.lstrip("\ufeff")
    return {row["Website"]: row for row in csv.DictReader(io.StringIO(text))}


def assert_unscored_everywhere(db: Path, url: str, reason_start: str, shown: str | None = None) -> str:
    """`shown`: what `show` prints instead of "unscored: <reason>" (a gone site's notice)."""
    shape = show(db, url)
    score = shape["score"]
    assert (score["grade"], score["total"], score["knockout"]) == (None, None, None)
    assert score["unscored"].startswith(reason_start), score["unscored"]
    assert url in [p["url"] for p in json.loads(prospect(db, "list", "--json", "--grade", "unscored").stdout)]
    assert url not in prospect(db, "list", "--grade", "A", "--grade", "B", "--grade", "C").stdout
    assert (shown or f"unscored: {reason_start}") in prospect(db, "show", url).stdout
    row = export_rows(db)[url]
    assert row["Grade"] == "unscored" and f"unscored: {reason_start}" in row["Notes"]
    return score["unscored"]


def test_a_site_that_goes_away_is_unscored_not_left_with_its_old_grade(tmp_path):
    site = _company("127.0.0.51").start()
    db = tmp_path / "gone.db"
    try:
        prospect(db, "add", "--allow-private", site.url)
        crawl(db)
        assert show(db, site.url)["score"]["grade"] in ("A", "B", "C")
    finally:
        site.stop()
    store = Store(db)
    store.requeue(site.url)
    store.close()
    crawl(db)  # connection refused now
    shape = show(db, site.url)
    assert shape["status"] == "failed"
    # It answered before: a knock-out candidate for the rep to confirm, not a grade.
    reason = assert_unscored_everywhere(db, site.url, "site gone since ",
                                        shown="knock-out candidate: the site is gone (server unreachable) since ")
    assert shape["error"] in reason and "confirm the company still trades" in reason
    gone = shape["score"]["site_gone"]
    assert gone["status"] == "unreachable" and gone["last_answered"] < gone["since"]
    assert shape["evidence"]["site_status"]["value"] == "unreachable"

    from prospect_intel.app.web import AppConfig, create_app

    client = create_app(AppConfig(db_path=str(db))).test_client()
    page = client.get("/?grade=unscored", headers=LOCAL)
    assert "unscored: site gone since " in page.get_data(as_text=True)
    page = client.get("/prospect", query_string={"url": site.url}, headers=LOCAL).get_data(as_text=True)
    assert 'id="site-gone"' in page and "Confirm the company still trades." in page

    before = show(db, site.url)["score"]["scored_at"]
    assert "unscored 1" in prospect(db, "score").stdout
    assert show(db, site.url)["score"]["unscored"] == reason and show(db, site.url)["score"]["scored_at"] >= before


def test_a_plain_scrapy_crawl_stores_failures_unscored(tmp_path):
    """The crawl's pipeline itself (no CLI pass after it, as under `scrapy crawl`) stores a failed
    site with an unscored score and the reason, and `prospect score` keeps it unscored."""
    db = tmp_path / "scrapy.db"
    closed = f"http://127.0.0.52:{_free_port()}/"
    env = {**os.environ, "PROSPECT_DB": str(db)}
    subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "prospect", "-a", f"url={closed}", "-s", "PROSPECT_ALLOW_PRIVATE=1",
         "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=0", "-s", f"PROSPECT_DB={db}", "-s", "LOG_LEVEL=WARNING"],
        cwd=REPO, env=env, check=True, timeout=60, capture_output=True,
    )
    assert show(db, closed)["status"] == "failed"
    assert_unscored_everywhere(db, closed, "crawl failed: ")
    assert "unscored 1" in prospect(db, "score").stdout
    assert_unscored_everywhere(db, closed, "crawl failed: ")


def test_a_site_without_usable_evidence_is_unscored_with_the_reason(tmp_path):
    """A site drawn by JavaScript keeps a page without text: no evidence, so no knock-out C."""
    site = TestSite("127.0.0.53")
    site.page("/", '<html><head><title>恒安安防</title><script src="/static/app.js"></script></head>'
                   '<body><div id="app"></div><noscript></noscript></body></html>')
    site.start()
    db = tmp_path / "empty.db"
    try:
        prospect(db, "add", "--allow-private", site.url)
        crawl(db)
    finally:
        site.stop()
    assert show(db, site.url)["status"] == "done"
    assert_unscored_everywhere(db, site.url, "no usable evidence: 0 of 5 indicators")


@pytest.mark.parametrize("rubric", ["access-control-channel", "cctv-installer-en"])
def test_no_failed_prospect_keeps_a_null_score_after_a_crawl(sites_db, tmp_path, rubric):
    from tests.conftest import copy_store

    db = copy_store(sites_db, tmp_path / "all.db")
    prospect(db, "score", "--rubric", rubric)
    failed = json.loads(prospect(db, "list", "--json", "--status", "failed").stdout)
    assert len(failed) == 3
    for shape in failed:
        assert shape["score"]["rubric"] == rubric and shape["score"]["grade"] is None
        assert shape["score"]["unscored"] == f"crawl failed: {shape['error']}"
