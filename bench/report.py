"""Print the bench's figures as plain-text tables, with the issue's targets checked."""
from __future__ import annotations

import statistics

from bench.crawlrun import RunResult


def run_line(r: RunResult) -> str:
    cut = f" (capped at {r.seconds:.0f}s)" if r.capped else ""
    return (f"{r.kind} {r.mode} N={r.sites}: {r.pages} pages in {r.seconds:.1f}s{cut}, {r.pages_per_s:.1f} pages/s, "
            f"{r.sites_done} sites done, {r.sites_per_hour:.0f} sites/h, {r.cpu_ms_per_page:.2f} ms CPU/page, "
            f"peak RSS {r.peak_rss_mb:.0f} MB")


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = lambda cells: "  ".join(str(c).rjust(w) for c, w in zip(cells, widths))  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if a and b else "-"


def crawl_table(results: list[RunResult]) -> str:
    pairs: dict[tuple[str, int], dict[str, RunResult]] = {}
    for r in results:
        pairs.setdefault((r.mode, r.sites), {})[r.kind] = r
    rows = []
    for (mode, n), by_kind in pairs.items():
        bare, full = by_kind.get("bare"), by_kind.get("full")

        def cell(r, fmt, attr):
            return fmt.format(getattr(r, attr)) if r else "-"

        window = "/".join(f"{r.seconds:.0f}{'*' if r.capped else ''}" for r in (bare, full) if r)
        rows.append([mode, n, window,
                     cell(bare, "{:.1f}", "pages_per_s"), cell(full, "{:.1f}", "pages_per_s"),
                     _ratio(full.pages_per_s, bare.pages_per_s) if bare and full else "-",
                     cell(bare, "{:.0f}", "sites_per_hour"), cell(full, "{:.0f}", "sites_per_hour"),
                     cell(bare, "{:.2f}", "cpu_ms_per_page"), cell(full, "{:.2f}", "cpu_ms_per_page"),
                     _ratio(full.cpu_ms_per_page, bare.cpu_ms_per_page) if bare and full else "-",
                     cell(bare, "{:.0f}", "peak_rss_mb"), cell(full, "{:.0f}", "peak_rss_mb"),
                     "/".join(str(r.sites_done) for r in (bare, full) if r)])
    header = ["mode", "N", "window s", "bare p/s", "full p/s", "full/bare", "bare sites/h", "full sites/h",
              "bare ms CPU/p", "full ms CPU/p", "CPU full/bare", "bare RSS MB", "full RSS MB", "sites done"]
    return _table(header, rows)


def targets(crawl: list[RunResult], extract, store) -> list[str]:
    lines = []
    by = {(r.mode, r.sites, r.kind): r for r in crawl}
    cpu = [
        (by[k], by[("cpu", k[1], "bare")])
        for k in by
        if k[0] == "cpu" and k[2] == "full" and ("cpu", k[1], "bare") in by
    ]
    if cpu:
        worst = max(f.cpu_ms_per_page / b.cpu_ms_per_page for f, b in cpu if b.cpu_ms_per_page)
        lines.append(f"CPU per page, full <= 3x bare: worst {worst:.2f}x -> {'met' if worst <= 3 else 'MISSED'}")
    polite = [r for r in crawl if r.mode == "polite" and r.kind == "full"]
    if polite and min(r.sites_done for r in polite) < 10:
        lines.append("polite >= 5,000 sites/h: too few sites finished in the window to judge")
    elif polite:
        low = min(r.sites_per_hour for r in polite)
        lines.append(f"polite >= 5,000 sites/h: lowest {low:.0f} -> {'met' if low >= 5000 else 'MISSED'}")
    fulls = {r.sites: r for r in crawl if r.kind == "full" and r.mode == "cpu"}
    if fulls:
        peak = max(r.peak_rss_mb for r in fulls.values())
        flat = ""
        if 1000 in fulls and 5000 in fulls:
            growth = fulls[5000].peak_rss_mb / fulls[1000].peak_rss_mb
            flat = f", 5,000 vs 1,000 sites {growth:.2f}x"
        lines.append(f"peak RSS < 400 MB: highest {peak:.0f} MB{flat} -> {'met' if peak < 400 else 'MISSED'}")
    for e in extract:
        lines.append(
            f"extraction <= 4x lxml parse ({e.corpus}): {e.ratio:.2f}x -> {'met' if e.ratio <= 4 else 'MISSED'}"
            f" (parse_page alone, before any extractor: {e.pages_ratio:.2f}x)"
        )
    if store:
        big = max(store, key=lambda s: s.prospects)
        lines.append(f"add {big.prospects:,} prospects < 30 s: {big.add_s:.1f}s -> "
                     f"{'met' if big.add_s < 30 or big.prospects < 100_000 else 'MISSED'}")
        path, ms = big.slowest_page
        lines.append(f"every web page < 300 ms at {big.prospects:,} prospects (issue 15): slowest {ms:.0f} ms "
                     f"({path}) -> {'met' if ms < 300 else 'MISSED'}")
    return lines


