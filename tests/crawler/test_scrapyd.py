"""The Scrapyd path the README documents: a real `scrapyd` on loopback, the egg `scrapyd-deploy`
builds from `deploy/scrapyd/`, a crawl scheduled through Scrapyd's API, and the store read after."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.support.cli import prospect, show

ROOT = Path(__file__).resolve().parents[2]
SITES = ROOT / "tests" / "fixtures" / "sites"
URL = "http://www.hengan-anfang.cn/"  # tests/fixtures/sites/hengan-zh, replayed


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _api(base: str, path: str, data: dict[str, list[str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    with urllib.request.urlopen(f"{base}/{path}", data=body, timeout=10) as answer:
        return json.loads(answer.read())


@pytest.fixture
def scrapyd(tmp_path):
    port, run = _port(), tmp_path / "scrapyd"
    run.mkdir()
    (run / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = {run}/eggs\nlogs_dir = {run}/logs\n"
        f"dbs_dir = {run}/dbs\npoll_interval = 0.5\nmax_proc = 1\n")
    server = subprocess.Popen([sys.executable, "-m", "scrapyd", "--nodaemon", "--pidfile="], cwd=run,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            _api(base, "daemonstatus.json")
            break
        except OSError as exc:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("scrapyd did not start") from exc
            time.sleep(0.2)
    yield base
    server.terminate()
    server.wait(timeout=20)


def _deploy(base: str, tmp_path: Path) -> dict:
    """`scrapyd-deploy test` from a copy of deploy/scrapyd, with the target in the user's scrapy.cfg."""
    folder, config = tmp_path / "deploy", tmp_path / "config"
    shutil.copytree(ROOT / "deploy" / "scrapyd", folder)
    config.mkdir()
    (config / "scrapy.cfg").write_text(f"[deploy:test]\nurl = {base}/\nproject = prospect\n")
    result = subprocess.run([sys.executable, "-m", "scrapyd_client.deploy", "test"], cwd=folder, capture_output=True,
                            text=True, timeout=120, env={**os.environ, "XDG_CONFIG_HOME": str(config)})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])  # the server's answer


def test_a_crawl_scheduled_through_scrapyd_lands_in_the_store(scrapyd, tmp_path):
    deployed = _deploy(scrapyd, tmp_path)
    assert deployed["status"] == "ok" and deployed["spiders"] == 1
    assert _api(scrapyd, "listspiders.json?project=prospect")["spiders"] == ["prospect"]
    db = tmp_path / "store.db"
    prospect(db, "add", URL)
    job = _api(scrapyd, "schedule.json", {"project": ["prospect"], "spider": ["prospect"], "setting": [
        f"PROSPECT_DB={db}", f"PROSPECT_REPLAY_DIR={SITES}"]})["jobid"]
    deadline = time.monotonic() + 120
    while not any(j["id"] == job for j in _api(scrapyd, "listjobs.json?project=prospect")["finished"]):
        assert time.monotonic() < deadline, "the job did not finish"
        time.sleep(0.5)
    found = show(db, URL)
    assert found["status"] == "done" and found["evidence"]["company_name"]["value"] == "深圳市恒安智能安防科技有限公司"
    assert found["score"]["grade"] == "A"
