"""Commands that fill and work the queue: add, crawl, record."""
from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
import sys
import tempfile
from pathlib import Path

import click
from rich.text import Text

from prospect_intel.app.cli.console import err, out
from prospect_intel.app.cli.context import Context, pass_ctx
from prospect_intel.app.i18n import _, word
from prospect_intel.app.queue_input import parse_line, read_url_file, refuse_private, spooled
from prospect_intel.app.report import prospect_json
from prospect_intel.app.store import Store
from prospect_intel.core.errors import ProspectError
from prospect_intel.core.urls import normalise_url
from prospect_intel.crawler.fixtures import MANIFEST

ADD_BATCH = 5000
MAX_REPORTED_LINES = 50


@click.command()
@click.argument("urls", nargs=-1)
@click.option(
    "--file", "file_path", type=click.Path(dir_okay=False, allow_dash=True),
    help="One URL a line, or a CSV, TSV or XLSX table with a URL column (url, website, 网址, 官网 ...) and "
         "a name column; - reads standard input."
)
@click.option("--name", help="Company name, when adding a single URL.")
@click.option("--allow-private", is_flag=True,
              help="Also queue addresses that cannot be a public company site (IP addresses, localhost, test names).")
@pass_ctx
def add(ctx: Context, urls: tuple[str, ...], file_path: str | None, name: str | None, allow_private: bool) -> None:
    """Queue prospect URLs for the next crawl (one prospect per company site)."""
    if not urls and not file_path:
        raise click.UsageError(_("give URLs or --file FILE"))
    entries = [parse_line(i, u, name) for i, u in enumerate(urls, start=1)]
    if file_path == "-":  # read from a scratch copy, removed when the command ends
        file_path = str(click.get_current_context().with_resource(spooled(sys.stdin.buffer)))
    lines = read_url_file(file_path) if file_path else iter(())
    counts = {"added": 0, "queued": 0, "crawling": 0, "done": 0, "failed": 0, "invalid": 0, "garbled": 0,
              "same_site": 0}
    reported = 0
    verbose = not file_path
    batch: list = []
    for entry in itertools.chain(entries, lines):  # streamed: a huge file is never held in memory
        if not allow_private:
            entry = refuse_private(entry, _(" (--allow-private queues it)"))
        if entry.warning and not entry.error:
            counts["garbled"] += 1
            if reported < MAX_REPORTED_LINES:
                err.print(Text(_("line %(line)s: %(raw)r: %(problem)s", line=entry.line, raw=entry.raw,
                                 problem=entry.warning)), style="yellow")
                reported += 1
        if entry.error:
            counts["invalid"] += 1
            if reported < MAX_REPORTED_LINES:
                where = _("line %(line)s", line=entry.line) if file_path and entry not in entries \
                    else _("argument")
                err.print(Text(f"{where}: {entry.raw!r}: {entry.error}"), style="red")
                reported += 1
            continue
        batch.append(entry)
        if len(batch) >= ADD_BATCH:
            _add_batch(ctx.open(create=True), batch, counts, verbose)
            batch = []
    _add_batch(ctx.open(create=True), batch, counts, verbose)
    out.print(_add_summary(counts))
    if counts["invalid"] and not (counts["added"] or counts["queued"] or counts["done"]):
        sys.exit(2)


def _add_batch(store: Store, batch: list, counts: dict[str, int], verbose: bool) -> None:
    if not batch:
        return
    for result in store.add_prospects((e.url, e.name) for e in batch):
        counts[result.outcome] += 1
        counts["same_site"] += bool(result.same_site)
        if verbose and result.same_site:
            out.print(Text(_("%(url)s: the same site as %(known)s (already %(status)s), left as it is",
                             url=result.url, known=result.same_site, status=word(result.outcome))))
        elif verbose and result.outcome != "added":
            out.print(Text(_("%(url)s: already %(status)s, left as it is", url=result.url,
                             status=word(result.outcome))))


