"""`prospect crawl --workers N`: several crawl processes over one store. Their result equals one
crawl's; a worker killed with -9 loses and duplicates nothing (its claims go back to the queue and
another worker does them); a parent killed with -9 takes its workers with it and the next crawl
resumes. Real processes, real loopback sites."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.reliability.test_kills import CRAWL, _site, snapshot
from tests.support.cli import prospect
from tests.support.storecheck import assert_one_snapshot_each, rows
from tests.support.webserver import slowed, stop_all

SITES = 12


@pytest.fixture(scope="module")
def web():
    sites = [_site(n, "127.0.9") for n in range(SITES)]
    yield sites
    stop_all(sites)




def test_workers_give_what_one_crawl_gives(web, tmp_path):
    single, workers = tmp_path / "single.db", tmp_path / "workers.db"
    for db in (single, workers):
        prospect(db, "add", "--allow-private", *(site.url for site in web))
    prospect(single, *CRAWL, timeout=300)
    out = prospect(workers, *CRAWL, "--workers", "2", timeout=300).stdout
    assert f"crawled {SITES} site(s)" in out
    assert snapshot(workers) == snapshot(single)
    runs = rows(workers, "SELECT pid, outcome FROM runs")
    assert len({pid for pid, _outcome in runs}) == 2 and {outcome for _pid, outcome in runs} == {"finished"}
    assert_one_snapshot_each(workers, SITES)


def _start(db, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "prospect_intel", *CRAWL, "--workers", "2",
                             "--set", "PROSPECT_CONCURRENT_SITES=2", *extra],
                            env={**os.environ, "PROSPECT_DB": str(db)}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def _wait_for(condition, proc: subprocess.Popen, seconds: float = 120) -> None:
    give_up = time.monotonic() + seconds
    while not condition() and proc.poll() is None and time.monotonic() < give_up:
        time.sleep(0.05)
    assert proc.poll() is None, "the crawl finished before it could be killed: make the sites slower"


@pytest.fixture
def slow(web):
    with slowed(web, 0.25):
        yield web


def test_a_worker_killed_midway_loses_and_duplicates_nothing(slow, tmp_path):
    db = tmp_path / "kill-worker.db"
    prospect(db, "add", "--allow-private", *(site.url for site in slow))
    proc = _start(db)

    def a_worker_holds_a_site() -> bool:
        return bool(rows(db, "SELECT 1 FROM prospects p JOIN runs r ON r.id = p.run_id WHERE p.status = 'crawling' "
                              "AND r.finished_at IS NULL AND r.sites_done >= 1"))
    _wait_for(a_worker_holds_a_site, proc)
    [(victim,)] = rows(db, "SELECT r.pid FROM prospects p JOIN runs r ON r.id = p.run_id WHERE p.status = 'crawling' "
                            "AND r.finished_at IS NULL AND r.sites_done >= 1 LIMIT 1")
    os.kill(victim, signal.SIGKILL)
    assert proc.wait(timeout=300) == 0, proc.stderr.read()
    assert_one_snapshot_each(db, SITES)
    died = rows(db, "SELECT outcome FROM runs WHERE pid = ?", [victim])
    assert died == [("worker died (signal 9)",)]
    assert len(rows(db, "SELECT DISTINCT pid FROM runs")) == 3  # the two, and the one that took over


def test_a_parent_killed_takes_its_workers_and_the_next_crawl_resumes(slow, tmp_path):
    db = tmp_path / "kill-parent.db"
    prospect(db, "add", "--allow-private", *(site.url for site in slow))
    proc = _start(db)
    _wait_for(lambda: len(rows(db, "SELECT id FROM snapshots")) >= 2, proc)
    workers = [pid for (pid,) in rows(db, "SELECT pid FROM runs WHERE finished_at IS NULL")]
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    give_up = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < give_up:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)  # they died with their parent
    assert rows(db, "SELECT count(*) FROM prospects WHERE status != 'done'")[0][0] > 0
    prospect(db, *CRAWL, "--workers", "2", timeout=300)
    assert_one_snapshot_each(db, SITES)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (exited, not yet reaped by init) is dead for this purpose
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1][0] != "Z"
    except OSError:
        return True
