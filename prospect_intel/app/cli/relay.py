"""Many workers over a shared queue in Redis: `queue push`, `queue status`, `worker`, `collect`."""
from __future__ import annotations

import signal
import threading
from pathlib import Path

import click
from rich.text import Text

from prospect_intel.app.cli.console import err, out, print_json
from prospect_intel.app.cli.context import Context, pass_ctx
from prospect_intel.app.i18n import _

REDIS = click.option("--redis", "redis_url", envvar="PROSPECT_REDIS", required=True, metavar="URL",
                     help="Redis URL: redis://[:password@]host:6379/0, rediss:// for TLS (or set $PROSPECT_REDIS).")


@click.group("queue")
def queue_group() -> None:
    """The shared queue in Redis that workers on other machines take prospects from."""


@queue_group.command("push")
@REDIS
@click.option("--limit", type=click.IntRange(min=0), default=0, help="Push at most N prospects (0: all queued).")
@pass_ctx
def push_command(ctx: Context, redis_url: str, limit: int) -> None:
    """Put the store's queued prospects on the shared queue (they are then out with the workers)."""
    from prospect_intel.app.relay.collector import push

    sent = push(ctx.open(create=False), redis_url, limit)
    out.print(Text(_("pushed %(count)s prospect(s) to the shared queue", count=sent)))


@queue_group.command("status")
@REDIS
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_ctx
def status_command(ctx: Context, redis_url: str, as_json: bool) -> None:
    """Queued, leased (by which worker, for how long), waiting to be collected, workers alive."""
    from prospect_intel.app.relay.collector import status

    found = status(ctx.open(create=False) if Path(ctx.db_path).exists() else None, redis_url)
    if as_json:
        print_json(found)
        return
    out.print(Text(_("queued %(queued)s, leased %(leased)s, to collect %(collect)s, workers alive %(workers)s",
                     queued=found["queued"], leased=len(found["leased"]), collect=found["to_collect"],
                     workers=len(found["workers_alive"]))))
    if found["store"]:
        out.print(Text(_("store: done %(done)s, failed %(failed)s, out with the workers %(out)s",
                         done=found["store"].get("done", 0), failed=found["store"].get("failed", 0),
                         out=found["store"]["outstanding"])))
    for lease in found["leased"]:
        out.print(Text(_("  %(worker)s holds %(entry)s (lease renewed %(idle)s s ago)", worker=lease["worker"],
                         entry=lease["job_entry"], idle=lease["idle_s"])))


@click.command("worker")
@REDIS
@click.option("--name", help="This worker's name in the queue (default: host-pid).")
@click.option("--pages-per-site", type=click.IntRange(min=1, max=1000), default=30, show_default=True)
@click.option("--allow-private", is_flag=True, help="Allow private, loopback and reserved addresses.")
@click.option("--lease", type=click.FloatRange(min=1), default=120, show_default=True,
              help="Seconds after which a job whose worker stopped renewing it goes to another worker.")
@click.option("--exit-when-empty", is_flag=True, help="Stop when no job is left, instead of waiting for more.")
@click.option("--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Override a crawler setting.")
@click.option("--log-file", type=click.Path(dir_okay=False), help="Write Scrapy's log (INFO) here.")
def worker_command(redis_url: str, name: str | None, pages_per_site: int, allow_private: bool, lease: float,
                   exit_when_empty: bool, overrides: tuple[str, ...], log_file: str | None) -> None:
    """Take prospects from the shared queue, crawl and extract them, hand each site back (no store here)."""
    from prospect_intel.app.cli.queue import _parse_overrides, _print_crawl_summary
    from prospect_intel.app.crawl_run import CrawlOptions
    from prospect_intel.app.relay.worker import run_worker

    options = CrawlOptions(db_path="", pages_per_site=pages_per_site, allow_private=allow_private,
                           overrides=_parse_overrides(overrides), log_file=log_file, show_progress=False)
    _print_crawl_summary(run_worker(redis_url, options, name=name, lease=lease, exit_when_empty=exit_when_empty))


@click.command("collect")
@REDIS
@click.option("--follow", is_flag=True, help="Keep collecting as sites come back, until stopped.")
@click.option("--rubric", help="Rubric file or bundled name (default: the store's).")
@pass_ctx
def collect_command(ctx: Context, redis_url: str, follow: bool, rubric: str | None) -> None:
    """Store the sites the workers hand back (the store's one writer), scored with the reviews."""
    from prospect_intel.app.relay.collector import collect

    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    found = collect(ctx.open(create=False), redis_url, follow=follow, rubric_spec=rubric,
                    say=lambda line: err.print(Text(line)), stop=stopping.is_set)
    out.print(Text(_("stored %(stored)s site(s); %(duplicates)s handed back twice and stored once",
                     stored=found.stored, duplicates=found.duplicates)))


COMMANDS = [queue_group, worker_command, collect_command]
