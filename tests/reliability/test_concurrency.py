"""Reviews while a crawl writes to the same store, and two crawls on one store.

A rep reviews every prospect (`prospect set`) while the crawl is finishing sites: no
"database is locked" reaches the rep, every review is kept, and every reviewed value is what
`show` gives afterwards, even for prospects that were being crawled at that moment.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from tests.reliability.test_kills import CRAWL, _done, _site
from tests.support.cli import prospect, show
from tests.support.webserver import stop_all

SITES = 18  # the crawl (3 sites at a time) outlasts two reviews of each, and stays short
FIRST_CRAWL = 3


@pytest.fixture(scope="module")
def web():
    sites = [_site(n, "127.0.6") for n in range(SITES)]
    for site in sites:
        site.delay = 1.2  # slow enough that the crawl outlasts the reviews (each a CLI process), on a slow machine too
    yield sites
    stop_all(sites)


def test_reviews_during_a_crawl_are_neither_refused_nor_lost(web, tmp_path):
    db = tmp_path / "busy.db"
    urls = [site.url for site in web]
    prospect(db, "add", "--allow-private", *urls)
    crawl = subprocess.Popen([sys.executable, "-m", "prospect_intel", *CRAWL, "--set", "PROSPECT_CONCURRENT_SITES=3"],
                             env={**os.environ, "PROSPECT_DB": str(db)}, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    results = []
    overlapping = 0
    try:
        while _done(db) < 2:
            time.sleep(0.05)
        for n, url in enumerate(urls):
            results.append((url, prospect(db, "set", url, "headcount", str(100 + n), "--note", f"call {n}",
                                          check=False)))
            results.append((url, prospect(db, "set", url, "order_history", "regular_no_arrears", check=False)))
            overlapping += crawl.poll() is None
    finally:
        out, err = crawl.communicate(timeout=300)
    assert crawl.returncode == 0 and "locked" not in err
    assert overlapping >= SITES // 2, "the crawl ended before the reviews: make the sites slower"
    for _url, result in results:
        assert result.returncode == 0, result.stderr
        assert "locked" not in result.stderr.lower() and "Traceback" not in result.stderr
    for n, url in enumerate(urls):
        shape = show(db, url)
        assert shape["status"] == "done"
        assert shape["evidence"]["headcount"]["value"] == 100 + n
        assert "reviewed" in shape["evidence"]["headcount"]["flags"]
        assert shape["evidence"]["order_history"]["value"] == "regular_no_arrears"
    graded = _grades(db)
    prospect(db, "score")  # grade everything again from the stored evidence and reviews
    assert _grades(db) == graded  # a grade computed while a review landed would differ


def _grades(db) -> dict[str, tuple]:
    exported = json.loads(prospect(db, "export", "--format", "json").stdout)
    return {p["url"]: (p["score"]["total"], p["score"]["grade"]) for p in exported}


def test_a_second_crawl_on_the_same_store_is_refused_clearly(web, tmp_path):
    db = tmp_path / "two.db"
    prospect(db, "add", "--allow-private", *[site.url for site in web[:FIRST_CRAWL]])
    env = {**os.environ, "PROSPECT_DB": str(db)}
    first = subprocess.Popen([sys.executable, "-m", "prospect_intel", *CRAWL, "--set", "PROSPECT_CONCURRENT_SITES=1"],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while _done(db) < 1 and first.poll() is None:
            time.sleep(0.05)
        second = prospect(db, *CRAWL, check=False)
        done_while_second_ran = _done(db)
    finally:
        first.wait(timeout=120)
    assert first.returncode == 0
    assert second.returncode == 5
    assert "another crawl" in second.stderr and "Traceback" not in second.stderr
    assert done_while_second_ran < FIRST_CRAWL
    import sqlite3

    conn = sqlite3.connect(db)
    assert conn.execute("SELECT max(attempts) FROM prospects").fetchone()[0] == 1  # nobody crawled twice
    assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 1


def test_saving_an_analysis_made_before_a_review_is_refused(tmp_path):
    from prospect_intel.app.store import ReviewsChanged, Store
    from prospect_intel.app.workflows import review_field
    from prospect_intel.core.models import SiteOutcome

    store = Store(tmp_path / "race.db")
    store.add_prospects([("http://www.race-anfang.cn/", None)])
    run_id = store.start_run({})
    (claimed,) = store.claim(run_id, 1)
    facts = store.review_facts(claimed.id)  # what the crawl's analysis read
    review_field(store, claimed.url, "headcount", "corrected", "25", source="phone")  # the rep, meanwhile
    outcome = SiteOutcome(claimed.id, "done", (), None, None, claimed.url, claimed.domain, 1, ())
    with pytest.raises(ReviewsChanged):
        store.save_site(run_id, outcome, None, facts_used=facts)
    row = store.prospect_row(claimed.url)
    assert row["status"] == "crawling" and store.review_facts(claimed.id)["headcount"].value == 25
    store.save_site(run_id, outcome, None, facts_used=store.review_facts(claimed.id))
    assert store.prospect_row(claimed.url)["status"] == "done"
