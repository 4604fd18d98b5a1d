"""Replay every saved fixture site through the real spider and check what it keeps."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import SITES
from tests.support.cli import prospect, show

SITE_DIRS = sorted(p for p in SITES.iterdir() if (p / "expected.json").is_file())
_REQUESTED = re.compile(r"(?:Crawled \(\d+\) |Redirecting \(\d+\) to )<GET ([^>]+)>")


def _manifest(site: Path) -> dict:
    return json.loads((site / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def replayed(tmp_path_factory):
    """One crawl of all fixture sites (as a rep would queue them), plus the URLs it requested."""
    tmp = tmp_path_factory.mktemp("replay")
    db, log = tmp / "replay.db", tmp / "crawl.log"
    prospect(db, "add", *[_manifest(site)["start_url"] for site in SITE_DIRS])
    prospect(db, "crawl", "--quiet", "--replay", str(SITES), "--log-file", str(log), "--set", "LOG_LEVEL=DEBUG")
    requested = set(_REQUESTED.findall(log.read_text(encoding="utf-8")))
    return db, requested


@pytest.mark.parametrize("site", SITE_DIRS, ids=lambda p: p.name)
def test_keeps_expected_pages_with_roles(replayed, site):
    db, _ = replayed
    expected = json.loads((site / "expected.json").read_text(encoding="utf-8"))
    shape = show(db, _manifest(site)["start_url"])
    assert shape["status"] == expected["status"], shape["error"]
    assert shape["error_kind"] == expected.get("error_kind")
    assert {p["url"]: p["role"] for p in shape["pages"]} == expected["kept"]


@pytest.mark.parametrize("site", SITE_DIRS, ids=lambda p: p.name)
def test_never_requests_forbidden_urls(replayed, site):
    _, requested = replayed
    expected = json.loads((site / "expected.json").read_text(encoding="utf-8"))
    assert requested, "the crawl log recorded no requests"
    assert not requested & set(expected.get("not_fetched", []))


def test_pages_keep_raw_bytes_and_decoded_text(replayed):
    from prospect_intel.app.store import Store

    db, _ = replayed
    store = Store(db)
    gbk = next(s for s in SITE_DIRS if s.name == "jiaxin-gbk")
    row = store.prospect_row(_manifest(gbk)["start_url"])
    pages = store.pages(row["id"])
    home = pages[0]
    saved = next(r for r in _manifest(gbk)["responses"] if r["url"] == home["url"])
    assert store.body(home["body_sha256"]) == (gbk / saved["file"]).read_bytes()
    assert home["encoding"] == "gb18030"
    assert "公司" in home["text"] and "\ufffd" not in home["text"]
