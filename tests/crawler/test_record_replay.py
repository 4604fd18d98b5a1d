"""`prospect record` saves a live site; `--replay` of that folder keeps the same pages."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.crawler.test_loopback import _company
from tests.support.cli import FAST, prospect, show


def test_recorded_site_replays_to_the_same_pages(tmp_path):
    site = _company("127.0.0.31")
    site.page("/about.html", "<html><head><title>公司简介</title></head><body>镕堃科技成立于2009年</body></html>",
              charset="gbk")
    site.redirect("/products.html", site.url + "products/")
    site.page("/products/", "<html><head><title>产品中心</title></head><body>门禁控制器</body></html>")
    site.start()
    try:
        folder = tmp_path / "recorded"
        result = prospect(tmp_path / "unused.db", "record", site.url, str(folder), "--allow-private")
        live_db = tmp_path / "live.db"
        prospect(live_db, "add", "--allow-private", site.url)
        prospect(live_db, "crawl", "--quiet", "--allow-private", *FAST)
    finally:
        site.stop()
    assert "pages kept" in result.stdout
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    by_url = {r["url"]: r for r in manifest["responses"]}
    assert by_url[site.url + "products.html"]["status"] == 301
    about = by_url[site.url + "about.html"]
    assert (
        folder / about["file"]
    ).read_bytes() == "<html><head><title>公司简介</title></head><body>镕堃科技成立于2009年</body></html>".encode("gbk")

    replay_db = tmp_path / "replay.db"
    prospect(replay_db, "add", "--allow-private", site.url)
    prospect(replay_db, "crawl", "--quiet", "--replay", str(folder))  # the server is gone: disk only
    live, replayed = show(live_db, site.url), show(replay_db, site.url)
    assert [(p["url"], p["role"]) for p in replayed["pages"]] == [(p["url"], p["role"]) for p in live["pages"]]


def test_record_refuses_a_non_empty_folder(tmp_path):
    folder = tmp_path / "busy"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    result = prospect(tmp_path / "x.db", "record", "http://www.example.cn/", str(folder), check=False)
    assert result.returncode == 1 and "not empty" in result.stderr
    assert (folder / "keep.txt").read_text() == "mine"


def test_scrapy_crawl_command_uses_the_same_spider(tmp_path):
    site = _company("127.0.0.32").start()
    try:
        db = tmp_path / "scrapy.db"
        env = {**os.environ, "PROSPECT_DB": str(db)}
        subprocess.run(
            [sys.executable, "-m", "scrapy", "crawl", "prospect", "-a", f"url={site.url}",
             "-s", "PROSPECT_ALLOW_PRIVATE=1", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0",
             "-s", f"PROSPECT_DB={db}", "-s", "LOG_LEVEL=WARNING"],
            cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))), env=env, check=True, timeout=60,
            capture_output=True,
        )
    finally:
        site.stop()
    shape = show(db, site.url)
    assert shape["status"] == "done"
    assert {p["role"] for p in shape["pages"]} == {"home", "about", "products", "contact"}


def test_a_replay_answers_at_once_unless_paced(monkeypatch):
    """PROSPECT_REPLAY_DELAY pauses before each replayed answer (a crawl that lasts, to watch);
    without it nothing waits."""
    from scrapy.http import Request

    from prospect_intel.crawler.middlewares import replay
    from tests.conftest import SITES

    pauses: list[float] = []

    async def recorded_sleep(seconds: float) -> None:
        pauses.append(seconds)

    monkeypatch.setattr(replay, "sleep", recorded_sleep)
    request = Request("http://www.gz-ruianda.com/")
    for delay, expected in ((0.0, []), (0.25, [0.25])):
        pauses.clear()
        answer = _finished(replay.ReplayMiddleware(str(SITES), delay).process_request(request))
        assert answer.status == 200 and b"<html" in answer.body.lower()
        assert pauses == expected


def _finished(coroutine):
    """The value of a coroutine that never really waits (its sleep is recorded, not slept): run
    without an event loop, since another test may have left one running in this thread."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    raise AssertionError("the replay waited on something besides its pause")
