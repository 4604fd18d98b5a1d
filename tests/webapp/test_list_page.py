"""The web list takes its grades from the store's rubric: filter checkboxes, the grade filter and
the distribution chart show every grade the rubric defines (D for the CCTV rubric), plus unscored."""
from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from prospect_intel.app.web import AppConfig, create_app
from tests.conftest import copy_store
from tests.support.cli import prospect, show

LOCAL = {"Host": "127.0.0.1:8765"}
NORTHGATE = "https://www.northgate-access.co.uk/"


def rows(html: str) -> list[str]:
    body = html[html.index("<tbody>"):html.index("</tbody>")]
    return re.findall(r'class="prospect-link" href="/prospect\?url=([^"]+)"', body)


def bar_labels(html: str) -> list[str]:
    chart = html[html.index('aria-label="grade distribution"'):]
    chart = chart[:chart.index("</svg>")]
    return re.findall(r"<title>([^:<]+): \d+</title>", chart)


@pytest.fixture(scope="module")
def cctv_db(sites_db, tmp_path_factory):
    db = copy_store(sites_db, tmp_path_factory.mktemp("cctv") / "cctv.db")
    prospect(db, "score", "--rubric", "cctv-installer-en")
    prospect(db, "set", NORTHGATE, "business_model", "manufacturer", "--note", "makes its own readers")
    return db


def get(db, path: str) -> str:
    response = create_app(AppConfig(db_path=str(db))).test_client().get(path, headers=LOCAL)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_grade_d_filters_and_charts(cctv_db):
    assert show(cctv_db, NORTHGATE)["score"]["grade"] == "D"
    html = get(cctv_db, "/")
    assert bar_labels(html) == ["A", "B", "C", "D", "unscored", "not graded"]
    boxes = re.findall(r'name="grade" value="([^"]+)"', html)
    assert boxes == ["A", "B", "C", "D", "unscored"]
    filtered = get(cctv_db, "/?grade=d")
    assert [url.replace("%3A", ":").replace("%2F", "/") for url in rows(filtered)] == [NORTHGATE]
    assert 'href="/?grade=D"' in html  # the D bar links to its filter


def test_default_rubric_has_no_d(sites_db):
    html = get(sites_db, "/")
    assert bar_labels(html) == ["A", "B", "C", "unscored", "not graded"]
    assert len(rows(get(sites_db, "/?grade=D"))) == len(rows(html))  # unknown grade: no filter


def test_unscored_rows_say_why(sites_db):
    html = get(sites_db, "/?grade=unscored")
    assert len(rows(html)) == 3
    assert html.count("unscored: crawl failed: ") == 3


def test_next_to_review_walks_the_morning_queue(sites_db):
    from prospect_intel.app.listing import review_queue
    from prospect_intel.app.store import Store
    from prospect_intel.app.web import AppConfig, create_app

    store = Store(sites_db)
    try:
        queue = [row["url"] for row, _ in review_queue(store)]
    finally:
        store.close()
    from urllib.parse import parse_qs, urlsplit

    def target(response) -> str:
        assert response.status_code == 303
        return parse_qs(urlsplit(response.headers["Location"]).query)["url"][0]

    client = create_app(AppConfig(db_path=str(sites_db))).test_client()
    assert target(client.get("/review/next", headers=LOCAL)) == queue[0]
    page = client.get("/prospect", query_string={"url": queue[0]}, headers=LOCAL).get_data(as_text=True)
    assert 'id="next-to-review"' in page
    assert target(client.get("/review/next", query_string={"after": queue[0]}, headers=LOCAL)) == queue[1]
    last = client.get("/review/next", query_string={"after": queue[-1]}, headers=LOCAL, follow_redirects=True)
    assert "Nothing more to review" in last.get_data(as_text=True)


def test_unscored_pages_show_no_points_chart_and_knocked_out_ones_are_greyed(sites_db, tmp_path):
    import json as json_module

    from prospect_intel.app.web import AppConfig, create_app

    db = copy_store(sites_db, tmp_path / "knocked.db")
    prospect(db, "set", "http://www.dingxin-sec.com.tw/", "access_control_is_main", "no")  # a knock-out
    shapes = json_module.loads(prospect(db, "list", "--json", "--all").stdout)
    client = create_app(AppConfig(db_path=str(db))).test_client()
    unscored = [s["url"] for s in shapes if s["score"] and s["score"].get("unscored") and not s["score"]["grade"]]
    knocked = [s["url"] for s in shapes if s["score"] and s["score"].get("knockout")]
    assert unscored and knocked
    for url in unscored:
        page = client.get("/prospect", query_string={"url": url}, headers=LOCAL).get_data(as_text=True)
        assert "points per indicator against the maximum" not in page and 'id="grade-range"' not in page
    for url in knocked:
        page = client.get("/prospect", query_string={"url": url}, headers=LOCAL).get_data(as_text=True)
        assert 'class="indicators knocked-out"' in page


def test_the_needs_review_list_comes_in_the_review_queues_order(sites_db):
    from prospect_intel.app.listing import review_queue
    from prospect_intel.app.store import Store
    from prospect_intel.app.web import AppConfig, create_app

    store = Store(sites_db)
    try:
        queue = [row["url"] for row, _ in review_queue(store)]
    finally:
        store.close()
    html = create_app(AppConfig(db_path=str(sites_db))).test_client().get("/?review=1", headers=LOCAL).get_data(
        as_text=True)
    assert [unquote(u) for u in rows(html)] == queue[:100]