def render(machine: dict, args, crawl, extract, store, seconds: float) -> str:
    out = [f"prospect bench — {machine['when']}: {machine['nproc']} CPU ({machine['cpu']}), "
           f"{machine['memory_gb']} GB, load {machine['load_avg']}, Python {machine['python']}, "
           f"Scrapy {machine['scrapy']}, lxml {machine['lxml']}"]
    if crawl:
        out += [
            "",
            "Crawl: bare Scrapy vs full pipeline on the same mock sites "
            f"(cpu: no latency, no delay; polite: {args.latency_ms:.0f} ms latency, default delay/AutoThrottle; "
            f"* = stopped at the time cap, figures over that window, sites/h = pages/s / pages per finished site)",
            crawl_table(crawl),
        ]
        fulls = [r for r in crawl if r.kind == "full" and r.db_sites]
        if fulls:
            r = max(fulls, key=lambda x: x.db_sites)
            out.append(f"store size: {r.db_mb:.1f} MB for {r.db_sites} crawled sites"
                       f" = {r.db_mb * 1024 / r.db_sites:.0f} KB per site")
    if extract:
        out += ["", "Extraction alone (CPU, one core) vs a bare lxml parse of the same pages",
                "(ratio: extraction / parse; pages alone: parse_page, before any extractor, / parse)",
                _table(["corpus", "sites", "pages", "MB", "extract pages/s", "lxml pages/s", "ratio",
                        "pages alone"],
                       [[e.corpus, e.sites, e.pages, f"{e.megabytes:.1f}", f"{e.pages_per_s:.1f}",
                         f"{e.parse_pages_per_s:.0f}", f"{e.ratio:.2f}", f"{e.pages_ratio:.2f}"]
                        for e in extract])]
    if store:
        out += ["", "Store (wall seconds, `prospect` subprocess)",
                _table(["prospects", "add s", "list s", "export csv s", "export json s", "DB MB"],
                       [[f"{s.prospects:,}", f"{s.add_s:.1f}", f"{s.list_s:.1f}", f"{s.export_csv_s:.1f}",
                         f"{s.export_json_s:.1f}", f"{s.db_mb:.1f}"] for s in store]),
                "", "Web pages (median ms of three, in process)",
                _table(["prospects", *store[0].page_ms],
                       [[f"{s.prospects:,}", *(f"{ms:.0f}" for ms in s.page_ms.values())] for s in store])]
    out += ["", "Targets (issue 6)", *("  " + line for line in targets(crawl, extract, store)),
            "", f"bench took {seconds / 60:.1f} min"]
    return "\n".join(out)


_WORKERS_KIND = {"full": "--workers", "apart": "separate crawls"}


def workers_table(results: list[RunResult]) -> list[str]:
    """`crawl --workers N` on the mock web, per mode: rates, CPU per page, speed-up over one
    worker (the one-worker run before it: runs come in rounds of 1, 2, 4 ... workers)."""
    rows, speedups = [], {}
    one = None
    for r in results:
        if r.workers == 1 and r.kind == "full":
            one = r
        ratio = r.pages_per_s / one.pages_per_s if one and one.mode == r.mode and one.pages_per_s else None
        if ratio is not None:
            speedups.setdefault((r.mode, r.kind, r.workers), []).append(ratio)
        rows.append([r.mode, _WORKERS_KIND[r.kind], r.workers, f"{r.seconds:.0f}{'*' if r.capped else ''}",
                     f"{r.pages_per_s:.1f}", f"{r.sites_per_hour:.0f}", f"{r.cpu_ms_per_page:.2f}",
                     f"{r.peak_rss_mb:.0f}", f"{r.peak_rss_mb / max(r.workers, 1):.0f}",
                     f"{ratio:.2f}x" if ratio is not None else "-"])
    medians = [f"{mode} {_WORKERS_KIND[kind]} x{workers} {statistics.median(found):.2f}x ({len(found)} rounds)"
               for (mode, kind, workers), found in speedups.items() if workers > 1]
    return ["Crawl workers (full pipeline, mock web; * = capped window; RSS of all processes; separate crawls:"
            " independent crawls of separate stores, what the machine allows)",
            _table(["mode", "how", "workers", "window s", "pages/s", "sites/h", "ms CPU/page", "RSS MB",
                    "RSS MB/worker", "speed-up"], rows),
            *(["median speed-up: " + "; ".join(medians)] if medians else [])]
