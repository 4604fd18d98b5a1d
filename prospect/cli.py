"""The `prospect` command: a thin click layer over the store, the crawler and the reports.

Library errors (`ProspectError`) become one-line messages and exit codes here, nowhere else.
"""
from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from prospect.errors import ProspectError
from prospect.queue_input import read_url_file
from prospect.report import csv_columns, csv_row, prospect_json
from prospect.store import Store
from prospect.urls import normalise_url

ADD_BATCH = 5000
MAX_REPORTED_LINES = 50
# Piped output (a file, a log) gets long lines rather than truncated URLs.
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class Context:
    def __init__(self, db_path: str):
        self.db_path = db_path
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.db_path)
        return self._store


pass_ctx = click.make_pass_decorator(Context)


@click.group()
@click.option("--db", "db_path", envvar="PROSPECT_DB", default="prospects.db", show_default=True,
              type=click.Path(dir_okay=False), help="SQLite store (or set $PROSPECT_DB).")
@click.version_option(package_name="prospect-intel")
@click.pass_context
def cli(ctx: click.Context, db_path: str) -> None:
    """Research channel-sales prospects from their websites, overnight."""
    ctx.obj = Context(db_path)


@cli.command()
@click.argument("urls", nargs=-1)
@click.option("--file", "file_path", type=click.Path(dir_okay=False), help="One URL a line, or a CSV with url (and name) columns.")
@click.option("--name", help="Company name, when adding a single URL.")
@pass_ctx
def add(ctx: Context, urls: tuple[str, ...], file_path: str | None, name: str | None) -> None:
    """Queue prospect URLs for the next crawl."""
    from prospect.queue_input import _entry  # one parser for arguments and files

    if not urls and not file_path:
        raise click.UsageError("give URLs or --file FILE")
    entries = [_entry(i, u, name) for i, u in enumerate(urls, start=1)]
    lines = read_url_file(file_path) if file_path else iter(())
    counts = {"added": 0, "queued": 0, "crawling": 0, "done": 0, "failed": 0, "invalid": 0}
    reported = 0
    verbose = not file_path
    batch: list = []
    for entry in [*entries, *lines]:
        if entry.error:
            counts["invalid"] += 1
            if reported < MAX_REPORTED_LINES:
                where = f"line {entry.line}" if file_path and entry not in entries else "argument"
                err.print(Text(f"{where}: {entry.raw!r}: {entry.error}"), style="red")
                reported += 1
            continue
        batch.append(entry)
        if len(batch) >= ADD_BATCH:
            _add_batch(ctx.store, batch, counts, verbose)
            batch = []
    _add_batch(ctx.store, batch, counts, verbose)
    out.print(_add_summary(counts))
    if counts["invalid"] and not (counts["added"] or counts["queued"] or counts["done"]):
        sys.exit(2)


def _add_batch(store: Store, batch: list, counts: dict[str, int], verbose: bool) -> None:
    if not batch:
        return
    for result in store.add_prospects((e.url, e.name) for e in batch):
        counts[result.outcome] += 1
        if verbose and result.outcome != "added":
            out.print(Text(f"{result.url}: already {result.outcome}, left as it is"))


def _add_summary(counts: dict[str, int]) -> str:
    already = counts["queued"] + counts["crawling"] + counts["done"] + counts["failed"]
    parts = [f"added {counts['added']}", f"already known {already}"]
    if counts["invalid"]:
        parts.append(f"invalid {counts['invalid']}")
    return "queue: " + ", ".join(parts)


@cli.command()
@click.option("--limit", type=click.IntRange(min=0), default=0, help="Stop after N sites (0: whole queue).")
@click.option("--pages-per-site", type=click.IntRange(min=1, max=1000), default=30, show_default=True)
@click.option("--allow-private", is_flag=True, help="Allow private, loopback and reserved addresses.")
@click.option("--replay", "replay_dir", type=click.Path(file_okay=False, exists=True),
              help="Serve requests from saved-site fixtures instead of the network.")
@click.option("--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Override a crawler setting.")
@click.option("--log-file", type=click.Path(dir_okay=False), help="Write Scrapy's log (INFO) here.")
@click.option("--quiet", is_flag=True, help="No progress display.")
@pass_ctx
def crawl(ctx: Context, limit, pages_per_site, allow_private, replay_dir, overrides, log_file, quiet) -> None:
    """Crawl queued prospects until the queue is empty."""
    from crawler.runner import CrawlOptions, run_crawl

    ctx.store  # open (and migrate) before Scrapy starts, so a bad file fails cleanly
    options = CrawlOptions(
        db_path=ctx.db_path, limit=limit, pages_per_site=pages_per_site, allow_private=allow_private,
        replay_dir=replay_dir, overrides=_parse_overrides(overrides), log_file=log_file, show_progress=not quiet,
    )
    summary = run_crawl(options)
    _print_crawl_summary(summary)


def _parse_overrides(pairs: tuple[str, ...]) -> dict[str, object]:
    values = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{pair!r}: expected NAME=VALUE", param_hint="--set")
        try:
            values[name.strip()] = json.loads(raw)
        except ValueError:
            values[name.strip()] = raw
    return values


