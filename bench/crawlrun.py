"""Run one crawl (bare baseline or full `prospect crawl`) against the mock web and measure it.

The crawl runs in its own process. Every 0.25 s the driver samples its CPU time and RSS
(psutil), the pages the mock server has served and the sites the crawl has finished. Figures
cover the window from the first page served to the end (or to the time cap, when the run is
cut short with SIGINT); peak RSS also comes from the kernel (`wait4` ru_maxrss).
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

from bench.server_proc import MockServer

ROOT = Path(__file__).resolve().parent.parent
POLL = 0.25
CPU_MODE = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False}
FULL_CPU_MODE = {**CPU_MODE, "PROSPECT_RETRY_BASE_DELAY": 0}


@dataclass
class RunResult:
    kind: str  # bare | full | apart (independent full crawls of separate stores)
    mode: str  # cpu | polite
    sites: int  # queued
    sites_done: int  # finished (done or failed) within the window
    pages: int  # pages served (robots.txt excluded) within the window
    seconds: float  # window: first page served -> exit or cap
    cpu: float  # user+sys CPU seconds of the crawl process within the window
    peak_rss_mb: float
    requests_per_site: float  # page requests per finished site
    capped: bool
    db_mb: float = 0.0  # full pipeline: store size after the run (with WAL)
    db_sites: int = 0  # full pipeline: sites finished in the store after the run
    workers: int = 1  # full pipeline: `crawl --workers N` (CPU and RSS: the parent and its workers)

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_page(self) -> float:
        return self.cpu / self.pages * 1000 if self.pages else 0.0

    @property
    def sites_per_hour(self) -> float:
        """Finished sites per hour; for a capped run, page rate / pages per finished site."""
        if not self.capped:
            return self.sites_done / self.seconds * 3600 if self.seconds else 0.0
        return self.pages_per_s * 3600 / self.requests_per_site if self.requests_per_site else 0.0

    def to_json(self) -> dict:
        return {**asdict(self), "pages_per_s": self.pages_per_s, "cpu_ms_per_page": self.cpu_ms_per_page,
                "sites_per_hour": self.sites_per_hour}


def site_urls(port: int, n: int) -> list[str]:
    return [f"http://site{i}.bench.test:{port}/" for i in range(n)]


def _env() -> dict:
    path = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{path}" if path else str(ROOT)}


def _sets(values: dict) -> list[str]:
    return [arg for k, v in values.items() for arg in ("--set", f"{k}={json.dumps(v)}")]


def prepare_full(work: Path, urls: list[str]) -> Path:
    db = work / "full.db"
    sites = work / "sites.txt"
    sites.write_text("\n".join(urls) + "\n")
    subprocess.run([sys.executable, "-m", "prospect_intel", "--db", str(db), "add", "--allow-private",
                    "--file", str(sites)],
                   cwd=ROOT, env=_env(), check=True, capture_output=True)
    return db


def full_command(db: Path, mode: str, extra: dict, workers: int = 1) -> list[str]:
    values = {
        "TWISTED_DNS_RESOLVER": "bench.resolver.BenchResolver",
        **(FULL_CPU_MODE if mode == "cpu" else {}),
        **extra,
    }
    return [
        sys.executable,
        "-m",
        "prospect_intel",
        "--db",
        str(db),
        "crawl",
        "--quiet",
        "--allow-private",
        *(["--workers", str(workers)] if workers > 1 else []),
        *_sets(values),
    ]


def bare_command(work: Path, urls: list[str], mode: str, extra: dict) -> tuple[list[str], Path]:
    sites = work / "sites.txt"
    sites.write_text("\n".join(urls) + "\n")
    progress = work / "bare-progress.json"
    values = {**(CPU_MODE if mode == "cpu" else {}), **extra}
    sites_at_once = extra.get("PROSPECT_CONCURRENT_SITES")
    cmd = [sys.executable, "-m", "bench.bare", "--sites", str(sites), "--progress", str(progress),
           *([f"--concurrent-sites={sites_at_once}"] if sites_at_once else []),
           *[arg for k, v in values.items() if not k.startswith("PROSPECT_")
             for arg in ("--set", f"{k}={json.dumps(v)}")]]
    return cmd, progress


def full_progress(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        done, requests = conn.execute(
            "SELECT count(*), coalesce(sum(requests), 0) FROM prospects WHERE status IN ('done', 'failed')").fetchone()
    except sqlite3.Error:
        return 0, 0
    finally:
        conn.close()
    return done, requests


def bare_progress(path: Path) -> tuple[int, int]:
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return 0, 0
    return data["sites_done"], data["site_requests"]


def measure(cmd: list[str], server: MockServer, progress, *, cap: float | None, log: Path,
            proportional: bool = False) -> dict:
    """Run `cmd`, sample it until it exits or `cap` seconds after its first page; return figures.
    `proportional`: memory as the tree's summed PSS (each shared page counted once), for a tree
    of many processes sharing libraries (Chromium's), where summed RSS counts them many times."""
    server.reset()
    launched = (time.monotonic(), 0.0, 0)
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=_env(), stdout=out, stderr=subprocess.STDOUT)
    ps = psutil.Process(proc.pid)
    first = last = None
    peak = 0
    capped = False
    usage = None
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            break
        try:
            cpu, rss = _tree_usage(ps, proportional)
        except psutil.Error:
            time.sleep(POLL)
            continue
        pages, now = server.stats()["pages"], time.monotonic()
        peak = max(peak, rss)
        last = (now, cpu, pages)
        if first is None and pages > 0:
            first = last
        if cap and first and now - first[0] >= cap:
            capped = True
            done = progress()
            proc.send_signal(signal.SIGINT)
            usage = _reap(proc)
            break
        time.sleep(POLL)
    if not capped:
        now, pages = time.monotonic(), server.stats()["pages"]
        last = (now, usage.ru_utime + usage.ru_stime, pages)
        done = progress()
    if proc.returncode not in (0, None) and not capped:
        raise RuntimeError(f"{' '.join(cmd[:4])} ... exited {proc.returncode}; see {log}")
    first = first or launched  # done before a sample saw a page: the window is the whole process
    if not proportional:
        peak = max(peak, usage.ru_maxrss * 1024 if usage else 0)
    return {"sites_done": done[0], "requests_per_site": done[1] / done[0] if done[0] else 0.0,
            "pages": last[2] - first[2], "seconds": last[0] - first[0],
            "cpu": last[1] - first[1], "peak_rss_mb": peak / 2**20, "capped": capped}


