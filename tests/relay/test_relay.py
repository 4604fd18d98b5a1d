"""Workers over a shared queue in Redis: a real `redis-server` on loopback, real worker and
collector processes, real loopback sites. The result equals a single crawl's; killed workers and
collectors and a restarted Redis lose nothing and store nothing twice."""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time

import pytest
import redis

from tests.reliability.test_kills import CRAWL, _site, snapshot
from tests.support.cli import FAST, prospect
from tests.support.redisserver import RedisServer
from tests.support.storecheck import assert_one_snapshot_each, rows
from tests.support.tls import certificate_files
from tests.support.webserver import slowed, stop_all

SITES = 10
WORKER = ["worker", "--allow-private", *FAST, "--set", "PROSPECT_CONCURRENT_SITES=2", "--exit-when-empty"]


@pytest.fixture(scope="module")
def web():
    sites = [_site(n, "127.0.11") for n in range(SITES)]
    yield sites
    stop_all(sites)


@pytest.fixture
def server(tmp_path):
    found = RedisServer(tmp_path).start()
    yield found
    found.stop()


def _spawn(db, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "prospect_intel", *args], env={**os.environ, "PROSPECT_DB": str(db)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)




def _finish(procs: list[subprocess.Popen], timeout: float = 240) -> list[str]:
    outs = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=timeout)
        assert proc.returncode == 0, stderr
        outs.append(stdout)
    return outs


def test_workers_over_redis_give_what_one_crawl_gives(web, server, tmp_path):
    single, relayed = tmp_path / "single.db", tmp_path / "relayed.db"
    for db in (single, relayed):
        prospect(db, "add", "--allow-private", *(site.url for site in web))
    prospect(single, *CRAWL, timeout=300)
    assert f"pushed {SITES} prospect(s)" in prospect(relayed, "queue", "push", "--redis", server.url).stdout
    procs = [_spawn(relayed, *WORKER, "--redis", server.url, "--name", f"w{n}") for n in range(2)]
    collector = _spawn(relayed, "collect", "--redis", server.url)
    _finish(procs)
    [out] = _finish([collector])
    assert f"stored {SITES} site(s)" in out
    assert snapshot(relayed) == snapshot(single)
    assert_one_snapshot_each(relayed, SITES)
    status = json.loads(prospect(relayed, "queue", "status", "--redis", server.url, "--json").stdout)
    assert (status["queued"], status["leased"], status["to_collect"]) == (0, [], 0)
    assert status["store"] == {"outstanding": 0, "collected": SITES, "done": SITES}
    assert f"store: done {SITES}, failed 0, out with the workers 0" in prospect(
        relayed, "queue", "status", "--redis", server.url).stdout
    client = redis.Redis.from_url(server.url)  # handled entries leave Redis: no pages kept there
    assert client.xlen("prospect:jobs") == client.xlen("prospect:results") == 0


@pytest.fixture
def slow(web):
    with slowed(web, 0.2):
        yield web


def test_killed_workers_and_collectors_lose_nothing_and_store_nothing_twice(slow, server, tmp_path):
    db = tmp_path / "kills.db"
    prospect(db, "add", "--allow-private", *(site.url for site in slow))
    prospect(db, "queue", "push", "--redis", server.url)
    lease = ["--lease", "2"]
    workers = [_spawn(db, *WORKER, *lease, "--redis", server.url, "--name", f"w{n}") for n in range(2)]
    collector = _spawn(db, "collect", "--redis", server.url, "--follow")
    kills = 0
    moments = random.Random(19)  # random moments, the same each run
    for round_ in range(3):  # kill a worker (mid-site) and the collector, start others
        time.sleep(moments.uniform(0.8, 2.0))
        victim = workers.pop(0)
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        collector.send_signal(signal.SIGKILL)
        collector.wait()
        kills += 2
        workers.append(_spawn(db, *WORKER, *lease, "--redis", server.url, "--name", f"r{round_}"))
        collector = _spawn(db, "collect", "--redis", server.url, "--follow")
    assert kills >= 5
    _finish(workers)
    collector.send_signal(signal.SIGTERM)
    _finish([collector])
    _finish([_spawn(db, "collect", "--redis", server.url)])  # whatever the last one left
    assert_one_snapshot_each(db, SITES)
    assert rows(db, "SELECT count(*) FROM relay_jobs WHERE collected_at IS NULL") == [(0,)]


