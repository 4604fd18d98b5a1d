"""`python -m bench`: crawl (bare Scrapy vs full pipeline), extraction and store benchmarks.

    python -m bench                       # everything, as `make bench` runs it (~20 min)
    python -m bench --quick               # a few sites and seconds per part: does it still work?
    python -m bench --only crawl --sizes 200 --modes cpu

Crawl runs: for each mode (cpu: no latency, no delay; polite: server latency and the crawler's
default delay/AutoThrottle, one request at a time per site) and each size N, a bare Scrapy
spider and `prospect crawl` work through the same N mock sites. Runs longer than the time cap
are stopped (SIGINT) and measured over the window they ran; sites/hour is then the page rate
divided by the pages a finished site took.
"""
from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from bench import crawlrun, extraction, relaybench, renderbench, report, snapshotbench, storebench
from bench.server_proc import MockServer

REALSITES = Path(__file__).resolve().parent.parent.parent / "shared" / "realsites"


def _ints(text: str) -> tuple[int, ...]:
    return tuple(int(x.replace("_", "")) for x in text.split(",") if x.strip())


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="crawl,extraction,store,snapshots,workers,relay,render",
                        help="comma list of parts: crawl, extraction, store, snapshots, workers, relay, render")
    parser.add_argument("--relay-sites", type=int, default=400, help="sites of the relay part (workers over Redis)")
    parser.add_argument("--render-cost-sites", type=int, default=20, help="sites of the render part's cost runs")
    parser.add_argument("--render-sites", type=int, default=400, help="sites of the render part's polite runs")
    parser.add_argument("--workers", type=_ints, default=(1, 2, 4), help="crawl --workers counts for the workers part")
    parser.add_argument("--workers-sites", type=int, default=1000, help="sites queued for each workers run")
    parser.add_argument("--workers-modes", default="cpu,polite", help="modes of the workers part: cpu, polite or both")
    parser.add_argument("--workers-rounds", type=int, default=1,
                        help="rounds of the workers runs, interleaved (speed-up: per round and median)")
    parser.add_argument("--sizes", type=_ints, default=(200, 1000, 5000), help="N sites per crawl run")
    parser.add_argument("--modes", default="cpu,polite", help="cpu, polite or both")
    parser.add_argument("--kinds", default="bare,full", help="bare, full or both")
    parser.add_argument("--cpu-cap", type=float, default=100.0,
                        help="seconds a cpu-mode run may take before it is stopped and measured (0: none)")
    parser.add_argument("--polite-window", type=float, default=60.0, help="seconds each polite run is measured")
    parser.add_argument("--latency-ms", type=float, default=250.0, help="server latency of polite runs")
    parser.add_argument("--polite-sites", type=int, default=0,
                        help="PROSPECT_CONCURRENT_SITES for polite runs (0: the crawler's default)")
    parser.add_argument("--store-sizes", type=_ints, default=(25_000, 100_000), help="queue sizes for the store part")
    parser.add_argument("--mock-extraction-sites", type=int, default=60)
    parser.add_argument("--realsites", type=Path, default=REALSITES)
    parser.add_argument("--quick", action="store_true", help="tiny sizes and caps: a smoke run")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument("--work", type=Path, help="keep databases and logs here (default: a temporary folder)")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.cpu_cap, args.polite_window = (6,), 20.0, 8.0
        args.store_sizes, args.mock_extraction_sites = (2000,), 4
        args.workers, args.workers_sites, args.relay_sites = (1, 2), 6, 6
        args.render_cost_sites, args.render_sites = 3, 20
    return args


def machine() -> dict:
    import os

    import lxml.etree
    import psutil
    import scrapy

    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    return {"when": time.strftime("%Y-%m-%d %H:%M %Z"), "nproc": os.cpu_count(), "cpu": cpu,
            "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "load_avg": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(), "scrapy": scrapy.__version__,
            "lxml": ".".join(map(str, lxml.etree.LXML_VERSION)), "platform": platform.platform()}