def _add_summary(counts: dict[str, int]) -> str:
    already = counts["queued"] + counts["crawling"] + counts["done"] + counts["failed"]
    parts = [_("added %(count)s", count=counts["added"]), _("already known %(count)s", count=already)]
    if counts["same_site"]:
        parts.append(_("of them another address of a known site %(count)s", count=counts["same_site"]))
    if counts["invalid"]:
        parts.append(_("invalid %(count)s", count=counts["invalid"]))
    if counts["garbled"]:
        parts.append(_("read with bytes not valid in the file's encoding %(count)s (check their names)",
                       count=counts["garbled"]))
    return _("queue: %(parts)s", parts=_(", ").join(parts))


@click.command()
@click.option("--limit", type=click.IntRange(min=0), default=0, help="Stop after N sites (0: whole queue).")
@click.option("--pages-per-site", type=click.IntRange(min=1, max=1000), default=30, show_default=True)
@click.option("--allow-private", is_flag=True, help="Allow private, loopback and reserved addresses.")
@click.option("--replay", "replay_dir", type=click.Path(file_okay=False, exists=True),
              help="Serve requests from saved-site fixtures instead of the network.")
@click.option("--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Override a crawler setting.")
@click.option("--log-file", type=click.Path(dir_okay=False), help="Write Scrapy's log (INFO) here.")
@click.option("--quiet", is_flag=True, help="No progress display.")
@click.option("--until", "until", metavar="HH:MM",
              help="Take no new site after this local time (the next one to come); the sites in flight are "
                   "finished and the rest wait for the next crawl.")
@click.option("--workers", type=click.IntRange(min=1, max=64), default=1, show_default=True,
              help="Crawl processes working the queue together (one machine; use the cores).")
@pass_ctx
def crawl(ctx: Context, limit, pages_per_site, allow_private, replay_dir, overrides, log_file, quiet, until,
          workers) -> None:
    """Crawl queued prospects until the queue is empty."""
    from prospect_intel.app.crawl_run import CrawlOptions, build_settings, run_crawl
    from prospect_intel.app.crawl_workers import run_workers

    settings = _parse_overrides(overrides)  # a usage error first, whatever the store
    if until:
        settings["PROSPECT_UNTIL"] = window_end(until).timestamp()
    ctx.open(create=False)  # open (and migrate) before Scrapy starts, so a bad file fails cleanly
    options = CrawlOptions(
        db_path=ctx.db_path, limit=limit, pages_per_site=pages_per_site, allow_private=allow_private,
        replay_dir=replay_dir, overrides=settings, log_file=log_file, show_progress=not quiet,
    )
    if workers > 1:  # a setting that stops the crawl (no contact) fails before any worker starts;
        build_settings(options)  # a single crawl checks it itself (run_crawl)
    # failed sites are stored unscored, with the reason (the pipeline)
    summary = run_workers(options, workers) if workers > 1 else run_crawl(options)
    _print_crawl_summary(summary)
    if summary.stopped_at_until:
        left = ctx.open(create=False).status_counts().get("queued", 0)
        out.print(_("the window ended at %(until)s: no new site was taken after it; %(left)s still queued for "
                    "the next crawl", until=until, left=left))


def window_end(text: str, now: dt.datetime | None = None) -> dt.datetime:
    """The next local time HH:MM to come (today's, or tomorrow's when it has passed)."""
    try:
        clock = dt.datetime.strptime(text.strip(), "%H:%M").time()
    except ValueError:
        raise click.BadParameter(_("%(value)r: give a local time as HH:MM, such as 06:30", value=text),
                                 param_hint="--until") from None
    now = now or dt.datetime.now().astimezone()
    end = now.replace(hour=clock.hour, minute=clock.minute, second=0, microsecond=0)
    return end if end > now else end + dt.timedelta(days=1)


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
    out.print(_("crawled %(total)s site(s) in %(seconds)ss: %(done)s done, %(failed)s failed; %(kept)s pages "
                "kept of %(requested)s requested; %(rate)s sites/h", total=total, seconds=f"{summary.seconds:.1f}",
                done=summary.sites_done, failed=summary.sites_failed, kept=summary.pages_kept,
                requested=summary.pages_requested, rate=f"{rate:.0f}"))
    if summary.errors:
        out.print(_("requests not answered, by reason: ")
                  + ", ".join(f"{k} {v}" for k, v in sorted(summary.errors.items())))


