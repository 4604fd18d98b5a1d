"""Commands that look after the store itself: init, backup."""
from __future__ import annotations

import os
from pathlib import Path

import click
from rich.text import Text

from prospect_intel.app.cli.console import out
from prospect_intel.app.cli.context import Context, pass_ctx
from prospect_intel.app.i18n import _
from prospect_intel.core.errors import StoreError


@click.command()
@pass_ctx
def init(ctx: Context) -> None:
    """Create the store (--db or $PROSPECT_DB) on purpose; an existing one is left as it is."""
    existed = Path(ctx.db_path).exists()
    store = ctx.open(create=True)
    count = sum(store.status_counts().values())
    out.print(Text(_("store %(file)s already exists (%(count)s prospects), left as it is", file=ctx.db_path,
                     count=count) if existed else _("created the store %(file)s", file=ctx.db_path)))


@click.command()
@click.argument("target", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Replace TARGET when it exists.")
@pass_ctx
def backup(ctx: Context, target: str, force: bool) -> None:
    """Copy the store to TARGET, consistently, even while a crawl or the web app runs."""
    store = ctx.store
    if Path(target).exists() and not force:
        raise click.UsageError(_("%(file)s exists; give another file or --force", file=target))
    if Path(target).exists() and os.path.samefile(target, ctx.db_path):
        raise StoreError(_("%(file)s is the store itself", file=target))
    size = store.backup(target)
    out.print(Text(_("backed up %(file)s to %(target)s (%(size)s bytes)", file=ctx.db_path, target=target,
                     size=f"{size:,}")))


COMMANDS = [init, backup]