def crawl_part(args, work: Path) -> list[crawlrun.RunResult]:
    results, done = [], {}
    modes = [m for m in args.modes.split(",") if m]
    kinds = [k for k in args.kinds.split(",") if k]
    with MockServer(max_sites=max(10_000, max(args.sizes))) as server:
        for mode in modes:
            server.set_latency(0 if mode == "cpu" else args.latency_ms)
            cap = (args.cpu_cap or None) if mode == "cpu" else args.polite_window
            extra = {"PROSPECT_CONCURRENT_SITES": args.polite_sites} if mode == "polite" and args.polite_sites else {}
            if extra and args.polite_sites > 64:
                extra["CONCURRENT_REQUESTS"] = args.polite_sites
            for n in args.sizes:
                for kind in kinds:
                    print(f"[bench] crawl {mode} N={n} {kind} ...", file=sys.stderr, flush=True)
                    result = crawlrun.run(kind, mode, n, server, work / f"{mode}-{n}-{kind}", cap=cap, extra=extra)
                    reference = done.get(("cpu", n, kind))
                    if mode == "polite" and result.capped and reference and reference.sites_done >= 20:
                        # Few sites finish in a short polite window: take pages per finished site
                        # from the cpu run over the same sites (same budget, same pages).
                        result.requests_per_site = reference.requests_per_site
                    done[(mode, n, kind)] = result
                    print("[bench]   " + report.run_line(result), file=sys.stderr, flush=True)
                    results.append(result)
    return results


def workers_part(args, work: Path) -> list[crawlrun.RunResult]:
    """The full pipeline with 1, 2, 4 ... crawl workers: CPU-bound (no latency, no delay), then
    polite (the server's latency, the crawler's own delays)."""
    results: list[crawlrun.RunResult] = []
    reference = None
    modes = [m for m in args.workers_modes.split(",") if m]
    with MockServer(max_sites=max(10_000, args.workers_sites)) as server:
        for mode in modes:
            server.set_latency(0 if mode == "cpu" else args.latency_ms)
            cap = (args.cpu_cap or None) if mode == "cpu" else args.polite_window
            # Each round: 1, 2, 4 ... workers, then (cpu) as many independent crawls as the most
            # workers, sharing nothing but the machine: what the machine allows more workers to give.
            runs = [("full", c) for c in args.workers] + ([("apart", max(args.workers))] if mode == "cpu" else [])
            for round_, (kind, count) in [(r, run) for r in range(args.workers_rounds) for run in runs]:
                print(f"[bench] crawl {mode} N={args.workers_sites} {kind} x{count} ...", file=sys.stderr, flush=True)
                result = crawlrun.run(kind, mode, args.workers_sites, server,
                                      work / f"workers-{mode}-{kind}-{count}-{round_}", cap=cap, workers=count)
                if mode == "cpu" and result.sites_done > (reference.sites_done if reference else 0):
                    reference = result
                if result.capped and reference and reference.sites_done >= 20:
                    # Pages per finished site belong to the sites, not the run: a capped run that
                    # finished few takes them from the cpu run that finished most (as crawl_part does).
                    result.requests_per_site = reference.requests_per_site
                print("[bench]   " + report.run_line(result), file=sys.stderr, flush=True)
                results.append(result)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    parts = set(args.only.split(","))
    work = args.work or Path(tempfile.mkdtemp(prefix="prospect-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    figures: dict = {"machine": machine(), "settings": {k: str(v) for k, v in vars(args).items()}}
    try:
        crawl = crawl_part(args, work) if "crawl" in parts else []
        extract = []
        if "extraction" in parts:
            print("[bench] extraction ...", file=sys.stderr, flush=True)
            extract = extraction.run(args.realsites, args.mock_extraction_sites)
        store = []
        if "store" in parts:
            print("[bench] store ...", file=sys.stderr, flush=True)
            store = storebench.run(work / "store", args.store_sizes)
        scaling = workers_part(args, work) if "workers" in parts else []
        relayed = relaybench.run(work / "relay", args.relay_sites) if "relay" in parts else None
        rendered = None
        if "render" in parts:
            rendered = renderbench.run(work / "render", cost_sites=args.render_cost_sites,
                                       polite_sites=args.render_sites, polite_window=args.polite_window,
                                       latency_ms=args.latency_ms, cpu_cap=args.cpu_cap or None)
        growth = None
        if "snapshots" in parts:
            print("[bench] snapshots ...", file=sys.stderr, flush=True)
            growth = snapshotbench.run(work / "snapshots")
        figures.update(crawl=[r.to_json() for r in crawl], extraction=[asdict(r) for r in extract],
                       store=[asdict(r) for r in store], snapshots=asdict(growth) if growth else None,
                       workers=[r.to_json() for r in scaling], relay=relayed.to_json() if relayed else None,
                       render=rendered.to_json() if rendered else None,
                       seconds=round(time.monotonic() - started, 1))
        print(report.render(figures["machine"], args, crawl, extract, store, time.monotonic() - started))
        if scaling:
            print("\n".join(["", *report.workers_table(scaling)]))
        if relayed:
            print("\n".join(["", *relaybench.render(relayed)]))
        if growth:
            print("\n".join(["", *snapshotbench.render(growth)]))
        if rendered:
            print("\n".join(["", *renderbench.render(rendered)]))
        if args.json:
            args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False))
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