@click.command()
@click.argument("url")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--pages-per-site", type=click.IntRange(min=1, max=1000), default=30, show_default=True)
@click.option("--allow-private", is_flag=True, help="Allow private, loopback and reserved addresses.")
@click.option("--force", is_flag=True, help="Write into FOLDER even if it is not empty.")
def record(url: str, folder: str, pages_per_site: int, allow_private: bool, force: bool) -> None:
    """Crawl one site live and save it as a fixture folder (replay it with `crawl --replay`).

    FOLDER must be new, empty, or an earlier recording (its manifest.json; replaced with --force).
    The site is recorded into a scratch folder inside FOLDER and moved into place at the end, so a
    crawl that saves nothing (refused address, no answer) leaves FOLDER as it was and exits 1, and
    nothing outside FOLDER is touched."""
    from prospect_intel.app.crawl_run import CrawlOptions, run_crawl

    start = normalise_url(url)
    target = _fixture_folder(Path(folder), force)
    created = not target.exists()
    scratch = _scratch_in(target)
    recorded = False
    try:
        staged = scratch / target.name  # the recording's name is its folder's
        db_path = str(scratch / "record.db")
        summary = run_crawl(CrawlOptions(
            db_path=db_path, pages_per_site=pages_per_site, allow_private=allow_private,
            record_dir=str(staged), only_urls=(start,), show_progress=False,
        ))
        store = Store(db_path)
        shape = prospect_json(store, store.prospect_row(start))
        store.close()
        if not (staged / MANIFEST).is_file():
            raise ProspectError(f"nothing recorded from {start}: {shape['error'] or shape['status']}; "
                                f"{target} was left as it was")
        _move_into_place(staged, target)
        recorded = True
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if created and not recorded:
            shutil.rmtree(target, ignore_errors=True)
    out.print(Text(f"recorded {start} into {target}: {summary.pages_requested} requests, "
                   f"{len(shape['pages'])} pages kept, status {shape['status']}"
                   + (f" ({shape['error']})" if shape["error"] else "")))


def _fixture_folder(folder: Path, force: bool) -> Path:
    """The absolute folder to record into, or ProspectError saying why it may not be: a symbolic
    link, the root, a file, or a folder holding anything but an earlier recording (`..`, `.` and
    `~` are usually such folders); an earlier recording only with --force."""
    if folder.is_symlink():
        raise ProspectError(f"{folder} is a symbolic link; name the folder itself")
    target = folder.expanduser().resolve()
    if target == Path(target.anchor):
        raise ProspectError(f"{folder} is the root of the file system; name a folder of its own")
    if target.exists() and not target.is_dir():
        raise ProspectError(f"{folder} is a file, not a folder")
    if target.is_dir() and any(target.iterdir()):
        if not (target / MANIFEST).is_file():
            raise ProspectError(f"{folder} ({target}) is not empty and holds no recording (no {MANIFEST}); "
                                "it was left as it was: name a new or empty folder")
        if not force:
            raise ProspectError(f"{target} is not empty (an earlier recording); pass --force to replace it")
    return target


def _scratch_in(target: Path) -> Path:
    """A private scratch folder inside the destination (same file system: the final move is a rename)."""
    try:
        target.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".recording-", dir=target))
    except OSError as exc:
        raise ProspectError(f"cannot write in {target}: {exc.strerror or exc}") from None


def _move_into_place(staged: Path, target: Path) -> None:
    """The recorded manifest and files replace those of `target`; its other entries (labels.json,
    expected.json) stay."""
    for entry in staged.iterdir():
        existing = target / entry.name
        if existing.is_dir() and not existing.is_symlink():
            shutil.rmtree(existing)
        elif existing.exists() or existing.is_symlink():
            existing.unlink()
        entry.rename(existing)


COMMANDS = [add, crawl, record]
