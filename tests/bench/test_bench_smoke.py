"""A tiny run of the bench: the mock web serves, both crawls finish, the report prints.

Figures are not asserted (they are measured by `make bench`, never by tests); only that every
part still works end to end.
"""
from __future__ import annotations

import pytest

pytest.importorskip("aiohttp")
pytest.importorskip("psutil")

from bench import crawlrun, extraction, report
from bench.mockweb import render, robots, site
from bench.resolver import BenchResolver
from bench.server_proc import MockServer


def test_sites_are_reproducible_and_realistic():
    first, again = site(6, 17), site(6, 17)
    assert first == again
    assert 15 <= len(first.paths()) <= 62
    kinds = {site(6, i).kind for i in range(400)}
    assert {"ok", "slow"} <= kinds and kinds & {"error500", "notfound", "reset", "robots_all"}
    assert any(site(6, i).encoding == "gbk" for i in range(50))
    ok = next(site(6, i) for i in range(50) if site(6, i).kind == "ok")
    sizes = [len(render(ok, path).body) for path in ok.paths()]
    assert min(sizes) > 15_000 and max(sizes) < 70_000
    assert render(ok, "/no/such/page.html").status == 404
    assert b"Disallow: /admin/" in robots(ok).body


def test_resolver_maps_bench_hosts_to_loopback():
    resolved = []
    BenchResolver.getHostByName(object.__new__(BenchResolver), "site3.bench.test").addCallback(resolved.append)
    assert resolved == ["127.0.0.1"]


def test_bare_and_full_crawls_finish_on_the_mock_web(tmp_path):
    with MockServer() as server:
        results = [crawlrun.run(kind, "cpu", 3, server, tmp_path / kind, cap=90) for kind in ("bare", "full")]
    for result in results:
        # `pages` counts from the first sample that saw a page (the rate window), so under load it
        # can miss the early ones; requests per finished site says the whole crawl ran.
        assert result.sites_done == 3 and result.requests_per_site >= 5
        assert result.pages > 0 and result.cpu > 0 and result.peak_rss_mb > 0
    assert results[1].db_sites == 3
    assert "CPU full/bare" in report.crawl_table(results)


def test_extraction_bench_times_extraction_parse_and_pages_alone_over_the_same_pages():
    sites = extraction.mock_sites(2, pages_per_site=4)
    result = extraction.measure("mock web", sites)
    assert (result.sites, result.pages) == (2, sum(map(len, sites)))
    assert result.extract_s > 0 and result.parse_s > 0 and result.pages_s > 0
    assert result.pages_ratio == result.pages_s / result.parse_s
    machine = dict.fromkeys(("when", "nproc", "cpu", "memory_gb", "load_avg", "python", "scrapy", "lxml"), "-")
    shown = report.render(machine, None, [], [result], [], 1.0)
    assert "pages alone" in shown and f"before any extractor: {result.pages_ratio:.2f}x" in shown


def test_snapshot_growth_runs_and_reports(tmp_path):
    from bench import snapshotbench

    result = snapshotbench.run(tmp_path, crawls=2)
    assert result.sites >= 5 and len(result.content_kb) == 2 and result.content_kb[1] > result.content_kb[0]
    assert "crawled 2 times" in "\n".join(snapshotbench.render(result))


def test_a_workers_crawl_runs_and_counts_its_workers_cpu(tmp_path):
    with MockServer() as server:
        result = crawlrun.run("full", "cpu", 4, server, tmp_path / "workers", cap=90, workers=2)
    assert result.sites_done == 4 and result.db_sites == 4 and result.cpu > 0 and result.workers == 2
    assert "speed-up" in "\n".join(report.workers_table([result]))


def test_separate_crawls_baseline_crawls_each_share_in_its_own_store(tmp_path):
    with MockServer() as server:
        result = crawlrun.run("apart", "cpu", 4, server, tmp_path / "apart", cap=90, workers=2)
    stores = [crawlrun.full_progress(db)[0] for db in sorted(tmp_path.glob("apart/apart-*/full.db"))]
    assert stores == [2, 2] and result.sites_done == 4 and result.cpu > 0
    assert "separate crawls" in "\n".join(report.workers_table([result]))


def test_relay_part_crawls_through_redis_and_collects_every_site(tmp_path):
    from bench import relaybench

    figures = relaybench.run(tmp_path, 4)
    assert figures.collected == 4 and figures.redis_commands > 0 and figures.collect_sites_per_hour > 0
    assert "one collector stores 4" in "\n".join(relaybench.render(figures))
