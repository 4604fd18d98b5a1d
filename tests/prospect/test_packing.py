"""Page bodies and snapshot parts stored as deltas against their previous version: read back
byte for byte, a small change costs little, and a chain of deltas is cut by a full copy."""
from __future__ import annotations

import hashlib
import sqlite3

from prospect_intel.app.store import Store
from prospect_intel.app.store.packing import MAX_DEPTH, pack, read_chain, unpack
from prospect_intel.core.models import KeptPage, SiteOutcome

URL = "http://www.hengan-anfang.cn/"


def _home(version: int) -> bytes:
    news = "".join(f"<li>2026-{m:02d}-15 新闻 {m}</li>" for m in range(1, version + 1))
    # a real page compresses less than a repeated line: model numbers that share nothing
    products = "".join(f"<li>门禁控制器 {hashlib.sha256(str(n).encode()).hexdigest()[:24]}</li>" for n in range(300))
    return f"<html><body><ul>{news}</ul><ul>{products}</ul></body></html>".encode()


def _crawl(store: Store, body: bytes) -> None:
    run = store.start_run({})
    [claimed] = store.claim(run, 1) or [None]
    page = KeptPage(url=URL, role="home", status=200, fetched_at="2026-12-01T01:00:00Z", content_type="text/html",
                    encoding="utf-8", body=body, text="x")
    store.save_site(run, SiteOutcome(claimed.id, "done", (page,)))
    store.requeue(URL)


def test_a_delta_reads_back_only_with_its_base():
    base, new = _home(1), _home(2)
    delta = pack(new, base)
    assert unpack(delta, base) == new and len(delta) * 5 < len(pack(new))


def test_every_version_of_a_changed_page_reads_back_and_costs_a_delta(tmp_path):
    store = Store(tmp_path / "s.db")
    store.add_prospects([(URL, None)])
    versions = [_home(v) for v in range(1, MAX_DEPTH + 4)]
    for body in versions:
        _crawl(store, body)
    with sqlite3.connect(tmp_path / "s.db") as conn:
        rows = conn.execute("SELECT sha256, length(data), depth, base_sha256 FROM bodies ORDER BY rowid").fetchall()
    assert [store.body(sha) for sha, *_ in rows] == versions
    full, *deltas = [size for _sha, size, _depth, _base in rows]
    assert all(size * 5 < full for size in deltas[:MAX_DEPTH])
    # the chain back to a full copy never grows past MAX_DEPTH: then a full copy starts a new one
    depths = [depth for _sha, _size, depth, _base in rows]
    assert depths[:MAX_DEPTH + 2] == [*range(MAX_DEPTH + 1), 0] and max(depths) == MAX_DEPTH
    assert rows[MAX_DEPTH + 1][3] is None


def test_snapshot_parts_are_deltas_and_read_back(tmp_path):
    store = Store(tmp_path / "s.db")
    store.add_prospects([(URL, None)])
    for version in (1, 2, 3):
        _crawl(store, _home(version))
    crawls = store.snapshots(store.prospect_row(URL)["id"])
    assert [len(c["pages"]) for c in crawls] == [1, 1, 1]
    assert len({c["pages"][0]["body_sha256"] for c in crawls}) == 3
    with sqlite3.connect(tmp_path / "s.db") as conn:
        based = conn.execute("SELECT count(*) FROM snapshot_parts WHERE base_sha256 IS NOT NULL").fetchone()[0]
    assert based >= 2


def test_a_chain_with_a_missing_link_reads_as_absent():
    rows = {"b": ("zlib", pack(b"v2", b"v1"), "a")}
    assert read_chain("b", rows.get) is None