def _tree_usage(ps: psutil.Process, proportional: bool = False) -> tuple[float, int]:
    """CPU seconds and RSS (or PSS) of a process and its children (the workers of `crawl
    --workers`, the browser)."""
    reaped = ps.cpu_times()  # workers that have exited count in their parent's children times
    cpu, rss = reaped.children_user + reaped.children_system, 0
    for member in [ps, *ps.children(recursive=True)]:
        try:
            times = member.cpu_times()
            cpu += times.user + times.system
            rss += member.memory_full_info().pss if proportional else member.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return cpu, rss


def _reap(proc: subprocess.Popen):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return usage
        time.sleep(0.2)
    proc.kill()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage


def run(kind: str, mode: str, n: int, server: MockServer, work: Path, *, cap: float | None,
        extra: dict | None = None, workers: int = 1, proportional: bool = False) -> RunResult:
    extra = extra or {}
    work.mkdir(parents=True, exist_ok=True)
    urls = site_urls(server.port, n)
    if kind == "apart":  # `workers` independent single crawls, each its share of the sites in its own store
        figures = _apart(work, urls, mode, extra, workers, server, cap)
    elif kind == "full":
        db = prepare_full(work, urls)
        figures = measure(full_command(db, mode, extra, workers), server, lambda: full_progress(db), cap=cap,
                          log=work / "full.log", proportional=proportional)
        figures["workers"] = workers
        figures["db_sites"] = full_progress(db)[0]
        figures["db_mb"] = sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 2**20
    else:
        cmd, progress_file = bare_command(work, urls, mode, extra)
        figures = measure(cmd, server, lambda: bare_progress(progress_file), cap=cap, log=work / "bare.log")
    return RunResult(kind=kind, mode=mode, sites=n, **figures)


def _apart(work: Path, urls: list[str], mode: str, extra: dict, count: int, server: MockServer,
           cap: float | None) -> dict:
    dbs = []
    for n in range(count):
        (work / f"apart-{n}").mkdir(exist_ok=True)
        dbs.append(prepare_full(work / f"apart-{n}", urls[n::count]))
    cmd = [sys.executable, "-m", "bench.together", json.dumps([full_command(db, mode, extra) for db in dbs])]

    def progress() -> tuple[int, int]:
        found = [full_progress(db) for db in dbs]
        return sum(done for done, _ in found), sum(requests for _, requests in found)

    figures = measure(cmd, server, progress, cap=cap, log=work / "apart.log")
    figures["workers"] = count
    return figures