def test_a_redis_restarted_midway_loses_nothing(slow, server, tmp_path):
    db = tmp_path / "restart.db"
    prospect(db, "add", "--allow-private", *(site.url for site in slow))
    prospect(db, "queue", "push", "--redis", server.url)
    workers = [_spawn(db, *WORKER, "--lease", "5", "--redis", server.url, "--name", f"w{n}") for n in range(2)]
    collector = _spawn(db, "collect", "--redis", server.url)
    time.sleep(2)
    server.stop()
    time.sleep(2)
    server.start()  # the same port and append-only file
    _finish(workers)
    _finish([collector])
    assert_one_snapshot_each(db, SITES)


def test_a_wrong_password_or_url_is_a_clear_error(tmp_path):
    locked = RedisServer(tmp_path, password="s3cret").start()
    try:
        db = tmp_path / "auth.db"
        prospect(db, "add", "http://www.example.cn/")
        wrong = locked.url.replace("s3cret", "wrong")
        result = prospect(db, "queue", "push", "--redis", wrong, check=False)
        assert result.returncode == 8 and "refused the password" in result.stderr and "wrong" not in result.stderr
        result = prospect(db, "queue", "push", "--redis", "http://nowhere", check=False)
        assert result.returncode == 8 and "no Redis URL" in result.stderr
        assert "pushed 1" in prospect(db, "queue", "push", "--redis", locked.url).stdout
    finally:
        locked.stop()


def test_a_worker_started_before_redis_waits_for_it_and_says_so(web, tmp_path):
    later = RedisServer(tmp_path)
    db = tmp_path / "later.db"
    prospect(db, "add", "--allow-private", *(site.url for site in web[:3]))
    # The jobs are pushed before Redis goes down: a worker that met an empty queue once Redis
    # answered would rightly exit (--exit-when-empty) before a later push.
    later.start()
    prospect(db, "queue", "push", "--redis", later.url)
    later.stop()
    worker = _spawn(db, *WORKER, "--redis", later.url)
    said: list[str] = []  # its stderr, read as it comes: a slow machine takes seconds to start it
    reader = threading.Thread(target=lambda: said.extend(worker.stderr), daemon=True)
    reader.start()
    deadline = time.monotonic() + 60
    while not any("does not answer" in line for line in said) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert worker.poll() is None  # waiting, not crashed
    later.start()  # the same port and append-only file: the pushed jobs are there
    try:
        collector = _spawn(db, "collect", "--redis", later.url)
        worker.wait(timeout=120)
        reader.join(timeout=10)
        stderr = "".join(said)
        assert worker.returncode == 0 and "does not answer" in stderr and "trying again in" in stderr
        assert "Traceback" not in stderr
        _finish([collector])
        assert rows(db, "SELECT count(*) FROM prospects WHERE status = 'done'") == [(3,)]
    finally:
        later.stop()


def test_a_one_off_command_against_a_redis_that_does_not_answer_is_a_clear_error(tmp_path):
    db = tmp_path / "down.db"
    prospect(db, "add", "http://www.example.cn/")
    result = prospect(db, "queue", "status", "--redis", RedisServer(tmp_path).url, check=False)
    assert result.returncode == 9 and "does not answer" in result.stderr and "Traceback" not in result.stderr


def test_tls_and_a_password_are_accepted(web, tmp_path):
    files = certificate_files(tmp_path, "127.0.0.1", dt.date(2025, 1, 1), dt.date.today() + dt.timedelta(days=30))
    secure = RedisServer(tmp_path, password="s3cret", tls=files).start()
    try:
        assert secure.url.startswith("rediss://:s3cret@")
        db = tmp_path / "tls.db"
        prospect(db, "add", "--allow-private", web[0].url)
        assert "pushed 1" in prospect(db, "queue", "push", "--redis", secure.url).stdout
        _finish([_spawn(db, *WORKER, "--redis", secure.url)])
        _finish([_spawn(db, "collect", "--redis", secure.url)])
        assert rows(db, "SELECT status FROM prospects") == [("done",)]
    finally:
        secure.stop()


def test_a_site_handed_back_twice_is_stored_once(web, server, tmp_path):
    db = tmp_path / "twice.db"
    prospect(db, "add", "--allow-private", web[1].url)
    prospect(db, "queue", "push", "--redis", server.url)
    _finish([_spawn(db, *WORKER, "--redis", server.url)])
    client = redis.Redis.from_url(server.url)
    [(_entry, fields)] = client.xrange("prospect:results")
    client.xadd("prospect:results", fields)  # what a worker killed between XADD and XACK, then redone, sends
    [out] = _finish([_spawn(db, "collect", "--redis", server.url)])
    assert "stored 1 site(s); 1 handed back twice and stored once" in out
    assert rows(db, "SELECT count(*) FROM snapshots") == [(1,)]