def _print_crawl_summary(summary) -> None:
    total = summary.sites_done + summary.sites_failed
    rate = total / summary.seconds * 3600 if summary.seconds else 0
    out.print(
        f"crawled {total} site(s) in {summary.seconds:.1f}s: {summary.sites_done} done, "
        f"{summary.sites_failed} failed; {summary.pages_kept} pages kept of {summary.pages_requested} "
        f"requested; {rate:.0f} sites/h"
    )
    if summary.errors:
        out.print("requests not answered, by reason: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.errors.items())))


@cli.command("list")
@click.option("--status", type=click.Choice(["queued", "crawling", "done", "failed"]))
@click.option("--json", "as_json", is_flag=True, help="JSON list in the contract's shape.")
@pass_ctx
def list_(ctx: Context, status: str | None, as_json: bool) -> None:
    """List prospects: status, pages kept, grade."""
    store = ctx.store
    if as_json:
        _print_json([prospect_json(store, row) for row in store.prospects(status)])
        return
    counts = store.page_counts()
    table = Table("prospect", "url", "status", "pages", "grade", "error", box=None, pad_edge=False)
    for row in store.prospects(status):
        table.add_row(Text(row["name"] or row["domain"]), Text(row["url"]), row["status"],
                      str(counts.get(row["id"], 0)), "", Text(row["error_kind"] or ""))
    out.print(table)
    summary = store.status_counts()
    out.print(", ".join(f"{k} {v}" for k, v in sorted(summary.items())) or "the queue is empty")


@cli.command()
@click.argument("url")
@click.option("--json", "as_json", is_flag=True, help="JSON object in the contract's shape.")
@pass_ctx
def show(ctx: Context, url: str, as_json: bool) -> None:
    """Show what was found for one prospect."""
    shape = prospect_json(ctx.store, ctx.store.prospect_row(url))
    if as_json:
        _print_json(shape)
        return
    out.print(Text(f"{shape['name'] or shape['domain']}  {shape['url']}", style="bold"))
    out.print(Text(f"status: {shape['status']}" + (f" ({shape['error']})" if shape["error"] else "")))
    if shape["final_url"] and shape["final_url"] != shape["url"]:
        out.print(Text(f"site: {shape['final_url']}"))
    for role in ("home", "about", "products", "cases", "contact", "other"):
        pages = [p for p in shape["pages"] if p["role"] == role]
        if pages:
            out.print(Text(f"\n{role} ({len(pages)})", style="bold"))
            for page in pages:
                out.print(Text(f"  {page['status']}  {page['url']}  {page['title'] or ''}"))
    if not shape["evidence"]:
        out.print("\nevidence: none yet")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write (default: stdout).")
@pass_ctx
def export(ctx: Context, fmt: str, output: str | None) -> None:
    """Export every prospect with its evidence and score."""
    store = ctx.store
    shapes = (prospect_json(store, row) for row in store.prospects())
    target = Path(output) if output else None
    if fmt == "json":
        text = json.dumps(list(shapes), ensure_ascii=False, indent=1) + "\n"
        _write(target, text.encode("utf-8"))
    else:
        buffer = _csv_text(shapes)
        _write(target, buffer.encode("utf-8-sig"))
    if target:
        err.print(f"wrote {target}")


def _csv_text(shapes) -> str:
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=csv_columns(), lineterminator="\r\n")
    writer.writeheader()
    for shape in shapes:
        writer.writerow(csv_row(shape))
    return buffer.getvalue()


def _write(target: Path | None, data: bytes) -> None:
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    tmp = target.with_name(target.name + ".tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(target)
    except OSError as exc:
        raise ProspectError(f"cannot write {target}: {exc.strerror or exc}") from None


@cli.command()
@click.argument("url")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--pages-per-site", type=click.IntRange(min=1, max=1000), default=30, show_default=True)
@click.option("--allow-private", is_flag=True, help="Allow private, loopback and reserved addresses.")
@click.option("--force", is_flag=True, help="Write into FOLDER even if it is not empty.")
def record(url: str, folder: str, pages_per_site: int, allow_private: bool, force: bool) -> None:
    """Crawl one site live and save it as a fixture folder (replay it with `crawl --replay`)."""
    from crawler.runner import CrawlOptions, run_crawl

    start = normalise_url(url)
    target = Path(folder)
    if target.exists() and any(target.iterdir()) and not force:
        raise ProspectError(f"{target} is not empty; choose another folder or pass --force")
    with tempfile.TemporaryDirectory(prefix="prospect-record-") as scratch:
        db_path = os.path.join(scratch, "record.db")
        summary = run_crawl(CrawlOptions(
            db_path=db_path, pages_per_site=pages_per_site, allow_private=allow_private,
            record_dir=str(target), only_urls=(start,), show_progress=False,
        ))
        store = Store(db_path)
        shape = prospect_json(store, store.prospect_row(start))
        store.close()
    out.print(Text(f"recorded {start} into {target}: {summary.pages_requested} requests, "
                   f"{len(shape['pages'])} pages kept, status {shape['status']}"
                   + (f" ({shape['error']})" if shape["error"] else "")))


def _print_json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=1) + "\n")


def main() -> None:
    try:
        cli(standalone_mode=True)
    except ProspectError as exc:
        err.print(Text(f"error: {exc}"), style="red")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
