"""Long lists come a page at a time (issue 15, item 4): the web list and `prospect list` show 100
prospects unless asked for more, count every match with one query, and the SQL that filters and
sorts them names each prospect as `names.prospect_name` does."""
from __future__ import annotations

import json
import re

import pytest

from prospect_intel.app.listing import PAGE_SIZE, ListFilter, select_prospects
from prospect_intel.app.names import stored_name
from prospect_intel.app.store import Store
from prospect_intel.app.web import AppConfig, create_app
from tests.conftest import copy_store
from tests.support.cli import prospect

LOCAL = {"Host": "127.0.0.1:8765"}
EXTRA = 230  # queued prospects beyond the fixture sites


def run(db, *args) -> tuple[str, str]:
    result = prospect(db, *args)
    return result.stdout, result.stderr


@pytest.fixture(scope="module")
def db(sites_db, tmp_path_factory):
    copy = copy_store(sites_db, tmp_path_factory.mktemp("pages") / "pages.db")
    run(copy, "add", *(f"http://www.dealer-{n:03d}-anfang.cn/" for n in range(EXTRA)))
    run(copy, "set", "http://www.jiakun-af.com/", "company_name", "佳坤安防（复核）", "--source", "phone")
    run(copy, "set", "http://www.dingxin-sec.com.tw/", "company_name", "--reject")
    return copy


@pytest.fixture(scope="module")
def total(db) -> int:
    store = Store(db)
    try:
        return store.db.execute("SELECT count(*) FROM prospects").fetchone()[0]
    finally:
        store.close()


def web_rows(html: str) -> list[str]:
    body = html[html.index("<tbody>"):html.index("</tbody>")]
    return re.findall(r'class="prospect-link" href="/prospect\?url=([^"]+)"', body)


def get(db, path: str) -> str:
    response = create_app(AppConfig(db_path=str(db))).test_client().get(path, headers=LOCAL)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_cli_shows_the_first_page_and_says_how_to_see_more(db, total):
    stdout, stderr = run(db, "list")
    assert len(stdout.splitlines()) == 1 + PAGE_SIZE + 1  # header, rows, status counts
    assert f"showing 1-{PAGE_SIZE} of {total} prospects" in stderr and "--all" in stderr


def test_the_cli_shows_every_prospect_with_all_and_the_next_ones_with_offset(db, total):
    assert len(json.loads(run(db, "list", "--json", "--all")[0])) == total
    rest = json.loads(run(db, "list", "--json", "--offset", "200")[0])
    assert len(rest) == total - 200
    every = [p["url"] for p in json.loads(run(db, "list", "--json", "--all", "--sort", "name")[0])]
    second = [p["url"] for p in json.loads(run(db, "list", "--json", "--sort", "name", "--limit", "50",
                                                "--offset", "50")[0])]
    assert second == every[50:100]


def test_the_web_list_pages_through_every_prospect_once(db, total):
    seen = []
    for number in range(1, -(-total // PAGE_SIZE) + 1):
        html = get(db, f"/?sort=name&page={number}")
        seen += web_rows(html)
        assert f"of {total} prospect(s)" in html
    assert len(seen) == total == len(set(seen))


def test_page_links_keep_the_filters_and_a_bad_page_number_is_page_one(db):
    html = get(db, "/?q=dealer&sort=name")
    assert len(web_rows(html)) == PAGE_SIZE
    link = re.search(r'rel="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "q=dealer" in link and "sort=name" in link and "page=2" in link
    assert web_rows(get(db, link))[0] != web_rows(html)[0]
    assert web_rows(get(db, "/?q=dealer&sort=name&page=abc")) == web_rows(html)
    assert web_rows(get(db, "/?q=dealer&sort=name&page=99999")) == []


def test_the_sql_name_is_the_name_rule(db):
    store = Store(db)
    try:
        rows = select_prospects(store, ListFilter(), "added", limit=None).rows
        assert any(row["name"] == "佳坤安防（复核）" for row, _ in rows)
        for row, _ in rows:
            assert row["name"] == stored_name(store, row), row["url"]
    finally:
        store.close()


@pytest.mark.parametrize("needle, expected", [
    ("复核", ["http://www.jiakun-af.com/"]),  # the reviewed name
    ("dealer-007-", ["http://www.dealer-007-anfang.cn/"]),
    ("dealer_007", []),  # "_" is a character, not LIKE's wildcard
    ("dealer%007", []),
    ("（复核） jiakun-af", ["http://www.jiakun-af.com/"]),  # across the name and the domain
])
def test_search_matches_the_effective_name_domain_and_url(db, needle, expected):
    store = Store(db)
    try:
        rows = select_prospects(store, ListFilter(search=needle), "added", limit=None).rows
        assert [row["url"] for row, _ in rows] == expected
    finally:
        store.close()
