"""Recrawls, the crawls kept as snapshots, and what changed between them: a fixture site replayed
in three versions (before; moved office and new clients; gone)."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from prospect_intel.app.cli.queue import window_end
from tests.conftest import SITES
from tests.support.cli import FAST, prospect, show

HENGAN = "http://www.hengan-anfang.cn/"
OLD_ADDRESS = "深圳市福田区深南中路6011号恒福大厦18楼1806室"
NEW_ADDRESS = "深圳市南山区高新南七道18号深圳湾科技园5栋A座1201室"
NEW_CLIENTS = ("<tr><td>万达广场深圳龙华店门禁系统</td><td>商业</td><td>2026-10</td></tr>"
               "<tr><td>家乐福深圳福田店门禁系统</td><td>商业</td><td>2026-09</td></tr>")


def _version(root: Path, name: str) -> Path:
    """A replay folder holding the fixture site as version `name`: before, moved, gone."""
    folder = root / name
    if name == "gone":  # the replay answers for another site only
        shutil.copytree(SITES / "robots-forbid", folder / "robots-forbid")
        return folder
    shutil.copytree(SITES / "hengan-zh", folder / "hengan-zh")
    if name == "moved":
        for page in (folder / "hengan-zh" / "files").rglob("*.html"):
            text = page.read_text("utf-8").replace(OLD_ADDRESS, NEW_ADDRESS)
            text = text.replace("公司现有员工86人", "公司现有员工120人").replace(">86人<", ">120人<")
            page.write_text(text.replace("</table>", NEW_CLIENTS + "</table>", 1)
                            if page.name == "index.html" and page.parent.name == "cases" else text, "utf-8")
    return folder


def _crawl(db: Path, folder: Path) -> None:
    prospect(db, "crawl", "--quiet", "--replay", str(folder), *FAST)


@pytest.fixture(scope="module")
def crawled_thrice(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("versions")
    db = root / "store.db"
    prospect(db, "add", HENGAN)
    _crawl(db, _version(root, "before"))
    for name in ("moved", "gone"):
        prospect(db, "recrawl", HENGAN)
        _crawl(db, _version(root, name))
    return db


def test_history_lists_every_crawl_with_its_grade(crawled_thrice):
    crawls = json.loads(prospect(crawled_thrice, "history", HENGAN, "--json").stdout)
    assert [c["status"] for c in crawls] == ["done", "done", "failed"]
    assert crawls[0]["grade"] == "A" and crawls[2]["grade"] is None and crawls[0]["pages"] > 5


def test_diff_of_a_moved_office_and_new_clients(crawled_thrice):
    with sqlite3.connect(crawled_thrice) as conn:
        ids = [i for (i,) in conn.execute("SELECT id FROM snapshots ORDER BY id")]
        conn.execute("UPDATE snapshots SET crawled_at = '2026-11-02T01:00:00Z' WHERE id = ?", [ids[0]])
        conn.execute("UPDATE snapshots SET crawled_at = '2026-12-01T01:00:00Z' WHERE id = ?", [ids[1]])
    changes = json.loads(prospect(crawled_thrice, "diff", HENGAN, "--to", "2026-12-01", "--json").stdout)
    assert (changes["from"][:10], changes["to"][:10]) == ("2026-11-02", "2026-12-01")
    lines = [c["text"] for c in changes["changes"]]
    assert f"office moved: {OLD_ADDRESS} → {NEW_ADDRESS} (office type office tower → industrial park)" in lines
    added = next(c for c in changes["changes"] if c["field"] == "reference_clients" and c["kind"] == "added")
    assert added["after"] == ["万达广场深圳龙华店", "家乐福深圳福田店"]
    text = prospect(crawled_thrice, "diff", HENGAN, "--to", "2026-12-01").stdout
    assert "Reference clients added: 万达广场深圳龙华店, 家乐福深圳福田店" in text


def test_diff_of_a_site_gone(crawled_thrice):
    changes = json.loads(prospect(crawled_thrice, "diff", HENGAN, "--json").stdout)["changes"]
    gone = changes[0]
    assert gone["kind"] == "gone" and "confirm the company still trades" in gone["text"]
    # A knock-out candidate for the rep, with the site's status as evidence; not a grade.
    shape = show(crawled_thrice, HENGAN)
    candidate = shape["score"]["site_gone"]
    assert shape["score"]["grade"] is None and candidate["status"] == shape["evidence"]["site_status"]["value"]
    assert candidate["last_answered"] < candidate["since"]
    assert "knock-out candidate: the site is gone" in prospect(crawled_thrice, "show", HENGAN).stdout
    assert changes[-1]["field"] == "grade" and changes[-1]["after"] is None
    chinese = prospect(crawled_thrice, "diff", HENGAN, env={"PROSPECT_LANG": "zh"}).stdout
    assert "网站自" in chinese and "无法访问" in chinese


def test_an_unchanged_site_crawled_again_costs_no_page_twice(tmp_path):
    db = tmp_path / "same.db"
    prospect(db, "add", HENGAN)
    sizes = []
    for _round in range(3):
        _crawl(db, SITES)
        prospect(db, "recrawl", HENGAN)
        with sqlite3.connect(db) as conn:
            sizes.append(conn.execute("SELECT count(*), sum(size) FROM bodies").fetchone())
    with sqlite3.connect(db) as conn:
        snaps = conn.execute("SELECT count(DISTINCT pages_sha256), count(DISTINCT evidence_sha256), count(*) "
                             "FROM snapshots").fetchone()
        parts = conn.execute("SELECT count(*), sum(length(data)) FROM snapshot_parts").fetchone()
    assert snaps == (1, 1, 3) and sizes[0] == sizes[1] == sizes[2]  # one page list, one evidence, for all three
    assert parts[0] == 2 and parts[1] < 0.2 * sizes[0][1]  # stored once, compressed: a fraction of the pages


@pytest.mark.parametrize("args, expected", [
    (("--all",), 2), (("--failed",), 1), (("--grade", "a"), 1), (("--older-than", "30d"), 0),
])
def test_recrawl_chooses_by_age_grade_and_failure(tmp_path, sites_db, args, expected):
    from tests.conftest import copy_store

    db = copy_store(sites_db, tmp_path / "s.db")
    with sqlite3.connect(db) as conn:  # two prospects crawled: one done (A), one failed
        keep = [HENGAN, "http://www.kaida-menjin.com/"]
        conn.execute(f"DELETE FROM prospects WHERE url NOT IN ({','.join('?' * len(keep))})", keep)
    out = prospect(db, "recrawl", *args).stdout
    assert f"queued again: {expected} " in out


def test_a_review_stays_in_force_and_a_changed_claim_puts_it_back_to_review(tmp_path):
    db = tmp_path / "reviewed.db"
    prospect(db, "add", HENGAN)
    _crawl(db, _version(tmp_path, "before"))
    prospect(db, "set", HENGAN, "headcount", "60", "--source", "phone", "--note", "called the owner")
    assert "headcount" not in show(db, HENGAN)["needs_review"]
    prospect(db, "recrawl", HENGAN)
    _crawl(db, _version(tmp_path, "moved"))
    shape = show(db, HENGAN)
    headcount = shape["evidence"]["headcount"]
    assert headcount["value"] == 60 and {"reviewed", "conflict"} <= set(headcount["flags"])
    assert "the site now says 120" in headcount["method"] and "set 60 on" in headcount["method"]
    assert "from phone (when the site said 86)" in headcount["method"]
    assert "headcount" in shape["needs_review"]


def test_recrawl_without_a_choice_is_a_usage_error(db):
    result = prospect(db, "recrawl", check=False)
    assert result.returncode == 2 and "--older-than" in result.stderr


def test_the_window_ends_at_the_next_such_time():
    now = dt.datetime(2026, 12, 6, 23, 10).astimezone()
    assert window_end("06:30", now) == now.replace(hour=6, minute=30) + dt.timedelta(days=1)
    assert window_end("23:45", now) == now.replace(hour=23, minute=45)


def test_a_crawl_whose_window_has_ended_takes_no_site(tmp_path):
    db = tmp_path / "w.db"
    prospect(db, "add", HENGAN)
    result = prospect(db, "crawl", "--quiet", "--replay", str(SITES), "--set", "PROSPECT_UNTIL=1", *FAST)
    assert "0 done" in result.stdout
    rows = json.loads(prospect(db, "list", "--json").stdout)
    assert rows[0]["status"] == "queued"  # waits for the next night


def test_the_prospect_page_shows_the_grade_of_each_crawl_and_the_last_changes(crawled_thrice):
    from prospect_intel.app.web import AppConfig, create_app

    client = create_app(AppConfig(db_path=str(crawled_thrice), reviewer="test-rep")).test_client()
    headers = {"Host": "127.0.0.1:8765"}
    page = client.get("/prospect", query_string={"url": HENGAN}, headers=headers).get_data(as_text=True)
    history = page[page.index('id="history"'):]
    assert history.count("<rect") == 3 and "3 crawl(s)" in history
    assert "site gone since" in history[history.index('id="last-changes"'):]
    chinese = client.get("/prospect", query_string={"url": HENGAN, "lang": "zh"},
                         headers=headers).get_data(as_text=True)
    assert "抓取历史" in chinese and "网站自" in chinese


def test_the_morning_list_says_what_the_last_crawl_changed(tmp_path):
    db = tmp_path / "morning.db"
    prospect(db, "add", HENGAN)
    _crawl(db, _version(tmp_path, "before"))
    first = json.loads(prospect(db, "list", "--changed", "any", "--json").stdout)
    assert first == []  # a first crawl changes nothing
    prospect(db, "recrawl", HENGAN)
    _crawl(db, _version(tmp_path, "moved"))
    listed = prospect(db, "list", "--changed", "new_clients").stdout
    assert "new clients, office moved" in listed and HENGAN in listed
    assert json.loads(prospect(db, "list", "--changed", "site_gone", "--json").stdout) == []
    from prospect_intel.app.web import AppConfig, create_app

    client = create_app(AppConfig(db_path=str(db), reviewer="test-rep")).test_client()
    page = client.get("/", query_string={"changed": "office_moved"},
                      headers={"Host": "127.0.0.1:8765"}).get_data(as_text=True)
    assert "office moved</span>" in page and "恒安" in page
    page = client.get("/", query_string={"changed": "site_gone"}, headers={"Host": "127.0.0.1:8765"}).get_data(
        as_text=True)
    assert "No prospects match these filters." in page


def test_a_site_gone_is_in_the_morning_list(crawled_thrice):
    listed = json.loads(prospect(crawled_thrice, "list", "--changed", "site_gone", "--json").stdout)
    assert [shape["url"] for shape in listed] == [HENGAN]
