"""Workers over Redis, and where the single writer becomes the limit.

On loopback, with a real `redis-server` (append-only file on, fsync at every write, as the docs
ask to run it): the queued sites are pushed to the shared queue, two `prospect worker`
processes crawl them on the CPU-bound mock web with no collector running (their rate through
Redis, their pending results' size in Redis), then one `prospect collect` stores them all: the
sites per hour the collector writes is the ceiling of a crawl over many machines, whatever the
number of workers.
"""
from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil
import redis

from bench import crawlrun
from bench.server_proc import MockServer
from tests.support.redisserver import RedisServer

WORKERS = 2


@dataclass
class RelayFigures:
    sites: int
    workers: int
    crawl_seconds: float  # the workers, first start to last exit
    crawl_sites_per_hour: float
    results_mb: float  # Redis's memory holding every finished site before collection
    collect_seconds: float
    collect_cpu: float
    collect_sites_per_hour: float
    collected: int
    redis_commands: int  # commands Redis served for the whole run (push, workers, collect)
    redis_cpu: float  # Redis's CPU seconds for the whole run

    def to_json(self) -> dict:
        return asdict(self)


def _prospect(db: Path, *args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "prospect_intel", "--db", str(db), *args],
                            cwd=crawlrun.ROOT, env=crawlrun._env(), **kwargs)


def _crawl(db: Path, url: str, work: Path) -> float:
    settings = {"TWISTED_DNS_RESOLVER": "bench.resolver.BenchResolver", **crawlrun.FULL_CPU_MODE}
    started = time.monotonic()
    workers = [_prospect(db, "worker", "--redis", url, "--allow-private", "--exit-when-empty",
                         "--name", f"bench{n}", *crawlrun._sets(settings),
                         stdout=subprocess.DEVNULL, stderr=open(work / f"worker{n}.log", "w"))
               for n in range(WORKERS)]
    for worker in workers:
        if worker.wait() != 0:
            raise RuntimeError(f"a bench worker exited {worker.returncode}; see {work}")
    return time.monotonic() - started


def _collect(db: Path, url: str) -> tuple[float, float]:
    """One `prospect collect` of everything handed back: its wall seconds and CPU seconds."""
    before = psutil.Process().cpu_times()
    started = time.monotonic()
    proc = _prospect(db, "collect", "--redis", url, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _out, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"bench collect exited {proc.returncode}: {err}")
    after = psutil.Process().cpu_times()
    cpu = after.children_user + after.children_system - before.children_user - before.children_system
    return time.monotonic() - started, cpu


def run(work: Path, sites: int) -> RelayFigures:
    work.mkdir(parents=True, exist_ok=True)
    server = RedisServer(work).start()
    client = redis.Redis.from_url(server.url)
    try:
        with MockServer(max_sites=max(10_000, sites)) as web:
            web.set_latency(0)
            db = crawlrun.prepare_full(work, crawlrun.site_urls(web.port, sites))
            if _prospect(db, "queue", "push", "--redis", server.url, stdout=subprocess.DEVNULL).wait() != 0:
                raise RuntimeError("bench queue push failed")
            print(f"[bench] relay: {WORKERS} workers crawl {sites} sites ...", file=sys.stderr, flush=True)
            crawl_seconds = _crawl(db, server.url, work)
        results_mb = client.info("memory")["used_memory"] / 2**20
        print("[bench] relay: collect ...", file=sys.stderr, flush=True)
        seconds, cpu = _collect(db, server.url)
        collected = crawlrun.full_progress(db)[0]
        commands = client.info("stats")["total_commands_processed"]
        cpu_info = client.info("cpu")
        redis_cpu = cpu_info["used_cpu_user"] + cpu_info["used_cpu_sys"]
    finally:
        client.close()
        server.stop()
    return RelayFigures(sites=sites, workers=WORKERS, crawl_seconds=crawl_seconds,
                        crawl_sites_per_hour=sites / crawl_seconds * 3600, results_mb=results_mb,
                        collect_seconds=seconds, collect_cpu=cpu, collect_sites_per_hour=collected / seconds * 3600,
                        collected=collected, redis_commands=commands, redis_cpu=redis_cpu)


def render(figures: RelayFigures) -> list[str]:
    f = figures
    return [f"Workers over Redis (loopback, CPU-bound mock web, {f.sites} sites)",
            f"  {f.workers} workers crawl: {f.crawl_seconds:.1f} s, {f.crawl_sites_per_hour:,.0f} sites/h "
            f"(no collector running); Redis holds the {f.sites} finished sites in {f.results_mb:.1f} MB",
            f"  one collector stores {f.collected}: {f.collect_seconds:.1f} s ({f.collect_cpu:.1f} s CPU), "
            f"{f.collect_sites_per_hour:,.0f} sites/h: the ceiling of a crawl over many machines",
            f"  Redis: {f.redis_commands / f.sites:.0f} commands and {f.redis_cpu / f.sites * 1000:.1f} ms CPU a site"]
