"""Pages drawn by scripts: what rendering costs, and what it does to a polite crawl's rate.

Two comparisons, each run in the same bench run against its baseline:

- cost: the CPU-bound mock web (no latency, no delay) crawled with every site drawn by scripts
  and every page rendered (the per-site budget lifted), against the same sites served plain. CPU
  per page (crawler, Playwright driver and Chromium together) and the peak memory of the whole
  process tree (summed PSS: Chromium's processes share their libraries).
- polite: the polite mock web (server latency, the crawler's own delays) with 5 % of the sites
  drawn by scripts and the default budget, against the plain mock web: sites per hour (target:
  within 20 %) and the whole crawl's peak memory (target: under 1 GB).

Chromium never resolves the mock hosts: every connection it makes goes through the crawl's
egress proxy (crawler/egress.py), which resolves them with the crawl's own resolver (the bench's,
mapping `*.bench.test` to the mock server's address).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from bench import crawlrun
from bench.server_proc import MockServer

POLITE_SHARE = 0.05


@dataclass
class RenderFigures:
    plain_cost: crawlrun.RunResult
    rendered_cost: crawlrun.RunResult
    plain_polite: crawlrun.RunResult
    scripted_polite: crawlrun.RunResult

    def to_json(self) -> dict:
        return {name: getattr(self, name).to_json() for name in self.__dataclass_fields__}


def _run(server: MockServer, share: float, mode: str, n: int, work: Path, cap: float | None,
         extra: dict) -> crawlrun.RunResult:
    server.set_scripted(share)
    print(f"[bench] render {mode} N={n} scripted={share:.0%} ...", file=sys.stderr, flush=True)
    return crawlrun.run("full", mode, n, server, work, cap=cap, extra=extra, proportional=True)


def run(work: Path, *, cost_sites: int, polite_sites: int, polite_window: float, latency_ms: float,
        cpu_cap: float | None) -> RenderFigures:
    every_page = {"PROSPECT_RENDER_PAGES_PER_SITE": 1000}
    with MockServer(max_sites=max(10_000, polite_sites)) as server:
        server.set_latency(0)
        plain_cost = _run(server, 0.0, "cpu", cost_sites, work / "cost-plain", cpu_cap, every_page)
        rendered_cost = _run(server, 1.0, "cpu", cost_sites, work / "cost-rendered", cpu_cap, every_page)
        server.set_latency(latency_ms)
        plain_polite = _run(server, 0.0, "polite", polite_sites, work / "polite-plain", polite_window, {})
        scripted_polite = _run(server, POLITE_SHARE, "polite", polite_sites, work / "polite-scripted",
                               polite_window, {})
    return RenderFigures(plain_cost, rendered_cost, plain_polite, scripted_polite)


def _per_page(r: crawlrun.RunResult, fetches: int) -> float:
    """CPU ms per page (a rendered page is fetched twice: plainly, then by the browser)."""
    pages = r.pages / fetches
    return r.cpu / pages * 1000 if pages else 0.0


def render(f: RenderFigures) -> list[str]:
    plain, rendered = _per_page(f.plain_cost, 1), _per_page(f.rendered_cost, 2)
    rate = f.scripted_polite.sites_per_hour / f.plain_polite.sites_per_hour if f.plain_polite.sites_per_hour else 0
    return [
        "Pages drawn by scripts (full pipeline; CPU and memory (PSS) of the crawl, Playwright and Chromium together)",
        f"  cost, every page rendered: {rendered:.1f} ms CPU/page, peak {f.rendered_cost.peak_rss_mb:.0f} MB; "
        f"plain: {plain:.1f} ms CPU/page, peak {f.plain_cost.peak_rss_mb:.0f} MB; "
        f"a rendered page costs {rendered / plain if plain else 0:.1f}x a plain one",
        f"  polite, {POLITE_SHARE:.0%} of sites drawn by scripts: {f.scripted_polite.sites_per_hour:.0f} sites/h, "
        f"peak {f.scripted_polite.peak_rss_mb:.0f} MB; plain: {f.plain_polite.sites_per_hour:.0f} sites/h, "
        f"peak {f.plain_polite.peak_rss_mb:.0f} MB; rate {rate:.2f}x the plain web's "
        f"(targets: >= 0.80x; < 1024 MB)",
    ]
