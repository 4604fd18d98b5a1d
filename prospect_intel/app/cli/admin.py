"""Commands that look after the store itself: init, backup."""
from __future__ import annotations

import os
from pathlib import Path

import click
from rich.text import Text

from prospect_intel.app.cli.console import out
from prospect_intel.app.cli.context import Context, pass_ctx
from prospect_intel.core.errors import StoreError


@click.command()
@pass_ctx
def init(ctx: Context) -> None:
    """Create the store (--db or $PROSPECT_DB) on purpose; an existing one is left as it is."""
    existed = Path(ctx.db_path).exists()
    store = ctx.open(create=True)
    count = sum(store.status_counts().values())
    out.print(Text(f"store {ctx.db_path} already exists ({count} prospects), left as it is" if existed
                   else f"created the store {ctx.db_path}"))


@click.command()
@click.argument("target", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Replace TARGET when it exists.")
@pass_ctx
def backup(ctx: Context, target: str, force: bool) -> None:
    """Copy the store to TARGET, consistently, even while a crawl or the web app runs."""
    store = ctx.store
    if Path(target).exists() and not force:
        raise click.UsageError(f"{target} exists; give another file or --force")
    if Path(target).exists() and os.path.samefile(target, ctx.db_path):
        raise StoreError(f"{target} is the store itself")
    size = store.backup(target)
    out.print(Text(f"backed up {ctx.db_path} to {target} ({size:,} bytes)"))


COMMANDS = [init, backup]
